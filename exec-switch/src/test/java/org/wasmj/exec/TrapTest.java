package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmj.exec.Wasm.F32;
import static org.wasmj.exec.Wasm.FUNCREF;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmj.ExitException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UninstantiableException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;

/** Traps and host exceptions: what reaches the caller, and that the store goes on working. */
class TrapTest {
  private final Engine engine = new Engine();
  private final Store<Void> store = Store.of(engine);

  /** One export per trap kind a guest can reach, plus {@code ok() -> 1}. */
  private Instance trapping(Throwable hostFailure) {
    WasmBuilder b = new WasmBuilder();
    int host = b.importFunc("env", "host", fn(NONE));
    b.memory(1, 1);
    b.table(FUNCREF, 2, 2);
    int answer = b.func(fn(NONE, I32), new Code().i32Const(42));
    b.elem(0, answer);
    int voidType = b.typeIndex(fn(NONE, I32));
    int otherType = b.typeIndex(fn(of(I32), I32));
    Map<String, Code> bodies = Map.ofEntries(
        Map.entry("unreachable", new Code().op(Opcode.UNREACHABLE)),
        Map.entry("memory", new Code().i32Const(65533).mem(Opcode.I32_LOAD, 2, 0).drop()),
        Map.entry("memoryFill", new Code().i32Const(65530).i32Const(0).i32Const(7).op(Opcode.MEMORY_FILL).b(0)),
        Map.entry("table", new Code().i32Const(2).op(Opcode.TABLE_GET).u32(0).drop()),
        Map.entry("tableFill", new Code().i32Const(1).op(Opcode.REF_NULL).b(FUNCREF.code()).i32Const(2)
            .op(Opcode.TABLE_FILL).u32(0)),
        Map.entry("undefinedElement", new Code().i32Const(2).callIndirect(voidType, 0).drop()),
        Map.entry("nullElement", new Code().i32Const(1).callIndirect(voidType, 0).drop()),
        Map.entry("badSignature", new Code().i32Const(5).i32Const(0).callIndirect(otherType, 0).drop()),
        Map.entry("divideByZero", new Code().i32Const(1).i32Const(0).op(Opcode.I32_DIV_U).drop()),
        Map.entry("remByZero", new Code().i64Const(1).i64Const(0).op(Opcode.I64_REM_S).drop()),
        Map.entry("overflow", new Code().i32Const(Integer.MIN_VALUE).i32Const(-1).op(Opcode.I32_DIV_S).drop()),
        Map.entry("truncOverflow", new Code().f32Const(Float.floatToRawIntBits(3e9f)).op(Opcode.I32_TRUNC_F32_S).drop()),
        Map.entry("badConversion", new Code().f32Const(0x7FC00000).op(Opcode.I32_TRUNC_F32_U).drop()),
        Map.entry("host", new Code().call(host)));
    bodies.forEach((name, body) -> b.exportFunc(name, b.func(fn(NONE), body)));
    b.exportFunc("ok", b.func(fn(NONE, I32), new Code().i32Const(1)));
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("env", "host", HostType.VOID, c -> {
      throw TrapTest.<RuntimeException>sneaky(hostFailure);
    });
    return linker.instantiate(store, Module.compile(engine, b.build()));
  }

  @Test
  void everyTrapKindIsReachedWithTheSpecMessageAndTheStoreStaysUsable() {
    Map<TrapKind, String[]> reach = new EnumMap<>(TrapKind.class);
    reach.put(TrapKind.UNREACHABLE, new String[] {"unreachable"});
    reach.put(TrapKind.MEMORY_OUT_OF_BOUNDS, new String[] {"memory", "memoryFill"});
    reach.put(TrapKind.TABLE_OUT_OF_BOUNDS, new String[] {"table", "tableFill"});
    reach.put(TrapKind.UNDEFINED_ELEMENT, new String[] {"undefinedElement"});
    reach.put(TrapKind.INDIRECT_CALL_TO_NULL, new String[] {"nullElement"});
    reach.put(TrapKind.BAD_SIGNATURE, new String[] {"badSignature"});
    reach.put(TrapKind.INTEGER_DIVIDE_BY_ZERO, new String[] {"divideByZero", "remByZero"});
    reach.put(TrapKind.INTEGER_OVERFLOW, new String[] {"overflow", "truncOverflow"});
    reach.put(TrapKind.BAD_CONVERSION_TO_INTEGER, new String[] {"badConversion"});
    reach.put(TrapKind.HOST, new String[] {"host"});
    // NULL_REFERENCE comes only from instructions of the function-references proposal
    // (call_ref, br_on_null, ref.as_non_null), which wasmj does not implement: no guest reaches it.
    reach.put(TrapKind.NULL_REFERENCE, new String[0]);
    // INVALID_REFERENCE comes only from code compiled unchecked: see invalidReferencesTrap
    reach.put(TrapKind.INVALID_REFERENCE, new String[0]);
    assertEquals(TrapKind.values().length, reach.size(), "a new TrapKind needs a case here");

    Instance i = trapping(new IllegalStateException("boom"));
    reach.forEach((kind, exports) -> {
      for (String name : exports) {
        TrapException e = assertThrows(TrapException.class, () -> i.getFunc(name).call(), name);
        assertEquals(kind, e.kind(), name);
        if (kind != TrapKind.HOST) {
          assertEquals(kind.message(), e.getMessage(), name);
        }
        assertEquals(1, i.getFunc("ok").call()[0].i32(), "after " + name);
      }
    });
  }

  /**
   * Invalid code compiled unchecked may take a number for a reference: calling through it, or
   * handing it to the host, traps {@code invalid reference} instead of failing in the runtime.
   */
  @Test
  void invalidReferencesTrap() {
    for (CompilationMode mode : CompilationMode.values()) {
      Engine e = Wasm.engine(mode);
      WasmBuilder b = new WasmBuilder();
      int table = b.table(FUNCREF, 1, 1);
      int voidType = b.typeIndex(fn(NONE));
      b.exportTable("table", table);
      b.exportFunc("setGarbage", b.func(fn(NONE),
          new Code().i32Const(0).i64Const(77).op(Opcode.TABLE_SET).u32(table)));
      b.exportFunc("callIt", b.func(fn(NONE),
          new Code().i32Const(0).callIndirect(voidType, table)));
      b.exportFunc("externGarbage", b.func(fn(NONE, Wasm.EXTERNREF), new Code().i32Const(5)));
      Store<Void> s = Store.of(e);
      Instance i = new Linker<Void>(e).instantiate(s, Module.compileUnchecked(e, b.build()));
      i.getFunc("setGarbage").call();
      for (Runnable r : new Runnable[] {
          () -> i.getFunc("callIt").call(),
          () -> i.getTable("table").get(0),
          () -> i.getFunc("externGarbage").call()}) {
        assertEquals(TrapKind.INVALID_REFERENCE, assertThrows(TrapException.class, r::run).kind());
      }
    }
  }

  @Test
  void aHostRuntimeExceptionBecomesAHostTrapWithTheCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    Instance i = trapping(boom);
    TrapException e = assertThrows(TrapException.class, () -> i.getFunc("host").call());
    assertEquals(TrapKind.HOST, e.kind());
    assertSame(boom, e.getCause());
    assertEquals("host function failed: java.lang.IllegalStateException: boom", e.getMessage());
    assertEquals(1, i.getFunc("ok").call()[0].i32());
  }

  /** Throws {@code t}, checked or not, past the compiler. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void aHostErrorOrCheckedExceptionBecomesAHostTrapWithTheCause() {
    for (Throwable thrown : new Throwable[] {new java.io.IOException("disk gone"),
        new AssertionError("host bug"), new NoClassDefFoundError("missing/Plugin"),
        new Exception("checked")}) {
      Instance i = trapping(thrown);
      TrapException e = assertThrows(TrapException.class, () -> i.getFunc("host").call());
      assertEquals(TrapKind.HOST, e.kind());
      assertSame(thrown, e.getCause());
      assertEquals("host function failed: " + thrown, e.getMessage());
      assertEquals(1, i.getFunc("ok").call()[0].i32(), "the store goes on");
    }
  }

  @Test
  void aVirtualMachineErrorFromTheHostPassesThroughUnwrapped() {
    InternalError jvm = new InternalError("the JVM's own trouble");
    Instance i = trapping(jvm);
    assertSame(jvm, assertThrows(InternalError.class, () -> i.getFunc("host").call()));
    assertEquals(1, i.getFunc("ok").call()[0].i32());
  }

  @Test
  void aWasmExceptionFromTheHostPassesThroughUnchanged() {
    TrapException own = new TrapException(TrapKind.UNREACHABLE);
    Instance i = trapping(own);
    assertSame(own, assertThrows(TrapException.class, () -> i.getFunc("host").call()));
  }

  @Test
  void anExitFromAHostFunctionPassesThroughGuestFramesUnchanged() {
    ExitException exit = new ExitException(3);
    Instance i = trapping(exit);
    ExitException e = assertThrows(ExitException.class, () -> i.getFunc("host").call());
    assertSame(exit, e);
    assertEquals(3, e.exitCode());
    assertEquals(1, i.getFunc("ok").call()[0].i32());
  }

  @Test
  void anExitPassesThroughNestedHostAndGuestCalls() {
    // run -> host outer -> guest inner -> host exit
    WasmBuilder b = new WasmBuilder();
    int outer = b.importFunc("env", "outer", fn(NONE));
    int exit = b.importFunc("env", "exit", fn(of(I32)));
    b.exportFunc("inner", b.func(fn(NONE), new Code().i32Const(7).call(exit)));
    b.exportFunc("run", b.func(fn(NONE, I32), new Code().call(outer).i32Const(0)));
    Linker<Void> l = new Linker<>(engine);
    l.funcWrap("env", "outer", HostType.VOID, c -> {
      ((Func) c.getExport("inner").orElseThrow()).call();
      return null;
    });
    l.funcWrap("env", "exit", HostType.I32, HostType.VOID, (c, code) -> {
      throw new ExitException(code);
    });
    Instance i = l.instantiate(store, Module.compile(engine, b.build()));
    assertEquals(7, assertThrows(ExitException.class, () -> i.getFunc("run").call()).exitCode());
  }

  @Test
  void aTrapInTheStartFunctionIsUninstantiableWithTheTrapAsCause() {
    WasmBuilder b = new WasmBuilder();
    b.importMemory("env", "memory", 1, 1);
    b.start(b.func(fn(NONE), new Code().i32Const(0).i32Const(99).mem(Opcode.I32_STORE, 2, 0)
        .op(Opcode.UNREACHABLE)));
    Memory memory = Memory.create(store, new MemoryType(new Limits(1, 1)));
    Linker<Void> l = new Linker<Void>(engine).define("env", "memory", memory);
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> l.instantiate(store, Module.compile(engine, b.build())));
    assertEquals("unreachable", e.getMessage());
    TrapException cause = assertInstanceOf(TrapException.class, e.getCause());
    assertEquals(TrapKind.UNREACHABLE, cause.kind());
    assertEquals(99, memory.readI32(0), "writes before the trap stay, as the spec says");
    assertEquals(1, Wasm.instantiate(engine, trappingFree()).getFunc("ok").call()[0].i32());
  }

  private static byte[] trappingFree() {
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("ok", b.func(fn(NONE, I32), new Code().i32Const(1)));
    return b.build();
  }

  @Test
  void aHostStartFunctionThatThrowsIsUninstantiable() {
    WasmBuilder b = new WasmBuilder();
    b.start(b.importFunc("env", "init", fn(NONE)));
    RuntimeException boom = new RuntimeException("boom");
    Linker<Void> l = new Linker<Void>(engine).funcWrap("env", "init", HostType.VOID, c -> {
      throw boom;
    });
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> l.instantiate(store, Module.compile(engine, b.build())));
    TrapException trap = assertInstanceOf(TrapException.class, e.getCause());
    assertEquals(TrapKind.HOST, trap.kind());
    assertSame(boom, trap.getCause());
  }

  @Test
  void anExitInTheStartFunctionPassesThrough() {
    WasmBuilder b = new WasmBuilder();
    int exit = b.importFunc("env", "exit", fn(NONE));
    b.start(b.func(fn(NONE), new Code().call(exit)));
    Linker<Void> l = new Linker<Void>(engine).funcWrap("env", "exit", HostType.VOID, c -> {
      throw new ExitException(0);
    });
    assertEquals(0, assertThrows(ExitException.class,
        () -> l.instantiate(store, Module.compile(engine, b.build()))).exitCode());
  }

  @Test
  void aSegmentOutOfBoundsIsUninstantiable() {
    WasmBuilder b = new WasmBuilder();
    b.memory(1, 1);
    b.data(65535, new byte[] {1, 2});
    assertEquals("out of bounds memory access", assertThrows(UninstantiableException.class,
        () -> Wasm.instantiate(engine, b.build())).getMessage());
    WasmBuilder t = new WasmBuilder();
    t.table(FUNCREF, 1, 1);
    int f = t.func(fn(NONE), new Code());
    t.elem(1, f);
    assertEquals("out of bounds table access", assertThrows(UninstantiableException.class,
        () -> Wasm.instantiate(engine, t.build())).getMessage());
  }

  @Test
  void aTrapInsideDeepGuestCallsUnwindsEverything() {
    // f(n) = n == 0 ? trunc(NaN) : f(n - 1)
    WasmBuilder b = new WasmBuilder();
    int f = b.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.I32_EQZ)
        .ifThen(I32).f32Const(0x7FC00000).op(Opcode.I32_TRUNC_F32_S)
        .elseThen().localGet(0).i32Const(1).op(Opcode.I32_SUB).call(0).end());
    b.exportFunc("f", f);
    b.exportFunc("sum", b.func(fn(of(F32, F32), F32), new Code().localGet(0).localGet(1).op(Opcode.F32_ADD)));
    Instance i = Wasm.instantiate(engine, b.build());
    for (int n = 0; n < 3; n++) {
      assertEquals(TrapKind.BAD_CONVERSION_TO_INTEGER,
          assertThrows(TrapException.class, () -> i.getFunc("f").call(Val.i32(1000))).kind());
    }
    assertEquals(3f, i.getFunc("sum").call(Val.f32(1), Val.f32(2))[0].f32());
  }
}
