package org.wasmj.exec;

import org.wasmj.exec.internal.TableInstance;
import org.wasmj.parser.TableType;

/**
 * A table of references ({@code funcref} or {@code externref}), as the host sees it. Out-of-bounds
 * accesses throw {@link org.wasmj.TrapException} with {@code out of bounds table access}.
 *
 * <pre>{@code
 * Table table = instance.getTable("table");
 * Func f = table.get(0).funcref();
 * }</pre>
 *
 * @implNote Not thread-safe; a table belongs to one store.
 */
public final class Table implements Extern {
  private final Store<?> store;
  private final TableInstance instance;

  Table(Store<?> store, TableInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /**
   * A new table of {@code type} in {@code store}, every element set to {@code init}.
   *
   * @throws IllegalArgumentException if {@code type} is not a valid table type (a reference
   *     element type, {@code 0 <= min <= max < 2^32}), {@code init} does not fit it, or its
   *     minimum exceeds what the store allows (a table's limit, or what is left of its limit on
   *     all its tables)
   * @throws OutOfMemoryError if the heap cannot hold it
   */
  public static Table create(Store<?> store, TableType type, Val init) {
    if (store == null || type == null || init == null) {
      throw new IllegalArgumentException("Table.create needs a store, a type and an initial value");
    }
    if (type.elementType() == null || !type.elementType().isReference()) {
      throw new IllegalArgumentException("a table holds references, not " + type.elementType());
    }
    checkLimits(type.limits(), 0xFFFF_FFFFL, "table");
    check(type, init);
    return new Table(store,
        new TableInstance(type, init.toSlot(store.state()), store.state().resources));
  }

  /** The declared type. */
  public TableType type() {
    return instance.type();
  }

  /** The current size. */
  public int size() {
    return instance.size();
  }

  /** Element {@code index}. */
  public Val get(int index) {
    return Val.fromSlot(instance.type().elementType(), instance.get(index), store);
  }

  /** Sets element {@code index}. */
  public void set(int index, Val value) {
    check(instance.type(), value);
    instance.set(index, value.toSlot(store.state()));
  }

  /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1. */
  public int grow(int delta, Val init) {
    check(instance.type(), init);
    return instance.grow(delta, init.toSlot(store.state()));
  }

  TableInstance instance() {
    return instance;
  }

  Store<?> store() {
    return store;
  }

  /** Checks {@code 0 <= min <= max <= most} (a missing maximum is fine). */
  static void checkLimits(org.wasmj.parser.Limits limits, long most, String what) {
    if (limits == null || limits.min() < 0 || limits.min() > most
        || (limits.hasMax() && (limits.max() < limits.min() || limits.max() > most))) {
      throw new IllegalArgumentException("invalid " + what + " limits " + limits + ": need 0 <= min"
          + " <= max <= " + most);
    }
  }

  private static void check(TableType type, Val v) {
    if (v.type() != type.elementType()) {
      throw new IllegalArgumentException(v.type() + " does not fit a table of " + type.elementType());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table && ((Table) o).instance == instance;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(instance);
  }
}
