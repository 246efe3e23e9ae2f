package org.wasmj.exec.asm;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmj.exec.asm.FunctionCompiler.GLOBAL;
import static org.wasmj.exec.asm.FunctionCompiler.RT;
import static org.wasmj.exec.asm.FunctionCompiler.VAR_HANDLE;
import static org.wasmj.exec.asm.FunctionCompiler.isInt;

import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmj.exec.asm.Emitters.Emitter;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;
import org.wasmj.ir.SimdForm;
import org.wasmj.ir.SimdSemantics;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * The bytecode of the SIMD ops, registered into {@link Emitters}' table. A v128 register is two
 * {@code long} locals (low, high half). Each op pushes its result's low half, then its high half,
 * then stores the high, then the low register, so a result may overlap its operands. The ops that
 * clang's vectorized loops use most are inline bytecode ({@link Inline}), as are the bitwise ops,
 * 64-bit lane arithmetic, shuffles (shifts and masks) and all loads and stores (inline VarHandle
 * accesses, as for scalar ones); the others compute each half with an {@code INVOKESTATIC} of the
 * {@code SimdSemantics} method named after the Wasm instruction, as the op's {@link SimdForm} says.
 */
final class SimdEmitters {
  private SimdEmitters() {}

  static final String SIMD = "org/wasmj/ir/SimdSemantics";

  /** Half-wise ops that are one JVM instruction on each half. */
  private static final Map<Opcode, Integer> INLINE = Map.of(
      Opcode.V128_AND, LAND, Opcode.V128_OR, LOR, Opcode.V128_XOR, LXOR,
      Opcode.I64X2_ADD, LADD, Opcode.I64X2_SUB, LSUB, Opcode.I64X2_MUL, LMUL);

  /** Adds an emitter for every SIMD op to {@code table}. */
  static void register(Map<Op, Emitter> table) {
    for (Op op : Op.values()) {
      if (op.simd() != null) {
        table.put(op, emitter(op));
      }
    }
    table.put(Op.V128_COPY_VV, (c, pc) -> {
      int[] code = c.code();
      c.loadL(code[pc + 2]);
      c.loadL(code[pc + 2] + 1);
      storeV(c, code[pc + 1]);
    });
    table.put(Op.V128_SELECT_VVVR, (c, pc) -> {
      int[] code = c.code();
      MethodVisitor mv = c.mv();
      Label ifFalse = new Label();
      Label done = new Label();
      for (int k = 0; k < 2; k++) { // each arm writes d: an operand's bits are read after that in the other
        c.settle(code[pc + 2] + k);
        c.settle(code[pc + 3] + k);
      }
      c.loadI(code[pc + 4]);
      mv.visitJumpInsn(IFEQ, ifFalse);
      c.loadL(code[pc + 2]);
      c.loadL(code[pc + 2] + 1);
      storeV(c, code[pc + 1]);
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(ifFalse); // every label is reached with an empty stack (Frames)
      c.loadL(code[pc + 3]);
      c.loadL(code[pc + 3] + 1);
      storeV(c, code[pc + 1]);
      mv.visitLabel(done);
    });
    table.put(Op.V128_GLOBAL_GET_VX, (c, pc) -> {
      int[] code = c.code();
      c.element("globals", GLOBAL, code[pc + 2]);
      c.mv().visitInsn(DUP);
      c.mv().visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
      c.storeL(code[pc + 1]);
      c.mv().visitFieldInsn(GETFIELD, GLOBAL, "high", "J");
      c.storeL(code[pc + 1] + 1);
    });
    table.put(Op.V128_GLOBAL_SET_XV, (c, pc) -> {
      int[] code = c.code();
      c.element("globals", GLOBAL, code[pc + 1]);
      c.mv().visitInsn(DUP);
      c.loadL(code[pc + 2]);
      c.mv().visitFieldInsn(PUTFIELD, GLOBAL, "value", "J");
      c.loadL(code[pc + 2] + 1);
      c.mv().visitFieldInsn(PUTFIELD, GLOBAL, "high", "J");
    });
  }

  /**
   * Writes v128 register {@code d}, whose halves have int lane locals ({@link Registers#hasIntLanes}):
   * its halves as {@code bits} pushes them, and its four i32 lanes as {@code lanes} pushes them
   * (the same values, computed directly from the operands' lanes, so that an i32x4 op reading them
   * does not unpack the packed halves). The lanes are computed first, so {@code d} may be an
   * operand; the halves not at all where nothing reads them ({@link FunctionCompiler#bitsLive}),
   * nor the lanes where nothing reads those.
   */
  private static void withIntLanes(FunctionCompiler c, int d, Inline.LaneResult lanes, Runnable bits) {
    if (!c.intLanesLive(d) && !c.intLanesLive(d + 1)) { // nothing reads them before a write
      bits.run();
      storeV(c, d);
      return;
    }
    for (int k = 0; k < 2; k++) {
      for (int lane = 0; lane < 2; lane++) {
        lanes.push(k, lane);
      }
    }
    if (c.bitsLive(d) || c.bitsLive(d + 1)) { // (else nothing reads them before a write)
      bits.run();
      c.storeHalfBits(d + 1);
      c.storeHalfBits(d);
    }
    for (int k = 1; k >= 0; k--) {
      c.replaceIntLane(d + k, 1);
      c.replaceIntLane(d + k, 0);
    }
  }

  /**
   * Pushes i32 lane {@code lane} (0..3) of the {@code i8x16.shuffle} at {@code pc} as an
   * {@code int}, from its operands' i32 lanes: the bytes of {@code demanded} that are not known
   * zero ({@code zero}: bit i for source byte i), each shifted into place and masked, one term
   * per (source lane, shift); the others 0, as {@link #shuffleHalf} leaves them.
   */
  private static void shuffleLane(FunctionCompiler c, int pc, int lane, int demanded, int zero) {
    int[] code = c.code();
    MethodVisitor mv = c.mv();
    java.util.TreeMap<Integer, Integer> masks = new java.util.TreeMap<>(); // source lane * 8 + shift + 3 → mask
    for (int j = 0; j < 4; j++) {
      int k = 4 * lane + j; // the result byte
      int i = (int) (c.imm64(pc + 4 + 2 * (k / 8)) >>> (8 * (k % 8))) & 31;
      if ((demanded >>> k & 1) == 0 || (zero >>> i & 1) != 0) {
        continue;
      }
      masks.merge((i >>> 2) * 8 + j - (i & 3) + 3, 0xFF << (8 * j), (x, y) -> x | y);
    }
    if (masks.isEmpty()) {
      c.pushInt(0);
      return;
    }
    boolean first = true;
    for (Map.Entry<Integer, Integer> e : masks.entrySet()) {
      int source = e.getKey() >>> 3; // 0..7: operand, half, lane
      int shift = (e.getKey() & 7) - 3; // bytes to the left
      c.loadIntLane(code[pc + 2 + (source >>> 2)] + (source >>> 1 & 1), source & 1);
      if (shift > 0) {
        c.pushInt(8 * shift);
        mv.visitInsn(ISHL);
      } else if (shift < 0) {
        c.pushInt(-8 * shift);
        mv.visitInsn(IUSHR);
      }
      int mask = e.getValue();
      int kept = shift >= 0 ? -1 << (8 * shift) : -1 >>> (-8 * shift); // the bits the shift leaves
      if ((kept & ~mask) != 0) {
        c.pushInt(mask);
        mv.visitInsn(IAND);
      }
      if (!first) {
        mv.visitInsn(IOR);
      }
      first = false;
    }
  }

  /** The {@code v128.const} at {@code pc}. */
  private static void constant(FunctionCompiler c, int pc) {
    c.pushLong(c.imm64(pc + 2));
    c.pushLong(c.imm64(pc + 4));
    storeV(c, c.code()[pc + 1]);
  }

  /** Stores the two halves on the stack (low below high) into v128 register {@code d}. */
  private static void storeV(FunctionCompiler c, int d) {
    c.storeL(d + 1);
    c.storeL(d);
  }

  private static char jvm(ValType t) {
    return isInt(t) ? 'I' : 'J';
  }

  /**
   * The descriptor of the {@code SimdSemantics} method for {@code w}, as its form takes and
   * returns values ({@code null} for forms without a method).
   */
  static String descriptor(Opcode w) {
    SimdForm form = SimdForm.of(w);
    int bits = form == SimdForm.LOAD_SPLAT || form == SimdForm.LOAD_LANE || form == SimdForm.STORE_LANE
        ? SimdForm.accessBits(w) : 0;
    char scalar = bits == 64 ? 'J' : 'I';
    switch (form) {
      case SHUFFLE: return "(JJJJJ)J";
      case SWIZZLE: return "(JJJ)J";
      case EXTRACT: return "(JI)" + jvm(w.results()[0]);
      case REPLACE: return "(J" + jvm(w.params()[1]) + "I)J";
      case SPLAT: return "(" + jvm(w.params()[0]) + ")J";
      case UNARY: return "(J)J";
      case BINARY: return "(JJ)J";
      case TERNARY: return "(JJJ)J";
      case SHIFT: return "(JI)J";
      case REDUCE: return "(JJ)I";
      case EXTEND_LOW: case EXTEND_HIGH: case LOAD_EXTEND: return "(JI)J";
      case EXTMUL_LOW: case EXTMUL_HIGH: return "(JJI)J";
      case NARROW: case ZERO: return "(JJ)J";
      case LOAD_SPLAT: return "(" + scalar + ")J";
      case LOAD_LANE: return "(J" + scalar + "I)J";
      case STORE_LANE: return "(JI)" + scalar;
      default: return null; // CONST, LOAD, LOAD_ZERO, STORE
    }
  }

  private static Emitter emitter(Op op) {
    Opcode w = op.wasm();
    SimdForm form = op.simd();
    String name = Semantics.methodName(w);
    String desc = descriptor(w);
    Integer inline = INLINE.get(w);
    int half = form == SimdForm.EXTRACT || form == SimdForm.REPLACE || form == SimdForm.LOAD_LANE
        || form == SimdForm.STORE_LANE ? SimdForm.laneCount(w) / 2 : 1;
    return (c, pc) -> {
      if (c.byteChains().emit(c, pc) || Inline.emit(c, w, form, pc)) {
        return;
      }
      int[] code = c.code();
      MethodVisitor mv = c.mv();
      Runnable invoke = inline != null
          ? () -> mv.visitInsn(inline)
          : () -> mv.visitMethodInsn(INVOKESTATIC, SIMD, name, desc, false);
      int d = code[pc + 1];
      switch (form) {
        case CONST:
          constant(c, pc);
          return;
        case SHUFFLE: {
          int demanded = c.laneRanges().demanded(c, pc); // the bytes not demanded are left 0
          int zero = c.laneRanges().zeroBytes(pc, 0) | c.laneRanges().zeroBytes(pc, 1) << 16;
          Runnable bits = () -> {
            shuffleHalf(c, code[pc + 2], code[pc + 3], c.imm64(pc + 4), demanded & 0xFF, zero);
            shuffleHalf(c, code[pc + 2], code[pc + 3], c.imm64(pc + 6), demanded >>> 8, zero);
          };
          if (c.writesIntLanes(pc, d)) {
            withIntLanes(c, d, (k, lane) -> shuffleLane(c, pc, 2 * k + lane, demanded, zero), bits);
          } else {
            bits.run();
            storeV(c, d);
          }
          return;
        }
        case SWIZZLE:
          for (int k = 0; k < 2; k++) {
            loadV(c, code[pc + 2]);
            c.loadL(code[pc + 3] + k);
            invoke.run();
          }
          storeV(c, d);
          return;
        case EXTRACT: {
          int lane = code[pc + 3];
          c.loadL(code[pc + 2] + (lane < half ? 0 : 1));
          c.pushInt(lane % half);
          invoke.run();
          if (isInt(w.results()[0])) {
            c.storeI(d);
          } else {
            c.storeL(d);
          }
          return;
        }
        case REPLACE: {
          int v = code[pc + 2];
          int lane = code[pc + 4];
          if (lane >= half) {
            c.loadL(v);
          }
          c.loadL(v + (lane < half ? 0 : 1));
          if (isInt(w.params()[1])) {
            c.loadI(code[pc + 3]);
          } else {
            c.loadL(code[pc + 3]);
          }
          c.pushInt(lane % half);
          invoke.run();
          if (lane < half) {
            c.loadL(v + 1);
          }
          storeV(c, d);
          return;
        }
        case SPLAT:
          if (isInt(w.params()[0])) {
            c.loadI(code[pc + 2]);
          } else {
            c.loadL(code[pc + 2]);
          }
          invoke.run();
          mv.visitInsn(DUP2);
          storeV(c, d);
          return;
        case UNARY:
          for (int k = 0; k < 2; k++) {
            c.loadL(code[pc + 2] + k);
            if (w == Opcode.V128_NOT) {
              c.pushLong(-1);
              mv.visitInsn(LXOR);
            } else {
              invoke.run();
            }
          }
          storeV(c, d);
          return;
        case BINARY:
        case TERNARY:
          if (w == Opcode.V128_AND && c.writesIntLanes(pc, d)) {
            withIntLanes(c, d, (k, lane) -> {
              c.loadIntLane(code[pc + 2] + k, lane);
              c.loadIntLane(code[pc + 3] + k, lane);
              mv.visitInsn(IAND);
            }, () -> {
              for (int k = 0; k < 2; k++) {
                c.loadL(code[pc + 2] + k);
                c.loadL(code[pc + 3] + k);
                mv.visitInsn(LAND);
              }
            });
            return;
          }
          for (int k = 0; k < 2; k++) {
            c.loadL(code[pc + 2] + k);
            c.loadL(code[pc + 3] + k);
            if (form == SimdForm.TERNARY) {
              c.loadL(code[pc + 4] + k);
            }
            if (w == Opcode.V128_ANDNOT) {
              c.pushLong(-1);
              mv.visitInsn(LXOR);
              mv.visitInsn(LAND);
            } else {
              invoke.run();
            }
          }
          storeV(c, d);
          return;
        case SHIFT:
          for (int k = 0; k < 2; k++) {
            c.loadL(code[pc + 2] + k);
            c.loadI(code[pc + 3]);
            invoke.run();
          }
          storeV(c, d);
          return;
        case REDUCE:
          loadV(c, code[pc + 2]);
          invoke.run();
          c.storeI(d);
          return;
        case EXTEND_LOW:
        case EXTEND_HIGH:
          for (int k = 0; k < 2; k++) {
            c.loadL(code[pc + 2] + (form == SimdForm.EXTEND_LOW ? 0 : 1));
            c.pushInt(k);
            invoke.run();
          }
          storeV(c, d);
          return;
        case EXTMUL_LOW:
        case EXTMUL_HIGH: {
          int h = form == SimdForm.EXTMUL_LOW ? 0 : 1;
          for (int k = 0; k < 2; k++) {
            c.loadL(code[pc + 2] + h);
            c.loadL(code[pc + 3] + h);
            c.pushInt(k);
            invoke.run();
          }
          storeV(c, d);
          return;
        }
        case NARROW:
          loadV(c, code[pc + 2]);
          invoke.run();
          loadV(c, code[pc + 3]);
          invoke.run();
          storeV(c, d);
          return;
        case ZERO:
          loadV(c, code[pc + 2]);
          invoke.run();
          c.pushLong(0);
          storeV(c, d);
          return;
        default:
          memory(c, op, pc, half, invoke);
      }
    };
  }

  /**
   * The ops that clang's vectorized loops use most, as inline bytecode on the two halves instead of
   * {@code SimdSemantics} calls: C2 inlines calls only within its budget per compiled method (about
   * 8,000 bytes of bytecode, the method's own included), so that in a large SIMD function most calls
   * stayed calls, each forcing every live register out to the stack. Inline code calls nothing but
   * intrinsics ({@code Float.intBitsToFloat}, {@code Float.floatToIntBits}...), which cost no
   * budget. Each computes exactly what its {@code SimdSemantics} method does (a test compares them):
   * lane extract/replace and splat as shifts and masks (the lane is a constant), i8x16/i16x8/i32x4
   * {@code add}/{@code sub} and i32x4 {@code abs} as SWAR formulas (one add per half where
   * {@link LaneRanges} shows no lane can carry), i32x4 {@code min}/{@code max} with
   * {@code Math}'s, i32x4 shifts with the JVM's, and f32x4/f64x2 {@code add}/{@code sub}/
   * {@code mul}/{@code div} lane by lane with {@code floatToIntBits}/{@code doubleToLongBits},
   * whose NaN is the canonical one that {@code SimdSemantics} gives.
   */
  static final class Inline {
    private Inline() {}

    private static final long LOW_32 = 0xFFFFFFFFL;

    /** Emits the op at {@code pc} inline and returns true, or returns false if it has no inline form. */
    static boolean emit(FunctionCompiler c, Opcode w, SimdForm form, int pc) {
      int[] code = c.code();
      switch (form) {
        case LOAD:
          return w == Opcode.V128_LOAD && loadMulAdd(c, pc);
        case EXTRACT:
          if (w == Opcode.I16X8_EXTRACT_LANE_U && code[pc + 3] == 0 && laneDivide(c, pc)) {
            return true;
          }
          extract(c, w, code[pc + 1], code[pc + 2], code[pc + 3]);
          return true;
        case REPLACE:
          replace(c, w, code[pc + 1], code[pc + 2], code[pc + 3], code[pc + 4]);
          return true;
        case SPLAT:
          splat(c, w, code[pc + 1], code[pc + 2], lowWordOnly(c, pc));
          return true;
        case BINARY:
          if (i32x4Lanes(c, w, pc)) {
            return true;
          }
          if (w == Opcode.F32X4_MUL && mulAdd(c, pc)) {
            return true;
          }
          if (F32X4_OPS.containsKey(w) && c.isVector(code[pc + 1])) { // the optional vector path
            c.loadVector(code[pc + 2]);
            c.loadVector(code[pc + 3]);
            VectorLanes.arithmetic(c.mv(), w.text().substring("f32x4.".length()));
            c.storeVector(code[pc + 1]);
            return true;
          }
          if (F32X4_OPS.containsKey(w) && c.bitsDirect(pc)) { // lanes dead after it: bits only
            for (int k = 0; k < 2; k++) {
              f32x2Raw(c, code[pc + 2] + k, code[pc + 3] + k, F32X4_OPS.get(w));
            }
            storeV(c, code[pc + 1]);
            return true;
          }
          if (F32X4_OPS.containsKey(w) && c.hasLanes(code[pc + 1]) && c.hasLanes(code[pc + 1] + 1)) {
            f32x4(c, code[pc + 1], (k, lane) -> {
              f32Lane(c, code[pc + 2] + k, lane == 1);
              f32Lane(c, code[pc + 3] + k, lane == 1);
              c.mv().visitInsn(F32X4_OPS.get(w));
            });
            return true;
          }
          if ((w == Opcode.I8X16_ADD || w == Opcode.I8X16_SUB) && rangeTest(c, w, pc)) {
            return true;
          }
          if ((w == Opcode.I8X16_ADD || w == Opcode.I8X16_SUB) && lowWordOnly(c, pc)) {
            lowWordSwar(c, w == Opcode.I8X16_ADD, code[pc + 2], code[pc + 3]);
            c.pushLong(0);
            storeV(c, code[pc + 1]);
            return true;
          }
          if (LANE_ADDS.contains(w) && c.laneRanges().addStaysInLanes(pc, width(w))) {
            for (int k = 0; k < 2; k++) { // no lane carries into the next: one add per half
              c.loadL(code[pc + 2] + k);
              c.loadL(code[pc + 3] + k);
              c.mv().visitInsn(LADD);
            }
            storeV(c, code[pc + 1]);
            return true;
          }
          if (w == Opcode.I8X16_LT_U && belowConstant(c, pc)) {
            return true;
          }
          if (w == Opcode.I32X4_MAX_S && (c.laneRanges().zeroBytes(pc, 0) == 0xFFFF
              || c.laneRanges().zeroBytes(pc, 1) == 0xFFFF)) { // max with 0: clear negative lanes
            int x = c.laneRanges().zeroBytes(pc, 0) == 0xFFFF ? code[pc + 3] : code[pc + 2];
            MethodVisitor mv = c.mv();
            for (int k = 0; k < 2; k++) { // x ^ (x & s * 0xFFFFFFFF), s the sign bits at bit 0
              c.loadL(x + k);
              mv.visitInsn(DUP2);
              c.pushInt(31);
              mv.visitInsn(LUSHR);
              c.pushLong(0x0000000100000001L);
              mv.visitInsn(LAND);
              c.pushLong(LOW_32);
              mv.visitInsn(LMUL);
              c.loadL(x + k);
              mv.visitInsn(LAND);
              mv.visitInsn(LXOR);
            }
            storeV(c, code[pc + 1]);
            return true;
          }
          return binary(c, w, code[pc + 1], code[pc + 2], code[pc + 3]);
        case NARROW: {
          if (w != Opcode.I8X16_NARROW_I16X8_U && w != Opcode.I16X8_NARROW_I32X4_U) {
            return false;
          }
          int wide = w == Opcode.I8X16_NARROW_I16X8_U ? 16 : 32;
          long narrowMax = (1L << (wide / 2)) - 1;
          boolean packOnly = c.laneRanges().within(pc, 0, wide, narrowMax)
              && c.laneRanges().within(pc, 1, wide, narrowMax); // nothing to saturate
          for (int k = 2; k <= 3; k++) { // the result's low half from the first operand
            narrowU(c, code[pc + k], wide, packOnly);
            narrowU(c, code[pc + k] + 1, wide, packOnly);
            c.pushInt(32);
            c.mv().visitInsn(LSHL);
            c.mv().visitInsn(LOR);
          }
          storeV(c, code[pc + 1]);
          return true;
        }
        case SHIFT:
          if (!SHIFTS.contains(w)) {
            return false;
          }
          if (w == Opcode.I32X4_SHL && c.laneRanges().shiftCount(pc) >= 0) {
            int n = c.laneRanges().shiftCount(pc);
            if (c.laneRanges().within(pc, 0, 32, (1L << (32 - n)) - 1)) {
              for (int k = 0; k < 2; k++) { // no lane's bits pass its top: one shift per half
                c.loadL(code[pc + 2] + k);
                c.pushInt(n);
                c.mv().visitInsn(LSHL);
              }
              storeV(c, code[pc + 1]);
              return true;
            }
          }
          for (int k = 0; k < 2; k++) {
            i32Lanes(c, code[pc + 2] + k, -1, code[pc + 3], w);
          }
          storeV(c, code[pc + 1]);
          return true;
        case UNARY:
          if (w != Opcode.I32X4_ABS) {
            return false;
          }
          if (i32x4Lanes(c, w, pc)) {
            return true;
          }
          for (int k = 0; k < 2; k++) { // per half: with s the sign bits moved to each lane's bit 0,
            MethodVisitor mv = c.mv();    // (x ^ s * 0xFFFFFFFF) + s: ~x + 1 in the negative lanes
            c.loadL(code[pc + 2] + k);    // (~x is below 2^31 there, so the + 1 never carries out)
            c.pushInt(31);
            mv.visitInsn(LUSHR);
            c.pushLong(0x0000000100000001L);
            mv.visitInsn(LAND);
            mv.visitInsn(DUP2);
            c.pushLong(LOW_32);
            mv.visitInsn(LMUL);
            c.loadL(code[pc + 2] + k);
            mv.visitInsn(LXOR);
            mv.visitInsn(LADD);
          }
          storeV(c, code[pc + 1]);
          return true;
        default:
          return false;
      }
    }

    /**
     * {@code i32x4.add}, {@code sub} or {@code abs} into a v128 register whose halves have int
     * lane locals ({@link Registers#hasIntLanes}): lane by lane in {@code int}s, from the
     * operands' int lanes (or their bits), stored in the result's int lanes after all four are
     * computed (so the result may be an operand); its bits are packed where something reads them
     * ({@link LaneBits}). False (nothing emitted) for other ops or a result without int lanes.
     */
    private static boolean i32x4Lanes(FunctionCompiler c, Opcode w, int pc) {
      int[] code = c.code();
      int d = code[pc + 1];
      if (!Registers.readsIntLanes(Op.of(code[pc])) || !c.writesIntLanes(pc, d)) {
        return false;
      }
      MethodVisitor mv = c.mv();
      for (int k = 0; k < 2; k++) {
        for (int lane = 0; lane < 2; lane++) {
          c.loadIntLane(code[pc + 2] + k, lane);
          if (w == Opcode.I32X4_ABS) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(I)I", false);
          } else {
            c.loadIntLane(code[pc + 3] + k, lane);
            mv.visitInsn(w == Opcode.I32X4_ADD ? IADD : ISUB);
          }
        }
      }
      for (int k = 1; k >= 0; k--) {
        c.storeIntLane(d + k, 1);
        c.storeIntLane(d + k, 0);
      }
      return true;
    }

    /** Instructions {@link #mulAddTarget} looks past for a write of the product's register. */
    private static final int DEAD_SCAN = 16;

    /**
     * The {@code f32x4.add} at the pc after the {@code f32x4.mul} at {@code pc} that adds the
     * product to another register, if the product's register is dead after it (the add writes it,
     * or straight-line code after the add writes it before anything reads it): then the pair is
     * one multiply-add, lane by lane in {@code float}s, with no product packed into and unpacked
     * from a register between them. That gives the same bits: a product is exact in both, and a
     * NaN product gives a NaN sum, which {@code floatToIntBits} makes canonical either way. Returns
     * -1 for any other case; -2 if {@code c} is null (planning chunks: labels are not known yet)
     * and the pair has the form.
     */
    static int mulAddTarget(FunctionCompiler c, int[] code, int pc) {
      int next = pc + Op.size(code, pc);
      if (next >= code.length || Op.of(code[next]) != Op.F32X4_ADD_VVV) {
        return -1;
      }
      int t = code[pc + 1];
      int d = code[next + 1];
      boolean left = code[next + 2] == t;
      boolean right = code[next + 3] == t;
      if (left == right) {
        return -1; // not the product's, or the product added to itself
      }
      if (c == null) {
        return -2; // planning: the pair may be fused
      }
      return d == t || deadAfter(c, code, next + Op.size(code, next), t) ? next : -1;
    }

    /**
     * True if each half of v128 register {@code t} is written before it is read from {@code pc}
     * on (straight-line code only).
     */
    private static boolean deadAfter(FunctionCompiler c, int[] code, int pc, int t) {
      boolean[] dead = new boolean[2]; // each half: written since pc
      for (int n = 0; n < DEAD_SCAN && pc < code.length; n++, pc += Op.size(code, pc)) {
        if (!c.fusible(pc) || c.targets(pc).length > 0) {
          return false; // control may go elsewhere, or come from elsewhere
        }
        Op op = Op.of(code[pc]);
        if (op == Op.CALL_XR || op == Op.CALL_INDIRECT_XXRR || op.wasm() == null) {
          return false;
        }
        boolean[] read = new boolean[1];
        boolean[] wrote = new boolean[2];
        Chunks.operands(c, pc, (r, written) -> {
          if (r == t || r == t + 1) {
            if (written) {
              wrote[r - t] = true;
            } else if (!dead[r - t]) {
              read[0] = true; // (an instruction reads its operands before it writes)
            }
          }
        });
        if (read[0]) {
          return false;
        }
        dead[0] |= wrote[0];
        dead[1] |= wrote[1];
        if (dead[0] && dead[1]) {
          return true;
        }
      }
      return false;
    }

    /**
     * {@code f32x4.mul} then the {@code f32x4.add} of its product ({@link #mulAddTarget}) as one
     * multiply-add; false (nothing emitted) if the pair does not qualify.
     */
    private static boolean mulAdd(FunctionCompiler c, int pc) {
      int[] code = c.code();
      int add = mulAddTarget(c, code, pc);
      if (add < 0 || !c.fusible(add)) {
        return false;
      }
      int a = code[pc + 2];
      int b = code[pc + 3];
      int addend = code[add + 2] == code[pc + 1] ? code[add + 3] : code[add + 2];
      MethodVisitor mv = c.mv();
      int d = code[add + 1];
      if (c.isVector(d)) { // the optional vector path
        c.loadVector(a);
        c.loadVector(b);
        vectorMulAdd(c, addend, d);
        c.fuse(pc, add + Op.size(code, add));
        return true;
      }
      if (c.hasLanes(d) && c.hasLanes(d + 1)) {
        f32x4(c, d, (k, lane) -> {
          f32Lane(c, a + k, lane == 1);
          f32Lane(c, b + k, lane == 1);
          mv.visitInsn(FMUL);
          f32Lane(c, addend + k, lane == 1);
          mv.visitInsn(FADD);
        });
        c.fuse(pc, add + Op.size(code, add));
        return true;
      }
      for (int k = 0; k < 2; k++) {
        for (int lane = 0; lane < 2; lane++) {
          f32Lane(c, a + k, lane == 1);
          f32Lane(c, b + k, lane == 1);
          mv.visitInsn(FMUL);
          f32Lane(c, addend + k, lane == 1);
          mv.visitInsn(FADD);
          packF32(c, lane);
        }
      }
      storeV(c, code[add + 1]);
      c.fuse(pc, add + Op.size(code, add));
      return true;
    }

    /**
     * The {@code f32x4.mul} after the {@code v128.load} at {@code pc} that multiplies the loaded
     * value by another register, if that mul is one multiply-add with the add after it
     * ({@link #mulAddTarget}), the loaded register is dead after the add (the add writes it, or
     * straight-line code after it writes it before anything reads it), the registers do not
     * overlap, and the sum's register has lane locals: then the three are one, the loaded halves
     * unpacked on the operand stack into the lanes' arithmetic, nothing stored but the sum's
     * lanes. Returns -1 for any other case; -2 if {@code c} is null (planning chunks) and the
     * three have the form.
     */
    static int loadMulAddTarget(FunctionCompiler c, int[] code, int pc) {
      int mul = pc + Op.size(code, pc);
      if (mul >= code.length || Op.of(code[mul]) != Op.F32X4_MUL_VVV) {
        return -1;
      }
      int t = code[pc + 1];
      int s = code[mul + 2] == t ? code[mul + 3] : code[mul + 2];
      if ((code[mul + 2] == t) == (code[mul + 3] == t) || Math.abs(s - t) < 2) {
        return -1; // not the loaded value's, or the loaded value squared, or overlapping
      }
      int add = mulAddTarget(c, code, mul);
      if (c == null) {
        return add == -2 ? -2 : -1;
      }
      if (add < 0 || !c.fusible(mul) || !c.fusible(add)) {
        return -1;
      }
      int d = code[add + 1];
      int addend = code[add + 2] == code[mul + 1] ? code[add + 3] : code[add + 2];
      if (Math.abs(addend - t) < 2 || Math.abs(d - t) == 1 || Math.abs(d - s) == 1
          || Math.abs(d - addend) == 1 || !c.hasLanes(d) || !c.hasLanes(d + 1)) {
        return -1;
      }
      return d == t || deadAfter(c, code, add + Op.size(code, add), t) ? add : -1;
    }

    /**
     * {@code v128.load}, {@code f32x4.mul} of the loaded value, {@code f32x4.add} of the product
     * ({@link #loadMulAddTarget}) as one: for each half, one 64-bit load, and each lane's float
     * from it times the other factor's lane plus the addend's, stored in the sum's lane local as
     * soon as computed (a lane reads only its own lane of each operand, so the sum may be an
     * operand). The same bits as the three apart: the same loads (a trap before anything is
     * written but the sum's first half, which a trap makes unreadable), the same float
     * arithmetic. False (nothing emitted) if they do not qualify.
     */
    private static boolean loadMulAdd(FunctionCompiler c, int pc) {
      int[] code = c.code();
      int add = loadMulAddTarget(c, code, pc);
      if (add < 0) {
        return false;
      }
      int mul = pc + Op.size(code, pc);
      int t = code[pc + 1];
      int s = code[mul + 2] == t ? code[mul + 3] : code[mul + 2];
      int addend = code[add + 2] == code[mul + 1] ? code[add + 3] : code[add + 2];
      int d = code[add + 1];
      Op load = Op.of(code[pc]);
      MethodVisitor mv = c.mv();
      if (c.isVector(d)) { // the optional vector path: one 128-bit load
        if (c.address(code[pc + 2], code[pc + 3])) {
          c.loadMemoryArray(load, pc);
          c.loadIndex();
          VectorLanes.load(mv);
          c.loadVector(s);
          vectorMulAdd(c, addend, d);
        }
        c.fuse(pc, add + Op.size(code, add));
        return true;
      }
      if (c.address(code[pc + 2], code[pc + 3])) {
        for (int k = 0; k < 2; k++) {
          SimdEmitters.load(c, load, pc, 64, 8 * k);
          for (int lane = 0; lane < 2; lane++) {
            if (lane == 0) {
              mv.visitInsn(DUP2);
            } else {
              c.pushInt(32);
              mv.visitInsn(LUSHR);
            }
            mv.visitInsn(L2I);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            f32Lane(c, s + k, lane == 1);
            mv.visitInsn(FMUL);
            f32Lane(c, addend + k, lane == 1);
            mv.visitInsn(FADD);
            c.storeLane(d + k, lane);
          }
        }
      }
      c.fuse(pc, add + Op.size(code, add));
      return true;
    }

    /** {@code a * b + addend} into vector register {@code d}, a and b on the stack as {@code FloatVector}s; rounded twice (not fused). */
    private static void vectorMulAdd(FunctionCompiler c, int addend, int d) {
      c.loadVector(addend);
      c.mv().visitInsn(DUP_X2); // a b c → c a b c
      c.mv().visitInsn(POP);
      VectorLanes.arithmetic(c.mv(), "mul");
      VectorLanes.arithmetic(c.mv(), "add");
      c.storeVector(d);
    }

    /** The JVM instruction of each f32x4 op with an inline form. */
    private static final Map<Opcode, Integer> F32X4_OPS = Map.of(
        Opcode.F32X4_ADD, FADD, Opcode.F32X4_SUB, FSUB, Opcode.F32X4_MUL, FMUL, Opcode.F32X4_DIV, FDIV);

    /** Pushes lane {@code lane} (0..1) of half {@code k} (0..1) of an f32x4 result. */
    interface LaneResult {
      void push(int k, int lane);
    }

    /**
     * An f32x4 arithmetic result into v128 register {@code d}, whose halves have lane locals
     * ({@link Registers}): the four lanes pushed by {@code result} (reading the operands' lane
     * locals), stored as they are in {@code d}'s lane locals after all four are computed (so
     * {@code d} may be an operand); the bits, NaNs canonicalised, are computed from them where
     * something reads them ({@link LaneBits}).
     */
    private static void f32x4(FunctionCompiler c, int d, LaneResult result) {
      for (int k = 0; k < 2; k++) {
        for (int lane = 0; lane < 2; lane++) {
          result.push(k, lane);
        }
      }
      for (int k = 1; k >= 0; k--) {
        c.storeLane(d + k, 1);
        c.storeLane(d + k, 0);
      }
    }

    /** Canonicalizes the float on the stack and puts its bits in lane {@code lane} of the half below it (or starts a half). */
    private static void packF32(FunctionCompiler c, int lane) {
      MethodVisitor mv = c.mv();
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToIntBits", "(F)I", false);
      packInt(c, lane);
    }

    /** Puts the int on the stack in lane {@code lane} (0 or 1) of the half below it (or starts a half). */
    private static void packInt(FunctionCompiler c, int lane) {
      MethodVisitor mv = c.mv();
      mv.visitInsn(I2L);
      if (lane == 0) {
        c.pushLong(LOW_32);
        mv.visitInsn(LAND);
      } else {
        c.pushInt(32);
        mv.visitInsn(LSHL);
        mv.visitInsn(LOR);
      }
    }

    /**
     * Pushes the four (or two) lanes of half {@code h} (signed lanes of {@code w} bits, 16 or 32)
     * narrowed to unsigned lanes of {@code w / 2} bits with saturation, packed in the low 32 bits:
     * SWAR, no branch. A lane is positive if its sign bit is clear ({@code p}); it is too large if
     * positive with a bit set between its top bit and its low half ({@code over}: adding the mask
     * of those bits carries into the sign bit exactly then, and never out of the lane); the low
     * half is kept, all ones if too large, zero if negative; then the lanes are packed together.
     */
    private static void narrowU(FunctionCompiler c, int h, int w, boolean packOnly) {
      MethodVisitor mv = c.mv();
      long lane = w == 16 ? 0xFFFFL : LOW_32;
      long sign = lanes(1L << (w - 1), w);
      long low = lanes((1L << (w / 2)) - 1, w);
      long mid = lanes(lane >>> 1, w) & ~low;
      long ones = (1L << (w / 2)) - 1;
      if (packOnly) { // every lane already in [0, ones]
        c.loadL(h);
      } else {
        saturateU(c, h, w, sign, low, mid, ones);
      }
      for (int shift = w / 2, keep = w; shift < 32; shift *= 2, keep *= 2) {
        mv.visitInsn(DUP2); // lanes of `shift` bits, `shift` bits apart: pair them up
        c.pushInt(shift);
        mv.visitInsn(LUSHR);
        mv.visitInsn(LOR);
        c.pushLong(keep == 32 ? LOW_32 : lanes((1L << keep) - 1, 2 * keep));
        mv.visitInsn(LAND);
      }
    }

    /** Pushes half {@code h}'s lanes of {@code w} bits saturated to {@code [0, ones]} ({@link #narrowU}). */
    private static void saturateU(FunctionCompiler c, int h, int w, long sign, long low, long mid,
        long ones) {
      MethodVisitor mv = c.mv();
      c.loadL(h); // the low halves of the lanes
      c.pushLong(low);
      mv.visitInsn(LAND);
      c.loadL(h); // | expand(over)
      c.pushLong(mid);
      mv.visitInsn(LAND);
      c.pushLong(mid);
      mv.visitInsn(LADD);
      positive(c, h, sign);
      mv.visitInsn(LAND);
      c.pushInt(w - 1);
      mv.visitInsn(LUSHR);
      c.pushLong(ones);
      mv.visitInsn(LMUL);
      mv.visitInsn(LOR);
      positive(c, h, sign); // & expand(p)
      c.pushInt(w - 1);
      mv.visitInsn(LUSHR);
      c.pushLong(ones);
      mv.visitInsn(LMUL);
      mv.visitInsn(LAND);
    }

    /** Pushes {@code ~h & sign}: the sign bits of the lanes of half {@code h} that are not negative. */
    private static void positive(FunctionCompiler c, int h, long sign) {
      c.loadL(h);
      c.pushLong(-1);
      c.mv().visitInsn(LXOR);
      c.pushLong(sign);
      c.mv().visitInsn(LAND);
    }

    /** {@code v} repeated in every lane of {@code w} bits of a long. */
    private static long lanes(long v, int w) {
      long r = 0;
      for (int shift = 0; shift < 64; shift += w) {
        r |= v << shift;
      }
      return r;
    }

    /** The u16 lanes 0 and 2 of a half (in the low 16 bits of each 32-bit slot). */
    private static final long EVEN_16 = 0x0000FFFF0000FFFFL;

    /**
     * The i16x8 lane-wise unsigned division by a constant that clang writes out lane by lane (it
     * has no vector division), at the {@code extract_lane_u} of lane 0: for each lane {@code k}
     * of {@code v}, {@code t = extract_lane_u v k; [t = t & M;] t = t / C} (C a constant
     * register), then {@code d = splat t} for lane 0 and {@code d = replace_lane d t k} for the
     * others. Emitted as one SWAR computation on each half: lanes 0, 2 and 1, 3 apart in 32-bit
     * slots, each multiplied by {@code m} and shifted right by {@code s} with
     * {@code floor(x * m / 2^s) == floor(x / C)} for every {@code x <= M} (as
     * {@code m = ceil(2^s / C)}, {@code (m * C - 2^s) * M < 2^s}; {@code s <= 16} and
     * {@code m * M < 2^32} keep the slots apart); then each scalar register the lanes used is set
     * to its last lane's quotient, as the lane-by-lane code leaves it. False (nothing emitted) if
     * the code differs in anything, something enters it, it aliases, or no such {@code m} exists.
     */
    private static boolean laneDivide(FunctionCompiler c, int pc) {
      int[] code = c.code();
      int v = code[pc + 2];
      int d = -1;
      int divisor = -1;
      long mask = -1;
      int[] temps = new int[8];
      int at = pc;
      for (int k = 0; k < 8; k++) {
        if (at >= code.length || Op.of(code[at]) != Op.I16X8_EXTRACT_LANE_U_RVI
            || code[at + 2] != v || code[at + 3] != k || (k > 0 && !c.fusible(at))) {
          return false;
        }
        int t = code[at + 1];
        temps[k] = t;
        at += Op.size(code, at);
        if (at < code.length && Op.of(code[at]) == Op.I32_AND_RRI) {
          if (code[at + 1] != t || code[at + 2] != t || !c.fusible(at)
              || (k > 0 && mask != (code[at + 3] & 0xFFFFL)) || (k == 0 && mask != -1)) {
            return false;
          }
          mask = code[at + 3] & 0xFFFFL;
          at += Op.size(code, at);
        } else if (k > 0 && mask != -1) {
          return false;
        }
        if (at >= code.length || Op.of(code[at]) != Op.I32_DIV_U_RRR || code[at + 1] != t
            || code[at + 2] != t || !c.fusible(at) || (k > 0 && code[at + 3] != divisor)) {
          return false;
        }
        divisor = code[at + 3];
        at += Op.size(code, at);
        if (at >= code.length || !c.fusible(at)) {
          return false;
        }
        if (k == 0) {
          if (Op.of(code[at]) != Op.I16X8_SPLAT_VR || code[at + 2] != t) {
            return false;
          }
          d = code[at + 1];
        } else if (Op.of(code[at]) != Op.I16X8_REPLACE_LANE_VVRI || code[at + 1] != d
            || code[at + 2] != d || code[at + 3] != t || code[at + 4] != k) {
          return false;
        }
        at += Op.size(code, at);
      }
      if (!c.isConstant(divisor) || d == v || d == v + 1 || d + 1 == v) {
        return false;
      }
      for (int k = 0; k < 8; k++) { // the lanes read v and, after lane 0, build d
        int t = temps[k];
        if (t == v || t == v + 1 || (k > 0 && (t == d || t == d + 1)) || t == divisor) {
          return false;
        }
      }
      long divide = c.constant(divisor) & LOW_32;
      long bound = mask == -1 ? 0xFFFF : mask;
      if (divide == 0 || divide > 0xFFFF) {
        return false; // a trap, or every quotient 0: left as it is
      }
      int shift = -1;
      long multiply = 0;
      for (int s = 0; s <= 16 && shift < 0; s++) {
        long m = ((1L << s) + divide - 1) / divide;
        if ((m * divide - (1L << s)) * bound < (1L << s) && m * bound < (1L << 32)) {
          shift = s;
          multiply = m;
        }
      }
      if (shift < 0) {
        return false;
      }
      MethodVisitor mv = c.mv();
      long keep = bound * 0x0000000100000001L & EVEN_16; // the mask in both slots
      for (int k = 0; k < 2; k++) {
        for (int odd = 0; odd < 2; odd++) {
          c.loadL(v + k);
          if (odd == 1) {
            c.pushInt(16);
            mv.visitInsn(LUSHR);
          }
          c.pushLong(keep);
          mv.visitInsn(LAND);
          c.pushLong(multiply);
          mv.visitInsn(LMUL);
          if (shift > 0) {
            c.pushInt(shift);
            mv.visitInsn(LUSHR);
          }
          c.pushLong(EVEN_16);
          mv.visitInsn(LAND);
          if (odd == 1) {
            c.pushInt(16);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
          }
        }
      }
      storeV(c, d);
      for (int k = 7; k >= 1; k--) { // the scalar registers as the last lane using each left them
        boolean later = false;
        for (int j = k + 1; j < 8; j++) {
          later |= temps[j] == temps[k];
        }
        if (!later) {
          extract(c, Opcode.I16X8_EXTRACT_LANE_U, temps[k], d, k);
        }
      }
      if (temps[0] != d && temps[0] != d + 1) {
        boolean later = false;
        for (int j = 1; j < 8; j++) {
          later |= temps[j] == temps[0];
        }
        if (!later) {
          extract(c, Opcode.I16X8_EXTRACT_LANE_U, temps[0], d, 0);
        }
      }
      c.fuse(pc, at);
      return true;
    }

    /** The lane width in bits of a lane op. */
    private static int width(Opcode w) {
      return 128 / SimdForm.laneCount(w);
    }

    /** Lane {@code lane} of v128 register {@code v} into scalar register {@code d}. */
    private static void extract(FunctionCompiler c, Opcode w, int d, int v, int lane) {
      MethodVisitor mv = c.mv();
      int width = width(w);
      int perHalf = 64 / width;
      c.loadL(v + lane / perHalf);
      if (width == 64) {
        c.storeL(d);
        return;
      }
      int shift = lane % perHalf * width;
      if (shift != 0) {
        c.pushInt(shift);
        mv.visitInsn(LUSHR);
      }
      mv.visitInsn(L2I);
      if (width < 32) {
        if (w == Opcode.I8X16_EXTRACT_LANE_S) {
          mv.visitInsn(I2B);
        } else if (w == Opcode.I16X8_EXTRACT_LANE_S) {
          mv.visitInsn(I2S);
        } else {
          c.pushInt(width == 8 ? 0xFF : 0xFFFF);
          mv.visitInsn(IAND);
        }
      }
      c.storeI(d);
    }

    /** v128 register {@code d} = register {@code v} with lane {@code lane} set to scalar register {@code x}. */
    private static void replace(FunctionCompiler c, Opcode w, int d, int v, int x, int lane) {
      MethodVisitor mv = c.mv();
      int width = width(w);
      int perHalf = 64 / width;
      int half = lane / perHalf;
      if (half == 1) {
        c.loadL(v);
      }
      if (width == 64) {
        c.loadL(x);
      } else {
        int shift = lane % perHalf * width;
        long mask = width == 32 ? LOW_32 : (1L << width) - 1;
        c.loadL(v + half);
        c.pushLong(~(mask << shift));
        mv.visitInsn(LAND);
        c.loadI(x);
        mv.visitInsn(I2L);
        if (shift + width < 64) { // the top lane's bits above it are shifted out
          c.pushLong(mask);
          mv.visitInsn(LAND);
        }
        if (shift != 0) {
          c.pushInt(shift);
          mv.visitInsn(LSHL);
        }
        mv.visitInsn(LOR);
      }
      if (half == 0) {
        c.loadL(v + 1);
      }
      storeV(c, d);
    }

    /** v128 register {@code d} = scalar register {@code x} in every lane. */
    private static void splat(FunctionCompiler c, Opcode w, int d, int x, boolean lowWordOnly) {
      MethodVisitor mv = c.mv();
      int width = width(w);
      if (width == 32 && lowWordOnly) { // lane 0 alone is read (and no i32 lane op reads it)
        c.loadI(x);
        mv.visitInsn(I2L);
        c.pushLong(0);
        storeV(c, d);
        return;
      }
      if (width == 32 && c.hasIntLanes(d) && c.hasIntLanes(d + 1)) {
        withIntLanes(c, d, (k, lane) -> c.loadI(x), () -> {
          pushSplat32(c, x);
          mv.visitInsn(DUP2);
        });
        return;
      }
      if (width == 64) {
        c.loadL(x);
      } else if (width == 32) {
        pushSplat32(c, x);
      } else {
        c.loadI(x);
        mv.visitInsn(I2L);
        c.pushLong(width == 8 ? 0xFF : 0xFFFF);
        mv.visitInsn(LAND);
        c.pushLong(width == 8 ? 0x0101010101010101L : 0x0001000100010001L);
        mv.visitInsn(LMUL);
      }
      mv.visitInsn(DUP2);
      storeV(c, d);
    }

    /** Pushes the long whose two 32-bit halves are i32 register {@code x}. */
    private static void pushSplat32(FunctionCompiler c, int x) {
      c.loadI(x);
      packSplat32(c);
    }

    /** The int on the stack → the long whose two 32-bit halves are that int. */
    static void packSplat32(FunctionCompiler c) {
      MethodVisitor mv = c.mv();
      mv.visitInsn(I2L);
      c.pushLong(LOW_32);
      mv.visitInsn(LAND);
      mv.visitInsn(DUP2);
      c.pushInt(32);
      mv.visitInsn(LSHL);
      mv.visitInsn(LOR);
    }

    /** The lane-wise arithmetic with an inline form. */
    static final java.util.Set<Opcode> BINARY = java.util.EnumSet.of(
        Opcode.I8X16_ADD, Opcode.I8X16_SUB, Opcode.I16X8_ADD, Opcode.I16X8_SUB, Opcode.I32X4_ADD,
        Opcode.I32X4_SUB, Opcode.F32X4_ADD, Opcode.F32X4_SUB, Opcode.F32X4_MUL, Opcode.F32X4_DIV,
        Opcode.F64X2_ADD, Opcode.F64X2_SUB, Opcode.F64X2_MUL, Opcode.F64X2_DIV,
        Opcode.I32X4_MIN_S, Opcode.I32X4_MAX_S, Opcode.I32X4_MIN_U, Opcode.I32X4_MAX_U);

    /** The lane-wise adds that are one {@code ladd} per half when no lane can carry ({@link LaneRanges}). */
    private static final java.util.Set<Opcode> LANE_ADDS = java.util.EnumSet.of(
        Opcode.I8X16_ADD, Opcode.I16X8_ADD, Opcode.I32X4_ADD);

    /** The shifts with an inline form. */
    static final java.util.Set<Opcode> SHIFTS = java.util.EnumSet.of(
        Opcode.I32X4_SHL, Opcode.I32X4_SHR_S, Opcode.I32X4_SHR_U);

    /**
     * {@code i8x16.lt_u} of a value and a constant whose bytes are all at most {@code 0x80} (a
     * range test, {@code x - lo < hi - lo}, as clang writes it): per half, with {@code K} the bytes
     * {@code 0x80 - C} (no borrow), {@code t = (a & 0x7F..) + K} sets a byte's top bit exactly
     * where its low seven bits reach {@code C} (no carry out of a byte); a byte is below {@code C}
     * where neither it nor {@code t} has its top bit set; that bit is spread to the whole byte
     * ({@link #belowBits}). Seven ALU ops per half instead of {@code SimdSemantics}' general
     * compare. False (nothing emitted) if the second operand is not such a constant.
     */
    private static boolean belowConstant(FunctionCompiler c, int pc) {
      long[] k = belowBound(c, pc);
      if (k == null) {
        return false;
      }
      MethodVisitor mv = c.mv();
      int a = c.code()[pc + 2];
      boolean narrow = lowWordOnly(c, pc); // the same formula on the low 32 bits: an int, 32-bit constants
      for (int h = 0; h < (narrow ? 1 : 2); h++) {
        pushWord(c, a + h, narrow);
        mv.visitInsn(narrow ? DUP : DUP2);
        push(c, narrow, 0x7F7F7F7F7F7F7F7FL);
        mv.visitInsn(narrow ? IAND : LAND);
        push(c, narrow, 0x8080808080808080L - k[h]);
        mv.visitInsn(narrow ? IADD : LADD);
        mv.visitInsn(narrow ? IOR : LOR);
        push(c, narrow, -1);
        mv.visitInsn(narrow ? IXOR : LXOR); // the top bit of each byte below C
        belowBits(c, pc, narrow);
      }
      storeV(c, c.code()[pc + 1]);
      return true;
    }

    /**
     * {@code i8x16.add} (or {@code sub}) of a value and a constant, then {@code i8x16.lt_u} of the
     * sum and a constant as {@link #belowConstant} takes (made by {@code v128.const}s between
     * them, emitted first), the sum read by nothing else: clang's range test {@code x - lo < hi -
     * lo} as one formula. Per half, with {@code K} the bytes added,
     * {@code a = (x & 0x7F..) + (K & 0x7F..)} has the sum's low seven bits (no carry out of a
     * byte) and the sum's top bit is that of {@code x ^ a ^ K}; {@code t = (a & 0x7F..) +
     * (0x80.. - C)} as in {@link #belowConstant}. The lt_u emits nothing ({@link
     * FunctionCompiler#fuse}), nor do the constants; the sum is not written. Seven or eight ALU ops per half instead of
     * twelve. False (nothing emitted) if the pair does not qualify.
     */
    private static boolean rangeTest(FunctionCompiler c, Opcode w, int pc) {
      int[] code = c.code();
      int sum = code[pc + 1];
      int operand = c.laneRanges().constant(pc, 1) != null ? 1 : w == Opcode.I8X16_ADD ? 0 : -1;
      int x = operand < 0 ? -1 : code[pc + 2 + (1 - operand)];
      int lt = pc + Op.size(code, pc);
      int consts = 0; // the v128.const instructions between the two (clang's bound), emitted first
      for (; lt < code.length && Op.of(code[lt]) == Op.V128_CONST_VLL && consts < 2 && c.fusible(lt)
          && Math.abs(code[lt + 1] - x) >= 2 && Math.abs(code[lt + 1] - sum) >= 2; lt += Op.size(code, lt)) {
        consts++;
      }
      if (x < 0 || lt >= code.length || Op.of(code[lt]) != Op.I8X16_LT_U_VVV || !c.fusible(lt)
          || code[lt + 2] != sum || Math.abs(code[lt + 3] - sum) < 2
          || !(code[lt + 1] == sum || Inline.deadAfter(c, code, lt + Op.size(code, lt), sum))) {
        return false;
      }
      for (int r = sum; r <= sum + 1 && code[lt + 1] != sum; r++) { // a sum left unwritten: no lanes to keep
        if (c.hasLaneLocals(r) || c.hasIntLaneLocals(r) || c.isVector(r)) {
          return false;
        }
      }
      long[] bound = belowBound(c, lt);
      long[] k = c.laneRanges().constant(pc, operand);
      if (bound == null || k == null) {
        return false;
      }
      if (w == Opcode.I8X16_SUB) { // x - K is x + (-K) byte by byte
        for (int h = 0; h < 2; h++) {
          k[h] = SimdSemantics.i8x16Neg(k[h]);
        }
      }
      for (int at = pc + Op.size(code, pc); at < lt; at += Op.size(code, at)) {
        constant(c, at);
      }
      MethodVisitor mv = c.mv();
      boolean narrow = lowWordOnly(c, lt);
      for (int h = 0; h < (narrow ? 1 : 2); h++) {
        long top = k[h] & 0x8080808080808080L;
        pushWord(c, x + h, narrow);
        mv.visitInsn(narrow ? DUP : DUP2); // x x
        push(c, narrow, 0x7F7F7F7F7F7F7F7FL);
        mv.visitInsn(narrow ? IAND : LAND);
        push(c, narrow, k[h] & 0x7F7F7F7F7F7F7F7FL);
        mv.visitInsn(narrow ? IADD : LADD); // x a
        mv.visitInsn(narrow ? DUP_X1 : DUP2_X2); // a x a
        mv.visitInsn(narrow ? IXOR : LXOR); // a y: the sum's top bits are y's ^ K's
        if (narrow) {
          mv.visitInsn(SWAP);
        } else {
          mv.visitInsn(DUP2_X2);
          mv.visitInsn(POP2);
        } // y a
        push(c, narrow, 0x7F7F7F7F7F7F7F7FL);
        mv.visitInsn(narrow ? IAND : LAND);
        push(c, narrow, 0x8080808080808080L - bound[h]);
        mv.visitInsn(narrow ? IADD : LADD); // y t
        if (top == (narrow ? 0x80808080L : 0x8080808080808080L)) { // the sum's top bits are ~y's: y & ~t
          push(c, narrow, -1);
          mv.visitInsn(narrow ? IXOR : LXOR);
          mv.visitInsn(narrow ? IAND : LAND);
        } else { // ~((y ^ K) | t)
          if (top != 0) {
            mv.visitInsn(narrow ? SWAP : DUP2_X2);
            if (!narrow) {
              mv.visitInsn(POP2);
            }
            push(c, narrow, top);
            mv.visitInsn(narrow ? IXOR : LXOR);
          }
          mv.visitInsn(narrow ? IOR : LOR);
          push(c, narrow, -1);
          mv.visitInsn(narrow ? IXOR : LXOR);
        }
        belowBits(c, lt, narrow);
      }
      storeV(c, code[lt + 1]);
      c.fuse(pc, lt + Op.size(code, lt));
      return true;
    }

    /** The constant second operand of the {@code i8x16.lt_u} at {@code pc} if its bytes are at most {@code 0x80}, else null. */
    private static long[] belowBound(FunctionCompiler c, int pc) {
      long[] k = c.laneRanges().constant(pc, 1);
      if (k == null) {
        return null;
      }
      for (long half : k) {
        for (int b = 0; b < 64; b += 8) {
          if ((half >>> b & 0xFF) > 0x80) {
            return null;
          }
        }
      }
      return k;
    }

    /**
     * Turns the word on the stack, whose bytes' top bits say which bytes of the {@code i8x16.lt_u}
     * at {@code pc} are below its bound, into the compare's result: each top bit spread to its
     * whole byte; or, where the readers keep one bit of each byte ({@link LaneRanges#demandedBits}:
     * a shuffle and a mask, as HISTOGRAM's counts), only moved to that bit, the others left 0.
     * Then a narrow word (an {@code int}: the low 32 bits) becomes a whole v128's two halves.
     */
    private static void belowBits(FunctionCompiler c, int pc, boolean narrow) {
      MethodVisitor mv = c.mv();
      int read = c.laneRanges().demandedBits(c, pc);
      push(c, narrow, 0x8080808080808080L);
      mv.visitInsn(narrow ? IAND : LAND);
      if (Integer.bitCount(read) <= 1) { // the one bit read (or none)
        c.pushInt(7 - (Integer.numberOfTrailingZeros(read | 0x100) & 7));
        mv.visitInsn(narrow ? IUSHR : LUSHR);
      } else {
        c.pushInt(7);
        mv.visitInsn(narrow ? IUSHR : LUSHR);
        push(c, narrow, 0xFF);
        mv.visitInsn(narrow ? IMUL : LMUL);
      }
      if (narrow) {
        mv.visitInsn(I2L);
        c.pushLong(0);
      }
    }

    /** Pushes half register {@code r}: its low 32 bits as an {@code int} if {@code narrow}, else the {@code long}. */
    private static void pushWord(FunctionCompiler c, int r, boolean narrow) {
      c.loadL(r);
      if (narrow) {
        c.mv().visitInsn(L2I);
      }
    }

    /** Pushes {@code v} as an {@code int} (its low 32 bits) if {@code narrow}, else as a {@code long}. */
    private static void push(FunctionCompiler c, boolean narrow, long v) {
      if (narrow) {
        c.pushInt((int) v);
      } else {
        c.pushLong(v);
      }
    }

    /** The lane-wise arithmetic with an inline form; false for the others. */
    private static boolean binary(FunctionCompiler c, Opcode w, int d, int a, int b) {
      if (!BINARY.contains(w)) {
        return false;
      }
      for (int k = 0; k < 2; k++) {
        switch (w) {
          case I8X16_ADD: swarAdd(c, a + k, b + k, 0x8080808080808080L); break;
          case I16X8_ADD: swarAdd(c, a + k, b + k, 0x8000800080008000L); break;
          case I8X16_SUB: swarSub(c, a + k, b + k, 0x8080808080808080L); break;
          case I16X8_SUB: swarSub(c, a + k, b + k, 0x8000800080008000L); break;
          case I32X4_ADD: i32x2(c, a + k, b + k, LADD); break;
          case I32X4_SUB: i32x2(c, a + k, b + k, LSUB); break;
          case F32X4_ADD: f32x2(c, a + k, b + k, FADD); break;
          case F32X4_SUB: f32x2(c, a + k, b + k, FSUB); break;
          case F32X4_MUL: f32x2(c, a + k, b + k, FMUL); break;
          case F32X4_DIV: f32x2(c, a + k, b + k, FDIV); break;
          case F64X2_ADD: f64(c, a + k, b + k, DADD); break;
          case F64X2_SUB: f64(c, a + k, b + k, DSUB); break;
          case F64X2_MUL: f64(c, a + k, b + k, DMUL); break;
          case F64X2_DIV: f64(c, a + k, b + k, DDIV); break;
          default: i32Lanes(c, a + k, b + k, -1, w); break; // min/max
        }
      }
      storeV(c, d);
      return true;
    }

    /**
     * True if nothing reads bytes 4 to 15 of the value the op at {@code pc} writes
     * ({@link LaneRanges#demanded}): then a byte-wise op computes its low 32 bits alone, as an
     * {@code int} (32-bit constants, no second half), and leaves the rest as anything.
     */
    private static boolean lowWordOnly(FunctionCompiler c, int pc) {
      return (c.laneRanges().demanded(c, pc) & ~0xF) == 0;
    }

    /**
     * Pushes the low 32 bits of {@code i8x16.add} ({@code sub}) of registers {@code a} and
     * {@code b}: {@link #swarAdd} ({@link #swarSub}) on an {@code int}, widened to a long.
     */
    private static void lowWordSwar(FunctionCompiler c, boolean add, int a, int b) {
      MethodVisitor mv = c.mv();
      c.loadL(a);
      mv.visitInsn(L2I);
      c.pushInt(add ? 0x7F7F7F7F : 0x80808080);
      mv.visitInsn(add ? IAND : IOR);
      c.loadL(b);
      mv.visitInsn(L2I);
      c.pushInt(0x7F7F7F7F);
      mv.visitInsn(IAND);
      mv.visitInsn(add ? IADD : ISUB);
      c.loadL(a);
      mv.visitInsn(L2I);
      c.loadL(b);
      mv.visitInsn(L2I);
      mv.visitInsn(IXOR);
      if (!add) {
        c.pushInt(-1);
        mv.visitInsn(IXOR);
      }
      c.pushInt(0x80808080);
      mv.visitInsn(IAND);
      mv.visitInsn(IXOR);
      mv.visitInsn(I2L);
    }

    /** {@code ((a & ~high) + (b & ~high)) ^ ((a ^ b) & high)}: no carry crosses a lane. */
    private static void swarAdd(FunctionCompiler c, int a, int b, long high) {
      MethodVisitor mv = c.mv();
      c.loadL(a);
      c.pushLong(~high);
      mv.visitInsn(LAND);
      c.loadL(b);
      c.pushLong(~high);
      mv.visitInsn(LAND);
      mv.visitInsn(LADD);
      c.loadL(a);
      c.loadL(b);
      mv.visitInsn(LXOR);
      c.pushLong(high);
      mv.visitInsn(LAND);
      mv.visitInsn(LXOR);
    }

    /** {@code ((a | high) - (b & ~high)) ^ (~(a ^ b) & high)}: no borrow crosses a lane. */
    private static void swarSub(FunctionCompiler c, int a, int b, long high) {
      MethodVisitor mv = c.mv();
      c.loadL(a);
      c.pushLong(high);
      mv.visitInsn(LOR);
      c.loadL(b);
      c.pushLong(~high);
      mv.visitInsn(LAND);
      mv.visitInsn(LSUB);
      c.loadL(a);
      c.loadL(b);
      mv.visitInsn(LXOR);
      c.pushLong(high);
      mv.visitInsn(LAND);
      c.pushLong(high);
      mv.visitInsn(LXOR);
      mv.visitInsn(LXOR);
    }

    /**
     * i32x4 add or sub on one half: the 64-bit {@code s = a op b}, less the carry (plus the
     * borrow) that crossed from the low lane into the high one, which is bit 32 of
     * {@code a ^ b ^ s}.
     */
    private static void i32x2(FunctionCompiler c, int a, int b, int op) {
      MethodVisitor mv = c.mv();
      c.loadL(a);
      c.loadL(b);
      mv.visitInsn(op);
      mv.visitInsn(DUP2);
      c.loadL(a);
      mv.visitInsn(LXOR);
      c.loadL(b);
      mv.visitInsn(LXOR);
      c.pushLong(1L << 32);
      mv.visitInsn(LAND);
      mv.visitInsn(op == LADD ? LSUB : LADD);
    }

    /**
     * i32x4 min/max (of halves {@code a}, {@code b}) or shift (of half {@code a} by i32 register
     * {@code n}) on one half, lane by lane: {@code Math.min}/{@code max} (intrinsics; the unsigned
     * ones on lanes with the sign bit flipped), JVM shifts (which take the count mod 32, as Wasm).
     */
    private static void i32Lanes(FunctionCompiler c, int a, int b, int n, Opcode w) {
      MethodVisitor mv = c.mv();
      boolean unsigned = w == Opcode.I32X4_MIN_U || w == Opcode.I32X4_MAX_U;
      for (int lane = 0; lane < 2; lane++) {
        for (int r : b < 0 ? new int[] {a} : new int[] {a, b}) {
          c.loadL(r);
          if (lane == 1) {
            c.pushInt(32);
            mv.visitInsn(LUSHR);
          }
          mv.visitInsn(L2I);
          if (unsigned) {
            c.pushInt(Integer.MIN_VALUE);
            mv.visitInsn(IXOR);
          }
        }
        switch (w) {
          case I32X4_SHL: c.loadI(n); mv.visitInsn(ISHL); break;
          case I32X4_SHR_S: c.loadI(n); mv.visitInsn(ISHR); break;
          case I32X4_SHR_U: c.loadI(n); mv.visitInsn(IUSHR); break;
          case I32X4_MIN_S: case I32X4_MIN_U:
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
            break;
          default:
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "max", "(II)I", false);
        }
        if (unsigned) {
          c.pushInt(Integer.MIN_VALUE);
          mv.visitInsn(IXOR);
        }
        packInt(c, lane);
      }
    }

    /**
     * Pushes the float in the low ({@code high} false) or high 32 bits of register {@code r}: its
     * lane local if it has one.
     */
    private static void f32Lane(FunctionCompiler c, int r, boolean high) {
      MethodVisitor mv = c.mv();
      if (!c.isConstant(r) && c.hasLanes(r)) {
        c.loadLane(r, high ? 1 : 0);
        return;
      }
      c.loadL(r);
      if (high) {
        c.pushInt(32);
        mv.visitInsn(LUSHR);
      }
      mv.visitInsn(L2I);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    }

    /** f32x4 arithmetic on one half, each lane's NaN made canonical by {@code floatToIntBits}. */
    private static void f32x2(FunctionCompiler c, int a, int b, int op) {
      MethodVisitor mv = c.mv();
      for (int lane = 0; lane < 2; lane++) {
        f32Lane(c, a, lane == 1);
        f32Lane(c, b, lane == 1);
        mv.visitInsn(op);
        packF32(c, lane);
      }
    }

    /**
     * f32x4 arithmetic on one half with no call and no branch, for a result whose lanes nothing
     * reads ({@link FunctionCompiler#bitsDirect}): each lane's raw bits ({@code floatToRawIntBits},
     * an intrinsic in C1 as in C2, where {@code floatToIntBits} is a method C1 inlines with its
     * branches), then each NaN lane replaced by the canonical NaN as {@code Rt.f32x2Bits} does,
     * with a SWAR mask: {@code x ^ ((x ^ NaN) & nan)}.
     */
    private static void f32x2Raw(FunctionCompiler c, int a, int b, int op) {
      MethodVisitor mv = c.mv();
      for (int lane = 0; lane < 2; lane++) {
        f32Lane(c, a, lane == 1);
        f32Lane(c, b, lane == 1);
        mv.visitInsn(op);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
        packInt(c, lane);
      }
      mv.visitInsn(DUP2); // x x
      c.pushLong(0x7FFFFFFF7FFFFFFFL);
      mv.visitInsn(LAND);
      c.pushLong(0x007FFFFF007FFFFFL); // carries into a lane's bit 31 exactly if it is a NaN
      mv.visitInsn(LADD);
      c.pushLong(0x8000000080000000L);
      mv.visitInsn(LAND);
      c.pushInt(31);
      mv.visitInsn(LUSHR);
      c.pushLong(LOW_32);
      mv.visitInsn(LMUL); // x nan: all ones in each NaN lane
      mv.visitInsn(DUP2_X2);
      mv.visitInsn(POP2); // nan x
      mv.visitInsn(DUP2_X2); // x nan x
      c.pushLong(0x7FC000007FC00000L);
      mv.visitInsn(LXOR);
      mv.visitInsn(LAND);
      mv.visitInsn(LXOR);
    }

    /** f64x2 arithmetic on one half, a NaN made canonical by {@code doubleToLongBits}. */
    private static void f64(FunctionCompiler c, int a, int b, int op) {
      MethodVisitor mv = c.mv();
      c.loadL(a);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
      c.loadL(b);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
      mv.visitInsn(op);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToLongBits", "(D)J", false);
    }
  }

  /**
   * The inline {@code VarHandle} accesses SIMD op {@code op} makes ({@link #memory}): two for a
   * whole v128, one for a narrower access of 16 bits or more, none for a byte or a non-memory op.
   */
  static int varHandleAccesses(Op op) {
    SimdForm form = op.simd();
    switch (form) {
      case LOAD:
      case STORE:
        return 2;
      case LOAD_EXTEND:
      case LOAD_SPLAT:
      case LOAD_ZERO:
      case LOAD_LANE:
      case STORE_LANE:
        return SimdForm.accessBits(op.wasm()) == 8 ? 0 : 1;
      default:
        return 0;
    }
  }

  /**
   * A rough upper estimate of the bytecode of SIMD op {@code op} (for {@link Chunks}): most inline
   * forms are a few instructions per half; f32x4 arithmetic, shuffles and memory accesses more.
   */
  static int estimate(FunctionCompiler c, int pc) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    Opcode w = op.wasm();
    boolean lanes = Registers.readsLaneValues(op) && c.hasLaneLocals(code[pc + 1])
        && c.hasLaneLocals(code[pc + 1] + 1) && !c.bitsDirect(pc); // lane by lane in the lane locals
    if (op.shape().startsWith("V") && c.hasIntLaneLocals(code[pc + 1])) { // int lanes written too
      return plainEstimate(c, pc, false) + (op.simd() == SimdForm.SHUFFLE ? 72 : 24);
    }
    return plainEstimate(c, pc, lanes);
  }

  /** {@link #estimate} without int lane locals. */
  private static int plainEstimate(FunctionCompiler c, int pc, boolean lanes) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    Opcode w = op.wasm();
    switch (op.simd()) {
      case BINARY:
        if (op == Op.F32X4_MUL_VVV && Inline.mulAddTarget(null, code, pc) == -2) {
          return lanes ? 4 : 36; // with the add's, the multiply-add (if it is emitted as one)
        }
        if (lanes) {
          return 52;
        }
        return w.text().startsWith("f32x4") && Inline.BINARY.contains(w) ? 104 : 76;
      case SHIFT:
        return 64;
      case NARROW:
        return w == Opcode.I8X16_NARROW_I16X8_U || w == Opcode.I16X8_NARROW_I32X4_U ? 290 : 28;
      case SHUFFLE:
        return 90;
      case LOAD:
        if (w == Opcode.V128_LOAD && Inline.loadMulAddTarget(null, code, pc) == -2) {
          return 40; // with the mul's and the add's, the three as one (if they are emitted so)
        }
        return c.hasLaneLocals(code[pc + 1]) ? 96 : 48; // maybe the lanes unpacked too
      case STORE:
        return 48;
      case EXTRACT:
        return 12;
      default:
        return op.wasm().immediates() == Opcode.Imm.MEMARG ? 36 : 28;
    }
  }

  /**
   * Pushes one half of {@code i8x16.shuffle} of v128 registers {@code a} and {@code b}: the lanes
   * are constants, so the half is an OR of source halves shifted into place and masked, one term
   * per (source half, shift) that the eight lane indices use (an identity or an interleave needs
   * one to four), instead of a call that loops over the lanes. Only the bytes set in
   * {@code demanded} (bit k for byte k of the half) are computed; the others are 0
   * ({@link LaneRanges#demanded}: nothing reads them).
   */
  private static void shuffleHalf(FunctionCompiler c, int a, int b, long lanes, int demanded,
      int zero) {
    MethodVisitor mv = c.mv();
    // term key: source half (0..3: a.lo, a.hi, b.lo, b.hi) * 16 + (shift in bytes + 7)
    java.util.TreeMap<Integer, Long> masks = new java.util.TreeMap<>();
    int[] from = new int[8]; // the source byte of each result byte computed, or -1
    for (int k = 0; k < 8; k++) {
      int i = (int) (lanes >>> (8 * k)) & 31;
      from[k] = (demanded >>> k & 1) == 0 || (zero >>> i & 1) != 0 ? -1 : i;
      if (from[k] < 0) {
        continue; // nothing reads the byte, or it is 0
      }
      int source = i >>> 3;
      int shift = k - (i & 7); // bytes to the left
      masks.merge(source * 16 + shift + 7, 0xFFL << (8 * k), (x, y) -> x | y);
    }
    if (masks.isEmpty()) {
      c.pushLong(0);
      return;
    }
    if (masks.size() > 2 && spread(c, a, b, from, 3 * masks.size() - 2)) {
      return;
    }
    boolean first = true;
    for (java.util.Map.Entry<Integer, Long> term : masks.entrySet()) {
      int source = term.getKey() / 16;
      int shift = term.getKey() % 16 - 7;
      c.loadL(source < 2 ? a + source : b + source - 2);
      if (shift != 0) {
        c.pushInt(Math.abs(shift) * 8);
        mv.visitInsn(shift > 0 ? LSHL : LUSHR);
      }
      if (term.getValue() != -1L) {
        c.pushLong(term.getValue());
        mv.visitInsn(LAND);
      }
      if (!first) {
        mv.visitInsn(LOR);
      }
      first = false;
    }
  }
  /**
   * Pushes a shuffle's half whose bytes {@code from} (source byte index in 0..31, or -1 for a 0)
   * are consecutive bytes of one source half spread out in order (a zero extension: bytes to
   * 16-bit lanes, say) by log steps: the run shifted down to byte 0, then for 4, 2 and 1 bytes
   * {@code x = (x | x << 8s) & m}, moving the bytes that still need it, if each step leaves every
   * byte alone in its new place (checked here by following the bytes) and it takes fewer than
   * {@code budget} instructions; false (nothing emitted) otherwise.
   */
  private static boolean spread(FunctionCompiler c, int a, int b, int[] from, int budget) {
    int n = 0;
    int first = -1;
    int[] at = new int[8]; // each element's place: element e is source byte first + e
    int[] to = new int[8];
    for (int k = 0; k < 8; k++) {
      if (from[k] < 0) {
        continue;
      }
      if (first < 0) {
        first = from[k];
      } else if (from[k] != first + n || from[k] >>> 3 != first >>> 3) {
        return false; // not the next byte of the same half
      }
      at[n] = n;
      to[n++] = k;
    }
    int j0 = first & 7;
    int cost = (j0 > 0 ? 1 : 0) + (j0 + n < 8 ? 1 : 0);
    long[] steps = new long[3];
    for (int step = 0, s = 4; s >= 1; s /= 2, step++) {
      long mask = 0;
      int[] next = at.clone();
      for (int e = 0; e < n; e++) {
        if (((to[e] - at[e]) & s) != 0) {
          next[e] += s;
        }
      }
      boolean moves = false;
      for (int e = 0; e < n; e++) {
        moves |= next[e] != at[e];
        for (int f = 0; f < n; f++) { // in x | x << s, byte next[e] must hold e only
          if (f != e && (at[f] == next[e] || at[f] + s == next[e])) {
            return false;
          }
        }
        mask |= 0xFFL << (8 * next[e]);
      }
      if (moves) {
        steps[step] = mask;
        cost += 3;
      }
      at = next;
    }
    if (cost >= budget) {
      return false;
    }
    MethodVisitor mv = c.mv();
    int source = first >>> 3;
    c.loadL(source < 2 ? a + source : b + source - 2);
    if (j0 > 0) {
      c.pushInt(8 * j0);
      mv.visitInsn(LUSHR);
    }
    if (j0 + n < 8) {
      c.pushLong(-1L >>> (64 - 8 * n));
      mv.visitInsn(LAND);
    }
    for (int step = 0, s = 4; s >= 1; s /= 2, step++) {
      if (steps[step] != 0) {
        mv.visitInsn(DUP2);
        c.pushInt(8 * s);
        mv.visitInsn(LSHL);
        mv.visitInsn(LOR);
        c.pushLong(steps[step]);
        mv.visitInsn(LAND);
      }
    }
    return true;
  }


  private static void loadV(FunctionCompiler c, int v) {
    c.loadL(v);
    c.loadL(v + 1);
  }

  /** Pushes {@code bits} bits loaded at the checked index plus {@code delta} (8 bits as an int). */
  private static void load(FunctionCompiler c, Op op, int pc, int bits, int delta) {
    MethodVisitor mv = c.mv();
    if (bits != 8) {
      mv.visitFieldInsn(GETSTATIC, RT, bits == 16 ? "SHORT" : bits == 32 ? "INT" : "LONG",
          "L" + VAR_HANDLE + ";");
    }
    c.loadMemoryArray(op, pc);
    c.loadIndex();
    if (delta != 0) {
      c.pushInt(delta);
      mv.visitInsn(IADD);
    }
    if (bits == 8) {
      mv.visitInsn(BALOAD);
    } else {
      String jvm = bits == 16 ? "S" : bits == 32 ? "I" : "J";
      mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "get", "([BI)" + jvm, false);
    }
  }

  /** Loads and stores; the base register is the first source, the offset follows the registers. */
  private static void memory(FunctionCompiler c, Op op, int pc, int half, Runnable invoke) {
    int[] code = c.code();
    MethodVisitor mv = c.mv();
    Opcode w = op.wasm();
    SimdForm form = op.simd();
    boolean load = op.hasResult();
    int d = code[pc + 1];
    int base = code[pc + (load ? 2 : 1)];
    int vector = code[pc + (load ? 3 : 2)]; // the v128 operand of lane ops and stores
    int offset = code[pc + (form == SimdForm.LOAD_LANE ? 4 : 3)];
    int lane = form == SimdForm.LOAD_LANE ? code[pc + 5] : form == SimdForm.STORE_LANE ? code[pc + 4] : 0;
    int bits = SimdForm.accessBits(w);
    if (!c.address(base, offset)) { // checks the lower bound; the VarHandle the upper one
      return;
    }
    switch (form) {
      case LOAD: // two inline VarHandle gets: C2 inlines them whatever its inlining budget
        load(c, op, pc, 64, 0);
        load(c, op, pc, 64, 8);
        storeV(c, d);
        return;
      case STORE: // the high half first: if it is in bounds, so is the low one (nothing half-written)
        if (offset == 0) { // else the index is at least the offset; -8 + 8 must not store at 0
          c.requireNonNegativeIndex();
        }
        for (int k = 1; k >= 0; k--) {
          mv.visitFieldInsn(GETSTATIC, RT, "LONG", "L" + VAR_HANDLE + ";");
          c.loadMemoryArray(op, pc);
          c.loadIndex();
          if (k == 1) {
            c.pushInt(8);
            mv.visitInsn(IADD);
          }
          c.loadL(vector + k);
          mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set", "([BIJ)V", false);
        }
        return;
      case LOAD_EXTEND:
        load(c, op, pc, 64, 0);
        c.storeL(d); // the base register may be d: it has been read
        for (int k = 0; k < 2; k++) {
          c.loadL(d);
          c.pushInt(k);
          invoke.run();
        }
        storeV(c, d);
        return;
      case LOAD_SPLAT: // inline: a call in a loop would send every float register to the stack
        load(c, op, pc, bits, 0);
        if (bits == 32 && c.storeSplat32(d)) {
          return;
        }
        if (bits == 32) {
          Inline.packSplat32(c);
        } else if (bits != 64) {
          mv.visitInsn(I2L);
          c.pushLong(bits == 8 ? 0xFF : 0xFFFF);
          mv.visitInsn(LAND);
          c.pushLong(bits == 8 ? 0x0101010101010101L : 0x0001000100010001L);
          mv.visitInsn(LMUL);
        }
        mv.visitInsn(DUP2);
        storeV(c, d);
        return;
      case LOAD_ZERO:
        load(c, op, pc, bits, 0);
        if (bits == 32) {
          mv.visitInsn(I2L);
          c.pushLong(0xFFFFFFFFL);
          mv.visitInsn(LAND);
        }
        c.pushLong(0);
        storeV(c, d);
        return;
      case LOAD_LANE:
        if (lane >= half) {
          c.loadL(vector);
        }
        c.loadL(vector + (lane < half ? 0 : 1));
        load(c, op, pc, bits, 0);
        c.pushInt(lane % half);
        invoke.run();
        if (lane < half) {
          c.loadL(vector + 1);
        }
        storeV(c, d);
        return;
      default: { // STORE_LANE
        if (bits != 8) {
          mv.visitFieldInsn(GETSTATIC, RT, bits == 16 ? "SHORT" : bits == 32 ? "INT" : "LONG",
              "L" + VAR_HANDLE + ";");
        }
        c.loadMemoryArray(op, pc);
        c.loadIndex();
        c.loadL(vector + (lane < half ? 0 : 1));
        c.pushInt(lane % half);
        invoke.run();
        if (bits == 8) {
          mv.visitInsn(BASTORE);
        } else if (bits == 16) {
          mv.visitInsn(I2S);
          mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set", "([BIS)V", false);
        } else {
          mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set",
              "([BI" + (bits == 32 ? "I" : "J") + ")V", false);
        }
      }
    }
  }
}
