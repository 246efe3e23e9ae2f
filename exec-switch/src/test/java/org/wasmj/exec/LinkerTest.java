package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UnlinkableException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;

class LinkerTest {
  private final Engine engine = new Engine();
  private final Store<List<String>> store = new Store<>(engine, new ArrayList<>());
  private final Linker<List<String>> linker = new Linker<>(engine);

  private Instance instantiate(byte[] wasm) {
    return linker.instantiate(store, Module.compile(engine, wasm));
  }

  /** Links {@code env::f} with {@code define}, and calls it through a guest trampoline. */
  private Val[] throughGuest(FuncType t, Consumer<Linker<List<String>>> define, Val... args) {
    define.accept(linker);
    return instantiate(Wasm.trampoline(t)).getFunc("call").call(args);
  }

  // ---- funcWrap: every arity ----

  @Test
  void funcWrapWithoutParameters() {
    assertEquals(42, throughGuest(fn(NONE, I32),
        l -> l.funcWrap("env", "f", HostType.I32, c -> 42))[0].i32());
  }

  @Test
  void funcWrapWithOneParameter() {
    assertEquals(-7L, throughGuest(fn(of(I64), I64),
        l -> l.funcWrap("env", "f", HostType.I64, HostType.I64, (c, a) -> -a), Val.i64(7))[0].i64());
  }

  @Test
  void funcWrapWithTwoParameters() {
    assertEquals(3.5, throughGuest(fn(of(I32, I64), F64),
        l -> l.funcWrap("env", "f", HostType.I32, HostType.I64, HostType.F64, (c, a, b) -> a + b + 0.5),
        Val.i32(1), Val.i64(2))[0].f64());
  }

  @Test
  void funcWrapWithThreeParameters() {
    assertEquals(123L, throughGuest(fn(of(F32, F64, I32), I64),
        l -> l.funcWrap("env", "f", HostType.F32, HostType.F64, HostType.I32, HostType.I64,
            (c, a, b, d) -> (long) (a * 100 + b * 10) + d),
        Val.f32(1), Val.f64(2), Val.i32(3))[0].i64());
  }

  @Test
  void funcWrapWithFourParametersAndNoResult() {
    Val[] results = throughGuest(fn(of(I32, I64, F32, F64)),
        l -> l.funcWrap("env", "f", HostType.I32, HostType.I64, HostType.F32, HostType.F64, HostType.VOID,
            (c, a, b, d, e) -> {
              c.data().add(a + " " + b + " " + d + " " + e);
              return null;
            }),
        Val.i32(-1), Val.i64(Long.MIN_VALUE), Val.f32(0.25f), Val.f64(-0.0));
    assertEquals(0, results.length);
    assertEquals(List.of("-1 -9223372036854775808 0.25 -0.0"), store.data());
  }

  @Test
  void aDefinitionWithoutTypeBodyOrNameIsRejectedAtOnce() {
    HostFunc<List<String>> body = (c, a) -> new Val[0];
    assertThrows(IllegalArgumentException.class, () -> linker.func("env", "f", null, body));
    assertThrows(IllegalArgumentException.class, () -> linker.func("env", "f", fn(NONE), null));
    assertThrows(IllegalArgumentException.class, () -> linker.func(null, "f", fn(NONE), body));
    assertThrows(IllegalArgumentException.class, () -> linker.func("env", null, fn(NONE), body));
    assertThrows(IllegalArgumentException.class,
        () -> linker.funcWrap("env", "g", null, c -> 1));
    assertThrows(IllegalArgumentException.class,
        () -> linker.funcWrap("env", "g", HostType.I32, (HostFunc.F0<List<String>, Integer>) null));
    assertThrows(IllegalArgumentException.class, () -> linker.define("env", "h", (Extern) null));
    assertThrows(IllegalArgumentException.class, () -> Func.wrap(store, null, body));
    assertTrue(linker.get(store, "env", "f").isEmpty(), "nothing was defined");
  }

  @Test
  void voidIsNotAParameterType() {
    assertThrows(IllegalArgumentException.class,
        () -> linker.funcWrap("env", "f", HostType.VOID, HostType.I32, (c, a) -> 1));
    assertTrue(linker.get(store, "env", "f").isEmpty());
  }

  // ---- funcWrap: every HostType, in and out ----

  @Test
  void v128ValuesPassBothWaysAndTakeTwoSlots() {
    // v128 parameters between others: each later parameter is read from the right slot
    Val[] r = throughGuest(fn(of(I32, ValType.V128, I64, ValType.V128), ValType.V128),
        l -> l.funcWrap("env", "f", HostType.I32, HostType.V128, HostType.I64, HostType.V128, HostType.V128,
            (c, a, v, b, w) -> Val.v128(v.bits() + a, w.high() ^ b)),
        Val.i32(5), Val.v128(0x1111_2222_3333_4444L, -1L), Val.i64(0x0F0F), Val.v128(7L, 0x8000_0000_0000_0001L));
    assertEquals(ValType.V128, r[0].type());
    assertEquals(0x1111_2222_3333_4449L, r[0].bits());
    assertEquals(0x8000_0000_0000_0F0EL, r[0].high());
  }

  @Test
  void aV128AloneIsOneParameter() {
    assertEquals(9L, throughGuest(fn(of(ValType.V128), I64),
        l -> l.funcWrap("env", "f", HostType.V128, HostType.I64, (c, v) -> v.bits() + v.high()),
        Val.v128(4, 5))[0].i64());
  }

  @Test
  void aV128ResultOfAnotherTypeIsRejected() {
    Linker<Void> l = new Linker<>(engine);
    l.funcWrap("env", "f", HostType.V128, c -> Val.i32(1));
    Instance i = l.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(NONE, ValType.V128))));
    TrapException e = assertThrows(TrapException.class, () -> i.getFunc("call").call());
    assertInstanceOf(IllegalArgumentException.class, e.getCause(), "the host's error, as the trap's cause");
  }

  @Test
  void i32ValuesPassBothWays() {
    for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      Linker<Void> l = new Linker<>(engine);
      l.funcWrap("env", "f", HostType.I32, HostType.I32, (c, a) -> a);
      Instance i = l.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(of(I32), I32))));
      assertEquals(v, i.getFunc("call").call(Val.i32(v))[0].i32());
    }
  }

  @Test
  void i64ValuesPassBothWays() {
    for (long v : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32}) {
      Linker<Void> l = new Linker<>(engine);
      l.funcWrap("env", "f", HostType.I64, HostType.I64, (c, a) -> a);
      Instance i = l.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(of(I64), I64))));
      assertEquals(v, i.getFunc("call").call(Val.i64(v))[0].i64());
    }
  }

  @Test
  void f32ValuesKeepTheirBitsNaNPayloadsIncluded() {
    int[] patterns = {0, 0x80000000, 0x3F800000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000,
        0x7FC12345, 0xFFD54321, 0x7FA00001, 0x00000001};
    for (int bits : patterns) {
      int[] seen = new int[1];
      Linker<Void> l = new Linker<>(engine);
      l.funcWrap("env", "f", HostType.F32, HostType.F32, (c, a) -> {
        seen[0] = Float.floatToRawIntBits(a);
        return a;
      });
      Instance i = l.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(of(F32), F32))));
      Val out = i.getFunc("call").call(Val.fromBits(F32, bits))[0];
      assertEquals(Integer.toHexString(bits), Integer.toHexString(seen[0]), "seen by the host");
      assertEquals(Integer.toHexString(bits), Integer.toHexString((int) out.bits()), "returned");
    }
  }

  @Test
  void f64ValuesKeepTheirBitsNaNPayloadsIncluded() {
    long[] patterns = {0, Long.MIN_VALUE, 0x7FF0000000000000L, 0x7FF8000000000000L,
        0x7FF8000000012345L, 0xFFF4000000000001L, 0x7FF0000000000001L, 1};
    for (long bits : patterns) {
      Linker<Void> l = new Linker<>(engine);
      l.funcWrap("env", "f", HostType.F64, HostType.F64, (c, a) -> a);
      Instance i = l.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(of(F64), F64))));
      assertEquals(Long.toHexString(bits),
          Long.toHexString(i.getFunc("call").call(Val.fromBits(F64, bits))[0].bits()));
    }
  }

  @Test
  void funcrefsAreFuncsOrNull() {
    WasmBuilder b = new WasmBuilder();
    int f = b.importFunc("env", "f", fn(of(FUNCREF), FUNCREF));
    int seven = b.func(fn(NONE, I32), new Code().i32Const(7));
    int passSeven = b.func(fn(NONE, FUNCREF), new Code().op(Opcode.REF_FUNC).u32(seven).call(f));
    int passNull = b.func(fn(NONE, FUNCREF), new Code().op(Opcode.REF_NULL).b(FUNCREF.code()).call(f));
    b.declare(seven);
    b.exportFunc("seven", seven).exportFunc("passSeven", passSeven).exportFunc("passNull", passNull);
    List<Func> seen = new ArrayList<>();
    linker.funcWrap("env", "f", HostType.FUNCREF, HostType.FUNCREF, (c, fr) -> {
      seen.add(fr);
      return fr;
    });
    Instance i = instantiate(b.build());
    Func returned = i.getFunc("passSeven").call()[0].funcref();
    assertSame(i.getFunc("seven"), seen.get(0), "the host sees the guest's function");
    assertSame(i.getFunc("seven"), returned);
    assertEquals(7, returned.call()[0].i32());
    assertNull(i.getFunc("passNull").call()[0].funcref());
    assertNull(seen.get(1));
  }

  @Test
  void aHostFunctionMayReturnAFuncOfItsOwn() {
    Func answer = Func.wrap(store, fn(NONE, I32), (c, args) -> new Val[] {Val.i32(42)});
    linker.funcWrap("env", "f", HostType.FUNCREF, c -> answer);
    Val out = instantiate(Wasm.trampoline(fn(NONE, FUNCREF))).getFunc("call").call()[0];
    assertSame(answer, out.funcref());
    assertEquals(42, out.funcref().call()[0].i32());
  }

  @Test
  void externrefsAreAnyHostObjectOrNull() {
    Object token = new Object();
    List<Object> seen = new ArrayList<>();
    Val[] out = throughGuest(fn(of(EXTERNREF), EXTERNREF),
        l -> l.funcWrap("env", "f", HostType.EXTERNREF, HostType.EXTERNREF, (c, x) -> {
          seen.add(x);
          return x == null ? "was null" : x;
        }),
        Val.externref(token));
    assertSame(token, out[0].externref());
    assertSame(token, seen.get(0));
  }

  @Test
  void aNullExternrefReachesTheHostAsNull() {
    Val[] out = throughGuest(fn(of(EXTERNREF), EXTERNREF),
        l -> l.funcWrap("env", "f", HostType.EXTERNREF, HostType.EXTERNREF,
            (c, x) -> x == null ? "was null" : x),
        Val.externref(null));
    assertEquals("was null", out[0].externref());
  }

  @Test
  void hostTypesNameTheirWasmTypes() {
    assertEquals(I32, HostType.I32.type());
    assertEquals(I64, HostType.I64.type());
    assertEquals(F32, HostType.F32.type());
    assertEquals(F64, HostType.F64.type());
    assertEquals(FUNCREF, HostType.FUNCREF.type());
    assertEquals(EXTERNREF, HostType.EXTERNREF.type());
    assertNull(HostType.VOID.type());
    assertEquals("void", HostType.VOID.toString());
    assertEquals("i32", HostType.I32.toString());
  }

  @Test
  void aTypedHostFunctionReturningNullForANumberTrapsAsAHostError() {
    linker.funcWrap("env", "f", HostType.I32, c -> null);
    TrapException e = assertThrows(TrapException.class,
        () -> instantiate(Wasm.trampoline(fn(NONE, I32))).getFunc("call").call());
    assertEquals(TrapKind.HOST, e.kind());
    assertInstanceOf(NullPointerException.class, e.getCause());
  }

  // ---- func: untyped host functions on Vals ----

  @Test
  void funcTakesAndReturnsValsOfEveryTypeAndSeveralResults() {
    FuncType t = fn(of(I32, I64, F32, F64), F64, F32, I64, I32);
    Val[] out = throughGuest(t, l -> l.func("env", "f", t,
        (c, a) -> new Val[] {a[3], a[2], a[1], a[0]}),
        Val.i32(1), Val.i64(2), Val.fromBits(F32, 0x7FC00001), Val.f64(4));
    assertArrayEquals(new Val[] {Val.f64(4), Val.fromBits(F32, 0x7FC00001), Val.i64(2), Val.i32(1)}, out);
  }

  @Test
  void aFuncReturningTheWrongNumberOrTypeOfResultsTraps() {
    FuncType t = fn(NONE, I32);
    TrapException tooFew = assertThrows(TrapException.class,
        () -> throughGuest(t, l -> l.func("env", "f", t, (c, a) -> new Val[0])));
    assertEquals(TrapKind.HOST, tooFew.kind());
    assertInstanceOf(IllegalStateException.class, tooFew.getCause());
    Linker<Void> l2 = new Linker<>(engine);
    l2.func("env", "f", t, (c, a) -> new Val[] {Val.i64(1)});
    Instance i = l2.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(t)));
    TrapException wrongType = assertThrows(TrapException.class, () -> i.getFunc("call").call());
    assertEquals(TrapKind.HOST, wrongType.kind());
    assertTrue(wrongType.getMessage().contains("expected i32"), wrongType.getMessage());
    Linker<Void> l3 = new Linker<>(engine);
    l3.func("env", "f", fn(NONE), (c, a) -> null); // no results: null is fine
    l3.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(NONE)))).getFunc("call").call();
  }

  // ---- define: things of a store ----

  @Test
  void aDefinedMemoryIsSharedWithTheGuest() {
    Memory memory = Memory.create(store, new MemoryType(new Limits(1, 2)));
    linker.define("env", "mem", memory);
    WasmBuilder b = new WasmBuilder();
    b.importMemory("env", "mem", 1, 2);
    int store42 = b.func(fn(NONE), new Code().i32Const(8).i32Const(42).mem(Opcode.I32_STORE, 2, 0));
    int load = b.func(fn(of(I32), I32), new Code().localGet(0).mem(Opcode.I32_LOAD, 2, 0));
    int grow = b.func(fn(NONE, I32), new Code().i32Const(1).op(Opcode.MEMORY_GROW).b(0));
    b.exportFunc("store42", store42).exportFunc("load", load).exportFunc("grow", grow).exportMemory("m", 0);
    Instance i = instantiate(b.build());
    i.getFunc("store42").call();
    assertEquals(42, memory.readI32(8));
    memory.writeI32(100, -5);
    assertEquals(-5, i.getFunc("load").call(Val.i32(100))[0].i32());
    assertEquals(memory, i.getMemory("m"));
    assertEquals(1, i.getFunc("grow").call()[0].i32());
    assertEquals(2, memory.size(), "the guest grew the host's memory");
    memory.writeI32(65536 + 4, 9);
    assertEquals(9, i.getFunc("load").call(Val.i32(65536 + 4))[0].i32());
  }

  @Test
  void aDefinedTableIsSharedWithTheGuest() {
    Table table = Table.create(store, new TableType(FUNCREF, new Limits(2, Limits.NO_MAX)), Val.funcref(null));
    Func eleven = Func.wrap(store, fn(NONE, I32), (c, a) -> new Val[] {Val.i32(11)});
    table.set(1, Val.funcref(eleven));
    linker.define("env", "table", table);
    WasmBuilder b = new WasmBuilder();
    b.importTable("env", "table", FUNCREF, 1, Limits.NO_MAX);
    int type = b.typeIndex(fn(NONE, I32));
    int callAt = b.func(fn(of(I32), I32), new Code().localGet(0).callIndirect(type, 0));
    int twelve = b.func(fn(NONE, I32), new Code().i32Const(12));
    b.elem(0, twelve);
    b.exportFunc("callAt", callAt).exportFunc("twelve", twelve);
    Instance i = instantiate(b.build());
    assertEquals(11, i.getFunc("callAt").call(Val.i32(1))[0].i32());
    assertSame(i.getFunc("twelve"), table.get(0).funcref(), "the element segment wrote the host's table");
    assertEquals(12, i.getFunc("callAt").call(Val.i32(0))[0].i32());
  }

  @Test
  void aDefinedGlobalIsSharedWithTheGuest() {
    Global g = Global.create(store, new GlobalType(I64, true), Val.i64(5));
    linker.define("env", "g", g);
    WasmBuilder b = new WasmBuilder();
    b.importGlobal("env", "g", I64, true);
    int get = b.func(fn(NONE, I64), new Code().globalGet(0));
    int set = b.func(fn(of(I64)), new Code().localGet(0).globalSet(0));
    b.exportFunc("get", get).exportFunc("set", set);
    Instance i = instantiate(b.build());
    assertEquals(5, i.getFunc("get").call()[0].i64());
    i.getFunc("set").call(Val.i64(-6));
    assertEquals(Val.i64(-6), g.get());
    g.set(Val.i64(7));
    assertEquals(7, i.getFunc("get").call()[0].i64());
  }

  @Test
  void anImmutableGlobalCanInitializeTheGuestsGlobals() {
    linker.define("env", "base", Global.create(store, new GlobalType(I32, false), Val.i32(1000)));
    WasmBuilder b = new WasmBuilder();
    b.importGlobal("env", "base", I32, false);
    int mine = b.global(I32, false, new Code().globalGet(0).i32Const(24).op(Opcode.I32_ADD));
    b.exportGlobal("mine", mine);
    assertEquals(1024, instantiate(b.build()).getGlobal("mine").get().i32());
  }

  @Test
  void aDefinedFuncIsCalledByTheGuest() {
    Func f = Func.wrap(store, fn(of(I32), I32), (c, a) -> new Val[] {Val.i32(a[0].i32() * 3)});
    linker.define("env", "f", f);
    Instance i = instantiate(Wasm.trampoline(fn(of(I32), I32)));
    assertEquals(21, i.getFunc("call").call(Val.i32(7))[0].i32());
    assertSame(f, linker.get(store, "env", "f").orElseThrow());
  }

  @Test
  void getResolvesADefinitionInAStore() {
    linker.funcWrap("env", "f", HostType.I32, c -> 3);
    Extern e = linker.get(store, "env", "f").orElseThrow();
    assertEquals(3, ((Func) e).call()[0].i32());
    assertEquals(fn(NONE, I32), ((Func) e).type());
    assertTrue(linker.get(store, "env", "g").isEmpty());
    assertTrue(linker.get(store, "other", "f").isEmpty());
  }

  // ---- instance: re-exporting an instance ----

  @Test
  void anInstancesExportsCanBeLinkedIntoAnotherModule() {
    WasmBuilder a = new WasmBuilder();
    int mem = a.memory(1, Limits.NO_MAX);
    int counter = a.global(I32, true, new Code().i32Const(0));
    int bump = a.func(fn(NONE, I32), new Code().globalGet(counter).i32Const(1).op(Opcode.I32_ADD)
        .globalSet(counter).globalGet(counter));
    a.exportFunc("bump", bump).exportMemory("memory", mem).exportGlobal("counter", counter);
    Instance first = instantiate(a.build());
    linker.instance("a", first);

    WasmBuilder b = new WasmBuilder();
    int bumpA = b.importFunc("a", "bump", fn(NONE, I32));
    b.importMemory("a", "memory", 1, Limits.NO_MAX);
    b.importGlobal("a", "counter", I32, true);
    int twice = b.func(fn(NONE, I32), new Code().call(bumpA).drop().call(bumpA).drop()
        .i32Const(0).globalGet(0).mem(Opcode.I32_STORE, 2, 0).globalGet(0));
    b.exportFunc("twice", twice);
    Instance second = instantiate(b.build());
    assertEquals(2, second.getFunc("twice").call()[0].i32());
    assertEquals(2, first.getMemory("memory").readI32(0), "the memory is the first instance's");
    assertEquals(2, first.getGlobal("counter").get().i32());
    assertEquals(3, first.getFunc("bump").call()[0].i32());
    assertSame(first.getFunc("bump"), linker.get(store, "a", "bump").orElseThrow());
  }

  // ---- shadowing ----

  @Test
  void aNameIsDefinedOnceUnlessShadowingIsAllowed() {
    linker.funcWrap("env", "f", HostType.I32, c -> 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> linker.funcWrap("env", "f", HostType.I32, c -> 2));
    assertEquals("env::f is already defined", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> linker.define("env", "f", Global.create(store, new GlobalType(I32, false), Val.i32(0))));
    linker.funcWrap("other", "f", HostType.I32, c -> 3); // another module name is another name
    linker.funcWrap("env", "g", HostType.I32, c -> 4);
    assertEquals(1, ((Func) linker.get(store, "env", "f").orElseThrow()).call()[0].i32());

    assertSame(linker, linker.allowShadowing(true));
    linker.funcWrap("env", "f", HostType.I32, c -> 2);
    assertEquals(2, ((Func) linker.get(store, "env", "f").orElseThrow()).call()[0].i32());
    assertEquals(2, instantiate(Wasm.trampoline(fn(NONE, I32))).getFunc("call").call()[0].i32());

    linker.allowShadowing(false);
    assertThrows(IllegalArgumentException.class, () -> linker.funcWrap("env", "f", HostType.I32, c -> 5));
  }

  @Test
  void anInstanceWhoseExportsClashDefinesNothing() {
    Instance first = instantiate(Wasm.adder()); // exports "add"
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("a", b.func(fn(NONE), new Code())).exportFunc("add", b.func(fn(NONE), new Code()))
        .exportFunc("z", b.func(fn(NONE), new Code()));
    Instance second = instantiate(b.build());
    linker.instance("m", first);
    assertThrows(IllegalArgumentException.class, () -> linker.instance("m", second));
    assertTrue(linker.get(store, "m", "a").isEmpty(), "all or nothing");
    assertTrue(linker.get(store, "m", "z").isEmpty(), "all or nothing");
    assertSame(first.getFunc("add"), linker.get(store, "m", "add").orElseThrow());
  }

  @Test
  void namesAreNotConfusedByTheSeparator() {
    linker.funcWrap("a", "b::c", HostType.I32, c -> 1);
    linker.funcWrap("a::b", "c", HostType.I32, c -> 2);
    assertEquals(1, ((Func) linker.get(store, "a", "b::c").orElseThrow()).call()[0].i32());
    assertEquals(2, ((Func) linker.get(store, "a::b", "c").orElseThrow()).call()[0].i32());
  }

  // ---- unknown and incompatible imports ----

  @Test
  void anUnknownImportNamesItselfAndItsType() {
    UnlinkableException e = assertThrows(UnlinkableException.class,
        () -> instantiate(Wasm.trampoline(fn(of(I32), I64))));
    assertEquals("unknown import: env::f has not been defined (expected func (i32) -> (i64))", e.getMessage());

    WasmBuilder b = new WasmBuilder();
    b.importMemory("env", "memory", 1, 2);
    e = assertThrows(UnlinkableException.class, () -> instantiate(b.build()));
    assertTrue(e.getMessage().startsWith("unknown import: env::memory has not been defined"), e.getMessage());
    assertTrue(e.getMessage().contains(new MemoryType(new Limits(1, 2)).toString()), e.getMessage());

    WasmBuilder g = new WasmBuilder();
    g.importGlobal("env", "g", F32, true);
    e = assertThrows(UnlinkableException.class, () -> instantiate(g.build()));
    assertTrue(e.getMessage().contains("env::g") && e.getMessage().contains("(mut f32)"), e.getMessage());
  }

  @Test
  void aFunctionOfAnotherSignatureIsIncompatible() {
    linker.funcWrap("env", "f", HostType.I32, HostType.I32, (c, a) -> a);
    UnlinkableException e = assertThrows(UnlinkableException.class,
        () -> instantiate(Wasm.trampoline(fn(of(I64), I32))));
    assertEquals("incompatible import type: env::f must be func (i64) -> (i32)", e.getMessage());
    assertThrows(UnlinkableException.class, () -> instantiate(Wasm.trampoline(fn(of(I32)))));
    assertThrows(UnlinkableException.class, () -> instantiate(Wasm.trampoline(fn(of(I32), I32, I32))));
  }

  @Test
  void aThingOfAnotherKindIsIncompatible() {
    linker.define("env", "f", Memory.create(store, new MemoryType(new Limits(1, 1))));
    assertTrue(assertThrows(UnlinkableException.class, () -> instantiate(Wasm.trampoline(fn(NONE))))
        .getMessage().startsWith("incompatible import type: env::f"));
    WasmBuilder b = new WasmBuilder();
    b.importTable("env", "f", FUNCREF, 0, Limits.NO_MAX);
    assertThrows(UnlinkableException.class, () -> instantiate(b.build()));
  }

  private void assertTableImport(boolean compatible, TableType provided, ValType elem, long min, long max) {
    Linker<Void> l = new Linker<>(engine);
    Store<Void> s = Store.of(engine);
    l.define("env", "t", Table.create(s, provided, provided.elementType() == FUNCREF
        ? Val.funcref(null) : Val.externref(null)));
    WasmBuilder b = new WasmBuilder();
    b.importTable("env", "t", elem, min, max);
    Module m = Module.compile(engine, b.build());
    String what = provided + " for " + new TableType(elem, new Limits(min, max));
    if (compatible) {
      l.instantiate(s, m);
    } else {
      assertThrows(UnlinkableException.class, () -> l.instantiate(s, m), what);
    }
  }

  @Test
  void tableLimitsAndElementTypesMustMatch() {
    TableType small = new TableType(FUNCREF, new Limits(1, 5));
    assertTableImport(true, small, FUNCREF, 1, 5);
    assertTableImport(true, small, FUNCREF, 0, 10);
    assertTableImport(true, small, FUNCREF, 1, Limits.NO_MAX);
    assertTableImport(false, small, FUNCREF, 2, 10); // too small
    assertTableImport(false, small, FUNCREF, 1, 4); // may grow too far
    assertTableImport(false, small, EXTERNREF, 1, 5);
    TableType unbounded = new TableType(FUNCREF, new Limits(3, Limits.NO_MAX));
    assertTableImport(false, unbounded, FUNCREF, 3, 100);
    assertTableImport(true, unbounded, FUNCREF, 3, Limits.NO_MAX);
  }

  @Test
  void aTableThatGrewSatisfiesALargerMinimum() {
    Table t = Table.create(store, new TableType(FUNCREF, new Limits(1, 10)), Val.funcref(null));
    assertEquals(1, t.grow(3, Val.funcref(null)));
    linker.define("env", "t", t);
    WasmBuilder b = new WasmBuilder();
    b.importTable("env", "t", FUNCREF, 4, 10);
    instantiate(b.build());
  }

  private void assertMemoryImport(boolean compatible, Limits provided, long min, long max) {
    Linker<Void> l = new Linker<>(engine);
    Store<Void> s = Store.of(engine);
    l.define("env", "m", Memory.create(s, new MemoryType(provided)));
    WasmBuilder b = new WasmBuilder();
    b.importMemory("env", "m", min, max);
    Module m = Module.compile(engine, b.build());
    if (compatible) {
      l.instantiate(s, m);
    } else {
      UnlinkableException e = assertThrows(UnlinkableException.class, () -> l.instantiate(s, m),
          provided + " for " + min + " " + max);
      assertTrue(e.getMessage().startsWith("incompatible import type: env::m must be memory"), e.getMessage());
    }
  }

  @Test
  void memoryLimitsMustMatch() {
    assertMemoryImport(true, new Limits(1, 2), 1, 2);
    assertMemoryImport(true, new Limits(2, 2), 1, 3);
    assertMemoryImport(true, new Limits(1, Limits.NO_MAX), 0, Limits.NO_MAX);
    assertMemoryImport(false, new Limits(1, 2), 2, 2);
    assertMemoryImport(false, new Limits(1, 3), 1, 2);
    assertMemoryImport(false, new Limits(1, Limits.NO_MAX), 1, 2);
  }

  @Test
  void globalTypesAndMutabilityMustMatch() {
    for (boolean mutable : new boolean[] {false, true}) {
      for (ValType provided : new ValType[] {I32, I64, F32, F64}) {
        for (ValType wanted : new ValType[] {I32, I64, F32, F64}) {
          for (boolean wantedMutable : new boolean[] {false, true}) {
            Linker<Void> l = new Linker<>(engine);
            Store<Void> s = Store.of(engine);
            l.define("env", "g", Global.create(s, new GlobalType(provided, mutable), Val.fromBits(provided, 0)));
            WasmBuilder b = new WasmBuilder();
            b.importGlobal("env", "g", wanted, wantedMutable);
            Module m = Module.compile(engine, b.build());
            if (provided == wanted && mutable == wantedMutable) {
              l.instantiate(s, m);
            } else {
              assertThrows(UnlinkableException.class, () -> l.instantiate(s, m),
                  provided + " " + mutable + " for " + wanted + " " + wantedMutable);
            }
          }
        }
      }
    }
  }

  // ---- engines and stores ----

  @Test
  void aModuleOfAnotherEngineIsRejected() {
    Engine other = new Engine();
    Module m = Module.compile(other, Wasm.adder());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linker.instantiate(store, m));
    assertTrue(e.getMessage().contains("engine"), e.getMessage());
  }

  @Test
  void aStoreOfAnotherEngineThanTheLinkersIsRejected() {
    Engine other = new Engine();
    Store<List<String>> otherStore = new Store<>(other, new ArrayList<>());
    Module m = Module.compile(other, Wasm.adder());
    assertThrows(IllegalArgumentException.class, () -> linker.instantiate(otherStore, m));
    assertThrows(IllegalArgumentException.class, () -> linker.get(otherStore, "env", "f"));
  }

  @Test
  void aThingOfAnotherStoreIsRejected() {
    Store<List<String>> other = new Store<>(engine, new ArrayList<>());
    Func foreign = Func.wrap(other, fn(NONE, I32), (c, a) -> new Val[] {Val.i32(1)});
    linker.define("env", "f", foreign);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> instantiate(Wasm.trampoline(fn(NONE, I32))));
    assertTrue(e.getMessage().contains("store"), e.getMessage());

    Linker<List<String>> l2 = new Linker<>(engine);
    l2.define("env", "m", Memory.create(other, new MemoryType(new Limits(1, 1))));
    WasmBuilder b = new WasmBuilder();
    b.importMemory("env", "m", 1, 1);
    assertThrows(IllegalArgumentException.class, () -> l2.instantiate(store, Module.compile(engine, b.build())));
  }

  @Test
  void hostFunctionsAreMadeForEachStoreThatLinksThem() {
    List<Object> datas = new ArrayList<>();
    Linker<String> l = new Linker<>(engine);
    l.funcWrap("env", "f", HostType.VOID, c -> {
      datas.add(c.data());
      return null;
    });
    Module m = Module.compile(engine, Wasm.trampoline(fn(NONE)));
    Store<String> a = new Store<>(engine, "a");
    Store<String> b = new Store<>(engine, "b");
    l.instantiate(a, m).getFunc("call").call();
    l.instantiate(b, m).getFunc("call").call();
    assertEquals(List.of("a", "b"), datas);
    assertSame(engine, l.engine());
  }

  @Test
  void aFailedInstantiationLeavesTheStoreUsable() {
    Module needsF = Module.compile(engine, Wasm.trampoline(fn(NONE, I32)));
    assertThrows(UnlinkableException.class, () -> linker.instantiate(store, needsF));
    linker.funcWrap("env", "f", HostType.I32, c -> 8);
    assertEquals(8, linker.instantiate(store, needsF).getFunc("call").call()[0].i32());
    assertFalse(store.data().contains("x"));
  }
}
