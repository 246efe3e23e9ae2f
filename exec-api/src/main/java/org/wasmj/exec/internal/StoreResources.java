package org.wasmj.exec.internal;

import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UninstantiableException;
import org.wasmj.exec.ResourceLimiter;
import org.wasmj.exec.StoreLimits;

/**
 * What the memories, tables and instances of one store hold, against the store's limits: the
 * bytes of all its linear memories and the elements of all its tables (the engine's limits per
 * store), then whatever the store's {@link ResourceLimiter} allows, if it has one. Creating or
 * growing a memory or table first reserves what it adds here; a reservation past a limit is
 * refused (creation fails, {@code memory.grow}/{@code table.grow} return -1), so that however
 * many memories and tables a module declares, one store cannot hold more of the heap than its
 * limits allow. Instantiation is admitted here too ({@link #admit}).
 *
 * @implNote Not synchronized: a store is used by one thread at a time.
 */
public final class StoreResources {
  private final long maxMemoryBytes;
  private final long maxTableElements;
  private long memoryBytes;
  private long tableElements;
  private ResourceLimiter limiter;
  private int instances;
  private int memories;
  private int tables;

  /** Limits of {@code maxMemoryBytes} bytes of memory and {@code maxTableElements} elements. */
  public StoreResources(long maxMemoryBytes, long maxTableElements) {
    this.maxMemoryBytes = maxMemoryBytes;
    this.maxTableElements = maxTableElements;
  }

  /** The store's policy, or {@code null}. */
  public ResourceLimiter limiter() {
    return limiter;
  }

  /** Sets the store's policy ({@code null}: none beyond the engine's limits). */
  public void setLimiter(ResourceLimiter limiter) {
    this.limiter = limiter;
  }

  /**
   * Asks whether a memory holding {@code currentBytes} (0 for a new one) may grow by
   * {@code addedBytes}, up to its own {@code maximumBytes}: {@code null} if so, and the bytes are
   * counted; else why not (to follow "memory of N pages").
   */
  public String reserveMemory(long currentBytes, long addedBytes, long maximumBytes) {
    if (addedBytes > maxMemoryBytes - memoryBytes) {
      return "exceeds what is left of the store's limit of " + maxMemoryBytes
          + " bytes for all its memories (" + memoryBytes + " in use)";
    }
    ResourceLimiter l = limiter;
    if (l != null && !ask(() -> l.memoryGrowing(currentBytes, currentBytes + addedBytes,
        maximumBytes))) {
      return l instanceof StoreLimits
          ? "exceeds the store's limit of " + ((StoreLimits) l).memorySize()
              + " bytes per memory (StoreLimits.memorySize)"
          : "was refused by the store's ResourceLimiter";
    }
    memoryBytes += addedBytes;
    return null;
  }

  /** Gives back a reservation whose memory could not be allocated after all. */
  public void releaseMemory(long bytes) {
    memoryBytes -= bytes;
  }

  /** As {@link #reserveMemory}, for a table's elements (to follow "table of N elements"). */
  public String reserveTableElements(long current, long added, long maximum) {
    if (added > maxTableElements - tableElements) {
      return "exceeds what is left of the store's limit of " + maxTableElements
          + " elements for all its tables (" + tableElements + " in use)";
    }
    ResourceLimiter l = limiter;
    if (l != null && !ask(() -> l.tableGrowing(current, current + added, maximum))) {
      return l instanceof StoreLimits
          ? "exceeds the store's limit of " + ((StoreLimits) l).tableElements()
              + " elements per table (StoreLimits.tableElements)"
          : "was refused by the store's ResourceLimiter";
    }
    tableElements += added;
    return null;
  }

  /** Gives back a reservation whose elements could not be allocated after all. */
  public void releaseTableElements(long elements) {
    tableElements -= elements;
  }

  /**
   * Admits an instance ({@code instance} 1) or host-made things ({@code instance} 0) defining
   * {@code memories} memories and {@code tables} tables, and counts them; or says which of the
   * limiter's counts they would exceed.
   *
   * @throws UninstantiableException naming the limit, if one would be exceeded (nothing is counted then)
   */
  public void admit(int instance, int memories, int tables) {
    ResourceLimiter l = limiter;
    if (l == null) {
      count(instance, memories, tables);
      return;
    }
    String name = l instanceof StoreLimits ? "StoreLimits" : "ResourceLimiter";
    int most = ask(l::instances);
    if (instance > 0 && this.instances + instance > most) {
      throw new UninstantiableException("instance count of " + (this.instances + instance)
          + " exceeds the store's limit of " + most + " (" + name + ".instances)");
    }
    most = ask(l::memories);
    if (memories > 0 && (long) this.memories + memories > most) {
      throw new UninstantiableException("memory count of " + (this.memories + memories)
          + " exceeds the store's limit of " + most + " (" + name + ".memories)");
    }
    most = ask(l::tables);
    if (tables > 0 && (long) this.tables + tables > most) {
      throw new UninstantiableException("table count of " + (this.tables + tables)
          + " exceeds the store's limit of " + most + " (" + name + ".tables)");
    }
    count(instance, memories, tables);
  }

  /** Gives back what {@link #admit} counted (the instantiation failed after all). */
  public void release(int instance, int memories, int tables) {
    count(-instance, -memories, -tables);
  }

  private void count(int instance, int memories, int tables) {
    this.instances += instance;
    this.memories += memories;
    this.tables += tables;
  }

  /** The limiter's answer; what it throws is a trap, as from a host function. */
  private static boolean ask(java.util.function.BooleanSupplier question) {
    try {
      return question.getAsBoolean();
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      throw new TrapException(TrapKind.HOST, "resource limiter failed: " + e, e);
    }
  }

  private static int ask(java.util.function.IntSupplier question) {
    try {
      return question.getAsInt();
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      throw new TrapException(TrapKind.HOST, "resource limiter failed: " + e, e);
    }
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
