package org.wasmj.parser;

/**
 * A memory's type.
 *
 * @param limits size in 64 KiB pages
 */
public record MemoryType(Limits limits) implements ExternType {
  /** Bytes per page. */
  public static final int PAGE_SIZE = 65536;

  /** The most pages a 32-bit memory may declare (4 GiB). */
  public static final long MAX_PAGES = 65536;

  @Override
  public ExternKind kind() {
    return ExternKind.MEMORY;
  }

  @Override
  public String toString() {
    return "memory " + limits;
  }
}
