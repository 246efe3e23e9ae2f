package org.wasmj.exec.loopswitch;

import java.util.ArrayList;
import java.util.List;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;
import org.wasmj.ir.SimdForm;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Writes {@code SimdInterpreter}'s case for every SIMD op of the {@link Op} table, from the op's
 * {@link SimdForm}: each computes both halves with the {@code SimdSemantics} method named after
 * its Wasm instruction before writing either (a result may overlap an operand), and returns the
 * next pc. {@code DispatchGeneratorTest} checks the cases are fresh.
 */
final class SimdDispatchGenerator {
  private SimdDispatchGenerator() {}

  private static final String BEGIN = "      // BEGIN GENERATED SIMD";
  private static final String END = "      // END GENERATED SIMD";

  /** The register operand at code offset {@code k}: low half. */
  private static String v(int k) {
    return "s[fp + code[pc + " + k + "]]";
  }

  /** The register operand at code offset {@code k}: high half. */
  private static String vh(int k) {
    return "s[fp + code[pc + " + k + "] + 1]";
  }

  /** A scalar register operand of type {@code t} at code offset {@code k}. */
  private static String scalar(ValType t, int k) {
    return (t == ValType.I32 || t == ValType.F32 ? "(int) " : "") + v(k);
  }

  private static String call(Opcode w, String... args) {
    return "SimdSemantics." + Semantics.methodName(w) + "(" + String.join(", ", args) + ")";
  }

  private static String put(String lo, String hi, int next) {
    return "return put(s, fp + code[pc + 1], " + lo + ", " + hi + ", pc + " + next + ");";
  }

  /** Loads {@code bits} at the address of base register {@code base}, offset at {@code offset}. */
  private static String load(int bits, int base, int offset) {
    String at = "address(m, (int) " + v(base) + ", code[pc + " + offset + "] & 0xFFFFFFFFL, " + bits / 8 + ")";
    switch (bits) {
      case 8: return "m[" + at + "]";
      case 16: return "getShort(m, " + at + ")";
      case 32: return "getInt(m, " + at + ")";
      default: return "getLong(m, " + at + ")";
    }
  }

  static List<String> cases() {
    List<String> out = new ArrayList<>();
    for (Op op : Op.values()) {
      SimdForm form = op.simd();
      if (form == null) {
        continue;
      }
      Opcode w = op.wasm();
      int size = op.size();
      boolean x = op.shape().endsWith("x");
      String mem = x ? "inst.memories[code[pc + " + (size - 1) + "]].bytes" : "inst.memory0.bytes";
      int half = form == SimdForm.EXTRACT || form == SimdForm.REPLACE || form == SimdForm.LOAD_LANE
          || form == SimdForm.STORE_LANE ? SimdForm.laneCount(w) / 2 : 0;
      String inHalf = half == 0 ? "" : " & " + (half - 1);
      List<String> body = new ArrayList<>();
      switch (form) {
        case CONST:
          body.add(put("imm64(code, pc + 2)", "imm64(code, pc + 4)", size));
          break;
        case SHUFFLE:
          body.add(put(call(w, v(2), vh(2), v(3), vh(3), "imm64(code, pc + 4)"),
              call(w, v(2), vh(2), v(3), vh(3), "imm64(code, pc + 6)"), size));
          break;
        case SWIZZLE:
          body.add(put(call(w, v(2), vh(2), v(3)), call(w, v(2), vh(2), vh(3)), size));
          break;
        case EXTRACT:
          body.add("int lane = code[pc + 3];");
          body.add("s[fp + code[pc + 1]] = " + call(w, "lane < " + half + " ? " + v(2) + " : " + vh(2),
              "lane" + inHalf) + ";");
          body.add("return pc + " + size + ";");
          break;
        case REPLACE: {
          String value = scalar(w.params()[1], 3);
          body.add("int lane = code[pc + 4];");
          body.add("return lane < " + half + " ? put(s, fp + code[pc + 1], " + call(w, v(2), value, "lane" + inHalf)
              + ", " + vh(2) + ", pc + " + size + ")");
          body.add("    : put(s, fp + code[pc + 1], " + v(2) + ", " + call(w, vh(2), value, "lane" + inHalf)
              + ", pc + " + size + ");");
          break;
        }
        case SPLAT:
          body.add("return splat(s, fp + code[pc + 1], " + call(w, scalar(w.params()[0], 2)) + ", pc + " + size + ");");
          break;
        case UNARY:
          body.add(put(call(w, v(2)), call(w, vh(2)), size));
          break;
        case BINARY:
          body.add(put(call(w, v(2), v(3)), call(w, vh(2), vh(3)), size));
          break;
        case TERNARY:
          body.add(put(call(w, v(2), v(3), v(4)), call(w, vh(2), vh(3), vh(4)), size));
          break;
        case SHIFT:
          body.add(put(call(w, v(2), "(int) " + v(3)), call(w, vh(2), "(int) " + v(3)), size));
          break;
        case REDUCE:
          body.add("s[fp + code[pc + 1]] = " + call(w, v(2), vh(2)) + ";");
          body.add("return pc + " + size + ";");
          break;
        case EXTEND_LOW:
        case EXTEND_HIGH: {
          String h = form == SimdForm.EXTEND_LOW ? v(2) : vh(2);
          body.add(put(call(w, h, "0"), call(w, h, "1"), size));
          break;
        }
        case EXTMUL_LOW:
        case EXTMUL_HIGH: {
          boolean low = form == SimdForm.EXTMUL_LOW;
          String a = low ? v(2) : vh(2);
          String b = low ? v(3) : vh(3);
          body.add(put(call(w, a, b, "0"), call(w, a, b, "1"), size));
          break;
        }
        case NARROW:
          body.add(put(call(w, v(2), vh(2)), call(w, v(3), vh(3)), size));
          break;
        case ZERO:
          body.add(put(call(w, v(2), vh(2)), "0", size));
          break;
        case LOAD:
          body.add("byte[] m = " + mem + ";");
          body.add("int at = address(m, (int) " + v(2) + ", code[pc + 3] & 0xFFFFFFFFL, 16);");
          body.add(put("getLong(m, at)", "getLong(m, at + 8)", size));
          break;
        case LOAD_EXTEND:
          body.add("byte[] m = " + mem + ";");
          body.add("long x = " + load(64, 2, 3) + ";");
          body.add(put(call(w, "x", "0"), call(w, "x", "1"), size));
          break;
        case LOAD_SPLAT:
          body.add("byte[] m = " + mem + ";");
          body.add("return splat(s, fp + code[pc + 1], " + call(w, load(SimdForm.accessBits(w), 2, 3))
              + ", pc + " + size + ");");
          break;
        case LOAD_ZERO: {
          int bits = SimdForm.accessBits(w);
          body.add("byte[] m = " + mem + ";");
          body.add(put(load(bits, 2, 3) + (bits == 32 ? " & 0xFFFFFFFFL" : ""), "0", size));
          break;
        }
        case LOAD_LANE: {
          body.add("byte[] m = " + mem + ";");
          int bits = SimdForm.accessBits(w);
          body.add((bits == 64 ? "long" : "int") + " x = " + load(bits, 2, 4) + ";");
          body.add("int lane = code[pc + 5];");
          body.add("return lane < " + half + " ? put(s, fp + code[pc + 1], " + call(w, v(3), "x", "lane" + inHalf)
              + ", " + vh(3) + ", pc + " + size + ")");
          body.add("    : put(s, fp + code[pc + 1], " + v(3) + ", " + call(w, vh(3), "x", "lane" + inHalf)
              + ", pc + " + size + ");");
          break;
        }
        case STORE:
          body.add("byte[] m = " + mem + ";");
          body.add("int at = address(m, (int) " + v(1) + ", code[pc + 3] & 0xFFFFFFFFL, 16);");
          body.add("putLong(m, at, " + v(2) + ");");
          body.add("putLong(m, at + 8, " + vh(2) + ");");
          body.add("return pc + " + size + ";");
          break;
        default: { // STORE_LANE
          int bits = SimdForm.accessBits(w);
          body.add("byte[] m = " + mem + ";");
          body.add("int lane = code[pc + 4];");
          body.add((bits == 64 ? "long" : "int") + " x = " + call(w, "lane < " + half + " ? " + v(2) + " : " + vh(2),
              "lane" + inHalf) + ";");
          body.add("int at = address(m, (int) " + v(1) + ", code[pc + 3] & 0xFFFFFFFFL, " + bits / 8 + ");");
          body.add(bits == 8 ? "m[at] = (byte) x;" : bits == 16 ? "putShort(m, at, (short) x);"
              : bits == 32 ? "putInt(m, at, x);" : "putLong(m, at, x);");
          body.add("return pc + " + size + ";");
        }
      }
      out.add("      case OpCodes." + op.name() + ": {");
      for (String line : body) {
        out.add("        " + line);
      }
      out.add("      }");
    }
    return out;
  }

  /** {@code source} with the generated section replaced. */
  static String apply(String source) {
    int b = source.indexOf(BEGIN);
    int e = source.indexOf(END);
    if (b < 0 || e < b) {
      throw new IllegalStateException("markers not found: " + BEGIN);
    }
    return source.substring(0, b) + BEGIN + " (SimdDispatchGenerator; do not edit)\n"
        + String.join("\n", cases()) + "\n" + source.substring(e);
  }
}
