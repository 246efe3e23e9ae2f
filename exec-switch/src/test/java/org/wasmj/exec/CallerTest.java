package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Limits;
import org.wasmj.parser.Opcode;

class CallerTest {
  private final Engine engine = new Engine();

  /** Host data: what the host functions saw. */
  static final class Log {
    final List<String> lines = new ArrayList<>();
  }

  /**
   * Imports {@code env::print(ptr, len)}; has an unexported memory holding {@code text} at 16,
   * exports {@code run} (prints it) and {@code secret() -> 42}.
   */
  private static byte[] printer(String text) {
    WasmBuilder b = new WasmBuilder();
    int print = b.importFunc("env", "print", fn(of(I32, I32)));
    b.memory(1, Limits.NO_MAX);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    b.data(16, bytes);
    b.exportFunc("run", b.func(fn(NONE), new Code().i32Const(16).i32Const(bytes.length).call(print)));
    b.exportFunc("secret", b.func(fn(NONE, I32), new Code().i32Const(42)));
    return b.build();
  }

  private static Linker<Log> printing(Engine engine) {
    return new Linker<Log>(engine).funcWrap("env", "print", HostType.I32, HostType.I32, HostType.VOID,
        (caller, ptr, len) -> {
          caller.data().lines.add(new String(caller.memory().read(ptr, len), StandardCharsets.UTF_8));
          return null;
        });
  }

  @Test
  void dataIsTheStoresHostData() {
    Log log = new Log();
    Store<Log> store = new Store<>(engine, log);
    Instance i = printing(engine).instantiate(store, Module.compile(engine, printer("héllo")));
    i.getFunc("run").call();
    assertEquals(List.of("héllo"), log.lines);
    Log other = new Log();
    store.setData(other);
    assertSame(other, store.data());
    i.getFunc("run").call();
    assertEquals(List.of("héllo"), other.lines, "the current data, not the data at link time");
  }

  @Test
  void memoryIsTheCallersMemoryEvenUnexported() {
    Store<Log> store = new Store<>(engine, new Log());
    Linker<Log> linker = printing(engine);
    Instance a = linker.instantiate(store, Module.compile(engine, printer("first")));
    Instance b = linker.instantiate(store, Module.compile(engine, printer("second")));
    b.getFunc("run").call();
    a.getFunc("run").call();
    assertEquals(List.of("second", "first"), store.data().lines);
  }

  @Test
  void getExportSeesTheCallersExportsAndStoreIsTheStore() {
    Store<Log> store = new Store<>(engine, new Log());
    Linker<Log> linker = new Linker<Log>(engine).funcWrap("env", "print", HostType.I32, HostType.I32, HostType.VOID,
        (caller, ptr, len) -> {
          assertSame(store, caller.store());
          Func secret = (Func) caller.getExport("secret").orElseThrow();
          caller.data().lines.add("secret " + secret.call()[0].i32());
          assertTrue(caller.getExport("memory").isEmpty(), "the memory is not exported");
          assertTrue(caller.getExport("nothing").isEmpty());
          return null;
        });
    linker.instantiate(store, Module.compile(engine, printer("x"))).getFunc("run").call();
    assertEquals(List.of("secret 42"), store.data().lines);
  }

  @Test
  void theCallerOfAReExportedHostFunctionIsTheCallingInstance() {
    Store<Log> store = new Store<>(engine, new Log());
    Linker<Log> linker = new Linker<>(engine);
    linker.funcWrap("env", "who", HostType.I32, caller -> ((Func) caller.getExport("id").orElseThrow()).call()[0].i32());
    WasmBuilder a = new WasmBuilder();
    int who = a.importFunc("env", "who", fn(NONE, I32));
    a.exportFunc("who", who).exportFunc("id", a.func(fn(NONE, I32), new Code().i32Const(1)));
    a.exportFunc("ask", a.func(fn(NONE, I32), new Code().call(who)));
    Instance first = linker.instantiate(store, Module.compile(engine, a.build()));
    linker.instance("first", first);
    WasmBuilder b = new WasmBuilder();
    int whoB = b.importFunc("first", "who", fn(NONE, I32));
    b.exportFunc("id", b.func(fn(NONE, I32), new Code().i32Const(2)));
    b.exportFunc("ask", b.func(fn(NONE, I32), new Code().call(whoB)));
    Instance second = linker.instantiate(store, Module.compile(engine, b.build()));
    assertEquals(1, first.getFunc("ask").call()[0].i32());
    assertEquals(2, second.getFunc("ask").call()[0].i32());
  }

  @Test
  void aCallerWithoutMemoryHasNone() {
    Store<Log> store = new Store<>(engine, new Log());
    Linker<Log> linker = new Linker<Log>(engine).funcWrap("env", "f", HostType.VOID, caller -> {
      caller.memory();
      return null;
    });
    Instance i = linker.instantiate(store, Module.compile(engine, Wasm.trampoline(fn(NONE))));
    TrapException e = assertThrows(TrapException.class, () -> i.getFunc("call").call());
    assertEquals(TrapKind.HOST, e.kind());
    assertEquals("the caller has no memory", e.getCause().getMessage());
  }

  @Test
  void aHostFunctionMayInstantiateAnotherModuleWhoseStartFunctionRuns() {
    // outer(x) keeps x live across the host call; the host instantiates a module whose start
    // function calls back into the host, then calls an export of the new instance
    WasmBuilder inner = new WasmBuilder();
    int note = inner.importFunc("env", "note", fn(of(I32)));
    inner.start(inner.func(fn(NONE), new Code().i32Const(5).call(note)));
    inner.exportFunc("seven", inner.func(fn(NONE, I32), new Code().i32Const(7)));
    Module innerModule = Module.compile(engine, inner.build());
    WasmBuilder outer = new WasmBuilder();
    int spawn = outer.importFunc("env", "spawn", fn(NONE, I32));
    outer.exportFunc("outer", outer.func(fn(of(I32), I32), of(I32), new Code()
        .localGet(0).i32Const(100).op(Opcode.I32_MUL).localSet(1)
        .call(spawn).localGet(1).op(Opcode.I32_ADD).localGet(0).op(Opcode.I32_ADD)));
    Store<Log> store = new Store<>(engine, new Log());
    Linker<Log> linker = new Linker<>(engine);
    linker.funcWrap("env", "note", HostType.I32, HostType.VOID, (c, v) -> {
      c.data().lines.add("start " + v);
      return null;
    });
    linker.funcWrap("env", "spawn", HostType.I32, c -> {
      Instance fresh = linker.instantiate(c.store(), innerModule);
      return fresh.getFunc("seven").call()[0].i32();
    });
    Instance i = linker.instantiate(store, Module.compile(engine, outer.build()));
    assertEquals(7 + 300 + 3, i.getFunc("outer").call(Val.i32(3))[0].i32());
    assertEquals(List.of("start 5"), store.data().lines);
  }

  @Test
  void aMemoryGrownByTheHostIsSeenByTheGuest() {
    WasmBuilder b = new WasmBuilder();
    int grow = b.importFunc("env", "grow", fn(NONE));
    b.memory(1, 4);
    b.exportFunc("run", b.func(fn(NONE, I32), new Code().call(grow)
        .i32Const(2 * 65536).i32Const(77).mem(Opcode.I32_STORE8, 0, 0)
        .i32Const(2 * 65536).mem(Opcode.I32_LOAD8_U, 0, 0)));
    Linker<Void> l = new Linker<Void>(engine).funcWrap("env", "grow", HostType.VOID, caller -> {
      caller.memory().grow(2);
      return null;
    });
    assertEquals(77, l.instantiate(Store.of(engine), Module.compile(engine, b.build())).getFunc("run").call()[0].i32());
  }
}
