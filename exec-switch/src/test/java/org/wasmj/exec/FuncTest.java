package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.EXTERNREF;
import static org.wasmj.exec.Wasm.F32;
import static org.wasmj.exec.Wasm.F64;
import static org.wasmj.exec.Wasm.FUNCREF;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

class FuncTest {
  private final Engine engine = new Engine();
  private final Store<Void> store = Store.of(engine);

  /** Constants of every type, identity functions of every type, and a six-result function. */
  private Instance instance() {
    WasmBuilder b = new WasmBuilder();
    int i32 = b.func(fn(NONE, I32), new Code().i32Const(-7));
    int i64 = b.func(fn(NONE, I64), new Code().i64Const(Long.MIN_VALUE));
    int f32 = b.func(fn(NONE, F32), new Code().f32Const(0x7FA12345)); // a signalling NaN
    int f64 = b.func(fn(NONE, F64), new Code().f64Const(0xFFF0000000000001L));
    int funcref = b.func(fn(NONE, FUNCREF), new Code().op(Opcode.REF_FUNC).u32(i32));
    int nullFuncref = b.func(fn(NONE, FUNCREF), new Code().op(Opcode.REF_NULL).b(FUNCREF.code()));
    int nullExternref = b.func(fn(NONE, EXTERNREF), new Code().op(Opcode.REF_NULL).b(EXTERNREF.code()));
    b.declare(i32);
    for (ValType t : new ValType[] {I32, I64, F32, F64, FUNCREF, EXTERNREF}) {
      b.exportFunc("id_" + t, b.func(fn(of(t), t), new Code().localGet(0)));
    }
    ValType[] six = {I32, I64, F32, F64, FUNCREF, EXTERNREF};
    ValType[] reversed = {EXTERNREF, FUNCREF, F64, F32, I64, I32};
    Code rev = new Code();
    for (int k = 5; k >= 0; k--) {
      rev.localGet(k);
    }
    b.exportFunc("reverse", b.func(fn(six, reversed), rev));
    b.exportFunc("i32", i32).exportFunc("i64", i64).exportFunc("f32", f32).exportFunc("f64", f64)
        .exportFunc("funcref", funcref).exportFunc("nullFuncref", nullFuncref)
        .exportFunc("nullExternref", nullExternref);
    return new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));
  }

  @Test
  void resultsOfEveryValueType() {
    Instance i = instance();
    assertEquals(Val.i32(-7), i.getFunc("i32").call()[0]);
    assertEquals(Val.i64(Long.MIN_VALUE), i.getFunc("i64").call()[0]);
    assertEquals(0x7FA12345, (int) i.getFunc("f32").call()[0].bits());
    assertEquals(0xFFF0000000000001L, i.getFunc("f64").call()[0].bits());
    Func f = i.getFunc("funcref").call()[0].funcref();
    assertSame(i.getFunc("i32"), f);
    assertEquals(-7, f.call()[0].i32());
    assertNull(i.getFunc("nullFuncref").call()[0].funcref());
    assertNull(i.getFunc("nullExternref").call()[0].externref());
    assertEquals(FUNCREF, i.getFunc("nullFuncref").call()[0].type());
  }

  @Test
  void argumentsOfEveryValueTypeComeBackUnchanged() {
    Instance i = instance();
    Object host = new StringBuilder("host");
    Func hostFunc = Func.wrap(store, fn(NONE), (c, a) -> null);
    Val[] values = {Val.i32(Integer.MIN_VALUE), Val.i64(-1), Val.fromBits(F32, 0xFFC00001),
        Val.fromBits(F64, 0x7FF4000000000000L), Val.funcref(hostFunc), Val.externref(host),
        Val.funcref(null), Val.externref(null)};
    for (Val v : values) {
      Val back = i.getFunc("id_" + v.type()).call(v)[0];
      assertEquals(v, back, v.toString());
    }
    assertSame(host, i.getFunc("id_externref").call(Val.externref(host))[0].externref());
  }

  @Test
  void severalResultsComeBackInOrder() {
    Instance i = instance();
    Object host = "x";
    Func f = i.getFunc("i32");
    Val[] out = i.getFunc("reverse").call(Val.i32(1), Val.i64(2), Val.f32(3), Val.f64(4),
        Val.funcref(f), Val.externref(host));
    assertArrayEquals(new Val[] {Val.externref(host), Val.funcref(f), Val.f64(4), Val.f32(3),
        Val.i64(2), Val.i32(1)}, out);
    assertEquals(fn(of(I32, I64, F32, F64, FUNCREF, EXTERNREF), EXTERNREF, FUNCREF, F64, F32, I64, I32),
        i.getFunc("reverse").type());
  }

  @Test
  void theArgumentCountIsChecked() {
    Instance i = instance();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> i.getFunc("id_i32").call());
    assertEquals("expected 1 argument for (i32) -> (i32), got 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> i.getFunc("id_i32").call(Val.i32(1), Val.i32(2)));
    assertThrows(IllegalArgumentException.class, () -> i.getFunc("i32").call(Val.i32(1)));
  }

  @Test
  void theArgumentTypesAreChecked() {
    Instance i = instance();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> i.getFunc("id_i32").call(Val.i64(1)));
    assertEquals("argument 0 is i64, expected i32", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> i.getFunc("id_f32").call(Val.f64(1)));
    assertThrows(IllegalArgumentException.class, () -> i.getFunc("id_funcref").call(Val.externref(null)));
    assertThrows(IllegalArgumentException.class, () -> i.getFunc("id_externref").call(Val.funcref(null)));
  }

  @Test
  void aFuncrefOfAnotherStoreIsRejected() {
    Instance i = instance();
    Func foreign = Func.wrap(Store.of(engine), fn(NONE), (c, a) -> null);
    assertThrows(IllegalArgumentException.class, () -> i.getFunc("id_funcref").call(Val.funcref(foreign)));
  }

  @Test
  void hostFunctionsCanBeCalledFromTheHost() {
    FuncType t = fn(of(I32, I32), I32, I32);
    Func swap = Func.wrap(store, t, (c, a) -> {
      assertTrue(c.getExport("anything").isEmpty(), "no calling instance");
      assertThrows(IllegalStateException.class, c::memory);
      return new Val[] {a[1], a[0]};
    });
    assertEquals(t, swap.type());
    assertArrayEquals(new Val[] {Val.i32(2), Val.i32(1)}, swap.call(Val.i32(1), Val.i32(2)));
    assertThrows(IllegalArgumentException.class, () -> swap.call(Val.i32(1)));
    assertEquals("host func (i32, i32) -> (i32, i32)", swap.toString());
  }

  @Test
  void aFuncNamesItself() {
    WasmBuilder b = new WasmBuilder();
    int f = b.func(fn(NONE), new Code());
    int g = b.func(fn(NONE), new Code());
    b.funcName(g, "$named").exportFunc("f", f).exportFunc("g", g);
    Instance i = new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));
    assertEquals("func func[0] () -> ()", i.getFunc("f").toString());
    assertEquals("func $named () -> ()", i.getFunc("g").toString());
  }

  @Test
  void aCallIntoAnotherInstanceUsesTheCalleesMemoryAndBack() {
    // B.poke(v) stores v at 0 of B's memory and returns the value there
    WasmBuilder mb = new WasmBuilder();
    mb.memory(1, 1);
    mb.exportFunc("poke", mb.func(fn(of(I32), I32), new Code().i32Const(0).localGet(0)
        .mem(Opcode.I32_STORE, 2, 0).i32Const(0).mem(Opcode.I32_LOAD, 2, 0)));
    Linker<Void> linker = new Linker<>(engine);
    Instance b = linker.instantiate(store, Module.compile(engine, mb.build()));
    linker.instance("b", b);
    // A stores 111 in its own memory, calls B.poke directly and through a table, then reads its own
    WasmBuilder ma = new WasmBuilder();
    int poke = ma.importFunc("b", "poke", fn(of(I32), I32));
    ma.memory(1, 1);
    ma.table(FUNCREF, 1, 1);
    ma.elem(0, poke);
    int type = ma.typeIndex(fn(of(I32), I32));
    ma.exportFunc("run", ma.func(fn(NONE, I32), new Code()
        .i32Const(0).i32Const(111).mem(Opcode.I32_STORE, 2, 0)
        .i32Const(222).call(poke)
        .i32Const(333).i32Const(0).callIndirect(type, 0).op(Opcode.I32_ADD)
        .i32Const(0).mem(Opcode.I32_LOAD, 2, 0).op(Opcode.I32_ADD)));
    Instance a = linker.instantiate(store, Module.compile(engine, ma.build()));
    assertEquals(222 + 333 + 111, a.getFunc("run").call()[0].i32());
  }

  @Test
  void tailCallsToGuestAndHostFunctionsReturnTheirResults() {
    WasmBuilder b = new WasmBuilder();
    int host = b.importFunc("env", "pair", fn(of(I32), I32, I64));
    // count(n, acc): n == 0 ? acc : return_call count(n - 1, acc + 1), a million times
    int count = b.func(fn(of(I64, I64), I64), new Code().localGet(0).op(Opcode.I64_EQZ)
        .ifThen(I64).localGet(1)
        .elseThen().localGet(0).i64Const(1).op(Opcode.I64_SUB).localGet(1).i64Const(1).op(Opcode.I64_ADD)
        .op(Opcode.RETURN_CALL).u32(1).end());
    int toHost = b.func(fn(of(I32), I32, I64), new Code().localGet(0).op(Opcode.RETURN_CALL).u32(host));
    b.table(FUNCREF, 1, 1);
    b.elem(0, host);
    int pairType = b.typeIndex(fn(of(I32), I32, I64));
    int toHostIndirect = b.func(fn(of(I32), I32, I64),
        new Code().localGet(0).i32Const(0).op(Opcode.RETURN_CALL_INDIRECT).u32(pairType).u32(0));
    // nested: a guest frame below the tail-calling one must get the host's results back
    int nested = b.func(fn(of(I32), I64), of(I64), new Code().localGet(0).call(toHost)
        .localSet(1).op(Opcode.I64_EXTEND_I32_S).localGet(1).op(Opcode.I64_ADD));
    b.exportFunc("count", count).exportFunc("toHost", toHost).exportFunc("toHostIndirect", toHostIndirect)
        .exportFunc("nested", nested);
    byte[] wasm = b.build();
    for (CompilationMode mode : CompilationMode.values()) {
      Engine e = Wasm.engine(mode);
      Linker<Void> l = new Linker<Void>(e).func("env", "pair", fn(of(I32), I32, I64),
          (c, a) -> new Val[] {Val.i32(a[0].i32() + 1), Val.i64(a[0].i32() * 10L)});
      Instance i = l.instantiate(Store.of(e), Module.compile(e, wasm));
      assertEquals(Val.i64(1_000_000), i.getFunc("count").call(Val.i64(1_000_000), Val.i64(0))[0], mode.toString());
      assertArrayEquals(new Val[] {Val.i32(5), Val.i64(40)}, i.getFunc("toHost").call(Val.i32(4)));
      assertArrayEquals(new Val[] {Val.i32(6), Val.i64(50)}, i.getFunc("toHostIndirect").call(Val.i32(5)));
      assertEquals(Val.i64(7 + 60), i.getFunc("nested").call(Val.i32(6))[0]);
    }
  }

  @Test
  void aFuncStaysUsableAfterATrap() {
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("div", b.func(fn(of(I32, I32), I32), new Code().localGet(0).localGet(1).op(Opcode.I32_DIV_S)));
    Func div = new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build())).getFunc("div");
    for (int n = 0; n < 3; n++) {
      assertThrows(TrapException.class, () -> div.call(Val.i32(1), Val.i32(0)));
      assertEquals(Val.i32(-3), div.call(Val.i32(7), Val.i32(-2))[0]);
    }
  }
}
