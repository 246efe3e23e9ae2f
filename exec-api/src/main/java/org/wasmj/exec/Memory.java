package org.wasmj.exec;

import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;

/**
 * A linear memory, as the host sees it: read and write bytes and little-endian values, grow, and
 * ask its size and limits. Out-of-bounds accesses throw {@link TrapException} with
 * {@link TrapKind#MEMORY_OUT_OF_BOUNDS}.
 *
 * <pre>{@code
 * Memory memory = Memory.create(store, new MemoryType(new Limits(1, 2)));
 * memory.writeI32(16, 42);
 * int old = memory.grow(1);       // 1
 * }</pre>
 *
 * @implNote Not thread-safe; a memory belongs to one store. Growing replaces the backing array,
 *     so never keep a reference to it across a guest call.
 */
public final class Memory implements Extern {
  private final Store<?> store;
  private final MemoryInstance instance;

  Memory(Store<?> store, MemoryInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /**
   * A new memory of {@code type} in {@code store}, capped at the store's maximum; its bytes count
   * towards the store's limit on all its memories.
   *
   * @throws IllegalArgumentException if {@code type} is not a valid memory type ({@code 0 <= min
   *     <= max <= 65536}) or its initial size exceeds that maximum or what is left of the
   *     store's limit, or the store's {@link ResourceLimiter} refuses it
   * @throws OutOfMemoryError if the heap cannot hold it
   */
  public static Memory create(Store<?> store, MemoryType type) {
    if (store == null || type == null) {
      throw new IllegalArgumentException("Memory.create needs a store and a type");
    }
    Table.checkLimits(type.limits(), org.wasmj.parser.MemoryType.MAX_PAGES, "memory");
    org.wasmj.exec.internal.StoreResources resources = store.state().resources;
    Table.admit(resources, 1, 0);
    try {
      return new Memory(store,
          new MemoryInstance(type, store.state().maxMemoryPages, store.state()));
    } catch (RuntimeException | Error e) {
      resources.release(0, 1, 0);
      throw e;
    }
  }

  MemoryInstance instance() {
    return instance;
  }

  Store<?> store() {
    return store;
  }

  /** The declared type. */
  public MemoryType type() {
    return instance.type();
  }

  /** The declared limits, in 64 KiB pages. */
  public Limits limits() {
    return instance.type().limits();
  }

  /** The current size in pages. */
  public int size() {
    return instance.pages();
  }

  /** The current size in bytes. */
  public long dataSize() {
    return instance.bytes.length;
  }

  /**
   * Grows by {@code pages}; returns the old size in pages, or -1 if the memory cannot grow so far.
   *
   * @throws IllegalStateException while a resumable call of the store waits for fuel ({@link
   *     ResumableCall#isOutOfFuel}): its code may hold on to the memory's current bytes
   */
  public int grow(int pages) {
    if (store != null && store.state().waitingForFuel) {
      throw new IllegalStateException(
          "a memory cannot grow while a resumable call of its store waits for fuel");
    }
    return instance.grow(pages);
  }

  /** Copies {@code length} bytes starting at {@code offset} into a new array. */
  public byte[] read(long offset, int length) {
    int from = check(offset, length); // before allocating: the length may be anything
    byte[] out = new byte[length];
    System.arraycopy(instance.bytes, from, out, 0, length);
    return out;
  }

  /** Copies {@code length} bytes from the memory at {@code offset} into {@code dst[dstOffset..]}. */
  public void read(long offset, byte[] dst, int dstOffset, int length) {
    System.arraycopy(instance.bytes, check(offset, length), dst, dstOffset, length);
  }

  /** Copies all of {@code src} into the memory at {@code offset}. */
  public void write(long offset, byte[] src) {
    System.arraycopy(src, 0, instance.bytes, check(offset, src.length), src.length);
  }

  /** The byte at {@code offset}. */
  public byte readByte(long offset) {
    return instance.bytes[check(offset, 1)];
  }

  /** Stores a byte. */
  public void writeByte(long offset, byte value) {
    instance.bytes[check(offset, 1)] = value;
  }

  /** The little-endian i32 at {@code offset}. */
  public int readI32(long offset) {
    return MemoryInstance.getInt(instance.bytes, check(offset, 4));
  }

  /** Stores a little-endian i32. */
  public void writeI32(long offset, int value) {
    MemoryInstance.putInt(instance.bytes, check(offset, 4), value);
  }

  /** The little-endian i64 at {@code offset}. */
  public long readI64(long offset) {
    return MemoryInstance.getLong(instance.bytes, check(offset, 8));
  }

  /** Stores a little-endian i64. */
  public void writeI64(long offset, long value) {
    MemoryInstance.putLong(instance.bytes, check(offset, 8), value);
  }

  /** The little-endian f32 at {@code offset}. */
  public float readF32(long offset) {
    return Float.intBitsToFloat(readI32(offset));
  }

  /** Stores a little-endian f32 (its raw bits). */
  public void writeF32(long offset, float value) {
    writeI32(offset, Float.floatToRawIntBits(value));
  }

  /** The little-endian f64 at {@code offset}. */
  public double readF64(long offset) {
    return Double.longBitsToDouble(readI64(offset));
  }

  /** Stores a little-endian f64 (its raw bits). */
  public void writeF64(long offset, double value) {
    writeI64(offset, Double.doubleToRawLongBits(value));
  }

  private int check(long offset, int length) {
    if (offset < 0 || length < 0 || offset > instance.bytes.length - (long) length) {
      throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }
    return (int) offset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Memory && ((Memory) o).instance == instance;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(instance);
  }
}
