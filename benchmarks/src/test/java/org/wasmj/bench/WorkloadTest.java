package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadTest {

  private static void prepare(Workload w) {
    if (!w.name().equals("FIB") && !w.name().equals("LOOP")) {
      Corpus.assumePresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void everyWorkloadGivesTheExpectedAnswerOnEveryWasmjExecutor(Workload w) {
    prepare(w);
    for (String executor : org.wasmj.exec.Engine.executors()) {
      Workload.Run run = w.start(Guest.instantiate("wasmj-" + executor, w.bytes()));
      run.run();
      run.verify();
      run.run(); // runs are repeatable: the benchmark times many in one instance
      run.verify();
      run.close();
    }
  }

  @Test
  void theBenchmarkedExecutorsAreTheAvailableOnes() throws Exception {
    String[] params = ExecuteBenchmark.Wasmj.class.getField("executor")
        .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
    assertEquals(java.util.Set.copyOf(org.wasmj.exec.Engine.executors()), java.util.Set.of(params));
  }

  @ParameterizedTest
  @EnumSource(value = Workload.class, names = {"FIB", "PRIME_SIEVE"})
  void chicoryGivesTheSameAnswers(Workload w) {
    prepare(w);
    Workload.Run run = w.start(Guest.instantiate("chicory-interpreter", w.bytes()));
    run.run();
    run.verify();
    run.close();
  }

  @ParameterizedTest
  @EnumSource(Workload.class)
  void chicorysCompilerGivesTheSameAnswers(Workload w) {
    prepare(w);
    Workload.Run run = w.start(Guest.instantiate("chicory-compiler", w.bytes()));
    run.run();
    run.verify();
    run.run();
    run.verify();
    run.close();
  }

  @Test
  void theBenchmarkedChicoryMachinesAreItsInterpreterAndCompiler() throws Exception {
    String[] params = ExecuteBenchmark.Chicory.class.getField("machine")
        .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
    assertEquals(java.util.List.of("interpreter", "compiler"), java.util.List.of(params));
    for (String machine : params) {
      Guest.instantiate("chicory-" + machine, Workload.FIB.bytes()); // each one is wired
    }
  }

  /** A guest whose every function returns 0: each workload must reject its answers. */
  @ParameterizedTest
  @EnumSource(Workload.class)
  void aWrongAnswerFails(Workload w) {
    Guest wrong = new Guest() {
      @Override
      public Fn fn(String name) {
        return args -> 0;
      }

      @Override
      public byte[] read(int offset, int length) {
        return new byte[length];
      }

      @Override
      public void write(int offset, byte[] bytes) {}
    };
    Workload.Run run = w.start(wrong);
    run.run();
    assertThrows(IllegalStateException.class, run::verify);
  }

  @Test
  void theLoopKernelMatchesItsJavaModel() {
    // examples/xorshift.wat's comment and examples/README.md quote this value
    assertEquals(-1664006026, Workload.xorshiftChecksum(1000));
    Guest.Fn run = Guest.instantiate("wasmj-switch", Workload.LOOP.bytes()).fn("run");
    for (int n : new int[] {0, 1, 7, 1000, 5000}) {
      assertEquals(Workload.xorshiftChecksum(n), (int) run.call(n), "n = " + n);
    }
  }

  @Test
  void unknownRuntimesAreRejected() {
    byte[] fib = Workload.FIB.bytes();
    assertThrows(IllegalArgumentException.class, () -> Guest.instantiate("v8", fib));
    assertThrows(IllegalArgumentException.class, () -> Guest.instantiate("chicory-jit", fib));
    assertThrows(IllegalArgumentException.class, () -> Guest.instantiate("wasmj-nope", fib));
  }
}
