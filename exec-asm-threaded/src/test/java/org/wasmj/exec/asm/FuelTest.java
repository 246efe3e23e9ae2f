package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.ResourceLimiter;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Instrumenter;

/**
 * Fuel: every executor consumes the same fuel for the same calls (tiered in interpreted,
 * compiled and on-stack-replaced code alike), traps {@code all fuel consumed by WebAssembly}
 * when it runs out, leaves the same fuel after a trap, and charges {@code memory.grow} and bulk
 * ops by size. The guests are {@code control.wat}'s and {@code bulk.wat}'s.
 */
class FuelTest {
  static Map<String, Config> configs() {
    Config base = Config.defaults().withFuel(true);
    Map<String, Config> configs = ExecutorConfigs.everyExecutor(base);
    configs.put("asm with epochs too", base.withExecutor("asm").withEpochInterruption(true));
    return configs;
  }

  static Stream<String> configNames() {
    return configs().keySet().stream();
  }

  /** Fuel {@code sum(n)} consumes on the switch executor, the reference. */
  private static long sumCost(int n) {
    Instance i = InterruptionTest.instantiate(new Engine(configs().get("switch")), () -> {});
    Store<?> store = InterruptionTest.lastStore();
    store.setFuel(Long.MAX_VALUE);
    i.getFunc("sum").call(Val.i32(n));
    return Long.MAX_VALUE - store.fuel();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void everyExecutorConsumesTheSameFuel(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance i = InterruptionTest.instantiate(engine, () -> {});
    Store<?> store = InterruptionTest.lastStore();
    for (int n : new int[] {0, 1, 10, 1000, 100_000}) { // long enough to tier and enter by OSR
      store.setFuel(1L << 40);
      assertEquals(n * (n + 1L) / 2 & 0xFFFFFFFFL, i.getFunc("sum").call(Val.i32(n))[0].i32() & 0xFFFFFFFFL);
      assertEquals(sumCost(n), (1L << 40) - store.fuel(), config + ": sum(" + n + ")");
    }
    long perIteration = sumCost(11) - sumCost(10);
    assertTrue(perIteration > 0 && perIteration < 20, "an iteration costs " + perIteration);
    assertEquals(sumCost(10) + 90 * perIteration, sumCost(100), "the cost is linear in the iterations");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void runningOutTrapsAndLeavesTheSameFuel(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance i = InterruptionTest.instantiate(engine, () -> {});
    Store<?> store = InterruptionTest.lastStore();
    store.setFuel(5_000);
    TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("spin").call());
    assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
    assertEquals("all fuel consumed by WebAssembly", trap.getMessage());
    long left = store.fuel();
    assertTrue(left >= 0 && left < 20, "left " + left);
    Instance reference = InterruptionTest.instantiate(new Engine(configs().get("switch")), () -> {});
    Store<?> referenceStore = InterruptionTest.lastStore();
    referenceStore.setFuel(5_000);
    assertThrows(TrapException.class, () -> reference.getFunc("spin").call());
    assertEquals(referenceStore.fuel(), left, "fuel left after the trap");
    assertThrows(TrapException.class, () -> i.getFunc("tree").call(Val.i32(30)));
    store.setFuel(sumCost(10));
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32(), "exactly enough fuel");
    assertEquals(0, store.fuel());
    store.setFuel(sumCost(10) - 1);
    assertThrows(TrapException.class, () -> i.getFunc("sum").call(Val.i32(10)), "one less");
  }

  /**
   * A run is charged whole before it starts, its calls and what follows them included
   * (Instrumenter's cost model): {@code triggerThenFill}'s one run has paid for everything when its
   * host call starts (the fill of a memory of 0 pages costs nothing more), and a trap in the
   * callee gives nothing back.
   */
  /**
   * A conditional branch does not end a run (as in Wasmi): {@code sum}'s loop, rotated (its jump
   * back runs its exit test), costs 1 for the test on entry, then one run per iteration, charged
   * 4 (add, sub, the test that jumps back, and the br out that follows it) each pass, the last
   * one (whose test falls through to the br out) too, then 1 for the return.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aConditionalBranchDoesNotEndARun(String config) {
    Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {});
    Store<?> store = InterruptionTest.lastStore();
    for (int n : new int[] {0, 1, 10, 5_000}) {
      store.setFuel(1_000_000);
      i.getFunc("sum").call(Val.i32(n));
      assertEquals(4L * n + 2, 1_000_000 - store.fuel(), config + ": sum(" + n + ")");
    }
  }

  /**
   * A rotated loop ({@code countTo}, top-tested: its jump back runs the exit test, and every
   * executor, tiering ones with their {@code count_loop} after the test, runs it so) runs out of
   * fuel mid-loop at the same pass as the reference, leaving the same fuel: with every amount of
   * fuel around the cost of each of its first passes, three times (the last ones in compiled
   * code on asm and tiered), then in a loop long enough to tier up and enter compiled code by
   * OSR, running out near its end.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aRotatedLoopRunsOutMidLoopAtTheReferencePass(String config) {
    Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {});
    Store<?> store = InterruptionTest.lastStore();
    Instance reference = InterruptionTest.instantiate(new Engine(configs().get("switch")), () -> {});
    Store<?> referenceStore = InterruptionTest.lastStore();
    for (int round = 0; round < 3; round++) {
      for (long fuel = 0; fuel <= 40; fuel++) {
        assertSamePasses(i, store, reference, referenceStore, 8, fuel, config);
      }
    }
    i.getGlobal("passes").set(Val.i32(0));
    store.setFuel(1L << 40);
    i.getFunc("countTo").call(Val.i32(200_000));
    long cost = (1L << 40) - store.fuel();
    for (long less : new long[] {1, 2, 3, 1_001}) {
      String trap = assertSamePasses(i, store, reference, referenceStore, 200_000, cost - less,
          config);
      assertTrue(trap.contains("all fuel consumed"), config + ": " + trap);
    }
  }

  /**
   * Byte loops whose passes generated code counts on entry and runs uncharged when the fuel pays
   * for all of them (FunctionCompiler's funded loops): {@code copyBy} (top-tested, its stride a
   * register: 1, -1, or 2, which is never funded) and {@code setDown} (bottom-tested, down to 0),
   * with every amount of fuel from none to more than enough, near the end of memory so that
   * some passes trap out of bounds: each call ends as the reference's does, leaving the same
   * fuel and the same memory; twice, the second time with funded loops off in generated code.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void countedByteLoopsLeaveTheReferenceFuelAndMemory(String config) {
    int end = 65_536;
    int[][] calls = { // setDown dst v n, or copyBy dst src n step (step not 0)
        {0, 7, 60, 0}, {end - 5, 9, 30, 0}, {100, 0, 40, 1}, {end - 10, 0, 20, 1},
        {300, 20, -30, -1}, {end - 40, 50, 60, 2}};
    assertLoopsLikeReference(config, "", x -> {}, calls, c -> 6L * Math.abs(c[2]) + 20,
        FuelTest::byteLoop);
  }

  /**
   * A float loop whose counter steps by the constant 4 (FunctionCompiler's funded loops, as
   * MATRIX_MUL's inner loop): {@code sumBy4} with every amount of fuel from none to more than
   * enough, its loads (by the array's bounds or by generated code's wrap check) or its stores
   * (after the counter's step) trapping out of bounds in some pass, or never ending ({@code n} not a multiple of 4, or 0): each call ends as the
   * reference's does, with the same result, fuel left and memory; twice, the second time with
   * funded loops off in generated code.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void countedFloatLoopsLeaveTheReferenceFuelAndMemory(String config) {
    int end = 65_536;
    int[][] calls = { // p dst n
        {0, 4_000, 64}, {end - 24, 8_000, 40}, {100, end - 30, 64}, {0, 12_000, 6},
        {0, 12_000, 0}, {-4, 4_000, 64}}; // (the last one's address wraps: its bounds check)
    assertLoopsLikeReference(config, "sumBy4 ", x -> {
      for (int a = 0; a < end; a += 4) { // 1.0f, 2.0f, ... (exact sums)
        x.getMemory("memory").write(a, floatBytes(a / 4 % 64 + 1));
      }
    }, calls, c -> 2L * c[2] + 40, FuelTest::sumBy4);
  }

  /**
   * The same loops with the counter's step right before the back-edge's test, which the
   * translator fuses into one add-and-branch op ({@code sumBy4Stepped}: {@code i != n}, step 4;
   * {@code setDownStepped}: {@code n != 0}, step -1): funded as the unfused ones are, every call
   * ends as the reference's does, with the same result, fuel left and memory; twice, the second
   * time with funded loops off in generated code.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void loopsSteppedByTheirBackEdgeLeaveTheReferenceFuelAndMemory(String config) {
    int end = 65_536;
    int[][] sums = { // p dst n
        {0, 4_000, 64}, {end - 24, 8_000, 40}, {100, end - 30, 64}, {0, 12_000, 6}, {0, 12_000, 0}};
    assertLoopsLikeReference(config, "sumBy4Stepped ", x -> {
      for (int a = 0; a < end; a += 4) {
        x.getMemory("memory").write(a, floatBytes(a / 4 % 64 + 1));
      }
    }, sums, c -> 2L * c[2] + 40, (i, c) -> Float.floatToRawIntBits(i.getFunc("sumBy4Stepped")
        .call(Val.i32(c[0]), Val.i32(c[1]), Val.i32(c[2]))[0].f32()));
    int[][] sets = {{60, 7, 50}, {10, 9, 30}, {0, 5, 3}}; // dst v n (the last traps at once)
    assertLoopsLikeReference(config, "setDownStepped ", x -> {}, sets, c -> 5L * c[2] + 20,
        (i, c) -> {
          i.getFunc("setDownStepped").call(Val.i32(c[0]), Val.i32(c[1]), Val.i32(c[2]));
          return 0;
        });
  }

  /**
   * Runs {@code call} with each of {@code calls} on an instance of {@code config} and on one of
   * {@code switch} (the reference), both given a page of memory and then {@code ready}, with
   * every amount of fuel from none to {@code maxFuel} of the call: each call must end as the
   * reference's does, leaving the same fuel and the same memory; twice, the second time with
   * funded loops off in generated code.
   */
  private static void assertLoopsLikeReference(String config, String label,
      java.util.function.Consumer<Instance> ready, int[][] calls,
      java.util.function.ToLongFunction<int[]> maxFuel,
      java.util.function.ToIntBiFunction<Instance, int[]> call) {
    for (boolean funded : new boolean[] {true, false}) {
      FunctionCompiler.fundLoops = funded;
      try {
        Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {});
        Store<?> store = InterruptionTest.lastStore();
        Instance reference =
            InterruptionTest.instantiate(new Engine(configs().get("switch")), () -> {});
        Store<?> referenceStore = InterruptionTest.lastStore();
        int end = 65_536;
        store.setFuel(1_000_000);
        referenceStore.setFuel(1_000_000);
        for (Instance x : new Instance[] {i, reference}) {
          x.getFunc("grow").call(Val.i32(1));
          ready.accept(x);
        }
        for (int[] c : calls) {
          for (long fuel = 0; fuel <= maxFuel.applyAsLong(c); fuel++) {
            store.setFuel(fuel);
            referenceStore.setFuel(fuel);
            String where = config + (funded ? "" : " (no funded loops)") + ": " + label
                + java.util.Arrays.toString(c) + " with fuel " + fuel;
            String expected = outcome(() -> call.applyAsInt(reference, c));
            assertEquals(expected, outcome(() -> call.applyAsInt(i, c)), where);
            assertEquals(referenceStore.fuel(), store.fuel(), where + ": fuel left (" + expected + ")");
            assertArrayEquals(reference.getMemory("memory").read(0, end),
                i.getMemory("memory").read(0, end), where + ": memory");
          }
        }
      } finally {
        FunctionCompiler.fundLoops = true;
      }
    }
  }

  private static int sumBy4(Instance i, int[] c) {
    return Float.floatToRawIntBits(
        i.getFunc("sumBy4").call(Val.i32(c[0]), Val.i32(c[1]), Val.i32(c[2]))[0].f32());
  }

  private static byte[] floatBytes(float f) {
    int bits = Float.floatToRawIntBits(f);
    return new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)};
  }

  /** Runs {@code calls}' entry {@code c} on {@code i}. */
  private static int byteLoop(Instance i, int[] c) {
    if (c[3] != 0) {
      i.getFunc("copyBy").call(Val.i32(c[0]), Val.i32(c[1]), Val.i32(c[2]), Val.i32(c[3]));
    } else {
      i.getFunc("setDown").call(Val.i32(c[0]), Val.i32(c[1]), Val.i32(c[2]));
    }
    return 0;
  }

  /**
   * {@code countTo(n)} from no passes with {@code fuel} on {@code i} and on the reference: the
   * same outcome, passes made and fuel left; returns the outcome.
   */
  private static String assertSamePasses(Instance i, Store<?> store, Instance reference,
      Store<?> referenceStore, int n, long fuel, String config) {
    i.getGlobal("passes").set(Val.i32(0));
    reference.getGlobal("passes").set(Val.i32(0));
    store.setFuel(fuel);
    referenceStore.setFuel(fuel);
    String expected = outcome(() -> {
      reference.getFunc("countTo").call(Val.i32(n));
      return 0;
    });
    String where = config + ": countTo(" + n + ") with fuel " + fuel;
    assertEquals(expected, outcome(() -> {
      i.getFunc("countTo").call(Val.i32(n));
      return 0;
    }), where);
    assertEquals(reference.getGlobal("passes").get().i32(), i.getGlobal("passes").get().i32(),
        where + ": passes made (" + expected + ")");
    assertEquals(referenceStore.fuel(), store.fuel(), where + ": fuel left (" + expected + ")");
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aRunIsPaidWholeBeforeItsCalls(String config) {
    long[] seen = new long[1];
    boolean[] fail = new boolean[1];
    Store<?>[] store = new Store<?>[1];
    Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {
      seen[0] = store[0].fuel();
      if (fail[0]) {
        throw new IllegalStateException("the host fails");
      }
    });
    store[0] = InterruptionTest.lastStore();
    store[0].setFuel(1_000);
    i.getFunc("triggerThenFill").call();
    assertTrue(seen[0] < 1_000 - 2, "the host saw " + seen[0]);
    assertEquals(seen[0], store[0].fuel(), "paid before the call for what follows it");
    long cost = 1_000 - seen[0];
    store[0].setFuel(1_000);
    fail[0] = true;
    assertThrows(TrapException.class, () -> i.getFunc("triggerThenFill").call());
    assertEquals(1_000 - cost, store[0].fuel(), "a trap in the callee gives nothing back");
    store[0].setFuel(cost - 1);
    seen[0] = -1;
    assertEquals(TrapKind.OUT_OF_FUEL,
        assertThrows(TrapException.class, () -> i.getFunc("triggerThenFill").call()).kind());
    assertEquals(-1, seen[0], "a run it cannot pay for does not start");
    assertEquals(cost - 1, store[0].fuel());
  }

  /**
   * Fuel crosses direct calls exactly, however deep: {@code down(n)} recurses n deep (beyond one
   * thread's stack, so generated code moves on to a fresh one), and consumes, runs out, or finds the
   * call stack exhausted leaving the fuel the reference leaves.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void fuelCrossesDeepRecursionExactly(String config) {
    Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {});
    Store<?> store = InterruptionTest.lastStore();
    Instance reference = InterruptionTest.instantiate(new Engine(configs().get("switch")), () -> {});
    Store<?> referenceStore = InterruptionTest.lastStore();
    for (long fuel : new long[] {1_000_000, 50_000, 3}) {
      for (int n : new int[] {10, 15_000, 30_000}) {
        store.setFuel(fuel);
        referenceStore.setFuel(fuel);
        String expected = outcome(() -> reference.getFunc("down").call(Val.i32(n))[0].i32());
        assertEquals(expected, outcome(() -> i.getFunc("down").call(Val.i32(n))[0].i32()),
            config + ": down(" + n + ") with fuel " + fuel);
        assertEquals(referenceStore.fuel(), store.fuel(),
            config + ": fuel left by down(" + n + ") with fuel " + fuel + " (" + expected + ")");
      }
    }
  }

  /**
   * A leaf of {@code fib}'s recursion is one run of two instructions, the compare-and-branch and
   * the return of {@code n} (the copy into the if's result register folded into the return, as
   * the translator does), and every other call two runs, 2 + 6 (two subtractions and calls, the
   * add, the return): {@code fib(n)} makes {@code c} calls, {@code (c - 1) / 2} of them not
   * leaves. The same on every executor, and with one fuel less it runs out.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aLeafReturnsItsParameterInOneRunOfTwo(String config) {
    Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {});
    Store<?> store = InterruptionTest.lastStore();
    int[] fib = new int[22];
    fib[1] = 1;
    for (int k = 2; k < fib.length; k++) {
      fib[k] = fib[k - 1] + fib[k - 2];
    }
    for (int n : new int[] {0, 1, 2, 10, 20}) {
      long calls = 2L * fib[n + 1] - 1;
      long cost = 2 * calls + 6 * ((calls - 1) / 2);
      store.setFuel(cost);
      assertEquals(fib[n], i.getFunc("fib").call(Val.i32(n))[0].i32(), config + ": fib(" + n + ")");
      assertEquals(0, store.fuel(), config + ": fuel left by fib(" + n + ")");
      store.setFuel(cost - 1);
      assertThrows(TrapException.class, () -> i.getFunc("fib").call(Val.i32(n)),
          config + ": fib(" + n + ") with one fuel less");
    }
  }

  /**
   * Running out anywhere leaves what the reference leaves: {@code down(6)} with every amount of
   * fuel from none to enough, so that it runs out at each of its charges in turn, those that
   * generated code tests late and together included (a recursive run's charge with the entry's
   * before it, FunctionCompiler.planDeferredCharges) — whether the first or the second of the
   * two runs out.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void runningOutAtEachChargeLeavesTheReferenceFuel(String config) {
    Instance i = InterruptionTest.instantiate(new Engine(configs().get(config)), () -> {});
    Store<?> store = InterruptionTest.lastStore();
    Instance reference = InterruptionTest.instantiate(new Engine(configs().get("switch")), () -> {});
    Store<?> referenceStore = InterruptionTest.lastStore();
    referenceStore.setFuel(1_000);
    reference.getFunc("down").call(Val.i32(6));
    long enough = 1_000 - referenceStore.fuel();
    for (int round = 0; round < 3; round++) { // the last ones in compiled code, on asm and tiered
      for (long fuel = 0; fuel <= enough; fuel++) {
        store.setFuel(fuel);
        referenceStore.setFuel(fuel);
        String expected = outcome(() -> reference.getFunc("down").call(Val.i32(6))[0].i32());
        assertEquals(expected, outcome(() -> i.getFunc("down").call(Val.i32(6))[0].i32()),
            config + ": down(6) with fuel " + fuel);
        assertEquals(referenceStore.fuel(), store.fuel(), config + ": fuel left with " + fuel);
      }
    }
    assertTrue(enough > 10, "down(6) costs " + enough);
  }

  /**
   * The same two with every function split into chunks ({@code forcedChunkBudget}): a split
   * function's {@code invokeFuel} takes the fuel into the store and gives back what its chunks
   * left there to its caller ({@code InstanceState.fuelBack}).
   */
  @Test
  void splitFunctionsLeaveTheReferenceFuel() {
    FunctionCompiler.forcedChunkBudget = 10;
    try {
      for (String config : new String[] {"asm", "asm with epochs too"}) {
        runningOutAtEachChargeLeavesTheReferenceFuel(config);
        fuelCrossesDeepRecursionExactly(config);
      }
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  /** The result of {@code call}, or what it threw. */
  private static String outcome(java.util.function.IntSupplier call) {
    try {
      return "returned " + call.getAsInt();
    } catch (org.wasmj.WasmException e) { // a trap, or the call stack exhausted
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void growingAndFillingCostBySize(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance i = InterruptionTest.instantiate(engine, () -> {});
    Store<?> store = InterruptionTest.lastStore();
    store.setFuel(1_000_000);
    i.getFunc("grow").call(Val.i32(0));
    long base = 1_000_000 - store.fuel();
    store.setFuel(1_000_000);
    assertEquals(0, i.getFunc("grow").call(Val.i32(3))[0].i32());
    assertEquals(base + 3 * 1024, 1_000_000 - store.fuel(), "1,024 a page");
    store.setFuel(1_000_000);
    assertEquals(-1, i.getFunc("grow").call(Val.i32(70_000))[0].i32());
    assertEquals(base, 1_000_000 - store.fuel(), "nothing for a grow beyond the maximum");
    store.setFuel(base + 1024 - 1);
    assertThrows(TrapException.class, () -> i.getFunc("grow").call(Val.i32(1)));
    assertEquals(3, i.getMemory("memory").size(), "a grow it cannot pay for does not happen");
  }

  /** The guests of {@code bulk.wat}: each bulk memory and table op on a size from the host. */
  private static final byte[] BULK = InterruptionTest.resource("bulk.wasm");

  /** A fresh instance of {@link #BULK} under {@code config}, with its store. */
  private static Instance bulk(String config, Store<?>[] store) {
    Engine engine = new Engine(configs().get(config));
    Store<Void> s = Store.of(engine);
    store[0] = s;
    return new Linker<Void>(engine).instantiate(s, Module.compile(engine, BULK));
  }

  /** The fuel {@code op(n)} of {@link #BULK} consumes. */
  private static long bulkCost(Instance i, Store<?> store, String op, int n) {
    store.setFuel(1_000_000);
    i.getFunc(op).call(Val.i32(n));
    return 1_000_000 - store.fuel();
  }

  /**
   * {@code memory.fill}, {@code copy} and {@code init} cost one more per 64 bytes, their table
   * counterparts one more per 8 elements (rounded down), on every executor; an op whose size the
   * fuel cannot pay for traps before it changes anything, leaving the fuel the reference leaves.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void bulkOpsCostBySize(String config) {
    Store<?>[] store = new Store<?>[1];
    Instance i = bulk(config, store);
    long fillBase = bulkCost(i, store[0], "memory.fill", 0);
    store[0].setFuel(fillBase + 1024 / 64 - 1);
    assertEquals(TrapKind.OUT_OF_FUEL, assertThrows(TrapException.class,
        () -> i.getFunc("memory.fill").call(Val.i32(1024))).kind());
    long left = store[0].fuel();
    Store<?>[] reference = new Store<?>[1];
    Instance r = bulk("switch", reference);
    reference[0].setFuel(fillBase + 1024 / 64 - 1);
    assertThrows(TrapException.class, () -> r.getFunc("memory.fill").call(Val.i32(1024)));
    assertEquals(reference[0].fuel(), left, "the fuel left by a fill it cannot pay for");
    store[0].setFuel(1_000);
    assertEquals(0, i.getFunc("first").call()[0].i32(), "a fill it cannot pay for does not happen");
    for (String op : new String[] {"memory.fill", "memory.copy", "memory.init", "table.fill",
        "table.copy", "table.init"}) {
      int unit = op.startsWith("memory") ? 64 : 8;
      long base = bulkCost(i, store[0], op, 0);
      assertEquals(bulkCost(r, reference[0], op, 0), base, config + ": " + op + "(0)");
      for (int n : new int[] {1, unit - 1, unit, 5 * unit + 3, 64 * unit / 8}) {
        assertEquals(base + n / unit, bulkCost(i, store[0], op, n), config + ": " + op + "(" + n + ")");
      }
    }
  }

  /**
   * A {@code memory.grow} asks the store's limiter on every executor (in generated code too), which
   * sees the fuel the reference leaves at that moment; a refusal is -1, a limiter's exception a
   * host trap, each leaving the reference's fuel, and the store goes on.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aLimiterSeesTheReferenceFuelAndRefusesGrowsAsMinusOne(String config) {
    String[] names = {"switch", config};
    long[][] fuel = new long[2][];
    for (int k = 0; k < 2; k++) {
      Instance i = InterruptionTest.instantiate(new Engine(configs().get(names[k])), () -> {});
      Store<?> store = InterruptionTest.lastStore();
      long[] seen = new long[6];
      int[] asked = new int[1];
      store.setLimiter(new ResourceLimiter() {
        @Override
        public boolean memoryGrowing(long current, long desired, long maximum) {
          seen[asked[0]++] = store.fuel();
          if (desired > 3 * 65536) {
            throw new IllegalStateException("the limiter fails");
          }
          return desired <= 2 * 65536;
        }

        @Override
        public boolean tableGrowing(long current, long desired, long maximum) {
          return true;
        }
      });
      store.setFuel(100_000);
      assertEquals(0, i.getFunc("grow").call(Val.i32(1))[0].i32(), names[k]);
      seen[3] = store.fuel();
      assertEquals(-1, i.getFunc("grow").call(Val.i32(2))[0].i32(), names[k] + ": refused");
      seen[4] = store.fuel();
      assertEquals(TrapKind.HOST, assertThrows(TrapException.class,
          () -> i.getFunc("grow").call(Val.i32(3))).kind(), names[k]);
      seen[5] = store.fuel();
      assertEquals(3, asked[0], names[k] + ": the limiter was asked for each grow");
      assertEquals(1, i.getFunc("grow").call(Val.i32(0))[0].i32(), names[k] + ": goes on");
      fuel[k] = seen;
    }
    assertTrue(fuel[0][0] < 100_000 - 1024, "the grow's cost was paid before the limiter: " + fuel[0][0]);
    assertArrayEquals(fuel[0], fuel[1], config + ": fuel seen by the limiter (3), left after each call (3)");
  }

  @Test
  void withoutTheConfigThereIsNoFuelAndNoFuelCode() {
    Store<Void> plain = Store.of(new Engine());
    assertThrows(IllegalStateException.class, () -> plain.setFuel(1));
    assertThrows(IllegalStateException.class, plain::fuel);
    Store<Void> metered = Store.of(new Engine(Config.defaults().withFuel(true)));
    assertEquals(0, metered.fuel());
    assertThrows(IllegalArgumentException.class, () -> metered.setFuel(-1));
    CompiledFunction f = new CompiledFunction(new int[] {org.wasmj.ir.Op.RETURN.ordinal()}, 0, 0, 0);
    assertSame(f, Instrumenter.instrument(f, false, false));
  }
}
