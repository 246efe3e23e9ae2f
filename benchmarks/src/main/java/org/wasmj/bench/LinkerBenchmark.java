package org.wasmj.bench;

import static org.wasmj.exec.HostType.F64;
import static org.wasmj.exec.HostType.I32;
import static org.wasmj.exec.HostType.I64;
import static org.wasmj.exec.HostType.VOID;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostDefinitions;
import org.wasmj.exec.Linker;
import org.wasmj.exec.LinkerBuilder;

/**
 * Making a {@link Linker} that knows 50 host functions, as a server would per request: defining
 * all 50 on a new linker each time ({@code define50}) versus taking one from a
 * {@link LinkerBuilder} that holds the same 50 ({@code fromBuilder}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Linker</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class LinkerBenchmark {
  static final int HOST_FUNCTIONS = 50;

  private final String[] names = new String[HOST_FUNCTIONS];
  private Engine engine;
  private LinkerBuilder<Void> builder;

  @Setup
  public void setup() {
    for (int i = 0; i < names.length; i++) {
      names[i] = "host_" + i;
    }
    engine = new Engine();
    builder = define(LinkerBuilder.create(), names);
    builder.linker(engine); // the first linker freezes the builder; later ones share its map
  }

  /**
   * Defines the 50 functions on {@code target}: a mix of typed signatures, as a host API would
   * have (i32 and i64 arithmetic, an f64 one, a void one).
   */
  static <S extends HostDefinitions<Void, S>> S define(S target, String[] names) {
    for (int i = 0; i < names.length; i++) {
      switch (i % 4) {
        case 0:
          target.funcWrap("env", names[i], I32, I32, I32, (caller, a, b) -> a + b);
          break;
        case 1:
          target.funcWrap("env", names[i], I64, I64, (caller, a) -> a * 3);
          break;
        case 2:
          target.funcWrap("env", names[i], F64, F64, F64, (caller, a, b) -> a * b);
          break;
        default:
          target.funcWrap("env", names[i], I32, VOID, (caller, a) -> null);
      }
    }
    return target;
  }

  @Benchmark
  public Linker<Void> define50() {
    return define(new Linker<Void>(engine), names);
  }

  @Benchmark
  public Linker<Void> fromBuilder() {
    return builder.linker(engine);
  }
}
