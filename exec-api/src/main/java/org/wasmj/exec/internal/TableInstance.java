package org.wasmj.exec.internal;

import java.util.Arrays;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.parser.TableType;

/**
 * A table at run time: its elements as reference ids ({@code funcref}: the function's store-wide
 * id, {@code externref}: the host object's id; 0 is null). Every operation checks bounds as the
 * spec says and traps with {@code out of bounds table access}.
 *
 * <p>The maximum size is the smallest of the declared maximum and {@link #MAX_ELEMENTS}, and all
 * the tables of a store together hold no more elements than its limit ({@link StoreResources}),
 * so that a guest cannot make the host allocate without bound; growing past either returns -1.
 *
 * @implNote Not synchronized: a table belongs to one store. {@link #elements} is replaced when
 *     the table grows.
 */
public final class TableInstance {
  /** Most elements a table may have, whatever it declares. */
  public static final int MAX_ELEMENTS = 10_000_000;

  /** The elements; its length is the table's size. */
  public long[] elements;

  private final TableType type;
  private final long max;
  private final StoreResources resources;

  /** A table of {@code type} with every element set to {@code init}, counted by no store. */
  public TableInstance(TableType type, long init) {
    this(type, init, null);
  }

  /**
   * A table of {@code type} with every element set to {@code init}, whose elements count against
   * {@code resources} (a store's; {@code null}: none).
   *
   * @throws IllegalArgumentException if the initial size exceeds {@link #MAX_ELEMENTS}, the
   *     declared maximum, or what is left of the store's limit
   * @throws OutOfMemoryError if the heap cannot hold it (nothing stays reserved then)
   */
  public TableInstance(TableType type, long init, StoreResources resources) {
    this.type = type;
    this.resources = resources;
    this.max = Math.min(MAX_ELEMENTS, type.limits().hasMax() ? type.limits().max() : Long.MAX_VALUE);
    long min = type.limits().min();
    if (min > max) {
      throw new IllegalArgumentException(
          "initial table size " + min + " exceeds the limit of " + max);
    }
    if (resources != null && !resources.reserveTableElements(min)) {
      throw new IllegalArgumentException("table of " + min + " elements exceeds what is left of"
          + " the store's limit of " + resources.maxTableElements() + " elements for all its"
          + " tables (" + resources.tableElements() + " in use)");
    }
    try {
      this.elements = new long[(int) min];
    } catch (OutOfMemoryError e) {
      if (resources != null) {
        resources.releaseTableElements(min);
      }
      throw e;
    }
    if (init != 0) {
      Arrays.fill(elements, init);
    }
  }

  /** Gives this table's elements back to its store's count (its creation failed after all). */
  public void release() {
    if (resources != null) {
      resources.releaseTableElements(elements.length);
    }
  }

  /** The declared type. */
  public TableType type() {
    return type;
  }

  /** The current size. */
  public int size() {
    return elements.length;
  }

  /** The most elements this table may grow to. */
  public long max() {
    return max;
  }

  /** {@code table.get}. */
  public long get(int index) {
    if (index < 0 || index >= elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    return elements[index];
  }

  /** {@code table.set}. */
  public void set(int index, long ref) {
    if (index < 0 || index >= elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    elements[index] = ref;
  }

  /** {@code table.grow}: the old size, or -1 if the table cannot grow by {@code delta} (unsigned). */
  public int grow(int delta, long init) {
    int old = elements.length;
    long n = delta & 0xFFFFFFFFL;
    if (n > max - old) {
      return -1;
    }
    if (resources != null && !resources.reserveTableElements(n)) {
      return -1;
    }
    try {
      long[] grown = Arrays.copyOf(elements, old + (int) n);
      Arrays.fill(grown, old, grown.length, init);
      elements = grown;
    } catch (OutOfMemoryError e) {
      if (resources != null) {
        resources.releaseTableElements(n);
      }
      return -1;
    }
    return old;
  }

  /** {@code table.fill}: {@code n} elements from {@code index} set to {@code ref}. */
  public void fill(int index, long ref, int n) {
    long end = (index & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL);
    if (end > elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    Arrays.fill(elements, index, (int) end, ref);
  }

  /** {@code table.copy} of {@code n} elements from {@code src} at {@code from} to this table at {@code dst}. */
  public void copyFrom(TableInstance src, int dst, int from, int n) {
    long count = n & 0xFFFFFFFFL;
    if ((dst & 0xFFFFFFFFL) + count > elements.length
        || (from & 0xFFFFFFFFL) + count > src.elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    System.arraycopy(src.elements, from, elements, dst, (int) count);
  }

  /** {@code table.init}: {@code n} items of {@code segment} from {@code from} into this table at {@code dst}. */
  public void init(long[] segment, int dst, int from, int n) {
    long count = n & 0xFFFFFFFFL;
    if ((dst & 0xFFFFFFFFL) + count > elements.length
        || (from & 0xFFFFFFFFL) + count > segment.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    System.arraycopy(segment, from, elements, dst, (int) count);
  }
}
