package org.wasmj.parser;

import org.wasmj.Feature;

/**
 * Every WebAssembly instruction wasmj decodes, defined once: prefix, code, immediate shape, text
 * name and, for instructions with a fixed stack effect, the operand signature. The parser,
 * validator, translator and disassembler all work from this table.
 *
 * <p>Constant names are the text names upper-cased with {@code .} replaced by {@code _}:
 * {@code i32.trunc_sat_f32_s} is {@link #I32_TRUNC_SAT_F32_S}. The typed {@code select t} is
 * {@code SELECT_T}.
 *
 * <p>The signature is written {@code "params:results"} with one letter per value: {@code i} i32,
 * {@code l} i64, {@code f} f32, {@code d} f64, {@code v} v128; e.g. {@code "ii:i"} for
 * {@code i32.add}. Instructions whose stack effect depends on immediates or context (control,
 * variables, calls, {@code drop}, {@code select}, memory and table ops with index immediates)
 * have no signature ({@code null}); the validator handles them one by one.
 *
 * <p>The other facts about an instruction are here too, so that no stage parses them from its
 * name: the {@linkplain #feature() feature} that introduced it (written on each instruction
 * outside Wasm 1.0, except that every {@code 0xFD} instruction is {@link Feature#SIMD}'s), the
 * {@linkplain #access() bytes a memory instruction accesses} and how a narrow load extends them,
 * and the {@linkplain #lanes() lane count} of a lane instruction.
 */
public enum Opcode {
  UNREACHABLE(0x00, Imm.NONE, "unreachable", null),
  NOP(0x01, Imm.NONE, "nop", null),
  BLOCK(0x02, Imm.BLOCK_TYPE, "block", null),
  LOOP(0x03, Imm.BLOCK_TYPE, "loop", null),
  IF(0x04, Imm.BLOCK_TYPE, "if", null),
  ELSE(0x05, Imm.NONE, "else", null),
  END(0x0B, Imm.NONE, "end", null),
  BR(0x0C, Imm.LABEL, "br", null),
  BR_IF(0x0D, Imm.LABEL, "br_if", null),
  BR_TABLE(0x0E, Imm.LABEL_TABLE, "br_table", null),
  RETURN(0x0F, Imm.NONE, "return", null),
  CALL(0x10, Imm.FUNC, "call", null),
  CALL_INDIRECT(0x11, Imm.TYPE_AND_TABLE, "call_indirect", null),
  RETURN_CALL(0x12, Imm.FUNC, "return_call", null, Feature.TAIL_CALL),
  RETURN_CALL_INDIRECT(0x13, Imm.TYPE_AND_TABLE, "return_call_indirect", null, Feature.TAIL_CALL),
  DROP(0x1A, Imm.NONE, "drop", null),
  SELECT(0x1B, Imm.NONE, "select", null),
  SELECT_T(0x1C, Imm.SELECT_TYPES, "select t", null, Feature.REFERENCE_TYPES),
  LOCAL_GET(0x20, Imm.LOCAL, "local.get", null),
  LOCAL_SET(0x21, Imm.LOCAL, "local.set", null),
  LOCAL_TEE(0x22, Imm.LOCAL, "local.tee", null),
  GLOBAL_GET(0x23, Imm.GLOBAL, "global.get", null),
  GLOBAL_SET(0x24, Imm.GLOBAL, "global.set", null),
  TABLE_GET(0x25, Imm.TABLE, "table.get", null, Feature.REFERENCE_TYPES),
  TABLE_SET(0x26, Imm.TABLE, "table.set", null, Feature.REFERENCE_TYPES),
  I32_LOAD(0x28, Imm.MEMARG, "i32.load", "i:i", Access.B4),
  I64_LOAD(0x29, Imm.MEMARG, "i64.load", "i:l", Access.B8),
  F32_LOAD(0x2A, Imm.MEMARG, "f32.load", "i:f", Access.B4),
  F64_LOAD(0x2B, Imm.MEMARG, "f64.load", "i:d", Access.B8),
  I32_LOAD8_S(0x2C, Imm.MEMARG, "i32.load8_s", "i:i", Access.B1_S),
  I32_LOAD8_U(0x2D, Imm.MEMARG, "i32.load8_u", "i:i", Access.B1_U),
  I32_LOAD16_S(0x2E, Imm.MEMARG, "i32.load16_s", "i:i", Access.B2_S),
  I32_LOAD16_U(0x2F, Imm.MEMARG, "i32.load16_u", "i:i", Access.B2_U),
  I64_LOAD8_S(0x30, Imm.MEMARG, "i64.load8_s", "i:l", Access.B1_S),
  I64_LOAD8_U(0x31, Imm.MEMARG, "i64.load8_u", "i:l", Access.B1_U),
  I64_LOAD16_S(0x32, Imm.MEMARG, "i64.load16_s", "i:l", Access.B2_S),
  I64_LOAD16_U(0x33, Imm.MEMARG, "i64.load16_u", "i:l", Access.B2_U),
  I64_LOAD32_S(0x34, Imm.MEMARG, "i64.load32_s", "i:l", Access.B4_S),
  I64_LOAD32_U(0x35, Imm.MEMARG, "i64.load32_u", "i:l", Access.B4_U),
  I32_STORE(0x36, Imm.MEMARG, "i32.store", "ii:", Access.B4),
  I64_STORE(0x37, Imm.MEMARG, "i64.store", "il:", Access.B8),
  F32_STORE(0x38, Imm.MEMARG, "f32.store", "if:", Access.B4),
  F64_STORE(0x39, Imm.MEMARG, "f64.store", "id:", Access.B8),
  I32_STORE8(0x3A, Imm.MEMARG, "i32.store8", "ii:", Access.B1),
  I32_STORE16(0x3B, Imm.MEMARG, "i32.store16", "ii:", Access.B2),
  I64_STORE8(0x3C, Imm.MEMARG, "i64.store8", "il:", Access.B1),
  I64_STORE16(0x3D, Imm.MEMARG, "i64.store16", "il:", Access.B2),
  I64_STORE32(0x3E, Imm.MEMARG, "i64.store32", "il:", Access.B4),
  MEMORY_SIZE(0x3F, Imm.MEMORY, "memory.size", ":i"),
  MEMORY_GROW(0x40, Imm.MEMORY, "memory.grow", "i:i"),
  I32_CONST(0x41, Imm.I32, "i32.const", ":i"),
  I64_CONST(0x42, Imm.I64, "i64.const", ":l"),
  F32_CONST(0x43, Imm.F32, "f32.const", ":f"),
  F64_CONST(0x44, Imm.F64, "f64.const", ":d"),
  I32_EQZ(0x45, Imm.NONE, "i32.eqz", "i:i"),
  I32_EQ(0x46, Imm.NONE, "i32.eq", "ii:i"),
  I32_NE(0x47, Imm.NONE, "i32.ne", "ii:i"),
  I32_LT_S(0x48, Imm.NONE, "i32.lt_s", "ii:i"),
  I32_LT_U(0x49, Imm.NONE, "i32.lt_u", "ii:i"),
  I32_GT_S(0x4A, Imm.NONE, "i32.gt_s", "ii:i"),
  I32_GT_U(0x4B, Imm.NONE, "i32.gt_u", "ii:i"),
  I32_LE_S(0x4C, Imm.NONE, "i32.le_s", "ii:i"),
  I32_LE_U(0x4D, Imm.NONE, "i32.le_u", "ii:i"),
  I32_GE_S(0x4E, Imm.NONE, "i32.ge_s", "ii:i"),
  I32_GE_U(0x4F, Imm.NONE, "i32.ge_u", "ii:i"),
  I64_EQZ(0x50, Imm.NONE, "i64.eqz", "l:i"),
  I64_EQ(0x51, Imm.NONE, "i64.eq", "ll:i"),
  I64_NE(0x52, Imm.NONE, "i64.ne", "ll:i"),
  I64_LT_S(0x53, Imm.NONE, "i64.lt_s", "ll:i"),
  I64_LT_U(0x54, Imm.NONE, "i64.lt_u", "ll:i"),
  I64_GT_S(0x55, Imm.NONE, "i64.gt_s", "ll:i"),
  I64_GT_U(0x56, Imm.NONE, "i64.gt_u", "ll:i"),
  I64_LE_S(0x57, Imm.NONE, "i64.le_s", "ll:i"),
  I64_LE_U(0x58, Imm.NONE, "i64.le_u", "ll:i"),
  I64_GE_S(0x59, Imm.NONE, "i64.ge_s", "ll:i"),
  I64_GE_U(0x5A, Imm.NONE, "i64.ge_u", "ll:i"),
  F32_EQ(0x5B, Imm.NONE, "f32.eq", "ff:i"),
  F32_NE(0x5C, Imm.NONE, "f32.ne", "ff:i"),
  F32_LT(0x5D, Imm.NONE, "f32.lt", "ff:i"),
  F32_GT(0x5E, Imm.NONE, "f32.gt", "ff:i"),
  F32_LE(0x5F, Imm.NONE, "f32.le", "ff:i"),
  F32_GE(0x60, Imm.NONE, "f32.ge", "ff:i"),
  F64_EQ(0x61, Imm.NONE, "f64.eq", "dd:i"),
  F64_NE(0x62, Imm.NONE, "f64.ne", "dd:i"),
  F64_LT(0x63, Imm.NONE, "f64.lt", "dd:i"),
  F64_GT(0x64, Imm.NONE, "f64.gt", "dd:i"),
  F64_LE(0x65, Imm.NONE, "f64.le", "dd:i"),
  F64_GE(0x66, Imm.NONE, "f64.ge", "dd:i"),
  I32_CLZ(0x67, Imm.NONE, "i32.clz", "i:i"),
  I32_CTZ(0x68, Imm.NONE, "i32.ctz", "i:i"),
  I32_POPCNT(0x69, Imm.NONE, "i32.popcnt", "i:i"),
  I32_ADD(0x6A, Imm.NONE, "i32.add", "ii:i"),
  I32_SUB(0x6B, Imm.NONE, "i32.sub", "ii:i"),
  I32_MUL(0x6C, Imm.NONE, "i32.mul", "ii:i"),
  I32_DIV_S(0x6D, Imm.NONE, "i32.div_s", "ii:i"),
  I32_DIV_U(0x6E, Imm.NONE, "i32.div_u", "ii:i"),
  I32_REM_S(0x6F, Imm.NONE, "i32.rem_s", "ii:i"),
  I32_REM_U(0x70, Imm.NONE, "i32.rem_u", "ii:i"),
  I32_AND(0x71, Imm.NONE, "i32.and", "ii:i"),
  I32_OR(0x72, Imm.NONE, "i32.or", "ii:i"),
  I32_XOR(0x73, Imm.NONE, "i32.xor", "ii:i"),
  I32_SHL(0x74, Imm.NONE, "i32.shl", "ii:i"),
  I32_SHR_S(0x75, Imm.NONE, "i32.shr_s", "ii:i"),
  I32_SHR_U(0x76, Imm.NONE, "i32.shr_u", "ii:i"),
  I32_ROTL(0x77, Imm.NONE, "i32.rotl", "ii:i"),
  I32_ROTR(0x78, Imm.NONE, "i32.rotr", "ii:i"),
  I64_CLZ(0x79, Imm.NONE, "i64.clz", "l:l"),
  I64_CTZ(0x7A, Imm.NONE, "i64.ctz", "l:l"),
  I64_POPCNT(0x7B, Imm.NONE, "i64.popcnt", "l:l"),
  I64_ADD(0x7C, Imm.NONE, "i64.add", "ll:l"),
  I64_SUB(0x7D, Imm.NONE, "i64.sub", "ll:l"),
  I64_MUL(0x7E, Imm.NONE, "i64.mul", "ll:l"),
  I64_DIV_S(0x7F, Imm.NONE, "i64.div_s", "ll:l"),
  I64_DIV_U(0x80, Imm.NONE, "i64.div_u", "ll:l"),
  I64_REM_S(0x81, Imm.NONE, "i64.rem_s", "ll:l"),
  I64_REM_U(0x82, Imm.NONE, "i64.rem_u", "ll:l"),
  I64_AND(0x83, Imm.NONE, "i64.and", "ll:l"),
  I64_OR(0x84, Imm.NONE, "i64.or", "ll:l"),
  I64_XOR(0x85, Imm.NONE, "i64.xor", "ll:l"),
  I64_SHL(0x86, Imm.NONE, "i64.shl", "ll:l"),
  I64_SHR_S(0x87, Imm.NONE, "i64.shr_s", "ll:l"),
  I64_SHR_U(0x88, Imm.NONE, "i64.shr_u", "ll:l"),
  I64_ROTL(0x89, Imm.NONE, "i64.rotl", "ll:l"),
  I64_ROTR(0x8A, Imm.NONE, "i64.rotr", "ll:l"),
  F32_ABS(0x8B, Imm.NONE, "f32.abs", "f:f"),
  F32_NEG(0x8C, Imm.NONE, "f32.neg", "f:f"),
  F32_CEIL(0x8D, Imm.NONE, "f32.ceil", "f:f"),
  F32_FLOOR(0x8E, Imm.NONE, "f32.floor", "f:f"),
  F32_TRUNC(0x8F, Imm.NONE, "f32.trunc", "f:f"),
  F32_NEAREST(0x90, Imm.NONE, "f32.nearest", "f:f"),
  F32_SQRT(0x91, Imm.NONE, "f32.sqrt", "f:f"),
  F32_ADD(0x92, Imm.NONE, "f32.add", "ff:f"),
  F32_SUB(0x93, Imm.NONE, "f32.sub", "ff:f"),
  F32_MUL(0x94, Imm.NONE, "f32.mul", "ff:f"),
  F32_DIV(0x95, Imm.NONE, "f32.div", "ff:f"),
  F32_MIN(0x96, Imm.NONE, "f32.min", "ff:f"),
  F32_MAX(0x97, Imm.NONE, "f32.max", "ff:f"),
  F32_COPYSIGN(0x98, Imm.NONE, "f32.copysign", "ff:f"),
  F64_ABS(0x99, Imm.NONE, "f64.abs", "d:d"),
  F64_NEG(0x9A, Imm.NONE, "f64.neg", "d:d"),
  F64_CEIL(0x9B, Imm.NONE, "f64.ceil", "d:d"),
  F64_FLOOR(0x9C, Imm.NONE, "f64.floor", "d:d"),
  F64_TRUNC(0x9D, Imm.NONE, "f64.trunc", "d:d"),
  F64_NEAREST(0x9E, Imm.NONE, "f64.nearest", "d:d"),
  F64_SQRT(0x9F, Imm.NONE, "f64.sqrt", "d:d"),
  F64_ADD(0xA0, Imm.NONE, "f64.add", "dd:d"),
  F64_SUB(0xA1, Imm.NONE, "f64.sub", "dd:d"),
  F64_MUL(0xA2, Imm.NONE, "f64.mul", "dd:d"),
  F64_DIV(0xA3, Imm.NONE, "f64.div", "dd:d"),
  F64_MIN(0xA4, Imm.NONE, "f64.min", "dd:d"),
  F64_MAX(0xA5, Imm.NONE, "f64.max", "dd:d"),
  F64_COPYSIGN(0xA6, Imm.NONE, "f64.copysign", "dd:d"),
  I32_WRAP_I64(0xA7, Imm.NONE, "i32.wrap_i64", "l:i"),
  I32_TRUNC_F32_S(0xA8, Imm.NONE, "i32.trunc_f32_s", "f:i"),
  I32_TRUNC_F32_U(0xA9, Imm.NONE, "i32.trunc_f32_u", "f:i"),
  I32_TRUNC_F64_S(0xAA, Imm.NONE, "i32.trunc_f64_s", "d:i"),
  I32_TRUNC_F64_U(0xAB, Imm.NONE, "i32.trunc_f64_u", "d:i"),
  I64_EXTEND_I32_S(0xAC, Imm.NONE, "i64.extend_i32_s", "i:l"),
  I64_EXTEND_I32_U(0xAD, Imm.NONE, "i64.extend_i32_u", "i:l"),
  I64_TRUNC_F32_S(0xAE, Imm.NONE, "i64.trunc_f32_s", "f:l"),
  I64_TRUNC_F32_U(0xAF, Imm.NONE, "i64.trunc_f32_u", "f:l"),
  I64_TRUNC_F64_S(0xB0, Imm.NONE, "i64.trunc_f64_s", "d:l"),
  I64_TRUNC_F64_U(0xB1, Imm.NONE, "i64.trunc_f64_u", "d:l"),
  F32_CONVERT_I32_S(0xB2, Imm.NONE, "f32.convert_i32_s", "i:f"),
  F32_CONVERT_I32_U(0xB3, Imm.NONE, "f32.convert_i32_u", "i:f"),
  F32_CONVERT_I64_S(0xB4, Imm.NONE, "f32.convert_i64_s", "l:f"),
  F32_CONVERT_I64_U(0xB5, Imm.NONE, "f32.convert_i64_u", "l:f"),
  F32_DEMOTE_F64(0xB6, Imm.NONE, "f32.demote_f64", "d:f"),
  F64_CONVERT_I32_S(0xB7, Imm.NONE, "f64.convert_i32_s", "i:d"),
  F64_CONVERT_I32_U(0xB8, Imm.NONE, "f64.convert_i32_u", "i:d"),
  F64_CONVERT_I64_S(0xB9, Imm.NONE, "f64.convert_i64_s", "l:d"),
  F64_CONVERT_I64_U(0xBA, Imm.NONE, "f64.convert_i64_u", "l:d"),
  F64_PROMOTE_F32(0xBB, Imm.NONE, "f64.promote_f32", "f:d"),
  I32_REINTERPRET_F32(0xBC, Imm.NONE, "i32.reinterpret_f32", "f:i"),
  I64_REINTERPRET_F64(0xBD, Imm.NONE, "i64.reinterpret_f64", "d:l"),
  F32_REINTERPRET_I32(0xBE, Imm.NONE, "f32.reinterpret_i32", "i:f"),
  F64_REINTERPRET_I64(0xBF, Imm.NONE, "f64.reinterpret_i64", "l:d"),
  I32_EXTEND8_S(0xC0, Imm.NONE, "i32.extend8_s", "i:i", Feature.SIGN_EXTENSION),
  I32_EXTEND16_S(0xC1, Imm.NONE, "i32.extend16_s", "i:i", Feature.SIGN_EXTENSION),
  I64_EXTEND8_S(0xC2, Imm.NONE, "i64.extend8_s", "l:l", Feature.SIGN_EXTENSION),
  I64_EXTEND16_S(0xC3, Imm.NONE, "i64.extend16_s", "l:l", Feature.SIGN_EXTENSION),
  I64_EXTEND32_S(0xC4, Imm.NONE, "i64.extend32_s", "l:l", Feature.SIGN_EXTENSION),
  REF_NULL(0xD0, Imm.REF_TYPE, "ref.null", null, Feature.REFERENCE_TYPES),
  REF_IS_NULL(0xD1, Imm.NONE, "ref.is_null", null, Feature.REFERENCE_TYPES),
  REF_FUNC(0xD2, Imm.FUNC, "ref.func", null, Feature.REFERENCE_TYPES),
  I32_TRUNC_SAT_F32_S(0xFC, 0x00, Imm.NONE, "i32.trunc_sat_f32_s", "f:i", Feature.SATURATING_FLOAT_TO_INT),
  I32_TRUNC_SAT_F32_U(0xFC, 0x01, Imm.NONE, "i32.trunc_sat_f32_u", "f:i", Feature.SATURATING_FLOAT_TO_INT),
  I32_TRUNC_SAT_F64_S(0xFC, 0x02, Imm.NONE, "i32.trunc_sat_f64_s", "d:i", Feature.SATURATING_FLOAT_TO_INT),
  I32_TRUNC_SAT_F64_U(0xFC, 0x03, Imm.NONE, "i32.trunc_sat_f64_u", "d:i", Feature.SATURATING_FLOAT_TO_INT),
  I64_TRUNC_SAT_F32_S(0xFC, 0x04, Imm.NONE, "i64.trunc_sat_f32_s", "f:l", Feature.SATURATING_FLOAT_TO_INT),
  I64_TRUNC_SAT_F32_U(0xFC, 0x05, Imm.NONE, "i64.trunc_sat_f32_u", "f:l", Feature.SATURATING_FLOAT_TO_INT),
  I64_TRUNC_SAT_F64_S(0xFC, 0x06, Imm.NONE, "i64.trunc_sat_f64_s", "d:l", Feature.SATURATING_FLOAT_TO_INT),
  I64_TRUNC_SAT_F64_U(0xFC, 0x07, Imm.NONE, "i64.trunc_sat_f64_u", "d:l", Feature.SATURATING_FLOAT_TO_INT),
  MEMORY_INIT(0xFC, 0x08, Imm.DATA_AND_MEMORY, "memory.init", "iii:", Feature.BULK_MEMORY),
  DATA_DROP(0xFC, 0x09, Imm.DATA, "data.drop", ":", Feature.BULK_MEMORY),
  MEMORY_COPY(0xFC, 0x0A, Imm.MEMORY_PAIR, "memory.copy", null, Feature.BULK_MEMORY),
  MEMORY_FILL(0xFC, 0x0B, Imm.MEMORY, "memory.fill", null, Feature.BULK_MEMORY),
  TABLE_INIT(0xFC, 0x0C, Imm.ELEM_AND_TABLE, "table.init", null, Feature.BULK_MEMORY),
  ELEM_DROP(0xFC, 0x0D, Imm.ELEM, "elem.drop", ":", Feature.BULK_MEMORY),
  TABLE_COPY(0xFC, 0x0E, Imm.TABLE_PAIR, "table.copy", null, Feature.BULK_MEMORY),
  TABLE_GROW(0xFC, 0x0F, Imm.TABLE, "table.grow", null, Feature.REFERENCE_TYPES),
  TABLE_SIZE(0xFC, 0x10, Imm.TABLE, "table.size", ":i", Feature.REFERENCE_TYPES),
  TABLE_FILL(0xFC, 0x11, Imm.TABLE, "table.fill", null, Feature.REFERENCE_TYPES),
  V128_LOAD(0xFD, 0x00, Imm.MEMARG, "v128.load", "i:v", Access.B16),
  V128_LOAD8X8_S(0xFD, 0x01, Imm.MEMARG, "v128.load8x8_s", "i:v", Access.B8_S),
  V128_LOAD8X8_U(0xFD, 0x02, Imm.MEMARG, "v128.load8x8_u", "i:v", Access.B8_U),
  V128_LOAD16X4_S(0xFD, 0x03, Imm.MEMARG, "v128.load16x4_s", "i:v", Access.B8_S),
  V128_LOAD16X4_U(0xFD, 0x04, Imm.MEMARG, "v128.load16x4_u", "i:v", Access.B8_U),
  V128_LOAD32X2_S(0xFD, 0x05, Imm.MEMARG, "v128.load32x2_s", "i:v", Access.B8_S),
  V128_LOAD32X2_U(0xFD, 0x06, Imm.MEMARG, "v128.load32x2_u", "i:v", Access.B8_U),
  V128_LOAD8_SPLAT(0xFD, 0x07, Imm.MEMARG, "v128.load8_splat", "i:v", Access.B1),
  V128_LOAD16_SPLAT(0xFD, 0x08, Imm.MEMARG, "v128.load16_splat", "i:v", Access.B2),
  V128_LOAD32_SPLAT(0xFD, 0x09, Imm.MEMARG, "v128.load32_splat", "i:v", Access.B4),
  V128_LOAD64_SPLAT(0xFD, 0x0A, Imm.MEMARG, "v128.load64_splat", "i:v", Access.B8),
  V128_STORE(0xFD, 0x0B, Imm.MEMARG, "v128.store", "iv:", Access.B16),
  V128_CONST(0xFD, 0x0C, Imm.V128, "v128.const", ":v"),
  I8X16_SHUFFLE(0xFD, 0x0D, Imm.SHUFFLE, "i8x16.shuffle", "vv:v"),
  I8X16_SWIZZLE(0xFD, 0x0E, Imm.NONE, "i8x16.swizzle", "vv:v"),
  I8X16_SPLAT(0xFD, 0x0F, Imm.NONE, "i8x16.splat", "i:v"),
  I16X8_SPLAT(0xFD, 0x10, Imm.NONE, "i16x8.splat", "i:v"),
  I32X4_SPLAT(0xFD, 0x11, Imm.NONE, "i32x4.splat", "i:v"),
  I64X2_SPLAT(0xFD, 0x12, Imm.NONE, "i64x2.splat", "l:v"),
  F32X4_SPLAT(0xFD, 0x13, Imm.NONE, "f32x4.splat", "f:v"),
  F64X2_SPLAT(0xFD, 0x14, Imm.NONE, "f64x2.splat", "d:v"),
  I8X16_EXTRACT_LANE_S(0xFD, 0x15, Imm.LANE, "i8x16.extract_lane_s", "v:i", 16),
  I8X16_EXTRACT_LANE_U(0xFD, 0x16, Imm.LANE, "i8x16.extract_lane_u", "v:i", 16),
  I8X16_REPLACE_LANE(0xFD, 0x17, Imm.LANE, "i8x16.replace_lane", "vi:v", 16),
  I16X8_EXTRACT_LANE_S(0xFD, 0x18, Imm.LANE, "i16x8.extract_lane_s", "v:i", 8),
  I16X8_EXTRACT_LANE_U(0xFD, 0x19, Imm.LANE, "i16x8.extract_lane_u", "v:i", 8),
  I16X8_REPLACE_LANE(0xFD, 0x1A, Imm.LANE, "i16x8.replace_lane", "vi:v", 8),
  I32X4_EXTRACT_LANE(0xFD, 0x1B, Imm.LANE, "i32x4.extract_lane", "v:i", 4),
  I32X4_REPLACE_LANE(0xFD, 0x1C, Imm.LANE, "i32x4.replace_lane", "vi:v", 4),
  I64X2_EXTRACT_LANE(0xFD, 0x1D, Imm.LANE, "i64x2.extract_lane", "v:l", 2),
  I64X2_REPLACE_LANE(0xFD, 0x1E, Imm.LANE, "i64x2.replace_lane", "vl:v", 2),
  F32X4_EXTRACT_LANE(0xFD, 0x1F, Imm.LANE, "f32x4.extract_lane", "v:f", 4),
  F32X4_REPLACE_LANE(0xFD, 0x20, Imm.LANE, "f32x4.replace_lane", "vf:v", 4),
  F64X2_EXTRACT_LANE(0xFD, 0x21, Imm.LANE, "f64x2.extract_lane", "v:d", 2),
  F64X2_REPLACE_LANE(0xFD, 0x22, Imm.LANE, "f64x2.replace_lane", "vd:v", 2),
  I8X16_EQ(0xFD, 0x23, Imm.NONE, "i8x16.eq", "vv:v"),
  I8X16_NE(0xFD, 0x24, Imm.NONE, "i8x16.ne", "vv:v"),
  I8X16_LT_S(0xFD, 0x25, Imm.NONE, "i8x16.lt_s", "vv:v"),
  I8X16_LT_U(0xFD, 0x26, Imm.NONE, "i8x16.lt_u", "vv:v"),
  I8X16_GT_S(0xFD, 0x27, Imm.NONE, "i8x16.gt_s", "vv:v"),
  I8X16_GT_U(0xFD, 0x28, Imm.NONE, "i8x16.gt_u", "vv:v"),
  I8X16_LE_S(0xFD, 0x29, Imm.NONE, "i8x16.le_s", "vv:v"),
  I8X16_LE_U(0xFD, 0x2A, Imm.NONE, "i8x16.le_u", "vv:v"),
  I8X16_GE_S(0xFD, 0x2B, Imm.NONE, "i8x16.ge_s", "vv:v"),
  I8X16_GE_U(0xFD, 0x2C, Imm.NONE, "i8x16.ge_u", "vv:v"),
  I16X8_EQ(0xFD, 0x2D, Imm.NONE, "i16x8.eq", "vv:v"),
  I16X8_NE(0xFD, 0x2E, Imm.NONE, "i16x8.ne", "vv:v"),
  I16X8_LT_S(0xFD, 0x2F, Imm.NONE, "i16x8.lt_s", "vv:v"),
  I16X8_LT_U(0xFD, 0x30, Imm.NONE, "i16x8.lt_u", "vv:v"),
  I16X8_GT_S(0xFD, 0x31, Imm.NONE, "i16x8.gt_s", "vv:v"),
  I16X8_GT_U(0xFD, 0x32, Imm.NONE, "i16x8.gt_u", "vv:v"),
  I16X8_LE_S(0xFD, 0x33, Imm.NONE, "i16x8.le_s", "vv:v"),
  I16X8_LE_U(0xFD, 0x34, Imm.NONE, "i16x8.le_u", "vv:v"),
  I16X8_GE_S(0xFD, 0x35, Imm.NONE, "i16x8.ge_s", "vv:v"),
  I16X8_GE_U(0xFD, 0x36, Imm.NONE, "i16x8.ge_u", "vv:v"),
  I32X4_EQ(0xFD, 0x37, Imm.NONE, "i32x4.eq", "vv:v"),
  I32X4_NE(0xFD, 0x38, Imm.NONE, "i32x4.ne", "vv:v"),
  I32X4_LT_S(0xFD, 0x39, Imm.NONE, "i32x4.lt_s", "vv:v"),
  I32X4_LT_U(0xFD, 0x3A, Imm.NONE, "i32x4.lt_u", "vv:v"),
  I32X4_GT_S(0xFD, 0x3B, Imm.NONE, "i32x4.gt_s", "vv:v"),
  I32X4_GT_U(0xFD, 0x3C, Imm.NONE, "i32x4.gt_u", "vv:v"),
  I32X4_LE_S(0xFD, 0x3D, Imm.NONE, "i32x4.le_s", "vv:v"),
  I32X4_LE_U(0xFD, 0x3E, Imm.NONE, "i32x4.le_u", "vv:v"),
  I32X4_GE_S(0xFD, 0x3F, Imm.NONE, "i32x4.ge_s", "vv:v"),
  I32X4_GE_U(0xFD, 0x40, Imm.NONE, "i32x4.ge_u", "vv:v"),
  F32X4_EQ(0xFD, 0x41, Imm.NONE, "f32x4.eq", "vv:v"),
  F32X4_NE(0xFD, 0x42, Imm.NONE, "f32x4.ne", "vv:v"),
  F32X4_LT(0xFD, 0x43, Imm.NONE, "f32x4.lt", "vv:v"),
  F32X4_GT(0xFD, 0x44, Imm.NONE, "f32x4.gt", "vv:v"),
  F32X4_LE(0xFD, 0x45, Imm.NONE, "f32x4.le", "vv:v"),
  F32X4_GE(0xFD, 0x46, Imm.NONE, "f32x4.ge", "vv:v"),
  F64X2_EQ(0xFD, 0x47, Imm.NONE, "f64x2.eq", "vv:v"),
  F64X2_NE(0xFD, 0x48, Imm.NONE, "f64x2.ne", "vv:v"),
  F64X2_LT(0xFD, 0x49, Imm.NONE, "f64x2.lt", "vv:v"),
  F64X2_GT(0xFD, 0x4A, Imm.NONE, "f64x2.gt", "vv:v"),
  F64X2_LE(0xFD, 0x4B, Imm.NONE, "f64x2.le", "vv:v"),
  F64X2_GE(0xFD, 0x4C, Imm.NONE, "f64x2.ge", "vv:v"),
  V128_NOT(0xFD, 0x4D, Imm.NONE, "v128.not", "v:v"),
  V128_AND(0xFD, 0x4E, Imm.NONE, "v128.and", "vv:v"),
  V128_ANDNOT(0xFD, 0x4F, Imm.NONE, "v128.andnot", "vv:v"),
  V128_OR(0xFD, 0x50, Imm.NONE, "v128.or", "vv:v"),
  V128_XOR(0xFD, 0x51, Imm.NONE, "v128.xor", "vv:v"),
  V128_BITSELECT(0xFD, 0x52, Imm.NONE, "v128.bitselect", "vvv:v"),
  V128_ANY_TRUE(0xFD, 0x53, Imm.NONE, "v128.any_true", "v:i"),
  V128_LOAD8_LANE(0xFD, 0x54, Imm.MEMARG_LANE, "v128.load8_lane", "iv:v", Access.B1),
  V128_LOAD16_LANE(0xFD, 0x55, Imm.MEMARG_LANE, "v128.load16_lane", "iv:v", Access.B2),
  V128_LOAD32_LANE(0xFD, 0x56, Imm.MEMARG_LANE, "v128.load32_lane", "iv:v", Access.B4),
  V128_LOAD64_LANE(0xFD, 0x57, Imm.MEMARG_LANE, "v128.load64_lane", "iv:v", Access.B8),
  V128_STORE8_LANE(0xFD, 0x58, Imm.MEMARG_LANE, "v128.store8_lane", "iv:", Access.B1),
  V128_STORE16_LANE(0xFD, 0x59, Imm.MEMARG_LANE, "v128.store16_lane", "iv:", Access.B2),
  V128_STORE32_LANE(0xFD, 0x5A, Imm.MEMARG_LANE, "v128.store32_lane", "iv:", Access.B4),
  V128_STORE64_LANE(0xFD, 0x5B, Imm.MEMARG_LANE, "v128.store64_lane", "iv:", Access.B8),
  V128_LOAD32_ZERO(0xFD, 0x5C, Imm.MEMARG, "v128.load32_zero", "i:v", Access.B4),
  V128_LOAD64_ZERO(0xFD, 0x5D, Imm.MEMARG, "v128.load64_zero", "i:v", Access.B8),
  F32X4_DEMOTE_F64X2_ZERO(0xFD, 0x5E, Imm.NONE, "f32x4.demote_f64x2_zero", "v:v"),
  F64X2_PROMOTE_LOW_F32X4(0xFD, 0x5F, Imm.NONE, "f64x2.promote_low_f32x4", "v:v"),
  I8X16_ABS(0xFD, 0x60, Imm.NONE, "i8x16.abs", "v:v"),
  I8X16_NEG(0xFD, 0x61, Imm.NONE, "i8x16.neg", "v:v"),
  I8X16_POPCNT(0xFD, 0x62, Imm.NONE, "i8x16.popcnt", "v:v"),
  I8X16_ALL_TRUE(0xFD, 0x63, Imm.NONE, "i8x16.all_true", "v:i"),
  I8X16_BITMASK(0xFD, 0x64, Imm.NONE, "i8x16.bitmask", "v:i"),
  I8X16_NARROW_I16X8_S(0xFD, 0x65, Imm.NONE, "i8x16.narrow_i16x8_s", "vv:v"),
  I8X16_NARROW_I16X8_U(0xFD, 0x66, Imm.NONE, "i8x16.narrow_i16x8_u", "vv:v"),
  F32X4_CEIL(0xFD, 0x67, Imm.NONE, "f32x4.ceil", "v:v"),
  F32X4_FLOOR(0xFD, 0x68, Imm.NONE, "f32x4.floor", "v:v"),
  F32X4_TRUNC(0xFD, 0x69, Imm.NONE, "f32x4.trunc", "v:v"),
  F32X4_NEAREST(0xFD, 0x6A, Imm.NONE, "f32x4.nearest", "v:v"),
  I8X16_SHL(0xFD, 0x6B, Imm.NONE, "i8x16.shl", "vi:v"),
  I8X16_SHR_S(0xFD, 0x6C, Imm.NONE, "i8x16.shr_s", "vi:v"),
  I8X16_SHR_U(0xFD, 0x6D, Imm.NONE, "i8x16.shr_u", "vi:v"),
  I8X16_ADD(0xFD, 0x6E, Imm.NONE, "i8x16.add", "vv:v"),
  I8X16_ADD_SAT_S(0xFD, 0x6F, Imm.NONE, "i8x16.add_sat_s", "vv:v"),
  I8X16_ADD_SAT_U(0xFD, 0x70, Imm.NONE, "i8x16.add_sat_u", "vv:v"),
  I8X16_SUB(0xFD, 0x71, Imm.NONE, "i8x16.sub", "vv:v"),
  I8X16_SUB_SAT_S(0xFD, 0x72, Imm.NONE, "i8x16.sub_sat_s", "vv:v"),
  I8X16_SUB_SAT_U(0xFD, 0x73, Imm.NONE, "i8x16.sub_sat_u", "vv:v"),
  F64X2_CEIL(0xFD, 0x74, Imm.NONE, "f64x2.ceil", "v:v"),
  F64X2_FLOOR(0xFD, 0x75, Imm.NONE, "f64x2.floor", "v:v"),
  I8X16_MIN_S(0xFD, 0x76, Imm.NONE, "i8x16.min_s", "vv:v"),
  I8X16_MIN_U(0xFD, 0x77, Imm.NONE, "i8x16.min_u", "vv:v"),
  I8X16_MAX_S(0xFD, 0x78, Imm.NONE, "i8x16.max_s", "vv:v"),
  I8X16_MAX_U(0xFD, 0x79, Imm.NONE, "i8x16.max_u", "vv:v"),
  F64X2_TRUNC(0xFD, 0x7A, Imm.NONE, "f64x2.trunc", "v:v"),
  I8X16_AVGR_U(0xFD, 0x7B, Imm.NONE, "i8x16.avgr_u", "vv:v"),
  I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 0x7C, Imm.NONE, "i16x8.extadd_pairwise_i8x16_s", "v:v"),
  I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 0x7D, Imm.NONE, "i16x8.extadd_pairwise_i8x16_u", "v:v"),
  I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 0x7E, Imm.NONE, "i32x4.extadd_pairwise_i16x8_s", "v:v"),
  I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 0x7F, Imm.NONE, "i32x4.extadd_pairwise_i16x8_u", "v:v"),
  I16X8_ABS(0xFD, 0x80, Imm.NONE, "i16x8.abs", "v:v"),
  I16X8_NEG(0xFD, 0x81, Imm.NONE, "i16x8.neg", "v:v"),
  I16X8_Q15MULR_SAT_S(0xFD, 0x82, Imm.NONE, "i16x8.q15mulr_sat_s", "vv:v"),
  I16X8_ALL_TRUE(0xFD, 0x83, Imm.NONE, "i16x8.all_true", "v:i"),
  I16X8_BITMASK(0xFD, 0x84, Imm.NONE, "i16x8.bitmask", "v:i"),
  I16X8_NARROW_I32X4_S(0xFD, 0x85, Imm.NONE, "i16x8.narrow_i32x4_s", "vv:v"),
  I16X8_NARROW_I32X4_U(0xFD, 0x86, Imm.NONE, "i16x8.narrow_i32x4_u", "vv:v"),
  I16X8_EXTEND_LOW_I8X16_S(0xFD, 0x87, Imm.NONE, "i16x8.extend_low_i8x16_s", "v:v"),
  I16X8_EXTEND_HIGH_I8X16_S(0xFD, 0x88, Imm.NONE, "i16x8.extend_high_i8x16_s", "v:v"),
  I16X8_EXTEND_LOW_I8X16_U(0xFD, 0x89, Imm.NONE, "i16x8.extend_low_i8x16_u", "v:v"),
  I16X8_EXTEND_HIGH_I8X16_U(0xFD, 0x8A, Imm.NONE, "i16x8.extend_high_i8x16_u", "v:v"),
  I16X8_SHL(0xFD, 0x8B, Imm.NONE, "i16x8.shl", "vi:v"),
  I16X8_SHR_S(0xFD, 0x8C, Imm.NONE, "i16x8.shr_s", "vi:v"),
  I16X8_SHR_U(0xFD, 0x8D, Imm.NONE, "i16x8.shr_u", "vi:v"),
  I16X8_ADD(0xFD, 0x8E, Imm.NONE, "i16x8.add", "vv:v"),
  I16X8_ADD_SAT_S(0xFD, 0x8F, Imm.NONE, "i16x8.add_sat_s", "vv:v"),
  I16X8_ADD_SAT_U(0xFD, 0x90, Imm.NONE, "i16x8.add_sat_u", "vv:v"),
  I16X8_SUB(0xFD, 0x91, Imm.NONE, "i16x8.sub", "vv:v"),
  I16X8_SUB_SAT_S(0xFD, 0x92, Imm.NONE, "i16x8.sub_sat_s", "vv:v"),
  I16X8_SUB_SAT_U(0xFD, 0x93, Imm.NONE, "i16x8.sub_sat_u", "vv:v"),
  F64X2_NEAREST(0xFD, 0x94, Imm.NONE, "f64x2.nearest", "v:v"),
  I16X8_MUL(0xFD, 0x95, Imm.NONE, "i16x8.mul", "vv:v"),
  I16X8_MIN_S(0xFD, 0x96, Imm.NONE, "i16x8.min_s", "vv:v"),
  I16X8_MIN_U(0xFD, 0x97, Imm.NONE, "i16x8.min_u", "vv:v"),
  I16X8_MAX_S(0xFD, 0x98, Imm.NONE, "i16x8.max_s", "vv:v"),
  I16X8_MAX_U(0xFD, 0x99, Imm.NONE, "i16x8.max_u", "vv:v"),
  I16X8_AVGR_U(0xFD, 0x9B, Imm.NONE, "i16x8.avgr_u", "vv:v"),
  I16X8_EXTMUL_LOW_I8X16_S(0xFD, 0x9C, Imm.NONE, "i16x8.extmul_low_i8x16_s", "vv:v"),
  I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 0x9D, Imm.NONE, "i16x8.extmul_high_i8x16_s", "vv:v"),
  I16X8_EXTMUL_LOW_I8X16_U(0xFD, 0x9E, Imm.NONE, "i16x8.extmul_low_i8x16_u", "vv:v"),
  I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 0x9F, Imm.NONE, "i16x8.extmul_high_i8x16_u", "vv:v"),
  I32X4_ABS(0xFD, 0xA0, Imm.NONE, "i32x4.abs", "v:v"),
  I32X4_NEG(0xFD, 0xA1, Imm.NONE, "i32x4.neg", "v:v"),
  I32X4_ALL_TRUE(0xFD, 0xA3, Imm.NONE, "i32x4.all_true", "v:i"),
  I32X4_BITMASK(0xFD, 0xA4, Imm.NONE, "i32x4.bitmask", "v:i"),
  I32X4_EXTEND_LOW_I16X8_S(0xFD, 0xA7, Imm.NONE, "i32x4.extend_low_i16x8_s", "v:v"),
  I32X4_EXTEND_HIGH_I16X8_S(0xFD, 0xA8, Imm.NONE, "i32x4.extend_high_i16x8_s", "v:v"),
  I32X4_EXTEND_LOW_I16X8_U(0xFD, 0xA9, Imm.NONE, "i32x4.extend_low_i16x8_u", "v:v"),
  I32X4_EXTEND_HIGH_I16X8_U(0xFD, 0xAA, Imm.NONE, "i32x4.extend_high_i16x8_u", "v:v"),
  I32X4_SHL(0xFD, 0xAB, Imm.NONE, "i32x4.shl", "vi:v"),
  I32X4_SHR_S(0xFD, 0xAC, Imm.NONE, "i32x4.shr_s", "vi:v"),
  I32X4_SHR_U(0xFD, 0xAD, Imm.NONE, "i32x4.shr_u", "vi:v"),
  I32X4_ADD(0xFD, 0xAE, Imm.NONE, "i32x4.add", "vv:v"),
  I32X4_SUB(0xFD, 0xB1, Imm.NONE, "i32x4.sub", "vv:v"),
  I32X4_MUL(0xFD, 0xB5, Imm.NONE, "i32x4.mul", "vv:v"),
  I32X4_MIN_S(0xFD, 0xB6, Imm.NONE, "i32x4.min_s", "vv:v"),
  I32X4_MIN_U(0xFD, 0xB7, Imm.NONE, "i32x4.min_u", "vv:v"),
  I32X4_MAX_S(0xFD, 0xB8, Imm.NONE, "i32x4.max_s", "vv:v"),
  I32X4_MAX_U(0xFD, 0xB9, Imm.NONE, "i32x4.max_u", "vv:v"),
  I32X4_DOT_I16X8_S(0xFD, 0xBA, Imm.NONE, "i32x4.dot_i16x8_s", "vv:v"),
  I32X4_EXTMUL_LOW_I16X8_S(0xFD, 0xBC, Imm.NONE, "i32x4.extmul_low_i16x8_s", "vv:v"),
  I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 0xBD, Imm.NONE, "i32x4.extmul_high_i16x8_s", "vv:v"),
  I32X4_EXTMUL_LOW_I16X8_U(0xFD, 0xBE, Imm.NONE, "i32x4.extmul_low_i16x8_u", "vv:v"),
  I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 0xBF, Imm.NONE, "i32x4.extmul_high_i16x8_u", "vv:v"),
  I64X2_ABS(0xFD, 0xC0, Imm.NONE, "i64x2.abs", "v:v"),
  I64X2_NEG(0xFD, 0xC1, Imm.NONE, "i64x2.neg", "v:v"),
  I64X2_ALL_TRUE(0xFD, 0xC3, Imm.NONE, "i64x2.all_true", "v:i"),
  I64X2_BITMASK(0xFD, 0xC4, Imm.NONE, "i64x2.bitmask", "v:i"),
  I64X2_EXTEND_LOW_I32X4_S(0xFD, 0xC7, Imm.NONE, "i64x2.extend_low_i32x4_s", "v:v"),
  I64X2_EXTEND_HIGH_I32X4_S(0xFD, 0xC8, Imm.NONE, "i64x2.extend_high_i32x4_s", "v:v"),
  I64X2_EXTEND_LOW_I32X4_U(0xFD, 0xC9, Imm.NONE, "i64x2.extend_low_i32x4_u", "v:v"),
  I64X2_EXTEND_HIGH_I32X4_U(0xFD, 0xCA, Imm.NONE, "i64x2.extend_high_i32x4_u", "v:v"),
  I64X2_SHL(0xFD, 0xCB, Imm.NONE, "i64x2.shl", "vi:v"),
  I64X2_SHR_S(0xFD, 0xCC, Imm.NONE, "i64x2.shr_s", "vi:v"),
  I64X2_SHR_U(0xFD, 0xCD, Imm.NONE, "i64x2.shr_u", "vi:v"),
  I64X2_ADD(0xFD, 0xCE, Imm.NONE, "i64x2.add", "vv:v"),
  I64X2_SUB(0xFD, 0xD1, Imm.NONE, "i64x2.sub", "vv:v"),
  I64X2_MUL(0xFD, 0xD5, Imm.NONE, "i64x2.mul", "vv:v"),
  I64X2_EQ(0xFD, 0xD6, Imm.NONE, "i64x2.eq", "vv:v"),
  I64X2_NE(0xFD, 0xD7, Imm.NONE, "i64x2.ne", "vv:v"),
  I64X2_LT_S(0xFD, 0xD8, Imm.NONE, "i64x2.lt_s", "vv:v"),
  I64X2_GT_S(0xFD, 0xD9, Imm.NONE, "i64x2.gt_s", "vv:v"),
  I64X2_LE_S(0xFD, 0xDA, Imm.NONE, "i64x2.le_s", "vv:v"),
  I64X2_GE_S(0xFD, 0xDB, Imm.NONE, "i64x2.ge_s", "vv:v"),
  I64X2_EXTMUL_LOW_I32X4_S(0xFD, 0xDC, Imm.NONE, "i64x2.extmul_low_i32x4_s", "vv:v"),
  I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 0xDD, Imm.NONE, "i64x2.extmul_high_i32x4_s", "vv:v"),
  I64X2_EXTMUL_LOW_I32X4_U(0xFD, 0xDE, Imm.NONE, "i64x2.extmul_low_i32x4_u", "vv:v"),
  I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 0xDF, Imm.NONE, "i64x2.extmul_high_i32x4_u", "vv:v"),
  F32X4_ABS(0xFD, 0xE0, Imm.NONE, "f32x4.abs", "v:v"),
  F32X4_NEG(0xFD, 0xE1, Imm.NONE, "f32x4.neg", "v:v"),
  F32X4_SQRT(0xFD, 0xE3, Imm.NONE, "f32x4.sqrt", "v:v"),
  F32X4_ADD(0xFD, 0xE4, Imm.NONE, "f32x4.add", "vv:v"),
  F32X4_SUB(0xFD, 0xE5, Imm.NONE, "f32x4.sub", "vv:v"),
  F32X4_MUL(0xFD, 0xE6, Imm.NONE, "f32x4.mul", "vv:v"),
  F32X4_DIV(0xFD, 0xE7, Imm.NONE, "f32x4.div", "vv:v"),
  F32X4_MIN(0xFD, 0xE8, Imm.NONE, "f32x4.min", "vv:v"),
  F32X4_MAX(0xFD, 0xE9, Imm.NONE, "f32x4.max", "vv:v"),
  F32X4_PMIN(0xFD, 0xEA, Imm.NONE, "f32x4.pmin", "vv:v"),
  F32X4_PMAX(0xFD, 0xEB, Imm.NONE, "f32x4.pmax", "vv:v"),
  F64X2_ABS(0xFD, 0xEC, Imm.NONE, "f64x2.abs", "v:v"),
  F64X2_NEG(0xFD, 0xED, Imm.NONE, "f64x2.neg", "v:v"),
  F64X2_SQRT(0xFD, 0xEF, Imm.NONE, "f64x2.sqrt", "v:v"),
  F64X2_ADD(0xFD, 0xF0, Imm.NONE, "f64x2.add", "vv:v"),
  F64X2_SUB(0xFD, 0xF1, Imm.NONE, "f64x2.sub", "vv:v"),
  F64X2_MUL(0xFD, 0xF2, Imm.NONE, "f64x2.mul", "vv:v"),
  F64X2_DIV(0xFD, 0xF3, Imm.NONE, "f64x2.div", "vv:v"),
  F64X2_MIN(0xFD, 0xF4, Imm.NONE, "f64x2.min", "vv:v"),
  F64X2_MAX(0xFD, 0xF5, Imm.NONE, "f64x2.max", "vv:v"),
  F64X2_PMIN(0xFD, 0xF6, Imm.NONE, "f64x2.pmin", "vv:v"),
  F64X2_PMAX(0xFD, 0xF7, Imm.NONE, "f64x2.pmax", "vv:v"),
  I32X4_TRUNC_SAT_F32X4_S(0xFD, 0xF8, Imm.NONE, "i32x4.trunc_sat_f32x4_s", "v:v"),
  I32X4_TRUNC_SAT_F32X4_U(0xFD, 0xF9, Imm.NONE, "i32x4.trunc_sat_f32x4_u", "v:v"),
  F32X4_CONVERT_I32X4_S(0xFD, 0xFA, Imm.NONE, "f32x4.convert_i32x4_s", "v:v"),
  F32X4_CONVERT_I32X4_U(0xFD, 0xFB, Imm.NONE, "f32x4.convert_i32x4_u", "v:v"),
  I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 0xFC, Imm.NONE, "i32x4.trunc_sat_f64x2_s_zero", "v:v"),
  I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 0xFD, Imm.NONE, "i32x4.trunc_sat_f64x2_u_zero", "v:v"),
  F64X2_CONVERT_LOW_I32X4_S(0xFD, 0xFE, Imm.NONE, "f64x2.convert_low_i32x4_s", "v:v"),
  F64X2_CONVERT_LOW_I32X4_U(0xFD, 0xFF, Imm.NONE, "f64x2.convert_low_i32x4_u", "v:v");

  /**
   * What a memory instruction reads or writes: its width in bytes and, for a load narrower than
   * its result (or its lanes: {@code v128.load8x8_s}), whether it sign- or zero-extends.
   */
  public enum Access {
    /** Not a memory access (bulk memory instructions included). */
    NONE(0, 0),
    B1(1, 0),
    B1_S(1, 1),
    B1_U(1, 2),
    B2(2, 0),
    B2_S(2, 1),
    B2_U(2, 2),
    B4(4, 0),
    B4_S(4, 1),
    B4_U(4, 2),
    B8(8, 0),
    B8_S(8, 1),
    B8_U(8, 2),
    B16(16, 0);

    private final int bytes;
    /** {@link #naturalAlignment()}, worked out once: the validator asks at every load and store. */
    private final int alignment;
    private final int extension; // 0 none, 1 signed, 2 unsigned

    Access(int bytes, int extension) {
      this.bytes = bytes;
      this.extension = extension;
      this.alignment = bytes == 0 ? -1 : Integer.numberOfTrailingZeros(bytes);
    }

    /** Bytes accessed: 1 for {@code i64.load8_u}, 8 for {@code v128.load16x4_s}; 0 for {@link #NONE}. */
    public int bytes() {
      return bytes;
    }

    /** log2 of {@link #bytes()}: the largest alignment a memarg may give; -1 for {@link #NONE}. */
    public int naturalAlignment() {
      return alignment;
    }

    /** True for loads that sign-extend what they read ({@code _s}). */
    public boolean signExtends() {
      return extension == 1;
    }

    /** True for loads that zero-extend what they read ({@code _u}). */
    public boolean zeroExtends() {
      return extension == 2;
    }
  }

  /** The shape of an instruction's immediates, i.e. what the decoder reads after the opcode. */
  public enum Imm {
    /** Nothing. */
    NONE,
    /** A block type (s33: empty, a value type or a type index). */
    BLOCK_TYPE,
    /** A label index ({@code br}, {@code br_if}). */
    LABEL,
    /** A vector of label indices plus a default ({@code br_table}). */
    LABEL_TABLE,
    /** A function index ({@code call}, {@code return_call}, {@code ref.func}). */
    FUNC,
    /** A type index then a table index ({@code call_indirect}). */
    TYPE_AND_TABLE,
    /** A local index. */
    LOCAL,
    /** A global index. */
    GLOBAL,
    /** A table index ({@code table.get/set/size/grow/fill}). */
    TABLE,
    /** A memarg: alignment flags (bit 6 = memory index follows, with multi-memory) and offset. */
    MEMARG,
    /** A memory index; a reserved zero byte without multi-memory ({@code memory.size/grow/fill}). */
    MEMORY,
    /** An s32 ({@code i32.const}). */
    I32,
    /** An s64 ({@code i64.const}). */
    I64,
    /** 4 bytes of an f32. */
    F32,
    /** 8 bytes of an f64. */
    F64,
    /** 16 bytes ({@code v128.const}). */
    V128,
    /** 16 lane indices ({@code i8x16.shuffle}). */
    SHUFFLE,
    /** One lane index byte. */
    LANE,
    /** A memarg then a lane index byte. */
    MEMARG_LANE,
    /** A vector of value types ({@code select t*}). */
    SELECT_TYPES,
    /** A reference type byte ({@code ref.null}). */
    REF_TYPE,
    /** An element segment index ({@code elem.drop}). */
    ELEM,
    /** A data segment index ({@code data.drop}). */
    DATA,
    /** A data index then a memory index ({@code memory.init}). */
    DATA_AND_MEMORY,
    /** Destination then source memory index ({@code memory.copy}). */
    MEMORY_PAIR,
    /** An element index then a table index ({@code table.init}). */
    ELEM_AND_TABLE,
    /** Destination then source table index ({@code table.copy}). */
    TABLE_PAIR
  }

  private static final Opcode[] SINGLE = new Opcode[256];
  private static final Opcode[] MISC = new Opcode[32];
  private static final Opcode[] SIMD = new Opcode[256];

  static {
    for (Opcode op : values()) {
      table(op.prefix)[op.code] = op;
    }
  }

  private static Opcode[] table(int prefix) {
    return prefix == 0 ? SINGLE : prefix == 0xFC ? MISC : SIMD;
  }

  /** The single-byte opcode {@code b}, or {@code null} if undefined (prefix bytes included). */
  public static Opcode fromByte(int b) {
    return b >= 0 && b < 256 ? SINGLE[b] : null;
  }

  /** The opcode {@code code} after prefix {@code 0xFC} or {@code 0xFD}, or {@code null}. */
  public static Opcode fromPrefixed(int prefix, int code) {
    Opcode[] t = prefix == 0xFC ? MISC : prefix == 0xFD ? SIMD : null;
    return t != null && code >= 0 && code < t.length ? t[code] : null;
  }

  private final int prefix;
  private final int code;
  private final Imm immediates;
  private final String text;
  private final ValType[] params;
  private final ValType[] results;
  private final Feature feature;
  private final Access access;
  private final int lanes;

  Opcode(int code, Imm immediates, String text, String signature) {
    this(0, code, immediates, text, signature, null, Access.NONE, 0);
  }

  Opcode(int code, Imm immediates, String text, String signature, Feature feature) {
    this(0, code, immediates, text, signature, feature, Access.NONE, 0);
  }

  Opcode(int code, Imm immediates, String text, String signature, Access access) {
    this(0, code, immediates, text, signature, null, access, 0);
  }

  Opcode(int prefix, int code, Imm immediates, String text, String signature) {
    this(prefix, code, immediates, text, signature, null, Access.NONE, 0);
  }

  Opcode(int prefix, int code, Imm immediates, String text, String signature, Feature feature) {
    this(prefix, code, immediates, text, signature, feature, Access.NONE, 0);
  }

  Opcode(int prefix, int code, Imm immediates, String text, String signature, Access access) {
    this(prefix, code, immediates, text, signature, null, access,
        immediates == Imm.MEMARG_LANE ? 16 / access.bytes() : 0);
  }

  Opcode(int prefix, int code, Imm immediates, String text, String signature, int lanes) {
    this(prefix, code, immediates, text, signature, null, Access.NONE, lanes);
  }

  Opcode(int prefix, int code, Imm immediates, String text, String signature, Feature feature,
      Access access, int lanes) {
    this.prefix = prefix;
    this.code = code;
    this.immediates = immediates;
    this.text = text;
    this.feature = feature == null && prefix == 0xFD ? Feature.SIMD : feature;
    this.access = access;
    this.lanes = lanes;
    if (signature == null) {
      this.params = null;
      this.results = null;
    } else {
      int colon = signature.indexOf(':');
      this.params = types(signature, 0, colon);
      this.results = types(signature, colon + 1, signature.length());
    }
  }

  /** The types of {@code signature}'s letters {@code from} to {@code to} (no substrings: class init runs interpreted). */
  private static ValType[] types(String signature, int from, int to) {
    ValType[] types = new ValType[to - from];
    for (int i = 0; i < types.length; i++) {
      switch (signature.charAt(from + i)) {
        case 'i': types[i] = ValType.I32; break;
        case 'l': types[i] = ValType.I64; break;
        case 'f': types[i] = ValType.F32; break;
        case 'd': types[i] = ValType.F64; break;
        case 'v': types[i] = ValType.V128; break;
        default: throw new IllegalArgumentException(signature);
      }
    }
    return types;
  }

  /** 0 for single-byte opcodes, else the prefix byte ({@code 0xFC} or {@code 0xFD}). */
  public int prefix() {
    return prefix;
  }

  /** The opcode byte, or for prefixed opcodes the u32 that follows the prefix. */
  public int code() {
    return code;
  }

  /** What follows the opcode in the binary. */
  public Imm immediates() {
    return immediates;
  }

  /** The text-format name, e.g. {@code "i32.add"}. */
  public String text() {
    return text;
  }

  /**
   * The feature that introduced the instruction, which a module must enable to use it; {@code null}
   * for Wasm 1.0's.
   */
  public Feature feature() {
    return feature;
  }

  /** What a load or store accesses; {@link Access#NONE} for every other instruction. */
  public Access access() {
    return access;
  }

  /**
   * The lane count of the vector a lane instruction addresses ({@code i16x8.extract_lane_s}: 8,
   * {@code v128.load32_lane}: 4), which bounds its lane index; 0 for other instructions.
   */
  public int lanes() {
    return lanes;
  }

  /** True if the stack effect is fixed, given by {@link #params()} and {@link #results()}. */
  public boolean hasSignature() {
    return params != null;
  }

  /** The operand types popped, bottom first; {@code null} without a fixed signature. Do not modify. */
  public ValType[] params() {
    return params;
  }

  /** The result types pushed; {@code null} without a fixed signature. Do not modify. */
  public ValType[] results() {
    return results;
  }

  @Override
  public String toString() {
    return text;
  }
}
