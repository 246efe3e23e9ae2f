package org.wasmj.exec.loopswitch;

import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;

/**
 * The interpreter's own encoding of a function's IR: a copy in which the first op of each
 * frequent pair is replaced by a superinstruction that runs both, so the pair costs one dispatch.
 *
 * <p>The rewrite keeps every instruction where it was: a superinstruction takes its first op's
 * slot, reads both ops' operands where they lie, and continues after the second, whose own code
 * is left in place. So branch targets, loop-entry pcs (tiering's on-stack replacement) and the
 * ops {@code run} and {@code cold} read stay valid, and the second op still runs alone when a
 * branch lands on it. Only a first op that always falls through to the next (no branch, no
 * call, no trap-and-leave op such as a fuel charge) is rewritten, so fuel, interruption checks
 * and loop counts run exactly as in the shared IR. The codes are negative, below every
 * {@link OpCodes} ordinal, so that {@code runInFrame}'s jump table grows by one entry each.
 * Other executors never see this copy: it lives in {@link FunctionCode#interpreterIr}.
 */
final class Superinstructions {
  private Superinstructions() {}

  /** {@code f32.mul} into a register, then {@code f32.add} (a multiply-accumulate). */
  static final int F32_MUL_ADD = -1;
  /** Two 32-bit loads ({@code i32.load}/{@code f32.load}) at a register plus a constant. */
  static final int LOAD32_RRII_LOAD32_RRII = -2;
  /** {@code i32.add} of two registers, then a 32-bit load at a register and an offset. */
  static final int I32_ADD_RRR_LOAD32_RRI = -3;
  /** {@code i32.add} of a register and a constant, then {@code br_if} on {@code i32.ne}. */
  static final int I32_ADD_RRI_BR_NE_RRT = -4;
  /** {@code i32.add} of two registers, then {@code br_if} on {@code i32.ne}. */
  static final int I32_ADD_RRR_BR_NE_RRT = -5;

  /** {@code i32.shl} by a constant, then {@code i32.xor} (a xorshift step, hashes). */
  static final int I32_SHL_RRI_XOR_RRR = -6;
  /** {@code i32.and} with a constant, then {@code i32.shl} by a constant (a masked index scaled). */
  static final int I32_AND_RRI_SHL_RRI = -7;
  /** {@code i32.shr_u} by a constant, then {@code i32.xor} (a xorshift step, hashes). */
  static final int I32_SHR_U_RRI_XOR_RRR = -8;

  /** {@code i32.shr_u} by a constant, then {@code br_if} on {@code i32.ge_u} (an index check). */
  static final int I32_SHR_U_RRI_BR_GE_U_RRT = -9;

  /*
   * Pairs ending in a call or a return: runInFrame leaves them to run (their codes are below its
   * jump table), which runs both, so the first op costs no dispatch of its own.
   */
  /** A register move (an argument), then {@code call}. */
  static final int COPY_RR_CALL_XR = -10;
  /** {@code i32.sub} of a constant (an argument, as in recursion), then {@code call}. */
  static final int I32_SUB_RRI_CALL_XR = -11;
  /** A register move, then {@code return} of one value. */
  static final int COPY_RR_RETURN_R = -12;
  /** {@code i32.add} of two registers, then {@code return} of one value. */
  static final int I32_ADD_RRR_RETURN_R = -13;

  /** The code the interpreter runs for {@code fc}, made (once per module function) on first use. */
  static CompiledFunction of(FunctionCode fc, CompiledFunction ir) {
    CompiledFunction c = fc.interpreterIr;
    if (c == null) {
      c = new CompiledFunction(fuse(ir.code()), ir.registerCount(), ir.paramCount(),
          ir.localCount());
      fc.interpreterIr = c; // a benign race: the record's final fields publish the array
    }
    return c;
  }

  /**
   * A copy of {@code code} with superinstructions in place of the first ops of their pairs; none
   * while the system property {@code wasmj.switch.superinstructions} is {@code false} (read as
   * each function is first run, so that benchmarks can measure what they give in one JVM).
   */
  static int[] fuse(int[] code) {
    int[] out = code.clone();
    if ("false".equals(System.getProperty("wasmj.switch.superinstructions"))) {
      return out;
    }
    for (int pc = 0, next; pc < code.length; pc = next) {
      next = pc + Op.size(code, pc);
      if (next < code.length) {
        int fused = pair(code[pc], code[next]);
        if (fused != 0) {
          out[pc] = fused;
        }
      }
    }
    return out;
  }

  /** The superinstruction for {@code first} followed by {@code second}, or 0. */
  static int pair(int first, int second) {
    if (second == OpCodes.CALL_XR) {
      return first == OpCodes.COPY_RR ? COPY_RR_CALL_XR
          : first == OpCodes.I32_SUB_RRI ? I32_SUB_RRI_CALL_XR : 0;
    }
    if (second == OpCodes.RETURN_R) {
      return first == OpCodes.COPY_RR ? COPY_RR_RETURN_R
          : first == OpCodes.I32_ADD_RRR ? I32_ADD_RRR_RETURN_R : 0;
    }
    switch (first) {
      case OpCodes.F32_MUL_RRR:
        return second == OpCodes.F32_ADD_RRR ? F32_MUL_ADD : 0;
      case OpCodes.I32_LOAD_RRII:
      case OpCodes.F32_LOAD_RRII:
        return second == OpCodes.I32_LOAD_RRII || second == OpCodes.F32_LOAD_RRII
            ? LOAD32_RRII_LOAD32_RRII : 0;
      case OpCodes.I32_ADD_RRR:
        if (second == OpCodes.I32_LOAD_RRI || second == OpCodes.F32_LOAD_RRI) {
          return I32_ADD_RRR_LOAD32_RRI;
        }
        return second == OpCodes.BR_I32_NE_RRT ? I32_ADD_RRR_BR_NE_RRT : 0;
      case OpCodes.I32_ADD_RRI:
        return second == OpCodes.BR_I32_NE_RRT ? I32_ADD_RRI_BR_NE_RRT : 0;
      case OpCodes.I32_SHL_RRI:
        return second == OpCodes.I32_XOR_RRR ? I32_SHL_RRI_XOR_RRR : 0;
      case OpCodes.I32_SHR_U_RRI:
        if (second == OpCodes.BR_I32_GE_U_RRT) {
          return I32_SHR_U_RRI_BR_GE_U_RRT;
        }
        return second == OpCodes.I32_XOR_RRR ? I32_SHR_U_RRI_XOR_RRR : 0;
      case OpCodes.I32_AND_RRI:
        return second == OpCodes.I32_SHL_RRI ? I32_AND_RRI_SHL_RRI : 0;
      default:
        return 0;
    }
  }
}
