package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupBenchmarkTest {
  private final StartupBenchmark bench = new StartupBenchmark();

  @BeforeEach
  void corpus() {
    Corpus.assumePresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eager", "lazy-translation", "lazy"})
  void stubsSatisfyEveryImportInEveryMode(String mode) {
    for (String module : new String[] {"pulldown-cmark", "spidermonkey"}) {
      bench.module = module;
      bench.load();
      StartupBenchmark.WasmjEngine engine = new StartupBenchmark.WasmjEngine();
      engine.mode = mode;
      engine.executor = "switch";
      engine.create();
      assertNotNull(bench.wasmj(engine).getMemory("memory"));
      assertNotNull(bench.wasmjUnchecked(engine).getMemory("memory"));
    }
  }

  @Test
  void chicoryInstantiatesWithStubsWithoutRunningStart() {
    bench.module = "pulldown-cmark";
    bench.load();
    assertNotNull(bench.chicory().memory());
    assertNotNull(bench.chicoryUnvalidated().memory());
    // Chicory's default would call the exported _start, which calls WASI stubs; we build withStart(false)
    AtomicInteger calls = new AtomicInteger();
    StartupBenchmark.chicoryInstance(com.dylibso.chicory.wasm.Parser.parse(bench.bytes),
        calls::incrementAndGet);
    assertEquals(0, calls.get());
  }
}
