package org.wasmj.exec;

/**
 * What a store does when its epoch deadline passes ({@link Store#setEpochDeadlineCallback}):
 * let its guest go on for some more ticks, or stop it.
 *
 * <pre>{@code
 * store.setEpochDeadlineCallback(s -> s.data().cancelled ? -1 : 1);
 * }</pre>
 *
 * @implNote Called on the thread running the guest, at the function entry or loop header where
 *     the guest noticed the deadline; it may use the store (its data, fuel, deadline) and call
 *     its functions, which run above the interrupted guest's frames.
 */
@FunctionalInterface
public interface EpochDeadlineCallback<T> {
  /**
   * The ticks the guest may go on for (its new deadline is the engine's epoch now plus that), or
   * a negative number to stop it with the {@code interrupt} trap.
   */
  long onDeadline(Store<T> store);
}
