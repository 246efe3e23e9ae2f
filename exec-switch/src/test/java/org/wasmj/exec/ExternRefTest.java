package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.EXTERNREF;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import org.junit.jupiter.api.Test;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;

/**
 * A store forgets the host objects its guests can no longer reach ({@code externref}s), and
 * keeps those they can: in tables, in globals, and in frames that are still running.
 */
class ExternRefTest {
  /**
   * {@code id(x) = x}; {@code keep(x)} puts x in table slot 0, {@code get()} reads it;
   * {@code setGlobal(x)}, {@code getGlobal()}; {@code hold(x)} calls the host's {@code churn()}
   * and returns x.
   */
  static byte[] module() {
    WasmBuilder b = new WasmBuilder();
    int churn = b.importFunc("host", "churn", fn(NONE));
    b.table(EXTERNREF, 1, 1);
    b.global(EXTERNREF, true, new Code().op(Opcode.REF_NULL).b(EXTERNREF.code()));
    b.exportFunc("id", b.func(fn(of(EXTERNREF), EXTERNREF), new Code().localGet(0)));
    b.exportFunc("keep", b.func(fn(of(EXTERNREF)),
        new Code().i32Const(0).localGet(0).op(Opcode.TABLE_SET).u32(0)));
    b.exportFunc("get", b.func(fn(NONE, EXTERNREF),
        new Code().i32Const(0).op(Opcode.TABLE_GET).u32(0)));
    b.exportFunc("setGlobal", b.func(fn(of(EXTERNREF)), new Code().localGet(0).globalSet(0)));
    b.exportFunc("getGlobal", b.func(fn(NONE, EXTERNREF), new Code().globalGet(0)));
    b.exportFunc("hold", b.func(fn(of(EXTERNREF), EXTERNREF), new Code().call(churn).localGet(0)));
    b.exportTable("table", 0);
    return b.build();
  }

  /** Instantiates {@link #module} in {@code store}; {@code churn} passes 5,000 new objects through {@code id}. */
  static Instance instantiate(Store<Void> store) {
    Engine engine = store.engine();
    Instance[] self = new Instance[1];
    Linker<Void> linker = new Linker<Void>(engine).func("host", "churn", fn(NONE), (caller, args) -> {
      for (int i = 0; i < 5_000; i++) {
        self[0].getFunc("id").call(Val.externref(new Object()));
      }
      return null;
    });
    self[0] = linker.instantiate(store, Module.compile(engine, module()));
    return self[0];
  }

  @Test
  void objectsInTablesGlobalsAndRunningFramesStayAndTheRestIsForgotten() {
    Store<Void> store = Store.of(new Engine());
    Instance i = instantiate(store);
    Object inTable = new Object();
    Object inGlobal = new Object();
    i.getFunc("keep").call(Val.externref(inTable));
    i.getFunc("setGlobal").call(Val.externref(inGlobal));
    Object held = new Object();
    // 5,000 ids handed out by nested calls while hold's frame keeps its argument
    assertSame(held, i.getFunc("hold").call(Val.externref(held))[0].externref());
    Object hostSet = new Object();
    for (int n = 0; n < 100_000; n++) {
      Object o = new Object();
      assertSame(o, i.getFunc("id").call(Val.externref(o))[0].externref());
      if (n == 50_000) {
        i.getTable("table").set(0, Val.externref(hostSet)); // a host write keeps it too
      }
    }
    assertSame(hostSet, i.getFunc("get").call()[0].externref());
    assertSame(inGlobal, i.getFunc("getGlobal").call()[0].externref());
    assertSame(hostSet, i.getTable("table").get(0).externref());
    int size = store.state().externs.size();
    assertTrue(size < 10_000,
        "a store that saw 105,000 objects still holds " + size);
  }
}
