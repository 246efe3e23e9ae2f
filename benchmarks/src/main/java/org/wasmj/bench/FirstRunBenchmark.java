package org.wasmj.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first run, cold (issue 9): in a fresh JVM, the time from a module's bytes to its first
 * result — compile, instantiate and one call — with nothing warmed up: wasmj's classes are loaded,
 * its translator, ASM and the generated code all run for the first time, as in a short-lived
 * process or the first request of an embedding. JMH's single-shot mode, one measured call per fork
 * and many forks, so each figure is a distribution over fresh JVMs (JMH's own start-up is not
 * timed). The runtimes are those of {@link CoreMarkBenchmark}: wasmj's executors (eager
 * compilation, the engine's default mode) and Chicory 1.7.5's interpreter and compiler.
 *
 * <ul>
 *   <li>{@link #kernel}: the {@link Workload}s of {@link ExecuteBenchmark}; the timed part is
 *       {@code Module.compile} (Chicory: {@code Parser.parse}), instantiation, the workload's
 *       set-up call ({@code setup(n)} of the Rust ones, untimed in {@link ExecuteBenchmark}) and
 *       one operation; the answer is checked afterwards, untimed. 10 forks.
 *   <li>{@link #coremark}: the score of CoreMark's first call in a fresh JVM (higher is better).
 *       CoreMark times itself over at least 10 s after calibrating for a second or more, so its
 *       first call can only report the speed reached within that window, not the start-up: it
 *       shows how much of the steady-state score ({@link CoreMarkBenchmark}, after one warm-up
 *       call) a first call gets. A score of 0 is CoreMark rejecting a run that became shorter
 *       than 10 s after calibration (the code got faster meanwhile); it is recorded as 0. 3 forks.
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Report FirstRunBenchmark.kernel
 * java -jar benchmarks/target/benchmarks.jar FirstRunBenchmark.kernel -p runtime=wasmj-asm -f 20
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Report FirstRunBenchmark.coremark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FirstRunBenchmark {

  /** A workload's module in one runtime ({@link Guest#instantiate} names), not yet compiled. */
  @State(Scope.Benchmark)
  public static class Kernel {
    @Param({"FIB", "LOOP", "PRIME_SIEVE", "MATRIX_MUL", "ARGON2"})
    public String workload;

    /** The runtimes of {@link CoreMarkBenchmark.Prepared#runtime}, compiled ones first. */
    @Param({"wasmj-asm", "wasmj-tiered", "chicory-compiler", "wasmj-switch", "chicory-interpreter"})
    public String runtime;

    Workload kernel;
    byte[] bytes;
    Workload.Run run;

    @Setup(Level.Trial)
    public void load() {
      kernel = Workload.valueOf(workload);
      bytes = kernel.bytes();
    }

    /** Checks the answer of the timed call (untimed); a wrong answer fails the run. */
    @TearDown(Level.Trial)
    public void verify() {
      if (run != null) { // null: the timed call failed, and JMH reports that
        run.verify();
        run.close();
      }
    }
  }

  /** CoreMark's module in one runtime, not yet compiled. */
  @State(Scope.Benchmark)
  public static class CoreMark {
    @Param({"wasmj-asm", "wasmj-tiered", "chicory-compiler", "wasmj-switch", "chicory-interpreter"})
    public String runtime;

    byte[] bytes;

    @Setup(Level.Trial)
    public void load() {
      bytes = BenchWasm.load(CoreMarkBenchmark.PATH);
    }
  }

  @Benchmark
  public long kernel(Kernel k) {
    k.run = k.kernel.start(Guest.instantiate(k.runtime, k.bytes));
    return k.run.run();
  }

  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  @OutputTimeUnit(TimeUnit.SECONDS)
  public float coremark(CoreMark c, CoreMarkBenchmark.Score s) {
    float score = Float.intBitsToFloat((int) CoreMarkBenchmark.start(c.runtime, c.bytes).call());
    s.score = score;
    return score;
  }
}
