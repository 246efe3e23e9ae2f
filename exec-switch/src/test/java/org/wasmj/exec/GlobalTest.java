package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmj.exec.Wasm.EXTERNREF;
import static org.wasmj.exec.Wasm.F32;
import static org.wasmj.exec.Wasm.F64;
import static org.wasmj.exec.Wasm.FUNCREF;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;

import org.junit.jupiter.api.Test;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

class GlobalTest {
  private final Engine engine = new Engine();
  private final Store<Void> store = Store.of(engine);

  /** Exports a mutable and an immutable global of every value type, and {@code f}. */
  private Instance guest() {
    WasmBuilder b = new WasmBuilder();
    int f = b.func(fn(NONE, I32), new Code().i32Const(3));
    b.exportFunc("f", f).declare(f);
    Code[] inits = {new Code().i32Const(-1), new Code().i64Const(1L << 40), new Code().f32Const(0x7FC0BEEF),
        new Code().f64Const(0xFFF8000000C0FFEEL), new Code().op(Opcode.REF_FUNC).u32(f),
        new Code().op(Opcode.REF_NULL).b(EXTERNREF.code())};
    ValType[] types = {I32, I64, F32, F64, FUNCREF, EXTERNREF};
    for (int k = 0; k < types.length; k++) {
      b.exportGlobal("const_" + types[k], b.global(types[k], false, inits[k]));
      b.exportGlobal("var_" + types[k], b.global(types[k], true, inits[k]));
    }
    return new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));
  }

  @Test
  void globalsOfEveryTypeHoldTheirInitialValues() {
    Instance i = guest();
    for (String prefix : new String[] {"const_", "var_"}) {
      assertEquals(Val.i32(-1), i.getGlobal(prefix + "i32").get());
      assertEquals(Val.i64(1L << 40), i.getGlobal(prefix + "i64").get());
      assertEquals(0x7FC0BEEF, (int) i.getGlobal(prefix + "f32").get().bits());
      assertEquals(0xFFF8000000C0FFEEL, i.getGlobal(prefix + "f64").get().bits());
      assertSame(i.getFunc("f"), i.getGlobal(prefix + "funcref").get().funcref());
      assertNull(i.getGlobal(prefix + "externref").get().externref());
    }
    assertEquals(new GlobalType(I64, true), i.getGlobal("var_i64").type());
    assertEquals(new GlobalType(F32, false), i.getGlobal("const_f32").type());
  }

  @Test
  void mutableGlobalsCanBeSet() {
    Instance i = guest();
    Global g = i.getGlobal("var_f64");
    g.set(Val.fromBits(F64, 0x7FF0000000000001L));
    assertEquals(0x7FF0000000000001L, g.get().bits());
    Object token = new Object();
    i.getGlobal("var_externref").set(Val.externref(token));
    assertSame(token, i.getGlobal("var_externref").get().externref());
    i.getGlobal("var_funcref").set(Val.funcref(null));
    assertNull(i.getGlobal("var_funcref").get().funcref());
  }

  @Test
  void immutableGlobalsCannotBeSet() {
    Instance i = guest();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> i.getGlobal("const_i32").set(Val.i32(0)));
    assertEquals("the global is immutable", e.getMessage());
    assertEquals(Val.i32(-1), i.getGlobal("const_i32").get());
  }

  @Test
  void aValueOfAnotherTypeIsRejected() {
    Instance i = guest();
    assertThrows(IllegalArgumentException.class, () -> i.getGlobal("var_i32").set(Val.i64(0)));
    assertThrows(IllegalArgumentException.class, () -> i.getGlobal("var_funcref").set(Val.externref(null)));
    assertThrows(IllegalArgumentException.class,
        () -> Global.create(store, new GlobalType(F32, false), Val.f64(1)));
    Func foreign = Func.wrap(Store.of(engine), fn(NONE), (c, a) -> null);
    assertThrows(IllegalArgumentException.class, () -> i.getGlobal("var_funcref").set(Val.funcref(foreign)));
    assertEquals(Val.i32(-1), i.getGlobal("var_i32").get());
  }

  @Test
  void createdGlobalsHoldTheirValue() {
    Func f = Func.wrap(store, fn(NONE), (c, a) -> null);
    Global g = Global.create(store, new GlobalType(FUNCREF, true), Val.funcref(f));
    assertSame(f, g.get().funcref());
    Global c = Global.create(store, new GlobalType(I32, false), Val.i32(9));
    assertEquals(Val.i32(9), c.get());
    assertThrows(IllegalStateException.class, () -> c.set(Val.i32(1)));
  }
}
