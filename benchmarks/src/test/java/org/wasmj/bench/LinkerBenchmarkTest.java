package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasmj.exec.Func;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

class LinkerBenchmarkTest {

  @Test
  void bothWaysGiveLinkersWithTheSame50Functions() {
    LinkerBenchmark bench = new LinkerBenchmark();
    bench.setup();
    Linker<Void> defined = bench.define50();
    Linker<Void> built = bench.fromBuilder();
    assertNotSame(built, bench.fromBuilder());
    Store<Void> store = Store.of(defined.engine());
    for (int i = 0; i < LinkerBenchmark.HOST_FUNCTIONS; i++) {
      String name = "host_" + i;
      Func a = (Func) defined.get(store, "env", name).orElseThrow();
      Func b = (Func) built.get(store, "env", name).orElseThrow();
      assertEquals(a.type(), b.type(), name);
    }
    assertTrue(defined.get(store, "env", "host_50").isEmpty());
    Func add = (Func) built.get(store, "env", "host_0").orElseThrow();
    assertEquals(5, add.call(Val.i32(2), Val.i32(3))[0].i32());
  }
}
