package org.wasmj.exec.asm;

import java.util.HashMap;
import java.util.Map;
import org.wasmj.ir.Op;
import org.wasmj.ir.SimdForm;
import org.wasmj.parser.Opcode;

/**
 * What is known of the lanes of the v128 values that SIMD ops read, so that integer lane
 * arithmetic whose lanes cannot overflow is one JVM instruction on each {@code long} half instead
 * of a SWAR formula. clang widens bytes to 16- or 32-bit lanes (shuffles with a zero vector,
 * {@code extend_*_u}), adds or clamps them there and narrows them back: the sums of widened bytes
 * never carry out of their lanes, a clamp to {@code [0, 255]} makes a saturating narrow a plain
 * repacking, a small lane shifted left stays in its lane. So {@code i8x16}/{@code i16x8}/
 * {@code i32x4.add} is {@code ladd} when both operands' lanes are non-negative and their sum
 * fits the lane, {@code i32x4.shl} by a constant is {@code lshl} when the shifted lanes fit, and
 * {@code narrow_*_u} only packs when both operands' lanes are already in the narrow range.
 *
 * <p>A forward pass over straight-line code: what a register holds is known from the instruction
 * that wrote it, in the same run of instructions that nothing enters; knowledge is dropped at
 * every branch target, after every control transfer, and when either half is written by anything
 * not modelled here. Two kinds of knowledge: bytes known to be zero (constants, shuffles, {@code
 * and}), and a signed interval that every lane of a given width lies in (arithmetic).
 *
 * @implNote Made once per function compilation on first use ({@link FunctionCompiler#laneRanges}).
 */
final class LaneRanges {
  /** What is known of a v128 value. */
  private static final class Known {
    /** Bit i set: byte i of the value is 0. */
    final int zeroBytes;
    /** The value's halves if it is a constant, else null. */
    long[] constant;
    /** The width in bits of the lanes {@link #lo}..{@link #hi} bound, or 0 for none. */
    final int width;
    /** Every lane of {@link #width} bits, read signed, lies in {@code [lo, hi]}. */
    final long lo;
    final long hi;

    Known(int zeroBytes, int width, long lo, long hi) {
      this.zeroBytes = zeroBytes;
      this.width = width;
      this.lo = lo;
      this.hi = hi;
    }

    static Known constant(long low, long high) {
      int zero = 0;
      for (int i = 0; i < 16; i++) {
        if (((i < 8 ? low : high) >>> (8 * (i & 7)) & 0xFF) == 0) {
          zero |= 1 << i;
        }
      }
      Known k = new Known(zero, 0, 0, 0);
      k.constant = new long[] {low, high};
      return k;
    }

    /** The signed interval of every lane of {@code w} bits, or null if nothing bounds it. */
    long[] range(int w) {
      if (width == w) {
        return new long[] {lo, hi};
      }
      int bytes = w / 8;
      long max = 0;
      for (int lane = 0; lane < 16 / bytes; lane++) {
        int top = -1; // the highest byte of the lane not known to be zero
        for (int b = 0; b < bytes; b++) {
          if ((zeroBytes >>> (lane * bytes + b) & 1) == 0) {
            top = b;
          }
        }
        if (top == bytes - 1) {
          return null; // the sign bit may be set
        }
        max = Math.max(max, top < 0 ? 0 : (1L << (8 * (top + 1))) - 1);
      }
      return new long[] {0, max};
    }
  }

  /** The knowledge of each v128 operand ({@code v} in the op's shape, in order) at each SIMD op's pc. */
  private final Map<Integer, Known[]> operands = new HashMap<>();

  /** The shift count of each SIMD shift whose count register holds a known constant there. */
  private final Map<Integer, Integer> shiftCounts = new HashMap<>();

  /** The function's code, and which instructions are branch targets. */
  private int[] code;
  private boolean[] target;
  /** How far {@link #demanded} looks for the readers of a value. */
  private static final int DEMAND_SCAN = 32;

  private LaneRanges() {}

  /**
   * The bytes (bit i for byte i) of the v128 value that the instruction at {@code pc} writes
   * that something reads before the value is overwritten: all 16 unless every reader in the
   * straight-line code after it, up to a full overwrite, reads only some of its bytes: a
   * {@code v128.and} with a constant (the bytes where the constant is not zero), a byte-wise op
   * ({@link #BYTE_WISE}: byte k of its result from byte k of its operands) the bytes of its own
   * result that are read, a shuffle the bytes its read result bytes come from (so, a few readers
   * deep: HISTOGRAM's range test, an {@code i8x16.add} and {@code lt_u} whose bytes a shuffle
   * spreads into i32 lanes, reads 4 of 16 bytes). The others may be left as anything (a shuffle
   * skips them, a byte-wise op computes only the low 32 bits: {@link SimdEmitters}).
   */
  int demanded(FunctionCompiler c, int pc) {
    return demanded(c, pc, DEMAND_DEPTH);
  }

  /** How many readers deep {@link #demanded} follows a value through byte-wise ops and shuffles. */
  private static final int DEMAND_DEPTH = 3;

  /** The ops whose result's byte k depends only on byte k of each operand. */
  private static final java.util.Set<Op> BYTE_WISE = java.util.EnumSet.of(
      Op.I8X16_ADD_VVV, Op.I8X16_SUB_VVV, Op.I8X16_LT_U_VVV, Op.V128_OR_VVV, Op.V128_XOR_VVV);

  private int demanded(FunctionCompiler c, int pc, int depth) {
    return readers(c, pc, 0xFFFF, (at, d) -> readBytes(c, at, d, depth));
  }

  /**
   * The bits of each byte (bit j for bit j of any byte) of the v128 value that the instruction at
   * {@code pc} writes that something reads before the value is overwritten: all 8 unless every
   * reader, in straight-line code as for {@link #demanded}, is a {@code v128.and} with a constant
   * (the bits set in some byte of it), or a shuffle (which moves whole bytes) or {@code v128.or}/
   * {@code xor} (bit by bit) whose result's readers are so. HISTOGRAM's range test: the
   * {@code lt_u}'s bytes (all ones or all zeros) go through a shuffle to an {@code and} with i32
   * lanes of 1, which keeps bit 0 of each byte it reads; so the compare need only compute that
   * bit of each byte ({@link SimdEmitters}).
   */
  int demandedBits(FunctionCompiler c, int pc) {
    return demandedBits(c, pc, DEMAND_DEPTH);
  }

  private int demandedBits(FunctionCompiler c, int pc, int depth) {
    return readers(c, pc, 0xFF, (at, d) -> readBits(c, at, d, depth));
  }

  /**
   * What the readers of the v128 value that the instruction at {@code pc} writes need of it (an
   * OR of {@code reader}'s answers, each asked of an instruction that reads it, with the value's
   * register): their answers up to a full overwrite in the straight-line code after it; {@code
   * all} where control may leave that code first or a half alone is written.
   */
  private int readers(FunctionCompiler c, int pc, int all, java.util.function.IntBinaryOperator reader) {
    int d = code[pc + 1];
    int demand = 0;
    int at = pc + Op.size(code, pc);
    for (int n = 0; n < DEMAND_SCAN && at < code.length && !target[at]; n++, at += Op.size(code, at)) {
      Op op = Op.of(code[at]);
      boolean[] reads = new boolean[1];
      int[] writes = new int[1];
      Chunks.operands(c, at, (r, written) -> {
        if (r == d || r == d + 1) {
          if (written) {
            writes[0] |= 1 << (r - d);
          } else {
            reads[0] = true;
          }
        }
      });
      if (reads[0]) {
        demand |= reader.applyAsInt(at, d);
        if (demand == all) {
          return demand;
        }
      }
      if (writes[0] == 3) {
        return demand;
      }
      if (writes[0] != 0 || c.targets(at).length > 0 || !op.fallsThrough()) {
        return all;
      }
    }
    return all;
  }

  /**
   * The bits of each byte of v128 register {@code d} that the instruction at {@code at}, which
   * reads it, needs for the bits of its result that are read ({@link #demandedBits}); all 8 if
   * not known.
   */
  private int readBits(FunctionCompiler c, int at, int d, int depth) {
    Op op = Op.of(code[at]);
    int a = code[at + 2];
    int b = code[at + 3];
    if (op != Op.V128_AND_VVV && op != Op.I8X16_SHUFFLE_VVVLL && op != Op.V128_OR_VVV
        && op != Op.V128_XOR_VVV || (a != d && Math.abs(a - d) < 2) || (b != d && Math.abs(b - d) < 2)) {
      return 0xFF; // another op, or d overlaps an operand in part
    }
    if (op == Op.V128_AND_VVV) {
      Known[] in = operands.get(at);
      int other = a == d ? 1 : 0; // the operand that is not d
      if (a == b || in == null || in[other] == null || in[other].constant == null) {
        return 0xFF;
      }
      long bits = in[other].constant[0] | in[other].constant[1];
      for (int shift = 32; shift >= 8; shift /= 2) {
        bits |= bits >>> shift;
      }
      return (int) bits & 0xFF;
    }
    return depth == 0 ? 0xFF : demandedBits(c, at, depth - 1);
  }

  /**
   * The bytes of v128 register {@code d} that the instruction at {@code at}, which reads it,
   * needs for the bytes of its result that are read ({@link #demanded}); all 16 if not known.
   */
  private int readBytes(FunctionCompiler c, int at, int d, int depth) {
    Op op = Op.of(code[at]);
    if (op != Op.V128_AND_VVV && op != Op.I8X16_SHUFFLE_VVVLL && !BYTE_WISE.contains(op)) {
      return 0xFFFF;
    }
    int a = code[at + 2];
    int b = code[at + 3];
    if ((a != d && Math.abs(a - d) < 2) || (b != d && Math.abs(b - d) < 2)) {
      return 0xFFFF; // d overlaps an operand in part
    }
    if (op == Op.V128_AND_VVV) {
      Known[] in = operands.get(at);
      int other = a == d ? 1 : 0; // the operand that is not d
      if (a == b || in == null || in[other] == null || in[other].constant == null) {
        return 0xFFFF;
      }
      return ~in[other].zeroBytes & 0xFFFF;
    }
    if (depth == 0) {
      return 0xFFFF;
    }
    if (BYTE_WISE.contains(op)) {
      return demanded(c, at, depth - 1);
    }
    if (op == Op.I8X16_SHUFFLE_VVVLL) {
      int out = demanded(c, at, depth - 1);
      int need = 0;
      for (int k = 0; k < 16; k++) {
        if ((out >>> k & 1) != 0) {
          int i = (int) (c.imm64(at + 4 + (k / 8) * 2) >>> (8 * (k % 8))) & 31;
          if ((i < 16 ? a : b) == d) {
            need |= 1 << (i & 15);
          }
        }
      }
      return need;
    }
    return 0xFFFF;
  }

  /** The count of the SIMD shift at {@code pc} if it is a known constant, else -1. */
  int shiftCount(int pc) {
    return shiftCounts.getOrDefault(pc, -1);
  }

  /**
   * The signed interval that every lane of {@code width} bits of the {@code index}th v128
   * operand (0 for the first) of the instruction at {@code pc} lies in, or null if unknown.
   */
  long[] range(int pc, int index, int width) {
    Known[] k = operands.get(pc);
    if (k == null || index >= k.length || k[index] == null || width > 32) {
      return null;
    }
    return k[index].range(width);
  }

  /** The halves of the {@code index}th v128 operand at {@code pc} if it is a known constant, else null. */
  long[] constant(int pc, int index) {
    Known[] k = operands.get(pc);
    return k == null || index >= k.length || k[index] == null || k[index].constant == null
        ? null : k[index].constant.clone();
  }

  /** The bytes (bit i for byte i) of the {@code index}th v128 operand at {@code pc} known to be 0. */
  int zeroBytes(int pc, int index) {
    Known[] k = operands.get(pc);
    return k == null || index >= k.length || k[index] == null ? 0 : k[index].zeroBytes;
  }

  /** True if every lane of {@code width} bits of operand {@code index} at {@code pc} is in {@code [0, max]}. */
  boolean within(int pc, int index, int width, long max) {
    long[] r = range(pc, index, width);
    return r != null && r[0] >= 0 && r[1] <= max;
  }

  /**
   * True if the lane-wise add at {@code pc} (of lanes of {@code width} bits) never carries out of
   * a lane: both operands' lanes are non-negative and their sums fit the lane unsigned.
   */
  boolean addStaysInLanes(int pc, int width) {
    long[] a = range(pc, 0, width);
    long[] b = range(pc, 1, width);
    return a != null && b != null && a[0] >= 0 && b[0] >= 0 && a[1] + b[1] < (1L << width);
  }

  /** The analysis of {@code c}'s function (see the class comment). */
  static LaneRanges of(FunctionCompiler c) {
    LaneRanges ranges = new LaneRanges();
    int[] code = c.code();
    boolean[] target = new boolean[code.length + 1];
    ranges.code = code;
    ranges.target = target;
    for (int[] branch : c.branches()) {
      for (int i = 1; i < branch.length; i++) {
        target[branch[i]] = true;
      }
    }
    Map<Integer, Known> state = new HashMap<>(); // by a v128 value's low register
    Map<Integer, Integer> scalars = new HashMap<>(); // i32 registers last written by a const
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (target[pc]) {
        state.clear();
        scalars.clear();
      }
      Op op = Op.of(code[pc]);
      Known result = null;
      if (op.simd() == SimdForm.SHIFT) {
        int n = code[pc + 3];
        Integer count = c.isConstant(n) ? Integer.valueOf((int) c.constant(n)) : scalars.get(n);
        if (count != null) {
          ranges.shiftCounts.put(pc, count & (laneWidth(op.wasm()) - 1));
        }
      }
      if (op.simd() != null || op == Op.V128_COPY_VV) {
        String shape = op.shape();
        int count = 0;
        for (int i = 0; i < shape.length(); i++) {
          count += shape.charAt(i) == 'v' ? 1 : 0;
        }
        Known[] in = new Known[count];
        for (int i = 0, n = 0; i < shape.length(); i++) {
          if (shape.charAt(i) == 'v') {
            in[n++] = state.get(code[pc + 1 + i]);
          }
        }
        if (count > 0) {
          ranges.operands.put(pc, in);
        }
        if (shape.charAt(0) == 'V') {
          result = ranges.transfer(c, op, pc, in);
        }
      }
      Chunks.operands(c, pc, (r, written) -> {
        if (written) {
          state.remove(r);
          state.remove(r - 1);
          scalars.remove(r);
        }
      });
      if (result != null) {
        state.put(code[pc + 1], result);
      }
      if (op == Op.CONST32_RI) {
        scalars.put(code[pc + 1], code[pc + 2]);
      }
      if (c.targets(pc).length > 0 || !op.fallsThrough()) {
        state.clear();
        scalars.clear();
      }
    }
    return ranges;
  }

  private static int laneWidth(Opcode w) {
    return 128 / SimdForm.laneCount(w);
  }

  /** What the SIMD op at {@code pc} writes, from what it reads ({@code in}); null if unknown. */
  private Known transfer(FunctionCompiler c, Op op, int pc, Known[] in) {
    if (op == Op.V128_COPY_VV) {
      return in[0];
    }
    Opcode w = op.wasm();
    switch (w) {
      case V128_CONST:
        return Known.constant(c.imm64(pc + 2), c.imm64(pc + 4));
      case I8X16_SHUFFLE: {
        int zero = 0;
        for (int k = 0; k < 16; k++) {
          int i = (int) (c.imm64(pc + 4 + 2 * (k / 8)) >>> (8 * (k & 7))) & 31;
          Known source = in[i >>> 4];
          if (source != null && (source.zeroBytes >>> (i & 15) & 1) != 0) {
            zero |= 1 << k;
          }
        }
        return zero == 0 ? null : new Known(zero, 0, 0, 0);
      }
      case V128_AND: {
        int zero = (in[0] == null ? 0 : in[0].zeroBytes) | (in[1] == null ? 0 : in[1].zeroBytes);
        return zero == 0 ? null : new Known(zero, 0, 0, 0);
      }
      case I16X8_EXTEND_LOW_I8X16_U: case I16X8_EXTEND_HIGH_I8X16_U: case V128_LOAD8X8_U:
        return new Known(0, 16, 0, 0xFF);
      case I32X4_EXTEND_LOW_I16X8_U: case I32X4_EXTEND_HIGH_I16X8_U: case V128_LOAD16X4_U:
        return new Known(0, 32, 0, 0xFFFF);
      case I16X8_EXTEND_LOW_I8X16_S: case I16X8_EXTEND_HIGH_I8X16_S: case V128_LOAD8X8_S:
        return new Known(0, 16, -0x80, 0x7F);
      case I32X4_EXTEND_LOW_I16X8_S: case I32X4_EXTEND_HIGH_I16X8_S: case V128_LOAD16X4_S:
        return new Known(0, 32, -0x8000, 0x7FFF);
      case I16X8_EXTADD_PAIRWISE_I8X16_U:
        return new Known(0, 16, 0, 2 * 0xFF);
      case I32X4_EXTADD_PAIRWISE_I16X8_U:
        return new Known(0, 32, 0, 2 * 0xFFFF);
      case I8X16_ADD: case I16X8_ADD: case I32X4_ADD:
      case I8X16_SUB: case I16X8_SUB: case I32X4_SUB:
      case I8X16_MIN_S: case I16X8_MIN_S: case I32X4_MIN_S:
      case I8X16_MAX_S: case I16X8_MAX_S: case I32X4_MAX_S: {
        int width = laneWidth(w);
        long[] a = bounded(in[0], width);
        long[] b = bounded(in[1], width);
        long lo;
        long hi;
        String name = w.name();
        if (name.endsWith("_ADD")) {
          lo = a[0] + b[0];
          hi = a[1] + b[1];
        } else if (name.endsWith("_SUB")) {
          lo = a[0] - b[1];
          hi = a[1] - b[0];
        } else if (name.endsWith("_MIN_S")) {
          lo = Math.min(a[0], b[0]);
          hi = Math.min(a[1], b[1]);
        } else {
          lo = Math.max(a[0], b[0]);
          hi = Math.max(a[1], b[1]);
        }
        return interval(width, lo, hi);
      }
      case I16X8_SHL: case I32X4_SHL: {
        int width = laneWidth(w);
        long[] a = in[0] == null ? null : in[0].range(width);
        int shift = shiftCount(pc);
        if (a == null || a[0] < 0 || shift < 0) {
          return null;
        }
        return interval(width, a[0] << shift, a[1] << shift);
      }
      case I8X16_NARROW_I16X8_U: case I16X8_NARROW_I32X4_U: {
        int width = laneWidth(w);
        long[] a = bounded(in[0], 2 * width);
        long[] b = bounded(in[1], 2 * width);
        long max = (1L << width) - 1;
        long lo = Math.max(0, Math.min(Math.min(a[0], b[0]), max));
        long hi = Math.max(0, Math.min(Math.max(a[1], b[1]), max));
        return interval(width, lo, hi);
      }
      default:
        return null;
    }
  }

  /** {@code k}'s interval at {@code width}, or the whole signed range of the lane if unknown. */
  private static long[] bounded(Known k, int width) {
    long[] r = k == null ? null : k.range(width);
    return r != null ? r : new long[] {-(1L << (width - 1)), (1L << (width - 1)) - 1};
  }

  /** A known interval, or null if {@code [lo, hi]} leaves the signed lane (it may wrap). */
  private static Known interval(int width, long lo, long hi) {
    if (lo < -(1L << (width - 1)) || hi > (1L << (width - 1)) - 1) {
      return null;
    }
    if (lo == -(1L << (width - 1)) && hi == (1L << (width - 1)) - 1) {
      return null; // nothing known
    }
    return new Known(0, width, lo, hi);
  }
}
