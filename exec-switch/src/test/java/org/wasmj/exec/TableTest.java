package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmj.exec.Wasm.EXTERNREF;
import static org.wasmj.exec.Wasm.FUNCREF;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UninstantiableException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.exec.internal.TableInstance;
import org.wasmj.parser.Limits;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;

class TableTest {
  private final Engine engine = new Engine();
  private final Store<Void> store = Store.of(engine);

  /** Exports a funcref table (2..4) holding {@code seven} at 0, {@code callAt(i)}, and an externref table. */
  private Instance guest() {
    WasmBuilder b = new WasmBuilder();
    int funcs = b.table(FUNCREF, 2, 4);
    int externs = b.table(EXTERNREF, 1, Limits.NO_MAX);
    int type = b.typeIndex(fn(NONE, I32));
    int seven = b.func(fn(NONE, I32), new Code().i32Const(7));
    b.exportFunc("seven", seven);
    b.exportFunc("callAt", b.func(fn(of(I32), I32), new Code().localGet(0).callIndirect(type, funcs)));
    b.exportFunc("externAt", b.func(fn(of(I32), EXTERNREF), new Code().localGet(0).op(Opcode.TABLE_GET).u32(externs)));
    b.exportFunc("size", b.func(fn(NONE, I32), new Code().op(Opcode.TABLE_SIZE).u32(funcs)));
    b.elem(0, seven);
    b.exportTable("funcs", funcs).exportTable("externs", externs);
    return new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));
  }

  private static void assertOutOfBounds(Executable e) {
    assertEquals(TrapKind.TABLE_OUT_OF_BOUNDS, assertThrows(TrapException.class, e).kind());
  }

  @Test
  void hostAndGuestSeeTheSameElements() {
    Instance i = guest();
    Table t = i.getTable("funcs");
    assertEquals(new TableType(FUNCREF, new Limits(2, 4)), t.type());
    assertEquals(2, t.size());
    assertSame(i.getFunc("seven"), t.get(0).funcref());
    assertNull(t.get(1).funcref());
    Func eight = Func.wrap(store, fn(NONE, I32), (c, a) -> new Val[] {Val.i32(8)});
    t.set(1, Val.funcref(eight));
    assertEquals(8, i.getFunc("callAt").call(Val.i32(1))[0].i32());
    t.set(1, Val.funcref(null));
    assertEquals(TrapKind.INDIRECT_CALL_TO_NULL,
        assertThrows(TrapException.class, () -> i.getFunc("callAt").call(Val.i32(1))).kind());
    Object token = new Object();
    Table e = i.getTable("externs");
    e.set(0, Val.externref(token));
    assertSame(token, i.getFunc("externAt").call(Val.i32(0))[0].externref());
  }

  @Test
  void accessesOutOfBoundsTrap() {
    Table t = guest().getTable("funcs");
    assertOutOfBounds(() -> t.get(2));
    assertOutOfBounds(() -> t.get(-1));
    assertOutOfBounds(() -> t.set(2, Val.funcref(null)));
    assertOutOfBounds(() -> t.set(Integer.MIN_VALUE, Val.funcref(null)));
  }

  @Test
  void growingBeyondTheMaximumGivesMinusOne() {
    Instance i = guest();
    Table t = i.getTable("funcs");
    Func seven = i.getFunc("seven");
    assertEquals(2, t.grow(1, Val.funcref(seven)));
    assertEquals(3, i.getFunc("size").call()[0].i32());
    assertEquals(7, i.getFunc("callAt").call(Val.i32(2))[0].i32(), "new elements hold init");
    assertEquals(-1, t.grow(2, Val.funcref(null)));
    assertEquals(3, t.grow(1, Val.funcref(null)));
    assertEquals(-1, t.grow(1, Val.funcref(null)));
    assertEquals(4, t.grow(0, Val.funcref(null)));
    assertEquals(-1, t.grow(-1, Val.funcref(null)), "the delta is unsigned");
    assertEquals(4, t.size());
  }

  @Test
  void anElementOfTheWrongTypeIsRejected() {
    Instance i = guest();
    Table t = i.getTable("funcs");
    assertThrows(IllegalArgumentException.class, () -> t.set(0, Val.externref("x")));
    assertThrows(IllegalArgumentException.class, () -> t.set(0, Val.i32(0)));
    assertThrows(IllegalArgumentException.class, () -> t.grow(1, Val.externref(null)));
    assertThrows(IllegalArgumentException.class, () -> i.getTable("externs").set(0, Val.funcref(null)));
    Func foreign = Func.wrap(Store.of(engine), fn(NONE), (c, a) -> null);
    assertThrows(IllegalArgumentException.class, () -> t.set(0, Val.funcref(foreign)));
    assertSame(i.getFunc("seven"), t.get(0).funcref(), "unchanged");
  }

  @Test
  void createdTablesStartFilledWithTheirInitialValue() {
    Object token = "token";
    Table t = Table.create(store, new TableType(EXTERNREF, new Limits(3, 3)), Val.externref(token));
    for (int k = 0; k < 3; k++) {
      assertSame(token, t.get(k).externref());
    }
    assertThrows(IllegalArgumentException.class,
        () -> Table.create(store, new TableType(FUNCREF, new Limits(1, 1)), Val.externref(null)));
    assertThrows(IllegalArgumentException.class,
        () -> Table.create(store, new TableType(FUNCREF, new Limits(TableInstance.MAX_ELEMENTS + 1L, Limits.NO_MAX)),
            Val.funcref(null)));
  }

  @Test
  void anInvalidTableTypeIsAnIllegalArgumentNotAJvmError() {
    Val none = Val.funcref(null);
    for (Limits bad : new Limits[] {new Limits(-1, Limits.NO_MAX), new Limits(-5, -5),
        new Limits(2, 1), new Limits(0, 1L << 32), new Limits(1L << 32, Limits.NO_MAX)}) {
      assertThrows(IllegalArgumentException.class,
          () -> Table.create(store, new TableType(FUNCREF, bad), none), bad.toString());
    }
    assertThrows(IllegalArgumentException.class,
        () -> Table.create(store, new TableType(I32, new Limits(1, 1)), Val.i32(0)));
    assertThrows(IllegalArgumentException.class, () -> Table.create(store, null, none));
    assertEquals(0, Table.create(store, new TableType(FUNCREF, new Limits(0, 0)), none).size());
  }

  @Test
  void aModuleDeclaringAHugeTableIsUninstantiable() {
    WasmBuilder b = new WasmBuilder();
    b.table(FUNCREF, TableInstance.MAX_ELEMENTS + 1L, Limits.NO_MAX);
    Module m = Module.compile(engine, b.build());
    assertThrows(UninstantiableException.class, () -> new Linker<Void>(engine).instantiate(store, m));
  }
}
