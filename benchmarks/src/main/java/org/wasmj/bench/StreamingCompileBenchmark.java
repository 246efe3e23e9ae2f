package org.wasmj.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;

/**
 * Time to a compiled module when the module comes from a slow stream (a network link of
 * {@code rate} MB/s, {@link ThrottledInputStream}): {@code streaming} compiles as the bytes
 * arrive ({@link Module#compile(Engine, java.io.InputStream)}), {@code readAllThenCompile} reads
 * the whole stream first, then compiles the array. At 20 MB/s spidermonkey (4.2 MB) takes 210 ms
 * to arrive and pulldown-cmark (1.6 MB) 82 ms; the difference between the two is how much of the
 * compilation streaming hides behind the transfer. {@code array} and {@code unthrottledStream}
 * compile with no transfer time, from an array and from a {@code ByteArrayInputStream}: what
 * compiling costs, and what the streaming path adds to it.
 *
 * <p>The executor is {@code switch} by default: in {@code eager} mode {@code asm} then generates
 * a class per function, which takes seconds on these modules and happens after decoding (in
 * {@code Executor.prepare}), so it would hide what streaming changes ({@code -p executor=asm}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StreamingCompile</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StreamingCompileBenchmark {
  @Param({"pulldown-cmark", "spidermonkey"})
  public String module;

  @Param({"eager", "lazy-translation", "lazy"})
  public String mode;

  @Param({"switch"})
  public String executor;

  /** The link's rate in MB/s (10^6 bytes per second). */
  @Param({"20"})
  public int rate;

  byte[] bytes;
  Engine engine;

  @Setup(Level.Trial)
  public void setUp() {
    bytes = BenchWasm.load("wasmi-benchmarks/wasm/" + module + ".wasm");
    engine = new Engine(Config.defaults().withExecutor(executor)
        .withCompilationMode(CompilationMode.parse(mode)));
  }

  /** Compiles as the bytes arrive. */
  @Benchmark
  public Module streaming() throws IOException {
    return Module.compile(engine, new ThrottledInputStream(bytes, rate * 1_000_000L));
  }

  /** Reads every byte, then compiles. */
  @Benchmark
  public Module readAllThenCompile() throws IOException {
    return Module.compile(engine, new ThrottledInputStream(bytes, rate * 1_000_000L).readAllBytes());
  }

  /** Compiles the array: no transfer. */
  @Benchmark
  public Module array() {
    return Module.compile(engine, bytes);
  }

  /** Compiles from a stream that has every byte at once: the streaming path's own cost. */
  @Benchmark
  public Module unthrottledStream() throws IOException {
    return Module.compile(engine, new ByteArrayInputStream(bytes));
  }
}
