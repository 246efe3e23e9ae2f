package org.wasmj.exec.loopswitch;

import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.GlobalInstance;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;

/**
 * The loop-switch interpreter: one dispatch loop over a function's register IR. Registers are a
 * {@code long[]} frame; the code array and the frame are held in locals in the hot loop.
 *
 * <p><b>Scope today:</b> the IR the translator emits today (copies, constants, numeric ops,
 * branches, return, unreachable) for one function; calls with frames on an explicit stack,
 * memory, globals and tables arrive with the translator's next step (issue 3).
 *
 * @implNote Stateless and thread-safe. The numeric cases are generated from the {@link Op} table
 *     by {@code exec-switch/src/build/gen_dispatch.py}, which also renumbers every case label from
 *     the op named in its comment; {@code InterpreterTest} runs every op. {@link #run} must stay
 *     under 8,000 bytes of bytecode (HotSpot does not compile larger methods): check with
 *     {@code javap -c -p}.
 */
final class Interpreter {
  private Interpreter() {}

  /** Runs {@code f} of an instance without memories or globals. */
  static long[] run(CompiledFunction f, long... args) {
    return run(f, InstanceState.EMPTY, args);
  }

  /** Runs {@code f} of {@code state}'s instance with {@code args} (raw 64-bit values). */
  static long[] run(CompiledFunction f, InstanceState state, long... args) {
    MemoryInstance[] memories = state.memories();
    GlobalInstance[] globals = state.globals();
    long[] r = new long[Math.max(1, f.registerCount())];
    System.arraycopy(args, 0, r, 0, f.paramCount());
    int[] code = f.code();
    int pc = 0;
    while (true) {
      switch (code[pc]) {
        case 0: // COPY_RR
          r[code[pc + 1]] = r[code[pc + 2]];
          pc += 3;
          break;
        case 1: // CONST32_RI
          r[code[pc + 1]] = code[pc + 2];
          pc += 3;
          break;
        case 2: // CONST64_RL
          r[code[pc + 1]] = imm64(code, pc + 2);
          pc += 4;
          break;
        case 3: // UNREACHABLE
          throw new TrapException(TrapKind.UNREACHABLE);
        case 4: // RETURN
          return new long[0];
        case 5: // RETURN_R
          return new long[] {r[code[pc + 1]]};
        case 6: // BR_T
          pc = code[pc + 1];
          break;
        case 7: // BR_EQZ_RT
          pc = (int) r[code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
          break;
        case 8: // BR_NEZ_RT
          pc = (int) r[code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
          break;
        case 9: // SELECT_RRRR
          r[code[pc + 1]] = (int) r[code[pc + 4]] != 0 ? r[code[pc + 2]] : r[code[pc + 3]];
          pc += 5;
          break;
        case 10: // GLOBAL_GET
          r[code[pc + 1]] = globals[code[pc + 2]].value;
          pc += 3;
          break;
        case 11: // GLOBAL_SET
          globals[code[pc + 1]].value = r[code[pc + 2]];
          pc += 3;
          break;
        case 12: // MEMORY_SIZE
          r[code[pc + 1]] = memories[0].pages();
          pc += 2;
          break;
        case 13: // MEMORY_GROW
          r[code[pc + 1]] = memories[0].grow((int) r[code[pc + 2]]);
          pc += 3;
          break;
        case 14: // MEMORY_FILL
          memories[0].fill((int) r[code[pc + 1]], (int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 15: // I32_LOAD
          r[code[pc + 1]] = MemoryInstance.i32Load(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 16: // I64_LOAD
          r[code[pc + 1]] = MemoryInstance.i64Load(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 17: // F32_LOAD
          r[code[pc + 1]] = MemoryInstance.i32Load(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 18: // F64_LOAD
          r[code[pc + 1]] = MemoryInstance.i64Load(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 19: // I32_LOAD8_S
          r[code[pc + 1]] = MemoryInstance.load8S(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 20: // I32_LOAD8_U
          r[code[pc + 1]] = MemoryInstance.load8U(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 21: // I32_LOAD16_S
          r[code[pc + 1]] = MemoryInstance.load16S(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 22: // I32_LOAD16_U
          r[code[pc + 1]] = MemoryInstance.load16U(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 23: // I64_LOAD8_S
          r[code[pc + 1]] = MemoryInstance.load8S(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 24: // I64_LOAD8_U
          r[code[pc + 1]] = MemoryInstance.load8U(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 25: // I64_LOAD16_S
          r[code[pc + 1]] = MemoryInstance.load16S(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 26: // I64_LOAD16_U
          r[code[pc + 1]] = MemoryInstance.load16U(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 27: // I64_LOAD32_S
          r[code[pc + 1]] = MemoryInstance.i32Load(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 28: // I64_LOAD32_U
          r[code[pc + 1]] = (MemoryInstance.i32Load(memories[0].bytes, (int) r[code[pc + 2]], code[pc + 3]) & 0xFFFFFFFFL);
          pc += 4;
          break;
        case 29: // I32_STORE
          MemoryInstance.i32Store(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        case 30: // I64_STORE
          MemoryInstance.i64Store(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], r[code[pc + 2]]);
          pc += 4;
          break;
        case 31: // F32_STORE
          MemoryInstance.i32Store(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        case 32: // F64_STORE
          MemoryInstance.i64Store(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], r[code[pc + 2]]);
          pc += 4;
          break;
        case 33: // I32_STORE8
          MemoryInstance.store8(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        case 34: // I32_STORE16
          MemoryInstance.store16(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        case 35: // I64_STORE8
          MemoryInstance.store8(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        case 36: // I64_STORE16
          MemoryInstance.store16(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        case 37: // I64_STORE32
          MemoryInstance.i32Store(memories[0].bytes, (int) r[code[pc + 1]], code[pc + 3], (int) r[code[pc + 2]]);
          pc += 4;
          break;
        // BEGIN GENERATED by exec-switch/src/build/gen_dispatch.py
        case 38: // I32_EQZ_RR
          r[code[pc + 1]] = Semantics.i32Eqz((int) r[code[pc + 2]]);
          pc += 3;
          break;
        case 39: // I32_EQ_RRR
          r[code[pc + 1]] = Semantics.i32Eq((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 40: // I32_EQ_RRI
          r[code[pc + 1]] = Semantics.i32Eq((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 41: // I32_NE_RRR
          r[code[pc + 1]] = Semantics.i32Ne((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 42: // I32_NE_RRI
          r[code[pc + 1]] = Semantics.i32Ne((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 43: // I32_LT_S_RRR
          r[code[pc + 1]] = Semantics.i32LtS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 44: // I32_LT_S_RRI
          r[code[pc + 1]] = Semantics.i32LtS((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 45: // I32_LT_U_RRR
          r[code[pc + 1]] = Semantics.i32LtU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 46: // I32_LT_U_RRI
          r[code[pc + 1]] = Semantics.i32LtU((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 47: // I32_GT_S_RRR
          r[code[pc + 1]] = Semantics.i32GtS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 48: // I32_GT_S_RRI
          r[code[pc + 1]] = Semantics.i32GtS((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 49: // I32_GT_U_RRR
          r[code[pc + 1]] = Semantics.i32GtU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 50: // I32_GT_U_RRI
          r[code[pc + 1]] = Semantics.i32GtU((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 51: // I32_LE_S_RRR
          r[code[pc + 1]] = Semantics.i32LeS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 52: // I32_LE_S_RRI
          r[code[pc + 1]] = Semantics.i32LeS((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 53: // I32_LE_U_RRR
          r[code[pc + 1]] = Semantics.i32LeU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 54: // I32_LE_U_RRI
          r[code[pc + 1]] = Semantics.i32LeU((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 55: // I32_GE_S_RRR
          r[code[pc + 1]] = Semantics.i32GeS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 56: // I32_GE_S_RRI
          r[code[pc + 1]] = Semantics.i32GeS((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 57: // I32_GE_U_RRR
          r[code[pc + 1]] = Semantics.i32GeU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 58: // I32_GE_U_RRI
          r[code[pc + 1]] = Semantics.i32GeU((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 59: // I64_EQZ_RR
          r[code[pc + 1]] = Semantics.i64Eqz(r[code[pc + 2]]);
          pc += 3;
          break;
        case 60: // I64_EQ_RRR
          r[code[pc + 1]] = Semantics.i64Eq(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 61: // I64_NE_RRR
          r[code[pc + 1]] = Semantics.i64Ne(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 62: // I64_LT_S_RRR
          r[code[pc + 1]] = Semantics.i64LtS(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 63: // I64_LT_U_RRR
          r[code[pc + 1]] = Semantics.i64LtU(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 64: // I64_GT_S_RRR
          r[code[pc + 1]] = Semantics.i64GtS(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 65: // I64_GT_U_RRR
          r[code[pc + 1]] = Semantics.i64GtU(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 66: // I64_LE_S_RRR
          r[code[pc + 1]] = Semantics.i64LeS(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 67: // I64_LE_U_RRR
          r[code[pc + 1]] = Semantics.i64LeU(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 68: // I64_GE_S_RRR
          r[code[pc + 1]] = Semantics.i64GeS(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 69: // I64_GE_U_RRR
          r[code[pc + 1]] = Semantics.i64GeU(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 70: // F32_EQ_RRR
          r[code[pc + 1]] = Semantics.f32Eq((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 71: // F32_NE_RRR
          r[code[pc + 1]] = Semantics.f32Ne((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 72: // F32_LT_RRR
          r[code[pc + 1]] = Semantics.f32Lt((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 73: // F32_GT_RRR
          r[code[pc + 1]] = Semantics.f32Gt((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 74: // F32_LE_RRR
          r[code[pc + 1]] = Semantics.f32Le((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 75: // F32_GE_RRR
          r[code[pc + 1]] = Semantics.f32Ge((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 76: // F64_EQ_RRR
          r[code[pc + 1]] = Semantics.f64Eq(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 77: // F64_NE_RRR
          r[code[pc + 1]] = Semantics.f64Ne(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 78: // F64_LT_RRR
          r[code[pc + 1]] = Semantics.f64Lt(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 79: // F64_GT_RRR
          r[code[pc + 1]] = Semantics.f64Gt(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 80: // F64_LE_RRR
          r[code[pc + 1]] = Semantics.f64Le(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 81: // F64_GE_RRR
          r[code[pc + 1]] = Semantics.f64Ge(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 85: // I32_ADD_RRR
          r[code[pc + 1]] = Semantics.i32Add((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 86: // I32_ADD_RRI
          r[code[pc + 1]] = Semantics.i32Add((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 87: // I32_SUB_RRR
          r[code[pc + 1]] = Semantics.i32Sub((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 88: // I32_SUB_RRI
          r[code[pc + 1]] = Semantics.i32Sub((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 89: // I32_MUL_RRR
          r[code[pc + 1]] = Semantics.i32Mul((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 90: // I32_MUL_RRI
          r[code[pc + 1]] = Semantics.i32Mul((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 95: // I32_AND_RRR
          r[code[pc + 1]] = Semantics.i32And((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 96: // I32_AND_RRI
          r[code[pc + 1]] = Semantics.i32And((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 97: // I32_OR_RRR
          r[code[pc + 1]] = Semantics.i32Or((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 98: // I32_OR_RRI
          r[code[pc + 1]] = Semantics.i32Or((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 99: // I32_XOR_RRR
          r[code[pc + 1]] = Semantics.i32Xor((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 100: // I32_XOR_RRI
          r[code[pc + 1]] = Semantics.i32Xor((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 101: // I32_SHL_RRR
          r[code[pc + 1]] = Semantics.i32Shl((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 102: // I32_SHL_RRI
          r[code[pc + 1]] = Semantics.i32Shl((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 103: // I32_SHR_S_RRR
          r[code[pc + 1]] = Semantics.i32ShrS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 104: // I32_SHR_S_RRI
          r[code[pc + 1]] = Semantics.i32ShrS((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 105: // I32_SHR_U_RRR
          r[code[pc + 1]] = Semantics.i32ShrU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 106: // I32_SHR_U_RRI
          r[code[pc + 1]] = Semantics.i32ShrU((int) r[code[pc + 2]], code[pc + 3]);
          pc += 4;
          break;
        case 112: // I64_ADD_RRR
          r[code[pc + 1]] = Semantics.i64Add(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 113: // I64_ADD_RRI
          r[code[pc + 1]] = Semantics.i64Add(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 114: // I64_SUB_RRR
          r[code[pc + 1]] = Semantics.i64Sub(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 115: // I64_SUB_RRI
          r[code[pc + 1]] = Semantics.i64Sub(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 116: // I64_MUL_RRR
          r[code[pc + 1]] = Semantics.i64Mul(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 117: // I64_MUL_RRI
          r[code[pc + 1]] = Semantics.i64Mul(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 122: // I64_AND_RRR
          r[code[pc + 1]] = Semantics.i64And(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 123: // I64_AND_RRI
          r[code[pc + 1]] = Semantics.i64And(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 124: // I64_OR_RRR
          r[code[pc + 1]] = Semantics.i64Or(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 125: // I64_OR_RRI
          r[code[pc + 1]] = Semantics.i64Or(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 126: // I64_XOR_RRR
          r[code[pc + 1]] = Semantics.i64Xor(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 127: // I64_XOR_RRI
          r[code[pc + 1]] = Semantics.i64Xor(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 128: // I64_SHL_RRR
          r[code[pc + 1]] = Semantics.i64Shl(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 129: // I64_SHL_RRI
          r[code[pc + 1]] = Semantics.i64Shl(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 130: // I64_SHR_S_RRR
          r[code[pc + 1]] = Semantics.i64ShrS(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 131: // I64_SHR_S_RRI
          r[code[pc + 1]] = Semantics.i64ShrS(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 132: // I64_SHR_U_RRR
          r[code[pc + 1]] = Semantics.i64ShrU(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 133: // I64_SHR_U_RRI
          r[code[pc + 1]] = Semantics.i64ShrU(r[code[pc + 2]], imm64(code, pc + 3));
          pc += 5;
          break;
        case 143: // F32_ADD_RRR
          r[code[pc + 1]] = Semantics.f32Add((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 144: // F32_SUB_RRR
          r[code[pc + 1]] = Semantics.f32Sub((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 145: // F32_MUL_RRR
          r[code[pc + 1]] = Semantics.f32Mul((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 146: // F32_DIV_RRR
          r[code[pc + 1]] = Semantics.f32Div((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
          pc += 4;
          break;
        case 157: // F64_ADD_RRR
          r[code[pc + 1]] = Semantics.f64Add(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 158: // F64_SUB_RRR
          r[code[pc + 1]] = Semantics.f64Sub(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 159: // F64_MUL_RRR
          r[code[pc + 1]] = Semantics.f64Mul(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 160: // F64_DIV_RRR
          r[code[pc + 1]] = Semantics.f64Div(r[code[pc + 2]], r[code[pc + 3]]);
          pc += 4;
          break;
        case 164: // I32_WRAP_I64_RR
          r[code[pc + 1]] = Semantics.i32WrapI64(r[code[pc + 2]]);
          pc += 3;
          break;
        case 169: // I64_EXTEND_I32_S_RR
          r[code[pc + 1]] = Semantics.i64ExtendI32S((int) r[code[pc + 2]]);
          pc += 3;
          break;
        case 170: // I64_EXTEND_I32_U_RR
          r[code[pc + 1]] = Semantics.i64ExtendI32U((int) r[code[pc + 2]]);
          pc += 3;
          break;
        // END GENERATED
        default:
          pc = cold(code, pc, r);
      }
    }
  }

  /**
   * The numeric ops that are rare in hot loops (conversions, rounding, bit counts, rotations…),
   * kept out of {@link #run} so that it stays under HotSpot's 8,000-byte limit for compiled
   * methods. Returns the next pc.
   */
  private static int cold(int[] code, int pc, long[] r) {
    switch (code[pc]) {
      // BEGIN GENERATED COLD by exec-switch/src/build/gen_dispatch.py
      case 82: // I32_CLZ_RR
        r[code[pc + 1]] = Semantics.i32Clz((int) r[code[pc + 2]]);
        return pc + 3;
      case 83: // I32_CTZ_RR
        r[code[pc + 1]] = Semantics.i32Ctz((int) r[code[pc + 2]]);
        return pc + 3;
      case 84: // I32_POPCNT_RR
        r[code[pc + 1]] = Semantics.i32Popcnt((int) r[code[pc + 2]]);
        return pc + 3;
      case 91: // I32_DIV_S_RRR
        r[code[pc + 1]] = Semantics.i32DivS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 92: // I32_DIV_U_RRR
        r[code[pc + 1]] = Semantics.i32DivU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 93: // I32_REM_S_RRR
        r[code[pc + 1]] = Semantics.i32RemS((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 94: // I32_REM_U_RRR
        r[code[pc + 1]] = Semantics.i32RemU((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 107: // I32_ROTL_RRR
        r[code[pc + 1]] = Semantics.i32Rotl((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 108: // I32_ROTR_RRR
        r[code[pc + 1]] = Semantics.i32Rotr((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 109: // I64_CLZ_RR
        r[code[pc + 1]] = Semantics.i64Clz(r[code[pc + 2]]);
        return pc + 3;
      case 110: // I64_CTZ_RR
        r[code[pc + 1]] = Semantics.i64Ctz(r[code[pc + 2]]);
        return pc + 3;
      case 111: // I64_POPCNT_RR
        r[code[pc + 1]] = Semantics.i64Popcnt(r[code[pc + 2]]);
        return pc + 3;
      case 118: // I64_DIV_S_RRR
        r[code[pc + 1]] = Semantics.i64DivS(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 119: // I64_DIV_U_RRR
        r[code[pc + 1]] = Semantics.i64DivU(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 120: // I64_REM_S_RRR
        r[code[pc + 1]] = Semantics.i64RemS(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 121: // I64_REM_U_RRR
        r[code[pc + 1]] = Semantics.i64RemU(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 134: // I64_ROTL_RRR
        r[code[pc + 1]] = Semantics.i64Rotl(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 135: // I64_ROTR_RRR
        r[code[pc + 1]] = Semantics.i64Rotr(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 136: // F32_ABS_RR
        r[code[pc + 1]] = Semantics.f32Abs((int) r[code[pc + 2]]);
        return pc + 3;
      case 137: // F32_NEG_RR
        r[code[pc + 1]] = Semantics.f32Neg((int) r[code[pc + 2]]);
        return pc + 3;
      case 138: // F32_CEIL_RR
        r[code[pc + 1]] = Semantics.f32Ceil((int) r[code[pc + 2]]);
        return pc + 3;
      case 139: // F32_FLOOR_RR
        r[code[pc + 1]] = Semantics.f32Floor((int) r[code[pc + 2]]);
        return pc + 3;
      case 140: // F32_TRUNC_RR
        r[code[pc + 1]] = Semantics.f32Trunc((int) r[code[pc + 2]]);
        return pc + 3;
      case 141: // F32_NEAREST_RR
        r[code[pc + 1]] = Semantics.f32Nearest((int) r[code[pc + 2]]);
        return pc + 3;
      case 142: // F32_SQRT_RR
        r[code[pc + 1]] = Semantics.f32Sqrt((int) r[code[pc + 2]]);
        return pc + 3;
      case 147: // F32_MIN_RRR
        r[code[pc + 1]] = Semantics.f32Min((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 148: // F32_MAX_RRR
        r[code[pc + 1]] = Semantics.f32Max((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 149: // F32_COPYSIGN_RRR
        r[code[pc + 1]] = Semantics.f32Copysign((int) r[code[pc + 2]], (int) r[code[pc + 3]]);
        return pc + 4;
      case 150: // F64_ABS_RR
        r[code[pc + 1]] = Semantics.f64Abs(r[code[pc + 2]]);
        return pc + 3;
      case 151: // F64_NEG_RR
        r[code[pc + 1]] = Semantics.f64Neg(r[code[pc + 2]]);
        return pc + 3;
      case 152: // F64_CEIL_RR
        r[code[pc + 1]] = Semantics.f64Ceil(r[code[pc + 2]]);
        return pc + 3;
      case 153: // F64_FLOOR_RR
        r[code[pc + 1]] = Semantics.f64Floor(r[code[pc + 2]]);
        return pc + 3;
      case 154: // F64_TRUNC_RR
        r[code[pc + 1]] = Semantics.f64Trunc(r[code[pc + 2]]);
        return pc + 3;
      case 155: // F64_NEAREST_RR
        r[code[pc + 1]] = Semantics.f64Nearest(r[code[pc + 2]]);
        return pc + 3;
      case 156: // F64_SQRT_RR
        r[code[pc + 1]] = Semantics.f64Sqrt(r[code[pc + 2]]);
        return pc + 3;
      case 161: // F64_MIN_RRR
        r[code[pc + 1]] = Semantics.f64Min(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 162: // F64_MAX_RRR
        r[code[pc + 1]] = Semantics.f64Max(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 163: // F64_COPYSIGN_RRR
        r[code[pc + 1]] = Semantics.f64Copysign(r[code[pc + 2]], r[code[pc + 3]]);
        return pc + 4;
      case 165: // I32_TRUNC_F32_S_RR
        r[code[pc + 1]] = Semantics.i32TruncF32S((int) r[code[pc + 2]]);
        return pc + 3;
      case 166: // I32_TRUNC_F32_U_RR
        r[code[pc + 1]] = Semantics.i32TruncF32U((int) r[code[pc + 2]]);
        return pc + 3;
      case 167: // I32_TRUNC_F64_S_RR
        r[code[pc + 1]] = Semantics.i32TruncF64S(r[code[pc + 2]]);
        return pc + 3;
      case 168: // I32_TRUNC_F64_U_RR
        r[code[pc + 1]] = Semantics.i32TruncF64U(r[code[pc + 2]]);
        return pc + 3;
      case 171: // I64_TRUNC_F32_S_RR
        r[code[pc + 1]] = Semantics.i64TruncF32S((int) r[code[pc + 2]]);
        return pc + 3;
      case 172: // I64_TRUNC_F32_U_RR
        r[code[pc + 1]] = Semantics.i64TruncF32U((int) r[code[pc + 2]]);
        return pc + 3;
      case 173: // I64_TRUNC_F64_S_RR
        r[code[pc + 1]] = Semantics.i64TruncF64S(r[code[pc + 2]]);
        return pc + 3;
      case 174: // I64_TRUNC_F64_U_RR
        r[code[pc + 1]] = Semantics.i64TruncF64U(r[code[pc + 2]]);
        return pc + 3;
      case 175: // F32_CONVERT_I32_S_RR
        r[code[pc + 1]] = Semantics.f32ConvertI32S((int) r[code[pc + 2]]);
        return pc + 3;
      case 176: // F32_CONVERT_I32_U_RR
        r[code[pc + 1]] = Semantics.f32ConvertI32U((int) r[code[pc + 2]]);
        return pc + 3;
      case 177: // F32_CONVERT_I64_S_RR
        r[code[pc + 1]] = Semantics.f32ConvertI64S(r[code[pc + 2]]);
        return pc + 3;
      case 178: // F32_CONVERT_I64_U_RR
        r[code[pc + 1]] = Semantics.f32ConvertI64U(r[code[pc + 2]]);
        return pc + 3;
      case 179: // F32_DEMOTE_F64_RR
        r[code[pc + 1]] = Semantics.f32DemoteF64(r[code[pc + 2]]);
        return pc + 3;
      case 180: // F64_CONVERT_I32_S_RR
        r[code[pc + 1]] = Semantics.f64ConvertI32S((int) r[code[pc + 2]]);
        return pc + 3;
      case 181: // F64_CONVERT_I32_U_RR
        r[code[pc + 1]] = Semantics.f64ConvertI32U((int) r[code[pc + 2]]);
        return pc + 3;
      case 182: // F64_CONVERT_I64_S_RR
        r[code[pc + 1]] = Semantics.f64ConvertI64S(r[code[pc + 2]]);
        return pc + 3;
      case 183: // F64_CONVERT_I64_U_RR
        r[code[pc + 1]] = Semantics.f64ConvertI64U(r[code[pc + 2]]);
        return pc + 3;
      case 184: // F64_PROMOTE_F32_RR
        r[code[pc + 1]] = Semantics.f64PromoteF32((int) r[code[pc + 2]]);
        return pc + 3;
      case 185: // I32_REINTERPRET_F32_RR
        r[code[pc + 1]] = Semantics.i32ReinterpretF32((int) r[code[pc + 2]]);
        return pc + 3;
      case 186: // I64_REINTERPRET_F64_RR
        r[code[pc + 1]] = Semantics.i64ReinterpretF64(r[code[pc + 2]]);
        return pc + 3;
      case 187: // F32_REINTERPRET_I32_RR
        r[code[pc + 1]] = Semantics.f32ReinterpretI32((int) r[code[pc + 2]]);
        return pc + 3;
      case 188: // F64_REINTERPRET_I64_RR
        r[code[pc + 1]] = Semantics.f64ReinterpretI64(r[code[pc + 2]]);
        return pc + 3;
      case 189: // I32_EXTEND8_S_RR
        r[code[pc + 1]] = Semantics.i32Extend8S((int) r[code[pc + 2]]);
        return pc + 3;
      case 190: // I32_EXTEND16_S_RR
        r[code[pc + 1]] = Semantics.i32Extend16S((int) r[code[pc + 2]]);
        return pc + 3;
      case 191: // I64_EXTEND8_S_RR
        r[code[pc + 1]] = Semantics.i64Extend8S(r[code[pc + 2]]);
        return pc + 3;
      case 192: // I64_EXTEND16_S_RR
        r[code[pc + 1]] = Semantics.i64Extend16S(r[code[pc + 2]]);
        return pc + 3;
      case 193: // I64_EXTEND32_S_RR
        r[code[pc + 1]] = Semantics.i64Extend32S(r[code[pc + 2]]);
        return pc + 3;
      case 194: // I32_TRUNC_SAT_F32_S_RR
        r[code[pc + 1]] = Semantics.i32TruncSatF32S((int) r[code[pc + 2]]);
        return pc + 3;
      case 195: // I32_TRUNC_SAT_F32_U_RR
        r[code[pc + 1]] = Semantics.i32TruncSatF32U((int) r[code[pc + 2]]);
        return pc + 3;
      case 196: // I32_TRUNC_SAT_F64_S_RR
        r[code[pc + 1]] = Semantics.i32TruncSatF64S(r[code[pc + 2]]);
        return pc + 3;
      case 197: // I32_TRUNC_SAT_F64_U_RR
        r[code[pc + 1]] = Semantics.i32TruncSatF64U(r[code[pc + 2]]);
        return pc + 3;
      case 198: // I64_TRUNC_SAT_F32_S_RR
        r[code[pc + 1]] = Semantics.i64TruncSatF32S((int) r[code[pc + 2]]);
        return pc + 3;
      case 199: // I64_TRUNC_SAT_F32_U_RR
        r[code[pc + 1]] = Semantics.i64TruncSatF32U((int) r[code[pc + 2]]);
        return pc + 3;
      case 200: // I64_TRUNC_SAT_F64_S_RR
        r[code[pc + 1]] = Semantics.i64TruncSatF64S(r[code[pc + 2]]);
        return pc + 3;
      case 201: // I64_TRUNC_SAT_F64_U_RR
        r[code[pc + 1]] = Semantics.i64TruncSatF64U(r[code[pc + 2]]);
        return pc + 3;
      // END GENERATED COLD
      default:
        throw new IllegalStateException("unknown IR op " + code[pc] + " at " + pc);
    }
  }

  private static long imm64(int[] code, int at) {
    return (code[at] & 0xFFFFFFFFL) | (long) code[at + 1] << 32;
  }
}
