package org.wasmj.exec.loopswitch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Writes the interpreter's cases for every op that has Wasm numeric semantics ({@link Op#wasm()}
 * of a numeric instruction): the fused compare-and-branch ops and the numeric ops. Simple integer
 * ops are written inline as Java expressions; the rest call {@code Semantics}. The ops in
 * {@link #HOT} go into the dispatch loop, the others into its {@code cold} method.
 *
 * <p>{@code DispatchGeneratorTest} fails when {@code Interpreter.java} differs from what this
 * writes, and rewrites it with {@code -Dwasmj.regenerate=true}.
 */
final class DispatchGenerator {
  private DispatchGenerator() {}

  /** Numeric ops kept in the dispatch loop: what compiled C/Rust code runs in its inner loops. */
  static final Set<String> HOT = Set.of(
      "I32_ADD", "I32_SUB", "I32_MUL", "I32_AND", "I32_OR", "I32_XOR", "I32_SHL", "I32_SHR_S",
      "I32_SHR_U", "I32_EQZ", "I32_EQ", "I32_NE", "I32_LT_S", "I32_LT_U", "I32_GT_S", "I32_GT_U",
      "I32_LE_S", "I32_LE_U", "I32_GE_S", "I32_GE_U",
      "I64_ADD", "I64_SUB", "I64_MUL", "I64_AND", "I64_OR", "I64_XOR", "I64_SHL", "I64_SHR_S",
      "I64_SHR_U", "I64_EQZ", "I32_ROTL", "I32_ROTR", "I64_ROTL", "I64_ROTR",
      "F32_ADD", "F32_SUB", "F32_MUL", "F32_DIV", "F64_ADD", "F64_SUB", "F64_MUL", "F64_DIV",
      "I32_WRAP_I64", "I64_EXTEND_I32_S", "I64_EXTEND_I32_U");

  /** Java expressions for Wasm ops that need no helper; {@code a}, {@code b} are the operands. */
  private static final Map<String, String> INLINE = Map.ofEntries(
      Map.entry("ADD", "a + b"), Map.entry("SUB", "a - b"), Map.entry("MUL", "a * b"),
      Map.entry("AND", "a & b"), Map.entry("OR", "a | b"), Map.entry("XOR", "a ^ b"),
      Map.entry("SHL", "a << b"), Map.entry("SHR_S", "a >> b"), Map.entry("SHR_U", "a >>> b"),
      Map.entry("ROTL", "U.rotateLeft(a, (int) b)"), Map.entry("ROTR", "U.rotateRight(a, (int) b)"),
      Map.entry("I32_WRAP_I64", "(int) a"), Map.entry("I64_EXTEND_I32_S", "a"),
      Map.entry("I64_EXTEND_I32_U", "a & 0xFFFFFFFFL"));

  /** Java conditions for integer compares. */
  private static final Map<String, String> CONDITION = Map.ofEntries(
      Map.entry("EQZ", "a == 0"), Map.entry("EQ", "a == b"), Map.entry("NE", "a != b"),
      Map.entry("LT_S", "a < b"), Map.entry("GT_S", "a > b"), Map.entry("LE_S", "a <= b"),
      Map.entry("GE_S", "a >= b"), Map.entry("LT_U", "U.compareUnsigned(a, b) < 0"),
      Map.entry("GT_U", "U.compareUnsigned(a, b) > 0"), Map.entry("LE_U", "U.compareUnsigned(a, b) <= 0"),
      Map.entry("GE_U", "U.compareUnsigned(a, b) >= 0"));

  /** The cases: [0] for the dispatch loop, [1] for the cold method. */
  static List<List<String>> cases() {
    List<String> hot = new ArrayList<>();
    List<String> cold = new ArrayList<>();
    for (Op op : Op.values()) {
      Opcode w = op.wasm();
      if (w == null || w.immediates() == Opcode.Imm.MEMARG || op.simd() != null) {
        continue; // SIMD: SimdDispatchGenerator
      }
      boolean branch = op.shape().endsWith("t");
      String indent = branch || HOT.contains(w.name()) ? "          " : "      ";
      List<String> out = indent.length() == 10 ? hot : cold;
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
          operand[i] = "imm64(code, pc + " + slot + ")";
          slot += 2;
        }
      }
      String type = w.name().substring(0, 3); // I32, I64, F32, F64
      String suffix = w.name().substring(4);
      if (branch) {
        String cond = substitute(CONDITION.get(suffix), operand, type);
        out.add(indent + "  pc = " + cond + " ? code[pc + " + slot + "] : pc + " + (slot + 1) + ";");
        out.add(indent + "  continue;");
        continue;
      }
      String expr;
      if (INLINE.containsKey(w.name())) {
        expr = substitute(INLINE.get(w.name()), operand, type);
      } else if (type.startsWith("I") && INLINE.containsKey(suffix)) {
        expr = substitute(INLINE.get(suffix), operand, type);
      } else if (type.startsWith("I") && CONDITION.containsKey(suffix)) {
        expr = substitute(CONDITION.get(suffix), operand, type) + " ? 1 : 0";
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
    source = replace(source, "          // BEGIN GENERATED HOT", "          // END GENERATED HOT", cases.get(0));
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
