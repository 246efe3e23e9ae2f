package org.wasmj.exec.spi;

import java.util.Map;

/**
 * Runs Wasm functions: the part of wasmj that differs between executors. One executor serves
 * every store of its engine; per-store state goes in {@link GuestStore#setExecutorState}, per-module
 * state in {@link GuestModule#setExecutorData}.
 *
 * <pre>{@code
 * public void invoke(GuestFunction f, long[] args, long[] results) {
 *   long[] r = run(f, args, f.instance().store().hostCallDepth());
 *   System.arraycopy(r, 0, results, 0, results.length);
 * }
 * }</pre>
 *
 * @implNote Implementations must be thread-safe across stores; each store is used by one thread
 *     at a time. Guest events are {@code WasmException}s; deep recursion must end in
 *     {@code ExhaustionException("call stack exhausted")}, never a {@code StackOverflowError}.
 */
public interface Executor {
  /** True if the IR should count loop iterations ({@code COUNT_LOOP}) for this executor to tier up. */
  default boolean countsLoops() {
    return false;
  }

  /**
   * Called once when a module is compiled, after eager translation (the {@code eager}
   * compilation mode); may prepare code ahead.
   */
  default void prepare(GuestModule module, boolean eager) {}

  /**
   * What the executor did with {@code module}'s functions, e.g. how many it compiled and how
   * many it left to an interpreter and why, or how many IR ops it ran; empty if it has nothing
   * to say. {@code Module.executorStatistics()} returns it.
   */
  default Map<String, Long> statistics(GuestModule module) {
    return Map.of();
  }

  /**
   * Runs {@code f} to completion, called from the host: as a store's outermost call, a start
   * function, or a host function's call back into the guest (which starts at
   * {@link GuestStore#hostCallDepth()}).
   *
   * @param args one raw 64-bit slot per parameter (two for a v128)
   * @param results receives one raw slot per result
   */
  void invoke(GuestFunction f, long[] args, long[] results);
}
