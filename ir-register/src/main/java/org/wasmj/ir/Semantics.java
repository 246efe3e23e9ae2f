package org.wasmj.ir;

import org.wasmj.TrapException;
import org.wasmj.TrapKind;

/**
 * Wasm's scalar numeric semantics, defined once: one static method per numeric instruction,
 * named after its text name in camelCase ({@code i32.div_s} is {@link #i32DivS},
 * {@code f64.convert_i64_u} is {@link #f64ConvertI64U}). The executors call these (the
 * interpreter directly, generated code by {@code INVOKESTATIC}) and the translator folds
 * constants with them.
 *
 * <p>i32 and i64 are {@code int} and {@code long}; <b>f32 and f64 are their raw bits</b>
 * ({@code int}/{@code long}), so NaN payloads survive moves. Comparisons return 0 or 1.
 * NaN results follow the spec, deterministically: {@code abs}, {@code neg} and {@code copysign}
 * only touch the sign bit; rounding, {@code sqrt}, {@code promote} and {@code demote} quiet a NaN
 * operand's payload; {@code add}, {@code sub}, {@code mul}, {@code div}, {@code min} and {@code max}
 * return the positive canonical NaN whenever their result is a NaN (the JVM's choice of payload
 * between two NaN operands differs between its interpreter and compiled code). Trapping operations throw {@link TrapException}.
 *
 * <pre>{@code
 * int q = Semantics.i32DivS(7, -2);                       // -3
 * int bits = Semantics.f32Add(Float.floatToRawIntBits(1f), Float.floatToRawIntBits(2f));
 * }</pre>
 *
 * @implNote Stateless; most methods are small enough for C2 to inline at every call site.
 */
public final class Semantics {
  private static final float TWO_31_F = 2147483648f;
  private static final float TWO_32_F = 4294967296f;
  private static final float TWO_63_F = 9223372036854775808f;
  private static final float TWO_64_F = 18446744073709551616f;
  private static final double TWO_31_D = 2147483648d;
  private static final double TWO_32_D = 4294967296d;
  private static final double TWO_63_D = 9223372036854775808d;
  private static final double TWO_64_D = 18446744073709551616d;

  private Semantics() {}

  /** The name of the method that implements {@code op}: its text name in camelCase. */
  public static String methodName(org.wasmj.parser.Opcode op) {
    // a loop, not split("[._]"): the class generator asks for every op when it starts, and a
    // regex compiled per op costs milliseconds of start-up
    String text = op.text();
    StringBuilder sb = new StringBuilder(text.length());
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  private static TrapException trap(TrapKind kind) {
    return new TrapException(kind);
  }

  public static int i32Eqz(int a) { return a == 0 ? 1 : 0; }

  public static int i32Eq(int a, int b) { return a == b ? 1 : 0; }

  public static int i32Ne(int a, int b) { return a != b ? 1 : 0; }

  public static int i32LtS(int a, int b) { return a < b ? 1 : 0; }

  public static int i32GtS(int a, int b) { return a > b ? 1 : 0; }

  public static int i32LeS(int a, int b) { return a <= b ? 1 : 0; }

  public static int i32GeS(int a, int b) { return a >= b ? 1 : 0; }

  public static int i32LtU(int a, int b) { return Integer.compareUnsigned(a, b) < 0 ? 1 : 0; }

  public static int i32GtU(int a, int b) { return Integer.compareUnsigned(a, b) > 0 ? 1 : 0; }

  public static int i32LeU(int a, int b) { return Integer.compareUnsigned(a, b) <= 0 ? 1 : 0; }

  public static int i32GeU(int a, int b) { return Integer.compareUnsigned(a, b) >= 0 ? 1 : 0; }

  public static int i32Clz(int a) { return Integer.numberOfLeadingZeros(a); }

  public static int i32Ctz(int a) { return Integer.numberOfTrailingZeros(a); }

  public static int i32Popcnt(int a) { return Integer.bitCount(a); }

  public static int i32Add(int a, int b) { return a + b; }

  public static int i32Sub(int a, int b) { return a - b; }

  public static int i32Mul(int a, int b) { return a * b; }

  public static int i32And(int a, int b) { return a & b; }

  public static int i32Or(int a, int b) { return a | b; }

  public static int i32Xor(int a, int b) { return a ^ b; }

  public static int i32Shl(int a, int b) { return a << b; }

  public static int i32ShrS(int a, int b) { return a >> b; }

  public static int i32ShrU(int a, int b) { return a >>> b; }

  public static int i32Rotl(int a, int b) { return Integer.rotateLeft(a, (int) b); }

  public static int i32Rotr(int a, int b) { return Integer.rotateRight(a, (int) b); }

  public static int i32DivS(int a, int b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    if (a == Integer.MIN_VALUE && b == -1) {
      throw trap(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  public static int i32DivU(int a, int b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.divideUnsigned(a, b);
  }

  public static int i32RemS(int a, int b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return b == -1 ? 0 : a % b;
  }

  public static int i32RemU(int a, int b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.remainderUnsigned(a, b);
  }

  public static int i64Eqz(long a) { return a == 0 ? 1 : 0; }

  public static int i64Eq(long a, long b) { return a == b ? 1 : 0; }

  public static int i64Ne(long a, long b) { return a != b ? 1 : 0; }

  public static int i64LtS(long a, long b) { return a < b ? 1 : 0; }

  public static int i64GtS(long a, long b) { return a > b ? 1 : 0; }

  public static int i64LeS(long a, long b) { return a <= b ? 1 : 0; }

  public static int i64GeS(long a, long b) { return a >= b ? 1 : 0; }

  public static int i64LtU(long a, long b) { return Long.compareUnsigned(a, b) < 0 ? 1 : 0; }

  public static int i64GtU(long a, long b) { return Long.compareUnsigned(a, b) > 0 ? 1 : 0; }

  public static int i64LeU(long a, long b) { return Long.compareUnsigned(a, b) <= 0 ? 1 : 0; }

  public static int i64GeU(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? 1 : 0; }

  public static long i64Clz(long a) { return (long) Long.numberOfLeadingZeros(a); }

  public static long i64Ctz(long a) { return (long) Long.numberOfTrailingZeros(a); }

  public static long i64Popcnt(long a) { return (long) Long.bitCount(a); }

  public static long i64Add(long a, long b) { return a + b; }

  public static long i64Sub(long a, long b) { return a - b; }

  public static long i64Mul(long a, long b) { return a * b; }

  public static long i64And(long a, long b) { return a & b; }

  public static long i64Or(long a, long b) { return a | b; }

  public static long i64Xor(long a, long b) { return a ^ b; }

  public static long i64Shl(long a, long b) { return a << b; }

  public static long i64ShrS(long a, long b) { return a >> b; }

  public static long i64ShrU(long a, long b) { return a >>> b; }

  public static long i64Rotl(long a, long b) { return Long.rotateLeft(a, (int) b); }

  public static long i64Rotr(long a, long b) { return Long.rotateRight(a, (int) b); }

  public static long i64DivS(long a, long b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw trap(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  public static long i64DivU(long a, long b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.divideUnsigned(a, b);
  }

  public static long i64RemS(long a, long b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return b == -1 ? 0 : a % b;
  }

  public static long i64RemU(long a, long b) {
    if (b == 0) {
      throw trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.remainderUnsigned(a, b);
  }

  public static int i32Extend8S(int a) { return (byte) a; }

  public static int i32Extend16S(int a) { return (short) a; }

  public static long i64Extend8S(long a) { return (byte) a; }

  public static long i64Extend16S(long a) { return (short) a; }

  public static long i64Extend32S(long a) { return (int) a; }

  public static int i32WrapI64(long a) { return (int) a; }

  public static long i64ExtendI32S(int a) { return a; }

  public static long i64ExtendI32U(int a) { return a & 0xFFFFFFFFL; }

  public static int f32Abs(int a) { return a & ~0x80000000; }

  public static int f32Neg(int a) { return a ^ 0x80000000; }

  public static int f32Copysign(int a, int b) { return (a & ~0x80000000) | (b & 0x80000000); }

  public static int f32Add(int a, int b) { return f32Result(Float.intBitsToFloat(a) + Float.intBitsToFloat(b)); }

  public static int f32Sub(int a, int b) { return f32Result(Float.intBitsToFloat(a) - Float.intBitsToFloat(b)); }

  public static int f32Mul(int a, int b) { return f32Result(Float.intBitsToFloat(a) * Float.intBitsToFloat(b)); }

  public static int f32Div(int a, int b) { return f32Result(Float.intBitsToFloat(a) / Float.intBitsToFloat(b)); }

  public static int f32Eq(int a, int b) { return Float.intBitsToFloat(a) == Float.intBitsToFloat(b) ? 1 : 0; }

  public static int f32Lt(int a, int b) { return Float.intBitsToFloat(a) < Float.intBitsToFloat(b) ? 1 : 0; }

  public static int f32Gt(int a, int b) { return Float.intBitsToFloat(a) > Float.intBitsToFloat(b) ? 1 : 0; }

  public static int f32Le(int a, int b) { return Float.intBitsToFloat(a) <= Float.intBitsToFloat(b) ? 1 : 0; }

  public static int f32Ge(int a, int b) { return Float.intBitsToFloat(a) >= Float.intBitsToFloat(b) ? 1 : 0; }

  public static int f32Ne(int a, int b) { return Float.intBitsToFloat(a) != Float.intBitsToFloat(b) ? 1 : 0; }

  public static int f32Min(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    if (x != x || y != y) {
      return 0x7FC00000;
    }
    return Float.floatToRawIntBits(Math.min(x, y));
  }

  public static int f32Max(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    if (x != x || y != y) {
      return 0x7FC00000;
    }
    return Float.floatToRawIntBits(Math.max(x, y));
  }

  public static int f32Ceil(int a) {
    float x = Float.intBitsToFloat(a);
    if (x != x) {
      return a | 0x00400000;
    }
    return Float.floatToRawIntBits((float) (Math.ceil(x)));
  }

  public static int f32Floor(int a) {
    float x = Float.intBitsToFloat(a);
    if (x != x) {
      return a | 0x00400000;
    }
    return Float.floatToRawIntBits((float) (Math.floor(x)));
  }

  public static int f32Nearest(int a) {
    float x = Float.intBitsToFloat(a);
    if (x != x) {
      return a | 0x00400000;
    }
    return Float.floatToRawIntBits((float) (Math.rint(x)));
  }

  public static int f32Sqrt(int a) {
    float x = Float.intBitsToFloat(a);
    if (x != x) {
      return a | 0x00400000;
    }
    return Float.floatToRawIntBits((float) (Math.sqrt(x)));
  }

  public static int f32Trunc(int a) {
    float x = Float.intBitsToFloat(a);
    if (x != x) {
      return a | 0x00400000;
    }
    return Float.floatToRawIntBits((float) (x < 0 ? Math.ceil(x) : Math.floor(x)));
  }

  /**
   * A NaN result of add, sub, mul or div becomes the positive canonical NaN; other values are
   * unchanged. The spec allows any arithmetic NaN there; which operand's payload the JVM
   * propagates differs between interpreted and compiled code, and wasmj is deterministic.
   */
  private static int f32Result(float r) {
    return r != r ? 0x7FC00000 : Float.floatToRawIntBits(r); // tested as a float: no bit moves
  }

  public static long f64Abs(long a) { return a & ~0x8000000000000000L; }

  public static long f64Neg(long a) { return a ^ 0x8000000000000000L; }

  public static long f64Copysign(long a, long b) { return (a & ~0x8000000000000000L) | (b & 0x8000000000000000L); }

  public static long f64Add(long a, long b) { return f64Result(Double.longBitsToDouble(a) + Double.longBitsToDouble(b)); }

  public static long f64Sub(long a, long b) { return f64Result(Double.longBitsToDouble(a) - Double.longBitsToDouble(b)); }

  public static long f64Mul(long a, long b) { return f64Result(Double.longBitsToDouble(a) * Double.longBitsToDouble(b)); }

  public static long f64Div(long a, long b) { return f64Result(Double.longBitsToDouble(a) / Double.longBitsToDouble(b)); }

  public static int f64Eq(long a, long b) { return Double.longBitsToDouble(a) == Double.longBitsToDouble(b) ? 1 : 0; }

  public static int f64Lt(long a, long b) { return Double.longBitsToDouble(a) < Double.longBitsToDouble(b) ? 1 : 0; }

  public static int f64Gt(long a, long b) { return Double.longBitsToDouble(a) > Double.longBitsToDouble(b) ? 1 : 0; }

  public static int f64Le(long a, long b) { return Double.longBitsToDouble(a) <= Double.longBitsToDouble(b) ? 1 : 0; }

  public static int f64Ge(long a, long b) { return Double.longBitsToDouble(a) >= Double.longBitsToDouble(b) ? 1 : 0; }

  public static int f64Ne(long a, long b) { return Double.longBitsToDouble(a) != Double.longBitsToDouble(b) ? 1 : 0; }

  public static long f64Min(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    if (x != x || y != y) {
      return 0x7FF8000000000000L;
    }
    return Double.doubleToRawLongBits(Math.min(x, y));
  }

  public static long f64Max(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    if (x != x || y != y) {
      return 0x7FF8000000000000L;
    }
    return Double.doubleToRawLongBits(Math.max(x, y));
  }

  public static long f64Ceil(long a) {
    double x = Double.longBitsToDouble(a);
    if (x != x) {
      return a | 0x0008000000000000L;
    }
    return Double.doubleToRawLongBits((Math.ceil(x)));
  }

  public static long f64Floor(long a) {
    double x = Double.longBitsToDouble(a);
    if (x != x) {
      return a | 0x0008000000000000L;
    }
    return Double.doubleToRawLongBits((Math.floor(x)));
  }

  public static long f64Nearest(long a) {
    double x = Double.longBitsToDouble(a);
    if (x != x) {
      return a | 0x0008000000000000L;
    }
    return Double.doubleToRawLongBits((Math.rint(x)));
  }

  public static long f64Sqrt(long a) {
    double x = Double.longBitsToDouble(a);
    if (x != x) {
      return a | 0x0008000000000000L;
    }
    return Double.doubleToRawLongBits((Math.sqrt(x)));
  }

  public static long f64Trunc(long a) {
    double x = Double.longBitsToDouble(a);
    if (x != x) {
      return a | 0x0008000000000000L;
    }
    return Double.doubleToRawLongBits((x < 0 ? Math.ceil(x) : Math.floor(x)));
  }

  /** As {@link #f32Result}: a NaN result becomes the positive canonical NaN. */
  private static long f64Result(double r) {
    return r != r ? 0x7FF8000000000000L : Double.doubleToRawLongBits(r);
  }

  // ---- float to integer, trapping ----

  public static int i32TruncF32S(int a) {
    float x = Float.intBitsToFloat(a);
    checkTrunc(x != x, x >= -TWO_31_F && x < TWO_31_F);
    return (int) x;
  }

  public static int i32TruncF32U(int a) {
    float x = Float.intBitsToFloat(a);
    checkTrunc(x != x, x > -1f && x < TWO_32_F);
    return (int) (long) x;
  }

  public static int i32TruncF64S(long a) {
    double x = Double.longBitsToDouble(a);
    checkTrunc(x != x, x > -TWO_31_D - 1 && x < TWO_31_D);
    return (int) x;
  }

  public static int i32TruncF64U(long a) {
    double x = Double.longBitsToDouble(a);
    checkTrunc(x != x, x > -1d && x < TWO_32_D);
    return (int) (long) x;
  }

  public static long i64TruncF32S(int a) {
    float x = Float.intBitsToFloat(a);
    checkTrunc(x != x, x >= -TWO_63_F && x < TWO_63_F);
    return (long) x;
  }

  public static long i64TruncF32U(int a) {
    float x = Float.intBitsToFloat(a);
    checkTrunc(x != x, x > -1f && x < TWO_64_F);
    return x < TWO_63_F ? (long) x : (long) (x - TWO_63_F) ^ Long.MIN_VALUE;
  }

  public static long i64TruncF64S(long a) {
    double x = Double.longBitsToDouble(a);
    checkTrunc(x != x, x >= -TWO_63_D && x < TWO_63_D);
    return (long) x;
  }

  public static long i64TruncF64U(long a) {
    double x = Double.longBitsToDouble(a);
    checkTrunc(x != x, x > -1d && x < TWO_64_D);
    return x < TWO_63_D ? (long) x : (long) (x - TWO_63_D) ^ Long.MIN_VALUE;
  }

  private static void checkTrunc(boolean nan, boolean inRange) {
    if (nan) {
      throw trap(TrapKind.BAD_CONVERSION_TO_INTEGER);
    }
    if (!inRange) {
      throw trap(TrapKind.INTEGER_OVERFLOW);
    }
  }

  // ---- float to integer, saturating (Java's casts saturate and map NaN to 0 for signed) ----

  public static int i32TruncSatF32S(int a) {
    return (int) Float.intBitsToFloat(a);
  }

  public static int i32TruncSatF32U(int a) {
    return (int) satU32(Float.intBitsToFloat(a));
  }

  public static int i32TruncSatF64S(long a) {
    return (int) Double.longBitsToDouble(a);
  }

  public static int i32TruncSatF64U(long a) {
    return (int) satU32(Double.longBitsToDouble(a));
  }

  public static long i64TruncSatF32S(int a) {
    return (long) Float.intBitsToFloat(a);
  }

  public static long i64TruncSatF32U(int a) {
    return satU64(Float.intBitsToFloat(a));
  }

  public static long i64TruncSatF64S(long a) {
    return (long) Double.longBitsToDouble(a);
  }

  public static long i64TruncSatF64U(long a) {
    return satU64(Double.longBitsToDouble(a));
  }

  private static long satU32(double x) {
    return x != x || x <= 0 ? 0 : x >= TWO_32_D ? 0xFFFFFFFFL : (long) x;
  }

  private static long satU64(double x) {
    if (x != x || x <= 0) {
      return 0;
    }
    if (x >= TWO_64_D) {
      return -1L;
    }
    return x < TWO_63_D ? (long) x : (long) (x - TWO_63_D) ^ Long.MIN_VALUE;
  }

  // ---- integer to float (each rounds once) ----

  public static int f32ConvertI32S(int a) {
    return Float.floatToRawIntBits((float) a);
  }

  public static int f32ConvertI32U(int a) {
    return Float.floatToRawIntBits((float) (a & 0xFFFFFFFFL));
  }

  public static int f32ConvertI64S(long a) {
    return Float.floatToRawIntBits((float) a);
  }

  /** Halving keeps the lowest bit as a sticky bit, so the one rounding to float is exact. */
  public static int f32ConvertI64U(long a) {
    if (a >= 0) {
      return Float.floatToRawIntBits((float) a);
    }
    float half = (float) ((a >>> 1) | (a & 1));
    return Float.floatToRawIntBits(half * 2f);
  }

  public static long f64ConvertI32S(int a) {
    return Double.doubleToRawLongBits(a);
  }

  public static long f64ConvertI32U(int a) {
    return Double.doubleToRawLongBits(a & 0xFFFFFFFFL);
  }

  public static long f64ConvertI64S(long a) {
    return Double.doubleToRawLongBits((double) a);
  }

  /** As {@link #f32ConvertI64U}: halve with a sticky bit, convert once, double. */
  public static long f64ConvertI64U(long a) {
    if (a >= 0) {
      return Double.doubleToRawLongBits((double) a);
    }
    double half = (double) ((a >>> 1) | (a & 1));
    return Double.doubleToRawLongBits(half * 2d);
  }

  // ---- float to float; reinterpretations are the identity on bits ----

  public static int f32DemoteF64(long a) {
    double x = Double.longBitsToDouble(a);
    if (x != x) {
      // Keep the top payload bits and make the result quiet: canonical stays canonical.
      return (int) (a >>> 32) & 0x80000000 | 0x7FC00000 | (int) (a >>> 29) & 0x003FFFFF;
    }
    return Float.floatToRawIntBits((float) x);
  }

  public static long f64PromoteF32(int a) {
    float x = Float.intBitsToFloat(a);
    if (x != x) {
      return (long) (a & 0x80000000) << 32 | 0x7FF8000000000000L | (long) (a & 0x003FFFFF) << 29;
    }
    return Double.doubleToRawLongBits(x);
  }

  public static int i32ReinterpretF32(int a) {
    return a;
  }

  public static long i64ReinterpretF64(long a) {
    return a;
  }

  public static int f32ReinterpretI32(int a) {
    return a;
  }

  public static long f64ReinterpretI64(long a) {
    return a;
  }
}
