package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wasmj.UnlinkableException;

class LinkerBuilderTest {
  private final Engine engine = new Engine();

  private static LinkerBuilder<AtomicInteger> counting() {
    return LinkerBuilder.<AtomicInteger>create()
        .funcWrap("env", "f", HostType.I32, HostType.I32, (c, a) -> a + c.data().incrementAndGet());
  }

  @Test
  void linkersShareTheBuildersDefinitions() {
    LinkerBuilder<AtomicInteger> builder = counting();
    Module m = Module.compile(engine, Wasm.trampoline(fn(of(I32), I32)));
    Linker<AtomicInteger> first = builder.linker(engine);
    Linker<AtomicInteger> second = builder.linker(engine);
    assertNotSame(first, second);
    Store<AtomicInteger> a = new Store<>(engine, new AtomicInteger(100));
    Store<AtomicInteger> b = new Store<>(engine, new AtomicInteger(200));
    assertEquals(111, first.instantiate(a, m).getFunc("call").call(Val.i32(10))[0].i32());
    assertEquals(211, second.instantiate(b, m).getFunc("call").call(Val.i32(10))[0].i32());
    assertEquals(112, first.instantiate(a, m).getFunc("call").call(Val.i32(10))[0].i32());
  }

  @Test
  void aBuilderServesSeveralEngines() {
    LinkerBuilder<AtomicInteger> builder = counting();
    for (CompilationMode mode : CompilationMode.values()) {
      Engine e = Wasm.engine(mode);
      Linker<AtomicInteger> l = builder.linker(e);
      assertSame(e, l.engine());
      Instance i = l.instantiate(new Store<>(e, new AtomicInteger()),
          Module.compile(e, Wasm.trampoline(fn(of(I32), I32))));
      assertEquals(1, i.getFunc("call").call(Val.i32(0))[0].i32());
    }
  }

  @Test
  void theFirstLinkerFreezesTheBuilder() {
    LinkerBuilder<AtomicInteger> builder = counting();
    builder.funcWrap("env", "g", HostType.I32, c -> 1); // still open
    builder.linker(engine);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder.funcWrap("env", "h", HostType.I32, c -> 2));
    assertTrue(e.getMessage().contains("no longer change"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> builder.func("env", "h", fn(NONE), (c, a) -> null));
    assertTrue(builder.linker(engine).get(new Store<>(engine, new AtomicInteger()), "env", "h").isEmpty());
  }

  @Test
  void aDuplicateDefinitionIsRejected() {
    LinkerBuilder<AtomicInteger> builder = counting();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.funcWrap("env", "f", HostType.I32, c -> 1));
    assertEquals("env::f is already defined", e.getMessage());
    builder.funcWrap("env2", "f", HostType.I32, c -> 1);
  }

  @Test
  void aLinkersOwnDefinitionsStayItsOwn() {
    LinkerBuilder<AtomicInteger> builder = counting();
    Linker<AtomicInteger> first = builder.linker(engine);
    Linker<AtomicInteger> second = builder.linker(engine);
    first.funcWrap("env", "extra", HostType.I32, c -> 5);
    Store<AtomicInteger> s = new Store<>(engine, new AtomicInteger());
    assertTrue(first.get(s, "env", "extra").isPresent());
    assertTrue(second.get(s, "env", "extra").isEmpty());
    assertTrue(builder.linker(engine).get(s, "env", "extra").isEmpty());
  }

  @Test
  void aLinkerShadowsTheBuildersDefinitionsOnlyWhenAllowed() {
    Linker<AtomicInteger> l = counting().linker(engine);
    assertThrows(IllegalArgumentException.class,
        () -> l.funcWrap("env", "f", HostType.I32, HostType.I32, (c, a) -> -a));
    l.allowShadowing(true).funcWrap("env", "f", HostType.I32, HostType.I32, (c, a) -> -a);
    Instance i = l.instantiate(new Store<>(engine, new AtomicInteger()),
        Module.compile(engine, Wasm.trampoline(fn(of(I32), I32))));
    assertEquals(-4, i.getFunc("call").call(Val.i32(4))[0].i32());
  }

  @Test
  void anEmptyBuildersLinkersKnowNothing() {
    Linker<Void> l = LinkerBuilder.<Void>create().linker(engine);
    assertThrows(UnlinkableException.class,
        () -> l.instantiate(Store.of(engine), Module.compile(engine, Wasm.trampoline(fn(NONE)))));
  }

  @Test
  void linkersMayBeMadeOnManyThreadsAtOnce() throws InterruptedException {
    LinkerBuilder<AtomicInteger> builder = counting();
    Module m = Module.compile(engine, Wasm.trampoline(fn(of(I32), I32)));
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> results = new ConcurrentLinkedQueue<>();
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int k = 0; k < 50; k++) {
            Store<AtomicInteger> s = new Store<>(engine, new AtomicInteger(id * 1000));
            results.add(builder.linker(engine).instantiate(s, m).getFunc("call").call(Val.i32(k))[0].i32()
                - id * 1000 - k);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      thread.start();
      all.add(thread);
    }
    start.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertTrue(failures.isEmpty(), failures.toString());
    assertEquals(threads * 50, results.size());
    assertTrue(results.stream().allMatch(r -> r == 1), results.toString());
  }
}
