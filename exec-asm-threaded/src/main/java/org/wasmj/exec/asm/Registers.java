package org.wasmj.exec.asm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;

/**
 * What generated code knows of a function's registers before it emits the function.
 *
 * <p>Which hold only 32-bit values (i32, f32 bits, and whatever is written sign-extended from an
 * {@code int}): those are {@code int} locals, so a loop with an i32 counter is a counted loop to
 * C2 and its bytecode has no {@code l2i}/{@code i2l} pairs; the others are {@code long} locals. A
 * register is narrow unless some write puts a 64-bit value in it (an i64 or f64 result, a 64-bit
 * constant, global, call result or parameter, a v128 half), or copies into it a register that may
 * hold one. A copy's source counts by the value it holds there when the write before it in the
 * same straight-line run says (so a temporary reused for i32 and i64 values elsewhere does not
 * widen the local it is copied into), else by everything that register may hold. Reading a
 * narrow register as 64 bits sign-extends it, which is the value the slot held before (the IR's
 * slots hold i32 and f32 bits sign-extended); the frame arrays of split functions and loop entries
 * stay {@code long[]}, converted at the copies in and out.
 *
 * <p>Which are constants, set once at the entry and never written again (the translator's pooled
 * constants, which it keeps in registers for the interpreter's sake). Generated code reads such a
 * register as an immediate, so C2 sees a constant and a split function does not load it from its
 * frame; the register gets no local, and its {@code const} emits nothing.
 *
 * <p>Which some f32 (f64) op reads whose result does not depend on a NaN operand's payload
 * ({@link #readsFloatValues}: add, sub, mul, div, min, max, compares, truncations to integers):
 * such a register also gets a {@code float} ({@code double}) local, written beside its bits
 * local by every write that may put an f32 (f64) value in it, and read by those ops. So a float
 * value that only flows between arithmetic ops (a dot product's accumulator) stays in a float
 * register across loop iterations: C2 cannot remove the bit moves through a loop's phi nor
 * through the canonicalisation of a NaN result, which cost matrix-mul 2x. The bits local stays
 * exactly what it was (arithmetic results canonicalised, every payload kept), and C2 drops
 * whichever of the two locals nothing reads. The float local equals the bits read as a float
 * ({@code Float.intBitsToFloat}, {@code Double.longBitsToDouble}) except maybe in a NaN's payload:
 * an arithmetic result is stored there before its NaN is canonicalised, and the conversions keep
 * payloads only as far as the hardware does (they do on x86-64 and AArch64, whose moves between
 * integer and float registers are bit copies, but the ops that read the float local do not care).
 * Everything that can see a payload (stores, reinterpretations, abs, neg, copysign, rounding,
 * sqrt, promote, demote, calls, returns, globals, the frames) reads the bits local.
 *
 * <p>Likewise a v128 register that inline f32x4 arithmetic reads ({@link #readsLaneValues}: add,
 * sub, mul, div) gets, beside each half's {@code long} local, two {@code float} locals, the
 * half's lanes: every write of the half writes them too (the lanes of the bits written), but an
 * f32x4 arithmetic result writes its lanes as computed and its bits canonicalised; those ops read
 * the lane locals. So an f32x4 accumulator (a matrix row kept in v128 locals across a loop) is
 * not unpacked from and packed into {@code long}s each iteration.
 *
 * <p>In the same way a v128 half that {@code i32x4.add}, {@code sub} or {@code abs} reads
 * ({@link #readsIntLanes}), and no f32x4 lane op, gets two {@code int} locals, its i32 lanes:
 * every write of the half writes them too, those ops read them and write their result there
 * only (its bits packed where something reads them, {@link LaneBits}). So an i32x4 accumulator
 * (a count or a sum of absolute differences kept across a loop) is one {@code int} add per lane
 * instead of a SWAR formula on two {@code long}s per iteration.
 *
 * <p>With the optional vector path ({@link VectorPath}, {@link FunctionCompiler#vectorLanes}), a
 * v128 register both of whose halves have lane locals, and whose halves no SIMD operand reads or
 * writes as part of another v128, keeps its four lanes in one {@code FloatVector} local instead
 * ({@link #isVectorPair}): the same rules per half (a half's write updates its two lanes, the
 * bits stay out of date after an f32x4 result), but C2 keeps the lanes in one XMM register and
 * computes an f32x4 op with one instruction.
 *
 * <p>Registers read by payload-insensitive ops are found per register, not per value: a temporary
 * that holds an i32 in one place and an f32 in another gets both locals, and the float one is
 * dead (and dropped by C2) after the i32's writes.
 *
 * @implNote Immutable once made; one per function compilation.
 */
final class Registers {
  /** Registers that are constants. */
  private final BitSet constant = new BitSet();
  /** The value of each constant register (others 0). */
  private final long[] value;
  /** Registers that may hold a 64-bit value: {@code long} locals; the rest are {@code int}s. */
  private final BitSet wide = new BitSet();
  /** Registers that an op of {@link #readsFloatValues} reads as f32: also a {@code float} local. */
  private final BitSet floatLocal = new BitSet();
  /** Wide registers that an op of {@link #readsFloatValues} reads as f64: also a {@code double} local. */
  private final BitSet doubleLocal = new BitSet();
  /** v128 halves that an op of {@link #readsLaneValues} reads: also two {@code float} locals. */
  private final BitSet laneLocal = new BitSet();
  /** v128 halves that an op of {@link #readsIntLanes} reads and none of {@link #readsLaneValues}: two {@code int} locals. */
  private final BitSet intLane = new BitSet();
  /** Low halves of v128 registers whose lanes are one {@code FloatVector} local ({@link #isVectorPair}). */
  private final BitSet vectorPair = new BitSet();
  /** Registers with a float (double) local whose bits are always that local's, canonical ({@link #floatValued}). */
  private final BitSet floatValued = new BitSet();

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
    regs.widths(c);
    regs.floatLocals(c);
    if (FunctionCompiler.vectorLanes) {
      regs.vectorPairs(c);
    }
    regs.floatValued(c);
    return regs;
  }

  /** Finds the registers with float and double locals (see the class comment). */
  private void floatLocals(FunctionCompiler c) {
    int[] code = c.code();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      Op op = Op.of(code[pc]);
      if (readsLaneValues(op) || readsIntLanes(op)) {
        BitSet kind = readsIntLanes(op) ? intLane : laneLocal;
        for (int i = 2; i < 2 + op.wasm().params().length; i++) { // shape d v [v]
          for (int half = code[pc + i]; half <= code[pc + i] + 1; half++) {
            if (wide.get(half)) { // (a half never written wide holds 0, or a value read as bits)
              kind.set(half);
            }
          }
        }
        continue;
      }
      if (!readsFloatValues(op)) {
        continue;
      }
      org.wasmj.parser.ValType[] params = op.wasm().params();
      for (int i = 0; i < params.length; i++) { // all these ops have the shape d r.. (registers only)
        int r = code[pc + 2 + i];
        if (constant.get(r)) {
          continue; // an immediate
        }
        if (params[i] == org.wasmj.parser.ValType.F32) {
          floatLocal.set(r);
        } else if (params[i] == org.wasmj.parser.ValType.F64 && wide.get(r)) {
          doubleLocal.set(r);
        }
      }
    }
    intLane.andNot(laneLocal); // (one kind of lanes per half: an i32x4 op reads a float one's bits)
  }

  /**
   * Finds the <em>float-valued</em> registers: those with a float local (narrow) or a double
   * local (wide), not parameters, whose every write is an f32 (f64) add, sub, mul or div of
   * {@link #readsFloatValues} (its bits are its float canonicalised), a constant of that type
   * that is not a NaN or is the canonical one, or a copy (or select) of such a register or
   * constant. Their bits are always {@code Rt.f32Bits} ({@code f64Bits}) of their float local, so
   * generated code writes only the float local for an arithmetic result and computes the bits
   * where something reads them ({@link FunctionCompiler#loadI}): a dot product's accumulator is
   * not canonicalised on every iteration of its loop, only where it is stored (matrix-mul: C2
   * kept the canonicalisation in the loop, seven integer ops and a register more per pass).
   */
  private void floatValued(FunctionCompiler c) {
    int[] code = c.code();
    int count = value.length;
    BitSet bad = new BitSet();
    for (int r = 0; r < Math.min(count, c.ir.paramCount()); r++) {
      bad.set(r);
    }
    List<int[]> copies = new ArrayList<>(); // {from, to}
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      Op op = Op.of(code[pc]);
      int d = Op.size(code, pc) > 1 ? code[pc + 1] : -1; // the destination of the ops below
      switch (op) {
        case COPY_RR:
        case COPY_BR_NEZ_RRRT: // (and a branch, which writes nothing)
        case COPY_BR_EQZ_RRRT:
          copies.add(new int[] {code[pc + 2], d});
          continue;
        case SELECT_RRRR:
          copies.add(new int[] {code[pc + 2], d});
          copies.add(new int[] {code[pc + 3], d});
          continue;
        case CONST32_RI:
          if (wide.get(d) || !canonical32(code[pc + 2])) {
            bad.set(d);
          }
          continue;
        case CONST64_RL:
          if (!wide.get(d) || !canonical64(c.imm64(pc + 2))) {
            bad.set(d);
          }
          continue;
        default:
          break;
      }
      if (readsFloatValues(op)) {
        switch (op.wasm()) {
          case F32_ADD: case F32_SUB: case F32_MUL: case F32_DIV:
            if (wide.get(d)) {
              bad.set(d);
            }
            continue;
          case F64_ADD: case F64_SUB: case F64_MUL: case F64_DIV:
            if (!wide.get(d)) {
              bad.set(d);
            }
            continue;
          default:
            break;
        }
      }
      Chunks.operands(c, pc, (r, written) -> {
        if (written) {
          bad.set(r);
        }
      });
    }
    // A copy of a register that is not float-valued is not, to a fixpoint; a constant source
    // counts by its value (and by its type: narrow for f32, wide for f64).
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] e : copies) {
        int from = e[0];
        int to = e[1];
        if (bad.get(to)) {
          continue;
        }
        boolean ok = constant.get(from)
            ? (wide.get(to) ? canonical64(value[from]) : canonical32((int) value[from]))
                && wide.get(from) == wide.get(to)
            : !bad.get(from) && wide.get(from) == wide.get(to);
        if (!ok) {
          bad.set(to);
          changed = true;
        }
      }
    }
    for (int r = 0; r < count; r++) {
      if (!bad.get(r) && !constant.get(r)
          && (wide.get(r) ? doubleLocal.get(r) : floatLocal.get(r))) {
        floatValued.set(r);
      }
    }
    // (A copy's source without a float local is read as its bits, which its writes made
    // canonical just the same.)
  }

  private static boolean canonical32(int bits) {
    return bits == 0x7FC00000 || (bits & 0x7FFFFFFF) <= 0x7F800000;
  }

  private static boolean canonical64(long bits) {
    return bits == 0x7FF8000000000000L || (bits & 0x7FFFFFFFFFFFFFFFL) <= 0x7FF0000000000000L;
  }

  /**
   * True for the scalar ops that read f32 or f64 operands and whose result does not depend on a
   * NaN operand's payload (a NaN result is canonicalised, or the result is not a float): they read
   * the float locals.
   */
  static boolean readsFloatValues(Op op) {
    if (op.wasm() == null || op.simd() != null || !op.shape().startsWith("dr")) {
      return false;
    }
    switch (op.wasm()) {
      case F32_ADD: case F32_SUB: case F32_MUL: case F32_DIV: case F32_MIN: case F32_MAX:
      case F32_EQ: case F32_NE: case F32_LT: case F32_GT: case F32_LE: case F32_GE:
      case F64_ADD: case F64_SUB: case F64_MUL: case F64_DIV: case F64_MIN: case F64_MAX:
      case F64_EQ: case F64_NE: case F64_LT: case F64_GT: case F64_LE: case F64_GE:
      case I32_TRUNC_F32_S: case I32_TRUNC_F32_U: case I32_TRUNC_F64_S: case I32_TRUNC_F64_U:
      case I64_TRUNC_F32_S: case I64_TRUNC_F32_U: case I64_TRUNC_F64_S: case I64_TRUNC_F64_U:
      case I32_TRUNC_SAT_F32_S: case I32_TRUNC_SAT_F32_U: case I32_TRUNC_SAT_F64_S:
      case I32_TRUNC_SAT_F64_U: case I64_TRUNC_SAT_F32_S: case I64_TRUNC_SAT_F32_U:
      case I64_TRUNC_SAT_F64_S: case I64_TRUNC_SAT_F64_U:
        return true;
      default:
        return false;
    }
  }

  /** Finds the v128 registers whose lanes are one vector local (see the class comment). */
  private void vectorPairs(FunctionCompiler c) {
    int[] code = c.code();
    BitSet lows = new BitSet();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      String shape = Op.of(code[pc]).shape();
      for (int i = 0, at = pc + 1; i < shape.length(); at += shape.charAt(i) == 'l' ? 2 : 1, i++) {
        if (shape.charAt(i) == 'V' || shape.charAt(i) == 'v') {
          lows.set(code[at]);
        }
      }
    }
    for (int r = lows.nextSetBit(0); r >= 0; r = lows.nextSetBit(r + 1)) {
      if (laneLocal.get(r) && laneLocal.get(r + 1) && !lows.get(r + 1) && (r == 0 || !lows.get(r - 1))
          && !constant.get(r) && !constant.get(r + 1)) {
        vectorPair.set(r);
      }
    }
  }

  /**
   * True if v128 half register {@code r} is a half of a register whose lanes are one
   * {@code FloatVector} local (see the class comment).
   */
  boolean isVectorHalf(int r) {
    return vectorPair.get(r) || r > 0 && vectorPair.get(r - 1);
  }

  /** True if {@code r} is the low half of a register whose lanes are one {@code FloatVector} local. */
  boolean isVectorPair(int r) {
    return vectorPair.get(r);
  }

  /**
   * True for the f32x4 ops that SimdEmitters emits lane by lane in {@code float}s, each NaN result
   * canonicalised: they read the v128 halves' lane locals (see the class comment).
   */
  static boolean readsLaneValues(Op op) {
    return op == Op.F32X4_ADD_VVV || op == Op.F32X4_SUB_VVV || op == Op.F32X4_MUL_VVV
        || op == Op.F32X4_DIV_VVV;
  }

  /**
   * True for the i32x4 ops that SimdEmitters emits lane by lane in {@code int}s: they read the
   * v128 halves' int lane locals and write their result there (see the class comment).
   */
  static boolean readsIntLanes(Op op) {
    return op == Op.I32X4_ADD_VVV || op == Op.I32X4_SUB_VVV || op == Op.I32X4_ABS_VV;
  }

  /** Finds the wide registers (see the class comment). */
  private void widths(FunctionCompiler c) {
    int[] code = c.code();
    int count = value.length;
    boolean[] target = new boolean[code.length + 1];
    for (int[] branch : c.branches()) {
      for (int i = 1; i < branch.length; i++) {
        target[branch[i]] = true;
      }
    }
    // Per register, in the current straight-line run: whether the last write was wide; unknown
    // (a copy from before the run) when its run number is not the current one.
    int[] knownIn = new int[count];
    boolean[] knownWide = new boolean[count];
    java.util.Arrays.fill(knownIn, -1);
    int run = 0;
    String params = FunctionCompiler.slotKinds(c.type.params());
    for (int r = 0; r < count; r++) {
      knownIn[r] = 0;
      knownWide[r] = r < params.length() && params.charAt(r) == 'J';
      if (knownWide[r]) {
        wide.set(r);
      }
    }
    int[] copyFrom = new int[16]; // copies from registers unknown in their run: an edge each
    int[] copyTo = new int[16];
    int copies = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (target[pc] || code[pc] == OpCodes.COUNT_LOOP) {
        run++; // reached from elsewhere (a loop header is also entered from the interpreter)
      }
      Op op = Op.of(code[pc]);
      int[] from;
      switch (op) {
        case COPY_RR:
        case COPY_BR_NEZ_RRRT: // (and a branch, which writes nothing)
        case COPY_BR_EQZ_RRRT:
          from = new int[] {code[pc + 2]};
          break;
        case SELECT_RRRR:
          from = new int[] {code[pc + 2], code[pc + 3]};
          break;
        default:
          from = null;
      }
      if (from != null) {
        int d = code[pc + 1];
        boolean isWide = false;
        boolean known = true;
        for (int s : from) {
          if (knownIn[s] == run) {
            isWide |= knownWide[s];
          } else {
            known = false;
            if (copies == copyFrom.length) {
              copyFrom = java.util.Arrays.copyOf(copyFrom, 2 * copies);
              copyTo = java.util.Arrays.copyOf(copyTo, 2 * copies);
            }
            copyFrom[copies] = s;
            copyTo[copies++] = d;
          }
        }
        if (isWide) {
          wide.set(d);
        }
        knownIn[d] = known ? run : -1;
        knownWide[d] = isWide;
        continue;
      }
      int current = run;
      int at = pc;
      Chunks.operands(c, pc, (r, written) -> {
        if (written) {
          boolean isWide = writesWide(c, at, r);
          if (isWide) {
            wide.set(r);
          }
          knownIn[r] = current;
          knownWide[r] = isWide;
        }
      });
    }
    // A register copied from one that may be wide may be wide: along the copies, to a fixpoint.
    int[] start = new int[count + 1];
    for (int i = 0; i < copies; i++) {
      start[copyFrom[i] + 1]++;
    }
    for (int r = 0; r < count; r++) {
      start[r + 1] += start[r];
    }
    int[] to = new int[copies];
    int[] fill = start.clone();
    for (int i = 0; i < copies; i++) {
      to[fill[copyFrom[i]]++] = copyTo[i];
    }
    int[] work = wide.stream().toArray();
    int[] stack = java.util.Arrays.copyOf(work, Math.max(work.length, 16));
    int top = work.length;
    while (top > 0) {
      int r = stack[--top];
      for (int i = start[r]; i < start[r + 1]; i++) {
        int d = to[i];
        if (!wide.get(d)) {
          wide.set(d);
          if (top == stack.length) {
            stack = java.util.Arrays.copyOf(stack, 2 * top);
          }
          stack[top++] = d;
        }
      }
    }
  }

  /**
   * Whether the instruction at {@code pc}, not a copy, may write a 64-bit value to register
   * {@code r}: the type of what it writes, if it is one of the ops with a Wasm result type or
   * known to write an {@code int}; else wide.
   */
  private static boolean writesWide(FunctionCompiler c, int pc, int r) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    switch (op) {
      case CONST32_RI:
      case TABLE_SIZE_RX:
      case TABLE_GROW_RRRX:
      case MEMORY_SIZE_RX:
      case MEMORY_GROW_RRX:
      case I32_ADD_BR_NEZ_RRIT:
      case I32_ADD_BR_NE_RRIRT:
      case I32_SHR_U_AND_RRII:
      case I32_MUL_ADD_RRRR:
      case I32_SHL_ADD_RRIR:
        return false;
      case GLOBAL_GET_RX:
        return !FunctionCompiler.isInt(c.module.globalTypes().get(code[pc + 2]).valueType());
      case CALL_XR:
      case CALL_INDIRECT_XXRR: {
        org.wasmj.parser.FuncType t = op == Op.CALL_XR ? c.module.functionType(code[pc + 1])
            : c.module.types().get(code[pc + 1]);
        int base = code[pc + (op == Op.CALL_XR ? 2 : 3)];
        return FunctionCompiler.slotKinds(t.results()).charAt(r - base) == 'J';
      }
      default:
        if (op.wasm() == null || op.simd() != null && op.shape().charAt(0) != 'd'
            || op.wasm().results().length == 0) {
          return true;
        }
        return !FunctionCompiler.isInt(op.wasm().results()[0]);
    }
  }

  /** True if the instruction at {@code pc} may go on elsewhere than at the next one. */
  private static boolean transfersControl(FunctionCompiler c, int pc) {
    return c.targets(pc).length > 0 || !Op.of(c.code()[pc]).fallsThrough();
  }

  /** True if register {@code r} is a constant: read as an immediate, with no local. */
  boolean isConstant(int r) {
    return constant.get(r);
  }

  /** The value of constant register {@code r}. */
  long constant(int r) {
    return value[r];
  }

  /** True if register {@code r} may hold a 64-bit value, so is a {@code long} local, else an {@code int}. */
  boolean isWide(int r) {
    return wide.get(r);
  }

  /** True if register {@code r} also has a {@code float} local (see the class comment). */
  boolean hasFloatLocal(int r) {
    return floatLocal.get(r);
  }

  /** True if register {@code r} also has a {@code double} local (see the class comment). */
  boolean hasDoubleLocal(int r) {
    return doubleLocal.get(r);
  }

  /**
   * True if register {@code r} is float-valued ({@link #floatValued}): its bits are always its
   * float (double) local's, canonicalised, so they are computed from it where read.
   */
  boolean isFloatValued(int r) {
    return floatValued.get(r);
  }

  /** True if v128 half register {@code r} also has two {@code float} locals, its lanes (see the class comment). */
  boolean hasLaneLocals(int r) {
    return laneLocal.get(r);
  }

  /** True if v128 half register {@code r} also has two {@code int} locals, its i32 lanes (see the class comment). */
  boolean hasIntLanes(int r) {
    return intLane.get(r);
  }

  /** The JVM local slots register {@code r} takes: 0 for a constant. */
  int localSlots(int r) {
    if (constant.get(r)) {
      return 0;
    }
    int lanes = !laneLocal.get(r) ? 0 : !isVectorHalf(r) ? 2 : vectorPair.get(r) ? 1 : 0;
    return (wide.get(r) ? 2 : 1) + (floatLocal.get(r) ? 1 : 0) + (doubleLocal.get(r) ? 2 : 0) + lanes
        + (intLane.get(r) ? 2 : 0);
  }

  /** The constant registers (not to be changed). */
  BitSet constants() {
    return constant;
  }
}
