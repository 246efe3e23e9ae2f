package org.wasmj.exec.asm.rt;

/**
 * The little-endian memory accesses of {@link Rt}'s views as small static methods: generated code
 * calls these for every scalar load and store of 2, 4 or 8 bytes (SIMD's lane and v128 accesses
 * stay inline {@code VarHandle} accesses, which C2 inlines whatever its budget, as a SIMD kernel's
 * loop needs; not measured as calls). C2 inlines them as any small method
 * (they are under {@code MaxInlineSize}, 35 bytes), so its code is the inline access; code that
 * runs before C2's is cheaper with a call than with an inline {@code VarHandle} access: HotSpot's
 * bytecode interpreter links a {@code VarHandle} access through guard and method-handle frames,
 * and C1 inlines one into some 90 virtual registers and its checks at its profiling tier, where
 * it ran several times slower than a call of the C2-compiled method here and made C1 give up on
 * big methods ("out of virtual registers", JDK 17), which then never reached C2. Each declares
 * four {@code long} locals it never assigns: they take slots (no code), so that its locals and
 * stack pass C1's inlining limit ({@code C1InlineStackLimit}, 10 slots) and C1 calls it.
 *
 * @implNote Stateless and thread-safe.
 */
public final class MemoryCalls {
  private MemoryCalls() {}

  /** {@code Rt.SHORT.get(m, i)}. */
  @SuppressWarnings("unused")
  public static short getShort(byte[] m, int i) {
    long a, b, c, d;
    return (short) Rt.SHORT.get(m, i);
  }

  /** {@code Rt.INT.get(m, i)}. */
  @SuppressWarnings("unused")
  public static int getInt(byte[] m, int i) {
    long a, b, c, d;
    return (int) Rt.INT.get(m, i);
  }

  /** {@code Rt.LONG.get(m, i)}. */
  @SuppressWarnings("unused")
  public static long getLong(byte[] m, int i) {
    long a, b, c, d;
    return (long) Rt.LONG.get(m, i);
  }

  /** {@code Rt.SHORT.set(m, i, v)}. */
  @SuppressWarnings("unused")
  public static void setShort(byte[] m, int i, short v) {
    long a, b, c, d;
    Rt.SHORT.set(m, i, v);
  }

  /** {@code Rt.INT.set(m, i, v)}. */
  @SuppressWarnings("unused")
  public static void setInt(byte[] m, int i, int v) {
    long a, b, c, d;
    Rt.INT.set(m, i, v);
  }

  /** {@code Rt.LONG.set(m, i, v)}. */
  @SuppressWarnings("unused")
  public static void setLong(byte[] m, int i, long v) {
    long a, b, c, d;
    Rt.LONG.set(m, i, v);
  }
}
