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
import org.wasmj.exec.CompilationMode;

/**
 * Execution speed, wasmj's executors beside Chicory 1.7.5's interpreter and compiler in the same
 * run, on the {@link Workload}s (fib(30), a xorshift loop, and wasmi's prime-sieve, matrix-mul and
 * argon2). Every runtime does identical work per operation. Setup (instantiate, {@code setup(n)})
 * is untimed; after every operation the answer is checked, untimed, and a wrong one fails the run.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Execute
 * java -jar benchmarks/target/benchmarks.jar Execute.wasmj -p executor=switch,asm -p workload=FIB
 * java -jar benchmarks/target/benchmarks.jar Execute.chicory -p machine=compiler
 * java -jar benchmarks/target/benchmarks.jar ExecuteBenchmark.wasmj -p control=none,fuel,epoch
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExecuteBenchmark {

  /** A workload prepared in one runtime; subclasses say which. */
  @State(Scope.Benchmark)
  public abstract static class Prepared {
    @Param({"FIB", "LOOP", "PRIME_SIEVE", "MATRIX_MUL", "ARGON2"})
    public String workload;

    Workload.Run run;

    abstract Guest instantiate(byte[] bytes);

    @Setup(Level.Trial)
    public void prepare() {
      Workload w = Workload.valueOf(workload);
      run = w.start(instantiate(w.bytes()));
      run.run(); // a wrong answer fails here, before anything is timed
      run.verify();
    }

    @TearDown(Level.Invocation)
    public void verify() {
      run.verify();
    }

    @TearDown(Level.Trial)
    public void close() {
      run.close();
    }
  }

  /** wasmj, eager compilation, with the executor named by {@code executor}. */
  public static class Wasmj extends Prepared {
    /** wasmj executors to compare: the interpreter, generated classes, and the two tiered. */
    @Param({"switch", "asm", "tiered"})
    public String executor;

    /**
     * The host's controls (issue 11): {@code none}; {@code fuel}, metering on; {@code epoch},
     * interruption checks on with a deadline never reached. {@code -p control=none,fuel,epoch}
     * measures what they cost.
     */
    @Param({"none"})
    public String control;

    @Override
    Guest instantiate(byte[] bytes) {
      return Guest.wasmj(bytes, executor, CompilationMode.EAGER, java.util.Map.of(), control);
    }
  }

  /**
   * Chicory with {@code machine}: {@code interpreter}, the peer of {@code switch}, or
   * {@code compiler} (Chicory's compiler to JVM bytecode), the peer of {@code asm}.
   */
  public static class Chicory extends Prepared {
    @Param({"interpreter", "compiler"})
    public String machine;

    @Override
    Guest instantiate(byte[] bytes) {
      return Guest.chicory(bytes, machine);
    }
  }

  @Benchmark
  public long wasmj(Wasmj state) {
    return state.run.run();
  }

  @Benchmark
  public long chicory(Chicory state) {
    return state.run.run();
  }
}
