package org.wasmj.cli;

import java.math.BigInteger;
import org.wasmj.exec.Val;
import org.wasmj.parser.ValType;

/** Wasm values on the command line: parsed by a parameter's type, printed one per line. */
final class Values {
  private Values() {}

  /**
   * A command-line value of {@code type}: integers in decimal or {@code 0x} hex with an optional
   * sign, signed or unsigned ({@code -1} and {@code 4294967295} are the same i32) but never out
   * of range; decimal floats; a v128 as one 128-bit hex number ({@code 0x} and up to 32 digits;
   * lane 0 is its lowest bits).
   */
  static Val parse(ValType type, String text) {
    try {
      switch (type) {
        case I32: return Val.i32((int) parseInteger(text, 32));
        case I64: return Val.i64(parseInteger(text, 64));
        case F32: return Val.f32(Float.parseFloat(text));
        case F64: return Val.f64(Double.parseDouble(text));
        case V128: return v128(text);
        default:
          throw new Failures.UsageException("cannot pass " + type + " values on the command line");
      }
    } catch (NumberFormatException e) {
      throw new Failures.UsageException("'" + Text.escape(text) + "' is not a valid " + type
          + (e.getMessage() != null && e.getMessage().startsWith("out of range")
              ? " (" + e.getMessage() + ")" : ""));
    }
  }

  private static Val v128(String text) {
    if (!text.startsWith("0x") && !text.startsWith("0X") || text.length() < 3 || text.length() > 34) {
      throw new NumberFormatException(text);
    }
    String digits = text.substring(2);
    int split = Math.max(0, digits.length() - 16);
    long high = split == 0 ? 0 : Long.parseUnsignedLong(digits.substring(0, split), 16);
    return Val.v128(Long.parseUnsignedLong(digits.substring(split), 16), high);
  }

  /** {@code text} as a {@code bits}-bit integer in [-2^(bits-1), 2^bits - 1]. */
  static long parseInteger(String text, int bits) {
    boolean negative = text.startsWith("-");
    String digits = negative || text.startsWith("+") ? text.substring(1) : text;
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    }
    if (digits.isEmpty()) {
      throw new NumberFormatException(text);
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'f') {
        throw new NumberFormatException(text); // no second sign, no non-ASCII digits
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    if (negative) {
      v = v.negate();
    }
    BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new NumberFormatException("out of range [" + min + ", " + max + "]");
    }
    return v.longValue();
  }

  /** How a result prints: integers signed, floats as Java prints them, references by name. */
  static String format(Val v) {
    switch (v.type()) {
      case I32: return Integer.toString(v.i32());
      case I64: return Long.toString(v.i64());
      case F32: return Float.toString(v.f32());
      case F64: return Double.toString(v.f64());
      case V128: return String.format("0x%016x%016x", v.high(), v.bits());
      case FUNCREF: return v.funcref() == null ? "null" : Text.escape(v.funcref().toString());
      default: return v.externref() == null ? "null" : Text.escape(String.valueOf(v.externref()));
    }
  }
}
