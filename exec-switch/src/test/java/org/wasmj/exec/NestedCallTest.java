package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * The interpreter runs a call to an interpreted function as a Java call of its loop, a few
 * hundred deep, then on its own frame stack: what the caller keeps in its Java frame must be
 * right after the callee grew the value stack or a memory, and a trap must name the frames of
 * both kinds, innermost first, across the point where one gives way to the other.
 */
class NestedCallTest {
  private final Engine engine = new Engine(Config.defaults().withExecutor("switch"));

  private Instance instantiate(byte[] module) {
    return new Linker<Void>(engine).instantiate(Store.of(engine), Module.compile(engine, module));
  }

  @Test
  void aTrapNamesEveryFrameInnermostFirstPastTheJavaNesting() {
    // f0 -> f1 -> ... -> f(N-1) -> unreachable, N beyond the interpreter's Java nesting (200)
    int n = 260;
    WasmBuilder b = new WasmBuilder();
    for (int k = 0; k < n; k++) {
      Code body = k == n - 1 ? new Code().op(Opcode.UNREACHABLE) : new Code().call(k + 1);
      b.func(fn(NONE), body);
      b.funcName(k, "f" + k);
    }
    b.exportFunc("f0", 0);
    Instance i = instantiate(b.build());
    for (int round = 0; round < 3; round++) {
      TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("f0").call());
      List<String> expected = new ArrayList<>();
      for (int k = n - 1; k > n - 1 - 100; k--) {
        expected.add("f" + k);
      }
      assertEquals(expected, trap.backtrace());
      assertEquals(n - 100, trap.omittedFrames());
    }
  }

  @Test
  void aCallerSeesTheValueStackItsCalleesGrew() {
    // sum(n) = n + sum(n - 1), each frame with 60 i64 locals: the value stack (1,024 slots at
    // first) is reallocated deep in the recursion, under the frames still waiting for results
    ValType[] locals = new ValType[60];
    Arrays.fill(locals, I64);
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("sum", b.func(fn(of(I64), I64), locals, new Code()
        .localGet(0).i64Const(3).op(Opcode.I64_MUL).localSet(59)
        .localGet(0).op(Opcode.I64_EQZ)
        .ifThen(I64).i64Const(0)
        .elseThen().localGet(0).i64Const(1).op(Opcode.I64_SUB).call(0)
        .localGet(0).op(Opcode.I64_ADD).end()
        .localGet(59).op(Opcode.I64_ADD).localGet(0).i64Const(3).op(Opcode.I64_MUL)
        .op(Opcode.I64_SUB)));
    for (long n : new long[] {150, 400, 1000}) { // within the Java nesting, and past it
      Instance i = instantiate(b.build());
      assertEquals(n * (n + 1) / 2, i.getFunc("sum").call(Val.i64(n))[0].i64(), "n = " + n);
    }
  }

  @Test
  void aCallerSeesTheMemoryItsCalleeGrew() {
    // store(v) calls grow(), then stores v in the page it added and reads it back
    WasmBuilder b = new WasmBuilder();
    b.memory(1, 10);
    int grow = b.func(fn(NONE, I32), new Code().i32Const(1).op(Opcode.MEMORY_GROW).u32(0));
    b.exportFunc("store", b.func(fn(of(I32), I32), new Code()
        .call(grow).drop()
        .i32Const(65536 + 8).localGet(0).mem(Opcode.I32_STORE, 2, 0)
        .i32Const(65536 + 8).mem(Opcode.I32_LOAD, 2, 0)));
    Instance i = instantiate(b.build());
    assertEquals(1234, i.getFunc("store").call(Val.i32(1234))[0].i32());
    assertEquals(99, i.getFunc("store").call(Val.i32(99))[0].i32());
  }

  @Test
  void maxCallDepthHoldsWithinTheJavaNesting() {
    Engine small = new Engine(Config.defaults().withExecutor("switch").withMaxCallDepth(50));
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("depth", b.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.I32_EQZ)
        .ifThen(I32).i32Const(0)
        .elseThen().localGet(0).i32Const(1).op(Opcode.I32_SUB).call(0).i32Const(1)
        .op(Opcode.I32_ADD).end()));
    Instance i = new Linker<Void>(small).instantiate(Store.of(small), Module.compile(small, b.build()));
    assertEquals(49, i.getFunc("depth").call(Val.i32(49))[0].i32());
    ExhaustionException e = assertThrows(ExhaustionException.class,
        () -> i.getFunc("depth").call(Val.i32(50)));
    assertEquals(ExhaustionException.CALL_STACK_EXHAUSTED, e.getMessage());
    assertEquals(49, i.getFunc("depth").call(Val.i32(49))[0].i32());
  }
}
