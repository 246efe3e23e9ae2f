package org.wasmj.exec;

/**
 * A store's policy on what its guests may allocate, asked before every linear memory and table
 * is created or grows, and before each instantiation (as Wasmtime's {@code ResourceLimiter}).
 * {@link StoreLimits} is the ready-made one; implement this interface for other policies (a
 * budget shared by several stores, a log of what was refused...).
 *
 * <pre>{@code
 * store.setLimiter(new ResourceLimiter() {
 *   public boolean memoryGrowing(long current, long desired, long maximum) {
 *     return budget.tryTake(desired - current);
 *   }
 *   public boolean tableGrowing(long current, long desired, long maximum) {
 *     return desired <= 1_000;
 *   }
 * });
 * }</pre>
 *
 * <p>A refusal makes {@code memory.grow} or {@code table.grow} (in the guest or from the host)
 * return -1, and makes instantiation fail with {@link org.wasmj.UninstantiableException}. The
 * store's own limits ({@link Config#maxStoreMemoryBytes()}, {@link Config#maxStoreTableElements()},
 * {@link Config#maxMemoryPages()}) are checked first; a limiter can only refuse more. An exception
 * the limiter throws is a trap ({@link org.wasmj.TrapKind#HOST}, the exception as cause), as from
 * a host function.
 *
 * @implNote Called on the thread running the store's guest code, never concurrently for one
 *     store, and in the middle of a guest instruction: it must not call the store's functions
 *     (like Wasmtime's, it is given no store); if it does, and that grows the memory or table it
 *     was asked about, the growth it was asked about fails. A growth the limiter allowed may
 *     still fail (the heap is full), without a second call.
 */
public interface ResourceLimiter {
  /** Default of {@link #instances()}, {@link #tables()} and {@link #memories()}: 10,000, as Wasmtime's. */
  int DEFAULT_COUNT = 10_000;

  /**
   * May a linear memory grow from {@code currentBytes} to {@code desiredBytes}? A new memory asks
   * with {@code currentBytes} 0. {@code maximumBytes} is the most it may ever hold (its declared
   * maximum, capped by the host's).
   */
  boolean memoryGrowing(long currentBytes, long desiredBytes, long maximumBytes);

  /** May a table grow from {@code currentElements} to {@code desiredElements}? As {@link #memoryGrowing}. */
  boolean tableGrowing(long currentElements, long desiredElements, long maximumElements);

  /** Most instances the store may hold. */
  default int instances() {
    return DEFAULT_COUNT;
  }

  /** Most tables the store may hold: those its instances define plus those the host created. */
  default int tables() {
    return DEFAULT_COUNT;
  }

  /** Most linear memories the store may hold: those its instances define plus those the host created. */
  default int memories() {
    return DEFAULT_COUNT;
  }
}
