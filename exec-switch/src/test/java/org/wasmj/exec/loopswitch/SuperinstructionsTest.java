package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.exec.WasmBuilder;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.ir.OpCodes;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Superinstructions leave the IR's layout alone and compute what the ops they fuse compute: each
 * pair runs in a function built so that the translator emits it, with and without
 * superinstructions, including the second op reading the first's result, a trap in the second,
 * and a branch landing on the second op alone.
 */
class SuperinstructionsTest {
  private static final ValType I32 = ValType.I32;
  private static final ValType F32 = ValType.F32;
  private static final Engine ENGINE = new Engine(Config.defaults().withExecutor(SwitchProvider.NAME));

  @Test
  void fusingRewritesOnlyTheFirstOpOfEachPair() {
    int[] code = {
      OpCodes.I32_ADD_RRR, 3, 0, 1,
      OpCodes.I32_LOAD_RRI, 4, 3, 0,
      OpCodes.I32_ADD_RRI, 5, 5, 1,
      OpCodes.BR_I32_NE_RRT, 5, 6, 8,
      OpCodes.RETURN_R, 4,
    };
    int[] fused = Superinstructions.fuse(code);
    int[] expected = code.clone();
    expected[0] = Superinstructions.I32_ADD_RRR_LOAD32_RRI;
    expected[8] = Superinstructions.I32_ADD_RRI_BR_NE_RRT;
    assertArrayEquals(expected, fused);
    assertEquals(OpCodes.I32_LOAD_RRI, code[4], "the shared IR is not changed");
  }

  /** {@code f(p) = mem[mem[p + 4] + 8]}: two RRII loads, the second based on the first's result. */
  @Test
  void aLoadPairWhoseSecondLoadReadsTheFirstsResult() {
    WasmBuilder b = new WasmBuilder();
    b.memory(1, 1);
    b.data(16, new byte[] {32, 0, 0, 0}); // mem[16] = 32
    b.data(40, new byte[] {7, 0, 0, 0}); // mem[40] = 7
    b.data(60, new byte[] {(byte) 0xFC, (byte) 0xFF, 0, 0}); // mem[60] = 65532: + 8 is past the end
    Code c = new Code().localGet(0).i32Const(4).op(Opcode.I32_ADD).mem(Opcode.I32_LOAD, 2, 0)
        .localSet(1)
        .localGet(1).i32Const(8).op(Opcode.I32_ADD).mem(Opcode.I32_LOAD, 2, 0);
    b.exportFunc("f", b.func(type(I32, I32), new ValType[] {I32}, c));
    both(b, "f", I32, I32, f -> {
      assertEquals(7L, f.call(12)[0]);
      TrapException trap = assertThrows(TrapException.class, () -> f.call(56));
      assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind());
      return null;
    });
  }

  /** {@code f(a, b, acc) = acc + a * b} in f32, NaNs canonical as everywhere. */
  @Test
  void aMultiplyAccumulate() {
    WasmBuilder b = new WasmBuilder();
    Code c = new Code().localGet(2).localGet(0).localGet(1).op(Opcode.F32_MUL).op(Opcode.F32_ADD);
    b.exportFunc("f", b.func(FuncType.of(new ValType[] {F32, F32, F32}, new ValType[] {F32}),
        new ValType[0], c));
    both(b, "f", null, null, f -> {
      assertEquals(Float.floatToRawIntBits(1.5f + 2.25f * -3f),
          (int) f.call(bits(2.25f), bits(-3f), bits(1.5f))[0]);
      assertEquals(0x7FC00000, (int) f.call(bits(Float.POSITIVE_INFINITY), bits(0f), bits(1f))[0]);
      return null;
    });
  }

  /**
   * {@code x ^ (x << 13)}, {@code (x >>> 17) ^ x}, {@code (x & 1023) << 2}, an unsigned
   * {@code (x >>> 5) >= n} as a branch condition, and a loop counting to
   * {@code n} with {@code i32.add} and {@code br_if (i32.ne)}, entered past the add when
   * {@code n} is 0 (a branch to the second op of the pair).
   */
  @Test
  void integerPairs() {
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("shlXor", b.func(type(I32, I32), new Code().localGet(0).localGet(0).i32Const(13)
        .op(Opcode.I32_SHL).op(Opcode.I32_XOR)));
    b.exportFunc("shrXor", b.func(type(I32, I32), new Code().localGet(0).i32Const(17)
        .op(Opcode.I32_SHR_U).localGet(0).op(Opcode.I32_XOR)));
    b.exportFunc("andShl", b.func(type(I32, I32), new Code().localGet(0).i32Const(1023)
        .op(Opcode.I32_AND).i32Const(2).op(Opcode.I32_SHL)));
    // i = 0; loop { i += 1; if (i != n) continue }; return i
    b.exportFunc("count", b.func(type(I32, I32), new ValType[] {I32}, new Code()
        .loop(null).localGet(1).i32Const(1).op(Opcode.I32_ADD).localSet(1)
        .localGet(1).localGet(0).op(Opcode.I32_NE).brIf(0).end().localGet(1)));
    // (x >>> 5) >= n, unsigned, as br_if's condition
    b.exportFunc("shrGeU", b.func(FuncType.of(new ValType[] {I32, I32}, new ValType[] {I32}),
        new ValType[0], new Code().block(I32).i32Const(1).localGet(0).i32Const(5)
            .op(Opcode.I32_SHR_U).localGet(1).op(Opcode.I32_GE_U).brIf(0).drop().i32Const(0).end()));
    int x = 0x9E3779B9;
    both(b, "shlXor", I32, I32, f -> {
      assertEquals(x ^ (x << 13), (int) f.call(x)[0]);
      return null;
    });
    both(b, "shrXor", I32, I32, f -> {
      assertEquals((x >>> 17) ^ x, (int) f.call(x)[0]);
      return null;
    });
    both(b, "andShl", I32, I32, f -> {
      assertEquals((x & 1023) << 2, (int) f.call(x)[0]);
      return null;
    });
    both(b, "shrGeU", I32, I32, f -> {
      assertEquals(1L, f.call(x, 5)[0]);
      assertEquals(1L, f.call(64, 2)[0]);
      assertEquals(0L, f.call(64, 3)[0]);
      assertEquals(0L, f.call(64, -1)[0]);
      return null;
    });
    both(b, "count", I32, I32, f -> {
      assertEquals(1000L, f.call(1000)[0]);
      assertEquals(1L, f.call(1)[0]);
      return null;
    });
  }

  /**
   * Pairs that end in a call or a return, which {@code run} fuses: {@code fib} (an argument
   * computed by {@code i32.sub}, results added and returned, a moved result returned) and a call
   * whose argument is moved into place.
   */
  @Test
  void pairsEndingInACallOrAReturn() {
    WasmBuilder b = new WasmBuilder();
    int fib = b.func(type(I32, I32), new Code()
        .localGet(0).i32Const(2).op(Opcode.I32_LT_U).ifThen(I32).localGet(0).elseThen()
        .localGet(0).i32Const(1).op(Opcode.I32_SUB).call(0)
        .localGet(0).i32Const(2).op(Opcode.I32_SUB).call(0).op(Opcode.I32_ADD).end());
    int triple = b.func(type(I32, I32), new Code().localGet(0).i32Const(3).op(Opcode.I32_MUL));
    b.exportFunc("fib", fib);
    b.exportFunc("tripleOf", b.func(type(I32, I32), new Code().localGet(0).call(triple)));
    both(b, "fib", I32, I32, f -> {
      assertEquals(6765L, f.call(20)[0]);
      assertEquals(1L, f.call(1)[0]);
      return null;
    });
    both(b, "tripleOf", I32, I32, f -> {
      assertEquals(-21L, f.call(-7)[0]);
      return null;
    });
  }

  /** Runs {@code check} on {@code name} with superinstructions, then without. */
  private static void both(WasmBuilder b, String name, ValType param, ValType result,
      Function<TypedFunc, Void> check) {
    byte[] wasm = b.build();
    for (boolean fused : new boolean[] {true, false}) {
      if (!fused) {
        System.setProperty("wasmj.switch.superinstructions", "false");
      }
      try {
        Module m = Module.compile(ENGINE, wasm);
        Instance i = new Linker<Void>(ENGINE).instantiate(Store.of(ENGINE), m);
        FuncType t = m.exports().stream().filter(e -> e.name().equals(name))
            .map(e -> (FuncType) e.type()).findFirst().orElseThrow();
        TypedFunc f = i.getTypedFunc(name, List.of(t.params()), List.of(t.results()));
        check.apply(f);
        assertTrue(param == null || t.params()[0] == param);
      } finally {
        System.clearProperty("wasmj.switch.superinstructions");
      }
    }
  }

  private static FuncType type(ValType param, ValType result) {
    return FuncType.of(new ValType[] {param}, new ValType[] {result});
  }

  private static long bits(float f) {
    return Float.floatToRawIntBits(f);
  }
}
