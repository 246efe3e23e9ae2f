package org.wasmj.exec.internal;

/**
 * What the memories and tables of one store hold, against the store's limits: the bytes of all
 * its linear memories and the elements of all its tables. Creating or growing a memory or table
 * first reserves what it adds here; a reservation past a limit is refused (creation fails,
 * {@code memory.grow}/{@code table.grow} return -1), so that however many memories and tables a
 * module declares, one store cannot hold more of the heap than its limits allow.
 *
 * <p>As Wasmtime's {@code ResourceLimiter} is asked before a memory or table grows, so is this;
 * a custom policy can later take its place behind the same two questions.
 *
 * @implNote Not synchronized: a store is used by one thread at a time.
 */
public final class StoreResources {
  private final long maxMemoryBytes;
  private final long maxTableElements;
  private long memoryBytes;
  private long tableElements;

  /** Limits of {@code maxMemoryBytes} bytes of memory and {@code maxTableElements} elements. */
  public StoreResources(long maxMemoryBytes, long maxTableElements) {
    this.maxMemoryBytes = maxMemoryBytes;
    this.maxTableElements = maxTableElements;
  }

  /** Whether {@code bytes} more of memory fit; if so they are counted. */
  public boolean reserveMemory(long bytes) {
    if (bytes > maxMemoryBytes - memoryBytes) {
      return false;
    }
    memoryBytes += bytes;
    return true;
  }

  /** Gives back a reservation whose memory could not be allocated after all. */
  public void releaseMemory(long bytes) {
    memoryBytes -= bytes;
  }

  /** Whether {@code elements} more table elements fit; if so they are counted. */
  public boolean reserveTableElements(long elements) {
    if (elements > maxTableElements - tableElements) {
      return false;
    }
    tableElements += elements;
    return true;
  }

  /** Gives back a reservation whose elements could not be allocated after all. */
  public void releaseTableElements(long elements) {
    tableElements -= elements;
  }

  /** The limit on the bytes of all memories. */
  public long maxMemoryBytes() {
    return maxMemoryBytes;
  }

  /** The bytes the store's memories hold now. */
  public long memoryBytes() {
    return memoryBytes;
  }

  /** The limit on the elements of all tables. */
  public long maxTableElements() {
    return maxTableElements;
  }

  /** The elements the store's tables hold now. */
  public long tableElements() {
    return tableElements;
  }
}
