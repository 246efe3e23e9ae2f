package org.wasmj.exec.spi;

/**
 * A linear memory at run time. Its contents are a {@code byte[]} read and written in place
 * (little-endian; {@code MethodHandles.byteArrayViewVarHandle} gives fast views); an access out of
 * its bounds must trap {@code out of bounds memory access} ({@code TrapKind.MEMORY_OUT_OF_BOUNDS}).
 *
 * <pre>{@code
 * byte[] bytes = memory.bytes();   // again after anything that may grow it
 * long ea = (base & 0xFFFFFFFFL) + (offset & 0xFFFFFFFFL);
 * if (ea > bytes.length - 4) throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
 * }</pre>
 *
 * @implNote Implemented by the runtime only. Not synchronized: a memory belongs to one store.
 */
public interface GuestMemory {
  /** The contents; a grow replaces the array, so re-read it after anything that may grow the memory. */
  byte[] bytes();

  /** Current size in pages of 64 KiB. */
  int pages();

  /** {@code memory.grow}: the old size in pages, or -1 if it cannot grow by {@code delta}. */
  int grow(int delta);

  /** The fuel {@code memory.grow} by {@code delta} pages costs ({@code FUEL_MEMORY_GROW_RX}). */
  long growCost(int delta);

  /** {@code memory.fill}; traps if {@code [dst, dst + len)} is out of bounds. */
  void fill(int dst, int value, int len);

  /** {@code memory.copy} of {@code len} bytes from {@code src} (maybe this memory) at {@code from} to {@code dst}. */
  void copyFrom(GuestMemory src, int dst, int from, int len);
}
