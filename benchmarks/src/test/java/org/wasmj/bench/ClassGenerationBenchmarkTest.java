package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;

class ClassGenerationBenchmarkTest {

  @Test
  void everyBenchmarkedModuleIsFoundAndCompilesEagerlyOnAsm() throws Exception {
    Corpus.assumePresent();
    String[] modules = ClassGenerationBenchmark.class.getField("module")
        .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
    Engine asm = new Engine(Config.defaults().withExecutor("asm")
        .withCompilationMode(CompilationMode.EAGER));
    for (String name : modules) {
      if (name.equals("spidermonkey") || name.equals("regex-redux") || name.equals("pulldown-cmark")) {
        ClassGenerationBenchmark.bytes(name); // found; too slow to compile eagerly in a unit test
        continue;
      }
      var stats = Module.compile(asm, ClassGenerationBenchmark.bytes(name)).executorStatistics();
      assertEquals(0, stats.get("not_generated_yet"), name + ": " + stats);
    }
  }
}
