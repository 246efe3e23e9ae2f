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
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * The bytecode of the SIMD ops, registered into {@link Emitters}' table. A v128 register is two
 * {@code long} locals (low, high half). Each op pushes its result's low half, then its high half,
 * then stores the high, then the low register, so a result may overlap its operands. The halves
 * are computed as the op's {@link SimdForm} says, by an {@code INVOKESTATIC} of the
 * {@code SimdSemantics} method named after its Wasm instruction (C2 inlines the small ones), or
 * inline for the bitwise ops and 64-bit lane arithmetic, and shuffles as shifts and masks.
 * {@code v128.load} and {@code v128.store} are small calls ({@code V128Memory}), to keep SIMD-heavy
 * methods small; the other memory ops are inline VarHandle accesses, as for scalar ones.
 */
final class SimdEmitters {
  private SimdEmitters() {}

  static final String SIMD = "org/wasmj/ir/SimdSemantics";
  static final String V128_MEMORY = "org/wasmj/exec/asm/rt/V128Memory";

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
      int[] code = c.code();
      MethodVisitor mv = c.mv();
      Runnable invoke = inline != null
          ? () -> mv.visitInsn(inline)
          : () -> mv.visitMethodInsn(INVOKESTATIC, SIMD, name, desc, false);
      int d = code[pc + 1];
      switch (form) {
        case CONST:
          c.pushLong(c.imm64(pc + 2));
          c.pushLong(c.imm64(pc + 4));
          storeV(c, d);
          return;
        case SHUFFLE:
          shuffleHalf(c, code[pc + 2], code[pc + 3], c.imm64(pc + 4));
          shuffleHalf(c, code[pc + 2], code[pc + 3], c.imm64(pc + 6));
          storeV(c, d);
          return;
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
   * Pushes one half of {@code i8x16.shuffle} of v128 registers {@code a} and {@code b}: the lanes
   * are constants, so the half is an OR of source halves shifted into place and masked, one term
   * per (source half, shift) that the eight lane indices use (an identity or an interleave needs
   * one to four), instead of a call that loops over the lanes.
   */
  private static void shuffleHalf(FunctionCompiler c, int a, int b, long lanes) {
    MethodVisitor mv = c.mv();
    // term key: source half (0..3: a.lo, a.hi, b.lo, b.hi) * 16 + (shift in bytes + 7)
    java.util.TreeMap<Integer, Long> masks = new java.util.TreeMap<>();
    for (int k = 0; k < 8; k++) {
      int i = (int) (lanes >>> (8 * k)) & 31;
      int source = i >>> 3;
      int shift = k - (i & 7); // bytes to the left
      masks.merge(source * 16 + shift + 7, 0xFFL << (8 * k), (x, y) -> x | y);
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
    if (form == SimdForm.LOAD || form == SimdForm.STORE) { // the common ones: small calls
      for (int k = 0; k < (form == SimdForm.LOAD ? 2 : 1); k++) {
        c.loadMemoryArray(op, pc);
        c.loadI(base);
        c.pushInt(offset);
        if (form == SimdForm.STORE) {
          loadV(c, vector);
        }
        mv.visitMethodInsn(INVOKESTATIC, V128_MEMORY, form == SimdForm.STORE ? "store" : k == 0 ? "load" : "loadHigh",
            form == SimdForm.STORE ? "([BIIJJ)V" : "([BII)J", false);
      }
      if (form == SimdForm.LOAD) {
        storeV(c, d);
      }
      return;
    }
    if (!c.address(base, offset)) { // checks the lower bound; the VarHandle the upper one
      return;
    }
    switch (form) {
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
      case LOAD_SPLAT:
        load(c, op, pc, bits, 0);
        invoke.run();
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
