package org.wasmj.bench;

import java.io.ByteArrayInputStream;
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
import org.wasmj.exec.Store;

/**
 * Startup: compile + instantiate a large module, with every import satisfied by a no-op stub and
 * no function called (as wasmi's startup benchmarks). wasmj per compilation mode; Chicory 1.7.5
 * parsed with and without validation.
 *
 * <p>What each side does, so that like is compared with like:
 * <ul>
 *   <li>wasmj {@code eager}: decode, validate everything, translate every body to the register IR;
 *       {@code wasmjUnchecked} the same without validating bodies ({@link Module#compileUnchecked});
 *       {@code lazy-translation}: decode, validate everything, translate nothing yet;
 *       {@code lazy}: decode and validate the module's sections; bodies stay byte ranges until
 *       their first call. Then a store, a linker of stubs, and instantiation (memory, data and
 *       element segments, start section).
 *   <li>Chicory's interpreter has no lazy stage: its parser decodes every body into instruction
 *       objects (and validates them unless told not to), and the interpreter runs those objects
 *       directly. {@code chicory} = {@code Parser.parse} with validation (its default, the
 *       counterpart of {@code eager}/{@code lazy-translation}); {@code chicoryUnvalidated} =
 *       validation off, Chicory's cheapest start (the nearest to {@code lazy}). Then
 *       {@code Instance.builder(...).withImportValues(stubs).withStart(false).build()}:
 *       {@code withStart(false)} because Chicory's default also <em>calls</em> an exported
 *       {@code _start} (which these WASI commands have), whereas wasmj, like the spec, runs only
 *       the start section; Chicory still runs the start section.
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Startup</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StartupBenchmark {

  @Param({"pulldown-cmark", "spidermonkey"})
  public String module;

  byte[] bytes;

  @Setup(Level.Trial)
  public void load() {
    bytes = BenchWasm.load("wasmi-benchmarks/wasm/" + module + ".wasm");
  }

  /** A wasmj engine for one compilation mode and executor, made once per trial. */
  @State(Scope.Benchmark)
  public static class WasmjEngine {
    @Param({"eager", "lazy-translation", "lazy"})
    public String mode;

    /** The executor; {@code asm} generates classes when an eager module is compiled. */
    @Param({"switch", "asm", "tiered"})
    public String executor;

    Engine engine;

    @Setup(Level.Trial)
    public void create() {
      engine = new Engine(Config.defaults().withExecutor(executor)
          .withCompilationMode(CompilationMode.parse(mode)));
    }
  }

  @Benchmark
  public org.wasmj.exec.Instance wasmj(WasmjEngine e) {
    Module m = Module.compile(e.engine, bytes);
    return Stubs.wasmj(e.engine, m).instantiate(Store.of(e.engine), m);
  }

  /**
   * As {@link #wasmj}, with {@link Module#compileUnchecked}: bodies translated without being
   * validated (in {@code eager} mode now, in the lazy modes on first call, which this does not
   * reach; {@code lazy-translation} then also skips validating every body ahead).
   */
  @Benchmark
  public org.wasmj.exec.Instance wasmjUnchecked(WasmjEngine e) {
    Module m = Module.compileUnchecked(e.engine, bytes);
    return Stubs.wasmj(e.engine, m).instantiate(Store.of(e.engine), m);
  }

  @Benchmark
  public com.dylibso.chicory.runtime.Instance chicory() {
    return chicoryInstance(com.dylibso.chicory.wasm.Parser.parse(bytes));
  }

  @Benchmark
  public com.dylibso.chicory.runtime.Instance chicoryUnvalidated() {
    return chicoryInstance(com.dylibso.chicory.wasm.Parser.builder().withValidation(false).build()
        .parse(() -> new ByteArrayInputStream(bytes)));
  }

  static com.dylibso.chicory.runtime.Instance chicoryInstance(com.dylibso.chicory.wasm.WasmModule m) {
    return chicoryInstance(m, () -> {});
  }

  /** Instantiates {@code m} with stubs that run {@code onStubCall} (tests count the calls). */
  static com.dylibso.chicory.runtime.Instance chicoryInstance(com.dylibso.chicory.wasm.WasmModule m,
      Runnable onStubCall) {
    return com.dylibso.chicory.runtime.Instance.builder(m)
        .withImportValues(Stubs.chicory(m, onStubCall))
        .withStart(false)
        .build();
  }
}
