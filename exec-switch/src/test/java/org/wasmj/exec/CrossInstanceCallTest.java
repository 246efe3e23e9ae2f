package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;

/**
 * Calls and returns between instances on the interpreter, where its call path changes the
 * instance it runs in: a module without memory between two with memories (each frame must get
 * its own instance's memory back on a return), returns into the right function and pc of the
 * right instance, and a trap naming the frames of every instance it unwinds, innermost first.
 */
class CrossInstanceCallTest {
  private final Engine engine = new Engine(Config.defaults().withExecutor("switch"));
  private final Store<Void> store = Store.of(engine);
  private final Linker<Void> linker = new Linker<>(engine);
  private Instance b;
  private Instance c;

  /**
   * A (memory): put(addr, v), get(addr), boom() -> deeper(), which traps. B (no memory, imports
   * A's): roundTrip(v) = inner(v) + 10, inner(v) = put(8, v); get(8) + 1; twice(v) =
   * roundTrip(v) + roundTrip(v + 1); crash() -> mid() -> A.boom. C (memory, imports B's):
   * check(v) stores 42 at its own 8, then returns twice(v) + its own 8 after the call. B also
   * tail-calls into A (below).
   */
  @BeforeEach
  void link() {
    WasmBuilder ma = new WasmBuilder();
    ma.memory(1, 1);
    ma.exportFunc("put", ma.func(fn(of(I32, I32)),
        new Code().localGet(0).localGet(1).mem(Opcode.I32_STORE, 2, 0)));
    ma.exportFunc("get", ma.func(fn(of(I32), I32),
        new Code().localGet(0).mem(Opcode.I32_LOAD, 2, 0)));
    int deeper = ma.func(fn(of(), I32), new Code().op(Opcode.UNREACHABLE));
    int boom = ma.func(fn(of(), I32), new Code().call(deeper));
    ma.exportFunc("boom", boom).funcName(deeper, "a.deeper").funcName(boom, "a.boom");
    linker.instance("a", linker.instantiate(store, Module.compile(engine, ma.build())));

    WasmBuilder mb = new WasmBuilder();
    int put = mb.importFunc("a", "put", fn(of(I32, I32)));
    int get = mb.importFunc("a", "get", fn(of(I32), I32));
    int aBoom = mb.importFunc("a", "boom", fn(of(), I32));
    int inner = mb.func(fn(of(I32), I32), new Code().i32Const(8).localGet(0).call(put)
        .i32Const(8).call(get).i32Const(1).op(Opcode.I32_ADD));
    int roundTrip = mb.func(fn(of(I32), I32),
        new Code().localGet(0).call(inner).i32Const(10).op(Opcode.I32_ADD));
    mb.exportFunc("twice", mb.func(fn(of(I32), I32), new Code().localGet(0).call(roundTrip)
        .localGet(0).i32Const(1).op(Opcode.I32_ADD).call(roundTrip).op(Opcode.I32_ADD)));
    // tail calls out of B: user(v) = viaTail(v) + 100, viaTail(v) = return_call A.get(v);
    // crashByTail() -> tailBoom(), which return_calls A.boom
    int viaTail = mb.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.RETURN_CALL).u32(get));
    mb.exportFunc("user", mb.func(fn(of(I32), I32),
        new Code().localGet(0).call(viaTail).i32Const(100).op(Opcode.I32_ADD)));
    int tailBoom = mb.func(fn(of(), I32), new Code().op(Opcode.RETURN_CALL).u32(aBoom));
    int crashByTail = mb.func(fn(of(), I32), new Code().call(tailBoom));
    mb.exportFunc("crashByTail", crashByTail).funcName(crashByTail, "b.crashByTail");
    int mid = mb.func(fn(of(), I32), new Code().call(aBoom).i32Const(1).op(Opcode.I32_ADD));
    int crash = mb.func(fn(of(), I32), new Code().call(mid));
    mb.exportFunc("crash", crash).funcName(mid, "b.mid").funcName(crash, "b.crash");
    b = linker.instantiate(store, Module.compile(engine, mb.build()));
    linker.instance("b", b);

    WasmBuilder mc = new WasmBuilder();
    int twice = mc.importFunc("b", "twice", fn(of(I32), I32));
    int bCrash = mc.importFunc("b", "crash", fn(of(), I32));
    mc.memory(1, 1);
    mc.exportFunc("check", mc.func(fn(of(I32), I32), new Code()
        .i32Const(8).i32Const(42).mem(Opcode.I32_STORE, 2, 0)
        .localGet(0).call(twice).i32Const(8).mem(Opcode.I32_LOAD, 2, 0).op(Opcode.I32_ADD)));
    int top = mc.func(fn(of(), I32), new Code().call(bCrash));
    mc.exportFunc("top", top).funcName(top, "c.top");
    c = linker.instantiate(store, Module.compile(engine, mc.build()));
  }

  @Test
  void eachFrameGetsItsOwnInstancesMemoryAndFunctionBackOnReturn() {
    // twice(7) = (7 + 1 + 10) + (8 + 1 + 10) = 37; C's own 8 still holds 42 after the calls
    for (int i = 0; i < 3; i++) { // the interpreter's first run and later ones
      assertEquals(37 + 42, c.getFunc("check").call(Val.i32(7))[0].i32());
      assertEquals(57 + 42, c.getFunc("check").call(Val.i32(17))[0].i32());
    }
  }

  @Test
  void aTailCallIntoAnotherInstanceReturnsToItsCallerInTheFirst() {
    c.getFunc("check").call(Val.i32(4)); // A's 8 holds 5, what twice(4) put last
    for (int i = 0; i < 3; i++) {
      assertEquals(105, b.getFunc("user").call(Val.i32(8))[0].i32());
    }
    TrapException trap = assertThrows(TrapException.class, () -> b.getFunc("crashByTail").call());
    // tailBoom's frame became A.boom's: its caller is still B's crashByTail
    assertEquals(List.of("a.deeper", "a.boom", "b.crashByTail"), trap.backtrace());
  }

  @Test
  void aTrapNamesTheFramesOfEveryInstanceItUnwinds() {
    for (int i = 0; i < 2; i++) {
      TrapException trap = assertThrows(TrapException.class, () -> c.getFunc("top").call());
      assertEquals(TrapKind.UNREACHABLE, trap.kind());
      assertEquals(List.of("a.deeper", "a.boom", "b.mid", "b.crash", "c.top"), trap.backtrace());
      // the store is usable after it, with its memories where they were
      assertEquals(37 + 42, c.getFunc("check").call(Val.i32(7))[0].i32());
    }
  }
}
