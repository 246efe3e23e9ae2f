package org.wasmj.exec.asm;

import java.util.BitSet;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;

/**
 * What generated code knows of a function's registers before it emits the function: which are
 * constants, set once at the entry and never written again (the translator's pooled constants,
 * which it keeps in registers for the interpreter's sake). Generated code reads such a register
 * as an immediate, so C2 sees a constant and a split function does not load it from its frame;
 * the register gets no local, and its {@code const} emits nothing.
 *
 * @implNote Immutable once made; one per function compilation.
 */
final class Registers {
  /** Registers that are constants. */
  private final BitSet constant = new BitSet();
  /** The value of each constant register (others 0). */
  private final long[] value;

  private Registers(int count) {
    value = new long[count];
  }

  /**
   * The analysis of {@code c}'s function: a register is a constant if its only write is a
   * {@code const} in the code run first on every call (before any branch target or control
   * transfer), no instruction before it reads it, and it is not a parameter.
   */
  static Registers of(FunctionCompiler c) {
    int[] code = c.code();
    int count = c.ir.registerCount();
    Registers regs = new Registers(count);
    int[] writes = new int[count];
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      Chunks.operands(c, pc, (r, written) -> {
        if (written) {
          writes[r]++;
        }
      });
    }
    boolean[] target = new boolean[code.length + 1];
    for (int[] branch : c.branches()) {
      for (int i = 1; i < branch.length; i++) {
        target[branch[i]] = true;
      }
    }
    BitSet read = new BitSet();
    for (int pc = 0; pc < code.length && !target[pc]; pc += Op.size(code, pc)) {
      int op = code[pc];
      if (op == OpCodes.CONST32_RI || op == OpCodes.CONST64_RL) {
        int d = code[pc + 1];
        if (d >= c.ir.paramCount() && writes[d] == 1 && !read.get(d)) {
          regs.constant.set(d);
          regs.value[d] = op == OpCodes.CONST32_RI ? code[pc + 2] : c.imm64(pc + 2);
        }
        continue;
      }
      if (transfersControl(c, pc)) {
        break;
      }
      Chunks.operands(c, pc, (r, written) -> {
        if (!written) {
          read.set(r);
        }
      });
    }
    return regs;
  }

  /** True if the instruction at {@code pc} may go on elsewhere than at the next one. */
  private static boolean transfersControl(FunctionCompiler c, int pc) {
    int op = c.code()[pc];
    return c.targets(pc).length > 0 || op == OpCodes.RETURN || op == OpCodes.RETURN_R
        || op == OpCodes.RETURN_SPAN_RI || op == OpCodes.UNREACHABLE
        || op == OpCodes.RETURN_CALL_XR || op == OpCodes.RETURN_CALL_INDIRECT_XXRR;
  }

  /** True if register {@code r} is a constant: read as an immediate, with no local. */
  boolean isConstant(int r) {
    return constant.get(r);
  }

  /** The value of constant register {@code r}. */
  long constant(int r) {
    return value[r];
  }

  /** The constant registers (not to be changed). */
  BitSet constants() {
    return constant;
  }
}
