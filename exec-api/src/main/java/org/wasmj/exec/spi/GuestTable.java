package org.wasmj.exec.spi;

/**
 * A table at run time: its elements are reference ids (0 is null). Every operation checks bounds
 * and traps {@code out of bounds table access}.
 *
 * @implNote Implemented by the runtime only. Not synchronized: a table belongs to one store.
 */
public interface GuestTable {
  /** The current size. */
  int size();

  /** {@code table.get}. */
  long get(int index);

  /** {@code table.set}. */
  void set(int index, long ref);

  /** {@code table.grow}: the old size, or -1 if the table cannot grow by {@code delta} (unsigned). */
  int grow(int delta, long init);

  /** The fuel {@code table.grow} by {@code delta} costs ({@code FUEL_TABLE_GROW_RX}). */
  long growCost(int delta);

  /** {@code table.fill}: {@code n} elements from {@code index} set to {@code ref}. */
  void fill(int index, long ref, int n);

  /** {@code table.copy} of {@code n} elements from {@code src} at {@code from} to this table at {@code dst}. */
  void copyFrom(GuestTable src, int dst, int from, int n);
}
