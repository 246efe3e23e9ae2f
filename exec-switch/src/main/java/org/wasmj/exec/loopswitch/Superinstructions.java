package org.wasmj.exec.loopswitch;

import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;

/**
 * The interpreter's own encoding of a function's IR: a copy in which the first op of each
 * frequent pair is replaced by a superinstruction that runs both, so the pair costs one dispatch.
 * The pairs are the most frequent ones Yosys runs (counted per pair of ops that follow each
 * other without a branch between them).
 *
 * <p>The rewrite keeps every instruction where it was: a superinstruction takes its first op's
 * slot, reads both ops' operands where they lie, and continues after the second, whose own code
 * is left in place. So branch targets, loop-entry pcs (tiering's on-stack replacement) and the
 * ops {@code run} and {@code cold} read stay valid, and the second op still runs alone when a
 * branch lands on it. Only a first op that always falls through to the next (no branch, no call,
 * no trap-and-leave op such as a fuel charge) is rewritten, so fuel, interruption checks and loop
 * counts run exactly as in the shared IR. The codes are negative, below every {@link OpCodes}
 * ordinal, so that {@code runInFrame}'s jump table grows by one entry each. Other executors never
 * see this copy: it lives in {@link FunctionCode#interpreterIr}.
 */
final class Superinstructions {
  private Superinstructions() {}

  /** Two {@code i32.add}s of a register and a constant (pointer bumps). */
  static final int I32_ADD_RRI_I32_ADD_RRI = -1;
  /** A constant into a register, then a 32-bit load at a register and an offset. */
  static final int CONST32_RI_LOAD32_RRI = -2;
  /** {@code i32.and} with a constant, then {@code br_if} on zero (a flag test). */
  static final int I32_AND_RRI_BR_EQZ_RT = -3;
  /** {@code i32.add} of a register and a constant, then {@code br_if} on {@code i32.ne} (a loop counter). */
  static final int I32_ADD_RRI_BR_I32_NE_RRT = -4;
  /** {@code i32.shl} by a constant, then {@code i32.add} of two registers (an index scaled). */
  static final int I32_SHL_RRI_I32_ADD_RRR = -5;
  /** {@code i32.add} of two registers, then a 32-bit load at a register and an offset. */
  static final int I32_ADD_RRR_LOAD32_RRI = -6;
  /** A register move (an argument), then {@code call}: {@code run} runs both. */
  static final int COPY_RR_CALL_XR = -7;

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

  /** A copy of {@code code} with superinstructions in place of the first ops of their pairs. */
  static int[] fuse(int[] code) {
    int[] out = code.clone();
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
    boolean load32 = second == OpCodes.I32_LOAD_RRI || second == OpCodes.F32_LOAD_RRI
        || second == OpCodes.I64_LOAD32_S_RRI; // one case in runInFrame
    switch (first) {
      case OpCodes.I32_ADD_RRI:
        return second == OpCodes.I32_ADD_RRI ? I32_ADD_RRI_I32_ADD_RRI
            : second == OpCodes.BR_I32_NE_RRT ? I32_ADD_RRI_BR_I32_NE_RRT : 0;
      case OpCodes.CONST32_RI:
        return load32 ? CONST32_RI_LOAD32_RRI : 0;
      case OpCodes.I32_AND_RRI:
        return second == OpCodes.BR_EQZ_RT ? I32_AND_RRI_BR_EQZ_RT : 0;
      case OpCodes.I32_SHL_RRI:
        return second == OpCodes.I32_ADD_RRR ? I32_SHL_RRI_I32_ADD_RRR : 0;
      case OpCodes.I32_ADD_RRR:
        return load32 ? I32_ADD_RRR_LOAD32_RRI : 0;
      case OpCodes.COPY_RR:
        return second == OpCodes.CALL_XR ? COPY_RR_CALL_XR : 0;
      default:
        return 0;
    }
  }
}
