package org.wasmj.exec.asm;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Func;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * A long-lived store stays bounded on every executor (issue 11 item 5): the host objects a guest
 * can no longer reach ({@code externref}s) are forgotten whether the guest runs interpreted or as
 * generated code. The store's cleanup is in the API layer, so this holds by construction; {@code
 * ExternRefTest} in exec-switch checks what is kept (tables, globals, running frames), this checks
 * the bound on each executor (its child JVM replaced exec-switch's, which ran {@code switch} only).
 */
class ExternRefChurnTest {
  /** Objects each executor's store sees in the child JVM: 200 MiB of them, in a 16 MiB heap. */
  private static final int OBJECTS = 200_000;

  @Test
  void everyExecutorsStorePassesManyObjectsWithinASmallHeap() throws Exception {
    ExecutorConfigs.assertOkInChildJvm("16m", Child.class, configs().keySet(),
        Integer.toString(OBJECTS));
  }

  /** Every executor, {@code tiered} both compiling in the background and at once; eager on {@code asm}. */
  static Map<String, Config> configs() {
    return ExecutorConfigs.everyExecutor(Config.defaults().withCompilationMode(CompilationMode.EAGER));
  }

  /**
   * Run in a JVM with a small heap: for each of {@link #configs}, a store of its own passes {@code
   * args[0]} distinct host objects of 1 KiB each through {@code externs.wat}'s {@code id}, keeping
   * every thousandth in its table, and prints "ok: " and the configuration's name; an {@code
   * OutOfMemoryError} ends it otherwise.
   */
  static final class Child {
    private Child() {}

    public static void main(String[] args) {
      int count = Integer.parseInt(args[0]);
      byte[] wasm = InterruptionTest.resource("externs.wasm");
      for (Map.Entry<String, Config> c : configs().entrySet()) {
        Engine engine = new Engine(c.getValue());
        Store<Void> store = Store.of(engine);
        Instance i = new Linker<Void>(engine).instantiate(store, Module.compile(engine, wasm));
        Func id = i.getFunc("id");
        Func keep = i.getFunc("keep");
        Func get = i.getFunc("get");
        for (int n = 0; n < count; n++) {
          byte[] o = new byte[1024];
          if (id.call(Val.externref(o))[0].externref() != o) {
            throw new AssertionError(c.getKey() + ": id returned another object");
          }
          if (n % 1000 == 0) {
            keep.call(Val.externref(o));
            if (get.call()[0].externref() != o) {
              throw new AssertionError(c.getKey() + ": the table lost its object");
            }
          }
        }
        System.out.println("ok: " + c.getKey());
      }
    }
  }
}
