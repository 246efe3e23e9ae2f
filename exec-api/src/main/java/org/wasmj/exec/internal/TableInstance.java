package org.wasmj.exec.internal;

import java.util.Arrays;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.spi.GuestTable;
import org.wasmj.parser.TableType;

/**
 * A table at run time: its elements as reference ids ({@code funcref}: the function's store-wide
 * id, {@code externref}: the host object's id; 0 is null). Every operation checks bounds as the
 * spec says and traps with {@code out of bounds table access}.
 *
 * <p>The maximum size is the smallest of the declared maximum and {@link #MAX_ELEMENTS}, and all
 * the tables of a store together hold no more elements than its limit ({@link StoreResources}),
 * so that a guest cannot make the host allocate without bound; growing past either, or past what
 * the store's limiter allows, returns -1.
 *
 * @implNote Not synchronized: a table belongs to one store. {@link #elements} is replaced when
 *     the table grows.
 */
public final class TableInstance implements GuestTable {
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
    String refused = resources == null ? null : resources.reserveTableElements(0, min, max);
    if (refused != null) {
      throw new IllegalArgumentException("table of " + min + " elements " + refused);
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
  @Override
  public int size() {
    return elements.length;
  }

  /** The most elements this table may grow to. */
  public long max() {
    return max;
  }

  /** {@code table.get}. */
  @Override
  public long get(int index) {
    if (index < 0 || index >= elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    return elements[index];
  }

  /** {@code table.set}. */
  @Override
  public void set(int index, long ref) {
    if (index < 0 || index >= elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    elements[index] = ref;
  }

  /** {@code table.grow}: the old size, or -1 if the table cannot grow by {@code delta} (unsigned). */
  @Override
  public int grow(int delta, long init) {
    int old = elements.length;
    long n = delta & 0xFFFFFFFFL;
    if (n > max - old) {
      return -1;
    }
    if (resources != null) {
      if (resources.reserveTableElements(old, n, max) != null) {
        return -1;
      }
      if (elements.length != old) { // the limiter ran guest code that grew it (see MemoryInstance)
        resources.releaseTableElements(n);
        return -1;
      }
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

  /** The fuel {@code table.grow} by {@code delta} (unsigned) costs: one per 8 elements if it may grow so far, else nothing. */
  @Override
  public long growCost(int delta) {
    long n = delta & 0xFFFFFFFFL;
    return n > max - elements.length ? 0 : n >>> 3;
  }

  /** {@code table.fill}: {@code n} elements from {@code index} set to {@code ref}. */
  @Override
  public void fill(int index, long ref, int n) {
    long end = (index & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL);
    if (end > elements.length) {
      throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
    }
    Arrays.fill(elements, index, (int) end, ref);
  }

  @Override
  public void copyFrom(GuestTable src, int dst, int from, int n) {
    copyFrom((TableInstance) src, dst, from, n);
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
