package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;

/**
 * Fuel across a call on the interpreter: the caller's run is paid before the call, the callee's
 * as it is entered, and a charge that finds too little fuel traps before its run and leaves the
 * fuel as it was (the cost model of {@code Instrumenter}; the checks a change of the call path,
 * which may run a callee's entry charge itself, must keep).
 */
class EntryChargeTest {
  @Test
  void aCalleesEntryChargeTrapsWithTheFuelTheCallersRunLeft() {
    WasmBuilder b = new WasmBuilder();
    int callee = b.func(fn(of(I32), I32), new Code().localGet(0).i32Const(1).op(Opcode.I32_ADD));
    b.exportFunc("caller", b.func(fn(of(I32), I32),
        new Code().localGet(0).call(callee).i32Const(2).op(Opcode.I32_ADD)));
    Engine engine = new Engine(Config.defaults().withExecutor("switch").withFuel(true));
    Store<Void> store = Store.of(engine);
    Instance i = new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));

    store.setFuel(1_000);
    assertEquals(13, i.getFunc("caller").call(Val.i32(10))[0].i32());
    long total = 1_000 - store.fuel();
    // With f < total, the call traps; the fuel left is f before the caller's charge passes, then
    // f minus that charge (callerCharge) until the callee's passes too, which needs all of total.
    long callerCharge = -1;
    for (long f = 0; f < total; f++) {
      store.setFuel(f);
      TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("caller").call(Val.i32(10)));
      assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
      if (store.fuel() != f && callerCharge < 0) {
        callerCharge = f - store.fuel();
      }
      assertEquals(callerCharge < 0 ? f : f - callerCharge, store.fuel(), "fuel " + f);
    }
    assertTrue(callerCharge > 0 && callerCharge < total, "caller " + callerCharge + " of " + total);
    store.setFuel(total);
    assertEquals(13, i.getFunc("caller").call(Val.i32(10))[0].i32());
    assertEquals(0, store.fuel());
  }
}
