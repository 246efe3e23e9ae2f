package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.exec.Val;
import org.wasmj.parser.ValType;

class ValuesTest {
  @Test
  void integersMayBeSignedOrUnsignedDecimalOrHex() {
    assertEquals(Val.i32(-1), Values.parse(ValType.I32, "4294967295"));
    assertEquals(Val.i32(-1), Values.parse(ValType.I32, "-1"));
    assertEquals(Val.i32(Integer.MIN_VALUE), Values.parse(ValType.I32, "-2147483648"));
    assertEquals(Val.i32(255), Values.parse(ValType.I32, "0xff"));
    assertEquals(Val.i32(-16), Values.parse(ValType.I32, "-0X10"));
    assertEquals(Val.i32(7), Values.parse(ValType.I32, "+7"));
    assertEquals(Val.i64(-1), Values.parse(ValType.I64, "18446744073709551615"));
    assertEquals(Val.i64(Long.MIN_VALUE), Values.parse(ValType.I64, "-9223372036854775808"));
    assertEquals(Val.i64(-1), Values.parse(ValType.I64, "0xFFFFFFFFFFFFFFFF"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4294967296", "-2147483649", "0x100000000", "-0x80000001",
      "99999999999999999999", "", "-", "0x", "--1", "-+1", "+-1", "1_000", "1.0", " 1", "١"})
  void anI32OutOfRangeOrMalformedIsAUsageError(String text) {
    assertThrows(Failures.UsageException.class, () -> Values.parse(ValType.I32, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"18446744073709551616", "-18446744073709551615", "-9223372036854775809",
      "0x10000000000000000", "-0x8000000000000001"})
  void anI64OutOfRangeIsAUsageErrorNotAWrappedValue(String text) {
    Failures.UsageException e =
        assertThrows(Failures.UsageException.class, () -> Values.parse(ValType.I64, text));
    assertEquals("'" + text + "' is not a valid i64 (out of range [-9223372036854775808,"
        + " 18446744073709551615])", e.getMessage());
  }
}
