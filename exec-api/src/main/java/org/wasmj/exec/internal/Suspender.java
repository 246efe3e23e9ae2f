package org.wasmj.exec.internal;

/**
 * Where a store's guest code waits instead of trapping while it runs as a resumable call
 * ({@code Func.callResumable}): {@link StoreState#suspender} is set for the duration of such a
 * call, and {@link StoreState#consumeFuel} asks it for more fuel rather than trapping.
 *
 * @implNote Called on the thread running the call's guest code, which it parks until the host
 *     resumes the call.
 */
public interface Suspender {
  /**
   * Suspends the call because the next charge costs {@code required} fuel and less is left;
   * returns once the host resumes it (which need not have added enough).
   */
  void awaitFuel(long required);

  /** Whether the call is suspended now (read by other threads, for their error messages). */
  boolean isSuspended();
}
