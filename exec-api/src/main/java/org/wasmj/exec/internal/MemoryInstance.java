package org.wasmj.exec.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.spi.GuestMemory;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;

/**
 * A linear memory at run time: a {@code byte[]} read and written through little-endian
 * {@link VarHandle}s (C2 intrinsics: one bounds-checked access each).
 *
 * <p>Sizes: the <em>declared</em> limits come from the module; the <em>current</em> size is
 * {@code bytes.length / 65536}; the <em>maximum</em> is the smallest of the declared maximum, the
 * host's limit and {@link #MAX_PAGES} — a {@code byte[]} holds at most 2^31 - 8 bytes, so 32,767
 * pages. {@code memory.grow} past the maximum, or past what is left of the store's limit on all
 * its memories, or refused by the store's limiter ({@link StoreResources}), returns -1; it never throws {@code OutOfMemoryError}
 * (an allocation the JVM refuses also gives -1).
 *
 * @implNote Not synchronized: a memory belongs to one store, used by one thread at a time.
 *     Executors read {@link #bytes} into a local and re-read it after anything that may grow.
 */
public final class MemoryInstance implements GuestMemory {
  /** Most pages a {@code byte[]}-backed memory can hold. */
  public static final int MAX_PAGES = 32767;

  private static final int PAGE = MemoryType.PAGE_SIZE;
  /** Little-endian views of a {@code byte[]}, for executors that access it inline. */
  public static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Stands for memory 0 in an instance that has none ({@link InstanceState#memoryOrNone}): no
   * bytes, a maximum of 0 pages, in no store and no instance's index space, so never grown.
   */
  public static final MemoryInstance NONE = new MemoryInstance(new MemoryType(new Limits(0, 0)), 0);

  /** The memory's contents; replaced (never shrunk) by {@link #grow}. */
  public byte[] bytes;

  /** Bytes a bulk operation handles between two interruption checks (about 0.1 ms' worth). */
  static final int BULK_CHUNK = 1 << 20;

  private final MemoryType type;
  private final int maxPages;
  private final StoreResources resources;
  /** The store, if its guests can be interrupted: long bulk operations check it as they go. */
  private final StoreState interruptible;

  /** A memory of {@code type}, at most {@code hostMaxPages} pages, of no store. */
  public MemoryInstance(MemoryType type, int hostMaxPages) {
    this(type, hostMaxPages, null);
  }

  /**
   * A memory of {@code type}, at most {@code hostMaxPages} pages whatever it declares, in
   * {@code store} ({@code null}: none), whose bytes count against the store's resources.
   *
   * @throws IllegalArgumentException if the initial size exceeds what the host allows or what
   *     is left of the store's limit
   * @throws OutOfMemoryError if the heap cannot hold it (nothing stays reserved then)
   */
  public MemoryInstance(MemoryType type, int hostMaxPages, StoreState store) {
    this.type = type;
    this.resources = store == null ? null : store.resources;
    this.interruptible = store != null && store.interruptible ? store : null;
    long max = Math.min(Math.min(hostMaxPages, MAX_PAGES),
        type.limits().hasMax() ? type.limits().max() : Long.MAX_VALUE);
    this.maxPages = (int) max;
    long min = type.limits().min();
    if (min > maxPages) {
      throw new IllegalArgumentException(
          "initial memory of " + min + " pages exceeds the limit of " + maxPages);
    }
    String refused = resources == null ? null
        : resources.reserveMemory(0, min * PAGE, (long) maxPages * PAGE);
    if (refused != null) {
      throw new IllegalArgumentException("memory of " + min + " pages " + refused);
    }
    try {
      this.bytes = new byte[(int) min * PAGE];
    } catch (OutOfMemoryError e) {
      if (resources != null) {
        resources.releaseMemory(min * PAGE);
      }
      throw e;
    }
  }

  /** Gives this memory's bytes back to its store's count (its creation failed after all). */
  public void release() {
    if (resources != null) {
      resources.releaseMemory(bytes.length);
    }
  }

  /** The declared type. */
  public MemoryType type() {
    return type;
  }

  /** Current size in pages. */
  @Override
  public int pages() {
    return bytes.length / PAGE;
  }

  /** The most pages this memory may grow to. */
  public int maxPages() {
    return maxPages;
  }

  /** {@code memory.grow}: the old size in pages, or -1 if it cannot grow by {@code delta}. */
  @Override
  public int grow(int delta) {
    int old = pages();
    if (delta < 0 || delta > maxPages - old) {
      return -1;
    }
    if (delta == 0) {
      return old;
    }
    long added = (long) delta * PAGE;
    if (resources != null) {
      if (resources.reserveMemory(bytes.length, added, (long) maxPages * PAGE) != null) {
        return -1;
      }
      if (pages() != old) { // the limiter ran guest code that grew it (which its contract forbids)
        resources.releaseMemory(added); // a growth from a size gone would shrink it
        return -1;
      }
    }
    try {
      bytes = java.util.Arrays.copyOf(bytes, (old + delta) * PAGE);
    } catch (OutOfMemoryError e) {
      if (resources != null) {
        resources.releaseMemory(added);
      }
      return -1;
    }
    return old;
  }

  /**
   * The fuel {@code memory.grow} by {@code delta} pages costs: 1,024 a page if the memory may grow
   * so far (its maximum permitting; limits of the store are not foreseen), else nothing, as it will
   * return -1.
   */
  @Override
  public long growCost(int delta) {
    return delta < 0 || delta > maxPages - pages() ? 0 : (long) delta << 10;
  }

  /**
   * The effective address {@code base + offset} (base an unsigned i32, offset an unsigned
   * 32-bit static offset) checked to have {@code size} bytes in bounds, as an {@code int} index.
   */
  public static int address(byte[] bytes, int base, long offset, int size) {
    long ea = (base & 0xFFFFFFFFL) + offset;
    if (ea > bytes.length - size) {
      throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }
    return (int) ea;
  }

  /** Little-endian i16 at {@code index} (already bounds-checked or trapping via the VarHandle). */
  public static short getShort(byte[] b, int index) {
    return (short) SHORT.get(b, index);
  }

  /** Little-endian i32 at {@code index}. */
  public static int getInt(byte[] b, int index) {
    return (int) INT.get(b, index);
  }

  /** Little-endian i64 at {@code index}. */
  public static long getLong(byte[] b, int index) {
    return (long) LONG.get(b, index);
  }

  /** Stores a little-endian i16. */
  public static void putShort(byte[] b, int index, short v) {
    SHORT.set(b, index, v);
  }

  /** Stores a little-endian i32. */
  public static void putInt(byte[] b, int index, int v) {
    INT.set(b, index, v);
  }

  /** Stores a little-endian i64. */
  public static void putLong(byte[] b, int index, long v) {
    LONG.set(b, index, v);
  }

  /** {@code memory.fill}: trap if {@code [dst, dst+len)} is out of bounds, else fill. */
  @Override
  public void fill(int dst, int value, int len) {
    int at = address(bytes, dst, 0, 0);
    if ((len & 0xFFFFFFFFL) > bytes.length - at) {
      throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }
    if (interruptible == null || len <= BULK_CHUNK) {
      java.util.Arrays.fill(bytes, at, at + len, (byte) value);
      return;
    }
    for (int from = at, end = at + len; from < end; from += BULK_CHUNK) {
      interruptible.checkInterrupt();
      java.util.Arrays.fill(bytes, from, Math.min(end, from + BULK_CHUNK), (byte) value);
    }
  }

  /** Copies {@code n} bytes as {@link System#arraycopy} does, checking for interruption as it goes. */
  private void copy(byte[] src, int from, byte[] dst, int to, int n) {
    if (interruptible == null || n <= BULK_CHUNK) {
      System.arraycopy(src, from, dst, to, n);
      return;
    }
    boolean backward = src == dst && from < to; // overlapping to the right: copy the end first
    for (int done = 0; done < n; done += BULK_CHUNK) {
      interruptible.checkInterrupt();
      int k = Math.min(BULK_CHUNK, n - done);
      int offset = backward ? n - done - k : done;
      System.arraycopy(src, from + offset, dst, to + offset, k);
    }
  }

  /**
   * {@code memory.init}: {@code n} bytes of a data segment, {@code src[srcStart .. srcStart+srcLength)},
   * from segment offset {@code from} to {@code dst}. A dropped segment has length 0.
   */
  public void init(byte[] src, int srcStart, int srcLength, int dst, int from, int n) {
    long count = n & 0xFFFFFFFFL;
    long d = dst & 0xFFFFFFFFL;
    long f = from & 0xFFFFFFFFL;
    if (d + count > bytes.length || f + count > srcLength) {
      throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }
    copy(src, srcStart + (int) f, bytes, (int) d, (int) count);
  }

  @Override
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public void copyFrom(GuestMemory src, int dst, int from, int len) {
    copyFrom((MemoryInstance) src, dst, from, len);
  }

  /** {@code memory.copy} from {@code src} (possibly this memory; overlap is handled). */
  public void copyFrom(MemoryInstance src, int dst, int from, int len) {
    long n = len & 0xFFFFFFFFL;
    long d = dst & 0xFFFFFFFFL;
    long s = from & 0xFFFFFFFFL;
    if (d + n > bytes.length || s + n > src.bytes.length) {
      throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }
    copy(src.bytes, (int) s, bytes, (int) d, (int) n);
  }

  // ---- Wasm loads and stores: the effective address is checked, then one VarHandle access ----

  /** {@code i32.load}. */
  public static int i32Load(byte[] b, int base, int offset) {
    return getInt(b, address(b, base, offset & 0xFFFFFFFFL, 4));
  }

  /** {@code i64.load}. */
  public static long i64Load(byte[] b, int base, int offset) {
    return getLong(b, address(b, base, offset & 0xFFFFFFFFL, 8));
  }

  /** {@code i32.load8_s} (and the low byte of every 8-bit load). */
  public static int load8S(byte[] b, int base, int offset) {
    return b[address(b, base, offset & 0xFFFFFFFFL, 1)];
  }

  /** {@code i32.load8_u}. */
  public static int load8U(byte[] b, int base, int offset) {
    return b[address(b, base, offset & 0xFFFFFFFFL, 1)] & 0xFF;
  }

  /** {@code i32.load16_s}. */
  public static int load16S(byte[] b, int base, int offset) {
    return getShort(b, address(b, base, offset & 0xFFFFFFFFL, 2));
  }

  /** {@code i32.load16_u}. */
  public static int load16U(byte[] b, int base, int offset) {
    return getShort(b, address(b, base, offset & 0xFFFFFFFFL, 2)) & 0xFFFF;
  }

  /** {@code i32.store} (also f32 bits). */
  public static void i32Store(byte[] b, int base, int offset, int v) {
    putInt(b, address(b, base, offset & 0xFFFFFFFFL, 4), v);
  }

  /** {@code i64.store} (also f64 bits). */
  public static void i64Store(byte[] b, int base, int offset, long v) {
    putLong(b, address(b, base, offset & 0xFFFFFFFFL, 8), v);
  }

  /** {@code i32.store8} / {@code i64.store8}. */
  public static void store8(byte[] b, int base, int offset, int v) {
    b[address(b, base, offset & 0xFFFFFFFFL, 1)] = (byte) v;
  }

  /** {@code i32.store16} / {@code i64.store16}. */
  public static void store16(byte[] b, int base, int offset, int v) {
    putShort(b, address(b, base, offset & 0xFFFFFFFFL, 2), (short) v);
  }
}
