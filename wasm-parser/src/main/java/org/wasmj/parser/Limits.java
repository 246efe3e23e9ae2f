package org.wasmj.parser;

/**
 * The size limits of a memory (in 64 KiB pages) or a table (in elements).
 *
 * @param min the initial size
 * @param max the maximum size, or {@link #NO_MAX}
 */
public record Limits(long min, long max) {
  /** The value of {@link #max} when no maximum is given. */
  public static final long NO_MAX = -1;

  /** True if a maximum was given. */
  public boolean hasMax() {
    return max != NO_MAX;
  }

  @Override
  public String toString() {
    return hasMax() ? min + " " + max : Long.toString(min);
  }
}
