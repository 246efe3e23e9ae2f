package org.wasmj.exec.asm;

import java.util.BitSet;
import org.wasmj.ir.Op;
import org.wasmj.ir.SimdForm;

/**
 * Where the {@code long} local of a v128 half with lane locals ({@link Registers#hasLaneLocals},
 * {@link Registers#hasIntLanes}) may be out of date. An f32x4 arithmetic result with lane locals
 * (an i32x4 add, sub or abs with int lane locals) is written to its lanes only
 * ({@code SimdEmitters}); its bits, the lanes with each NaN canonicalised, are computed where
 * something reads them ({@link FunctionCompiler#loadL}) or settled into the {@code long} local
 * where control goes to code that may read them. So an accumulator that only f32x4 arithmetic
 * touches inside a loop is never packed into {@code long}s there.
 *
 * <p>Per instruction: a half is <em>stale</em> after an f32x4 lane write, and up to date after
 * any other write. At a branch target or loop header, whatever reaches it, a half is stale if
 * its bits are dead there (no path from there reads them before a write: then nothing can tell)
 * and up to date otherwise; so every edge to a target settles the stale halves whose bits are
 * live at the target ({@link FunctionCompiler}), and an edge out of a chunk settles all. A stale
 * half's bits are never taken from a half whose last write on some path was not an f32x4 lane
 * write: at a target only halves with dead bits are stale, and in straight-line code the last
 * write is known. The lane locals are valid wherever some path may read them before a write:
 * a write of a half unpacks its bits into them unless they are dead after it, and an f32x4 result
 * whose lanes are dead after it (a product that only a v128 store reads) is computed as bits
 * ({@link #bitsDirect}), no lane written, no packing (in C2's code, a call to {@code Rt.f32x2Bits}
 * per half where the chunk's inlining budget is spent).
 *
 * @implNote Made once per function that has lane locals; linear passes to a fixpoint.
 */
final class LaneBits {
  /** The halves with lane locals. */
  private final BitSet lanes;
  /** Per instruction start: the stale halves (f32x4 or i32x4 lane writes; see the class comment). */
  private final BitSet[] stale;
  /** Per instruction start: the halves whose bits some path from there reads before a write. */
  private final BitSet[] live;
  /** Per instruction start: true if its emitter reads and writes int lanes ({@link #intLaneOp}). */
  private final boolean[] intLaneOp;
  /** Per instruction start: the halves whose int lanes some path from after it reads before a write. */
  private final BitSet[] intLanesOut;
  /** Per instruction start: true where the staleness starts afresh (see the class comment). */
  private final boolean[] entered;
  /** Per instruction start: the halves whose float lanes some path from after it reads before a write. */
  private final BitSet[] floatLanesOut;
  /** Per instruction start: true for an f32x4 op whose result's bits are computed directly ({@link #bitsDirect}). */
  private final boolean[] bitsDirect;

  /** The function's code. */
  private int[] codeRef;

  private LaneBits(BitSet lanes, int length) {
    this.lanes = lanes;
    this.stale = new BitSet[length + 1];
    this.live = new BitSet[length + 1];
    this.entered = new boolean[length + 1];
    this.intLanesOut = new BitSet[length + 1];
    this.intLaneOp = new boolean[length + 1];
    this.floatLanesOut = new BitSet[length + 1];
    this.bitsDirect = new boolean[length + 1];
  }

  /** The analysis of {@code c}'s function, or null if no register has lane locals. */
  static LaneBits of(FunctionCompiler c, Registers regs) {
    int[] code = c.code();
    BitSet lanes = new BitSet();
    for (int r = 0; r < c.ir.registerCount(); r++) {
      if (regs.hasLaneLocals(r) || regs.hasIntLanes(r)) {
        lanes.set(r);
      }
    }
    if (lanes.isEmpty()) {
      return null;
    }
    LaneBits a = new LaneBits(lanes, code.length);
    a.codeRef = code;
    ByteChains chains = c.byteChains();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      a.intLaneOp[pc] = readsIntLanesAt(regs, code, pc) && !chains.planned(pc);
    }
    int n = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      n++;
    }
    int[] pcs = new int[n];
    for (int pc = 0, i = 0; pc < code.length; pc += Op.size(code, pc), i++) {
      pcs[i] = pc;
    }
    BitSet[] reads = new BitSet[n]; // bits reads of lane halves
    BitSet[] writes = new BitSet[n]; // writes of lane halves
    BitSet[] laneWrites = new BitSet[n]; // f32x4 lane writes (a subset of writes)
    boolean[] target = new boolean[code.length + 1];
    for (int[] branch : c.branches()) {
      for (int k = 1; k < branch.length; k++) {
        target[branch[k]] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      int pc = pcs[i];
      Op op = Op.of(code[pc]);
      boolean floatOp = Registers.readsLaneValues(op);
      boolean intOp = Registers.readsIntLanes(op) && a.intLaneOp[pc];
      BitSet rd = new BitSet();
      BitSet wr = new BitSet();
      Chunks.operands(c, pc, (r, written) -> {
        if (lanes.get(r)) {
          if (written) {
            wr.set(r);
          } else if (!(floatOp && regs.hasLaneLocals(r) || intOp && regs.hasIntLanes(r))) {
            rd.set(r); // the bits, not lanes of the kind the op reads
          }
        }
      });
      reads[i] = rd;
      writes[i] = wr;
      BitSet lw = new BitSet();
      int d = floatOp || intOp ? code[pc + 1] : 0;
      if (floatOp && regs.hasLaneLocals(d) && regs.hasLaneLocals(d + 1)
          || intOp && regs.hasIntLanes(d) && regs.hasIntLanes(d + 1)) {
        lw.set(code[pc + 1]);
        lw.set(code[pc + 1] + 1);
      }
      laneWrites[i] = lw;
    }
    // Liveness of the float lanes, backwards to a fixpoint: every read of a half with them is a
    // read of its lanes (a copy, f32x4 arithmetic, a stale half's packing), but a v128 store's.
    // An f32x4 result whose lanes are dead after it is computed as bits (bitsDirect).
    BitSet[] floatLaneReads = new BitSet[n];
    for (int i = 0; i < n; i++) {
      BitSet lr = new BitSet();
      if (Op.of(code[pcs[i]]).simd() != SimdForm.STORE) {
        Chunks.operands(c, pcs[i], (r, written) -> {
          if (!written && regs.hasLaneLocals(r)) {
            lr.set(r);
          }
        });
      }
      floatLaneReads[i] = lr;
    }
    int[] at = new int[code.length + 1];
    java.util.Arrays.fill(at, -1);
    for (int i = 0; i < n; i++) {
      at[pcs[i]] = i;
    }
    at[code.length] = n;
    backwards(c, pcs, at, new BitSet(), writes, floatLaneReads, a.floatLanesOut);
    for (int i = 0; i < n; i++) {
      if (directBits(c, regs, code, pcs, i, a.floatLanesOut[pcs[i]])) {
        a.bitsDirect[pcs[i]] = true;
        laneWrites[i].clear();
      }
    }
    // Liveness of the int lanes, backwards to a fixpoint (an int lane local is read only by the
    // ops of readsIntLanesAt; a write whose lanes are dead need not unpack its bits into them).
    BitSet[] laneReads = new BitSet[n];
    for (int i = 0; i < n; i++) {
      BitSet lr = new BitSet();
      if (a.intLaneOp[pcs[i]]) {
        Chunks.operands(c, pcs[i], (r, written) -> {
          if (!written && regs.hasIntLanes(r)) {
            lr.set(r);
          }
        });
      }
      laneReads[i] = lr;
    }
    backwards(c, pcs, at, new BitSet(), writes, laneReads, a.intLanesOut);
    // Liveness of the bits, backwards to a fixpoint; at the end, as if anything were read there.
    BitSet[] liveIn = backwards(c, pcs, at, (BitSet) lanes.clone(), writes, reads, null);
    // Staleness, forwards (see the class comment).
    BitSet current = new BitSet();
    for (int i = 0; i < n; i++) {
      int pc = pcs[i];
      boolean entered = target[pc] || code[pc] == org.wasmj.ir.OpCodes.COUNT_LOOP
          || (i > 0 && !Op.of(code[pcs[i - 1]]).fallsThrough());
      if (entered) {
        current = (BitSet) lanes.clone();
        current.andNot(liveIn[i]);
      }
      a.entered[pc] = entered;
      a.stale[pc] = (BitSet) current.clone();
      a.live[pc] = liveIn[i];
      current.andNot(writes[i]);
      current.or(laneWrites[i]);
    }
    a.live[code.length] = liveIn[n];
    a.stale[code.length] = current;
    return a;
  }

  /**
   * Liveness backwards to a fixpoint over the instructions at {@code pcs} ({@code at} maps a pc,
   * and the code's end, to its index): what is live into each, with {@code atEnd} live at the
   * end, each instruction killing {@code kills[i]} and reading {@code gens[i]}. Returns the sets
   * live in, by index ({@code n} = the end); {@code outByPc}, if given, gets the set live out of
   * each instruction, by pc.
   */
  private static BitSet[] backwards(FunctionCompiler c, int[] pcs, int[] at, BitSet atEnd,
      BitSet[] kills, BitSet[] gens, BitSet[] outByPc) {
    int[] code = c.code();
    int n = pcs.length;
    BitSet[] in = new BitSet[n + 1];
    for (int i = 0; i < n; i++) {
      in[i] = new BitSet();
    }
    in[n] = atEnd;
    for (boolean again = true; again; ) {
      again = false;
      for (int i = n - 1; i >= 0; i--) {
        int pc = pcs[i];
        BitSet out = new BitSet();
        if (Op.of(code[pc]).fallsThrough()) {
          out.or(in[i + 1]);
        }
        for (int t : c.targets(pc)) {
          out.or(in[at[t]]);
        }
        if (outByPc != null) {
          outByPc[pc] = (BitSet) out.clone();
        }
        out.andNot(kills[i]);
        out.or(gens[i]);
        if (!out.equals(in[i])) {
          in[i] = out;
          again = true;
        }
      }
    }
    return in;
  }

  /**
   * True if the f32x4 arithmetic at {@code pcs[i]} writes a register whose halves have float lane
   * locals only (no int lanes, no vector local), that no path reads as lanes after it before a
   * write ({@code lanesOut}), and is not one that may be emitted fused with its neighbours (a
   * {@code mul} and the {@code add} of its product, {@code SimdEmitters.Inline#mulAddTarget}):
   * then its result is computed as bits, its lanes left as they were, and its bits up to date:
   * what reads it (a v128 store) reads them without packing lanes.
   */
  private static boolean directBits(FunctionCompiler c, Registers regs, int[] code, int[] pcs, int i,
      BitSet lanesOut) {
    int pc = pcs[i];
    Op op = Op.of(code[pc]);
    if (!Registers.readsLaneValues(op)) {
      return false;
    }
    int d = code[pc + 1];
    for (int r = d; r <= d + 1; r++) {
      if (!regs.hasLaneLocals(r) || regs.hasIntLanes(r) || regs.isVectorHalf(r) || lanesOut.get(r)) {
        return false;
      }
    }
    if (op == Op.F32X4_MUL_VVV && SimdEmitters.Inline.mulAddTarget(null, code, pc) == -2) {
      return false;
    }
    return !(i > 0 && op == Op.F32X4_ADD_VVV && Op.of(code[pcs[i - 1]]) == Op.F32X4_MUL_VVV
        && SimdEmitters.Inline.mulAddTarget(null, code, pcs[i - 1]) == -2);
  }

  /**
   * True if the f32x4 arithmetic at {@code pc} computes its result as bits, not lanes
   * ({@link #directBits}): after it the result's halves are up to date, their lanes not written.
   */
  boolean bitsDirect(int pc) {
    return bitsDirect[pc];
  }

  /**
   * True if the float lanes of half {@code r} may be read after one of the {@code count}
   * instructions from {@code pc} on before a write: a write there must unpack them.
   */
  boolean floatLanesLiveAfter(int pc, int count, int r) {
    int[] code = codeRef;
    for (int k = 0; k < count && pc < code.length; k++, pc += Op.size(code, pc)) {
      if (floatLanesOut[pc] == null || floatLanesOut[pc].get(r)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the emitter of the instruction at {@code pc} reads the int lane locals of its
   * operands that have them (and an i32x4 op writes its result's only): an i32x4 op of
   * {@link Registers#readsIntLanes}, or a shuffle or {@code v128.and} into a register with int
   * lanes (which computes its lanes from theirs); not an op of a byte chain ({@link ByteChains},
   * which reads bits where it is emitted, and else is emitted as such ops on bits).
   */
  boolean intLaneOp(int pc) {
    return intLaneOp[pc];
  }

  private static boolean readsIntLanesAt(Registers regs, int[] code, int pc) {
    Op op = Op.of(code[pc]);
    return Registers.readsIntLanes(op) || (op == Op.I8X16_SHUFFLE_VVVLL || op == Op.V128_AND_VVV)
        && regs.hasIntLanes(code[pc + 1]) && regs.hasIntLanes(code[pc + 1] + 1);
  }

  /**
   * True if the int lanes of half {@code r} may be read after one of the {@code count}
   * instructions from {@code pc} on before a write: a write there must unpack them.
   */
  boolean intLanesLiveAfter(int pc, int count, int r) {
    int[] code = codeRef;
    for (int k = 0; k < count && pc < code.length; k++, pc += Op.size(code, pc)) {
      if (intLanesOut[pc] == null || intLanesOut[pc].get(r)) {
        return true;
      }
    }
    return false;
  }

  /** The halves stale at the start of the instruction at {@code pc} (a copy). */
  BitSet staleAt(int pc) {
    return (BitSet) stale[pc].clone();
  }

  /** The halves whose bits may be read from the start of the instruction at {@code pc} on (not to be changed). */
  BitSet liveAt(int pc) {
    return live[pc];
  }

  /** True if the staleness at {@code pc} does not follow from the instruction before it. */
  boolean entered(int pc) {
    return entered[pc];
  }

  /** Every half with lane locals (not to be changed). */
  BitSet lanes() {
    return lanes;
  }
}
