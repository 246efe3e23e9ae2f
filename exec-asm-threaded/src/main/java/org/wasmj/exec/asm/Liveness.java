package org.wasmj.exec.asm;

import java.util.BitSet;
import org.wasmj.ir.Op;

/**
 * The registers live at each instruction of a function: those that some path from there reads
 * before writing. A split function's chunk loads from its frame only the registers live at its
 * entries, and writes back only those live at its exits: a chunk of a large function uses many
 * registers (temporaries of the value stack, mostly) that no other chunk reads, and copying them
 * at every move between chunks was much of the cost of a function that moves often (an
 * interpreter's dispatch loop spread over a hundred chunks).
 *
 * <p>A backward data-flow fixpoint over the instructions, a bit set per instruction; a function
 * too large for that ({@link #MAX_WORDS}) gets none, and its chunks copy every register they use.
 *
 * @implNote Not thread-safe; one per {@link FunctionCompiler}.
 */
final class Liveness {
  /** The most 64-bit words the sets may take (3 sets per instruction): 16 MB. */
  static final long MAX_WORDS = 2_000_000;

  private final int words;
  /** pc → instruction number, or -1. */
  private final int[] index;
  /** Instruction number → its live-in set, {@code words} longs each. */
  private final long[] in;

  private Liveness(int words, int[] index, long[] in) {
    this.words = words;
    this.index = index;
    this.in = in;
  }

  /** The liveness of {@code c}'s function, or null if it is too large to compute. */
  static Liveness of(FunctionCompiler c) {
    int[] code = c.code();
    int n = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      n++;
    }
    int words = (c.ir.registerCount() + 63) >>> 6;
    if (3L * n * words > MAX_WORDS) {
      return null;
    }
    int[] index = new int[code.length + 1];
    java.util.Arrays.fill(index, -1);
    int[] pcs = new int[n];
    for (int pc = 0, i = 0; pc < code.length; pc += Op.size(code, pc), i++) {
      pcs[i] = pc;
      index[pc] = i;
    }
    long[] use = new long[n * words];
    long[] def = new long[n * words];
    int[][] successors = new int[n][];
    for (int i = 0; i < n; i++) {
      int base = i * words;
      Chunks.operands(c, pcs[i], (r, written) -> {
        if (written) {
          def[base + (r >>> 6)] |= 1L << r;
        } else {
          use[base + (r >>> 6)] |= 1L << r;
        }
      });
      int[] targets = c.targets(pcs[i]);
      boolean next = Op.of(code[pcs[i]]).fallsThrough() && i + 1 < n;
      int[] s = new int[targets.length + (next ? 1 : 0)];
      for (int k = 0; k < targets.length; k++) {
        s[k] = index[targets[k]];
      }
      if (next) {
        s[targets.length] = i + 1;
      }
      successors[i] = s;
    }
    long[] in = new long[n * words];
    long[] out = new long[words];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = n - 1; i >= 0; i--) {
        java.util.Arrays.fill(out, 0);
        for (int s : successors[i]) {
          if (s < 0) { // not an instruction: assume everything is read there
            java.util.Arrays.fill(out, -1L);
            break;
          }
          for (int w = 0; w < words; w++) {
            out[w] |= in[s * words + w];
          }
        }
        int base = i * words;
        for (int w = 0; w < words; w++) {
          long v = use[base + w] | out[w] & ~def[base + w];
          if (v != in[base + w]) {
            in[base + w] = v;
            changed = true;
          }
        }
      }
    }
    return new Liveness(words, index, in);
  }

  /** Adds to {@code to} the registers live at the instruction at {@code pc} (all, if none is there). */
  void addLiveAt(int pc, BitSet to, int registerCount) {
    int i = pc >= 0 && pc < index.length ? index[pc] : -1;
    if (i < 0) {
      to.set(0, registerCount);
      return;
    }
    for (int w = 0; w < words; w++) {
      long v = in[i * words + w];
      while (v != 0) {
        int b = Long.numberOfTrailingZeros(v);
        to.set(w * 64 + b);
        v &= v - 1;
      }
    }
  }
}
