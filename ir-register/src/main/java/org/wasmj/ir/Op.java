package org.wasmj.ir;

import java.util.Arrays;
import org.wasmj.parser.Opcode;

/**
 * The register IR's instruction set, defined once. An instruction is its op's ordinal followed
 * by its operands, one {@code int} slot each, in a function's flat {@code int[]} code.
 *
 * <p>The {@linkplain #shape() shape} names the operands, one letter each: {@code d} result
 * register, {@code r} source register, {@code i} 32-bit immediate, {@code l} 64-bit immediate
 * (two slots, low half first), {@code t} branch target (absolute code index), {@code x} an
 * index (function, type, global, table, memory, segment). The op's name ends in the same shape
 * ({@code I32_ADD_RRR}: result, lhs, rhs in registers; {@code I32_ADD_RRI}: rhs an immediate;
 * {@code _T} a target, {@code _X} an index). SIMD ops name v128 registers {@code V} (a result)
 * and {@code v} (a source): a v128 occupies two consecutive registers, its low then high half. {@link #BR_TABLE_RI} alone has a variable length:
 * its count operand is followed by that many targets.
 *
 * <p>Ops that come from one Wasm instruction name it ({@link #wasm()}): its semantics are the
 * Wasm instruction's, implemented once in {@link Semantics} ({@code Semantics.i32DivS} for
 * {@code i32.div_s}). The translator picks ops by it, and the executors' numeric cases are
 * generated from it. Registers are 64-bit slots of the function's frame: i32 sign-extended,
 * f32/f64 as raw bits, references as store-wide ids (0 is null).
 *
 * <p>Immediate forms exist only where they save an instruction in common code: i32/i64 add,
 * sub, mul, bit ops, shifts and rotations, and i32 compares. Loads and stores on memory 0 also
 * have forms whose address is an {@code i32.add} of two registers ({@code _RRRI}) or of a
 * register and an immediate ({@code _RRII}, {@code _RIRI}), the add done first with its 32-bit
 * wrap-around, then the static offset added as usual: for 32- and 64-bit accesses and unsigned
 * byte loads and byte stores (the widths of memcpy and array loops); {@code i32.load} and
 * {@code i32.load8_u} from a constant address also have a form with the address as one immediate
 * ({@code _RI}). Fused compare-and-branch ops exist for the ten
 * integer compares of i32 (register and immediate right operand) and i64 (register): the
 * translator uses the compare itself for {@code br_if} and its negation for {@code if}; so
 * does it for a bit test ({@code i32.and} with a constant, then a branch on the result: {@link
 * #BR_I32_AND_NEZ_RIT}), when the {@code and}'s result is a temporary the branch alone reads, also
 * of a value shifted right by a register ({@link #BR_I32_SHR_U_AND_NEZ_RRIT}); a register copy
 * right before a branch on a register is one op ({@link #COPY_BR_NEZ_RRRT}); and
 * an add-immediate into a local, then a branch on the local ({@code != 0}, {@code != r2}) right
 * after it, is one op that writes the local and branches ({@link #I32_ADD_BR_NEZ_RRIT}). Three
 * arithmetic pairs are fused the same way, where the first result is a temporary the second op
 * alone reads: a shift then a mask ({@link #I32_SHR_U_AND_RRII}), a multiply then an add ({@link
 * #I32_MUL_ADD_RRRR}), a shift left by a constant then an add ({@link #I32_SHL_ADD_RRIR}).
 */
public enum Op {
  // ---- moves and constants ----
  /** {@code d <- r}: a register copy (block results, preserved locals, local.set of a local). */
  COPY_RR("copy", "dr"),
  /** {@code d <- #i}: a 32-bit constant (i32, f32 bits), sign-extended into the slot. */
  CONST32_RI("const32", "di"),
  /** {@code d <- #l}: a 64-bit constant (i64, f64 bits; also {@code ref.null}, which is 0). */
  CONST64_RL("const64", "dl"),
  /** {@code d <- r3 != 0 ? r1 : r2} ({@code select}, {@code select t}; any 64-bit slot). */
  SELECT_RRRR("select", "drrr"),

  // ---- control ----
  /** Traps with {@code unreachable}. */
  UNREACHABLE("unreachable", ""),
  /** Returns no value ({@code return}, the function's final {@code end}). */
  RETURN("return", ""),
  /** Returns the value in {@code r} (it moves to the frame's register 0). */
  RETURN_R("return", "r"),
  /** Returns {@code #i} values from registers {@code r .. r+i-1} (they move to registers 0..i-1). */
  RETURN_SPAN_RI("return", "ri"),
  /**
   * Counts one loop iteration toward compiling the function: at the head of every loop, in code
   * translated for a tiering executor only (other executors never see it; compiled code ignores it).
   */
  COUNT_LOOP("count_loop", ""),
  /**
   * Stops the guest with the {@code interrupt} trap if its store's epoch deadline has passed or
   * its thread was interrupted: at the function's entry and at every loop header, in code made
   * with epoch interruption only ({@link Instrumenter}).
   */
  CHECK_INTERRUPT("check_interrupt", ""),
  /**
   * Consumes {@code #i} fuel, the cost of the straight-line run it starts; with less fuel left,
   * traps {@code all fuel consumed} and leaves it as it is. In code made with fuel metering only
   * ({@link Instrumenter}).
   */
  FUEL_I("fuel", "i"),
  /**
   * Consumes {@code (r as u32) >>> #i} fuel before a bulk op whose length is {@code r}: one unit
   * per 64 bytes of memory ({@code #i} 6) or per 8 table elements ({@code #i} 3).
   */
  FUEL_SCALED_RI("fuel_scaled", "ri"),
  /** Before {@code memory.grow} of memory {@code x} by {@code r} pages: 1,024 fuel per page, if it can grow so far. */
  FUEL_MEMORY_GROW_RX("fuel_memory_grow", "rx"),
  /** Before {@code table.grow} of table {@code x} by {@code r} elements: one fuel per 8, if it can grow so far. */
  FUEL_TABLE_GROW_RX("fuel_table_grow", "rx"),
  /** Jumps to {@code t} ({@code br}, the end of an if's then-arm). */
  BR_T("br", "t"),
  /** Jumps to {@code t} if the i32 in {@code r} is zero ({@code if}, {@code br_if} over moves, {@code i32.eqz; br_if}). */
  BR_EQZ_RT("br_eqz", "rt"),
  /** Jumps to {@code t} if the i32 in {@code r} is not zero ({@code br_if}). */
  BR_NEZ_RT("br_nez", "rt"),
  /** Jumps to {@code t} if the i64 in {@code r} is zero ({@code i64.eqz; br_if}, {@code ref.is_null; br_if}). */
  BR_I64_EQZ_RT("br_i64_eqz", "rt"),
  /** Jumps to {@code t} if the i64 in {@code r} is not zero ({@code i64.eqz; if}). */
  BR_I64_NEZ_RT("br_i64_nez", "rt"),
  /**
   * Jumps to {@code t} if the i32 in {@code r} has a bit of the mask {@code #i} set: a bit test,
   * {@code i32.and} with a constant then {@code br_if} (or {@code i32.eqz; if}), one dispatch for two.
   */
  BR_I32_AND_NEZ_RIT("br_and_nez", "rit"),
  /** Jumps to {@code t} if the i32 in {@code r} has no bit of the mask {@code #i} set ({@code i32.and; if}, {@code i32.and; i32.eqz; br_if}). */
  BR_I32_AND_EQZ_RIT("br_and_eqz", "rit"),
  /**
   * Jumps to {@code t} if {@code (r1 >>> r2) & #i} (i32) is not zero: a bit test at a position
   * in a register ({@code i32.shr_u}, {@code i32.and} with a constant, then a branch), one
   * dispatch for two, where the shift's result is a temporary the {@code and} alone reads.
   */
  BR_I32_SHR_U_AND_NEZ_RRIT("br_shr_and_nez", "rrit"),
  /** Jumps to {@code t} if {@code (r1 >>> r2) & #i} (i32) is zero. */
  BR_I32_SHR_U_AND_EQZ_RRIT("br_shr_and_eqz", "rrit"),
  /**
   * {@code d <- s}, then jumps to {@code t} if the i32 in {@code r} is not zero: a local's copy
   * ({@code local.set} of a {@code local.get}) right before a branch on a register, one dispatch
   * for two (a loop carrying a value to its next pass: a list's walk). {@code r} is read after the copy.
   */
  COPY_BR_NEZ_RRRT("copy_br_nez", "drrt"),
  /** {@code d <- s}, then jumps to {@code t} if the i32 in {@code r} (read after the copy) is zero. */
  COPY_BR_EQZ_RRRT("copy_br_eqz", "drrt"),
  /**
   * {@code d <- r + #i} (i32), then jumps to {@code t} if {@code d} is not zero: a counter's step
   * and the test on it ({@code i32.add; local.tee; br_if}), one dispatch for two. {@code d} is a
   * local, kept as the add alone would; the test reads it after the add.
   */
  I32_ADD_BR_NEZ_RRIT("add_br_nez", "drit"),
  /** {@code d <- r + #i} (i32), then jumps to {@code t} if {@code d != r2} (i32; {@code r2} read after the add): a counter's step and its loop's test. */
  I32_ADD_BR_NE_RRIRT("add_br_ne", "drirt"),
  /**
   * {@code d <- (r >>> #i1) & #i2} (i32): a bit field's extraction, {@code i32.shr_u} by a
   * constant then {@code i32.and} with a constant, one dispatch for two, where the shift's result
   * is a temporary the {@code and} alone reads.
   */
  I32_SHR_U_AND_RRII("shr_u_and", "drii"),
  /**
   * {@code d <- r1 * r2 + r3} (i32, wrapping): {@code i32.mul} then {@code i32.add} of the product,
   * one dispatch for two, where the product is a temporary the add alone reads.
   */
  I32_MUL_ADD_RRRR("mul_add", "drrr"),
  /**
   * {@code d <- (r1 << #i) + r2} (i32, wrapping; the count taken mod 32 as {@code i32.shl}'s):
   * {@code i32.shl} by a constant then {@code i32.add} of the shifted value, an element's address
   * {@code base + (i << k)}, one dispatch for two, where the shifted value is a temporary the add
   * alone reads.
   */
  I32_SHL_ADD_RRIR("shl_add", "drir"),
  /**
   * {@code br_table}: {@code #i} targets follow; jumps to target {@code min(r, #i - 1)} (the last
   * is the default). Targets that need values moved point at a landing pad that moves them.
   */
  BR_TABLE_RI("br_table", "ri"),
  /**
   * Calls function {@code x} (of the instance's function index space). Its arguments are in
   * registers {@code r ..}; the callee's frame starts at {@code r}, so they become its
   * parameters without a copy, and its results come back in {@code r ..}.
   */
  CALL_XR("call", "xr"),
  /**
   * {@code call_indirect} of type {@code x1} through table {@code x2}: the element index is in
   * the last {@code r}, arguments and results as for {@link #CALL_XR} from the first {@code r}.
   * Traps {@code undefined element}, {@code uninitialized element}, {@code indirect call type mismatch}.
   */
  CALL_INDIRECT_XXRR("call_indirect", "xxrr"),
  /** {@code return_call}: as {@link #CALL_XR}, replacing the caller's frame. */
  RETURN_CALL_XR("return_call", "xr"),
  /** {@code return_call_indirect}: as {@link #CALL_INDIRECT_XXRR}, replacing the caller's frame. */
  RETURN_CALL_INDIRECT_XXRR("return_call_indirect", "xxrr"),

  // ---- globals, references, tables, bulk memory ----
  /** {@code d <- global[x]}. */
  GLOBAL_GET_RX("global.get", "dx"),
  /** {@code global[x] <- r}. */
  GLOBAL_SET_XR("global.set", "xr"),
  /** {@code d <-} the store-wide reference id of function {@code x} ({@code ref.func}). */
  REF_FUNC_RX("ref.func", "dx"),
  /** {@code d <- table[x][r]}; traps {@code out of bounds table access}. */
  TABLE_GET_RRX("table.get", "drx"),
  /** {@code table[x][r1] <- r2}; traps {@code out of bounds table access}. */
  TABLE_SET_RRX("table.set", "rrx"),
  /** {@code d <-} the size of table {@code x}. */
  TABLE_SIZE_RX("table.size", "dx"),
  /** Grows table {@code x} by {@code r2} elements set to {@code r1}: {@code d <-} the old size or -1. */
  TABLE_GROW_RRRX("table.grow", "drrx"),
  /** {@code table.fill}: {@code r3} elements of table {@code x} from {@code r1} set to {@code r2}. */
  TABLE_FILL_RRRX("table.fill", "rrrx"),
  /** {@code table.copy}: {@code r3} elements from table {@code x2} at {@code r2} to table {@code x1} at {@code r1}. */
  TABLE_COPY_RRRXX("table.copy", "rrrxx"),
  /** {@code table.init}: {@code r3} elements of segment {@code x1} from {@code r2} into table {@code x2} at {@code r1}. */
  TABLE_INIT_RRRXX("table.init", "rrrxx"),
  /** {@code elem.drop} of segment {@code x}. */
  ELEM_DROP_X("elem.drop", "x"),
  /** {@code d <-} the size of memory {@code x} in pages. */
  MEMORY_SIZE_RX("memory.size", "dx"),
  /** Grows memory {@code x} by {@code r} pages: {@code d <-} the old size in pages, or -1. */
  MEMORY_GROW_RRX("memory.grow", "drx"),
  /** {@code memory.fill}: {@code r3} bytes of memory {@code x} from {@code r1} set to the byte {@code r2}. */
  MEMORY_FILL_RRRX("memory.fill", "rrrx"),
  /** {@code memory.copy}: {@code r3} bytes from memory {@code x2} at {@code r2} to memory {@code x1} at {@code r1}. */
  MEMORY_COPY_RRRXX("memory.copy", "rrrxx"),
  /** {@code memory.init}: {@code r3} bytes of data segment {@code x1} from {@code r2} into memory {@code x2} at {@code r1}. */
  MEMORY_INIT_RRRXX("memory.init", "rrrxx"),
  /** {@code data.drop} of segment {@code x}. */
  DATA_DROP_X("data.drop", "x"),

  // ---- memory 0: loads d <- mem[r + #offset], stores mem[r1 + #offset] <- r2 (offset unsigned) ----
  I32_LOAD_RRI(Opcode.I32_LOAD, "dri"),
  I64_LOAD_RRI(Opcode.I64_LOAD, "dri"),
  F32_LOAD_RRI(Opcode.F32_LOAD, "dri"),
  F64_LOAD_RRI(Opcode.F64_LOAD, "dri"),
  I32_LOAD8_S_RRI(Opcode.I32_LOAD8_S, "dri"),
  I32_LOAD8_U_RRI(Opcode.I32_LOAD8_U, "dri"),
  I32_LOAD16_S_RRI(Opcode.I32_LOAD16_S, "dri"),
  I32_LOAD16_U_RRI(Opcode.I32_LOAD16_U, "dri"),
  I64_LOAD8_S_RRI(Opcode.I64_LOAD8_S, "dri"),
  I64_LOAD8_U_RRI(Opcode.I64_LOAD8_U, "dri"),
  I64_LOAD16_S_RRI(Opcode.I64_LOAD16_S, "dri"),
  I64_LOAD16_U_RRI(Opcode.I64_LOAD16_U, "dri"),
  I64_LOAD32_S_RRI(Opcode.I64_LOAD32_S, "dri"),
  I64_LOAD32_U_RRI(Opcode.I64_LOAD32_U, "dri"),
  I32_STORE_RRI(Opcode.I32_STORE, "rri"),
  I64_STORE_RRI(Opcode.I64_STORE, "rri"),
  F32_STORE_RRI(Opcode.F32_STORE, "rri"),
  F64_STORE_RRI(Opcode.F64_STORE, "rri"),
  I32_STORE8_RRI(Opcode.I32_STORE8, "rri"),
  I32_STORE16_RRI(Opcode.I32_STORE16, "rri"),
  I64_STORE8_RRI(Opcode.I64_STORE8, "rri"),
  I64_STORE16_RRI(Opcode.I64_STORE16, "rri"),
  I64_STORE32_RRI(Opcode.I64_STORE32, "rri"),

  // ---- memory 0, the address an i32.add of two registers or of a register and #i (wrapping to
  // ---- 32 bits, as the add does), then the offset: d <- mem[(r1 + r2) + #offset],
  // ---- d <- mem[(r + #i) + #offset], mem[(r1 + r2) + #offset] <- r3, mem[(r1 + #i) + #offset] <- r2;
  // ---- for the accesses compiled loops make most (32 and 64 bits, bytes unsigned) ----
  I32_LOAD_RRRI(Opcode.I32_LOAD, "drri"),
  I64_LOAD_RRRI(Opcode.I64_LOAD, "drri"),
  F32_LOAD_RRRI(Opcode.F32_LOAD, "drri"),
  F64_LOAD_RRRI(Opcode.F64_LOAD, "drri"),
  I32_LOAD8_U_RRRI(Opcode.I32_LOAD8_U, "drri"),
  I32_LOAD_RRII(Opcode.I32_LOAD, "drii"),
  /**
   * {@code i32.load} from the constant address {@code #i} (an {@code i32.const} and the static
   * offset added, when below 2 GiB: clang's {@code i32.const 0; i32.load offset=<global>}).
   */
  I32_LOAD_RI(Opcode.I32_LOAD, "di"),
  /** {@code i32.load8_u} from the constant address {@code #i} (below 2 GiB). */
  I32_LOAD8_U_RI(Opcode.I32_LOAD8_U, "di"),
  I64_LOAD_RRII(Opcode.I64_LOAD, "drii"),
  F32_LOAD_RRII(Opcode.F32_LOAD, "drii"),
  F64_LOAD_RRII(Opcode.F64_LOAD, "drii"),
  I32_LOAD8_U_RRII(Opcode.I32_LOAD8_U, "drii"),
  I32_STORE_RRRI(Opcode.I32_STORE, "rrri"),
  I64_STORE_RRRI(Opcode.I64_STORE, "rrri"),
  F32_STORE_RRRI(Opcode.F32_STORE, "rrri"),
  F64_STORE_RRRI(Opcode.F64_STORE, "rrri"),
  I32_STORE8_RRRI(Opcode.I32_STORE8, "rrri"),
  I32_STORE_RIRI(Opcode.I32_STORE, "riri"),
  I64_STORE_RIRI(Opcode.I64_STORE, "riri"),
  F32_STORE_RIRI(Opcode.F32_STORE, "riri"),
  F64_STORE_RIRI(Opcode.F64_STORE, "riri"),
  I32_STORE8_RIRI(Opcode.I32_STORE8, "riri"),

  // ---- fused compare-and-branch: jump to t if the compare holds (i32/i64 integer compares) ----
  BR_I32_EQ_RRT(Opcode.I32_EQ, "rrt"),
  BR_I32_NE_RRT(Opcode.I32_NE, "rrt"),
  BR_I32_LT_S_RRT(Opcode.I32_LT_S, "rrt"),
  BR_I32_LT_U_RRT(Opcode.I32_LT_U, "rrt"),
  BR_I32_GT_S_RRT(Opcode.I32_GT_S, "rrt"),
  BR_I32_GT_U_RRT(Opcode.I32_GT_U, "rrt"),
  BR_I32_LE_S_RRT(Opcode.I32_LE_S, "rrt"),
  BR_I32_LE_U_RRT(Opcode.I32_LE_U, "rrt"),
  BR_I32_GE_S_RRT(Opcode.I32_GE_S, "rrt"),
  BR_I32_GE_U_RRT(Opcode.I32_GE_U, "rrt"),
  BR_I32_EQ_RIT(Opcode.I32_EQ, "rit"),
  BR_I32_NE_RIT(Opcode.I32_NE, "rit"),
  BR_I32_LT_S_RIT(Opcode.I32_LT_S, "rit"),
  BR_I32_LT_U_RIT(Opcode.I32_LT_U, "rit"),
  BR_I32_GT_S_RIT(Opcode.I32_GT_S, "rit"),
  BR_I32_GT_U_RIT(Opcode.I32_GT_U, "rit"),
  BR_I32_LE_S_RIT(Opcode.I32_LE_S, "rit"),
  BR_I32_LE_U_RIT(Opcode.I32_LE_U, "rit"),
  BR_I32_GE_S_RIT(Opcode.I32_GE_S, "rit"),
  BR_I32_GE_U_RIT(Opcode.I32_GE_U, "rit"),
  BR_I64_EQ_RRT(Opcode.I64_EQ, "rrt"),
  BR_I64_NE_RRT(Opcode.I64_NE, "rrt"),
  BR_I64_LT_S_RRT(Opcode.I64_LT_S, "rrt"),
  BR_I64_LT_U_RRT(Opcode.I64_LT_U, "rrt"),
  BR_I64_GT_S_RRT(Opcode.I64_GT_S, "rrt"),
  BR_I64_GT_U_RRT(Opcode.I64_GT_U, "rrt"),
  BR_I64_LE_S_RRT(Opcode.I64_LE_S, "rrt"),
  BR_I64_LE_U_RRT(Opcode.I64_LE_U, "rrt"),
  BR_I64_GE_S_RRT(Opcode.I64_GE_S, "rrt"),
  BR_I64_GE_U_RRT(Opcode.I64_GE_U, "rrt"),

  // ---- numeric: one register form per Wasm scalar numeric instruction (Semantics.<camelCase text>), ----
  // ---- and immediate forms (last operand a constant) for common integer ops ----
  I32_EQZ_RR(Opcode.I32_EQZ, "dr"),
  I32_EQ_RRR(Opcode.I32_EQ, "drr"),
  I32_EQ_RRI(Opcode.I32_EQ, "dri"),
  I32_NE_RRR(Opcode.I32_NE, "drr"),
  I32_NE_RRI(Opcode.I32_NE, "dri"),
  I32_LT_S_RRR(Opcode.I32_LT_S, "drr"),
  I32_LT_S_RRI(Opcode.I32_LT_S, "dri"),
  I32_LT_U_RRR(Opcode.I32_LT_U, "drr"),
  I32_LT_U_RRI(Opcode.I32_LT_U, "dri"),
  I32_GT_S_RRR(Opcode.I32_GT_S, "drr"),
  I32_GT_S_RRI(Opcode.I32_GT_S, "dri"),
  I32_GT_U_RRR(Opcode.I32_GT_U, "drr"),
  I32_GT_U_RRI(Opcode.I32_GT_U, "dri"),
  I32_LE_S_RRR(Opcode.I32_LE_S, "drr"),
  I32_LE_S_RRI(Opcode.I32_LE_S, "dri"),
  I32_LE_U_RRR(Opcode.I32_LE_U, "drr"),
  I32_LE_U_RRI(Opcode.I32_LE_U, "dri"),
  I32_GE_S_RRR(Opcode.I32_GE_S, "drr"),
  I32_GE_S_RRI(Opcode.I32_GE_S, "dri"),
  I32_GE_U_RRR(Opcode.I32_GE_U, "drr"),
  I32_GE_U_RRI(Opcode.I32_GE_U, "dri"),
  I64_EQZ_RR(Opcode.I64_EQZ, "dr"),
  I64_EQ_RRR(Opcode.I64_EQ, "drr"),
  I64_NE_RRR(Opcode.I64_NE, "drr"),
  I64_LT_S_RRR(Opcode.I64_LT_S, "drr"),
  I64_LT_U_RRR(Opcode.I64_LT_U, "drr"),
  I64_GT_S_RRR(Opcode.I64_GT_S, "drr"),
  I64_GT_U_RRR(Opcode.I64_GT_U, "drr"),
  I64_LE_S_RRR(Opcode.I64_LE_S, "drr"),
  I64_LE_U_RRR(Opcode.I64_LE_U, "drr"),
  I64_GE_S_RRR(Opcode.I64_GE_S, "drr"),
  I64_GE_U_RRR(Opcode.I64_GE_U, "drr"),
  F32_EQ_RRR(Opcode.F32_EQ, "drr"),
  F32_NE_RRR(Opcode.F32_NE, "drr"),
  F32_LT_RRR(Opcode.F32_LT, "drr"),
  F32_GT_RRR(Opcode.F32_GT, "drr"),
  F32_LE_RRR(Opcode.F32_LE, "drr"),
  F32_GE_RRR(Opcode.F32_GE, "drr"),
  F64_EQ_RRR(Opcode.F64_EQ, "drr"),
  F64_NE_RRR(Opcode.F64_NE, "drr"),
  F64_LT_RRR(Opcode.F64_LT, "drr"),
  F64_GT_RRR(Opcode.F64_GT, "drr"),
  F64_LE_RRR(Opcode.F64_LE, "drr"),
  F64_GE_RRR(Opcode.F64_GE, "drr"),
  I32_CLZ_RR(Opcode.I32_CLZ, "dr"),
  I32_CTZ_RR(Opcode.I32_CTZ, "dr"),
  I32_POPCNT_RR(Opcode.I32_POPCNT, "dr"),
  I32_ADD_RRR(Opcode.I32_ADD, "drr"),
  I32_ADD_RRI(Opcode.I32_ADD, "dri"),
  I32_SUB_RRR(Opcode.I32_SUB, "drr"),
  I32_SUB_RRI(Opcode.I32_SUB, "dri"),
  I32_MUL_RRR(Opcode.I32_MUL, "drr"),
  I32_MUL_RRI(Opcode.I32_MUL, "dri"),
  I32_DIV_S_RRR(Opcode.I32_DIV_S, "drr"),
  I32_DIV_U_RRR(Opcode.I32_DIV_U, "drr"),
  I32_REM_S_RRR(Opcode.I32_REM_S, "drr"),
  I32_REM_U_RRR(Opcode.I32_REM_U, "drr"),
  I32_AND_RRR(Opcode.I32_AND, "drr"),
  I32_AND_RRI(Opcode.I32_AND, "dri"),
  I32_OR_RRR(Opcode.I32_OR, "drr"),
  I32_OR_RRI(Opcode.I32_OR, "dri"),
  I32_XOR_RRR(Opcode.I32_XOR, "drr"),
  I32_XOR_RRI(Opcode.I32_XOR, "dri"),
  I32_SHL_RRR(Opcode.I32_SHL, "drr"),
  I32_SHL_RRI(Opcode.I32_SHL, "dri"),
  I32_SHR_S_RRR(Opcode.I32_SHR_S, "drr"),
  I32_SHR_S_RRI(Opcode.I32_SHR_S, "dri"),
  I32_SHR_U_RRR(Opcode.I32_SHR_U, "drr"),
  I32_SHR_U_RRI(Opcode.I32_SHR_U, "dri"),
  I32_ROTL_RRR(Opcode.I32_ROTL, "drr"),
  I32_ROTL_RRI(Opcode.I32_ROTL, "dri"),
  I32_ROTR_RRR(Opcode.I32_ROTR, "drr"),
  I32_ROTR_RRI(Opcode.I32_ROTR, "dri"),
  I64_CLZ_RR(Opcode.I64_CLZ, "dr"),
  I64_CTZ_RR(Opcode.I64_CTZ, "dr"),
  I64_POPCNT_RR(Opcode.I64_POPCNT, "dr"),
  I64_ADD_RRR(Opcode.I64_ADD, "drr"),
  I64_ADD_RRI(Opcode.I64_ADD, "drl"),
  I64_SUB_RRR(Opcode.I64_SUB, "drr"),
  I64_SUB_RRI(Opcode.I64_SUB, "drl"),
  I64_MUL_RRR(Opcode.I64_MUL, "drr"),
  I64_MUL_RRI(Opcode.I64_MUL, "drl"),
  I64_DIV_S_RRR(Opcode.I64_DIV_S, "drr"),
  I64_DIV_U_RRR(Opcode.I64_DIV_U, "drr"),
  I64_REM_S_RRR(Opcode.I64_REM_S, "drr"),
  I64_REM_U_RRR(Opcode.I64_REM_U, "drr"),
  I64_AND_RRR(Opcode.I64_AND, "drr"),
  I64_AND_RRI(Opcode.I64_AND, "drl"),
  I64_OR_RRR(Opcode.I64_OR, "drr"),
  I64_OR_RRI(Opcode.I64_OR, "drl"),
  I64_XOR_RRR(Opcode.I64_XOR, "drr"),
  I64_XOR_RRI(Opcode.I64_XOR, "drl"),
  I64_SHL_RRR(Opcode.I64_SHL, "drr"),
  I64_SHL_RRI(Opcode.I64_SHL, "drl"),
  I64_SHR_S_RRR(Opcode.I64_SHR_S, "drr"),
  I64_SHR_S_RRI(Opcode.I64_SHR_S, "drl"),
  I64_SHR_U_RRR(Opcode.I64_SHR_U, "drr"),
  I64_SHR_U_RRI(Opcode.I64_SHR_U, "drl"),
  I64_ROTL_RRR(Opcode.I64_ROTL, "drr"),
  I64_ROTL_RRI(Opcode.I64_ROTL, "drl"),
  I64_ROTR_RRR(Opcode.I64_ROTR, "drr"),
  I64_ROTR_RRI(Opcode.I64_ROTR, "drl"),
  F32_ABS_RR(Opcode.F32_ABS, "dr"),
  F32_NEG_RR(Opcode.F32_NEG, "dr"),
  F32_CEIL_RR(Opcode.F32_CEIL, "dr"),
  F32_FLOOR_RR(Opcode.F32_FLOOR, "dr"),
  F32_TRUNC_RR(Opcode.F32_TRUNC, "dr"),
  F32_NEAREST_RR(Opcode.F32_NEAREST, "dr"),
  F32_SQRT_RR(Opcode.F32_SQRT, "dr"),
  F32_ADD_RRR(Opcode.F32_ADD, "drr"),
  F32_SUB_RRR(Opcode.F32_SUB, "drr"),
  F32_MUL_RRR(Opcode.F32_MUL, "drr"),
  F32_DIV_RRR(Opcode.F32_DIV, "drr"),
  F32_MIN_RRR(Opcode.F32_MIN, "drr"),
  F32_MAX_RRR(Opcode.F32_MAX, "drr"),
  F32_COPYSIGN_RRR(Opcode.F32_COPYSIGN, "drr"),
  F64_ABS_RR(Opcode.F64_ABS, "dr"),
  F64_NEG_RR(Opcode.F64_NEG, "dr"),
  F64_CEIL_RR(Opcode.F64_CEIL, "dr"),
  F64_FLOOR_RR(Opcode.F64_FLOOR, "dr"),
  F64_TRUNC_RR(Opcode.F64_TRUNC, "dr"),
  F64_NEAREST_RR(Opcode.F64_NEAREST, "dr"),
  F64_SQRT_RR(Opcode.F64_SQRT, "dr"),
  F64_ADD_RRR(Opcode.F64_ADD, "drr"),
  F64_SUB_RRR(Opcode.F64_SUB, "drr"),
  F64_MUL_RRR(Opcode.F64_MUL, "drr"),
  F64_DIV_RRR(Opcode.F64_DIV, "drr"),
  F64_MIN_RRR(Opcode.F64_MIN, "drr"),
  F64_MAX_RRR(Opcode.F64_MAX, "drr"),
  F64_COPYSIGN_RRR(Opcode.F64_COPYSIGN, "drr"),
  I32_WRAP_I64_RR(Opcode.I32_WRAP_I64, "dr"),
  I32_TRUNC_F32_S_RR(Opcode.I32_TRUNC_F32_S, "dr"),
  I32_TRUNC_F32_U_RR(Opcode.I32_TRUNC_F32_U, "dr"),
  I32_TRUNC_F64_S_RR(Opcode.I32_TRUNC_F64_S, "dr"),
  I32_TRUNC_F64_U_RR(Opcode.I32_TRUNC_F64_U, "dr"),
  I64_EXTEND_I32_S_RR(Opcode.I64_EXTEND_I32_S, "dr"),
  I64_EXTEND_I32_U_RR(Opcode.I64_EXTEND_I32_U, "dr"),
  I64_TRUNC_F32_S_RR(Opcode.I64_TRUNC_F32_S, "dr"),
  I64_TRUNC_F32_U_RR(Opcode.I64_TRUNC_F32_U, "dr"),
  I64_TRUNC_F64_S_RR(Opcode.I64_TRUNC_F64_S, "dr"),
  I64_TRUNC_F64_U_RR(Opcode.I64_TRUNC_F64_U, "dr"),
  F32_CONVERT_I32_S_RR(Opcode.F32_CONVERT_I32_S, "dr"),
  F32_CONVERT_I32_U_RR(Opcode.F32_CONVERT_I32_U, "dr"),
  F32_CONVERT_I64_S_RR(Opcode.F32_CONVERT_I64_S, "dr"),
  F32_CONVERT_I64_U_RR(Opcode.F32_CONVERT_I64_U, "dr"),
  F32_DEMOTE_F64_RR(Opcode.F32_DEMOTE_F64, "dr"),
  F64_CONVERT_I32_S_RR(Opcode.F64_CONVERT_I32_S, "dr"),
  F64_CONVERT_I32_U_RR(Opcode.F64_CONVERT_I32_U, "dr"),
  F64_CONVERT_I64_S_RR(Opcode.F64_CONVERT_I64_S, "dr"),
  F64_CONVERT_I64_U_RR(Opcode.F64_CONVERT_I64_U, "dr"),
  F64_PROMOTE_F32_RR(Opcode.F64_PROMOTE_F32, "dr"),
  I32_REINTERPRET_F32_RR(Opcode.I32_REINTERPRET_F32, "dr"),
  I64_REINTERPRET_F64_RR(Opcode.I64_REINTERPRET_F64, "dr"),
  F32_REINTERPRET_I32_RR(Opcode.F32_REINTERPRET_I32, "dr"),
  F64_REINTERPRET_I64_RR(Opcode.F64_REINTERPRET_I64, "dr"),
  I32_EXTEND8_S_RR(Opcode.I32_EXTEND8_S, "dr"),
  I32_EXTEND16_S_RR(Opcode.I32_EXTEND16_S, "dr"),
  I64_EXTEND8_S_RR(Opcode.I64_EXTEND8_S, "dr"),
  I64_EXTEND16_S_RR(Opcode.I64_EXTEND16_S, "dr"),
  I64_EXTEND32_S_RR(Opcode.I64_EXTEND32_S, "dr"),
  I32_TRUNC_SAT_F32_S_RR(Opcode.I32_TRUNC_SAT_F32_S, "dr"),
  I32_TRUNC_SAT_F32_U_RR(Opcode.I32_TRUNC_SAT_F32_U, "dr"),
  I32_TRUNC_SAT_F64_S_RR(Opcode.I32_TRUNC_SAT_F64_S, "dr"),
  I32_TRUNC_SAT_F64_U_RR(Opcode.I32_TRUNC_SAT_F64_U, "dr"),
  I64_TRUNC_SAT_F32_S_RR(Opcode.I64_TRUNC_SAT_F32_S, "dr"),
  I64_TRUNC_SAT_F32_U_RR(Opcode.I64_TRUNC_SAT_F32_U, "dr"),
  I64_TRUNC_SAT_F64_S_RR(Opcode.I64_TRUNC_SAT_F64_S, "dr"),
  I64_TRUNC_SAT_F64_U_RR(Opcode.I64_TRUNC_SAT_F64_U, "dr"),

  // ---- other memories: as the memory-0 forms, with the memory index x last ----
  I32_LOAD_RRIX(Opcode.I32_LOAD, "drix"),
  I64_LOAD_RRIX(Opcode.I64_LOAD, "drix"),
  F32_LOAD_RRIX(Opcode.F32_LOAD, "drix"),
  F64_LOAD_RRIX(Opcode.F64_LOAD, "drix"),
  I32_LOAD8_S_RRIX(Opcode.I32_LOAD8_S, "drix"),
  I32_LOAD8_U_RRIX(Opcode.I32_LOAD8_U, "drix"),
  I32_LOAD16_S_RRIX(Opcode.I32_LOAD16_S, "drix"),
  I32_LOAD16_U_RRIX(Opcode.I32_LOAD16_U, "drix"),
  I64_LOAD8_S_RRIX(Opcode.I64_LOAD8_S, "drix"),
  I64_LOAD8_U_RRIX(Opcode.I64_LOAD8_U, "drix"),
  I64_LOAD16_S_RRIX(Opcode.I64_LOAD16_S, "drix"),
  I64_LOAD16_U_RRIX(Opcode.I64_LOAD16_U, "drix"),
  I64_LOAD32_S_RRIX(Opcode.I64_LOAD32_S, "drix"),
  I64_LOAD32_U_RRIX(Opcode.I64_LOAD32_U, "drix"),
  I32_STORE_RRIX(Opcode.I32_STORE, "rrix"),
  I64_STORE_RRIX(Opcode.I64_STORE, "rrix"),
  F32_STORE_RRIX(Opcode.F32_STORE, "rrix"),
  F64_STORE_RRIX(Opcode.F64_STORE, "rrix"),
  I32_STORE8_RRIX(Opcode.I32_STORE8, "rrix"),
  I32_STORE16_RRIX(Opcode.I32_STORE16, "rrix"),
  I64_STORE8_RRIX(Opcode.I64_STORE8, "rrix"),
  I64_STORE16_RRIX(Opcode.I64_STORE16, "rrix"),
  I64_STORE32_RRIX(Opcode.I64_STORE32, "rrix"),

  // ---- SIMD. A v128 is two consecutive registers (low half, high half): shape letter V its
  // ---- result register, v a source register. Each op's halves are computed as its SimdForm
  // ---- says, with the SimdSemantics method named after its Wasm instruction.
  /** {@code V <- v}: a v128 copy (both registers; the ranges may overlap). */
  V128_COPY_VV("copy", "Vv"),
  /** {@code V <- r != 0 ? v1 : v2} ({@code select} of v128). */
  V128_SELECT_VVVR("select", "Vvvr"),
  /** {@code V <- global[x]}, a v128 global. */
  V128_GLOBAL_GET_VX("global.get", "Vx"),
  /** {@code global[x] <- v}, a v128 global. */
  V128_GLOBAL_SET_XV("global.set", "xv"),
  V128_CONST_VLL(Opcode.V128_CONST, "Vll"),
  I8X16_SHUFFLE_VVVLL(Opcode.I8X16_SHUFFLE, "Vvvll"),
  I8X16_SWIZZLE_VVV(Opcode.I8X16_SWIZZLE, "Vvv"),
  I8X16_SPLAT_VR(Opcode.I8X16_SPLAT, "Vr"),
  I16X8_SPLAT_VR(Opcode.I16X8_SPLAT, "Vr"),
  I32X4_SPLAT_VR(Opcode.I32X4_SPLAT, "Vr"),
  I64X2_SPLAT_VR(Opcode.I64X2_SPLAT, "Vr"),
  F32X4_SPLAT_VR(Opcode.F32X4_SPLAT, "Vr"),
  F64X2_SPLAT_VR(Opcode.F64X2_SPLAT, "Vr"),
  I8X16_EXTRACT_LANE_S_RVI(Opcode.I8X16_EXTRACT_LANE_S, "dvi"),
  I8X16_EXTRACT_LANE_U_RVI(Opcode.I8X16_EXTRACT_LANE_U, "dvi"),
  I8X16_REPLACE_LANE_VVRI(Opcode.I8X16_REPLACE_LANE, "Vvri"),
  I16X8_EXTRACT_LANE_S_RVI(Opcode.I16X8_EXTRACT_LANE_S, "dvi"),
  I16X8_EXTRACT_LANE_U_RVI(Opcode.I16X8_EXTRACT_LANE_U, "dvi"),
  I16X8_REPLACE_LANE_VVRI(Opcode.I16X8_REPLACE_LANE, "Vvri"),
  I32X4_EXTRACT_LANE_RVI(Opcode.I32X4_EXTRACT_LANE, "dvi"),
  I32X4_REPLACE_LANE_VVRI(Opcode.I32X4_REPLACE_LANE, "Vvri"),
  I64X2_EXTRACT_LANE_RVI(Opcode.I64X2_EXTRACT_LANE, "dvi"),
  I64X2_REPLACE_LANE_VVRI(Opcode.I64X2_REPLACE_LANE, "Vvri"),
  F32X4_EXTRACT_LANE_RVI(Opcode.F32X4_EXTRACT_LANE, "dvi"),
  F32X4_REPLACE_LANE_VVRI(Opcode.F32X4_REPLACE_LANE, "Vvri"),
  F64X2_EXTRACT_LANE_RVI(Opcode.F64X2_EXTRACT_LANE, "dvi"),
  F64X2_REPLACE_LANE_VVRI(Opcode.F64X2_REPLACE_LANE, "Vvri"),
  I8X16_EQ_VVV(Opcode.I8X16_EQ, "Vvv"),
  I8X16_NE_VVV(Opcode.I8X16_NE, "Vvv"),
  I8X16_LT_S_VVV(Opcode.I8X16_LT_S, "Vvv"),
  I8X16_LT_U_VVV(Opcode.I8X16_LT_U, "Vvv"),
  I8X16_GT_S_VVV(Opcode.I8X16_GT_S, "Vvv"),
  I8X16_GT_U_VVV(Opcode.I8X16_GT_U, "Vvv"),
  I8X16_LE_S_VVV(Opcode.I8X16_LE_S, "Vvv"),
  I8X16_LE_U_VVV(Opcode.I8X16_LE_U, "Vvv"),
  I8X16_GE_S_VVV(Opcode.I8X16_GE_S, "Vvv"),
  I8X16_GE_U_VVV(Opcode.I8X16_GE_U, "Vvv"),
  I16X8_EQ_VVV(Opcode.I16X8_EQ, "Vvv"),
  I16X8_NE_VVV(Opcode.I16X8_NE, "Vvv"),
  I16X8_LT_S_VVV(Opcode.I16X8_LT_S, "Vvv"),
  I16X8_LT_U_VVV(Opcode.I16X8_LT_U, "Vvv"),
  I16X8_GT_S_VVV(Opcode.I16X8_GT_S, "Vvv"),
  I16X8_GT_U_VVV(Opcode.I16X8_GT_U, "Vvv"),
  I16X8_LE_S_VVV(Opcode.I16X8_LE_S, "Vvv"),
  I16X8_LE_U_VVV(Opcode.I16X8_LE_U, "Vvv"),
  I16X8_GE_S_VVV(Opcode.I16X8_GE_S, "Vvv"),
  I16X8_GE_U_VVV(Opcode.I16X8_GE_U, "Vvv"),
  I32X4_EQ_VVV(Opcode.I32X4_EQ, "Vvv"),
  I32X4_NE_VVV(Opcode.I32X4_NE, "Vvv"),
  I32X4_LT_S_VVV(Opcode.I32X4_LT_S, "Vvv"),
  I32X4_LT_U_VVV(Opcode.I32X4_LT_U, "Vvv"),
  I32X4_GT_S_VVV(Opcode.I32X4_GT_S, "Vvv"),
  I32X4_GT_U_VVV(Opcode.I32X4_GT_U, "Vvv"),
  I32X4_LE_S_VVV(Opcode.I32X4_LE_S, "Vvv"),
  I32X4_LE_U_VVV(Opcode.I32X4_LE_U, "Vvv"),
  I32X4_GE_S_VVV(Opcode.I32X4_GE_S, "Vvv"),
  I32X4_GE_U_VVV(Opcode.I32X4_GE_U, "Vvv"),
  F32X4_EQ_VVV(Opcode.F32X4_EQ, "Vvv"),
  F32X4_NE_VVV(Opcode.F32X4_NE, "Vvv"),
  F32X4_LT_VVV(Opcode.F32X4_LT, "Vvv"),
  F32X4_GT_VVV(Opcode.F32X4_GT, "Vvv"),
  F32X4_LE_VVV(Opcode.F32X4_LE, "Vvv"),
  F32X4_GE_VVV(Opcode.F32X4_GE, "Vvv"),
  F64X2_EQ_VVV(Opcode.F64X2_EQ, "Vvv"),
  F64X2_NE_VVV(Opcode.F64X2_NE, "Vvv"),
  F64X2_LT_VVV(Opcode.F64X2_LT, "Vvv"),
  F64X2_GT_VVV(Opcode.F64X2_GT, "Vvv"),
  F64X2_LE_VVV(Opcode.F64X2_LE, "Vvv"),
  F64X2_GE_VVV(Opcode.F64X2_GE, "Vvv"),
  V128_NOT_VV(Opcode.V128_NOT, "Vv"),
  V128_AND_VVV(Opcode.V128_AND, "Vvv"),
  V128_ANDNOT_VVV(Opcode.V128_ANDNOT, "Vvv"),
  V128_OR_VVV(Opcode.V128_OR, "Vvv"),
  V128_XOR_VVV(Opcode.V128_XOR, "Vvv"),
  V128_BITSELECT_VVVV(Opcode.V128_BITSELECT, "Vvvv"),
  V128_ANY_TRUE_RV(Opcode.V128_ANY_TRUE, "dv"),
  F32X4_DEMOTE_F64X2_ZERO_VV(Opcode.F32X4_DEMOTE_F64X2_ZERO, "Vv"),
  F64X2_PROMOTE_LOW_F32X4_VV(Opcode.F64X2_PROMOTE_LOW_F32X4, "Vv"),
  I8X16_ABS_VV(Opcode.I8X16_ABS, "Vv"),
  I8X16_NEG_VV(Opcode.I8X16_NEG, "Vv"),
  I8X16_POPCNT_VV(Opcode.I8X16_POPCNT, "Vv"),
  I8X16_ALL_TRUE_RV(Opcode.I8X16_ALL_TRUE, "dv"),
  I8X16_BITMASK_RV(Opcode.I8X16_BITMASK, "dv"),
  I8X16_NARROW_I16X8_S_VVV(Opcode.I8X16_NARROW_I16X8_S, "Vvv"),
  I8X16_NARROW_I16X8_U_VVV(Opcode.I8X16_NARROW_I16X8_U, "Vvv"),
  F32X4_CEIL_VV(Opcode.F32X4_CEIL, "Vv"),
  F32X4_FLOOR_VV(Opcode.F32X4_FLOOR, "Vv"),
  F32X4_TRUNC_VV(Opcode.F32X4_TRUNC, "Vv"),
  F32X4_NEAREST_VV(Opcode.F32X4_NEAREST, "Vv"),
  I8X16_SHL_VVR(Opcode.I8X16_SHL, "Vvr"),
  I8X16_SHR_S_VVR(Opcode.I8X16_SHR_S, "Vvr"),
  I8X16_SHR_U_VVR(Opcode.I8X16_SHR_U, "Vvr"),
  I8X16_ADD_VVV(Opcode.I8X16_ADD, "Vvv"),
  I8X16_ADD_SAT_S_VVV(Opcode.I8X16_ADD_SAT_S, "Vvv"),
  I8X16_ADD_SAT_U_VVV(Opcode.I8X16_ADD_SAT_U, "Vvv"),
  I8X16_SUB_VVV(Opcode.I8X16_SUB, "Vvv"),
  I8X16_SUB_SAT_S_VVV(Opcode.I8X16_SUB_SAT_S, "Vvv"),
  I8X16_SUB_SAT_U_VVV(Opcode.I8X16_SUB_SAT_U, "Vvv"),
  F64X2_CEIL_VV(Opcode.F64X2_CEIL, "Vv"),
  F64X2_FLOOR_VV(Opcode.F64X2_FLOOR, "Vv"),
  I8X16_MIN_S_VVV(Opcode.I8X16_MIN_S, "Vvv"),
  I8X16_MIN_U_VVV(Opcode.I8X16_MIN_U, "Vvv"),
  I8X16_MAX_S_VVV(Opcode.I8X16_MAX_S, "Vvv"),
  I8X16_MAX_U_VVV(Opcode.I8X16_MAX_U, "Vvv"),
  F64X2_TRUNC_VV(Opcode.F64X2_TRUNC, "Vv"),
  I8X16_AVGR_U_VVV(Opcode.I8X16_AVGR_U, "Vvv"),
  I16X8_EXTADD_PAIRWISE_I8X16_S_VV(Opcode.I16X8_EXTADD_PAIRWISE_I8X16_S, "Vv"),
  I16X8_EXTADD_PAIRWISE_I8X16_U_VV(Opcode.I16X8_EXTADD_PAIRWISE_I8X16_U, "Vv"),
  I32X4_EXTADD_PAIRWISE_I16X8_S_VV(Opcode.I32X4_EXTADD_PAIRWISE_I16X8_S, "Vv"),
  I32X4_EXTADD_PAIRWISE_I16X8_U_VV(Opcode.I32X4_EXTADD_PAIRWISE_I16X8_U, "Vv"),
  I16X8_ABS_VV(Opcode.I16X8_ABS, "Vv"),
  I16X8_NEG_VV(Opcode.I16X8_NEG, "Vv"),
  I16X8_Q15MULR_SAT_S_VVV(Opcode.I16X8_Q15MULR_SAT_S, "Vvv"),
  I16X8_ALL_TRUE_RV(Opcode.I16X8_ALL_TRUE, "dv"),
  I16X8_BITMASK_RV(Opcode.I16X8_BITMASK, "dv"),
  I16X8_NARROW_I32X4_S_VVV(Opcode.I16X8_NARROW_I32X4_S, "Vvv"),
  I16X8_NARROW_I32X4_U_VVV(Opcode.I16X8_NARROW_I32X4_U, "Vvv"),
  I16X8_EXTEND_LOW_I8X16_S_VV(Opcode.I16X8_EXTEND_LOW_I8X16_S, "Vv"),
  I16X8_EXTEND_HIGH_I8X16_S_VV(Opcode.I16X8_EXTEND_HIGH_I8X16_S, "Vv"),
  I16X8_EXTEND_LOW_I8X16_U_VV(Opcode.I16X8_EXTEND_LOW_I8X16_U, "Vv"),
  I16X8_EXTEND_HIGH_I8X16_U_VV(Opcode.I16X8_EXTEND_HIGH_I8X16_U, "Vv"),
  I16X8_SHL_VVR(Opcode.I16X8_SHL, "Vvr"),
  I16X8_SHR_S_VVR(Opcode.I16X8_SHR_S, "Vvr"),
  I16X8_SHR_U_VVR(Opcode.I16X8_SHR_U, "Vvr"),
  I16X8_ADD_VVV(Opcode.I16X8_ADD, "Vvv"),
  I16X8_ADD_SAT_S_VVV(Opcode.I16X8_ADD_SAT_S, "Vvv"),
  I16X8_ADD_SAT_U_VVV(Opcode.I16X8_ADD_SAT_U, "Vvv"),
  I16X8_SUB_VVV(Opcode.I16X8_SUB, "Vvv"),
  I16X8_SUB_SAT_S_VVV(Opcode.I16X8_SUB_SAT_S, "Vvv"),
  I16X8_SUB_SAT_U_VVV(Opcode.I16X8_SUB_SAT_U, "Vvv"),
  F64X2_NEAREST_VV(Opcode.F64X2_NEAREST, "Vv"),
  I16X8_MUL_VVV(Opcode.I16X8_MUL, "Vvv"),
  I16X8_MIN_S_VVV(Opcode.I16X8_MIN_S, "Vvv"),
  I16X8_MIN_U_VVV(Opcode.I16X8_MIN_U, "Vvv"),
  I16X8_MAX_S_VVV(Opcode.I16X8_MAX_S, "Vvv"),
  I16X8_MAX_U_VVV(Opcode.I16X8_MAX_U, "Vvv"),
  I16X8_AVGR_U_VVV(Opcode.I16X8_AVGR_U, "Vvv"),
  I16X8_EXTMUL_LOW_I8X16_S_VVV(Opcode.I16X8_EXTMUL_LOW_I8X16_S, "Vvv"),
  I16X8_EXTMUL_HIGH_I8X16_S_VVV(Opcode.I16X8_EXTMUL_HIGH_I8X16_S, "Vvv"),
  I16X8_EXTMUL_LOW_I8X16_U_VVV(Opcode.I16X8_EXTMUL_LOW_I8X16_U, "Vvv"),
  I16X8_EXTMUL_HIGH_I8X16_U_VVV(Opcode.I16X8_EXTMUL_HIGH_I8X16_U, "Vvv"),
  I32X4_ABS_VV(Opcode.I32X4_ABS, "Vv"),
  I32X4_NEG_VV(Opcode.I32X4_NEG, "Vv"),
  I32X4_ALL_TRUE_RV(Opcode.I32X4_ALL_TRUE, "dv"),
  I32X4_BITMASK_RV(Opcode.I32X4_BITMASK, "dv"),
  I32X4_EXTEND_LOW_I16X8_S_VV(Opcode.I32X4_EXTEND_LOW_I16X8_S, "Vv"),
  I32X4_EXTEND_HIGH_I16X8_S_VV(Opcode.I32X4_EXTEND_HIGH_I16X8_S, "Vv"),
  I32X4_EXTEND_LOW_I16X8_U_VV(Opcode.I32X4_EXTEND_LOW_I16X8_U, "Vv"),
  I32X4_EXTEND_HIGH_I16X8_U_VV(Opcode.I32X4_EXTEND_HIGH_I16X8_U, "Vv"),
  I32X4_SHL_VVR(Opcode.I32X4_SHL, "Vvr"),
  I32X4_SHR_S_VVR(Opcode.I32X4_SHR_S, "Vvr"),
  I32X4_SHR_U_VVR(Opcode.I32X4_SHR_U, "Vvr"),
  I32X4_ADD_VVV(Opcode.I32X4_ADD, "Vvv"),
  I32X4_SUB_VVV(Opcode.I32X4_SUB, "Vvv"),
  I32X4_MUL_VVV(Opcode.I32X4_MUL, "Vvv"),
  I32X4_MIN_S_VVV(Opcode.I32X4_MIN_S, "Vvv"),
  I32X4_MIN_U_VVV(Opcode.I32X4_MIN_U, "Vvv"),
  I32X4_MAX_S_VVV(Opcode.I32X4_MAX_S, "Vvv"),
  I32X4_MAX_U_VVV(Opcode.I32X4_MAX_U, "Vvv"),
  I32X4_DOT_I16X8_S_VVV(Opcode.I32X4_DOT_I16X8_S, "Vvv"),
  I32X4_EXTMUL_LOW_I16X8_S_VVV(Opcode.I32X4_EXTMUL_LOW_I16X8_S, "Vvv"),
  I32X4_EXTMUL_HIGH_I16X8_S_VVV(Opcode.I32X4_EXTMUL_HIGH_I16X8_S, "Vvv"),
  I32X4_EXTMUL_LOW_I16X8_U_VVV(Opcode.I32X4_EXTMUL_LOW_I16X8_U, "Vvv"),
  I32X4_EXTMUL_HIGH_I16X8_U_VVV(Opcode.I32X4_EXTMUL_HIGH_I16X8_U, "Vvv"),
  I64X2_ABS_VV(Opcode.I64X2_ABS, "Vv"),
  I64X2_NEG_VV(Opcode.I64X2_NEG, "Vv"),
  I64X2_ALL_TRUE_RV(Opcode.I64X2_ALL_TRUE, "dv"),
  I64X2_BITMASK_RV(Opcode.I64X2_BITMASK, "dv"),
  I64X2_EXTEND_LOW_I32X4_S_VV(Opcode.I64X2_EXTEND_LOW_I32X4_S, "Vv"),
  I64X2_EXTEND_HIGH_I32X4_S_VV(Opcode.I64X2_EXTEND_HIGH_I32X4_S, "Vv"),
  I64X2_EXTEND_LOW_I32X4_U_VV(Opcode.I64X2_EXTEND_LOW_I32X4_U, "Vv"),
  I64X2_EXTEND_HIGH_I32X4_U_VV(Opcode.I64X2_EXTEND_HIGH_I32X4_U, "Vv"),
  I64X2_SHL_VVR(Opcode.I64X2_SHL, "Vvr"),
  I64X2_SHR_S_VVR(Opcode.I64X2_SHR_S, "Vvr"),
  I64X2_SHR_U_VVR(Opcode.I64X2_SHR_U, "Vvr"),
  I64X2_ADD_VVV(Opcode.I64X2_ADD, "Vvv"),
  I64X2_SUB_VVV(Opcode.I64X2_SUB, "Vvv"),
  I64X2_MUL_VVV(Opcode.I64X2_MUL, "Vvv"),
  I64X2_EQ_VVV(Opcode.I64X2_EQ, "Vvv"),
  I64X2_NE_VVV(Opcode.I64X2_NE, "Vvv"),
  I64X2_LT_S_VVV(Opcode.I64X2_LT_S, "Vvv"),
  I64X2_GT_S_VVV(Opcode.I64X2_GT_S, "Vvv"),
  I64X2_LE_S_VVV(Opcode.I64X2_LE_S, "Vvv"),
  I64X2_GE_S_VVV(Opcode.I64X2_GE_S, "Vvv"),
  I64X2_EXTMUL_LOW_I32X4_S_VVV(Opcode.I64X2_EXTMUL_LOW_I32X4_S, "Vvv"),
  I64X2_EXTMUL_HIGH_I32X4_S_VVV(Opcode.I64X2_EXTMUL_HIGH_I32X4_S, "Vvv"),
  I64X2_EXTMUL_LOW_I32X4_U_VVV(Opcode.I64X2_EXTMUL_LOW_I32X4_U, "Vvv"),
  I64X2_EXTMUL_HIGH_I32X4_U_VVV(Opcode.I64X2_EXTMUL_HIGH_I32X4_U, "Vvv"),
  F32X4_ABS_VV(Opcode.F32X4_ABS, "Vv"),
  F32X4_NEG_VV(Opcode.F32X4_NEG, "Vv"),
  F32X4_SQRT_VV(Opcode.F32X4_SQRT, "Vv"),
  F32X4_ADD_VVV(Opcode.F32X4_ADD, "Vvv"),
  F32X4_SUB_VVV(Opcode.F32X4_SUB, "Vvv"),
  F32X4_MUL_VVV(Opcode.F32X4_MUL, "Vvv"),
  F32X4_DIV_VVV(Opcode.F32X4_DIV, "Vvv"),
  F32X4_MIN_VVV(Opcode.F32X4_MIN, "Vvv"),
  F32X4_MAX_VVV(Opcode.F32X4_MAX, "Vvv"),
  F32X4_PMIN_VVV(Opcode.F32X4_PMIN, "Vvv"),
  F32X4_PMAX_VVV(Opcode.F32X4_PMAX, "Vvv"),
  F64X2_ABS_VV(Opcode.F64X2_ABS, "Vv"),
  F64X2_NEG_VV(Opcode.F64X2_NEG, "Vv"),
  F64X2_SQRT_VV(Opcode.F64X2_SQRT, "Vv"),
  F64X2_ADD_VVV(Opcode.F64X2_ADD, "Vvv"),
  F64X2_SUB_VVV(Opcode.F64X2_SUB, "Vvv"),
  F64X2_MUL_VVV(Opcode.F64X2_MUL, "Vvv"),
  F64X2_DIV_VVV(Opcode.F64X2_DIV, "Vvv"),
  F64X2_MIN_VVV(Opcode.F64X2_MIN, "Vvv"),
  F64X2_MAX_VVV(Opcode.F64X2_MAX, "Vvv"),
  F64X2_PMIN_VVV(Opcode.F64X2_PMIN, "Vvv"),
  F64X2_PMAX_VVV(Opcode.F64X2_PMAX, "Vvv"),
  I32X4_TRUNC_SAT_F32X4_S_VV(Opcode.I32X4_TRUNC_SAT_F32X4_S, "Vv"),
  I32X4_TRUNC_SAT_F32X4_U_VV(Opcode.I32X4_TRUNC_SAT_F32X4_U, "Vv"),
  F32X4_CONVERT_I32X4_S_VV(Opcode.F32X4_CONVERT_I32X4_S, "Vv"),
  F32X4_CONVERT_I32X4_U_VV(Opcode.F32X4_CONVERT_I32X4_U, "Vv"),
  I32X4_TRUNC_SAT_F64X2_S_ZERO_VV(Opcode.I32X4_TRUNC_SAT_F64X2_S_ZERO, "Vv"),
  I32X4_TRUNC_SAT_F64X2_U_ZERO_VV(Opcode.I32X4_TRUNC_SAT_F64X2_U_ZERO, "Vv"),
  F64X2_CONVERT_LOW_I32X4_S_VV(Opcode.F64X2_CONVERT_LOW_I32X4_S, "Vv"),
  F64X2_CONVERT_LOW_I32X4_U_VV(Opcode.F64X2_CONVERT_LOW_I32X4_U, "Vv"),

  // ---- SIMD memory access: memory 0, then memory x (its index last) ----
  V128_LOAD_VRI(Opcode.V128_LOAD, "Vri"),
  V128_LOAD8X8_S_VRI(Opcode.V128_LOAD8X8_S, "Vri"),
  V128_LOAD8X8_U_VRI(Opcode.V128_LOAD8X8_U, "Vri"),
  V128_LOAD16X4_S_VRI(Opcode.V128_LOAD16X4_S, "Vri"),
  V128_LOAD16X4_U_VRI(Opcode.V128_LOAD16X4_U, "Vri"),
  V128_LOAD32X2_S_VRI(Opcode.V128_LOAD32X2_S, "Vri"),
  V128_LOAD32X2_U_VRI(Opcode.V128_LOAD32X2_U, "Vri"),
  V128_LOAD8_SPLAT_VRI(Opcode.V128_LOAD8_SPLAT, "Vri"),
  V128_LOAD16_SPLAT_VRI(Opcode.V128_LOAD16_SPLAT, "Vri"),
  V128_LOAD32_SPLAT_VRI(Opcode.V128_LOAD32_SPLAT, "Vri"),
  V128_LOAD64_SPLAT_VRI(Opcode.V128_LOAD64_SPLAT, "Vri"),
  V128_STORE_RVI(Opcode.V128_STORE, "rvi"),
  V128_LOAD8_LANE_VRVII(Opcode.V128_LOAD8_LANE, "Vrvii"),
  V128_LOAD16_LANE_VRVII(Opcode.V128_LOAD16_LANE, "Vrvii"),
  V128_LOAD32_LANE_VRVII(Opcode.V128_LOAD32_LANE, "Vrvii"),
  V128_LOAD64_LANE_VRVII(Opcode.V128_LOAD64_LANE, "Vrvii"),
  V128_STORE8_LANE_RVII(Opcode.V128_STORE8_LANE, "rvii"),
  V128_STORE16_LANE_RVII(Opcode.V128_STORE16_LANE, "rvii"),
  V128_STORE32_LANE_RVII(Opcode.V128_STORE32_LANE, "rvii"),
  V128_STORE64_LANE_RVII(Opcode.V128_STORE64_LANE, "rvii"),
  V128_LOAD32_ZERO_VRI(Opcode.V128_LOAD32_ZERO, "Vri"),
  V128_LOAD64_ZERO_VRI(Opcode.V128_LOAD64_ZERO, "Vri"),
  V128_LOAD_VRIX(Opcode.V128_LOAD, "Vrix"),
  V128_LOAD8X8_S_VRIX(Opcode.V128_LOAD8X8_S, "Vrix"),
  V128_LOAD8X8_U_VRIX(Opcode.V128_LOAD8X8_U, "Vrix"),
  V128_LOAD16X4_S_VRIX(Opcode.V128_LOAD16X4_S, "Vrix"),
  V128_LOAD16X4_U_VRIX(Opcode.V128_LOAD16X4_U, "Vrix"),
  V128_LOAD32X2_S_VRIX(Opcode.V128_LOAD32X2_S, "Vrix"),
  V128_LOAD32X2_U_VRIX(Opcode.V128_LOAD32X2_U, "Vrix"),
  V128_LOAD8_SPLAT_VRIX(Opcode.V128_LOAD8_SPLAT, "Vrix"),
  V128_LOAD16_SPLAT_VRIX(Opcode.V128_LOAD16_SPLAT, "Vrix"),
  V128_LOAD32_SPLAT_VRIX(Opcode.V128_LOAD32_SPLAT, "Vrix"),
  V128_LOAD64_SPLAT_VRIX(Opcode.V128_LOAD64_SPLAT, "Vrix"),
  V128_STORE_RVIX(Opcode.V128_STORE, "rvix"),
  V128_LOAD8_LANE_VRVIIX(Opcode.V128_LOAD8_LANE, "Vrviix"),
  V128_LOAD16_LANE_VRVIIX(Opcode.V128_LOAD16_LANE, "Vrviix"),
  V128_LOAD32_LANE_VRVIIX(Opcode.V128_LOAD32_LANE, "Vrviix"),
  V128_LOAD64_LANE_VRVIIX(Opcode.V128_LOAD64_LANE, "Vrviix"),
  V128_STORE8_LANE_RVIIX(Opcode.V128_STORE8_LANE, "rviix"),
  V128_STORE16_LANE_RVIIX(Opcode.V128_STORE16_LANE, "rviix"),
  V128_STORE32_LANE_RVIIX(Opcode.V128_STORE32_LANE, "rviix"),
  V128_STORE64_LANE_RVIIX(Opcode.V128_STORE64_LANE, "rviix"),
  V128_LOAD32_ZERO_VRIX(Opcode.V128_LOAD32_ZERO, "Vrix"),
  V128_LOAD64_ZERO_VRIX(Opcode.V128_LOAD64_ZERO, "Vrix");
  private static final Op[] VALUES = values();

  private final String mnemonic;
  private final String shape;
  /**
   * The shape's letters, for the translator's per-operand loops ({@link CodeWriter}, the constant
   * pool's renumbering): an array read where {@code shape.charAt} is four calls while HotSpot
   * still interprets them, which it does for most of a short run.
   */
  final char[] kinds;
  private final Opcode wasm;
  private final int size;

  Op(String mnemonic, String shape) {
    this(mnemonic, shape, null);
  }

  Op(Opcode wasm, String shape) {
    this(wasm.text(), shape, wasm);
  }

  Op(String mnemonic, String shape, Opcode wasm) {
    this.mnemonic = mnemonic;
    this.shape = shape;
    this.kinds = shape.toCharArray();
    this.wasm = wasm;
    int slots = 1 + kinds.length; // a loop, not a stream: this runs ~650 times at class init
    for (char k : kinds) {
      slots += k == 'l' ? 1 : 0;
    }
    this.size = slots;
  }

  /** The op whose ordinal is {@code code}. */
  public static Op of(int code) {
    return VALUES[code];
  }

  /** The printed name: the Wasm text name it comes from, or a name of its own ({@code copy}). */
  public String mnemonic() {
    return mnemonic;
  }

  /** Operand kinds, one letter each (see the class comment). */
  public String shape() {
    return shape;
  }

  /** The Wasm instruction whose semantics this op has, or {@code null} for control and moves. */
  public Opcode wasm() {
    return wasm;
  }

  /** Code slots the instruction takes, the op itself included; see {@link #size(int[], int)} for {@link #BR_TABLE_RI}. */
  public int size() {
    return size;
  }

  /** Code slots the instruction at {@code pc} takes (a {@code br_table}'s targets included). */
  public static int size(int[] code, int pc) {
    Op op = VALUES[code[pc]];
    return op == BR_TABLE_RI ? op.size + code[pc + 2] : op.size;
  }

  /** The branch targets of the instruction at {@code pc}: a {@code br_table}'s all, else its {@code t} operand's, if any. */
  public static int[] targets(int[] code, int pc) {
    Op op = VALUES[code[pc]];
    if (op == BR_TABLE_RI) {
      return Arrays.copyOfRange(code, pc + 3, pc + 3 + code[pc + 2]);
    }
    int t = op.shape.indexOf('t');
    return t < 0 ? new int[0] : new int[] {code[pc + 1 + t]};
  }

  /** True if {@code code} has a loop: a branch back to or before itself. */
  public static boolean loops(int[] code) {
    for (int pc = 0; pc < code.length; pc += size(code, pc)) {
      for (int t : targets(code, pc)) {
        if (t <= pc) {
          return true;
        }
      }
    }
    return false;
  }

  /** How a SIMD op computes its halves, or {@code null} for every other op. */
  public SimdForm simd() {
    return SimdForms.OF_OP[ordinal()];
  }

  /**
   * Each op's {@link SimdForm}, made when first asked for: deriving them from the Wasm names takes
   * a millisecond while HotSpot interprets it, which a run that generates no code never needs.
   */
  private static final class SimdForms {
    static final SimdForm[] OF_OP = new SimdForm[VALUES.length];

    static {
      for (Op op : VALUES) {
        OF_OP[op.ordinal()] = SimdForm.of(op.wasm);
      }
    }
  }

  /**
   * False for the ops after which control never reaches the next instruction: unconditional
   * branches ({@code br}, {@code br_table}), returns (tail calls included) and {@code unreachable}.
   */
  public boolean fallsThrough() {
    switch (this) {
      case BR_T:
      case BR_TABLE_RI:
      case UNREACHABLE:
      case RETURN:
      case RETURN_R:
      case RETURN_SPAN_RI:
      case RETURN_CALL_XR:
      case RETURN_CALL_INDIRECT_XXRR:
        return false;
      default:
        return true;
    }
  }

  /** True if the first operand is a result register (a v128 one included). */
  public boolean hasResult() {
    return !shape.isEmpty() && (shape.charAt(0) == 'd' || shape.charAt(0) == 'V');
  }
}
