package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * Loop regions ({@link RegionTiering}): a function too large to be compiled whole soon (here
 * every function, through the test knob) has its hot loop nest compiled alone, which the
 * interpreter runs from the nest's headers and which gives control back where it leaves the
 * nest. Everything is compared with the {@code switch} interpreter: results, memory, traps and the
 * frames they name, fuel left.
 */
class RegionTest {
  /**
   * {@code run(n, r, t, o)}: for i in 0..n { tick(i); for j in 0..=i { acc = acc * 31 + (i ^ j) * 31;
   * mem[(j & 63) * 4] += acc; if (i == r && j == 1) return acc } 1 / (i - t); if (i == o) load
   * at -16 } return acc. So {@code r} returns from inside the inner loop, {@code t} traps
   * (division by zero) and {@code o} traps (out of bounds) in the outer one; {@code outer} calls
   * run, {@code sum} adds the first 64 words of memory, {@code calls(n)} adds {@code mix(i)} for
   * i in 0..n.
   */
  private static final byte[] NEST = new ModuleBuilder()
      .importFunc("host", "tick", 1, 1)
      .func("mix", 1, 1, 0x20, 0, 0x41, 0x1F, 0x6C, 0x20, 0, 0x41, 3, 0x76, 0x73)
      .funcWithLocals("run", 4, 1, 3,
          0x02, 0x40, 0x03, 0x40,
          0x20, 4, 0x20, 0, 0x4E, 0x0D, 1,
          0x20, 4, 0x10, 0, 0x1A,
          0x41, 0, 0x21, 5,
          0x02, 0x40, 0x03, 0x40,
          0x20, 5, 0x20, 4, 0x4A, 0x0D, 1,
          0x20, 6, 0x41, 0x1F, 0x6C,
          0x20, 4, 0x20, 5, 0x73, 0x41, 0x1F, 0x6C,
          0x6A, 0x21, 6,
          0x20, 5, 0x41, 0x3F, 0x71, 0x41, 2, 0x74,
          0x20, 5, 0x41, 0x3F, 0x71, 0x41, 2, 0x74, 0x28, 2, 0,
          0x20, 6, 0x6A, 0x36, 2, 0,
          0x20, 4, 0x20, 1, 0x46, 0x20, 5, 0x41, 1, 0x46, 0x71, 0x04, 0x40, 0x20, 6, 0x0F, 0x0B,
          0x20, 5, 0x41, 1, 0x6A, 0x21, 5,
          0x0C, 0,
          0x0B, 0x0B,
          0x41, 1, 0x20, 4, 0x20, 2, 0x6B, 0x6D, 0x1A,
          0x20, 4, 0x20, 3, 0x46, 0x04, 0x40, 0x41, 0x70, 0x28, 2, 0, 0x1A, 0x0B,
          0x20, 4, 0x41, 1, 0x6A, 0x21, 4,
          0x0C, 0,
          0x0B, 0x0B,
          0x20, 6)
      .func("outer", 4, 1, 0x20, 0, 0x20, 1, 0x20, 2, 0x20, 3, 0x10, 2)
      .funcWithLocals("sum", 0, 1, 2,
          0x03, 0x40,
          0x20, 1, 0x20, 0, 0x28, 2, 0, 0x6A, 0x21, 1,
          0x20, 0, 0x41, 4, 0x6A, 0x22, 0,
          0x41, 0x80, 2, 0x48, 0x0D, 0,
          0x0B,
          0x20, 1)
      .funcWithLocals("calls", 1, 1, 2,
          0x03, 0x40,
          0x20, 2, 0x20, 1, 0x10, 1, 0x6A, 0x21, 2,
          0x20, 1, 0x41, 1, 0x6A, 0x22, 1,
          0x20, 0, 0x48, 0x0D, 0,
          0x0B,
          0x20, 2)
      .withMemory(1).withNames().build();

  @BeforeEach
  void everyFunctionIsHuge() {
    RegionTiering.bodyBytesForTests = 1;
    RegionTiering.passesForTests = 10;
  }

  @AfterEach
  void defaults() {
    RegionTiering.bodyBytesForTests = 0;
    RegionTiering.passesForTests = 0;
  }

  /** True if a loop region's method is on the calling thread's stack. */
  private static boolean inRegion() {
    return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
        f.getClassName().startsWith("wasmj.gen." + ModuleClassLoader.REGION)));
  }

  /** An instance of {@link #NEST} on {@code config}, whose {@code tick} calls {@code tick}. */
  private static Instance nest(Config config, IntConsumer tick, List<Store<?>> stores) {
    Engine engine = new Engine(config);
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> {
      tick.accept(i);
      return 0;
    });
    Store<Void> store = Store.of(engine);
    stores.add(store);
    return linker.instantiate(store, Module.compile(engine, NEST));
  }

  private static Config tiered() {
    return Config.defaults().withExecutor("tiered").withTieringThreshold(1000)
        .withCompilerThreads(0);
  }

  /** What a call does: its result or its trap's kind and frames, and the memory's sum after it. */
  private static String outcome(Instance instance, String f, Val... args) {
    String result;
    try {
      result = "returned " + instance.getFunc(f).call(args)[0].i32();
    } catch (TrapException e) {
      result = e.kind() + " in " + e.backtrace();
    }
    return result + ", memory " + instance.getFunc("sum").call()[0].i32();
  }

  private static Val[] args(int n, int r, int t, int o) {
    return new Val[] {Val.i32(n), Val.i32(r), Val.i32(t), Val.i32(o)};
  }

  @Test
  void aHugeFunctionsLoopNestRunsCompiledAndLeavesWhereTheInterpreterWould() {
    boolean[] seen = new boolean[1];
    List<Store<?>> stores = new ArrayList<>();
    Instance tiered = nest(tiered(), i -> seen[0] |= inRegion(), stores);
    Instance reference = nest(Config.defaults().withExecutor("switch"), i -> {}, stores);
    int[][] calls = {
        {40, -1, -1, -1}, // to the end
        {40, 25, -1, -1}, // returns from the inner loop
        {40, -1, 30, -1}, // divides by zero in the outer loop
        {40, -1, -1, 33}, // out of bounds in the outer loop
        {60, 50, -1, -1},
    };
    for (int[] c : calls) {
      for (String f : new String[] {"run", "outer"}) {
        assertEquals(outcome(reference, f, args(c[0], c[1], c[2], c[3])),
            outcome(tiered, f, args(c[0], c[1], c[2], c[3])), f + java.util.Arrays.toString(c));
      }
    }
    java.util.Map<String, Long> statistics = tiered.module().executorStatistics();
    assertTrue(seen[0], "no loop region ran " + statistics);
    assertTrue(statistics.get("regions.compiled") > 0, statistics.toString());
    assertEquals(0, statistics.get("interpreted.generation_failed"));
  }

  @Test
  void aNestCallingAFunctionThatRunsInterpretedStaysInterpreted() {
    List<Store<?>> stores = new ArrayList<>();
    Instance tiered = nest(tiered(), i -> {}, stores);
    Instance reference = nest(Config.defaults().withExecutor("switch"), i -> {}, stores);
    assertEquals(reference.getFunc("calls").call(Val.i32(500))[0].i32(),
        tiered.getFunc("calls").call(Val.i32(500))[0].i32());
    java.util.Map<String, Long> statistics = tiered.module().executorStatistics();
    assertEquals(0, statistics.get("regions.compiled"), statistics.toString());
    assertTrue(statistics.get("regions.refused") > 0, statistics.toString());
  }

  @Test
  void aTrapInALoopRegionNamesEachFrameOnce() {
    boolean[] seen = new boolean[1];
    Instance tiered = nest(tiered(), i -> seen[0] |= inRegion(), new ArrayList<>());
    TrapException trap = assertThrows(TrapException.class,
        () -> tiered.getFunc("outer").call(args(40, -1, 30, -1)));
    assertTrue(seen[0], "no loop region ran");
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.kind());
    assertEquals(List.of("run", "outer"), trap.backtrace());
  }

  @Test
  void fuelRunsOutAtTheSamePlaceInALoopRegion() {
    for (long fuel : new long[] {3_000, 7_777, 20_000, 1L << 40}) {
      List<Store<?>> stores = new ArrayList<>();
      boolean[] seen = new boolean[1];
      Instance tiered = nest(tiered().withFuel(true), i -> seen[0] |= inRegion(), stores);
      Instance reference = nest(Config.defaults().withExecutor("switch").withFuel(true), i -> {},
          stores);
      stores.forEach(s -> s.setFuel(fuel));
      String[] outcomes = new String[2];
      Instance[] instances = {tiered, reference};
      for (int k = 0; k < 2; k++) {
        try {
          outcomes[k] = "returned " + instances[k].getFunc("run").call(args(60, -1, -1, -1))[0].i32();
        } catch (TrapException e) {
          outcomes[k] = e.kind().toString();
        }
        outcomes[k] += ", fuel left " + stores.get(k).fuel();
        stores.get(k).setFuel(1L << 40);
        outcomes[k] += ", memory " + instances[k].getFunc("sum").call()[0].i32();
      }
      assertEquals(outcomes[1], outcomes[0], "fuel " + fuel);
      assertTrue(seen[0] || fuel < 10_000, "no loop region ran with fuel " + fuel);
    }
  }

  @Test
  void anEpochDeadlineStopsALoopRegionAsItStopsTheInterpreter() {
    Engine[] engines = {new Engine(tiered().withEpochInterruption(true)),
        new Engine(Config.defaults().withExecutor("switch").withEpochInterruption(true))};
    boolean[] seen = new boolean[1];
    String[] outcomes = new String[2];
    for (int e = 0; e < 2; e++) {
      Engine engine = engines[e];
      Linker<Void> linker = new Linker<>(engine);
      linker.funcWrap("host", "tick", HostType.I32, HostType.I32, (caller, i) -> {
        seen[0] |= inRegion();
        if (i == 35) {
          engine.incrementEpoch();
        }
        return 0;
      });
      Store<Void> store = Store.of(engine);
      Instance instance = linker.instantiate(store, Module.compile(engine, NEST));
      store.setEpochDeadline(1);
      TrapException trap = assertThrows(TrapException.class,
          () -> instance.getFunc("run").call(args(50, -1, -1, -1)));
      store.setEpochDeadline(1000);
      outcomes[e] = trap.kind() + ", memory " + instance.getFunc("sum").call()[0].i32();
    }
    assertEquals(outcomes[1], outcomes[0]);
    assertTrue(outcomes[0].startsWith(TrapKind.INTERRUPT.toString()), outcomes[0]);
    assertTrue(seen[0], "no loop region ran");
  }
}
