package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.wasmj.ExhaustionException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.parser.ValType;

class AsmExecutorTest {
  private static final List<ValType> I32 = List.of(ValType.I32);

  /** {@code f(n) = f(n + 1)}: recursion without end. */
  private static final byte[] RECURSE = new ModuleBuilder()
      .func("f", 1, 1, 0x20, 0, 0x41, 1, 0x6A, 0x10, 0)
      .func("id", 1, 1, 0x20, 0)
      .build();

  private static Instance instantiate(Engine engine, byte[] wasm) {
    return new Linker<Void>(engine).instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered"})
  void endlessRecursionExhaustsTheCallStackAndTheStoreStaysUsable(String executor) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor).withTieringThreshold(1).withCompilerThreads(0));
    Instance instance = instantiate(engine, RECURSE);
    TypedFunc f = instance.getTypedFunc("f", I32, I32);
    for (int i = 0; i < 3; i++) {
      ExhaustionException e = assertThrows(ExhaustionException.class, () -> f.callI32(0));
      assertEquals("call stack exhausted", e.getMessage());
    }
    assertEquals(7, instance.getTypedFunc("id", I32, I32).callI32(7));
  }

  @Test
  void theCallDepthLimitIsHonoured() {
    // g(n) = n == 0 ? 0 : g(n - 1) + 1
    byte[] wasm = new ModuleBuilder().func("g", 1, 1,
        0x20, 0, 0x45, 0x04, 0x7F, 0x41, 0, 0x05, 0x20, 0, 0x41, 1, 0x6B, 0x10, 0, 0x41, 1, 0x6A, 0x0B)
        .build();
    Engine engine = new Engine(Config.defaults().withExecutor("asm").withMaxCallDepth(500));
    TypedFunc g = instantiate(engine, wasm).getTypedFunc("g", I32, I32);
    assertEquals(400, g.callI32(400));
    assertThrows(ExhaustionException.class, () -> g.callI32(600));
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered", "switch"})
  void theCallDepthLimitCountsFramesAcrossHostCalls(String executor) {
    // down(n) = host(n + 1); the host calls down again: guest and host recurse in turn
    byte[] wasm = new ModuleBuilder().importFunc("host", "reenter", 1, 1)
        .func("down", 1, 1, 0x20, 0, 0x41, 1, 0x6A, 0x10, 0).build();
    Engine engine = new Engine(Config.defaults().withExecutor(executor).withMaxCallDepth(300)
        .withTieringThreshold(5).withCompilerThreads(0));
    Instance[] self = new Instance[1];
    int[] deepest = new int[1];
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "reenter", org.wasmj.exec.HostType.I32, org.wasmj.exec.HostType.I32,
        (caller, n) -> {
          deepest[0] = Math.max(deepest[0], n);
          return self[0].getFunc("down").call(org.wasmj.exec.Val.i32(n))[0].i32();
        });
    self[0] = linker.instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
    assertThrows(ExhaustionException.class, () -> self[0].getFunc("down").call(org.wasmj.exec.Val.i32(0)));
    assertTrue(deepest[0] <= 300 && deepest[0] > 100, "reached " + deepest[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered", "asm split"})
  void aTrapNamesTheFunctionsItUnwindsInnermostFirst(String executor) {
    // outer -> middle -> inner, which traps; functions named by the name section
    byte[] wasm = new ModuleBuilder()
        .func("outer", 0, 0, 0x10, 1)
        .func("middle", 0, 0, 0x10, 2)
        .func("inner", 0, 0, 0x00)
        .withNames().build();
    boolean split = executor.endsWith("split");
    Engine engine = new Engine(Config.defaults().withExecutor(executor.replace(" split", ""))
        .withTieringThreshold(1).withCompilerThreads(0));
    if (split) {
      FunctionCompiler.forcedChunkBudget = 10;
    }
    try {
      Instance instance = instantiate(engine, wasm);
      for (int i = 0; i < 2; i++) { // tiered: interpreted, then compiled
        org.wasmj.TrapException trap = assertThrows(org.wasmj.TrapException.class,
            () -> instance.getFunc("outer").call());
        assertEquals(List.of("inner", "middle", "outer"), trap.backtrace());
      }
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  /** {@code big(x) = x + n}, written as n separate additions: too much bytecode for one method. */
  private static byte[] bigFunction(int n) {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      code.writeBytes(new byte[] {0x20, 0, 0x41, 1, 0x6A, 0x21, 0}); // local.set 0 (local.get 0 + 1)
    }
    code.writeBytes(new byte[] {0x20, 0});
    return new ModuleBuilder().funcBytes("big", 1, 1, 0, code.toByteArray())
        .func("small", 1, 1, 0x20, 0, 0x41, 2, 0x6C).build();
  }

  @Test
  void aFunctionWithMoreInvokesThanC1ProfilesIsSplit() {
    // 200 calls: 200 invoke instructions in a method of about 2,000 bytes, well under HotSpot's
    // 8,000, but more than C1 profiles in one method (FunctionCompiler.WHOLE_METHOD_INVOKES)
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    Module module = Module.compile(engine, callingFunction(200));
    Instance instance = new Linker<Void>(engine).instantiate(new Store<>(engine, null), module);
    assertEquals(605, instance.getTypedFunc("calls", I32, I32).callI32(5));
    assertEquals(-123456189, instance.getTypedFunc("calls", I32, I32).callI32(-123456789));
    assertEquals(1, module.executorStatistics().get("compiled.split"));
    // a few calls fewer than the limit: whole
    Module fewer = Module.compile(engine, callingFunction(FunctionCompiler.WHOLE_METHOD_INVOKES / 2));
    new Linker<Void>(engine).instantiate(new Store<>(engine, null), fewer)
        .getTypedFunc("calls", I32, I32).callI32(5);
    assertEquals(0, fewer.executorStatistics().get("compiled.split"));
  }

  /** {@code calls(x)}: {@code x} passed through {@code n} calls of {@code add3}. */
  private static byte[] callingFunction(int n) {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.writeBytes(new byte[] {0x20, 0}); // local.get 0
    for (int k = 0; k < n; k++) {
      code.writeBytes(new byte[] {0x10, 1}); // call add3
    }
    return new ModuleBuilder().funcBytes("calls", 1, 1, 0, code.toByteArray())
        .func("add3", 1, 1, 0x20, 0, 0x41, 3, 0x6A).build();
  }

  @Test
  void aFunctionTooLargeForOneMethodIsSplitAndCounted() {
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    Module module = Module.compile(engine, bigFunction(3000));
    Instance instance = new Linker<Void>(engine).instantiate(new Store<>(engine, null), module);
    assertEquals(3005, instance.getTypedFunc("big", I32, I32).callI32(5));
    assertEquals(10, instance.getTypedFunc("small", I32, I32).callI32(5));
    Map<String, Long> stats = module.executorStatistics();
    assertEquals(2, stats.get("compiled"), stats.toString());
    assertEquals(1, stats.get("compiled.split"), stats.toString());
    assertEquals(0, stats.get("interpreted.too_large"), stats.toString());
  }

  @Test
  void aFunctionWithTailCallsRunsInTheInterpreterAndIsCounted() {
    // loop(n) = n == 0 ? 0 : return_call loop(n - 1)
    byte[] wasm = new ModuleBuilder().func("loop", 1, 1,
        0x20, 0, 0x45, 0x04, 0x40, 0x41, 0, 0x0F, 0x0B, 0x20, 0, 0x41, 1, 0x6B, 0x12, 0).build();
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    Module module = Module.compile(engine, wasm);
    TypedFunc loop = new Linker<Void>(engine).instantiate(new Store<>(engine, null), module)
        .getTypedFunc("loop", I32, I32);
    assertEquals(0, loop.callI32(1_000_000)); // a million tail calls, constant stack
    assertEquals(1, module.executorStatistics().get("interpreted.tail_call"));
  }

  @Test
  void eagerModeGeneratesEveryClassAtCompileTimeAndLazyModeOnFirstCall() {
    Engine eager = new Engine(Config.defaults().withExecutor("asm")
        .withCompilationMode(CompilationMode.EAGER));
    assertEquals(0, Module.compile(eager, RECURSE).executorStatistics().get("not_generated_yet"));
    Engine lazy = new Engine(Config.defaults().withExecutor("asm").withCompilationMode(CompilationMode.LAZY));
    Module module = Module.compile(lazy, RECURSE);
    assertEquals(2, module.executorStatistics().get("not_generated_yet"));
    Instance instance = new Linker<Void>(lazy).instantiate(new Store<>(lazy, null), module);
    assertEquals(3, instance.getTypedFunc("id", I32, I32).callI32(3));
    assertEquals(1, module.executorStatistics().get("not_generated_yet"));
  }

  @Test
  void tieringCompilesAFunctionAfterTheThresholdAndSwapsItIn() {
    Engine engine = new Engine(Config.defaults().withExecutor("tiered").withTieringThreshold(10)
        .withCompilerThreads(0));
    Module module = Module.compile(engine, RECURSE);
    TypedFunc id = new Linker<Void>(engine).instantiate(new Store<>(engine, null), module)
        .getTypedFunc("id", I32, I32);
    for (int i = 0; i < 9; i++) {
      assertEquals(i, id.callI32(i));
    }
    assertEquals(0, module.executorStatistics().get("compiled"));
    for (int i = 9; i < 20; i++) {
      assertEquals(i, id.callI32(i));
    }
    assertEquals(1, module.executorStatistics().get("compiled"));
  }

  @Test
  void generatedClassesAreUnloadedWithTheirModule() throws InterruptedException {
    WeakReference<ClassLoader> loader = compileRunAndForget();
    for (int i = 0; i < 100 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(loader.get(), "the module's class loader is still reachable");
  }

  /** Runs a function that calls the host, which finds its caller's generated class on the stack. */
  private static WeakReference<ClassLoader> compileRunAndForget() {
    byte[] wasm = new ModuleBuilder().importFunc("host", "where", 0, 0)
        .func("call", 0, 0, 0x10, 0).build();
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    ClassLoader[] found = new ClassLoader[1];
    Linker<Void> linker = new Linker<>(engine);
    linker.func("host", "where", org.wasmj.parser.FuncType.of(new ValType[0], new ValType[0]),
        (caller, args) -> {
          found[0] = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
              .walk(frames -> frames.map(f -> f.getDeclaringClass().getClassLoader())
                  .filter(l -> l != null && "wasmj-module".equals(l.getName()))
                  .findFirst().orElse(null));
          return new org.wasmj.exec.Val[0];
        });
    Instance instance = linker.instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
    instance.getFunc("call").call();
    assertTrue(found[0] != null, "no generated frame on the stack");
    return new WeakReference<>(found[0]);
  }
}
