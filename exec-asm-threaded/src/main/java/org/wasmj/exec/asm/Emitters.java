package org.wasmj.exec.asm;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmj.exec.asm.FunctionCompiler.FUNCTION;
import static org.wasmj.exec.asm.FunctionCompiler.GLOBAL;
import static org.wasmj.exec.asm.FunctionCompiler.INSTANCE;
import static org.wasmj.exec.asm.FunctionCompiler.INSTANCE_DESC;
import static org.wasmj.exec.asm.FunctionCompiler.MEMORY;
import static org.wasmj.exec.asm.FunctionCompiler.RT;
import static org.wasmj.exec.asm.FunctionCompiler.STORE;
import static org.wasmj.exec.asm.FunctionCompiler.TABLE;
import static org.wasmj.exec.asm.FunctionCompiler.isInt;

import java.util.EnumMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmj.TrapKind;
import org.wasmj.exec.loopswitch.Interpreter;
import org.wasmj.ir.NativeOps;
import org.wasmj.ir.Op;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * The bytecode of every IR op, in one table indexed by {@link Op}. Numeric ops are
 * <em>intrinsic</em> when one JVM instruction does the job ({@code i32.add} is {@code IADD}) and
 * <em>shared</em> otherwise: an {@code INVOKESTATIC} of the {@code Semantics} method the interpreter
 * runs too (C2 inlines the small ones). {@code EmittersTest} checks every op has an emitter.
 */
final class Emitters {
  private Emitters() {}

  /** Emits the bytecode of the instruction at {@code pc}. */
  @FunctionalInterface
  interface Emitter {
    void emit(FunctionCompiler c, int pc);
  }

  /** Whether a numeric op is one JVM instruction or a call to {@code Semantics}. */
  enum Kind {
    INTRINSIC,
    SHARED,
    OTHER
  }

  private static final Map<Op, Emitter> EMITTERS = new EnumMap<>(Op.class);
  private static final Map<Op, Kind> KINDS = new EnumMap<>(Op.class);
  /** The JVM's int instruction for each binary operator of {@link NativeOps}. */
  private static final Map<String, Integer> OPERATORS = Map.of(
      "+", IADD, "-", ISUB, "*", IMUL, "&", IAND, "|", IOR, "^", IXOR,
      "<<", ISHL, ">>", ISHR, ">>>", IUSHR);
  /** The JVM's jump (on a compare's int result) for each compare operator of {@link NativeOps}. */
  private static final Map<String, Integer> CONDITIONS = Map.of(
      "==", IFEQ, "!=", IFNE, "<", IFLT, ">", IFGT, "<=", IFLE, ">=", IFGE);

  /** The emitter of {@code op}. */
  static Emitter of(Op op) {
    return EMITTERS.get(op);
  }

  /** How {@code op} is emitted. */
  static Kind kind(Op op) {
    return KINDS.getOrDefault(op, Kind.OTHER);
  }

  static {
    for (Op op : Op.values()) {
      Opcode w = op.wasm();
      if (w == null || op.simd() != null) {
        continue; // SIMD: SimdEmitters
      }
      if (w.immediates() == Opcode.Imm.MEMARG) {
        EMITTERS.put(op, (c, pc) -> c.memoryAccess(op, pc));
      } else if (op.shape().endsWith("t")) {
        NativeOps.Form f = NativeOps.of(w);
        int jump = CONDITIONS.get(f.operator());
        boolean i64 = w.params()[0] == ValType.I64;
        boolean unsigned = f.unsigned();
        boolean immediate = op.shape().equals("rit");
        EMITTERS.put(op, (c, pc) -> compareAndBranch(c, pc, jump, i64, unsigned, immediate));
        KINDS.put(op, Kind.INTRINSIC);
      } else {
        int jvm = intrinsic(w);
        String name = org.wasmj.ir.Semantics.methodName(w);
        String desc = descriptor(w);
        boolean shiftCount = w.name().startsWith("I64_SH");
        EMITTERS.put(op, (c, pc) -> numeric(c, op, pc, jvm, name, desc, shiftCount));
        KINDS.put(op, jvm >= 0 ? Kind.INTRINSIC : Kind.SHARED);
      }
    }
    EMITTERS.put(Op.COPY_RR, (c, pc) -> c.copy(c.code()[pc + 1], c.code()[pc + 2]));
    EMITTERS.put(Op.CONST32_RI, (c, pc) -> {
      if (!c.isConstant(c.code()[pc + 1])) { // else read as an immediate (Registers)
        c.pushLong(c.code()[pc + 2]);
        c.storeL(c.code()[pc + 1]);
      }
    });
    EMITTERS.put(Op.CONST64_RL, (c, pc) -> {
      if (!c.isConstant(c.code()[pc + 1])) {
        c.pushLong(c.imm64(pc + 2));
        c.storeL(c.code()[pc + 1]);
      }
    });
    EMITTERS.put(Op.SELECT_RRRR, (c, pc) -> {
      int[] code = c.code();
      MethodVisitor mv = c.mv();
      Label ifFalse = new Label();
      Label done = new Label();
      c.loadI(code[pc + 4]);
      mv.visitJumpInsn(IFEQ, ifFalse);
      c.copy(code[pc + 1], code[pc + 2]);
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(ifFalse); // every label is reached with an empty stack (Frames)
      c.copy(code[pc + 1], code[pc + 3]);
      mv.visitLabel(done);
    });
    EMITTERS.put(Op.UNREACHABLE, (c, pc) -> {
      c.pushInt(TrapKind.UNREACHABLE.ordinal());
      c.mv().visitMethodInsn(INVOKESTATIC, RT, "trap", "(I)Lorg/wasmj/TrapException;", false);
      c.mv().visitInsn(ATHROW);
    });
    EMITTERS.put(Op.RETURN, (c, pc) -> c.returnVoid());
    EMITTERS.put(Op.RETURN_R, (c, pc) -> c.returnValue(c.code()[pc + 1]));
    EMITTERS.put(Op.RETURN_SPAN_RI, (c, pc) -> c.returnSpan(c.code()[pc + 1], c.code()[pc + 2]));
    EMITTERS.put(Op.COUNT_LOOP, (c, pc) -> {}); // compiled code does not tier
    // Interruption and fuel (Instrumenter): FunctionCompiler's host-control section.
    EMITTERS.put(Op.CHECK_INTERRUPT, (c, pc) -> c.checkInterrupt(pc));
    EMITTERS.put(Op.FUEL_I, (c, pc) -> {
      c.beginFuelCharge();
      c.pushLong(c.code()[pc + 1]);
      c.endFuelCharge();
    });
    EMITTERS.put(Op.FUEL_SCALED_RI, (c, pc) -> { // (r as u32) >>> #i
      c.beginFuelCharge();
      c.loadI(c.code()[pc + 1]);
      c.mv().visitInsn(I2L);
      c.pushLong(0xFFFFFFFFL);
      c.mv().visitInsn(LAND);
      c.pushInt(c.code()[pc + 2]);
      c.mv().visitInsn(LUSHR);
      c.endFuelCharge();
    });
    EMITTERS.put(Op.FUEL_MEMORY_GROW_RX, (c, pc) -> {
      c.beginFuelCharge();
      c.element("memories", MEMORY, c.code()[pc + 2]);
      c.loadI(c.code()[pc + 1]);
      c.mv().visitMethodInsn(INVOKEVIRTUAL, MEMORY, "growCost", "(I)J", false);
      c.endFuelCharge();
    });
    EMITTERS.put(Op.FUEL_TABLE_GROW_RX, (c, pc) -> {
      c.beginFuelCharge();
      c.element("tables", TABLE, c.code()[pc + 2]);
      c.loadI(c.code()[pc + 1]);
      c.mv().visitMethodInsn(INVOKEVIRTUAL, TABLE, "growCost", "(I)J", false);
      c.endFuelCharge();
    });
    EMITTERS.put(Op.BR_T, (c, pc) -> c.mv().visitJumpInsn(GOTO, c.label(c.code()[pc + 1])));
    EMITTERS.put(Op.BR_EQZ_RT, (c, pc) -> {
      c.loadI(c.code()[pc + 1]);
      c.mv().visitJumpInsn(IFEQ, c.label(c.code()[pc + 2]));
    });
    EMITTERS.put(Op.BR_NEZ_RT, (c, pc) -> {
      c.loadI(c.code()[pc + 1]);
      c.mv().visitJumpInsn(IFNE, c.label(c.code()[pc + 2]));
    });
    EMITTERS.put(Op.BR_I32_AND_NEZ_RIT, (c, pc) -> bitTest(c, pc, IFNE));
    EMITTERS.put(Op.BR_I32_AND_EQZ_RIT, (c, pc) -> bitTest(c, pc, IFEQ));
    EMITTERS.put(Op.COPY_BR_NEZ_RRRT, (c, pc) -> copyAndBranch(c, pc, IFNE));
    EMITTERS.put(Op.COPY_BR_EQZ_RRRT, (c, pc) -> copyAndBranch(c, pc, IFEQ));
    EMITTERS.put(Op.BR_I32_SHR_U_AND_NEZ_RRIT, (c, pc) -> shiftedBitTest(c, pc, IFNE));
    EMITTERS.put(Op.BR_I32_SHR_U_AND_EQZ_RRIT, (c, pc) -> shiftedBitTest(c, pc, IFEQ));
    EMITTERS.put(Op.I32_ADD_BR_NEZ_RRIT, (c, pc) -> {
      addImmediate(c, pc);
      c.loadI(c.code()[pc + 1]);
      c.mv().visitJumpInsn(IFNE, c.label(c.code()[pc + 4]));
    });
    EMITTERS.put(Op.I32_ADD_BR_NE_RRIRT, (c, pc) -> {
      addImmediate(c, pc);
      c.loadI(c.code()[pc + 1]);
      c.loadI(c.code()[pc + 4]);
      c.mv().visitJumpInsn(IF_ICMPNE, c.label(c.code()[pc + 5]));
    });
    EMITTERS.put(Op.I32_SHR_U_AND_RRII, (c, pc) -> { // the unfused shift's and mask's bytecode
      int[] code = c.code();
      c.loadI(code[pc + 2]);
      c.pushInt(code[pc + 3]);
      c.mv().visitInsn(IUSHR);
      c.pushInt(code[pc + 4]);
      c.mv().visitInsn(IAND);
      c.storeTyped(code[pc + 1], ValType.I32);
    });
    EMITTERS.put(Op.I32_MUL_ADD_RRRR, (c, pc) -> thenAdd(c, pc, IMUL, false));
    EMITTERS.put(Op.I32_SHL_ADD_RRIR, (c, pc) -> thenAdd(c, pc, ISHL, true));
    EMITTERS.put(Op.BR_I64_EQZ_RT, (c, pc) -> i64Zero(c, pc, IFEQ));
    EMITTERS.put(Op.BR_I64_NEZ_RT, (c, pc) -> i64Zero(c, pc, IFNE));
    EMITTERS.put(Op.BR_TABLE_RI, Emitters::brTable);
    EMITTERS.put(Op.CALL_XR, (c, pc) -> c.call(c.code()[pc + 1], c.code()[pc + 2]));
    EMITTERS.put(Op.CALL_INDIRECT_XXRR, Emitters::callIndirect);
    Emitter tail = (c, pc) -> {
      throw new IllegalStateException("tail calls are left to the interpreter");
    };
    EMITTERS.put(Op.RETURN_CALL_XR, tail);
    EMITTERS.put(Op.RETURN_CALL_INDIRECT_XXRR, tail);
    EMITTERS.put(Op.GLOBAL_GET_RX, (c, pc) -> {
      c.element("globals", GLOBAL, c.code()[pc + 2]);
      c.mv().visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
      c.storeL(c.code()[pc + 1]);
    });
    EMITTERS.put(Op.GLOBAL_SET_XR, (c, pc) -> {
      c.element("globals", GLOBAL, c.code()[pc + 1]);
      c.loadL(c.code()[pc + 2]);
      c.mv().visitFieldInsn(PUTFIELD, GLOBAL, "value", "J");
    });
    EMITTERS.put(Op.REF_FUNC_RX, (c, pc) -> {
      c.element("functions", FUNCTION, c.code()[pc + 2]);
      c.mv().visitFieldInsn(GETFIELD, FUNCTION, "ref", "I");
      c.storeI(c.code()[pc + 1]);
    });
    // Tables, memories and segments: calls of the runtime structures' own methods.
    EMITTERS.put(Op.TABLE_GET_RRX, (c, pc) -> entity(c, pc, "tables", TABLE, 3, "get", "(I)J", "dI"));
    EMITTERS.put(Op.TABLE_SET_RRX, (c, pc) -> entity(c, pc, "tables", TABLE, 3, "set", "(IJ)V", "IJ"));
    EMITTERS.put(Op.TABLE_SIZE_RX, (c, pc) -> entity(c, pc, "tables", TABLE, 2, "size", "()I", "d"));
    EMITTERS.put(Op.TABLE_GROW_RRRX, (c, pc) -> { // d <- grow(n = r2, init = r1)
      int[] code = c.code();
      c.element("tables", TABLE, code[pc + 4]);
      c.loadI(code[pc + 3]);
      c.loadL(code[pc + 2]);
      c.mv().visitMethodInsn(INVOKEVIRTUAL, TABLE, "grow", "(IJ)I", false);
      c.storeI(code[pc + 1]);
    });
    EMITTERS.put(Op.TABLE_FILL_RRRX, (c, pc) -> entity(c, pc, "tables", TABLE, 4, "fill", "(IJI)V", "IJI"));
    EMITTERS.put(Op.TABLE_COPY_RRRXX, (c, pc) -> pair(c, pc, "tables", TABLE));
    EMITTERS.put(Op.TABLE_INIT_RRRXX, (c, pc) -> segment(c, pc, "tableInit"));
    EMITTERS.put(Op.ELEM_DROP_X, (c, pc) -> drop(c, pc, "dropElements"));
    EMITTERS.put(Op.MEMORY_SIZE_RX, (c, pc) -> entity(c, pc, "memories", MEMORY, 2, "pages", "()I", "d"));
    EMITTERS.put(Op.MEMORY_GROW_RRX, (c, pc) -> {
      entity(c, pc, "memories", MEMORY, 3, "grow", "(I)I", "dI");
      c.reloadMemory();
    });
    EMITTERS.put(Op.MEMORY_FILL_RRRX, (c, pc) -> entity(c, pc, "memories", MEMORY, 4, "fill", "(III)V", "III"));
    EMITTERS.put(Op.MEMORY_COPY_RRRXX, (c, pc) -> pair(c, pc, "memories", MEMORY));
    EMITTERS.put(Op.MEMORY_INIT_RRRXX, (c, pc) -> segment(c, pc, "memoryInit"));
    EMITTERS.put(Op.DATA_DROP_X, (c, pc) -> drop(c, pc, "dropData"));
    SimdEmitters.register(EMITTERS);
  }

  // ---- numeric ----

  /**
   * The JVM instruction for a native binary op or conversion ({@link NativeOps}), or -1 if it
   * calls {@code Semantics} (C2 inlines the small ones: rotations, compares as values).
   */
  private static int intrinsic(Opcode w) {
    NativeOps.Form f = NativeOps.of(w);
    if (f == null) {
      return -1;
    } else if (f.kind() == NativeOps.Kind.CONVERT) {
      return f.operator().equals("(int)") ? L2I : I2L; // numeric() masks the unsigned extension
    } else if (f.kind() != NativeOps.Kind.BINARY) {
      return -1;
    }
    int op = OPERATORS.get(f.operator());
    return w.results()[0] == ValType.I64 ? op + 1 : op; // LADD = IADD + 1, and so on
  }

  private static void numeric(FunctionCompiler c, Op op, int pc, int jvm, String method,
      String desc, boolean i64Shift) {
    Opcode w = op.wasm();
    int[] code = c.code();
    ValType[] params = w.params();
    MethodVisitor mv = c.mv();
    if (Registers.readsFloatValues(op)) {
      floatValues(c, op, pc, method, desc);
      return;
    }
    int at = pc + 2;
    for (int i = 0; i < params.length; i++) {
      char kind = op.shape().charAt(at - pc - 1);
      boolean shiftCount = i == 1 && i64Shift;
      if (kind == 'r') {
        if (isInt(params[i]) || shiftCount) {
          c.loadI(code[at]);
        } else {
          c.loadL(code[at]);
        }
        at++;
      } else if (kind == 'i') {
        c.pushInt(code[at]);
        at++;
      } else { // 'l'
        long v = c.imm64(at);
        if (shiftCount) {
          c.pushInt((int) v);
        } else {
          c.pushLong(v);
        }
        at += 2;
      }
    }
    if (jvm >= 0) {
      mv.visitInsn(jvm);
      if (w == Opcode.I64_EXTEND_I32_U) {
        c.pushLong(0xFFFFFFFFL);
        mv.visitInsn(LAND);
      }
    } else {
      mv.visitMethodInsn(INVOKESTATIC, "org/wasmj/ir/Semantics", method, desc, false);
    }
    c.storeTyped(code[pc + 1], w.results()[0]);
  }

  /** The JVM instruction of each f32 arithmetic op that is one (the f64 one is the next opcode). */
  private static final Map<Opcode, Integer> FLOAT_ARITHMETIC = Map.of(
      Opcode.F32_ADD, FADD, Opcode.F32_SUB, FSUB, Opcode.F32_MUL, FMUL, Opcode.F32_DIV, FDIV,
      Opcode.F64_ADD, DADD, Opcode.F64_SUB, DSUB, Opcode.F64_MUL, DMUL, Opcode.F64_DIV, DDIV);

  /**
   * An op of {@link Registers#readsFloatValues}: its float operands from the registers' float
   * locals. Add, sub, mul and div are the JVM's instruction, their result stored as a float and,
   * canonicalised, as bits ({@link FunctionCompiler#storeFloatResult}); the others call
   * {@code Semantics} with the float's raw bits, which C2 turns back into the float unmoved.
   */
  private static void floatValues(FunctionCompiler c, Op op, int pc, String method, String desc) {
    Opcode w = op.wasm();
    int[] code = c.code();
    MethodVisitor mv = c.mv();
    Integer jvm = FLOAT_ARITHMETIC.get(w);
    ValType[] params = w.params();
    for (int i = 0; i < params.length; i++) {
      int r = code[pc + 2 + i];
      if (params[i] == ValType.F32) {
        c.loadF(r);
        if (jvm == null) {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
        }
      } else {
        c.loadD(r);
        if (jvm == null) {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
        }
      }
    }
    ValType result = w.results()[0];
    if (jvm == null) {
      mv.visitMethodInsn(INVOKESTATIC, "org/wasmj/ir/Semantics", method, desc, false);
      c.storeTyped(code[pc + 1], result);
    } else {
      mv.visitInsn(jvm);
      if (result == ValType.F32) {
        c.storeFloatResult(code[pc + 1]);
      } else {
        c.storeDoubleResult(code[pc + 1]);
      }
    }
  }

  /** The descriptor of {@code Semantics}' method for {@code w}: f32 is {@code int} bits, f64 {@code long}. */
  static String descriptor(Opcode w) {
    StringBuilder sb = new StringBuilder("(");
    for (ValType t : w.params()) {
      sb.append(isInt(t) ? 'I' : 'J');
    }
    return sb.append(')').append(isInt(w.results()[0]) ? 'I' : 'J').toString();
  }


  // ---- branches ----

  /** The add of an add-and-branch op: {@code d <- r + #i} (i32). */
  private static void addImmediate(FunctionCompiler c, int pc) {
    int[] code = c.code();
    c.loadI(code[pc + 2]);
    c.pushInt(code[pc + 3]);
    c.mv().visitInsn(IADD);
    c.storeTyped(code[pc + 1], ValType.I32); // as the add alone stores
  }

  /** A copy, then {@code jump} on the i32 in a register (read after the copy) to the target. */
  private static void copyAndBranch(FunctionCompiler c, int pc, int jump) {
    int[] code = c.code();
    c.copy(code[pc + 1], code[pc + 2]);
    c.loadI(code[pc + 3]);
    c.mv().visitJumpInsn(jump, c.label(code[pc + 4]));
  }

  /** A bit test at a position in a register: {@code (r1 >>> r2) & #i}, then {@code jump} (on that int) to the target. */
  private static void shiftedBitTest(FunctionCompiler c, int pc, int jump) {
    int[] code = c.code();
    c.loadI(code[pc + 1]);
    c.loadI(code[pc + 2]);
    c.mv().visitInsn(IUSHR);
    c.pushInt(code[pc + 3]);
    c.mv().visitInsn(IAND);
    c.mv().visitJumpInsn(jump, c.label(code[pc + 4]));
  }

  /** A bit test: {@code r & #i}, then {@code jump} (on that int) to the target. */
  private static void bitTest(FunctionCompiler c, int pc, int jump) {
    int[] code = c.code();
    c.loadI(code[pc + 1]);
    c.pushInt(code[pc + 2]);
    c.mv().visitInsn(IAND);
    c.mv().visitJumpInsn(jump, c.label(code[pc + 3]));
  }

  private static void compareAndBranch(FunctionCompiler c, int pc, int jump, boolean i64,
      boolean unsigned, boolean immediate) {
    int[] code = c.code();
    MethodVisitor mv = c.mv();
    if (i64) {
      c.loadL(code[pc + 1]);
      flipSignL(c, unsigned);
      c.loadL(code[pc + 2]);
      flipSignL(c, unsigned);
      mv.visitInsn(LCMP);
      longCompareJump(c, pc, jump, code[pc + 3]);
      return;
    }
    c.loadI(code[pc + 1]);
    flipSign(c, unsigned);
    if (immediate) {
      c.pushInt(unsigned ? code[pc + 2] ^ Integer.MIN_VALUE : code[pc + 2]);
    } else {
      c.loadI(code[pc + 2]);
      flipSign(c, unsigned);
    }
    mv.visitJumpInsn(jump + (IF_ICMPEQ - IFEQ), c.label(code[pc + 3]));
  }

  /**
   * For an unsigned compare, flips the sign bit of the {@code int} on the stack, so that a signed
   * compare orders the values as unsigned ones: the compare is then one JVM jump whose branch
   * profile is this method's own. ({@code Integer.compareUnsigned} on JDK 17 is {@code
   * Integer.compare}, whose branches C2 inlines with the profile of every caller in the JVM:
   * matrix-mul's loop nest got its block frequencies, and so its spills, from that shared
   * profile, and its C2 code differed from JVM to JVM: 3.6 or 4.3 ms a run.)
   */
  private static void flipSign(FunctionCompiler c, boolean unsigned) {
    if (unsigned) {
      c.pushInt(Integer.MIN_VALUE);
      c.mv().visitInsn(IXOR);
    }
  }

  /** {@link #flipSign} for the {@code long} on the stack. */
  private static void flipSignL(FunctionCompiler c, boolean unsigned) {
    if (unsigned) {
      c.mv().visitLdcInsn(Long.MIN_VALUE);
      c.mv().visitInsn(LXOR);
    }
  }

  /**
   * The unfused pair's bytecode of a fused {@code d <- (a OP b) + c} ({@code mul_add}, {@code
   * shl_add}): {@code insn} on register {@code a} and register or, if {@code immediate}, constant
   * {@code b}, then {@code IADD} of register {@code c}.
   */
  private static void thenAdd(FunctionCompiler c, int pc, int insn, boolean immediate) {
    int[] code = c.code();
    c.loadI(code[pc + 2]);
    if (immediate) {
      c.pushInt(code[pc + 3]);
    } else {
      c.loadI(code[pc + 3]);
    }
    c.mv().visitInsn(insn);
    c.loadI(code[pc + 4]);
    c.mv().visitInsn(IADD);
    c.storeTyped(code[pc + 1], ValType.I32);
  }

  private static void i64Zero(FunctionCompiler c, int pc, int jump) {
    c.loadL(c.code()[pc + 1]);
    c.mv().visitInsn(LCONST_0);
    c.mv().visitInsn(LCMP);
    longCompareJump(c, pc, jump, c.code()[pc + 2]);
  }

  /**
   * The jump on an {@code LCMP} result at {@code pc} to {@code to}. A loop's back-edge is the
   * inverse jump past a {@code GOTO} back: C2 puts a loop's safepoint at its backward jump, with
   * the operand stack there in its debug state, so a backward jump on the {@code LCMP} result
   * made C2 compute that -1/0/1 in every pass (a compare, a branch and a {@code setne}) besides
   * the compare-and-branch (PRIME_SIEVE's sieve and count loops).
   */
  private static void longCompareJump(FunctionCompiler c, int pc, int jump, int to) {
    MethodVisitor mv = c.mv();
    if (to > pc) {
      mv.visitJumpInsn(jump, c.label(to));
      return;
    }
    Label stay = new Label();
    mv.visitJumpInsn(((jump - IFEQ) ^ 1) + IFEQ, stay); // IFEQ/IFNE, IFLT/IFGE, IFGT/IFLE
    mv.visitJumpInsn(GOTO, c.label(to));
    mv.visitLabel(stay);
  }

  private static void brTable(FunctionCompiler c, int pc) {
    int[] code = c.code();
    MethodVisitor mv = c.mv();
    int n = code[pc + 2];
    c.loadI(code[pc + 1]);
    Label last = c.label(code[pc + 3 + n - 1]);
    if (n == 1) {
      mv.visitInsn(POP);
      mv.visitJumpInsn(GOTO, last);
      return;
    }
    Label[] cases = new Label[n - 1];
    for (int i = 0; i < n - 1; i++) {
      cases[i] = c.label(code[pc + 3 + i]);
    }
    mv.visitTableSwitchInsn(0, n - 2, last, cases); // negative (huge unsigned) indexes: default
  }

  /**
   * {@code call_indirect}: through {@code Rt.callIndirectAt} and the store's argument buffer
   * (nothing allocated) for at most one result and arguments the buffer holds, else with boxed
   * arguments and results.
   */
  private static void callIndirect(FunctionCompiler c, int pc) {
    int[] code = c.code();
    FuncType t = c.module.types().get(code[pc + 1]);
    MethodVisitor mv = c.mv();
    if (t.resultSlotCount() <= 1 && t.paramSlotCount() <= Interpreter.ARG_BUFFER_SLOTS) {
      c.loadInstance();
      mv.visitMethodInsn(INVOKESTATIC, RT, "argBuffer", "(" + INSTANCE_DESC + ")[J", false);
      for (int i = 0; i < t.paramSlotCount(); i++) {
        mv.visitInsn(DUP);
        c.pushInt(i);
        c.loadL(code[pc + 3] + i);
        mv.visitInsn(LASTORE);
      }
      c.loadInstance();
      c.pushInt(code[pc + 1]);
      c.pushInt(code[pc + 2]);
      c.loadI(code[pc + 4]);
      mv.visitVarInsn(ILOAD, c.depthSlot);
      mv.visitMethodInsn(INVOKESTATIC, RT, "callIndirectAt", "([J" + INSTANCE_DESC + "IIII)J", false);
      if (t.resultSlotCount() == 1) {
        c.storeL(code[pc + 3]);
      } else {
        mv.visitInsn(POP2);
      }
      c.reloadMemory();
      return;
    }
    c.loadInstance();
    c.pushInt(code[pc + 1]);
    c.pushInt(code[pc + 2]);
    c.loadI(code[pc + 4]);
    c.boxRegisters(code[pc + 3], t.paramSlotCount());
    c.mv().visitVarInsn(ILOAD, c.depthSlot);
    c.mv().visitMethodInsn(INVOKESTATIC, RT, "callIndirect", "(" + INSTANCE_DESC + "III[JI)[J", false);
    c.unboxResults(code[pc + 3], t.resultSlotCount());
    c.reloadMemory();
  }

  // ---- tables, memories, segments ----

  /**
   * Calls {@code method} of {@code inst.<field>[x]} (x the operand at {@code index}); {@code args}
   * says what to push, one letter per operand in order: {@code I}/{@code J} a register as int or
   * long, {@code d} the result register (first), stored by the result type.
   */
  private static void entity(FunctionCompiler c, int pc, String field, String type, int index,
      String method, String desc, String args) {
    int[] code = c.code();
    c.element(field, type, code[pc + index]);
    boolean result = args.startsWith("d");
    for (int i = result ? 1 : 0; i < args.length(); i++) {
      char a = args.charAt(i);
      if (a == 'I') {
        c.loadI(code[pc + 1 + i]);
      } else if (a == 'J') {
        c.loadL(code[pc + 1 + i]);
      }
    }
    c.mv().visitMethodInsn(INVOKEVIRTUAL, type, method, desc, false);
    if (result) {
      if (desc.endsWith("J")) {
        c.storeL(code[pc + 1]);
      } else {
        c.storeI(code[pc + 1]);
      }
    }
  }

  /** {@code table.copy} / {@code memory.copy}: {@code dst.copyFrom(src, d, s, n)}. */
  private static void pair(FunctionCompiler c, int pc, String field, String type) {
    int[] code = c.code();
    c.element(field, type, code[pc + 4]);
    c.element(field, type, code[pc + 5]);
    c.loadI(code[pc + 1]);
    c.loadI(code[pc + 2]);
    c.loadI(code[pc + 3]);
    c.mv().visitMethodInsn(INVOKEVIRTUAL, type, "copyFrom", "(L" + type + ";III)V", false);
  }

  /** {@code table.init} / {@code memory.init}: {@code inst.<method>(target, segment, d, s, n)}. */
  private static void segment(FunctionCompiler c, int pc, String method) {
    int[] code = c.code();
    c.loadInstance();
    c.pushInt(code[pc + 5]);
    c.pushInt(code[pc + 4]);
    c.loadI(code[pc + 1]);
    c.loadI(code[pc + 2]);
    c.loadI(code[pc + 3]);
    c.mv().visitMethodInsn(INVOKEVIRTUAL, INSTANCE, method, "(IIIII)V", false);
  }

  private static void drop(FunctionCompiler c, int pc, String method) {
    c.loadInstance();
    c.pushInt(c.code()[pc + 1]);
    c.mv().visitMethodInsn(INVOKEVIRTUAL, INSTANCE, method, "(I)V", false);
  }
}
