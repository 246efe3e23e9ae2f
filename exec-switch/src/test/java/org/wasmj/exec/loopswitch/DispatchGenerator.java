package org.wasmj.exec.loopswitch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wasmj.ir.NativeOps;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Writes the interpreter's cases for every op that has Wasm numeric semantics ({@link Op#wasm()}
 * of a numeric instruction): the fused compare-and-branch ops and the numeric ops. The ops of
 * {@link NativeOps} are written inline as Java expressions, and so is float arithmetic in the
 * dispatch loop ({@link #inlineCall}); the rest call {@code Semantics}. The ops in
 * {@link #HOT} go into the dispatch loop ({@code runInFrame}), the others into its {@code cold}
 * method.
 *
 * <p>{@code DispatchGeneratorTest} fails when {@code Interpreter.java} differs from what this
 * writes, and rewrites it with {@code -Dwasmj.regenerate=true}.
 */
final class DispatchGenerator {
  private DispatchGenerator() {}

  /**
   * Numeric ops kept in the dispatch loop: what compiled C/Rust code runs in its inner loops.
   * Rotations right and f32 division are left to {@code cold} (session 17, for room): Yosys runs
   * them 20 and 98,000 times in 2.2 G ops, spidermonkey's and CoreMark's code and the kernels
   * have none (compilers write a constant rotation as a rotation left).
   */
  static final Set<String> HOT = Set.of(
      "I32_ADD", "I32_SUB", "I32_MUL", "I32_AND", "I32_OR", "I32_XOR", "I32_SHL", "I32_SHR_S",
      "I32_SHR_U", "I32_EQZ", "I32_EQ", "I32_NE", "I32_LT_S", "I32_LT_U", "I32_GT_S", "I32_GT_U",
      "I32_LE_S", "I32_LE_U", "I32_GE_S", "I32_GE_U",
      "I64_ADD", "I64_SUB", "I64_MUL", "I64_AND", "I64_OR", "I64_XOR", "I64_SHL", "I64_SHR_S",
      "I64_SHR_U", "I64_EQZ", "I32_ROTL", "I64_ROTL",
      "F32_ADD", "F32_SUB", "F32_MUL", "F64_ADD", "F64_SUB", "F64_MUL", "F64_DIV",
      "I32_WRAP_I64", "I64_EXTEND_I32_S", "I64_EXTEND_I32_U");

  /**
   * Numeric ops written by hand in the dispatch loop, so neither here nor in {@code cold}: the
   * {@code cold} ops a real program runs often (Yosys: i32.div_s 8.6 M, i32.rem_u 6.4 M,
   * i32.extend8_s 5.6 M times a run), inline and with their traps left to the JVM's division.
   */
  static final Set<String> HAND_WRITTEN = Set.of("I32_DIV_S", "I32_REM_U", "I32_EXTEND8_S");

  /**
   * A Java {@code long} expression that is negative exactly when a native compare holds, written
   * without a conditional: a compare in Java bytecode is a branch, and C2 compiles a branch that
   * its profile has seen go one way only as a trap that deoptimizes the whole dispatch method when
   * the other way comes (see {@code Interpreter.runInFrame}). {@code a} and {@code b} are the
   * operands: {@code int}s for i32, where the difference of the operands widened to {@code long}
   * (zero-extended when unsigned) has the sign of {@code a - b}; {@code long} locals for i64
   * ({@link #locals}, sign bits flipped when unsigned), with the overflow-free signed compare of
   * Hacker's Delight (2-12).
   */
  private static String sign(NativeOps.Form f, int operands, String type) {
    if (type.equals("I32")) {
      if (operands == 1) {
        return "(a & 0xFFFFFFFFL) - 1"; // eqz
      }
      String a = f.unsigned() ? "(a & 0xFFFFFFFFL)" : "(long) a";
      String b = f.unsigned() ? "(b & 0xFFFFFFFFL)" : "b";
      String bFirst = f.unsigned() ? "(b & 0xFFFFFFFFL)" : "(long) b";
      String aSecond = f.unsigned() ? "(a & 0xFFFFFFFFL)" : "a";
      switch (f.operator()) {
        case "==": return "((a ^ b) & 0xFFFFFFFFL) - 1";
        case "!=": return "-((a ^ b) & 0xFFFFFFFFL)";
        case "<": return a + " - " + b;
        case ">": return bFirst + " - " + aSecond;
        case "<=": return "~(" + bFirst + " - " + aSecond + ")";
        default: return "~(" + a + " - " + b + ")"; // >=
      }
    }
    if (operands == 1) {
      return "~(a | -a)"; // eqz
    }
    String less = "(a - b ^ (a ^ b) & (a - b ^ a))";
    String greater = "(b - a ^ (b ^ a) & (b - a ^ b))";
    switch (f.operator()) {
      case "==": return "~(a ^ b | -(a ^ b))";
      case "!=": return "a ^ b | -(a ^ b)";
      case "<": return less;
      case ">": return greater;
      case "<=": return "~" + greater;
      default: return "~" + less; // >=
    }
  }

  /** The declaration of an i64 compare's operands as locals, or "" for i32 (used once each). */
  private static String locals(NativeOps.Form f, String[] operand, String type) {
    if (!type.equals("I64")) {
      return "";
    }
    String flip = f.unsigned() ? " ^ Long.MIN_VALUE" : "";
    return "long a = " + operand[0] + flip
        + (operand.length == 1 ? "" : ", b = " + operand[1] + flip) + ";";
  }

  /** The Java expression of a native op other than a compare, on operands of {@code type}. */
  private static String expression(NativeOps.Form f, String type) {
    switch (f.kind()) {
      case BINARY: return "a " + f.operator() + " b";
      case ROTATE: // the JDK takes an int count: an i32 operand is one already
        return "U." + f.operator() + (type.equals("I64") ? "(a, (int) b)" : "(a, b)");
      default: // CONVERT: the operand is already an int (wrap) or a sign-extended int (extend)
        return f.operator().equals("(int)") ? "(int) a" : f.unsigned() ? "a & 0xFFFFFFFFL" : "a";
    }
  }

  /** The cases: [0] for the dispatch loop, [1] for the cold method. */
  static List<List<String>> cases() {
    List<String> hot = new ArrayList<>();
    List<String> cold = new ArrayList<>();
    for (Op op : Op.values()) {
      Opcode w = op.wasm();
      if (w == null || w.immediates() == Opcode.Imm.MEMARG || op.simd() != null) {
        continue; // SIMD: SimdDispatchGenerator
      }
      if (HAND_WRITTEN.contains(w.name())) {
        continue;
      }
      boolean branch = op.shape().endsWith("t");
      String indent = branch || HOT.contains(w.name()) ? "        " : "      ";
      List<String> out = indent.length() == 8 ? hot : cold;
      out.add(indent + "case OpCodes." + op.name() + ":");
      ValType[] params = w.params();
      String[] operand = new String[params.length];
      int slot = branch ? 1 : 2;
      for (int i = 0; i < params.length; i++) {
        char kind = op.shape().charAt(slot - 1);
        if (kind == 'r') {
          boolean narrow = params[i] == ValType.I32 || params[i] == ValType.F32;
          operand[i] = (narrow ? "(int) " : "") + "s[fp + code[pc + " + slot + "]]";
          slot++;
        } else if (kind == 'i') {
          operand[i] = "code[pc + " + slot + "]";
          slot++;
        } else { // 'l'
          operand[i] = "((code[pc + " + slot + "] & 0xFFFFFFFFL) | (long) code[pc + " + (slot + 1)
              + "] << 32)";
          slot += 2;
        }
      }
      String type = w.name().substring(0, 3); // I32, I64, F32, F64
      NativeOps.Form f = NativeOps.of(w);
      if (f != null && isCount(f) && operand[1].startsWith("((code")) {
        // a shift or rotate count: Java and Wasm use its low 6 bits, all in the low word
        operand[1] = operand[1].substring(2, operand[1].indexOf(" & "));
      }
      if (f != null && f.kind() == NativeOps.Kind.COMPARE) {
        String declare = locals(f, operand, type);
        String sign = sign(f, params.length, type);
        String body = indent + "  ";
        if (declare.isEmpty()) {
          // an i32 operand zero-extended needs no (int): the mask drops the high word
          String[] raw = operand.clone();
          for (int i = 0; i < raw.length && !sign.contains("(long)"); i++) {
            raw[i] = raw[i].replace("(int) ", "");
          }
          sign = substitute(sign, raw, type);
        } else { // a block for the operands' locals
          out.set(out.size() - 1, out.get(out.size() - 1) + " {");
          out.add(body + declare);
        }
        if (branch) { // the target is at pc + 3: the shared tail after the switch branches
          out.add(body + "taken = " + sign + ";");
          out.add(body + "break twoOperandBranch;");
        } else {
          out.add(body + "s[fp + code[pc + 1]] = (" + sign + ") >>> 63;");
          out.add(body + (out == hot ? "pc += " + slot + ";" : "return pc + " + slot + ";"));
          if (out == hot) {
            out.add(body + "continue;");
          }
        }
        if (!declare.isEmpty()) {
          out.add(indent + "}");
        }
        continue;
      }
      if (out == hot && FLOAT_ARITHMETIC.containsKey(w.name().substring(4))
          && type.startsWith("F")) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " {");
        out.addAll(inlineCall(w.name(), type, operand, indent + "  "));
        out.add(indent + "  pc += " + slot + ";");
        out.add(indent + "  continue;");
        out.add(indent + "}");
        continue;
      }
      String expr;
      if (f != null) {
        expr = substitute(expression(f, type), operand, type);
      } else {
        expr = "Semantics." + Semantics.methodName(w) + "(" + String.join(", ", operand) + ")";
      }
      out.add(indent + "  s[fp + code[pc + 1]] = " + expr + ";");
      if (out == hot) {
        out.add(indent + "  pc += " + slot + ";");
        out.add(indent + "  continue;");
      } else {
        out.add(indent + "  return pc + " + slot + ";");
      }
    }
    return List.of(hot, cold);
  }

  /** The Java operator of each float arithmetic op, by the op's name past its type. */
  private static final java.util.Map<String, String> FLOAT_ARITHMETIC =
      java.util.Map.of("ADD", "+", "SUB", "-", "MUL", "*", "DIV", "/");

  /**
   * The statements of a dispatch-loop case for a float arithmetic op, written out rather than
   * calling {@code Semantics}: C2 leaves a call to a method whose call site its profile never saw
   * run ("call site not reached"), however hot it gets afterwards, and a float kernel whose first
   * {@code f32.add} comes after C2 compiled {@code runInFrame} kept that call (and the spills
   * around it) for the whole run. Only intrinsics ({@code Float.intBitsToFloat} and its kin) are
   * left; NaNs canonical as in {@code Semantics}. (Rotations written out as the JDK's own
   * expression made PRIME_SIEVE 20% slower: they stay calls, primed by {@code DispatchPriming}.)
   */
  private static List<String> inlineCall(String name, String type, String[] operand, String body) {
    String target = body + "s[fp + code[pc + 1]] = ";
    String op = FLOAT_ARITHMETIC.get(name.substring(4));
    if (type.equals("F32")) {
      return List.of(body + "float r = Float.intBitsToFloat(" + operand[0] + ") " + op
              + " Float.intBitsToFloat(" + operand[1] + ");",
          target + "r != r ? 0x7FC00000 : Float.floatToRawIntBits(r);");
    }
    return List.of(body + "double r = Double.longBitsToDouble(" + operand[0] + ") " + op
            + " Double.longBitsToDouble(" + operand[1] + ");",
        target + "r != r ? 0x7FF8000000000000L : Double.doubleToRawLongBits(r);");
  }

  /** Whether the second operand of {@code f} is a shift or rotate count. */
  private static boolean isCount(NativeOps.Form f) {
    return f.kind() == NativeOps.Kind.ROTATE
        || f.kind() == NativeOps.Kind.BINARY && f.operator().matches("<<|>>|>>>");
  }

  private static String substitute(String template, String[] operand, String type) {
    String unsigned = type.equals("I64") ? "Long" : "Integer";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      boolean word = (i == 0 || !Character.isLetterOrDigit(template.charAt(i - 1)))
          && (i + 1 == template.length() || !Character.isLetterOrDigit(template.charAt(i + 1)));
      if (word && c == 'a') {
        sb.append(operand[0]);
      } else if (word && c == 'b') {
        sb.append(operand[1]);
      } else if (word && c == 'U') {
        sb.append(unsigned);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }


  /** {@code source} with the generated sections replaced. */
  static String apply(String source) {
    List<List<String>> cases = cases();
    source = replace(source, "        // BEGIN GENERATED HOT", "        // END GENERATED HOT", cases.get(0));
    return replace(source, "      // BEGIN GENERATED COLD", "      // END GENERATED COLD", cases.get(1));
  }

  private static String replace(String source, String begin, String end, List<String> lines) {
    int b = source.indexOf(begin);
    int e = source.indexOf(end);
    if (b < 0 || e < b) {
      throw new IllegalStateException("markers not found: " + begin);
    }
    return source.substring(0, b) + begin + " (DispatchGenerator; do not edit)\n"
        + String.join("\n", lines) + "\n" + source.substring(e);
  }
}
