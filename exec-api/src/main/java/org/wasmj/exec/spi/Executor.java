package org.wasmj.exec.spi;

import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.WasmFunction;

/**
 * Runs Wasm functions: the part of wasmj that differs between executors. One executor serves
 * every store of its engine; per-store state goes in {@code StoreState.executorState}.
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

  /** Called once when a module is compiled, after eager translation; may prepare code ahead. */
  default void prepare(ModuleCode module, boolean eager) {}

  /**
   * What the executor did with {@code module}'s functions, e.g. how many it compiled and how
   * many it left to an interpreter and why; empty if it has nothing to say.
   */
  default java.util.Map<String, Integer> statistics(ModuleCode module) {
    return java.util.Map.of();
  }

  /**
   * Runs {@code f} to completion.
   *
   * @param args one raw 64-bit slot per parameter
   * @param results receives one raw slot per result
   */
  void invoke(WasmFunction f, long[] args, long[] results);
}
