package org.wasmj.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CoreMark (wasmi's flavour, {@code wasm/coremark.wasm}): {@code run() -> f32} returns the CoreMark
 * score, iterations per second, higher is better. The module imports {@code env.clock_ms: () -> i32},
 * linked to milliseconds since its first call. CoreMark calibrates itself: it runs 10, 100, 1000…
 * iterations until one batch takes a second, then enough for about ten seconds more, so every call
 * takes 12–30 s on any runtime, fast or slow, and the score — not the time — is the measurement.
 *
 * <p>CoreMark's own rule: a timed run shorter than 10 s is invalid and scores 0. On a JIT that
 * happens when the code gets faster after the calibration (C2 finishing with it): the first call
 * of a fresh instance on Chicory's interpreter and compiler does this. So the first call is made
 * in the trial's setup, untimed, as the warm-up, and its score may be 0; a measured call that
 * scores 0 (a machine that got less busy after calibrating) is repeated, at most twice.
 *
 * <p>Why JMH in single-shot mode rather than a main program: each iteration is one {@code run()}
 * call on the same instance (so the code warmed up by earlier calls is reused), the score goes to
 * JMH as an auxiliary counter ({@code :score} in JMH's output; {@link Report} shows it instead of
 * the time), and JMH gives the separate JVM per runtime and the report like every other benchmark
 * here. One fork, the warm-up call and three measured calls: about 1–1.5 min per runtime.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Report CoreMark
 * java -jar benchmarks/target/benchmarks.jar CoreMark -p runtime=wasmj-asm,chicory-compiler
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CoreMarkBenchmark {

  /** The module in the bench corpus. */
  static final String PATH = "wasmi-benchmarks/wasm/coremark.wasm";

  /** One CoreMark instance in one runtime ({@link Guest#instantiate} names). */
  @State(Scope.Benchmark)
  public static class Prepared {
    /**
     * Runtimes: the compiled ones first; the two interpreters take no longer per call
     * (CoreMark calibrates itself), so they are measured too.
     */
    @Param({"wasmj-asm", "wasmj-tiered", "chicory-compiler", "wasmj-switch", "chicory-interpreter"})
    public String runtime;

    Guest.Fn run;
    final MillisSinceFirstCall clock = new MillisSinceFirstCall();

    @Setup(Level.Trial)
    public void instantiate() {
      run = start(runtime, BenchWasm.load(PATH), clock);
      run.call(); // the warm-up call; CoreMark may reject it as too short (see the class comment)
    }
  }

  /** The score of the last call, as JMH's secondary result {@code score}. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Score {
    /** CoreMark iterations per second of the iteration's call. */
    public double score;

    /**
     * The same per second of the calling thread's CPU time ({@link MillisSinceFirstCall#cpuScore}):
     * the runtime's own speed, where {@link #score} also has the machine's load in it.
     */
    public double cpuScore;

    @Setup(Level.Iteration)
    public void reset() {
      score = 0;
      cpuScore = 0;
    }
  }

  /** CoreMark's {@code run} in {@code runtime}, its clock linked. */
  static Guest.Fn start(String runtime) {
    return start(runtime, BenchWasm.load(PATH));
  }

  /** As {@link #start(String)}, from CoreMark's bytes already loaded. */
  static Guest.Fn start(String runtime, byte[] coremark) {
    return start(runtime, coremark, new MillisSinceFirstCall());
  }

  /** As {@link #start(String, byte[])}, with {@code clock} as CoreMark's clock. */
  static Guest.Fn start(String runtime, byte[] coremark, java.util.function.LongSupplier clock) {
    Guest guest = Guest.instantiate(runtime, coremark, Map.of("env.clock_ms", clock));
    return guest.fn("run");
  }

  /**
   * Calls CoreMark until it accepts a run (a positive score), at most {@code attempts} times;
   * returns the score.
   */
  static float score(Guest.Fn run, int attempts) {
    float score = 0;
    for (int i = 0; i < attempts && score == 0; i++) {
      score = Float.intBitsToFloat((int) run.call());
    }
    if (!(score > 0) || Float.isInfinite(score)) {
      throw new IllegalStateException("CoreMark score = " + score + " after " + attempts
          + " calls, expected a positive number (0: a run under 10 s, or a wrong checksum)");
    }
    return score;
  }

  @Benchmark
  public float coremark(Prepared p, Score s) {
    float score = score(p.run, 3);
    s.score = score;
    s.cpuScore = p.clock.cpuScore(score);
    return score;
  }

  /**
   * {@code env.clock_ms}: milliseconds since its first call, as CoreMark's port expects. It also
   * keeps the calling thread's CPU time at its last two calls, which bracket CoreMark's timed run
   * once {@code run()} has returned (calibration reads the clock before it): see {@link #cpuScore}.
   */
  static final class MillisSinceFirstCall implements java.util.function.LongSupplier {
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private long origin = -1;
    private long wall; // ns, last call
    private long previousWall;
    private long cpu; // ns of the calling thread's CPU, last call
    private long previousCpu;

    @Override
    public long getAsLong() {
      long now = System.nanoTime();
      if (origin < 0) {
        origin = now;
      }
      previousWall = wall;
      previousCpu = cpu;
      wall = now;
      cpu = THREADS.getCurrentThreadCpuTime();
      return (int) ((now - origin) / 1_000_000);
    }

    /**
     * {@code score} as if the run between the clock's last two calls had had its thread's CPU
     * time as its wall time: iterations per second of CPU, which does not depend on what else the
     * machine runs (the score, per second of wall, drops by as much as the thread waits for a core:
     * 699 to 1,416 in one JVM with the same compiled code, at load 3-6). 0 where {@code score} is.
     */
    double cpuScore(double score) {
      long cpuTime = cpu - previousCpu;
      return cpuTime > 0 ? score * (wall - previousWall) / cpuTime : 0;
    }
  }
}
