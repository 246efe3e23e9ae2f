package org.wasmj.ir;

/**
 * The register IR's instruction set, defined once. Each op names its operands with one letter per
 * {@code int} slot group in the code array: {@code d} result register, {@code r} source register,
 * {@code i} 32-bit immediate, {@code l} 64-bit immediate (two slots, low first), {@code t} branch
 * target (absolute code index), {@code x} an index (function, global, table…). The encoder
 * ({@link CodeWriter}), the printer ({@link Disassembler}) and the executors all follow these
 * shapes; an instruction is its op's ordinal followed by its operands.
 *
 * <p>Names end in the operand shape: {@code I32_ADD_RRR} (result, lhs, rhs in registers),
 * {@code I32_ADD_RRI} (rhs an immediate). Immediate variants exist only where they save an
 * instruction in common code: i32/i64 add, sub, mul, bit ops, shifts, and i32 compares.
 */
public enum Op {
  /** {@code d <- r}: a register copy (block results, preserved locals, local.set of a local). */
  COPY_RR("copy", "dr"),
  /** {@code d <- #i}: a 32-bit constant (i32, f32 bits), sign-extended into the slot. */
  CONST32_RI("const32", "di"),
  /** {@code d <- #l}: a 64-bit constant (i64, f64 bits). */
  CONST64_RL("const64", "dl"),
  /** Traps with {@code unreachable}. */
  UNREACHABLE("unreachable", ""),
  /** Returns no value. */
  RETURN("return", ""),
  /** Returns the value in {@code r}. */
  RETURN_R("return", "r"),
  /** Jumps to {@code t}. */
  BR_T("br", "t"),
  /** Jumps to {@code t} if the i32 in {@code r} is zero. */
  BR_EQZ_RT("br_eqz", "rt"),
  /** Jumps to {@code t} if the i32 in {@code r} is not zero. */
  BR_NEZ_RT("br_nez", "rt"),
  /** {@code d <- r3 != 0 ? r1 : r2} ({@code select}, {@code select t}; 64-bit slots, any type). */
  SELECT_RRRR("select", "drrr"),
  /** {@code d <- global[x]}. */
  GLOBAL_GET("global.get", "dx"),
  /** {@code global[x] <- r}. */
  GLOBAL_SET("global.set", "xr"),
  /** {@code d <-} memory 0's size in pages. */
  MEMORY_SIZE("memory.size", "d"),
  /** {@code d <-} memory 0 grown by {@code r} pages: the old size, or -1. */
  MEMORY_GROW("memory.grow", "dr"),
  /** Fills memory 0: {@code [r1, r1 + r3)} with the byte {@code r2}; traps out of bounds. */
  MEMORY_FILL("memory.fill", "rrr"),
  // Loads from memory 0: d <- mem[r + #offset] (unsigned offset); out of bounds traps.
  I32_LOAD("i32.load", "dri"),
  I64_LOAD("i64.load", "dri"),
  F32_LOAD("f32.load", "dri"),
  F64_LOAD("f64.load", "dri"),
  I32_LOAD8_S("i32.load8_s", "dri"),
  I32_LOAD8_U("i32.load8_u", "dri"),
  I32_LOAD16_S("i32.load16_s", "dri"),
  I32_LOAD16_U("i32.load16_u", "dri"),
  I64_LOAD8_S("i64.load8_s", "dri"),
  I64_LOAD8_U("i64.load8_u", "dri"),
  I64_LOAD16_S("i64.load16_s", "dri"),
  I64_LOAD16_U("i64.load16_u", "dri"),
  I64_LOAD32_S("i64.load32_s", "dri"),
  I64_LOAD32_U("i64.load32_u", "dri"),
  // Stores to memory 0: mem[r1 + #offset] <- r2.
  I32_STORE("i32.store", "rri"),
  I64_STORE("i64.store", "rri"),
  F32_STORE("f32.store", "rri"),
  F64_STORE("f64.store", "rri"),
  I32_STORE8("i32.store8", "rri"),
  I32_STORE16("i32.store16", "rri"),
  I64_STORE8("i64.store8", "rri"),
  I64_STORE16("i64.store16", "rri"),
  I64_STORE32("i64.store32", "rri"),

  // Numeric ops, one per Wasm numeric instruction (semantics: Semantics.<camelCase text name>).
  I32_EQZ_RR("i32.eqz", "dr"),
  I32_EQ_RRR("i32.eq", "drr"),
  I32_EQ_RRI("i32.eq", "dri"),
  I32_NE_RRR("i32.ne", "drr"),
  I32_NE_RRI("i32.ne", "dri"),
  I32_LT_S_RRR("i32.lt_s", "drr"),
  I32_LT_S_RRI("i32.lt_s", "dri"),
  I32_LT_U_RRR("i32.lt_u", "drr"),
  I32_LT_U_RRI("i32.lt_u", "dri"),
  I32_GT_S_RRR("i32.gt_s", "drr"),
  I32_GT_S_RRI("i32.gt_s", "dri"),
  I32_GT_U_RRR("i32.gt_u", "drr"),
  I32_GT_U_RRI("i32.gt_u", "dri"),
  I32_LE_S_RRR("i32.le_s", "drr"),
  I32_LE_S_RRI("i32.le_s", "dri"),
  I32_LE_U_RRR("i32.le_u", "drr"),
  I32_LE_U_RRI("i32.le_u", "dri"),
  I32_GE_S_RRR("i32.ge_s", "drr"),
  I32_GE_S_RRI("i32.ge_s", "dri"),
  I32_GE_U_RRR("i32.ge_u", "drr"),
  I32_GE_U_RRI("i32.ge_u", "dri"),
  I64_EQZ_RR("i64.eqz", "dr"),
  I64_EQ_RRR("i64.eq", "drr"),
  I64_NE_RRR("i64.ne", "drr"),
  I64_LT_S_RRR("i64.lt_s", "drr"),
  I64_LT_U_RRR("i64.lt_u", "drr"),
  I64_GT_S_RRR("i64.gt_s", "drr"),
  I64_GT_U_RRR("i64.gt_u", "drr"),
  I64_LE_S_RRR("i64.le_s", "drr"),
  I64_LE_U_RRR("i64.le_u", "drr"),
  I64_GE_S_RRR("i64.ge_s", "drr"),
  I64_GE_U_RRR("i64.ge_u", "drr"),
  F32_EQ_RRR("f32.eq", "drr"),
  F32_NE_RRR("f32.ne", "drr"),
  F32_LT_RRR("f32.lt", "drr"),
  F32_GT_RRR("f32.gt", "drr"),
  F32_LE_RRR("f32.le", "drr"),
  F32_GE_RRR("f32.ge", "drr"),
  F64_EQ_RRR("f64.eq", "drr"),
  F64_NE_RRR("f64.ne", "drr"),
  F64_LT_RRR("f64.lt", "drr"),
  F64_GT_RRR("f64.gt", "drr"),
  F64_LE_RRR("f64.le", "drr"),
  F64_GE_RRR("f64.ge", "drr"),
  I32_CLZ_RR("i32.clz", "dr"),
  I32_CTZ_RR("i32.ctz", "dr"),
  I32_POPCNT_RR("i32.popcnt", "dr"),
  I32_ADD_RRR("i32.add", "drr"),
  I32_ADD_RRI("i32.add", "dri"),
  I32_SUB_RRR("i32.sub", "drr"),
  I32_SUB_RRI("i32.sub", "dri"),
  I32_MUL_RRR("i32.mul", "drr"),
  I32_MUL_RRI("i32.mul", "dri"),
  I32_DIV_S_RRR("i32.div_s", "drr"),
  I32_DIV_U_RRR("i32.div_u", "drr"),
  I32_REM_S_RRR("i32.rem_s", "drr"),
  I32_REM_U_RRR("i32.rem_u", "drr"),
  I32_AND_RRR("i32.and", "drr"),
  I32_AND_RRI("i32.and", "dri"),
  I32_OR_RRR("i32.or", "drr"),
  I32_OR_RRI("i32.or", "dri"),
  I32_XOR_RRR("i32.xor", "drr"),
  I32_XOR_RRI("i32.xor", "dri"),
  I32_SHL_RRR("i32.shl", "drr"),
  I32_SHL_RRI("i32.shl", "dri"),
  I32_SHR_S_RRR("i32.shr_s", "drr"),
  I32_SHR_S_RRI("i32.shr_s", "dri"),
  I32_SHR_U_RRR("i32.shr_u", "drr"),
  I32_SHR_U_RRI("i32.shr_u", "dri"),
  I32_ROTL_RRR("i32.rotl", "drr"),
  I32_ROTR_RRR("i32.rotr", "drr"),
  I64_CLZ_RR("i64.clz", "dr"),
  I64_CTZ_RR("i64.ctz", "dr"),
  I64_POPCNT_RR("i64.popcnt", "dr"),
  I64_ADD_RRR("i64.add", "drr"),
  I64_ADD_RRI("i64.add", "drl"),
  I64_SUB_RRR("i64.sub", "drr"),
  I64_SUB_RRI("i64.sub", "drl"),
  I64_MUL_RRR("i64.mul", "drr"),
  I64_MUL_RRI("i64.mul", "drl"),
  I64_DIV_S_RRR("i64.div_s", "drr"),
  I64_DIV_U_RRR("i64.div_u", "drr"),
  I64_REM_S_RRR("i64.rem_s", "drr"),
  I64_REM_U_RRR("i64.rem_u", "drr"),
  I64_AND_RRR("i64.and", "drr"),
  I64_AND_RRI("i64.and", "drl"),
  I64_OR_RRR("i64.or", "drr"),
  I64_OR_RRI("i64.or", "drl"),
  I64_XOR_RRR("i64.xor", "drr"),
  I64_XOR_RRI("i64.xor", "drl"),
  I64_SHL_RRR("i64.shl", "drr"),
  I64_SHL_RRI("i64.shl", "drl"),
  I64_SHR_S_RRR("i64.shr_s", "drr"),
  I64_SHR_S_RRI("i64.shr_s", "drl"),
  I64_SHR_U_RRR("i64.shr_u", "drr"),
  I64_SHR_U_RRI("i64.shr_u", "drl"),
  I64_ROTL_RRR("i64.rotl", "drr"),
  I64_ROTR_RRR("i64.rotr", "drr"),
  F32_ABS_RR("f32.abs", "dr"),
  F32_NEG_RR("f32.neg", "dr"),
  F32_CEIL_RR("f32.ceil", "dr"),
  F32_FLOOR_RR("f32.floor", "dr"),
  F32_TRUNC_RR("f32.trunc", "dr"),
  F32_NEAREST_RR("f32.nearest", "dr"),
  F32_SQRT_RR("f32.sqrt", "dr"),
  F32_ADD_RRR("f32.add", "drr"),
  F32_SUB_RRR("f32.sub", "drr"),
  F32_MUL_RRR("f32.mul", "drr"),
  F32_DIV_RRR("f32.div", "drr"),
  F32_MIN_RRR("f32.min", "drr"),
  F32_MAX_RRR("f32.max", "drr"),
  F32_COPYSIGN_RRR("f32.copysign", "drr"),
  F64_ABS_RR("f64.abs", "dr"),
  F64_NEG_RR("f64.neg", "dr"),
  F64_CEIL_RR("f64.ceil", "dr"),
  F64_FLOOR_RR("f64.floor", "dr"),
  F64_TRUNC_RR("f64.trunc", "dr"),
  F64_NEAREST_RR("f64.nearest", "dr"),
  F64_SQRT_RR("f64.sqrt", "dr"),
  F64_ADD_RRR("f64.add", "drr"),
  F64_SUB_RRR("f64.sub", "drr"),
  F64_MUL_RRR("f64.mul", "drr"),
  F64_DIV_RRR("f64.div", "drr"),
  F64_MIN_RRR("f64.min", "drr"),
  F64_MAX_RRR("f64.max", "drr"),
  F64_COPYSIGN_RRR("f64.copysign", "drr"),
  I32_WRAP_I64_RR("i32.wrap_i64", "dr"),
  I32_TRUNC_F32_S_RR("i32.trunc_f32_s", "dr"),
  I32_TRUNC_F32_U_RR("i32.trunc_f32_u", "dr"),
  I32_TRUNC_F64_S_RR("i32.trunc_f64_s", "dr"),
  I32_TRUNC_F64_U_RR("i32.trunc_f64_u", "dr"),
  I64_EXTEND_I32_S_RR("i64.extend_i32_s", "dr"),
  I64_EXTEND_I32_U_RR("i64.extend_i32_u", "dr"),
  I64_TRUNC_F32_S_RR("i64.trunc_f32_s", "dr"),
  I64_TRUNC_F32_U_RR("i64.trunc_f32_u", "dr"),
  I64_TRUNC_F64_S_RR("i64.trunc_f64_s", "dr"),
  I64_TRUNC_F64_U_RR("i64.trunc_f64_u", "dr"),
  F32_CONVERT_I32_S_RR("f32.convert_i32_s", "dr"),
  F32_CONVERT_I32_U_RR("f32.convert_i32_u", "dr"),
  F32_CONVERT_I64_S_RR("f32.convert_i64_s", "dr"),
  F32_CONVERT_I64_U_RR("f32.convert_i64_u", "dr"),
  F32_DEMOTE_F64_RR("f32.demote_f64", "dr"),
  F64_CONVERT_I32_S_RR("f64.convert_i32_s", "dr"),
  F64_CONVERT_I32_U_RR("f64.convert_i32_u", "dr"),
  F64_CONVERT_I64_S_RR("f64.convert_i64_s", "dr"),
  F64_CONVERT_I64_U_RR("f64.convert_i64_u", "dr"),
  F64_PROMOTE_F32_RR("f64.promote_f32", "dr"),
  I32_REINTERPRET_F32_RR("i32.reinterpret_f32", "dr"),
  I64_REINTERPRET_F64_RR("i64.reinterpret_f64", "dr"),
  F32_REINTERPRET_I32_RR("f32.reinterpret_i32", "dr"),
  F64_REINTERPRET_I64_RR("f64.reinterpret_i64", "dr"),
  I32_EXTEND8_S_RR("i32.extend8_s", "dr"),
  I32_EXTEND16_S_RR("i32.extend16_s", "dr"),
  I64_EXTEND8_S_RR("i64.extend8_s", "dr"),
  I64_EXTEND16_S_RR("i64.extend16_s", "dr"),
  I64_EXTEND32_S_RR("i64.extend32_s", "dr"),
  I32_TRUNC_SAT_F32_S_RR("i32.trunc_sat_f32_s", "dr"),
  I32_TRUNC_SAT_F32_U_RR("i32.trunc_sat_f32_u", "dr"),
  I32_TRUNC_SAT_F64_S_RR("i32.trunc_sat_f64_s", "dr"),
  I32_TRUNC_SAT_F64_U_RR("i32.trunc_sat_f64_u", "dr"),
  I64_TRUNC_SAT_F32_S_RR("i64.trunc_sat_f32_s", "dr"),
  I64_TRUNC_SAT_F32_U_RR("i64.trunc_sat_f32_u", "dr"),
  I64_TRUNC_SAT_F64_S_RR("i64.trunc_sat_f64_s", "dr"),
  I64_TRUNC_SAT_F64_U_RR("i64.trunc_sat_f64_u", "dr");
  private final String mnemonic;
  private final String operands;
  private final int size;

  Op(String mnemonic, String operands) {
    this.mnemonic = mnemonic;
    this.operands = operands;
    this.size = 1 + operands.length() + (int) operands.chars().filter(c -> c == 'l').count();
  }

  private static final Op[] VALUES = values();

  /** The op whose ordinal is {@code code}. */
  public static Op of(int code) {
    return VALUES[code];
  }

  /** The printed name, usually the Wasm text name it comes from. */
  public String mnemonic() {
    return mnemonic;
  }

  /** Operand kinds, one letter each (see the class comment). */
  public String operands() {
    return operands;
  }

  /** Code slots the instruction takes, the op itself included. */
  public int size() {
    return size;
  }

  /** True if the first operand is a result register. */
  public boolean hasResult() {
    return !operands.isEmpty() && operands.charAt(0) == 'd';
  }
}
