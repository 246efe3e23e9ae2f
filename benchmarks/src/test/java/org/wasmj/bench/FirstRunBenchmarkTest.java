package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class FirstRunBenchmarkTest {

  private static List<String> params(Class<?> state, String field) throws Exception {
    return List.of(state.getField(field).getAnnotation(Param.class).value());
  }

  @Test
  void itMeasuresTheWorkloadsAndRuntimesOfTheSteadyStateBenchmarks() throws Exception {
    assertEquals(params(ExecuteBenchmark.Prepared.class, "workload"),
        params(FirstRunBenchmark.Kernel.class, "workload"));
    List<String> runtimes = params(CoreMarkBenchmark.Prepared.class, "runtime");
    assertEquals(runtimes, params(FirstRunBenchmark.Kernel.class, "runtime"));
    assertEquals(runtimes, params(FirstRunBenchmark.CoreMark.class, "runtime"));
  }

  @Test
  void theTimedCallCompilesRunsAndIsCheckedAfterwards() {
    for (String runtime : new String[] {"wasmj-switch", "wasmj-asm", "chicory-compiler"}) {
      FirstRunBenchmark.Kernel k = new FirstRunBenchmark.Kernel();
      k.workload = "FIB";
      k.runtime = runtime;
      k.load();
      assertEquals(832_040, new FirstRunBenchmark().kernel(k), runtime);
      k.verify();
    }
  }

  @Test
  void aWrongAnswerFailsTheTrial() {
    FirstRunBenchmark.Kernel k = new FirstRunBenchmark.Kernel();
    k.workload = "FIB";
    k.runtime = "wasmj-switch";
    k.load();
    k.run = Workload.FIB.start(new Guest() {
      @Override
      public Fn fn(String name) {
        return args -> 1; // fib(30) = 1: wrong
      }

      @Override
      public byte[] read(int offset, int length) {
        return new byte[length];
      }

      @Override
      public void write(int offset, byte[] bytes) {}
    });
    k.run.run();
    assertThrows(IllegalStateException.class, k::verify);
  }

  @Test
  void coreMarkLoadsForEveryRuntime() {
    Corpus.assumePresent();
    FirstRunBenchmark.CoreMark c = new FirstRunBenchmark.CoreMark();
    c.load();
    for (String runtime : new String[] {"wasmj-asm", "chicory-interpreter"}) {
      CoreMarkBenchmark.start(runtime, c.bytes); // links its clock; running it takes 12-30 s
    }
  }
}
