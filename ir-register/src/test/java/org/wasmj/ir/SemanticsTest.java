package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;

class SemanticsTest {
  private static int f(float x) {
    return Float.floatToRawIntBits(x);
  }

  private static long d(double x) {
    return Double.doubleToRawLongBits(x);
  }

  private static TrapKind trapOf(Runnable r) {
    return assertThrows(TrapException.class, r::run).kind();
  }

  @Test
  void integerDivisionTraps() {
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trapOf(() -> Semantics.i32DivS(1, 0)));
    assertEquals(TrapKind.INTEGER_OVERFLOW, trapOf(() -> Semantics.i32DivS(Integer.MIN_VALUE, -1)));
    assertEquals(TrapKind.INTEGER_OVERFLOW, trapOf(() -> Semantics.i64DivS(Long.MIN_VALUE, -1)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trapOf(() -> Semantics.i64RemU(1, 0)));
    assertEquals(0, Semantics.i32RemS(Integer.MIN_VALUE, -1));
    assertEquals(-3, Semantics.i32DivS(7, -2));
    assertEquals(2147483647, Semantics.i32DivU(-1, 2));
  }

  @Test
  void truncationTrapsAtTheSpecBoundaries() {
    assertEquals(TrapKind.BAD_CONVERSION_TO_INTEGER, trapOf(() -> Semantics.i32TruncF32S(f(Float.NaN))));
    assertEquals(TrapKind.INTEGER_OVERFLOW, trapOf(() -> Semantics.i32TruncF32S(f(2147483648f))));
    assertEquals(Integer.MIN_VALUE, Semantics.i32TruncF32S(f(-2147483648f)));
    assertEquals(Integer.MIN_VALUE, Semantics.i32TruncF64S(d(-2147483648.9)));
    assertEquals(TrapKind.INTEGER_OVERFLOW, trapOf(() -> Semantics.i32TruncF64S(d(-2147483649.0))));
    assertEquals(0, Semantics.i32TruncF32U(f(-0.9f)));
    assertEquals(TrapKind.INTEGER_OVERFLOW, trapOf(() -> Semantics.i32TruncF32U(f(-1f))));
    assertEquals(-1, Semantics.i32TruncF64U(d(4294967295.9)));
    assertEquals(TrapKind.INTEGER_OVERFLOW, trapOf(() -> Semantics.i64TruncF64U(d(18446744073709551616.0))));
    assertEquals(-2048L, Semantics.i64TruncF64U(d(18446744073709549568.0)));
    assertEquals(Long.MIN_VALUE, Semantics.i64TruncF32S(f(-9223372036854775808f)));
  }

  @Test
  void saturatingTruncationClampsAndMapsNanToZero() {
    assertEquals(0, Semantics.i32TruncSatF32S(f(Float.NaN)));
    assertEquals(Integer.MAX_VALUE, Semantics.i32TruncSatF64S(d(1e10)));
    assertEquals(-1, Semantics.i32TruncSatF32U(f(1e10f)));
    assertEquals(0, Semantics.i32TruncSatF32U(f(-5f)));
    assertEquals(-1L, Semantics.i64TruncSatF64U(d(1e30)));
    assertEquals(0L, Semantics.i64TruncSatF64U(d(Double.NaN)));
  }

  @Test
  void unsignedLongToFloatRoundsOnce() {
    // 0x7fffff4000000001 needs the sticky bit: naive long->double->float double-rounds.
    assertEquals(f(9.2233715E18f), Semantics.f32ConvertI64U(0x7fffff4000000001L));
    assertEquals(0x5F7FFFFF, Semantics.f32ConvertI64U(0xFFFFFF7FFFFFFFFFL)); // just below a tie: rounds down
    assertEquals(f(1.8446744E19f), Semantics.f32ConvertI64U(-1L));
    assertEquals(d(18446744073709551616.0), Semantics.f64ConvertI64U(-1L));
    assertEquals(0x43EFFFFFFFFFFFFFL, Semantics.f64ConvertI64U(0xFFFFFFFFFFFFFBFFL));
    assertEquals(f(4294967295f), Semantics.f32ConvertI32U(-1));
  }

  @Test
  void signOperationsLeaveNanPayloadsAlone() {
    int snan = 0x7FA00001; // signaling NaN with a payload
    assertEquals(0xFFA00001, Semantics.f32Neg(snan));
    assertEquals(0x7FA00001, Semantics.f32Abs(0xFFA00001));
    assertEquals(0xFFA00001, Semantics.f32Copysign(snan, f(-1f)));
    assertEquals(0x7FF4000000000001L, Semantics.f64Abs(0xFFF4000000000001L));
  }

  @Test
  void arithmeticOnNanGivesAQuietNan() {
    int snan = 0x7FA00001;
    int sum = Semantics.f32Add(snan, f(1f));
    assertTrue(Float.isNaN(Float.intBitsToFloat(sum)));
    assertEquals(0x00400000, sum & 0x00400000, "quiet bit set");
    long root = Semantics.f64Sqrt(0x7FF0000000000001L);
    assertEquals(0x0008000000000000L, root & 0x0008000000000000L);
    assertEquals(0x7FC00000, Semantics.f32Min(snan, f(0f)));
    assertEquals(0x7FC00001, Semantics.f32Nearest(0x7F800001), "quieted, payload kept");
  }

  @Test
  void minMaxAndRoundingRespectSignedZeros() {
    assertEquals(f(-0f), Semantics.f32Min(f(0f), f(-0f)));
    assertEquals(f(0f), Semantics.f32Max(f(-0f), f(0f)));
    assertEquals(d(-0.0), Semantics.f64Nearest(d(-0.5)));
    assertEquals(d(2.0), Semantics.f64Nearest(d(2.5)));
    assertEquals(f(-0f), Semantics.f32Trunc(f(-0.7f)));
    assertEquals(f(-0f), Semantics.f32Ceil(f(-0.5f)));
    assertEquals(d(-1.0), Semantics.f64Floor(d(-0.5)));
  }

  @Test
  void promoteAndDemoteKeepCanonicalNans() {
    assertEquals(0x7FC00000, Semantics.f32DemoteF64(0x7FF8000000000000L));
    assertEquals(0x7FF8000000000000L, Semantics.f64PromoteF32(0x7FC00000));
    assertEquals(0xFFC00000, Semantics.f32DemoteF64(0xFFF8000000000000L));
    assertEquals(f(1.5f), Semantics.f32DemoteF64(d(1.5)));
    assertEquals(f(Float.POSITIVE_INFINITY), Semantics.f32DemoteF64(d(1e300)));
  }

  @Test
  void bitCountsRotationsAndExtensions() {
    assertEquals(32, Semantics.i32Clz(0));
    assertEquals(64L, Semantics.i64Ctz(0));
    assertEquals(0x80000001, Semantics.i32Rotr(3, 1));
    assertEquals(-128, Semantics.i32Extend8S(0x80));
    assertEquals(0xFFFFFFFFL, Semantics.i64ExtendI32U(-1));
    assertEquals(1, Semantics.i32LtU(1, -1));
    assertEquals(0, Semantics.i64GtU(1, -1));
    assertEquals(2, Semantics.i32Shl(1, 33), "shift count is taken mod 32");
  }
}
