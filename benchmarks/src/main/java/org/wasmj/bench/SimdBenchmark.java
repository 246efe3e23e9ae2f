package org.wasmj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * SIMD kernels: the C programs of {@code examples/simd} (a 256×256 image blur and sharpen, a
 * 128×128 f32 matrix multiply, byte statistics over 64 KiB), each built by clang at {@code -O3}
 * with {@code -msimd128} ({@code build=simd}) and without ({@code build=scalar}). An operation
 * is one {@code run(1)} call; its result (a hash of the kernel's output, the same for both builds)
 * is checked after every operation.
 *
 * <p>Chicory 1.7.5 runs only the scalar builds: neither its interpreter ("Machine doesn't
 * recognize Instruction V128_LOAD") nor its compiler ("Unhandled opcode: V128_LOAD") runs SIMD,
 * and its experimental Vector-API SIMD interpreter is not published for 1.7.5. Its best
 * configuration for these kernels is therefore its compiler on the scalar build.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SimdBenchmark
 * java -jar benchmarks/target/benchmarks.jar SimdBenchmark.wasmj -p executor=asm -p kernel=BLUR
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SimdBenchmark {

  /** A kernel: its program in examples/simd, and the hash {@code run(1)} returns. */
  public enum Kernel {
    BLUR("blur", 0x63cf80ff),
    MATMUL("matmul", 0x3e5e4b25),
    HISTOGRAM("histogram", 0xd8f0206c);

    final String program;
    final int expected;

    Kernel(String program, int expected) {
      this.program = program;
      this.expected = expected;
    }

    /** The module of {@code build} ({@code simd} or {@code scalar}), from the benchmarks jar. */
    byte[] bytes(String build) {
      String path = "/examples/simd/" + program + "." + build + ".wasm";
      try (InputStream in = SimdBenchmark.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException(path + " is not on the class path (benchmarks/pom.xml packs it)");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A kernel instantiated in one runtime. */
  @State(Scope.Benchmark)
  public abstract static class Prepared {
    @Param({"BLUR", "MATMUL", "HISTOGRAM"})
    public String kernel;

    Guest.Fn run;
    long last;
    int expected;

    abstract Guest instantiate(byte[] bytes);

    abstract String build();

    @Setup(Level.Trial)
    public void prepare() {
      Kernel k = Kernel.valueOf(kernel);
      expected = k.expected;
      run = instantiate(k.bytes(build())).fn("run");
      last = run.call(1);
      verify();
    }

    @TearDown(Level.Invocation)
    public void verify() {
      if ((int) last != expected) {
        throw new IllegalStateException(kernel + " returned " + Integer.toHexString((int) last)
            + ", expected " + Integer.toHexString(expected));
      }
    }
  }

  /** wasmj, eager compilation, with {@code executor}, on either build. */
  public static class Wasmj extends Prepared {
    @Param({"switch", "asm", "tiered"})
    public String executor;

    @Param({"simd", "scalar"})
    public String build;

    @Override
    Guest instantiate(byte[] bytes) {
      return Guest.wasmj(bytes, executor, CompilationMode.EAGER);
    }

    @Override
    String build() {
      return build;
    }
  }

  /** Chicory 1.7.5 with {@code machine}, on the scalar build (the only one it runs). */
  public static class Chicory extends Prepared {
    @Param({"compiler", "interpreter"})
    public String machine;

    @Override
    Guest instantiate(byte[] bytes) {
      return Guest.chicory(bytes, machine);
    }

    @Override
    String build() {
      return "scalar";
    }
  }

  @Benchmark
  public long wasmj(Wasmj state) {
    return state.last = state.run.call(1);
  }

  @Benchmark
  public long chicory(Chicory state) {
    return state.last = state.run.call(1);
  }
}
