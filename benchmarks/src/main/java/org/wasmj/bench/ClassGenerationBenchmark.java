package org.wasmj.bench;

import java.nio.file.Files;
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
 * How long the {@code asm} executor takes to generate a module's classes: {@code Module.compile}
 * in {@link CompilationMode#EAGER} mode with {@code asm} (decode, validate, translate to the IR,
 * then generate and define one class per function) and with {@code switch} (the same without the
 * classes); the difference is class generation. Modules from the bench corpus, small to large.
 * {@link ClassGeneration} runs this and prints the figures per class and per KB of code.
 *
 * <p>{@code compile} is the steady state: ASM and the translator are JIT-compiled by the warm-up;
 * {@code firstCompile} is the first module compiled in a fresh JVM (three forks, one compile
 * each). Every operation makes a new class loader, whose classes the garbage collector unloads
 * later.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.ClassGeneration
 * java -jar benchmarks/target/benchmarks.jar ClassGeneration -p module=erc20,bz2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ClassGenerationBenchmark {

  /** Modules of the bench corpus, by their size of code. */
  @Param({"erc20", "coremark", "prime-sieve", "matrix-mul", "argon2", "bz2", "pulldown-cmark",
      "regex-redux", "spidermonkey"})
  public String module;

  /** {@code asm} generates classes; {@code switch} is the same compilation without them. */
  @Param({"switch", "asm"})
  public String executor;

  byte[] bytes;
  Engine engine;

  @Setup(Level.Trial)
  public void load() {
    bytes = bytes(module);
    engine = new Engine(Config.defaults().withExecutor(executor)
        .withCompilationMode(CompilationMode.EAGER));
  }

  /** Steady state: compiled again and again in one JVM. */
  @Benchmark
  public Module compile() {
    return Module.compile(engine, bytes);
  }

  /**
   * The first module compiled in a fresh JVM (ASM, the parser and the translator not yet
   * JIT-compiled): what an application that compiles one module at startup pays.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
  public Module firstCompile() {
    return Module.compile(engine, bytes);
  }

  /** A corpus module by name: {@code wasm/NAME.wasm}, else {@code rust/NAME.wasm}. */
  static byte[] bytes(String name) {
    String wasm = "wasmi-benchmarks/wasm/" + name + ".wasm";
    return BenchWasm.load(Files.exists(BenchWasm.root().resolve(wasm))
        ? wasm : "wasmi-benchmarks/rust/" + name + ".wasm");
  }
}
