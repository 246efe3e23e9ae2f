package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.F64;
import static org.wasmj.exec.Wasm.FUNCREF;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Limits;
import org.wasmj.parser.Opcode;

class InstanceTest {
  private final Engine engine = new Engine();

  /** One export of each kind, plus a counter in a mutable global. */
  private static byte[] everyKind() {
    WasmBuilder b = new WasmBuilder();
    int mem = b.memory(1, 3);
    int table = b.table(FUNCREF, 2, 5);
    int counter = b.global(I32, true, new Code().i32Const(0));
    int pi = b.global(F64, false, new Code().f64Const(Double.doubleToRawLongBits(Math.PI)));
    int bump = b.func(fn(NONE, I32),
        new Code().globalGet(counter).i32Const(1).op(Opcode.I32_ADD).globalSet(counter).globalGet(counter));
    b.exportFunc("bump", bump).exportMemory("memory", mem).exportTable("table", table)
        .exportGlobal("counter", counter).exportGlobal("pi", pi).exportFunc("", bump).exportFunc("ünïcødé", bump);
    return b.build();
  }

  private Instance instance() {
    return Wasm.instantiate(engine, everyKind());
  }

  @Test
  void gettersReturnEachKindOfExport() {
    Instance i = instance();
    assertEquals(1, i.getFunc("bump").call()[0].i32());
    assertEquals(1, i.getMemory("memory").size());
    assertEquals(2, i.getTable("table").size());
    assertEquals(Val.i32(1), i.getGlobal("counter").get());
    assertEquals(Math.PI, i.getGlobal("pi").get().f64());
    assertEquals(2, i.getFunc("").call()[0].i32());
    assertEquals(3, i.getFunc("ünïcødé").call()[0].i32());
  }

  @Test
  void getExportGivesAnyKindOrNothing() {
    Instance i = instance();
    assertInstanceOf(Func.class, i.getExport("bump").orElseThrow());
    assertInstanceOf(Memory.class, i.getExport("memory").orElseThrow());
    assertInstanceOf(Table.class, i.getExport("table").orElseThrow());
    assertInstanceOf(Global.class, i.getExport("counter").orElseThrow());
    assertTrue(i.getExport("nothing").isEmpty());
    assertTrue(i.getExport("Bump").isEmpty(), "names are case-sensitive");
  }

  @Test
  void aMissingExportIsAnIllegalArgumentExceptionNamingIt() {
    Instance i = instance();
    for (var getter : List.<java.util.function.Consumer<String>>of(
        i::getFunc, i::getMemory, i::getTable, i::getGlobal)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> getter.accept("nothing"));
      assertEquals("no export named 'nothing'", e.getMessage());
    }
  }

  @Test
  void anExportOfAnotherKindIsAnIllegalArgumentException() {
    Instance i = instance();
    assertEquals("export 'memory' is not a func",
        assertThrows(IllegalArgumentException.class, () -> i.getFunc("memory")).getMessage());
    assertEquals("export 'bump' is not a memory",
        assertThrows(IllegalArgumentException.class, () -> i.getMemory("bump")).getMessage());
    assertEquals("export 'counter' is not a table",
        assertThrows(IllegalArgumentException.class, () -> i.getTable("counter")).getMessage());
    assertEquals("export 'table' is not a global",
        assertThrows(IllegalArgumentException.class, () -> i.getGlobal("table")).getMessage());
  }

  @Test
  void getTypedFuncChecksTheType() {
    Instance i = instance();
    assertEquals(1, i.getTypedFunc("bump", List.of(), List.of(I32)).callI32());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> i.getTypedFunc("bump", List.of(), List.of(I64)));
    assertTrue(e.getMessage().contains("() -> (i32)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> i.getTypedFunc("bump", List.of(I32), List.of(I32)));
    assertThrows(IllegalArgumentException.class, () -> i.getTypedFunc("bump", List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> i.getTypedFunc("memory", List.of(), List.of(I32)));
    assertThrows(IllegalArgumentException.class, () -> i.getTypedFunc("nothing", List.of(), List.of(I32)));
  }

  @Test
  void anExportHasOneFaceAndEqualFacesForTheSameThing() {
    Instance i = instance();
    assertSame(i.getFunc("bump"), i.getFunc("bump"));
    assertSame(i.getFunc("bump"), i.getFunc(""), "two names, one function");
    assertEquals(i.getMemory("memory"), i.getMemory("memory"));
    assertEquals(i.getMemory("memory").hashCode(), i.getMemory("memory").hashCode());
    assertEquals(i.getTable("table"), i.getTable("table"));
    assertEquals(i.getGlobal("counter"), i.getGlobal("counter"));
    assertNotEquals(i.getGlobal("counter"), i.getGlobal("pi"));
  }

  @Test
  void instancesOfOneModuleHaveTheirOwnState() {
    Module m = Module.compile(engine, everyKind());
    Store<Void> store = Store.of(engine);
    Linker<Void> linker = new Linker<>(engine);
    Instance a = linker.instantiate(store, m);
    Instance b = linker.instantiate(store, m);
    assertSame(m, a.module());
    assertSame(m, b.module());
    a.getFunc("bump").call();
    a.getFunc("bump").call();
    assertEquals(1, b.getFunc("bump").call()[0].i32());
    a.getMemory("memory").writeByte(0, (byte) 1);
    assertEquals(0, b.getMemory("memory").readByte(0));
    assertNotEquals(a.getMemory("memory"), b.getMemory("memory"));
    Instance c = linker.instantiate(Store.of(engine), m);
    assertEquals(1, c.getFunc("bump").call()[0].i32());
  }

  @Test
  void anImportedThingCanBeExportedAgain() {
    Store<Void> store = Store.of(engine);
    Linker<Void> linker = new Linker<>(engine);
    Memory memory = Memory.create(store, new org.wasmj.parser.MemoryType(new Limits(1, 1)));
    linker.define("env", "memory", memory);
    linker.funcWrap("env", "f", HostType.I32, c -> 99);
    WasmBuilder b = new WasmBuilder();
    int f = b.importFunc("env", "f", fn(NONE, I32));
    b.importMemory("env", "memory", 1, 1);
    b.exportFunc("f", f).exportMemory("memory", 0);
    Instance i = linker.instantiate(store, Module.compile(engine, b.build()));
    assertEquals(memory, i.getMemory("memory"));
    assertEquals(99, i.getFunc("f").call()[0].i32());
    assertTrue(i.getFunc("f").toString().startsWith("host func"), i.getFunc("f").toString());
  }
}
