package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmParser;

/**
 * Loads from a constant address ({@code i32.const C; i32.load offset=O}, and {@code i32.load8_u}),
 * which the translator makes one op with the address {@code C + O} as its immediate when that is
 * below 2 GiB ({@link Op#I32_LOAD_RI}, {@link Op#I32_LOAD8_U_RI}): on {@code switch}, {@code asm}
 * whole and split and {@code tiered} they give what the same load from a register holding {@code
 * C} gives, a value or the same trap, at the memory's ends and past 4 GiB.
 */
class ConstantAddressLoadTest {
  private static final int[] CONSTANTS = {0, 4, 100, 65532, 65533, 65535, 65536, 0x7FFFFFFF, -4, -1};
  private static final long[] OFFSETS = {0, 3, 65532, 0x7FFFFFF0L, 0x80000000L};
  private static final int[] LOADS = {0x28, 0x2D}; // i32.load, i32.load8_u

  private static final byte[] WASM = module();

  /**
   * {@code c<load>_<k>_<j>()}: the load of constant {@code k} with offset {@code j}; {@code
   * r<load>_<j>(a)}: the same from register {@code a}; {@code put(a, v)}: {@code i32.store}.
   */
  private static byte[] module() {
    ModuleBuilder b = new ModuleBuilder().withMemory(1);
    b.func("put", 2, 0, 0x20, 0, 0x20, 1, 0x36, 2, 0);
    for (int load : LOADS) {
      for (int j = 0; j < OFFSETS.length; j++) {
        ByteArrayOutputStream memarg = new ByteArrayOutputStream();
        memarg.write(load);
        memarg.write(0);
        ModuleBuilder.u32(memarg, OFFSETS[j]);
        for (int k = 0; k < CONSTANTS.length; k++) {
          ByteArrayOutputStream code = new ByteArrayOutputStream();
          code.write(0x41);
          ModuleBuilder.s32(code, CONSTANTS[k]);
          code.writeBytes(memarg.toByteArray());
          b.funcBytes("c" + load + "_" + k + "_" + j, 0, 1, 0, code.toByteArray());
        }
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(new byte[] {0x20, 0});
        code.writeBytes(memarg.toByteArray());
        b.funcBytes("r" + load + "_" + j, 1, 1, 0, code.toByteArray());
      }
    }
    return b.build();
  }

  @Test
  void aConstantAddressLoadsAsARegisterAddressDoes() {
    for (String executor : List.of("switch", "asm", "asm split", "tiered")) {
      Instance in = ExecutorConfigs.eagerInstance(executor.replace(" split", ""), WASM,
          executor.endsWith("split"));
      in.getFunc("put").call(Val.i32(0), Val.i32(0xA1B2C3D4));
      in.getFunc("put").call(Val.i32(100), Val.i32(12345678));
      in.getFunc("put").call(Val.i32(65532), Val.i32(0x11223344));
      for (int load : LOADS) {
        for (int j = 0; j < OFFSETS.length; j++) {
          for (int k = 0; k < CONSTANTS.length; k++) {
            String want = outcome(in, "r" + load + "_" + j, Val.i32(CONSTANTS[k]));
            String got = outcome(in, "c" + load + "_" + k + "_" + j);
            assertEquals(want, got, executor + ": " + (load == 0x28 ? "i32.load" : "i32.load8_u")
                + " of " + Integer.toUnsignedString(CONSTANTS[k]) + " offset " + OFFSETS[j]);
          }
        }
      }
    }
  }

  @Test
  void theTranslatorFusesOnlyAddressesBelow2GiB() throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(WASM, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    int f = 1; // after put
    for (int load : LOADS) {
      for (long offset : OFFSETS) {
        for (int constant : CONSTANTS) {
          boolean fused = (constant & 0xFFFFFFFFL) + offset <= Integer.MAX_VALUE;
          Op first = Op.of(code.compiled(f++).code()[0]);
          assertEquals(fused ? (load == 0x28 ? Op.I32_LOAD_RI : Op.I32_LOAD8_U_RI) : Op.CONST32_RI,
              first, constant + " offset " + offset);
        }
        f++; // the register form
      }
    }
  }

  private static String outcome(Instance in, String name, Val... args) {
    try {
      return Integer.toString(in.getFunc(name).call(args)[0].i32());
    } catch (TrapException e) {
      return e.kind().toString();
    }
  }
}
