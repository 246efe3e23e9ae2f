package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Properties of {@link Semantics} against exact models (BigInteger, BigDecimal). */
class SemanticsProperties {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private static BigInteger unsigned(long x) {
    BigInteger b = BigInteger.valueOf(x);
    return x < 0 ? b.add(TWO_64) : b;
  }

  @Property
  void unsignedDivisionMatchesTheModel(@ForAll long a, @ForAll long b) {
    if (b == 0) {
      return;
    }
    assertEquals(unsigned(a).divide(unsigned(b)).longValue(), Semantics.i64DivU(a, b));
    assertEquals(unsigned(a).mod(unsigned(b)).longValue(), Semantics.i64RemU(a, b));
  }

  @Property
  void signedDivisionIdentityHolds(@ForAll int a, @ForAll int b) {
    if (b == 0 || (a == Integer.MIN_VALUE && b == -1)) {
      return;
    }
    assertEquals(a, Semantics.i32DivS(a, b) * b + Semantics.i32RemS(a, b));
  }

  @Property
  void unsignedLongToFloatIsCorrectlyRounded(@ForAll long a) {
    BigDecimal exact = new BigDecimal(unsigned(a));
    float expected = exact.round(new MathContext(24, RoundingMode.HALF_EVEN)).floatValue();
    assertEquals(Float.floatToRawIntBits(expected), Semantics.f32ConvertI64U(a));
    double expectedD = exact.round(new MathContext(53, RoundingMode.HALF_EVEN)).doubleValue();
    assertEquals(Double.doubleToRawLongBits(expectedD), Semantics.f64ConvertI64U(a));
  }

  @Property
  void saturatingUnsignedTruncationMatchesTheModel(@ForAll double x) {
    long expected;
    if (Double.isNaN(x) || x <= 0) {
      expected = 0;
    } else if (x >= 18446744073709551616.0) {
      expected = -1;
    } else {
      expected = new BigDecimal(x).toBigInteger().longValue();
    }
    assertEquals(expected, Semantics.i64TruncSatF64U(Double.doubleToRawLongBits(x)));
  }

  @Property
  void signBitOperationsTouchOnlyTheSignBit(@ForAll int bits, @ForAll int other) {
    assertEquals(bits & 0x7FFFFFFF, Semantics.f32Abs(bits));
    assertEquals(bits ^ 0x80000000, Semantics.f32Neg(bits));
    assertEquals((bits & 0x7FFFFFFF) | (other & 0x80000000), Semantics.f32Copysign(bits, other));
  }
}
