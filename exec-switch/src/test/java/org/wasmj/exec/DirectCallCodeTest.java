package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;

import org.junit.jupiter.api.Test;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;

/**
 * {@code switch} keeps, per function index of an instance, the code a direct call to it ran
 * ({@code InstanceState.interpreterCodes}): only a direct call's callee goes there, under its
 * own index, whatever the other calls' operands are.
 */
class DirectCallCodeTest {
  private final Engine engine = new Engine(Config.defaults().withExecutor("switch"));

  @Test
  void anIndirectCallLeavesNoCodeUnderAFunctionIndex() {
    // f0: 1; f1: 2; main: call_indirect type 0 of table 0's entry 0 (f1), whose operands are
    // the type index 0 and the table index 0 as a direct call's is the function index, then
    // call f0, and 10 * the first + the second
    WasmBuilder b = new WasmBuilder();
    int one = b.func(fn(NONE, I32), new Code().i32Const(1));
    int two = b.func(fn(NONE, I32), new Code().i32Const(2));
    int type = b.typeIndex(fn(NONE, I32));
    b.table(Wasm.FUNCREF, 1, 1);
    b.elem(0, two);
    int main = b.func(fn(NONE, I32), new Code()
        .i32Const(0).callIndirect(type, 0).i32Const(10).op(Opcode.I32_MUL)
        .call(one).op(Opcode.I32_ADD));
    b.exportFunc("main", main);
    assertEquals(0, one);
    assertEquals(0, type);
    Instance i = new Linker<Void>(engine).instantiate(Store.of(engine), Module.compile(engine,
        b.build()));
    for (int round = 0; round < 3; round++) {
      assertEquals(21, i.getFunc("main").call()[0].i32(), "round " + round);
    }
  }
}
