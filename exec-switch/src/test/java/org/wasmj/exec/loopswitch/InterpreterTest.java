package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;

class InterpreterTest {
  private static final long[] INTERESTING = {
    0, 1, -1, 2, 7, -7, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
    0x7FC00000, 0x7FF8000000000000L, 0x3F800000, 0x3FF0000000000000L, 0x4F000000, 0x43E0000000000000L
  };

  private static String camel(String text) {
    String[] parts = text.split("[._]");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  private static Method semantics(Op op) {
    for (Method m : Semantics.class.getMethods()) {
      if (m.getName().equals(camel(op.mnemonic()))) {
        return m;
      }
    }
    throw new AssertionError("no Semantics method for " + op);
  }

  /** What Semantics returns for the args, as a raw slot, or the trap. */
  private static Object expected(Method m, long[] args) throws IllegalAccessException {
    Object[] boxed = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      boxed[i] = m.getParameterTypes()[i] == int.class ? (Object) (int) args[i] : (Object) args[i];
    }
    try {
      Object v = m.invoke(null, boxed);
      return v instanceof Integer ? (long) (Integer) v : (Long) v;
    } catch (InvocationTargetException e) {
      return ((TrapException) e.getCause()).kind();
    }
  }

  private static Object actual(CompiledFunction f, long[] args) {
    try {
      return Interpreter.run(f, args)[0];
    } catch (TrapException e) {
      return e.kind();
    }
  }

  @Test
  void everyNumericOpComputesWhatSemanticsSays() throws Exception {
    Random random = new Random(42);
    int checked = 0;
    for (Op op : Op.values()) {
      String shape = op.operands();
      if (!op.name().matches(".*_(RR|RRR|RRI)$") || op.name().startsWith("COPY")) {
        continue;
      }
      Method m = semantics(op);
      int arity = m.getParameterCount();
      for (int trial = 0; trial < 60; trial++) {
        long[] args = new long[arity];
        for (int i = 0; i < arity; i++) {
          long v = trial < 16 ? INTERESTING[(trial + i * 5) % INTERESTING.length] : random.nextLong();
          args[i] = m.getParameterTypes()[i] == int.class ? (int) v : v;
        }
        int[] code;
        if (shape.endsWith("i") || shape.endsWith("l")) {
          long imm = args[1];
          code = shape.endsWith("i")
              ? new int[] {op.ordinal(), 2, 0, (int) imm, Op.RETURN_R.ordinal(), 2}
              : new int[] {op.ordinal(), 2, 0, (int) imm, (int) (imm >>> 32), Op.RETURN_R.ordinal(), 2};
        } else if (arity == 2) {
          code = new int[] {op.ordinal(), 2, 0, 1, Op.RETURN_R.ordinal(), 2};
        } else {
          code = new int[] {op.ordinal(), 2, 0, Op.RETURN_R.ordinal(), 2};
        }
        CompiledFunction f = new CompiledFunction(code, 3, 2);
        long[] regs = {args[0], arity > 1 ? args[1] : 0};
        Object want = expected(m, args);
        Object got = actual(f, regs);
        if (!(isArithmeticNan(op, want) && isArithmeticNan(op, got))) {
          assertEquals(want, got, op + " " + java.util.Arrays.toString(args));
        }
        checked++;
      }
    }
    assertEquals(164 * 60, checked);
  }

  /**
   * Wasm lets NaN-producing float ops return any arithmetic (quiet) NaN when several are possible
   * (e.g. two NaN operands), and JIT-compiled and interpreted JVM code may pick different ones.
   */
  private static boolean isArithmeticNan(Op op, Object v) {
    if (!(v instanceof Long)) {
      return false;
    }
    long bits = (Long) v;
    if (op.mnemonic().startsWith("f32.") && op.name().matches("F32_[A-Z]+_RRR?")) {
      int b = (int) bits;
      return Float.isNaN(Float.intBitsToFloat(b)) && (b & 0x00400000) != 0;
    }
    if (op.mnemonic().startsWith("f64.") && op.name().matches("F64_[A-Z]+_RRR?")) {
      return Double.isNaN(Double.longBitsToDouble(bits)) && (bits & 0x0008000000000000L) != 0;
    }
    return false;
  }

  @Test
  void copiesConstantsAndReturns() {
    int[] code = {
      Op.CONST64_RL.ordinal(), 1, 5, 1, // r1 <- 0x1_00000005
      Op.COPY_RR.ordinal(), 0, 1,
      Op.RETURN_R.ordinal(), 0
    };
    assertEquals(0x100000005L, Interpreter.run(new CompiledFunction(code, 2, 0))[0]);
    int[] neg = {Op.CONST32_RI.ordinal(), 0, -3, Op.RETURN_R.ordinal(), 0};
    assertEquals(-3L, Interpreter.run(new CompiledFunction(neg, 1, 0))[0], "sign-extended");
  }
}
