package org.wasmj.ir;

import static org.wasmj.parser.Opcode.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.wasmj.parser.Opcode;

/**
 * The Wasm instructions that executors compute natively instead of calling {@link Semantics}:
 * integer instructions that are one Java operator on {@code int} (i32) or {@code long} (i64)
 * operands (one JVM instruction, or a compare), or a JDK intrinsic (rotations). This is the one
 * list that the interpreter's generated cases ({@code DispatchGenerator}) and the asm executor's
 * emitters ({@code Emitters}) follow; each uses the forms it can write well, and computes every
 * other instruction with {@code Semantics}.
 *
 * <pre>{@code
 * NativeOps.Form f = NativeOps.of(Opcode.I64_SHR_U); // BINARY ">>>", i64.shr_u is a >>> b
 * }</pre>
 *
 * @implNote Immutable.
 */
public final class NativeOps {
  private NativeOps() {}

  /** How a native instruction is written. */
  public enum Kind {
    /** {@code a OP b}: an arithmetic, bitwise or shift operator ({@code +}, {@code >>>}, ...). */
    BINARY,
    /**
     * {@code a OP b} as a condition ({@code <}, {@code ==}, ...), signed or unsigned; an
     * instruction of one operand ({@code eqz}) compares it with 0.
     */
    COMPARE,
    /** The JDK's {@code rotateLeft} or {@code rotateRight} of {@code Integer} or {@code Long}. */
    ROTATE,
    /** A conversion: {@code (int)} (wrap), or {@code (long)} sign- or zero-extending. */
    CONVERT
  }

  /**
   * One native instruction: its kind, its Java operator ({@code ">>>"}, {@code "<"},
   * {@code "rotateLeft"}, {@code "(long)"}), and whether its operands are unsigned.
   */
  public record Form(Kind kind, String operator, boolean unsigned) {}

  private static final Map<Opcode, Form> FORMS = new EnumMap<>(Opcode.class);

  static {
    add(Kind.BINARY, "+", false, I32_ADD, I64_ADD);
    add(Kind.BINARY, "-", false, I32_SUB, I64_SUB);
    add(Kind.BINARY, "*", false, I32_MUL, I64_MUL);
    add(Kind.BINARY, "&", false, I32_AND, I64_AND);
    add(Kind.BINARY, "|", false, I32_OR, I64_OR);
    add(Kind.BINARY, "^", false, I32_XOR, I64_XOR);
    add(Kind.BINARY, "<<", false, I32_SHL, I64_SHL);
    add(Kind.BINARY, ">>", false, I32_SHR_S, I64_SHR_S);
    add(Kind.BINARY, ">>>", true, I32_SHR_U, I64_SHR_U);
    add(Kind.ROTATE, "rotateLeft", false, I32_ROTL, I64_ROTL);
    add(Kind.ROTATE, "rotateRight", false, I32_ROTR, I64_ROTR);
    add(Kind.COMPARE, "==", false, I32_EQZ, I64_EQZ, I32_EQ, I64_EQ);
    add(Kind.COMPARE, "!=", false, I32_NE, I64_NE);
    add(Kind.COMPARE, "<", false, I32_LT_S, I64_LT_S);
    add(Kind.COMPARE, "<", true, I32_LT_U, I64_LT_U);
    add(Kind.COMPARE, ">", false, I32_GT_S, I64_GT_S);
    add(Kind.COMPARE, ">", true, I32_GT_U, I64_GT_U);
    add(Kind.COMPARE, "<=", false, I32_LE_S, I64_LE_S);
    add(Kind.COMPARE, "<=", true, I32_LE_U, I64_LE_U);
    add(Kind.COMPARE, ">=", false, I32_GE_S, I64_GE_S);
    add(Kind.COMPARE, ">=", true, I32_GE_U, I64_GE_U);
    add(Kind.CONVERT, "(int)", false, I32_WRAP_I64);
    add(Kind.CONVERT, "(long)", false, I64_EXTEND_I32_S);
    add(Kind.CONVERT, "(long)", true, I64_EXTEND_I32_U);
  }

  private static void add(Kind kind, String operator, boolean unsigned, Opcode... ops) {
    for (Opcode op : ops) {
      FORMS.put(op, new Form(kind, operator, unsigned));
    }
  }

  /** How {@code op} is computed natively, or {@code null} if it is a {@code Semantics} call. */
  public static Form of(Opcode op) {
    return FORMS.get(op);
  }

  /** Every native instruction and its form. */
  public static Map<Opcode, Form> all() {
    return Collections.unmodifiableMap(FORMS);
  }
}
