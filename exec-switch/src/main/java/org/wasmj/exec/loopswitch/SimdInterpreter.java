package org.wasmj.exec.loopswitch;

import static org.wasmj.exec.internal.MemoryInstance.address;
import static org.wasmj.exec.internal.MemoryInstance.getInt;
import static org.wasmj.exec.internal.MemoryInstance.getLong;
import static org.wasmj.exec.internal.MemoryInstance.getShort;
import static org.wasmj.exec.internal.MemoryInstance.putInt;
import static org.wasmj.exec.internal.MemoryInstance.putLong;
import static org.wasmj.exec.internal.MemoryInstance.putShort;

import org.wasmj.exec.internal.GlobalInstance;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.ir.OpCodes;
import org.wasmj.ir.SimdSemantics;

/**
 * The interpreter's SIMD ops, outside its dispatch method: {@code Interpreter.cold} hands every op
 * it does not know to {@link #exec}. A v128 register is two slots, low half first; each case
 * computes both halves before it writes either, since a result may overlap an operand. The cases
 * between the GENERATED markers come from the {@code Op} table ({@code SimdDispatchGenerator} in
 * the tests).
 */
final class SimdInterpreter {
  private SimdInterpreter() {}

  /** Runs the SIMD instruction at {@code pc}; returns the next pc. */
  static int exec(int[] code, int pc, long[] s, int fp, InstanceState inst) {
    switch (code[pc]) {
      case OpCodes.V128_COPY_VV:
        return put(s, fp + code[pc + 1], s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1], pc + 3);
      case OpCodes.V128_SELECT_VVVR: {
        int from = (int) s[fp + code[pc + 4]] != 0 ? code[pc + 2] : code[pc + 3];
        return put(s, fp + code[pc + 1], s[fp + from], s[fp + from + 1], pc + 5);
      }
      case OpCodes.V128_GLOBAL_GET_VX: {
        GlobalInstance g = inst.globals[code[pc + 2]];
        return put(s, fp + code[pc + 1], g.value, g.high, pc + 3);
      }
      case OpCodes.V128_GLOBAL_SET_XV: {
        GlobalInstance g = inst.globals[code[pc + 1]];
        g.value = s[fp + code[pc + 2]];
        g.high = s[fp + code[pc + 2] + 1];
        return pc + 3;
      }
      // BEGIN GENERATED SIMD (SimdDispatchGenerator; do not edit)
      case OpCodes.V128_CONST_VLL: {
        return put(s, fp + code[pc + 1], imm64(code, pc + 2), imm64(code, pc + 4), pc + 6);
      }
      case OpCodes.I8X16_SHUFFLE_VVVLL: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Shuffle(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1], s[fp + code[pc + 3]], s[fp + code[pc + 3] + 1], imm64(code, pc + 4)), SimdSemantics.i8x16Shuffle(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1], s[fp + code[pc + 3]], s[fp + code[pc + 3] + 1], imm64(code, pc + 6)), pc + 8);
      }
      case OpCodes.I8X16_SWIZZLE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Swizzle(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1], s[fp + code[pc + 3]]), SimdSemantics.i8x16Swizzle(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_SPLAT_VR: {
        return splat(s, fp + code[pc + 1], SimdSemantics.i8x16Splat((int) s[fp + code[pc + 2]]), pc + 3);
      }
      case OpCodes.I16X8_SPLAT_VR: {
        return splat(s, fp + code[pc + 1], SimdSemantics.i16x8Splat((int) s[fp + code[pc + 2]]), pc + 3);
      }
      case OpCodes.I32X4_SPLAT_VR: {
        return splat(s, fp + code[pc + 1], SimdSemantics.i32x4Splat((int) s[fp + code[pc + 2]]), pc + 3);
      }
      case OpCodes.I64X2_SPLAT_VR: {
        return splat(s, fp + code[pc + 1], SimdSemantics.i64x2Splat(s[fp + code[pc + 2]]), pc + 3);
      }
      case OpCodes.F32X4_SPLAT_VR: {
        return splat(s, fp + code[pc + 1], SimdSemantics.f32x4Splat((int) s[fp + code[pc + 2]]), pc + 3);
      }
      case OpCodes.F64X2_SPLAT_VR: {
        return splat(s, fp + code[pc + 1], SimdSemantics.f64x2Splat(s[fp + code[pc + 2]]), pc + 3);
      }
      case OpCodes.I8X16_EXTRACT_LANE_S_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.i8x16ExtractLaneS(lane < 8 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 7);
        return pc + 4;
      }
      case OpCodes.I8X16_EXTRACT_LANE_U_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.i8x16ExtractLaneU(lane < 8 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 7);
        return pc + 4;
      }
      case OpCodes.I8X16_REPLACE_LANE_VVRI: {
        int lane = code[pc + 4];
        return lane < 8 ? put(s, fp + code[pc + 1], SimdSemantics.i8x16ReplaceLane(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]], lane & 7), s[fp + code[pc + 2] + 1], pc + 5)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 2]], SimdSemantics.i8x16ReplaceLane(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]], lane & 7), pc + 5);
      }
      case OpCodes.I16X8_EXTRACT_LANE_S_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.i16x8ExtractLaneS(lane < 4 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 3);
        return pc + 4;
      }
      case OpCodes.I16X8_EXTRACT_LANE_U_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.i16x8ExtractLaneU(lane < 4 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 3);
        return pc + 4;
      }
      case OpCodes.I16X8_REPLACE_LANE_VVRI: {
        int lane = code[pc + 4];
        return lane < 4 ? put(s, fp + code[pc + 1], SimdSemantics.i16x8ReplaceLane(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]], lane & 3), s[fp + code[pc + 2] + 1], pc + 5)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 2]], SimdSemantics.i16x8ReplaceLane(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]], lane & 3), pc + 5);
      }
      case OpCodes.I32X4_EXTRACT_LANE_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.i32x4ExtractLane(lane < 2 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 1);
        return pc + 4;
      }
      case OpCodes.I32X4_REPLACE_LANE_VVRI: {
        int lane = code[pc + 4];
        return lane < 2 ? put(s, fp + code[pc + 1], SimdSemantics.i32x4ReplaceLane(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]], lane & 1), s[fp + code[pc + 2] + 1], pc + 5)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 2]], SimdSemantics.i32x4ReplaceLane(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]], lane & 1), pc + 5);
      }
      case OpCodes.I64X2_EXTRACT_LANE_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.i64x2ExtractLane(lane < 1 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 0);
        return pc + 4;
      }
      case OpCodes.I64X2_REPLACE_LANE_VVRI: {
        int lane = code[pc + 4];
        return lane < 1 ? put(s, fp + code[pc + 1], SimdSemantics.i64x2ReplaceLane(s[fp + code[pc + 2]], s[fp + code[pc + 3]], lane & 0), s[fp + code[pc + 2] + 1], pc + 5)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 2]], SimdSemantics.i64x2ReplaceLane(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3]], lane & 0), pc + 5);
      }
      case OpCodes.F32X4_EXTRACT_LANE_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.f32x4ExtractLane(lane < 2 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 1);
        return pc + 4;
      }
      case OpCodes.F32X4_REPLACE_LANE_VVRI: {
        int lane = code[pc + 4];
        return lane < 2 ? put(s, fp + code[pc + 1], SimdSemantics.f32x4ReplaceLane(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]], lane & 1), s[fp + code[pc + 2] + 1], pc + 5)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 2]], SimdSemantics.f32x4ReplaceLane(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]], lane & 1), pc + 5);
      }
      case OpCodes.F64X2_EXTRACT_LANE_RVI: {
        int lane = code[pc + 3];
        s[fp + code[pc + 1]] = SimdSemantics.f64x2ExtractLane(lane < 1 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 0);
        return pc + 4;
      }
      case OpCodes.F64X2_REPLACE_LANE_VVRI: {
        int lane = code[pc + 4];
        return lane < 1 ? put(s, fp + code[pc + 1], SimdSemantics.f64x2ReplaceLane(s[fp + code[pc + 2]], s[fp + code[pc + 3]], lane & 0), s[fp + code[pc + 2] + 1], pc + 5)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 2]], SimdSemantics.f64x2ReplaceLane(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3]], lane & 0), pc + 5);
      }
      case OpCodes.I8X16_EQ_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16Eq(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_NE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16Ne(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_LT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16LtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16LtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_LT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16LtU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16LtU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_GT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16GtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16GtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_GT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16GtU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16GtU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_LE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16LeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16LeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_LE_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16LeU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16LeU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_GE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16GeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16GeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_GE_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16GeU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16GeU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_EQ_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8Eq(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_NE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8Ne(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_LT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8LtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8LtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_LT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8LtU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8LtU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_GT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8GtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8GtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_GT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8GtU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8GtU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_LE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8LeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8LeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_LE_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8LeU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8LeU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_GE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8GeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8GeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_GE_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8GeU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8GeU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_EQ_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4Eq(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_NE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4Ne(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_LT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4LtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4LtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_LT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4LtU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4LtU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_GT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4GtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4GtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_GT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4GtU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4GtU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_LE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4LeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4LeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_LE_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4LeU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4LeU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_GE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4GeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4GeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_GE_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4GeU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4GeU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_EQ_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Eq(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_NE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Ne(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_LT_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Lt(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Lt(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_GT_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Gt(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Gt(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_LE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Le(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Le(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_GE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Ge(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Ge(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_EQ_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Eq(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_NE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Ne(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_LT_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Lt(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Lt(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_GT_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Gt(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Gt(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_LE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Le(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Le(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_GE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Ge(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Ge(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.V128_NOT_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.v128Not(s[fp + code[pc + 2]]), SimdSemantics.v128Not(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.V128_AND_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.v128And(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.v128And(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.V128_ANDNOT_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.v128Andnot(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.v128Andnot(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.V128_OR_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.v128Or(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.v128Or(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.V128_XOR_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.v128Xor(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.v128Xor(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.V128_BITSELECT_VVVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.v128Bitselect(s[fp + code[pc + 2]], s[fp + code[pc + 3]], s[fp + code[pc + 4]]), SimdSemantics.v128Bitselect(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], s[fp + code[pc + 4] + 1]), pc + 5);
      }
      case OpCodes.V128_ANY_TRUE_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.v128AnyTrue(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.F32X4_DEMOTE_F64X2_ZERO_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4DemoteF64x2Zero(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), 0, pc + 3);
      }
      case OpCodes.F64X2_PROMOTE_LOW_F32X4_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2PromoteLowF32x4(s[fp + code[pc + 2]], 0), SimdSemantics.f64x2PromoteLowF32x4(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I8X16_ABS_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Abs(s[fp + code[pc + 2]]), SimdSemantics.i8x16Abs(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I8X16_NEG_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Neg(s[fp + code[pc + 2]]), SimdSemantics.i8x16Neg(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I8X16_POPCNT_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Popcnt(s[fp + code[pc + 2]]), SimdSemantics.i8x16Popcnt(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I8X16_ALL_TRUE_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i8x16AllTrue(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I8X16_BITMASK_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i8x16Bitmask(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I8X16_NARROW_I16X8_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16NarrowI16x8S(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), SimdSemantics.i8x16NarrowI16x8S(s[fp + code[pc + 3]], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_NARROW_I16X8_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16NarrowI16x8U(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), SimdSemantics.i8x16NarrowI16x8U(s[fp + code[pc + 3]], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_CEIL_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Ceil(s[fp + code[pc + 2]]), SimdSemantics.f32x4Ceil(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_FLOOR_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Floor(s[fp + code[pc + 2]]), SimdSemantics.f32x4Floor(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_TRUNC_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Trunc(s[fp + code[pc + 2]]), SimdSemantics.f32x4Trunc(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_NEAREST_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Nearest(s[fp + code[pc + 2]]), SimdSemantics.f32x4Nearest(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I8X16_SHL_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Shl(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i8x16Shl(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I8X16_SHR_S_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16ShrS(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i8x16ShrS(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I8X16_SHR_U_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16ShrU(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i8x16ShrU(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I8X16_ADD_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Add(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16Add(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_ADD_SAT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16AddSatS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16AddSatS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_ADD_SAT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16AddSatU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16AddSatU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_SUB_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16Sub(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16Sub(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_SUB_SAT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16SubSatS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16SubSatS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_SUB_SAT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16SubSatU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16SubSatU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_CEIL_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Ceil(s[fp + code[pc + 2]]), SimdSemantics.f64x2Ceil(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F64X2_FLOOR_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Floor(s[fp + code[pc + 2]]), SimdSemantics.f64x2Floor(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I8X16_MIN_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16MinS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16MinS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_MIN_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16MinU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16MinU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_MAX_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16MaxS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16MaxS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I8X16_MAX_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16MaxU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16MaxU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_TRUNC_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Trunc(s[fp + code[pc + 2]]), SimdSemantics.f64x2Trunc(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I8X16_AVGR_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i8x16AvgrU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i8x16AvgrU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_EXTADD_PAIRWISE_I8X16_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtaddPairwiseI8x16S(s[fp + code[pc + 2]]), SimdSemantics.i16x8ExtaddPairwiseI8x16S(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I16X8_EXTADD_PAIRWISE_I8X16_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtaddPairwiseI8x16U(s[fp + code[pc + 2]]), SimdSemantics.i16x8ExtaddPairwiseI8x16U(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I32X4_EXTADD_PAIRWISE_I16X8_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtaddPairwiseI16x8S(s[fp + code[pc + 2]]), SimdSemantics.i32x4ExtaddPairwiseI16x8S(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I32X4_EXTADD_PAIRWISE_I16X8_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtaddPairwiseI16x8U(s[fp + code[pc + 2]]), SimdSemantics.i32x4ExtaddPairwiseI16x8U(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I16X8_ABS_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Abs(s[fp + code[pc + 2]]), SimdSemantics.i16x8Abs(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I16X8_NEG_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Neg(s[fp + code[pc + 2]]), SimdSemantics.i16x8Neg(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I16X8_Q15MULR_SAT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Q15mulrSatS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8Q15mulrSatS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_ALL_TRUE_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i16x8AllTrue(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I16X8_BITMASK_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i16x8Bitmask(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I16X8_NARROW_I32X4_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8NarrowI32x4S(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), SimdSemantics.i16x8NarrowI32x4S(s[fp + code[pc + 3]], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_NARROW_I32X4_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8NarrowI32x4U(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), SimdSemantics.i16x8NarrowI32x4U(s[fp + code[pc + 3]], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_EXTEND_LOW_I8X16_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtendLowI8x16S(s[fp + code[pc + 2]], 0), SimdSemantics.i16x8ExtendLowI8x16S(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I16X8_EXTEND_HIGH_I8X16_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtendHighI8x16S(s[fp + code[pc + 2] + 1], 0), SimdSemantics.i16x8ExtendHighI8x16S(s[fp + code[pc + 2] + 1], 1), pc + 3);
      }
      case OpCodes.I16X8_EXTEND_LOW_I8X16_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtendLowI8x16U(s[fp + code[pc + 2]], 0), SimdSemantics.i16x8ExtendLowI8x16U(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I16X8_EXTEND_HIGH_I8X16_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtendHighI8x16U(s[fp + code[pc + 2] + 1], 0), SimdSemantics.i16x8ExtendHighI8x16U(s[fp + code[pc + 2] + 1], 1), pc + 3);
      }
      case OpCodes.I16X8_SHL_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Shl(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i16x8Shl(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I16X8_SHR_S_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ShrS(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i16x8ShrS(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I16X8_SHR_U_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ShrU(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i16x8ShrU(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I16X8_ADD_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Add(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8Add(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_ADD_SAT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8AddSatS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8AddSatS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_ADD_SAT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8AddSatU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8AddSatU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_SUB_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Sub(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8Sub(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_SUB_SAT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8SubSatS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8SubSatS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_SUB_SAT_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8SubSatU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8SubSatU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_NEAREST_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Nearest(s[fp + code[pc + 2]]), SimdSemantics.f64x2Nearest(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I16X8_MUL_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8Mul(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8Mul(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_MIN_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8MinS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8MinS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_MIN_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8MinU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8MinU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_MAX_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8MaxS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8MaxS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_MAX_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8MaxU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8MaxU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_AVGR_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8AvgrU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i16x8AvgrU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I16X8_EXTMUL_LOW_I8X16_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtmulLowI8x16S(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 0), SimdSemantics.i16x8ExtmulLowI8x16S(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 1), pc + 4);
      }
      case OpCodes.I16X8_EXTMUL_HIGH_I8X16_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtmulHighI8x16S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 0), SimdSemantics.i16x8ExtmulHighI8x16S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 1), pc + 4);
      }
      case OpCodes.I16X8_EXTMUL_LOW_I8X16_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtmulLowI8x16U(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 0), SimdSemantics.i16x8ExtmulLowI8x16U(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 1), pc + 4);
      }
      case OpCodes.I16X8_EXTMUL_HIGH_I8X16_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i16x8ExtmulHighI8x16U(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 0), SimdSemantics.i16x8ExtmulHighI8x16U(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 1), pc + 4);
      }
      case OpCodes.I32X4_ABS_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Abs(s[fp + code[pc + 2]]), SimdSemantics.i32x4Abs(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I32X4_NEG_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Neg(s[fp + code[pc + 2]]), SimdSemantics.i32x4Neg(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I32X4_ALL_TRUE_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i32x4AllTrue(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I32X4_BITMASK_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i32x4Bitmask(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I32X4_EXTEND_LOW_I16X8_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtendLowI16x8S(s[fp + code[pc + 2]], 0), SimdSemantics.i32x4ExtendLowI16x8S(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I32X4_EXTEND_HIGH_I16X8_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtendHighI16x8S(s[fp + code[pc + 2] + 1], 0), SimdSemantics.i32x4ExtendHighI16x8S(s[fp + code[pc + 2] + 1], 1), pc + 3);
      }
      case OpCodes.I32X4_EXTEND_LOW_I16X8_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtendLowI16x8U(s[fp + code[pc + 2]], 0), SimdSemantics.i32x4ExtendLowI16x8U(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I32X4_EXTEND_HIGH_I16X8_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtendHighI16x8U(s[fp + code[pc + 2] + 1], 0), SimdSemantics.i32x4ExtendHighI16x8U(s[fp + code[pc + 2] + 1], 1), pc + 3);
      }
      case OpCodes.I32X4_SHL_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Shl(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i32x4Shl(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I32X4_SHR_S_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ShrS(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i32x4ShrS(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I32X4_SHR_U_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ShrU(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i32x4ShrU(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I32X4_ADD_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Add(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4Add(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_SUB_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Sub(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4Sub(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_MUL_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4Mul(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4Mul(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_MIN_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4MinS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4MinS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_MIN_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4MinU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4MinU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_MAX_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4MaxS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4MaxS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_MAX_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4MaxU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4MaxU(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_DOT_I16X8_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4DotI16x8S(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i32x4DotI16x8S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_EXTMUL_LOW_I16X8_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtmulLowI16x8S(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 0), SimdSemantics.i32x4ExtmulLowI16x8S(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 1), pc + 4);
      }
      case OpCodes.I32X4_EXTMUL_HIGH_I16X8_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtmulHighI16x8S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 0), SimdSemantics.i32x4ExtmulHighI16x8S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 1), pc + 4);
      }
      case OpCodes.I32X4_EXTMUL_LOW_I16X8_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtmulLowI16x8U(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 0), SimdSemantics.i32x4ExtmulLowI16x8U(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 1), pc + 4);
      }
      case OpCodes.I32X4_EXTMUL_HIGH_I16X8_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4ExtmulHighI16x8U(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 0), SimdSemantics.i32x4ExtmulHighI16x8U(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 1), pc + 4);
      }
      case OpCodes.I64X2_ABS_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Abs(s[fp + code[pc + 2]]), SimdSemantics.i64x2Abs(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I64X2_NEG_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Neg(s[fp + code[pc + 2]]), SimdSemantics.i64x2Neg(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I64X2_ALL_TRUE_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i64x2AllTrue(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I64X2_BITMASK_RV: {
        s[fp + code[pc + 1]] = SimdSemantics.i64x2Bitmask(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]);
        return pc + 3;
      }
      case OpCodes.I64X2_EXTEND_LOW_I32X4_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtendLowI32x4S(s[fp + code[pc + 2]], 0), SimdSemantics.i64x2ExtendLowI32x4S(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I64X2_EXTEND_HIGH_I32X4_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtendHighI32x4S(s[fp + code[pc + 2] + 1], 0), SimdSemantics.i64x2ExtendHighI32x4S(s[fp + code[pc + 2] + 1], 1), pc + 3);
      }
      case OpCodes.I64X2_EXTEND_LOW_I32X4_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtendLowI32x4U(s[fp + code[pc + 2]], 0), SimdSemantics.i64x2ExtendLowI32x4U(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.I64X2_EXTEND_HIGH_I32X4_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtendHighI32x4U(s[fp + code[pc + 2] + 1], 0), SimdSemantics.i64x2ExtendHighI32x4U(s[fp + code[pc + 2] + 1], 1), pc + 3);
      }
      case OpCodes.I64X2_SHL_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Shl(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i64x2Shl(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I64X2_SHR_S_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ShrS(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i64x2ShrS(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I64X2_SHR_U_VVR: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ShrU(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]), SimdSemantics.i64x2ShrU(s[fp + code[pc + 2] + 1], (int) s[fp + code[pc + 3]]), pc + 4);
      }
      case OpCodes.I64X2_ADD_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Add(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2Add(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_SUB_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Sub(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2Sub(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_MUL_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Mul(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2Mul(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_EQ_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2Eq(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_NE_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2Ne(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_LT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2LtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2LtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_GT_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2GtS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2GtS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_LE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2LeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2LeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_GE_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2GeS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.i64x2GeS(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I64X2_EXTMUL_LOW_I32X4_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtmulLowI32x4S(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 0), SimdSemantics.i64x2ExtmulLowI32x4S(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 1), pc + 4);
      }
      case OpCodes.I64X2_EXTMUL_HIGH_I32X4_S_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtmulHighI32x4S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 0), SimdSemantics.i64x2ExtmulHighI32x4S(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 1), pc + 4);
      }
      case OpCodes.I64X2_EXTMUL_LOW_I32X4_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtmulLowI32x4U(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 0), SimdSemantics.i64x2ExtmulLowI32x4U(s[fp + code[pc + 2]], s[fp + code[pc + 3]], 1), pc + 4);
      }
      case OpCodes.I64X2_EXTMUL_HIGH_I32X4_U_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i64x2ExtmulHighI32x4U(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 0), SimdSemantics.i64x2ExtmulHighI32x4U(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1], 1), pc + 4);
      }
      case OpCodes.F32X4_ABS_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Abs(s[fp + code[pc + 2]]), SimdSemantics.f32x4Abs(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_NEG_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Neg(s[fp + code[pc + 2]]), SimdSemantics.f32x4Neg(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_SQRT_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Sqrt(s[fp + code[pc + 2]]), SimdSemantics.f32x4Sqrt(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_ADD_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Add(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Add(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_SUB_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Sub(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Sub(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_MUL_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Mul(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Mul(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_DIV_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Div(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Div(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_MIN_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Min(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Min(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_MAX_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Max(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Max(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_PMIN_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Pmin(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Pmin(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F32X4_PMAX_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4Pmax(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f32x4Pmax(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_ABS_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Abs(s[fp + code[pc + 2]]), SimdSemantics.f64x2Abs(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F64X2_NEG_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Neg(s[fp + code[pc + 2]]), SimdSemantics.f64x2Neg(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F64X2_SQRT_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Sqrt(s[fp + code[pc + 2]]), SimdSemantics.f64x2Sqrt(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F64X2_ADD_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Add(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Add(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_SUB_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Sub(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Sub(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_MUL_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Mul(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Mul(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_DIV_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Div(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Div(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_MIN_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Min(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Min(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_MAX_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Max(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Max(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_PMIN_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Pmin(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Pmin(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.F64X2_PMAX_VVV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2Pmax(s[fp + code[pc + 2]], s[fp + code[pc + 3]]), SimdSemantics.f64x2Pmax(s[fp + code[pc + 2] + 1], s[fp + code[pc + 3] + 1]), pc + 4);
      }
      case OpCodes.I32X4_TRUNC_SAT_F32X4_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4TruncSatF32x4S(s[fp + code[pc + 2]]), SimdSemantics.i32x4TruncSatF32x4S(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I32X4_TRUNC_SAT_F32X4_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4TruncSatF32x4U(s[fp + code[pc + 2]]), SimdSemantics.i32x4TruncSatF32x4U(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_CONVERT_I32X4_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4ConvertI32x4S(s[fp + code[pc + 2]]), SimdSemantics.f32x4ConvertI32x4S(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.F32X4_CONVERT_I32X4_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f32x4ConvertI32x4U(s[fp + code[pc + 2]]), SimdSemantics.f32x4ConvertI32x4U(s[fp + code[pc + 2] + 1]), pc + 3);
      }
      case OpCodes.I32X4_TRUNC_SAT_F64X2_S_ZERO_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4TruncSatF64x2SZero(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), 0, pc + 3);
      }
      case OpCodes.I32X4_TRUNC_SAT_F64X2_U_ZERO_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.i32x4TruncSatF64x2UZero(s[fp + code[pc + 2]], s[fp + code[pc + 2] + 1]), 0, pc + 3);
      }
      case OpCodes.F64X2_CONVERT_LOW_I32X4_S_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2ConvertLowI32x4S(s[fp + code[pc + 2]], 0), SimdSemantics.f64x2ConvertLowI32x4S(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.F64X2_CONVERT_LOW_I32X4_U_VV: {
        return put(s, fp + code[pc + 1], SimdSemantics.f64x2ConvertLowI32x4U(s[fp + code[pc + 2]], 0), SimdSemantics.f64x2ConvertLowI32x4U(s[fp + code[pc + 2]], 1), pc + 3);
      }
      case OpCodes.V128_LOAD_VRI: {
        byte[] m = inst.memory0.bytes;
        int at = address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 16);
        return put(s, fp + code[pc + 1], getLong(m, at), getLong(m, at + 8), pc + 4);
      }
      case OpCodes.V128_LOAD8X8_S_VRI: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load8x8S(x, 0), SimdSemantics.v128Load8x8S(x, 1), pc + 4);
      }
      case OpCodes.V128_LOAD8X8_U_VRI: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load8x8U(x, 0), SimdSemantics.v128Load8x8U(x, 1), pc + 4);
      }
      case OpCodes.V128_LOAD16X4_S_VRI: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load16x4S(x, 0), SimdSemantics.v128Load16x4S(x, 1), pc + 4);
      }
      case OpCodes.V128_LOAD16X4_U_VRI: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load16x4U(x, 0), SimdSemantics.v128Load16x4U(x, 1), pc + 4);
      }
      case OpCodes.V128_LOAD32X2_S_VRI: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load32x2S(x, 0), SimdSemantics.v128Load32x2S(x, 1), pc + 4);
      }
      case OpCodes.V128_LOAD32X2_U_VRI: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load32x2U(x, 0), SimdSemantics.v128Load32x2U(x, 1), pc + 4);
      }
      case OpCodes.V128_LOAD8_SPLAT_VRI: {
        byte[] m = inst.memory0.bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load8Splat(m[address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 1)]), pc + 4);
      }
      case OpCodes.V128_LOAD16_SPLAT_VRI: {
        byte[] m = inst.memory0.bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load16Splat(getShort(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 2))), pc + 4);
      }
      case OpCodes.V128_LOAD32_SPLAT_VRI: {
        byte[] m = inst.memory0.bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load32Splat(getInt(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 4))), pc + 4);
      }
      case OpCodes.V128_LOAD64_SPLAT_VRI: {
        byte[] m = inst.memory0.bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load64Splat(getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8))), pc + 4);
      }
      case OpCodes.V128_STORE_RVI: {
        byte[] m = inst.memory0.bytes;
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 16);
        putLong(m, at, s[fp + code[pc + 2]]);
        putLong(m, at + 8, s[fp + code[pc + 2] + 1]);
        return pc + 4;
      }
      case OpCodes.V128_LOAD8_LANE_VRVII: {
        byte[] m = inst.memory0.bytes;
        int x = m[address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 1)];
        int lane = code[pc + 5];
        return lane < 8 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load8Lane(s[fp + code[pc + 3]], x, lane & 7), s[fp + code[pc + 3] + 1], pc + 6)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load8Lane(s[fp + code[pc + 3] + 1], x, lane & 7), pc + 6);
      }
      case OpCodes.V128_LOAD16_LANE_VRVII: {
        byte[] m = inst.memory0.bytes;
        int x = getShort(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 2));
        int lane = code[pc + 5];
        return lane < 4 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load16Lane(s[fp + code[pc + 3]], x, lane & 3), s[fp + code[pc + 3] + 1], pc + 6)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load16Lane(s[fp + code[pc + 3] + 1], x, lane & 3), pc + 6);
      }
      case OpCodes.V128_LOAD32_LANE_VRVII: {
        byte[] m = inst.memory0.bytes;
        int x = getInt(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 4));
        int lane = code[pc + 5];
        return lane < 2 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load32Lane(s[fp + code[pc + 3]], x, lane & 1), s[fp + code[pc + 3] + 1], pc + 6)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load32Lane(s[fp + code[pc + 3] + 1], x, lane & 1), pc + 6);
      }
      case OpCodes.V128_LOAD64_LANE_VRVII: {
        byte[] m = inst.memory0.bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 8));
        int lane = code[pc + 5];
        return lane < 1 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load64Lane(s[fp + code[pc + 3]], x, lane & 0), s[fp + code[pc + 3] + 1], pc + 6)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load64Lane(s[fp + code[pc + 3] + 1], x, lane & 0), pc + 6);
      }
      case OpCodes.V128_STORE8_LANE_RVII: {
        byte[] m = inst.memory0.bytes;
        int lane = code[pc + 4];
        int x = SimdSemantics.v128Store8Lane(lane < 8 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 7);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 1);
        m[at] = (byte) x;
        return pc + 5;
      }
      case OpCodes.V128_STORE16_LANE_RVII: {
        byte[] m = inst.memory0.bytes;
        int lane = code[pc + 4];
        int x = SimdSemantics.v128Store16Lane(lane < 4 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 3);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 2);
        putShort(m, at, (short) x);
        return pc + 5;
      }
      case OpCodes.V128_STORE32_LANE_RVII: {
        byte[] m = inst.memory0.bytes;
        int lane = code[pc + 4];
        int x = SimdSemantics.v128Store32Lane(lane < 2 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 1);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 4);
        putInt(m, at, x);
        return pc + 5;
      }
      case OpCodes.V128_STORE64_LANE_RVII: {
        byte[] m = inst.memory0.bytes;
        int lane = code[pc + 4];
        long x = SimdSemantics.v128Store64Lane(lane < 1 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 0);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 8);
        putLong(m, at, x);
        return pc + 5;
      }
      case OpCodes.V128_LOAD32_ZERO_VRI: {
        byte[] m = inst.memory0.bytes;
        return put(s, fp + code[pc + 1], getInt(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 4)) & 0xFFFFFFFFL, 0, pc + 4);
      }
      case OpCodes.V128_LOAD64_ZERO_VRI: {
        byte[] m = inst.memory0.bytes;
        return put(s, fp + code[pc + 1], getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8)), 0, pc + 4);
      }
      case OpCodes.V128_LOAD_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        int at = address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 16);
        return put(s, fp + code[pc + 1], getLong(m, at), getLong(m, at + 8), pc + 5);
      }
      case OpCodes.V128_LOAD8X8_S_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load8x8S(x, 0), SimdSemantics.v128Load8x8S(x, 1), pc + 5);
      }
      case OpCodes.V128_LOAD8X8_U_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load8x8U(x, 0), SimdSemantics.v128Load8x8U(x, 1), pc + 5);
      }
      case OpCodes.V128_LOAD16X4_S_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load16x4S(x, 0), SimdSemantics.v128Load16x4S(x, 1), pc + 5);
      }
      case OpCodes.V128_LOAD16X4_U_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load16x4U(x, 0), SimdSemantics.v128Load16x4U(x, 1), pc + 5);
      }
      case OpCodes.V128_LOAD32X2_S_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load32x2S(x, 0), SimdSemantics.v128Load32x2S(x, 1), pc + 5);
      }
      case OpCodes.V128_LOAD32X2_U_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8));
        return put(s, fp + code[pc + 1], SimdSemantics.v128Load32x2U(x, 0), SimdSemantics.v128Load32x2U(x, 1), pc + 5);
      }
      case OpCodes.V128_LOAD8_SPLAT_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load8Splat(m[address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 1)]), pc + 5);
      }
      case OpCodes.V128_LOAD16_SPLAT_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load16Splat(getShort(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 2))), pc + 5);
      }
      case OpCodes.V128_LOAD32_SPLAT_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load32Splat(getInt(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 4))), pc + 5);
      }
      case OpCodes.V128_LOAD64_SPLAT_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        return splat(s, fp + code[pc + 1], SimdSemantics.v128Load64Splat(getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8))), pc + 5);
      }
      case OpCodes.V128_STORE_RVIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 16);
        putLong(m, at, s[fp + code[pc + 2]]);
        putLong(m, at + 8, s[fp + code[pc + 2] + 1]);
        return pc + 5;
      }
      case OpCodes.V128_LOAD8_LANE_VRVIIX: {
        byte[] m = inst.memories[code[pc + 6]].bytes;
        int x = m[address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 1)];
        int lane = code[pc + 5];
        return lane < 8 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load8Lane(s[fp + code[pc + 3]], x, lane & 7), s[fp + code[pc + 3] + 1], pc + 7)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load8Lane(s[fp + code[pc + 3] + 1], x, lane & 7), pc + 7);
      }
      case OpCodes.V128_LOAD16_LANE_VRVIIX: {
        byte[] m = inst.memories[code[pc + 6]].bytes;
        int x = getShort(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 2));
        int lane = code[pc + 5];
        return lane < 4 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load16Lane(s[fp + code[pc + 3]], x, lane & 3), s[fp + code[pc + 3] + 1], pc + 7)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load16Lane(s[fp + code[pc + 3] + 1], x, lane & 3), pc + 7);
      }
      case OpCodes.V128_LOAD32_LANE_VRVIIX: {
        byte[] m = inst.memories[code[pc + 6]].bytes;
        int x = getInt(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 4));
        int lane = code[pc + 5];
        return lane < 2 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load32Lane(s[fp + code[pc + 3]], x, lane & 1), s[fp + code[pc + 3] + 1], pc + 7)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load32Lane(s[fp + code[pc + 3] + 1], x, lane & 1), pc + 7);
      }
      case OpCodes.V128_LOAD64_LANE_VRVIIX: {
        byte[] m = inst.memories[code[pc + 6]].bytes;
        long x = getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 4] & 0xFFFFFFFFL, 8));
        int lane = code[pc + 5];
        return lane < 1 ? put(s, fp + code[pc + 1], SimdSemantics.v128Load64Lane(s[fp + code[pc + 3]], x, lane & 0), s[fp + code[pc + 3] + 1], pc + 7)
            : put(s, fp + code[pc + 1], s[fp + code[pc + 3]], SimdSemantics.v128Load64Lane(s[fp + code[pc + 3] + 1], x, lane & 0), pc + 7);
      }
      case OpCodes.V128_STORE8_LANE_RVIIX: {
        byte[] m = inst.memories[code[pc + 5]].bytes;
        int lane = code[pc + 4];
        int x = SimdSemantics.v128Store8Lane(lane < 8 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 7);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 1);
        m[at] = (byte) x;
        return pc + 6;
      }
      case OpCodes.V128_STORE16_LANE_RVIIX: {
        byte[] m = inst.memories[code[pc + 5]].bytes;
        int lane = code[pc + 4];
        int x = SimdSemantics.v128Store16Lane(lane < 4 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 3);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 2);
        putShort(m, at, (short) x);
        return pc + 6;
      }
      case OpCodes.V128_STORE32_LANE_RVIIX: {
        byte[] m = inst.memories[code[pc + 5]].bytes;
        int lane = code[pc + 4];
        int x = SimdSemantics.v128Store32Lane(lane < 2 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 1);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 4);
        putInt(m, at, x);
        return pc + 6;
      }
      case OpCodes.V128_STORE64_LANE_RVIIX: {
        byte[] m = inst.memories[code[pc + 5]].bytes;
        int lane = code[pc + 4];
        long x = SimdSemantics.v128Store64Lane(lane < 1 ? s[fp + code[pc + 2]] : s[fp + code[pc + 2] + 1], lane & 0);
        int at = address(m, (int) s[fp + code[pc + 1]], code[pc + 3] & 0xFFFFFFFFL, 8);
        putLong(m, at, x);
        return pc + 6;
      }
      case OpCodes.V128_LOAD32_ZERO_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        return put(s, fp + code[pc + 1], getInt(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 4)) & 0xFFFFFFFFL, 0, pc + 5);
      }
      case OpCodes.V128_LOAD64_ZERO_VRIX: {
        byte[] m = inst.memories[code[pc + 4]].bytes;
        return put(s, fp + code[pc + 1], getLong(m, address(m, (int) s[fp + code[pc + 2]], code[pc + 3] & 0xFFFFFFFFL, 8)), 0, pc + 5);
      }
      // END GENERATED SIMD
      default:
        throw new IllegalStateException("unknown IR op " + code[pc] + " at " + pc);
    }
  }

  /** Writes a v128 result to slots {@code d}, {@code d + 1}; returns {@code next}. */
  private static int put(long[] s, int d, long lo, long hi, int next) {
    s[d] = lo;
    s[d + 1] = hi;
    return next;
  }

  /** Writes a splat (both halves {@code half}) to slots {@code d}, {@code d + 1}; returns {@code next}. */
  private static int splat(long[] s, int d, long half, int next) {
    s[d] = half;
    s[d + 1] = half;
    return next;
  }

  private static long imm64(int[] code, int at) {
    return (code[at] & 0xFFFFFFFFL) | (long) code[at + 1] << 32;
  }
}
