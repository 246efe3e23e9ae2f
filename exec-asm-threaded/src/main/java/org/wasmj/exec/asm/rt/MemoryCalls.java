package org.wasmj.exec.asm.rt;

import java.util.Objects;

/**
 * The memory accesses of generated code as small static methods: generated code calls these for
 * every scalar load and store (SIMD's lane and v128 accesses stay inline {@code VarHandle}
 * accesses, which C2 inlines whatever its budget, as a SIMD kernel's loop needs; not measured as
 * calls). Each takes the memory's size in bytes ({@code limit}; the array may be longer, see
 * {@code MemoryInstance}) and, if the array is longer, checks its index against it with {@code
 * Objects.checkIndex} (an {@code IndexOutOfBoundsException} is the memory trap, as the array's own
 * is), then accesses the array. A memory without spare capacity is checked by the array alone:
 * while no memory in the JVM has had any, C2 compiles the test {@code limit != m.length} as a
 * trap and folds the repeated ones, so that such code pays one check an access, as before spare
 * capacity (ARGON2 on asm: 24.1 ms a run with the check always, 20.4 with this, 20.1 without;
 * docs/RATIONALE.md, Session 19). C2 inlines them as any small method (they are under {@code MaxInlineSize}, 35 bytes), so
 * its code is the inline access, whose intrinsic range check loop predication can hoist; code that
 * runs before C2's is cheaper with a call than with an inline {@code VarHandle} access or check:
 * HotSpot's bytecode interpreter links a {@code VarHandle} access through guard and method-handle
 * frames, and C1 inlines one into some 90 virtual registers and its checks at its profiling tier,
 * where it ran several times slower than a call of the C2-compiled method here and made C1 give up
 * on big methods ("out of virtual registers", JDK 17), which then never reached C2; an inline
 * check at each access made C1 compile a third more bytecode for Yosys (docs/RATIONALE.md,
 * Session 18, branch grow18). Each declares four {@code long} locals it never assigns: they take
 * slots (no code), so that its locals and stack pass C1's inlining limit ({@code
 * C1InlineStackLimit}, 10 slots) and C1 calls it.
 *
 * @implNote Stateless and thread-safe.
 */
public final class MemoryCalls {
  private MemoryCalls() {}

  /** {@code m[i]}, {@code i} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static byte getByte(byte[] m, int i, int limit) {
    long a, b, c, d, e; // (its stack is one slot shallower than the others')
    if (limit != m.length) {
      Objects.checkIndex(i, limit);
    }
    return m[i];
  }

  /** {@code Rt.SHORT.get(m, i)}, {@code i + 2} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static short getShort(byte[] m, int i, int limit) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit - 1);
    }
    return (short) Rt.SHORT.get(m, i);
  }

  /** {@code Rt.INT.get(m, i)}, {@code i + 4} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static int getInt(byte[] m, int i, int limit) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit - 3);
    }
    return (int) Rt.INT.get(m, i);
  }

  /** {@code Rt.LONG.get(m, i)}, {@code i + 8} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static long getLong(byte[] m, int i, int limit) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit - 7);
    }
    return (long) Rt.LONG.get(m, i);
  }

  /** {@code m[i] = (byte) v}, {@code i} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static void setByte(byte[] m, int i, int limit, int v) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit);
    }
    m[i] = (byte) v;
  }

  /** {@code Rt.SHORT.set(m, i, v)}, {@code i + 2} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static void setShort(byte[] m, int i, int limit, short v) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit - 1);
    }
    Rt.SHORT.set(m, i, v);
  }

  /** {@code Rt.INT.set(m, i, v)}, {@code i + 4} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static void setInt(byte[] m, int i, int limit, int v) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit - 3);
    }
    Rt.INT.set(m, i, v);
  }

  /** {@code Rt.LONG.set(m, i, v)}, {@code i + 8} checked against {@code limit}. */
  @SuppressWarnings("unused")
  public static void setLong(byte[] m, int i, int limit, long v) {
    long a, b, c, d;
    if (limit != m.length) {
      Objects.checkIndex(i, limit - 7);
    }
    Rt.LONG.set(m, i, v);
  }
}
