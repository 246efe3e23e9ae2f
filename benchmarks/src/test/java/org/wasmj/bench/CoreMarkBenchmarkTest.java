package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CoreMarkBenchmarkTest {

  @Test
  void theClockCountsMillisecondsFromItsFirstCall() throws InterruptedException {
    CoreMarkBenchmark.MillisSinceFirstCall clock = new CoreMarkBenchmark.MillisSinceFirstCall();
    assertEquals(0, clock.getAsLong());
    Thread.sleep(30);
    long later = clock.getAsLong();
    assertTrue(later >= 30 && later < 10_000, "ms after 30 ms of sleep: " + later);
  }

  @Test
  void theCpuScoreScalesTheScoreByWallOverCpuTimeBetweenTheLastTwoReadings()
      throws InterruptedException {
    CoreMarkBenchmark.MillisSinceFirstCall clock = new CoreMarkBenchmark.MillisSinceFirstCall();
    clock.getAsLong();
    spin(40);
    clock.getAsLong(); // a calibration batch: the readings before the last two do not count
    spin(40);
    clock.getAsLong();
    assertTrue(clock.cpuScore(1000) >= 990, "wall >= CPU time: " + clock.cpuScore(1000));
    spin(40);
    Thread.sleep(200); // wall without CPU: a thread waiting for a core
    clock.getAsLong();
    double waited = clock.cpuScore(1000);
    assertTrue(waited > 4000, "240 ms of wall, at most ~40 ms of CPU: " + waited);
    assertEquals(0, clock.cpuScore(0)); // a rejected run
  }

  /** Keeps this thread busy for {@code ms} of wall time. */
  private static void spin(long ms) {
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aRejectedRunIsRepeatedAndItsScoreKept() {
    int[] calls = {0};
    long[] answers = {0, Float.floatToIntBits(1234.5f)};
    float score = CoreMarkBenchmark.score(args -> answers[calls[0]++], 3);
    assertEquals(1234.5f, score);
    assertEquals(2, calls[0]);
  }

  @Test
  void aRuntimeThatNeverScoresFailsTheRun() {
    int[] calls = {0};
    assertThrows(IllegalStateException.class, () -> CoreMarkBenchmark.score(args -> {
      calls[0]++;
      return 0;
    }, 3));
    assertEquals(3, calls[0]);
    long nan = Float.floatToIntBits(Float.NaN);
    assertThrows(IllegalStateException.class, () -> CoreMarkBenchmark.score(args -> nan, 1));
  }

  /** Every runtime of the benchmark links CoreMark's clock (running it takes 12–30 s: not here). */
  @Test
  void everyBenchmarkedRuntimeInstantiatesCoreMarkWithItsClock() throws Exception {
    Corpus.assumePresent();
    String[] runtimes = CoreMarkBenchmark.Prepared.class.getField("runtime")
        .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
    assertTrue(Arrays.asList(runtimes).containsAll(
        java.util.List.of("wasmj-asm", "wasmj-tiered", "chicory-compiler")));
    for (String runtime : runtimes) {
      CoreMarkBenchmark.start(runtime);
    }
  }

  @Test
  void hostFunctionsTheModuleDoesNotImportAreIgnored() {
    Corpus.assumePresent();
    byte[] fib = Workload.FIB.bytes(); // imports nothing: the host function is not used
    Guest.instantiate("wasmj-switch", fib, java.util.Map.of("env.clock_ms", () -> 1));
    byte[] coremark = BenchWasm.load(CoreMarkBenchmark.PATH);
    // coremark imports env.clock_ms as () -> i32; a host passed under another name is ignored
    Guest.instantiate("wasmj-switch", coremark, java.util.Map.of("env.other", () -> 1));
    Guest.instantiate("chicory-interpreter", coremark, java.util.Map.of("env.other", () -> 1));
  }
}
