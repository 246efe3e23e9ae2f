package org.wasmj.examples.tracing;

import java.util.Arrays;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.spi.Callee;
import org.wasmj.exec.spi.GuestFunction;
import org.wasmj.exec.spi.GuestGlobal;
import org.wasmj.exec.spi.GuestInstance;
import org.wasmj.exec.spi.GuestModule;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.OpCodes;

/**
 * A plain interpreter of the register IR, written for reading rather than speed: a frame is a
 * {@code long[]} of registers, a Wasm call a Java call (a tail call replaces the frame in a loop),
 * and every op with Wasm semantics is run by {@link SemanticOps}, generically from the
 * {@code org.wasmj.ir.Op} table. Control, calls, globals, tables and bulk memory are here. Each op
 * it runs is counted in {@link Counts}.
 */
final class TracingInterpreter {
  private TracingInterpreter() {}

  /**
   * Runs {@code f} with {@code args} in a frame at call depth {@code depth}; returns its results.
   *
   * @throws ExhaustionException at {@code maxCallDepth} frames
   */
  static long[] run(GuestFunction f, long[] args, int depth, Counts.PerStore counts) {
    if (depth >= f.instance().store().maxCallDepth()) {
      throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
    }
    while (true) { // once, and again for each tail call to a Wasm function
      CompiledFunction c = f.ir();
      long[] r = new long[c.registerCount()];
      System.arraycopy(args, 0, r, 0, args.length);
      GuestModule module = f.module();
      Counts counter = counts.of(module);
      int defined = f.index() - module.importedFunctionCount();
      GuestInstance inst = f.instance();
      int[] code = c.code();
      int pc = 0;
      long ran = 0;
      int prev = -1; // the op this frame ran last, if any
      Callee callee;
      int base;
      try {
        while (true) {
          int op = code[pc];
          counter.ops[op]++;
          if (prev >= 0) {
            counter.pair(prev, op);
          }
          prev = op;
          ran++;
          switch (op) {
            case OpCodes.COPY_RR:
              r[code[pc + 1]] = r[code[pc + 2]];
              pc += 3;
              continue;
            case OpCodes.CONST32_RI:
              r[code[pc + 1]] = code[pc + 2];
              pc += 3;
              continue;
            case OpCodes.CONST64_RL:
              r[code[pc + 1]] = SemanticOps.imm64(code, pc + 2);
              pc += 4;
              continue;
            case OpCodes.SELECT_RRRR:
              r[code[pc + 1]] = (int) r[code[pc + 4]] != 0 ? r[code[pc + 2]] : r[code[pc + 3]];
              pc += 5;
              continue;
            case OpCodes.UNREACHABLE:
              throw new TrapException(TrapKind.UNREACHABLE);
            case OpCodes.RETURN:
              return results(f, r);
            case OpCodes.RETURN_R:
              r[0] = r[code[pc + 1]];
              return results(f, r);
            case OpCodes.RETURN_SPAN_RI:
              System.arraycopy(r, code[pc + 1], r, 0, code[pc + 2]);
              return results(f, r);
            case OpCodes.COUNT_LOOP: // only in IR for executors that count loops; this one does not
              pc += 1;
              continue;
            case OpCodes.CHECK_INTERRUPT:
              inst.store().checkInterrupt();
              pc += 1;
              continue;
            case OpCodes.FUEL_I:
              inst.store().consumeFuel(code[pc + 1]);
              pc += 2;
              continue;
            case OpCodes.FUEL_SCALED_RI:
              inst.store().consumeFuel((r[code[pc + 1]] & 0xFFFFFFFFL) >>> code[pc + 2]);
              pc += 3;
              continue;
            case OpCodes.FUEL_MEMORY_GROW_RX:
              inst.store().consumeFuel(inst.memory(code[pc + 2]).growCost((int) r[code[pc + 1]]));
              pc += 3;
              continue;
            case OpCodes.FUEL_TABLE_GROW_RX:
              inst.store().consumeFuel(inst.table(code[pc + 2]).growCost((int) r[code[pc + 1]]));
              pc += 3;
              continue;
            case OpCodes.BR_T:
              pc = code[pc + 1];
              continue;
            case OpCodes.BR_EQZ_RT:
              pc = (int) r[code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
              continue;
            case OpCodes.BR_NEZ_RT:
              pc = (int) r[code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
              continue;
            case OpCodes.COPY_BR_NEZ_RRRT:
              r[code[pc + 1]] = r[code[pc + 2]];
              pc = (int) r[code[pc + 3]] != 0 ? code[pc + 4] : pc + 5;
              continue;
            case OpCodes.COPY_BR_EQZ_RRRT:
              r[code[pc + 1]] = r[code[pc + 2]];
              pc = (int) r[code[pc + 3]] == 0 ? code[pc + 4] : pc + 5;
              continue;
            case OpCodes.BR_I32_AND_NEZ_RIT:
              pc = ((int) r[code[pc + 1]] & code[pc + 2]) != 0 ? code[pc + 3] : pc + 4;
              continue;
            case OpCodes.BR_I32_AND_EQZ_RIT:
              pc = ((int) r[code[pc + 1]] & code[pc + 2]) == 0 ? code[pc + 3] : pc + 4;
              continue;
            case OpCodes.BR_I32_SHR_U_AND_NEZ_RRIT:
              pc = ((int) r[code[pc + 1]] >>> (int) r[code[pc + 2]] & code[pc + 3]) != 0 ? code[pc + 4] : pc + 5;
              continue;
            case OpCodes.BR_I32_SHR_U_AND_EQZ_RRIT:
              pc = ((int) r[code[pc + 1]] >>> (int) r[code[pc + 2]] & code[pc + 3]) == 0 ? code[pc + 4] : pc + 5;
              continue;
            case OpCodes.I32_ADD_BR_NEZ_RRIT: {
              int sum = (int) r[code[pc + 2]] + code[pc + 3];
              r[code[pc + 1]] = sum;
              pc = sum != 0 ? code[pc + 4] : pc + 5;
              continue;
            }
            case OpCodes.I32_ADD_BR_NE_RRIRT: {
              int sum = (int) r[code[pc + 2]] + code[pc + 3];
              r[code[pc + 1]] = sum;
              pc = sum != (int) r[code[pc + 4]] ? code[pc + 5] : pc + 6;
              continue;
            }
            case OpCodes.I32_SHR_U_AND_RRII:
              r[code[pc + 1]] = (int) r[code[pc + 2]] >>> code[pc + 3] & code[pc + 4];
              pc += 5;
              continue;
            case OpCodes.I32_MUL_ADD_RRRR:
              r[code[pc + 1]] = (int) r[code[pc + 2]] * (int) r[code[pc + 3]] + (int) r[code[pc + 4]];
              pc += 5;
              continue;
            case OpCodes.I32_SHL_ADD_RRIR:
              r[code[pc + 1]] = ((int) r[code[pc + 2]] << code[pc + 3]) + (int) r[code[pc + 4]];
              pc += 5;
              continue;
            case OpCodes.BR_I64_EQZ_RT:
              pc = r[code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
              continue;
            case OpCodes.BR_I64_NEZ_RT:
              pc = r[code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
              continue;
            case OpCodes.BR_TABLE_RI: {
              int count = code[pc + 2];
              long index = r[code[pc + 1]] & 0xFFFFFFFFL;
              pc = code[pc + 3 + (int) Math.min(index, count - 1)];
              continue;
            }
            case OpCodes.CALL_XR:
              callee = inst.function(code[pc + 1]);
              base = code[pc + 2];
              pc += 3;
              break;
            case OpCodes.CALL_INDIRECT_XXRR:
              callee = inst.indirect(code[pc + 1], code[pc + 2], (int) r[code[pc + 4]]);
              base = code[pc + 3];
              pc += 5;
              break;
            case OpCodes.RETURN_CALL_XR:
            case OpCodes.RETURN_CALL_INDIRECT_XXRR: {
              callee = op == OpCodes.RETURN_CALL_XR ? inst.function(code[pc + 1])
                  : inst.indirect(code[pc + 1], code[pc + 2], (int) r[code[pc + 4]]);
              base = code[op == OpCodes.RETURN_CALL_XR ? pc + 2 : pc + 3];
              args = Arrays.copyOfRange(r, base, base + callee.type().paramSlotCount());
              if (!(callee instanceof GuestFunction)) {
                return inst.callHost(callee, args, depth + 1);
              }
              f = (GuestFunction) callee; // the callee's frame replaces this one
              pc = -1;
              break;
            }
            case OpCodes.GLOBAL_GET_RX:
              r[code[pc + 1]] = inst.global(code[pc + 2]).value();
              pc += 3;
              continue;
            case OpCodes.GLOBAL_SET_XR:
              inst.global(code[pc + 1]).setValue(r[code[pc + 2]]);
              pc += 3;
              continue;
            case OpCodes.V128_GLOBAL_GET_VX: {
              GuestGlobal g = inst.global(code[pc + 2]);
              r[code[pc + 1]] = g.value();
              r[code[pc + 1] + 1] = g.high();
              pc += 3;
              continue;
            }
            case OpCodes.V128_GLOBAL_SET_XV: {
              GuestGlobal g = inst.global(code[pc + 1]);
              g.setValue(r[code[pc + 2]]);
              g.setHigh(r[code[pc + 2] + 1]);
              pc += 3;
              continue;
            }
            case OpCodes.V128_COPY_VV: {
              long lo = r[code[pc + 2]];
              long hi = r[code[pc + 2] + 1];
              r[code[pc + 1]] = lo;
              r[code[pc + 1] + 1] = hi;
              pc += 3;
              continue;
            }
            case OpCodes.V128_SELECT_VVVR: {
              int from = (int) r[code[pc + 4]] != 0 ? code[pc + 2] : code[pc + 3];
              long lo = r[from];
              long hi = r[from + 1];
              r[code[pc + 1]] = lo;
              r[code[pc + 1] + 1] = hi;
              pc += 5;
              continue;
            }
            case OpCodes.REF_FUNC_RX:
              r[code[pc + 1]] = inst.functionRef(code[pc + 2]);
              pc += 3;
              continue;
            case OpCodes.TABLE_GET_RRX:
              r[code[pc + 1]] = inst.table(code[pc + 3]).get((int) r[code[pc + 2]]);
              pc += 4;
              continue;
            case OpCodes.TABLE_SET_RRX:
              inst.table(code[pc + 3]).set((int) r[code[pc + 1]], r[code[pc + 2]]);
              pc += 4;
              continue;
            case OpCodes.TABLE_SIZE_RX:
              r[code[pc + 1]] = inst.table(code[pc + 2]).size();
              pc += 3;
              continue;
            case OpCodes.TABLE_GROW_RRRX:
              r[code[pc + 1]] = inst.table(code[pc + 4]).grow((int) r[code[pc + 3]], r[code[pc + 2]]);
              pc += 5;
              continue;
            case OpCodes.TABLE_FILL_RRRX:
              inst.table(code[pc + 4]).fill(
                  (int) r[code[pc + 1]], r[code[pc + 2]], (int) r[code[pc + 3]]);
              pc += 5;
              continue;
            case OpCodes.TABLE_COPY_RRRXX:
              inst.table(code[pc + 4]).copyFrom(inst.table(code[pc + 5]),
                  (int) r[code[pc + 1]], (int) r[code[pc + 2]], (int) r[code[pc + 3]]);
              pc += 6;
              continue;
            case OpCodes.TABLE_INIT_RRRXX:
              inst.tableInit(code[pc + 5], code[pc + 4],
                  (int) r[code[pc + 1]], (int) r[code[pc + 2]], (int) r[code[pc + 3]]);
              pc += 6;
              continue;
            case OpCodes.ELEM_DROP_X:
              inst.dropElements(code[pc + 1]);
              pc += 2;
              continue;
            case OpCodes.MEMORY_SIZE_RX:
              r[code[pc + 1]] = inst.memory(code[pc + 2]).pages();
              pc += 3;
              continue;
            case OpCodes.MEMORY_GROW_RRX:
              r[code[pc + 1]] = inst.memory(code[pc + 3]).grow((int) r[code[pc + 2]]);
              pc += 4;
              continue;
            case OpCodes.MEMORY_FILL_RRRX:
              inst.memory(code[pc + 4]).fill(
                  (int) r[code[pc + 1]], (int) r[code[pc + 2]], (int) r[code[pc + 3]]);
              pc += 5;
              continue;
            case OpCodes.MEMORY_COPY_RRRXX:
              inst.memory(code[pc + 4]).copyFrom(inst.memory(code[pc + 5]),
                  (int) r[code[pc + 1]], (int) r[code[pc + 2]], (int) r[code[pc + 3]]);
              pc += 6;
              continue;
            case OpCodes.MEMORY_INIT_RRRXX:
              inst.memoryInit(code[pc + 5], code[pc + 4],
                  (int) r[code[pc + 1]], (int) r[code[pc + 2]], (int) r[code[pc + 3]]);
              pc += 6;
              continue;
            case OpCodes.DATA_DROP_X:
              inst.dropData(code[pc + 1]);
              pc += 2;
              continue;
            default:
              pc = SemanticOps.run(code, pc, r, inst);
              continue;
          }
          if (pc < 0) { // a tail call to a Wasm function: run it in this loop
            break;
          }
          // A call: its arguments are the span at base, where its results go back.
          long[] in = Arrays.copyOfRange(r, base, base + callee.type().paramSlotCount());
          long[] out = callee instanceof GuestFunction
              ? run((GuestFunction) callee, in, depth + 1, counts)
              : inst.callHost(callee, in, depth + 1);
          System.arraycopy(out, 0, r, base, out.length);
        }
      } catch (TrapException trap) {
        trap.appendFrame(f.name()); // the backtrace, innermost frame first
        throw trap;
      } finally {
        counter.functions[defined] += ran;
      }
    }
  }

  private static long[] results(GuestFunction f, long[] r) {
    return Arrays.copyOf(r, f.type().resultSlotCount());
  }
}
