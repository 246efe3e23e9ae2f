package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmj.TrapException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * Modules at the limits of JVM class files and of class generation ({@link HostileModules}) run
 * on every executor and in every compilation mode with the interpreter's results; {@code asm} and
 * {@code tiered} leave a function beyond a limit to the interpreter and count it
 * ({@link JvmLimits}).
 */
class HostileModulesTest {
  /** Every executor in every compilation mode; {@code tiered} compiles on a function's first call. */
  static Stream<Arguments> configs() {
    List<Arguments> all = new ArrayList<>();
    for (String executor : List.of("switch", "asm", "tiered")) {
      for (CompilationMode mode : CompilationMode.values()) {
        all.add(Arguments.of(executor, mode));
      }
    }
    return all.stream();
  }

  /** A module compiled and instantiated on one executor and mode. */
  private static final class Run {
    final Module module;
    final Instance instance;
    final boolean compiles;

    Run(String executor, CompilationMode mode, byte[] wasm) {
      Engine engine = new Engine(Config.defaults().withExecutor(executor).withCompilationMode(mode)
          .withTieringThreshold(1).withCompilerThreads(0)); // tiered compiles when hot, at once
      module = Module.compile(engine, wasm);
      instance = new Linker<Void>(engine).instantiate(new Store<>(engine, null), module);
      compiles = !executor.equals("switch");
    }

    /** Calls {@code export} twice ({@code tiered}: interpreted, then compiled if it can be). */
    Val call(String export, Val... args) {
      Val first = instance.getFunc(export).call(args)[0];
      Val second = instance.getFunc(export).call(args)[0];
      assertEquals(first.toString(), second.toString(), export);
      return first;
    }

    /** Asserts how many functions were left to the interpreter for {@code reason}, and compiled. */
    void assertCounted(String reason, int interpreted, int compiled) {
      if (compiles) {
        Map<String, Long> stats = module.executorStatistics();
        assertEquals(interpreted, stats.get("interpreted." + reason), stats.toString());
        assertEquals(compiled, stats.get("compiled"), stats.toString());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void functionsWithMoreParametersThanADescriptorHoldsAreInterpretedAndCalledBoxed(
      String executor, CompilationMode mode) {
    for (int[] shape : new int[][] {{127, ModuleBuilder.I64}, {254, ModuleBuilder.I32},
        {1000, ModuleBuilder.I64}}) {
      int n = shape[0];
      Run run = new Run(executor, mode, HostileModules.manyParams(n, (byte) shape[1]));
      long sum = (long) n * (n + 1) / 2;
      Val[] args = new Val[n];
      for (int i = 0; i < n; i++) {
        args[i] = shape[1] == ModuleBuilder.I32 ? Val.i32(i + 1) : Val.i64(i + 1);
      }
      assertEquals(sum, run.call("sum", args).i64(), "sum " + n);
      assertEquals(sum, run.call("relay", args).i64(), "relay " + n);
      assertEquals(sum, run.call("caller").i64(), "caller " + n);
      assertEquals(sum, run.call("indirect").i64(), "indirect " + n);
      // sum and relay have no typed entry; caller and indirect are compiled, even with 1,000
      // boxed arguments: constants, which they push as immediates (Registers)
      run.assertCounted("too_many_params", 2, 2);
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void parametersJustWithinTheLimitAreCompiled(String executor, CompilationMode mode) {
    int n = JvmLimits.INVOKER_SLOTS - 2; // i32s: one slot each, then the instance and the budget
    Run run = new Run(executor, mode, HostileModules.manyParams(n, ModuleBuilder.I32));
    Val[] args = new Val[n];
    for (int i = 0; i < n; i++) {
      args[i] = Val.i32(i + 1);
    }
    long sum = (long) n * (n + 1) / 2;
    for (String export : List.of("caller", "indirect")) {
      assertEquals(sum, run.call(export).i64(), export);
    }
    for (String export : List.of("sum", "relay")) {
      assertEquals(sum, run.call(export, args).i64(), export);
    }
    run.assertCounted("too_many_params", 0, 4);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void aNameLongerThanAClassFileStringIsKeptWholeInBacktraces(String executor,
      CompilationMode mode) {
    String name = "\u00e9".repeat(50_000) + "!"; // 100,001 bytes of UTF-8
    Run run = new Run(executor, mode, HostileModules.named(name));
    for (int i = 0; i < 2; i++) {
      TrapException trap = assertThrows(TrapException.class, () -> run.instance.getFunc("trap").call());
      assertEquals(List.of(name), trap.backtrace());
    }
    assertEquals(1, run.call("one").i32());
    run.assertCounted("too_large", 0, 2);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void aBrTableTooLargeForAMethodIsInterpreted(String executor, CompilationMode mode) {
    int n = 3000; // a tableswitch of 12 KB, beyond a chunk HotSpot compiles
    Run run = new Run(executor, mode, HostileModules.brTable(n));
    assertEquals(1234, run.call("pick", Val.i32(1234)).i32());
    assertEquals(n - 1, run.call("pick", Val.i32(-1)).i32());
    run.assertCounted("too_large", 1, 0);
    Run same = new Run(executor, mode, HostileModules.brTableSameTarget(200_000));
    assertEquals(77, same.call("pick", Val.i32(77)).i32());
    same.assertCounted("too_large", 1, 0);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void aFunctionOverTheSizeBudgetIsInterpreted(String executor, CompilationMode mode) {
    Run run = new Run(executor, mode, HostileModules.deepStack(70_000)); // 210 KB
    assertEquals(70_000, run.call("sum").i32());
    run.assertCounted("too_large", 1, 0);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void deepStacksDeepNestingAndManyLocalsWithinTheBudgetAreCompiled(String executor,
      CompilationMode mode) {
    Run stack = new Run(executor, mode, HostileModules.deepStack(10_000));
    assertEquals(10_000, stack.call("sum").i32());
    stack.assertCounted("too_large", 0, 1);
    Run ifs = new Run(executor, mode, HostileModules.nestedIfs(20_000));
    assertEquals(42, ifs.call("f", Val.i32(41)).i32());
    assertEquals(0, ifs.call("f", Val.i32(0)).i32());
    ifs.assertCounted("too_large", 0, 1);
    Run locals = new Run(executor, mode, HostileModules.manyLocals(40_000));
    assertEquals(8, locals.call("f", Val.i32(7)).i32());
    locals.assertCounted("too_large", 0, 1);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void manyLocalReadsOnTheStackAndDeepLoopNestsRunRight(String executor, CompilationMode mode) {
    // the translator's shortcuts for hostile shapes (TranslatorScaleTest): the copies it makes
    // past 1,024 stacked local reads, and a deep nest of loops
    for (int n : new int[] {1000, 3000}) {
      Run run = new Run(executor, mode, HostileModules.stackedLocalsAcrossWrites(n));
      assertEquals(n * 5 + n, run.call("f", Val.i32(5)).i32(), "stacked " + n);
      Run sums = new Run(executor, mode, HostileModules.stackedSumsAcrossWrites(n));
      assertEquals(n * (5 + 9) + n * (5 + 5) + 9 + n,
          sums.call("f", Val.i32(5), Val.i32(9)).i32(), "sums " + n);
      Run loops = new Run(executor, mode, HostileModules.nestedLoops(n));
      assertEquals(7 + n, loops.call("f", Val.i32(7)).i32(), "loops " + n);
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void moreConstantsThanAClassHoldsAreInterpreted(String executor, CompilationMode mode) {
    int n = 40_000; // 80,000 constant-pool entries as distinct longs
    Run run = new Run(executor, mode, HostileModules.manyConstants(n));
    assertEquals(HostileModules.manyConstantsSum(n), run.call("sum").i64());
    run.assertCounted("too_large", 1, 0);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void aBigFunctionOfEveryShapeCompilesOrFallsBackAndRunsRight(String executor, CompilationMode mode) {
    assertTrue(Chunks.BUDGET * (long) JvmLimits.MAX_CHUNKS >= 1_000_000, "a useful budget");
    Run run = new Run(executor, mode, HostileModules.brTable(500)); // fits a chunk
    assertEquals(499, run.call("pick", Val.i32(600)).i32());
    assertEquals(3, run.call("pick", Val.i32(3)).i32());
    run.assertCounted("too_large", 0, 1);
  }
}
