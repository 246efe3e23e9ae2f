package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.wasmj.TrapException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tiering: hot functions are compiled (in the background, or on the guest's thread with 0
 * compiler threads), and an interpreter frame stuck in a loop enters the compiled code at a loop
 * header (on-stack replacement) without waiting for the function's next call.
 */
class TieringTest {
  /**
   * {@code spin() -> i}: {@code i = 0; loop { if (tick(i)) break; i++ }}, with {@code tick}
   * imported; and {@code spin2}, the same returning {@code (i, i)}.
   */
  private static final byte[] SPIN = new ModuleBuilder()
      .importFunc("host", "tick", 1, 1)
      .funcWithLocals("spin", 0, 1, 1, loopBody(false))
      .funcWithLocals("spin2", 0, 2, 1, loopBody(true))
      .withNames().build();

  private static int[] loopBody(boolean twoResults) {
    int[] loop = {
        0x02, 0x40, // block
        0x03, 0x40, //   loop
        0x20, 0, 0x10, 0, 0x0D, 1, // if tick(i) break
        0x20, 0, 0x41, 1, 0x6A, 0x21, 0, // i++
        0x0C, 0, //     br loop
        0x0B, 0x0B, // end end
        0x20, 0};
    if (!twoResults) {
      return loop;
    }
    int[] both = java.util.Arrays.copyOf(loop, loop.length + 2);
    both[loop.length] = 0x20;
    both[loop.length + 1] = 0;
    return both;
  }

  /** True if a generated method named {@code osr} is on the calling thread's stack. */
  private static boolean inLoopEntry() {
    return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
        f.getMethodName().equals("osr") && f.getClassName().startsWith("wasmj.gen.")));
  }

  private static Instance spinner(Config config, IntUnaryOperator tick) {
    Engine engine = new Engine(config);
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> tick.applyAsInt(i));
    return linker.instantiate(Store.of(engine), Module.compile(engine, SPIN));
  }

  private static Config tiered(int threshold, int threads) {
    return Config.defaults().withExecutor("tiered").withTieringThreshold(threshold)
        .withCompilerThreads(threads);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aFrameLoopingInTheInterpreterEntersTheCompiledCodeAtALoopHeader(boolean split) {
    AtomicInteger firstCompiled = new AtomicInteger(-1);
    if (split) {
      FunctionCompiler.forcedChunkBudget = 10;
    }
    try {
      Instance instance = spinner(tiered(10, 0), i -> {
        if (firstCompiled.get() < 0 && inLoopEntry()) {
          firstCompiled.set(i);
        }
        return i == 100 ? 1 : 0;
      });
      assertEquals(100, instance.getFunc("spin").call()[0].i32());
      assertTrue(firstCompiled.get() > 0 && firstCompiled.get() < 20,
          "entered compiled code at iteration " + firstCompiled.get());
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  @Test
  void aFunctionWithTooManyRegistersForAWholeLoopEntryGetsASplitOne() {
    // 900 locals: invoke fits one method, but osr's loads of every register would not
    byte[] wasm = new ModuleBuilder().importFunc("host", "tick", 1, 1)
        .funcWithLocals("wide", 0, 1, 900, loopBody(false)).build();
    Engine engine = new Engine(tiered(10, 0));
    Linker<Void> linker = new Linker<>(engine);
    int[] firstCompiled = {-1};
    linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> {
      if (firstCompiled[0] < 0 && inLoopEntry()) {
        firstCompiled[0] = i;
      }
      return i == 100 ? 1 : 0;
    });
    Module module = Module.compile(engine, wasm);
    Instance instance = linker.instantiate(Store.of(engine), module);
    assertEquals(100, instance.getFunc("wide").call()[0].i32());
    assertTrue(firstCompiled[0] > 0 && firstCompiled[0] < 20, "entered at " + firstCompiled[0]);
    assertEquals(0, module.executorStatistics().get("compiled.split"));
  }

  @Test
  void aLoopEntryReturnsEveryResult() {
    Instance instance = spinner(tiered(5, 0), i -> i == 50 ? 1 : 0);
    Val[] results = instance.getFunc("spin2").call();
    assertArrayEquals(new int[] {50, 50}, new int[] {results[0].i32(), results[1].i32()});
  }

  @Test
  void aCallerInTheInterpreterSeesTheMemoryItsCalleeGrewInCodeEnteredAtALoopHeader() {
    // grow: spins until tick says stop, then grows the memory (in the compiled code it entered at
    // the loop header); main calls it, then stores and loads in the new page
    int[] spin = loopBody(false);
    int[] grow = java.util.Arrays.copyOf(spin, spin.length + 5);
    System.arraycopy(new int[] {0x41, 1, 0x40, 0, 0x1A, 0x20, 0}, 0, grow, spin.length - 2, 7);
    byte[] wasm = new ModuleBuilder().importFunc("host", "tick", 1, 1).withMemory(1)
        .funcWithLocals("grow", 0, 1, 1, grow)
        .func("main", 0, 1, 0x10, 1, 0x1A,
            0x41, 0x88, 0x80, 0x04, 0x41, 42, 0x36, 2, 0, // i32.store 65544 <- 42
            0x41, 0x88, 0x80, 0x04, 0x28, 2, 0) // i32.load 65544
        .build();
    Engine engine = new Engine(tiered(10, 0));
    Linker<Void> linker = new Linker<>(engine);
    boolean[] compiled = {false};
    linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> {
      compiled[0] |= inLoopEntry();
      return i == 100 ? 1 : 0;
    });
    Instance instance = linker.instantiate(Store.of(engine), Module.compile(engine, wasm));
    assertEquals(42, instance.getFunc("main").call()[0].i32());
    assertTrue(compiled[0], "grow entered its compiled code at the loop header");
  }

  @Test
  void aTrapInCodeEnteredAtALoopHeaderNamesEachFrameOnce() {
    // outer -> inner, which loops until tick says stop, then traps
    byte[] wasm = new ModuleBuilder().importFunc("host", "tick", 1, 1)
        .funcWithLocals("inner", 0, 0, 1,
            0x03, 0x40, 0x20, 0, 0x41, 1, 0x6A, 0x22, 0, 0x10, 0, 0x45, 0x0D, 0, 0x0B, 0x00)
        .func("outer", 0, 0, 0x10, 1)
        .withNames().build();
    Engine engine = new Engine(tiered(10, 0));
    Linker<Void> linker = new Linker<>(engine);
    boolean[] compiled = new boolean[1];
    linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> {
      compiled[0] |= inLoopEntry();
      return i == 100 ? 1 : 0;
    });
    Instance instance = linker.instantiate(Store.of(engine), Module.compile(engine, wasm));
    TrapException trap = assertThrows(TrapException.class, () -> instance.getFunc("outer").call());
    assertTrue(compiled[0], "the loop never entered compiled code");
    assertEquals(List.of("inner", "outer"), trap.backtrace());
  }

  @Test
  void backgroundCompilationLetsTheGuestRunOnAndSwapsTheCodeIn() {
    int limit = 50_000_000;
    Instance instance = spinner(tiered(1000, 1), i -> inLoopEntry() || i == limit ? 1 : 0);
    int iterations = instance.getFunc("spin").call()[0].i32();
    assertTrue(iterations < limit, "the loop never entered the compiled code");
    assertTrue(iterations >= 990, "entered at " + iterations + ", before it was hot (1,000)");
  }

  @Test
  void aFrameLoopingInTheInterpreterEntersItsCompiledCodeEvenIfTheWakeUpIsLost() {
    int limit = 200_000;
    AsmModule.loseWakeUps = true; // as when the interpreter's decrement writes over the 0
    try {
      Instance instance = spinner(tiered(1000, 1), i -> inLoopEntry() || i == limit ? 1 : 0);
      int iterations = instance.getFunc("spin").call()[0].i32();
      assertTrue(iterations < limit, "the loop never entered the compiled code");
    } finally {
      AsmModule.loseWakeUps = false;
    }
  }

  @Test
  void statisticsCountQueuedAndCompiledFunctionsAndGenerationTime() {
    Engine engine = new Engine(tiered(10, 0));
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> i == 20 ? 1 : 0);
    Module module = Module.compile(engine, SPIN);
    Map<String, Long> before = module.executorStatistics();
    assertEquals(2, before.get("interpreted.not_hot_yet"), before.toString());
    linker.instantiate(Store.of(engine), module).getFunc("spin").call();
    Map<String, Long> after = module.executorStatistics();
    assertEquals(1, after.get("compiled"), after.toString());
    assertEquals(1, after.get("compiled.loop_entries"), after.toString());
    assertEquals(1, after.get("interpreted.not_hot_yet"), after.toString());
    assertEquals(0, after.get("queued"), after.toString());
    assertTrue(after.get("generation.ms") >= 0, after.toString());
  }

  @Test
  void aBigFunctionMustRunLongerThanASmallOneBeforeItIsCompiled() {
    // small() and big() both return 7; big's body pads with 1,000 bytes of nops
    int[] padded = new int[1002];
    java.util.Arrays.fill(padded, 0x01);
    padded[1000] = 0x41;
    padded[1001] = 7;
    byte[] wasm = new ModuleBuilder().func("small", 0, 1, 0x41, 7).func("big", 0, 1, padded)
        .build();
    Engine engine = new Engine(tiered(10, 0));
    Module module = Module.compile(engine, wasm);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    int bigCountdown = AsmExecutor.countdown(10, 1004); // the body: locals, the code, end
    assertTrue(bigCountdown >= 100, "countdown " + bigCountdown);
    for (int i = 0; i < 20; i++) {
      instance.getFunc("small").call();
      instance.getFunc("big").call();
    }
    assertEquals(1, module.executorStatistics().get("compiled"), "small only");
    for (int i = 20; i < bigCountdown + 1; i++) {
      assertEquals(7, instance.getFunc("big").call()[0].i32());
    }
    assertEquals(2, module.executorStatistics().get("compiled"), "big too, after its countdown");
  }

  @Test
  void theBudgetDoublesTheRoundsAFunctionMustRunAsMoreAreCompiled() {
    assertEquals(1, AsmModule.roundsToCompile(0));
    assertEquals(1, AsmModule.roundsToCompile(AsmModule.BUDGET_STEP - 1));
    assertEquals(2, AsmModule.roundsToCompile(AsmModule.BUDGET_STEP));
    assertEquals(4, AsmModule.roundsToCompile(2 * AsmModule.BUDGET_STEP));
    assertEquals(AsmModule.MOST_ROUNDS, AsmModule.roundsToCompile(Integer.MAX_VALUE));
  }

  @Test
  void aModuleOfManyFunctionsRaisesTheThresholdByTwicePerStepOfFunctions() {
    int step = AsmExecutor.FUNCTIONS_PER_STEP;
    assertEquals(1000, AsmExecutor.moduleThreshold(1000, 0));
    assertEquals(1000, AsmExecutor.moduleThreshold(1000, step));
    assertEquals(1000, AsmExecutor.moduleThreshold(1000, 6_094)); // spidermonkey, as before
    assertEquals(3000, AsmExecutor.moduleThreshold(1000, step + 1));
    assertEquals(3000, AsmExecutor.moduleThreshold(1000, 2 * step));
    assertEquals(5000, AsmExecutor.moduleThreshold(1000, 2 * step + 1));
    assertEquals(9000, AsmExecutor.moduleThreshold(1000, 34_004)); // Yosys
    assertEquals(1, AsmExecutor.moduleThreshold(1, 1_000_000), "1 still means at the first call");
    assertEquals(Integer.MAX_VALUE / 2, AsmExecutor.moduleThreshold(Integer.MAX_VALUE, 1_000_000));
  }

  @Test
  void aModuleOfManyFunctionsWaitsLongerForEach() {
    int n = AsmExecutor.FUNCTIONS_PER_STEP + 1;
    Engine engine = new Engine(tiered(10, 0));
    Module module = constants(engine, n);
    assertEquals(30, module.executorStatistics().get("threshold"));
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    for (int call = 1; call < AsmExecutor.countdown(30, 4); call++) {
      instance.getFunc("f0").call();
    }
    assertEquals(0, module.executorStatistics().get("compiled"), "not at the executor's 10");
    instance.getFunc("f0").call();
    assertEquals(1, module.executorStatistics().get("compiled"), "at the module's 30");
  }

  @Test
  void aWideModulesCompiledCodeIsInWClassesWhichTheLauncherKeepsFromInlining() {
    for (int functions : new int[] {2, AsmExecutor.FUNCTIONS_PER_STEP + 1}) {
      ModuleBuilder b = new ModuleBuilder().importFunc("host", "where", 0, 0);
      b.func("f0", 0, 1, 0x10, 0, 0x41, 7); // call where; i32.const 7
      for (int k = 1; k < functions; k++) {
        b.func("f" + k, 0, 1, 0x41, k & 0x3F);
      }
      Engine engine = new Engine(tiered(1, 0));
      Module module = Module.compile(engine, b.build());
      java.util.List<String> classes = new java.util.ArrayList<>();
      Linker<Void> linker = new Linker<>(engine);
      linker.funcWrap("host", "where", HostType.VOID, caller -> {
        StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
            .filter(c -> c.startsWith("wasmj.gen.")).findFirst()).ifPresent(classes::add);
        return null;
      });
      Instance instance = linker.instantiate(Store.of(engine), module);
      assertEquals(7, instance.getFunc("f0").call()[0].i32()); // compiled at its first call
      assertEquals(java.util.List.of(functions > AsmExecutor.FUNCTIONS_PER_STEP
          ? "wasmj.gen.W0" : "wasmj.gen.C0"), classes, functions + " functions");
    }
  }

  @Test
  void aWideModulesCompiledCallersReachACalleesCompiledCodeOnceItIsMade() {
    ModuleBuilder b = new ModuleBuilder().importFunc("host", "where", 0, 0);
    b.func("f0", 0, 1, 0x10, 2); // call f1 (function 2: the import is 0)
    b.func("f1", 0, 1, 0x10, 0, 0x41, 7); // call where; i32.const 7
    b.func("f2", 0, 1, 0x10, 2); // call f1
    for (int k = 3; k <= AsmExecutor.FUNCTIONS_PER_STEP; k++) {
      b.func("f" + k, 0, 1, 0x41, k & 0x3F);
    }
    Engine engine = new Engine(tiered(1, 0));
    Module module = Module.compile(engine, b.build());
    java.util.List<java.util.List<String>> stacks = new java.util.ArrayList<>();
    Instance instance = withGeneratedStacks(engine, module, stacks);
    for (String f : new String[] {"f0", "f0", "f2"}) {
      assertEquals(7, instance.getFunc(f).call()[0].i32());
    }
    assertEquals(java.util.List.of(
        java.util.List.of("wasmj.gen.W1", "wasmj.gen.F1", "wasmj.gen.W0"), // f1 not compiled yet
        java.util.List.of("wasmj.gen.W1", "wasmj.gen.W0"), // its call site now points at its code
        java.util.List.of("wasmj.gen.W1", "wasmj.gen.W2")), stacks); // linked to its code directly
  }

  @Test
  void aWideModulesFunctionsQueuedLateAreInLClassesWhichTheLauncherKeepsInC1Code() {
    int late = AsmModule.LATE_AFTER; // functions queued before these are W classes
    ModuleBuilder b = new ModuleBuilder().importFunc("host", "where", 0, 0);
    for (int k = 0; k <= late; k++) {
      b.func("f" + k, 0, 1, 0x10, 0, 0x41, k & 0x3F); // call where; i32.const k
    }
    int callee = late + 1; // f<late> (the import is function 0), as a two-byte LEB128
    b.func("caller", 0, 1, 0x10, callee & 0x7F | 0x80, callee >> 7);
    for (int k = late + 2; k <= AsmExecutor.FUNCTIONS_PER_STEP; k++) {
      b.func("g" + k, 0, 1, 0x41, 0);
    }
    Engine engine = new Engine(tiered(1, 0));
    Module module = Module.compile(engine, b.build());
    java.util.List<java.util.List<String>> stacks = new java.util.ArrayList<>();
    Instance instance = withGeneratedStacks(engine, module, stacks);
    for (int k = 0; k <= late; k++) { // each compiled at its first call, in this order
      assertEquals(k & 0x3F, instance.getFunc("f" + k).call()[0].i32());
    }
    assertEquals(java.util.List.of("wasmj.gen.W0"), stacks.get(0));
    assertEquals(java.util.List.of("wasmj.gen.W" + (late - 1)), stacks.get(late - 1));
    assertEquals(java.util.List.of("wasmj.gen.L" + late), stacks.get(late));
    assertEquals(late & 0x3F, instance.getFunc("caller").call()[0].i32());
    assertEquals(java.util.List.of("wasmj.gen.L" + late, "wasmj.gen.L" + (late + 1)),
        stacks.get(late + 1), "a late caller reaches a late callee's code");
    assertEquals(2, module.executorStatistics().get("compiled.late"));
    assertEquals(late + 2, module.executorStatistics().get("compiled"));
  }

  /**
   * {@code module} instantiated with a host function {@code host.where} that adds to {@code stacks}
   * the generated classes ({@code wasmj.gen.*}) on the stack at each of its calls, innermost first.
   */
  private static Instance withGeneratedStacks(
      Engine engine, Module module, java.util.List<java.util.List<String>> stacks) {
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "where", HostType.VOID, caller -> {
      stacks.add(StackWalker.getInstance().walk(frames -> frames
          .map(StackWalker.StackFrame::getClassName).filter(c -> c.startsWith("wasmj.gen."))
          .distinct().collect(java.util.stream.Collectors.toList())));
      return null;
    });
    return linker.instantiate(Store.of(engine), module);
  }

  /** {@code n} functions {@code f0} ... each returning its index. */
  /**
   * A function's countdown starts at its first call ({@code FunctionCode.FIRST_CALL}), which
   * counts as one of its calls: compiled at its countdown's call as when compiling the module set
   * every countdown; a function never called is never asked about.
   */
  @Test
  void aFunctionsCountdownStartsAtItsFirstCallWhichCounts() {
    Engine engine = new Engine(tiered(10, 0));
    Module module = constants(engine, 3);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    int countdown = AsmExecutor.countdown(10, 4);
    for (int call = 1; call < countdown; call++) {
      assertEquals(1, instance.getFunc("f1").call()[0].i32());
    }
    assertEquals(0, module.executorStatistics().get("compiled"), "not before its countdown");
    instance.getFunc("f1").call();
    Map<String, Long> s = module.executorStatistics();
    assertEquals(1, s.get("compiled"), s.toString());
    assertEquals(2, s.get("interpreted.not_hot_yet"), s.toString());
  }

  /**
   * The interpreter finds a direct callee's code at hand after its first call
   * ({@code InstanceState.interpreterCodes}), and skips the countdown only in a module no
   * executor tiers up: here the calls from the interpreted caller still count, and the callee is
   * compiled after its countdown although the host never calls it.
   */
  @Test
  void aCalleeCalledFromTheInterpreterCountsItsCallsAndIsCompiled() {
    int countdown = AsmExecutor.countdown(10, 4); // the callee's body: locals, i32.const 7, end
    int calls = countdown + 5;
    int[] body = new int[3 * calls - 1]; // call 0, drop, ..., call 0: the last call's 7
    for (int k = 0; k < calls; k++) {
      body[3 * k] = 0x10;
      if (k < calls - 1) {
        body[3 * k + 2] = 0x1A;
      }
    }
    byte[] wasm = new ModuleBuilder().func("callee", 0, 1, 0x41, 7).func("caller", 0, 1, body)
        .build();
    Engine engine = new Engine(tiered(10, 0));
    Module module = Module.compile(engine, wasm);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    assertEquals(7, instance.getFunc("caller").call()[0].i32());
    Map<String, Long> s = module.executorStatistics();
    assertEquals(1, s.get("compiled"), "the callee, from its calls in the interpreter: " + s);
    assertEquals(7, instance.getFunc("caller").call()[0].i32());
  }

  /**
   * A call to itself finds its code at hand in the interpreter, and also counts in a module that
   * tiers up: {@code f(n) = n == 0 ? 7 : f(n - 1)}, called once from the host, is compiled while
   * it recurses.
   */
  @Test
  void aFunctionCallingItselfInTheInterpreterCountsItsCallsAndIsCompiled() {
    byte[] wasm = new ModuleBuilder().func("f", 1, 1,
        0x20, 0, 0x45, 0x04, 0x7F, 0x41, 7, 0x05, // if (n == 0) 7
        0x20, 0, 0x41, 1, 0x6B, 0x10, 0, 0x0B) // else f(n - 1)
        .build();
    Engine engine = new Engine(tiered(10, 0));
    Module module = Module.compile(engine, wasm);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    int countdown = AsmExecutor.countdown(10, 18); // the body: locals, the code, end
    assertEquals(7, instance.getFunc("f").call(Val.i32(countdown + 5))[0].i32());
    Map<String, Long> s = module.executorStatistics();
    assertEquals(1, s.get("compiled"), "f, from its calls to itself in the interpreter: " + s);
  }

  /**
   * Functions shared by instances on several threads, each first called on all of them at once:
   * every thread computes the same first countdown (or, with a threshold of 1, finds the function
   * hot), and each function is compiled once, its results right on every thread.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 10})
  void functionsFirstCalledOnSeveralThreadsAtOnceAreEachCompiledOnce(int threshold)
      throws Exception {
    int functions = 64; // under a budget step: each compiled at its countdown
    int threads = 8;
    Engine engine = new Engine(tiered(threshold, 0));
    Module module = constants(engine, functions);
    int calls = AsmExecutor.countdown(threshold, 4);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] = new Thread(() -> {
        try {
          Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
          start.await();
          for (int k = 0; k < functions; k++) {
            for (int call = 0; call < calls; call++) {
              assertEquals(k & 0x3F, instance.getFunc("f" + k).call()[0].i32());
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join(60_000);
    }
    assertEquals(List.of(), failures);
    Map<String, Long> s = module.executorStatistics();
    // each function got threads * calls calls; a lost decrement (two threads writing one count)
    // only delays it, by far less than that
    assertEquals(functions, s.get("compiled"), s.toString());
    assertEquals(0, s.get("queued"), s.toString());
    assertEquals(0, s.get("interpreted.generation_failed"), s.toString());
  }

  private static Module constants(Engine engine, int n) {
    ModuleBuilder b = new ModuleBuilder();
    for (int k = 0; k < n; k++) {
      b.func("f" + k, 0, 1, 0x41, k & 0x3F); // i32.const k (one LEB byte)
    }
    return Module.compile(engine, b.build());
  }

  @Test
  void onceTheBudgetStepIsSpentAFunctionMustRunTwiceItsCountdown() {
    int step = AsmModule.BUDGET_STEP;
    Engine engine = new Engine(tiered(10, 0));
    Module module = constants(engine, step + 1);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    int countdown = AsmExecutor.countdown(10, 4); // the body: locals, i32.const k, end
    for (int k = 0; k < step; k++) {
      for (int i = 0; i < countdown; i++) {
        instance.getFunc("f" + k).call();
      }
    }
    assertEquals(step, module.executorStatistics().get("compiled"), "each at its countdown");
    String last = "f" + step;
    for (int i = 0; i < countdown; i++) {
      assertEquals(step & 0x3F, instance.getFunc(last).call()[0].i32());
    }
    assertEquals(step, module.executorStatistics().get("compiled"), "the next waits a round");
    for (int i = 0; i < countdown; i++) {
      assertEquals(step & 0x3F, instance.getFunc(last).call()[0].i32());
    }
    assertEquals(step + 1, module.executorStatistics().get("compiled"), "after two rounds");
  }

  @Test
  void aThresholdOfOneCompilesEveryFunctionAtItsFirstCallWhateverTheBudget() {
    int n = 2 * AsmModule.BUDGET_STEP + 1;
    Engine engine = new Engine(tiered(1, 0));
    Module module = constants(engine, n);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    for (int k = 0; k < n; k++) {
      instance.getFunc("f" + k).call();
    }
    assertEquals(n, module.executorStatistics().get("compiled"));
  }
}
