package org.wasmj.exec.asm.rt;

/**
 * The little-endian memory accesses of {@link Rt}'s views as calls that HotSpot's C1 does not
 * inline, for generated methods with many accesses. C1 inlines each {@code VarHandle} access into
 * some 90 virtual registers at its profiling tier, and gives up on a method needing more than
 * 10,000 (JDK 17: "out of virtual registers"), which then never reaches C2; one of these calls
 * takes a few. C2 inlines them as any small method (they are under {@code MaxInlineSize}, 35
 * bytes). Each declares four {@code long} locals it never assigns: they take slots (no code), so
 * that its locals and stack pass C1's inlining limit ({@code C1InlineStackLimit}, 10 slots).
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
