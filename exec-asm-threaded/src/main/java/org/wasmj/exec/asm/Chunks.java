package org.wasmj.exec.asm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.wasmj.ir.Op;
import org.wasmj.parser.FuncType;

/**
 * Plans how a function too large for one JVM method is cut into chunks of consecutive
 * instructions, and says which registers an instruction reads and writes (a chunk copies those it
 * uses in and those it writes out).
 */
final class Chunks {
  private Chunks() {}

  /**
   * Cuts the function into ranges {@code [from, to)} of about {@code budget} estimated bytecode
   * bytes each, preferring cuts outside loops, so that a loop's iterations stay within a chunk.
   */
  static List<int[]> plan(FunctionCompiler c, int budget) {
    int[] code = c.code();
    List<Integer> pcs = new ArrayList<>();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      pcs.add(pc);
    }
    int n = pcs.size();
    int[] index = new int[code.length + 1];
    for (int i = 0; i < n; i++) {
      index[pcs.get(i)] = i;
    }
    index[code.length] = n;
    // inLoop[i] > 0: a cut just before instruction i would split a loop (a backward branch spans it).
    int[] delta = new int[n + 1];
    for (int[] branch : c.branches()) {
      int i = index[branch[0]];
      for (int k = 1; k < branch.length; k++) {
        int t = branch[k];
        if (t <= branch[0]) {
          delta[index[t] + 1]++;
          delta[i + 1]--;
        }
      }
    }
    int[] inLoop = new int[n];
    for (int i = 0, running = 0; i < n; i++) {
      running += delta[i];
      inLoop[i] = running;
    }
    List<int[]> chunks = new ArrayList<>();
    int start = 0;
    int size = 0;
    int goodCut = -1;
    for (int i = 0; i < n; i++) {
      int estimate = estimate(c, pcs.get(i));
      if (i > start && size + estimate > budget) {
        int cut = goodCut > start + (i - start) / 4 ? goodCut : i;
        chunks.add(new int[] {pcs.get(start), pcs.get(cut)});
        start = cut;
        size = 0;
        for (int j = start; j < i; j++) {
          size += estimate(c, pcs.get(j));
        }
        goodCut = -1;
      }
      if (inLoop[i] == 0) {
        goodCut = i;
      }
      size += estimate;
    }
    chunks.add(new int[] {pcs.get(start), code.length});
    return chunks;
  }

  /** A rough estimate of the whole function's bytecode in one method. */
  static int estimate(FunctionCompiler c) {
    int[] code = c.code();
    int total = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      total += estimate(c, pc);
    }
    return total;
  }

  /** A rough upper estimate of an instruction's bytecode. */
  private static int estimate(FunctionCompiler c, int pc) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    switch (op) {
      case BR_TABLE_RI:
        return 24 + 4 * code[pc + 2];
      case CALL_XR: {
        FuncType t = c.module.functionType(code[pc + 1]);
        return 24 + 8 * (t.paramSlotCount() + t.resultSlotCount());
      }
      case CALL_INDIRECT_XXRR: {
        FuncType t = c.module.types().get(code[pc + 1]);
        return 32 + 10 * (t.paramSlotCount() + t.resultSlotCount());
      }
      case RETURN_SPAN_RI:
        return 8 + 10 * code[pc + 2];
      default:
        return op.wasm() != null && op.wasm().immediates() == org.wasmj.parser.Opcode.Imm.MEMARG ? 28 : 16;
    }
  }

  /** Marks the registers the instruction at {@code pc} reads and writes. */
  static void operands(FunctionCompiler c, int pc, BitSet read, BitSet write) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    switch (op) {
      case CALL_XR:
        span(c.module.functionType(code[pc + 1]), code[pc + 2], read, write);
        return;
      case CALL_INDIRECT_XXRR:
        span(c.module.types().get(code[pc + 1]), code[pc + 3], read, write);
        read.set(code[pc + 4]);
        return;
      case RETURN_SPAN_RI:
        read.set(code[pc + 1], code[pc + 1] + code[pc + 2]);
        return;
      default:
        String shape = op.shape();
        int at = pc + 1;
        for (int i = 0; i < shape.length(); i++) {
          char k = shape.charAt(i);
          if (k == 'd') {
            write.set(code[at]);
          } else if (k == 'r') {
            read.set(code[at]);
          } else if (k == 'V') { // a v128: two registers
            write.set(code[at], code[at] + 2);
          } else if (k == 'v') {
            read.set(code[at], code[at] + 2);
          }
          at += k == 'l' ? 2 : 1;
        }
    }
  }

  private static void span(FuncType t, int base, BitSet read, BitSet write) {
    read.set(base, base + t.paramSlotCount());
    write.set(base, base + t.resultSlotCount());
  }
}
