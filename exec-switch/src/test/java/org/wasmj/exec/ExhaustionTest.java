package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wasmj.ExhaustionException;
import org.wasmj.UninstantiableException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Limits;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Deep recursion, re-entrancy and huge requests end in {@link ExhaustionException} or -1, never
 * in a JVM error, and leave the store usable.
 */
class ExhaustionTest {
  /**
   * {@code forever()} recurses without end; {@code depth(n)} recurses n times and returns n;
   * {@code wide(n)} is {@code depth} with 200 live i64 locals per frame; {@code fib(n)}.
   */
  private static byte[] recursive() {
    WasmBuilder b = new WasmBuilder();
    int forever = b.func(fn(NONE), new Code().call(0));
    int depth = b.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.I32_EQZ)
        .ifThen(I32).i32Const(0)
        .elseThen().localGet(0).i32Const(1).op(Opcode.I32_SUB).call(1).i32Const(1).op(Opcode.I32_ADD).end());
    ValType[] locals = new ValType[200];
    Arrays.fill(locals, I64);
    int wide = b.func(fn(of(I32), I32), locals, new Code().localGet(0).op(Opcode.I32_EQZ)
        .ifThen(I32).i32Const(0)
        .elseThen().localGet(0).i32Const(1).op(Opcode.I32_SUB).call(2).i32Const(1).op(Opcode.I32_ADD).end());
    b.exportFunc("forever", forever).exportFunc("depth", depth).exportFunc("wide", wide);
    return b.build();
  }

  private static void assertExhausted(org.junit.jupiter.api.function.Executable e) {
    assertEquals(ExhaustionException.CALL_STACK_EXHAUSTED, assertThrows(ExhaustionException.class, e).getMessage());
  }

  @Test
  void infiniteRecursionExhaustsTheCallStackAndTheStoreGoesOn() {
    Engine engine = new Engine();
    Store<Void> store = Store.of(engine);
    Instance i = new Linker<Void>(engine).instantiate(store, Module.compile(engine, recursive()));
    for (int n = 0; n < 3; n++) {
      assertExhausted(() -> i.getFunc("forever").call());
      assertEquals(Val.i32(10_000), i.getFunc("depth").call(Val.i32(10_000))[0]);
    }
    Instance fib = new Linker<Void>(engine).instantiate(store, Module.compile(engine, Wasm.example("fib.wasm")));
    assertEquals(Val.i32(6765), fib.getFunc("fib").call(Val.i32(20))[0]);
  }

  @Test
  void maxCallDepthIsHonoured() {
    Engine engine = new Engine(Config.defaults().withMaxCallDepth(100));
    Instance i = Wasm.instantiate(engine, recursive());
    assertEquals(Val.i32(99), i.getFunc("depth").call(Val.i32(99))[0], "100 frames");
    assertExhausted(() -> i.getFunc("depth").call(Val.i32(100)));
    assertEquals(Val.i32(99), i.getFunc("depth").call(Val.i32(99))[0]);
    Engine one = new Engine(Config.defaults().withMaxCallDepth(1));
    Instance j = Wasm.instantiate(one, recursive());
    assertEquals(Val.i32(0), j.getFunc("depth").call(Val.i32(0))[0]);
    assertExhausted(() -> j.getFunc("depth").call(Val.i32(1)));
  }

  @Test
  void maxStackSlotsIsHonoured() {
    Engine engine = new Engine(Config.defaults().withMaxStackSlots(4096));
    Instance i = Wasm.instantiate(engine, recursive());
    assertEquals(Val.i32(10), i.getFunc("wide").call(Val.i32(10))[0]);
    assertExhausted(() -> i.getFunc("wide").call(Val.i32(30)));
    assertEquals(Val.i32(3000), i.getFunc("depth").call(Val.i32(3000))[0], "narrow frames still fit");
    assertEquals(Val.i32(10), i.getFunc("wide").call(Val.i32(10))[0]);
  }

  /**
   * {@code fact(n: i64) -> i64} multiplies {@code n} by the host's {@code env::fact(n - 1)}, which
   * calls the guest's {@code fact} again: host and guest frames alternate n times.
   */
  private static Instance factorial(Engine engine, Store<Void> store) {
    WasmBuilder b = new WasmBuilder();
    int hostFact = b.importFunc("env", "fact", fn(of(I64), I64));
    int fact = b.func(fn(of(I64), I64), new Code().localGet(0).op(Opcode.I64_EQZ)
        .ifThen(I64).i64Const(1)
        .elseThen().localGet(0).localGet(0).i64Const(1).op(Opcode.I64_SUB).call(hostFact).op(Opcode.I64_MUL).end());
    b.exportFunc("fact", fact);
    Linker<Void> l = new Linker<>(engine);
    l.funcWrap("env", "fact", HostType.I64, HostType.I64,
        (c, n) -> ((Func) c.getExport("fact").orElseThrow()).call(Val.i64(n))[0].i64());
    return l.instantiate(store, Module.compile(engine, b.build()));
  }

  @Test
  void hostAndGuestMayCallEachOtherInTurn() {
    Engine engine = new Engine();
    Instance i = factorial(engine, Store.of(engine));
    assertEquals(3628800L, i.getFunc("fact").call(Val.i64(10))[0].i64());
    assertEquals(2432902008176640000L, i.getTypedFunc("fact", java.util.List.of(I64), java.util.List.of(I64)).callI64(20));
  }

  @Test
  void aGuestFrameSurvivesAHostCallThatGrowsTheValueStack() {
    // outer(x) keeps x and x*3 in registers across a host call whose guest callback needs
    // thousands of registers, so the value stack is reallocated under the outer frame
    WasmBuilder b = new WasmBuilder();
    int host = b.importFunc("env", "host", fn(NONE, I64));
    ValType[] many = new ValType[5000];
    Arrays.fill(many, I64);
    Code big = new Code();
    for (int k = 0; k < 5000; k += 1000) {
      big.i64Const(k).localSet(k);
    }
    big.localGet(0);
    for (int k = 1000; k < 5000; k += 1000) {
      big.localGet(k).op(Opcode.I64_ADD);
    }
    b.exportFunc("big", b.func(fn(NONE, I64), many, big));
    b.exportFunc("outer", b.func(fn(of(I64), I64), of(I64), new Code()
        .localGet(0).i64Const(3).op(Opcode.I64_MUL).localSet(1)
        .call(host).localGet(1).op(Opcode.I64_ADD).localGet(0).op(Opcode.I64_ADD)));
    Engine engine = new Engine();
    Linker<Void> l = new Linker<>(engine);
    l.funcWrap("env", "host", HostType.I64, c -> ((Func) c.getExport("big").orElseThrow()).call()[0].i64());
    Instance i = l.instantiate(Store.of(engine), Module.compile(engine, b.build()));
    assertEquals(10_000L + 4 * 7, i.getFunc("outer").call(Val.i64(7))[0].i64());
  }

  /** {@code loop()} calls the host's {@code env::again()}, which calls {@code loop()}: forever. */
  private static Instance mutualRecursion(Engine engine) {
    WasmBuilder b = new WasmBuilder();
    int again = b.importFunc("env", "again", fn(NONE));
    b.exportFunc("loop", b.func(fn(NONE), new Code().call(again)));
    b.exportFunc("ok", b.func(fn(NONE, I32), new Code().i32Const(1)));
    Linker<Void> l = new Linker<>(engine);
    l.funcWrap("env", "again", HostType.VOID, c -> {
      ((Func) c.getExport("loop").orElseThrow()).call();
      return null;
    });
    return l.instantiate(Store.of(engine), Module.compile(engine, b.build()));
  }

  @Test
  void infiniteRecursionThroughAHostFunctionIsExhaustion() {
    Instance i = mutualRecursion(new Engine());
    for (int n = 0; n < 3; n++) {
      assertExhausted(() -> i.getFunc("loop").call());
      assertEquals(1, i.getFunc("ok").call()[0].i32());
    }
  }

  @Test
  void infiniteRecursionThroughAHostFunctionOnASmallThreadStackIsExhaustionToo() throws Exception {
    // On a 256 KiB stack the JVM's stack runs out long before 20,000 nested calls.
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Integer> after = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      Instance i = mutualRecursion(new Engine());
      for (int n = 0; n < 3; n++) {
        try {
          i.getFunc("loop").call();
        } catch (Throwable e) {
          thrown.set(e);
        }
        after.set(i.getFunc("ok").call()[0].i32());
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join(60_000);
    assertTrue(thrown.get() instanceof ExhaustionException, String.valueOf(thrown.get()));
    assertEquals(ExhaustionException.CALL_STACK_EXHAUSTED, thrown.get().getMessage());
    assertEquals(1, after.get());
  }

  /**
   * {@code down(n)} calls the host's {@code env::down(n + 1)}, which calls {@code down} again but
   * catches the exhaustion and returns the depth it reached: every frame then returns normally.
   */
  private static Instance catchingRecursion(Engine engine) {
    WasmBuilder b = new WasmBuilder();
    int hostDown = b.importFunc("env", "down", fn(of(I32), I32));
    b.exportFunc("down", b.func(fn(of(I32), I32), of(I32),
        new Code().localGet(0).i32Const(5).op(Opcode.I32_MUL).localSet(1)
            .localGet(0).i32Const(1).op(Opcode.I32_ADD).call(hostDown)
            .localGet(1).localGet(0).i32Const(5).op(Opcode.I32_MUL).op(Opcode.I32_SUB).op(Opcode.I32_ADD)));
    b.exportFunc("ok", b.func(fn(NONE, I32), new Code().i32Const(1)));
    Linker<Void> l = new Linker<>(engine);
    l.funcWrap("env", "down", HostType.I32, HostType.I32, (c, n) -> {
      try {
        return ((Func) c.getExport("down").orElseThrow()).call(Val.i32(n))[0].i32();
      } catch (ExhaustionException e) {
        return n;
      }
    });
    return l.instantiate(Store.of(engine), Module.compile(engine, b.build()));
  }

  @Test
  void aHostFunctionMayCatchTheExhaustionAndCarryOn() throws Exception {
    Instance i = catchingRecursion(new Engine(Config.defaults().withMaxCallDepth(1000)));
    int reached = i.getFunc("down").call(Val.i32(0))[0].i32();
    assertTrue(reached > 100 && reached <= 1000, "reached " + reached);
    assertEquals(reached, i.getFunc("down").call(Val.i32(0))[0].i32(), "the same again");
    // and where the JVM's stack runs out first, again and again
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        Instance j = catchingRecursion(new Engine());
        for (int n = 0; n < 20; n++) {
          int depth = j.getFunc("down").call(Val.i32(0))[0].i32();
          if (depth < 10) {
            throw new AssertionError("reached only " + depth);
          }
          if (j.getFunc("ok").call()[0].i32() != 1) {
            throw new AssertionError("the store broke");
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join(60_000);
    assertEquals(null, failure.get());
  }

  @Test
  void growingAMemoryToFourGibibytesGivesMinusOne() {
    WasmBuilder b = new WasmBuilder();
    b.memory(1, Limits.NO_MAX);
    b.exportFunc("grow", b.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.MEMORY_GROW).b(0)));
    b.exportFunc("size", b.func(fn(NONE, I32), new Code().op(Opcode.MEMORY_SIZE).b(0)));
    Instance i = Wasm.instantiate(b.build());
    for (int pages : new int[] {65535, 65536, Integer.MAX_VALUE, -1, 0x10000000}) {
      assertEquals(-1, i.getFunc("grow").call(Val.i32(pages))[0].i32(), "grow " + pages);
    }
    assertEquals(1, i.getFunc("size").call()[0].i32());
    assertEquals(1, i.getFunc("grow").call(Val.i32(1))[0].i32());
    WasmBuilder declared = new WasmBuilder();
    declared.memory(0, 65536);
    declared.exportFunc("grow", declared.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.MEMORY_GROW).b(0)));
    assertEquals(-1, Wasm.instantiate(declared.build()).getFunc("grow").call(Val.i32(65536))[0].i32());
  }

  /** Runs {@link SmallHeapMain} in a JVM with a 64 MiB heap; returns what it printed. */
  private static String onASmallHeap(long pages, long elements) throws Exception {
    return onASmallHeap(pages, elements, 1);
  }

  /** As {@link #onASmallHeap(long, long)}, with {@code count} memories and tables. */
  private static String onASmallHeap(long pages, long elements, int count) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), SmallHeapMain.class.getName(),
        Long.toString(pages), Long.toString(elements), Integer.toString(count))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return out;
  }

  @Test
  void aMemoryOrTableTheHeapCannotHoldIsUninstantiableNotOutOfMemory() throws Exception {
    assertEquals(UninstantiableException.class.getName(), onASmallHeap(2000, 0), "a 125 MiB memory");
    assertEquals(UninstantiableException.class.getName(), onASmallHeap(0, 9_000_000), "a 72 MB table");
    assertEquals("instantiated", onASmallHeap(10, 10));
  }

  @Test
  void maxMemoryPagesIsHonouredByTheGuest() {
    Engine engine = new Engine(Config.defaults().withMaxMemoryPages(2));
    WasmBuilder b = new WasmBuilder();
    b.memory(1, 100);
    b.exportFunc("grow", b.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.MEMORY_GROW).b(0)));
    Instance i = Wasm.instantiate(engine, b.build());
    assertEquals(-1, i.getFunc("grow").call(Val.i32(2))[0].i32());
    assertEquals(1, i.getFunc("grow").call(Val.i32(1))[0].i32());
    assertEquals(-1, i.getFunc("grow").call(Val.i32(1))[0].i32());
  }

  /** Two memories of {@code pages} pages each (no maximum), {@code grow0(n)}, {@code grow1(n)}. */
  private static byte[] twoMemories(long pages) {
    WasmBuilder b = new WasmBuilder();
    b.memory(pages, Limits.NO_MAX);
    b.memory(pages, Limits.NO_MAX);
    for (int m = 0; m < 2; m++) {
      b.exportFunc("grow" + m, b.func(fn(of(I32), I32),
          new Code().localGet(0).op(Opcode.MEMORY_GROW).b(m)));
    }
    return b.build();
  }

  @Test
  void allTheMemoriesOfAStoreShareOneLimit() {
    long page = 65536;
    Engine engine = new Engine(Config.defaults().withMaxStoreMemoryBytes(10 * page));
    Store<Void> store = Store.of(engine);
    Linker<Void> linker = new Linker<>(engine);
    Instance i = linker.instantiate(store, Module.compile(engine, twoMemories(4)));
    assertEquals(4, i.getFunc("grow0").call(Val.i32(1))[0].i32(), "9 of 10 pages");
    assertEquals(-1, i.getFunc("grow1").call(Val.i32(2))[0].i32(), "11 > 10");
    assertEquals(4, i.getFunc("grow1").call(Val.i32(1))[0].i32(), "10 of 10");
    assertEquals(-1, i.getFunc("grow0").call(Val.i32(1))[0].i32());
    assertEquals(5, i.getFunc("grow1").call(Val.i32(0))[0].i32(), "growing by 0 always works");
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> linker.instantiate(store, Module.compile(engine, twoMemories(1))));
    assertEquals("memory of 1 pages exceeds what is left of the store's limit of 655360 bytes"
        + " for all its memories (655360 in use)", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Memory.create(store, new org.wasmj.parser.MemoryType(new Limits(1, 1))));
    Memory empty = Memory.create(store, new org.wasmj.parser.MemoryType(new Limits(0, 1)));
    assertEquals(0, empty.grow(0));
    // another store has a limit of its own
    Instance j = linker.instantiate(Store.of(engine), Module.compile(engine, twoMemories(5)));
    assertEquals(-1, j.getFunc("grow0").call(Val.i32(1))[0].i32());
  }

  /** Three funcref tables of {@code min} elements (no maximum) and {@code grow(t, n)}. */
  private static byte[] threeTables(long min) {
    WasmBuilder b = new WasmBuilder();
    for (int t = 0; t < 3; t++) {
      b.table(ValType.FUNCREF, min, Limits.NO_MAX);
      b.exportFunc("grow" + t, b.func(fn(of(I32), I32), new Code()
          .op(Opcode.REF_NULL).b(ValType.FUNCREF.code()).localGet(0).op(Opcode.TABLE_GROW).u32(t)));
    }
    return b.build();
  }

  @Test
  void allTheTablesOfAStoreShareOneLimit() {
    Engine engine = new Engine(Config.defaults().withMaxStoreTableElements(1000));
    Store<Void> store = Store.of(engine);
    Linker<Void> linker = new Linker<>(engine);
    Instance i = linker.instantiate(store, Module.compile(engine, threeTables(0)));
    assertEquals(0, i.getFunc("grow0").call(Val.i32(400))[0].i32());
    assertEquals(0, i.getFunc("grow1").call(Val.i32(400))[0].i32());
    assertEquals(-1, i.getFunc("grow2").call(Val.i32(400))[0].i32(), "1200 > 1000");
    assertEquals(0, i.getFunc("grow2").call(Val.i32(200))[0].i32(), "1000 of 1000");
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> linker.instantiate(store, Module.compile(engine, threeTables(1))));
    assertTrue(e.getMessage().startsWith("table of 1 elements exceeds what is left of the store's"
        + " limit of 1000 elements"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Table.create(store,
        new org.wasmj.parser.TableType(ValType.FUNCREF, new Limits(1, 1)), Val.funcref(null)));
  }

  @Test
  void byDefaultAModuleCannotMultiplyItsTablesPastTheStoresLimit() {
    assertEquals(10_000_000L, Config.defaults().maxStoreTableElements());
    assertEquals(1L << 31, Config.defaults().maxStoreMemoryBytes());
    Engine engine = new Engine();
    Store<Void> store = Store.of(engine);
    // each table is within the 10 million a table may have; the three are not
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> new Linker<Void>(engine).instantiate(store,
            Module.compile(engine, threeTables(4_000_000))));
    assertTrue(e.getMessage().contains("store's limit of 10000000 elements"), e.getMessage());
    // the failed instantiation gave back what it had reserved
    Instance i =
        new Linker<Void>(engine).instantiate(store, Module.compile(engine, threeTables(0)));
    assertEquals(0, i.getFunc("grow0").call(Val.i32(9_000_000))[0].i32());
    assertEquals(-1, i.getFunc("grow1").call(Val.i32(2_000_000))[0].i32());
  }

  @Test
  void tablesFillingTheHeapDuringInstantiationAreUninstantiableNotOutOfMemory() throws Exception {
    // 40 tables of a million elements: 320 MB for a 64 MiB heap, with the store's limits lifted
    assertEquals(UninstantiableException.class.getName(), onASmallHeap(0, 1_000_000, 40));
    assertEquals(UninstantiableException.class.getName(), onASmallHeap(400, 0, 10),
        "ten memories of 25 MiB");
  }
}
