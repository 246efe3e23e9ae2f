package org.wasmj.exec;

/**
 * The usual {@link ResourceLimiter}: the most bytes one linear memory may hold, the most
 * elements one table may hold, and the most instances, tables and memories a store may hold (the
 * limits of Wasmtime's and Wasmi's {@code StoreLimits}). Immutable: each {@code withX} returns a
 * changed copy, and rejects a negative value with {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * Store<Void> store = Store.of(engine);
 * store.setLimiter(StoreLimits.defaults()
 *     .withMemorySize(16 << 20)   // 16 MiB per memory
 *     .withTableElements(10_000)
 *     .withInstances(1));
 * }</pre>
 *
 * <p>Defaults: no limit on a memory's or a table's size beyond the engine's ({@link Config}),
 * {@value ResourceLimiter#DEFAULT_COUNT} instances, tables and memories. The engine's limits on
 * all the memories and tables of a store together ({@link Config#maxStoreMemoryBytes()},
 * {@link Config#maxStoreTableElements()}) hold as well.
 *
 * @implNote Immutable and thread-safe: one may serve many stores.
 */
public final class StoreLimits implements ResourceLimiter {
  private static final StoreLimits DEFAULTS = new StoreLimits(Long.MAX_VALUE, Long.MAX_VALUE,
      DEFAULT_COUNT, DEFAULT_COUNT, DEFAULT_COUNT);

  private final long memorySize;
  private final long tableElements;
  private final int instances;
  private final int tables;
  private final int memories;

  private StoreLimits(long memorySize, long tableElements, int instances, int tables,
      int memories) {
    this.memorySize = memorySize;
    this.tableElements = tableElements;
    this.instances = instances;
    this.tables = tables;
    this.memories = memories;
  }

  /** The defaults (see the class comment). */
  public static StoreLimits defaults() {
    return DEFAULTS;
  }

  /** A copy in which one linear memory holds at most {@code bytes} (0 or more). */
  public StoreLimits withMemorySize(long bytes) {
    return new StoreLimits(atLeast0(bytes, "memory size"), tableElements, instances, tables,
        memories);
  }

  /** A copy in which one table holds at most {@code elements} (0 or more). */
  public StoreLimits withTableElements(long elements) {
    return new StoreLimits(memorySize, atLeast0(elements, "table elements"), instances, tables,
        memories);
  }

  /** A copy allowing {@code n} instances per store (0 or more). */
  public StoreLimits withInstances(int n) {
    return new StoreLimits(memorySize, tableElements, (int) atLeast0(n, "instances"), tables,
        memories);
  }

  /** A copy allowing {@code n} tables per store (0 or more). */
  public StoreLimits withTables(int n) {
    return new StoreLimits(memorySize, tableElements, instances, (int) atLeast0(n, "tables"),
        memories);
  }

  /** A copy allowing {@code n} linear memories per store (0 or more). */
  public StoreLimits withMemories(int n) {
    return new StoreLimits(memorySize, tableElements, instances, tables,
        (int) atLeast0(n, "memories"));
  }

  private static long atLeast0(long n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must be at least 0, got " + n);
    }
    return n;
  }

  /** Most bytes one linear memory may hold. */
  public long memorySize() {
    return memorySize;
  }

  /** Most elements one table may hold. */
  public long tableElements() {
    return tableElements;
  }

  @Override
  public boolean memoryGrowing(long currentBytes, long desiredBytes, long maximumBytes) {
    return desiredBytes <= memorySize;
  }

  @Override
  public boolean tableGrowing(long currentElements, long desiredElements, long maximumElements) {
    return desiredElements <= tableElements;
  }

  @Override
  public int instances() {
    return instances;
  }

  @Override
  public int tables() {
    return tables;
  }

  @Override
  public int memories() {
    return memories;
  }

  @Override
  public String toString() {
    return "StoreLimits[memorySize=" + memorySize + ", tableElements=" + tableElements
        + ", instances=" + instances + ", tables=" + tables + ", memories=" + memories + "]";
  }
}
