package org.wasmj.cli;

import org.wasmj.exec.Val;
import org.wasmj.parser.ValType;

/** Wasm values on the command line: parsed by a parameter's type, printed one per line. */
final class Values {
  private Values() {}

  /** A command-line value of {@code type}: decimal (or 0x hex) integers, decimal floats. */
  static Val parse(ValType type, String text) {
    try {
      switch (type) {
        case I32: return Val.i32((int) parseInteger(text, 32));
        case I64: return Val.i64(parseInteger(text, 64));
        case F32: return Val.f32(Float.parseFloat(text));
        case F64: return Val.f64(Double.parseDouble(text));
        default: throw new Failures.UsageException("cannot pass a " + type + " on the command line");
      }
    } catch (NumberFormatException e) {
      throw new Failures.UsageException("'" + text + "' is not a valid " + type);
    }
  }

  private static long parseInteger(String text, int bits) {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    long v = digits.startsWith("0x") || digits.startsWith("0X")
        ? Long.parseUnsignedLong(digits.substring(2), 16)
        : Long.parseUnsignedLong(digits);
    if (bits == 32 && (negative ? v > 0x80000000L : v > 0xFFFFFFFFL)) {
      throw new NumberFormatException(text);
    }
    return negative ? -v : v;
  }

  /** How a result prints: integers signed, floats as Java prints them, references by name. */
  static String format(Val v) {
    switch (v.type()) {
      case I32: return Integer.toString(v.i32());
      case I64: return Long.toString(v.i64());
      case F32: return Float.toString(v.f32());
      case F64: return Double.toString(v.f64());
      case FUNCREF: return v.funcref() == null ? "null" : v.funcref().toString();
      default: return v.externref() == null ? "null" : String.valueOf(v.externref());
    }
  }
}
