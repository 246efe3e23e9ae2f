package org.wasmj.bench;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmj.Feature;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.Validator;

/**
 * Parse + full validation of real modules, wasmj beside Chicory 1.7.5 in the same run. Time per
 * module; MB/s = module size / time (see benchmarks/README.md).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ParseValidate</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ParseValidateBenchmark {

  @Param({
    "wasm/erc20.wasm",
    "wasm/bz2.wasm",
    "wasm/pulldown-cmark.wasm",
    "wasm/spidermonkey.wasm"
  })
  public String module;

  private byte[] bytes;

  @Setup
  public void load() {
    bytes = BenchWasm.load("wasmi-benchmarks/" + module);
  }

  /** wasmj: decode every section, then validate the module and every function body. */
  @Benchmark
  public WasmModule wasmj() {
    WasmModule m = WasmParser.parse(bytes, Feature.WASM_2_0);
    Validator.validate(m, Feature.WASM_2_0);
    return m;
  }

  /** Chicory: its parser with validation on (decodes and validates every body). */
  @Benchmark
  public Object chicory() {
    return com.dylibso.chicory.wasm.Parser.builder()
        .withValidation(true)
        .build()
        .parse(() -> new ByteArrayInputStream(bytes));
  }
}
