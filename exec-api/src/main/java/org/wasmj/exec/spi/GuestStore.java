package org.wasmj.exec.spi;

/**
 * A store at run time, as an executor sees it: its limits, the checks that instrumented IR makes
 * ({@code CHECK_INTERRUPT}, {@code FUEL_I} and its kin), reference ids, and a slot for the
 * executor's own per-store state (an interpreter's value stack, say).
 *
 * @implNote Implemented by the runtime only. A store is used by one thread at a time, so its
 *     executor state needs no synchronization.
 */
public interface GuestStore {
  /**
   * Most nested guest calls ({@code Config.withMaxCallDepth}): a frame at this depth or deeper
   * (the first frame of a call from the host is at {@link #hostCallDepth()}, its callees one
   * deeper each) is {@code call stack exhausted}.
   */
  int maxCallDepth();

  /**
   * The call depth a call from the host starts at: 0, or, while a host function that guest code
   * called is running, the depth given to {@link GuestInstance#callHost}, so that
   * guest-host-guest recursion is bounded too.
   */
  int hostCallDepth();

  /** The executor's state for this store, or {@code null} before it set one. */
  Object executorState();

  /** Sets what {@link #executorState()} returns. */
  void setExecutorState(Object state);

  /**
   * {@code CHECK_INTERRUPT}: traps {@code interrupt} if the epoch deadline has passed (unless the
   * deadline callback extends it) or the thread was interrupted.
   */
  void checkInterrupt();

  /**
   * {@code FUEL_I} and its kin: consumes {@code cost} fuel, or, with less left, traps {@code all
   * fuel consumed} leaving it as it is (in a resumable call, {@code Func.callResumable}, waits
   * instead until the host has added enough).
   */
  void consumeFuel(long cost);

  /** The function with reference id {@code ref} (not 0); traps {@code invalid reference} if there is none. */
  Callee function(long ref);
}
