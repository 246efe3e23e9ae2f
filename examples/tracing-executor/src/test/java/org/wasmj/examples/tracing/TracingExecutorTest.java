package org.wasmj.examples.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmj.ExhaustionException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/** The counts the tracing executor reports; the spec suite judges its results. */
class TracingExecutorTest {
  private static final Engine ENGINE = new Engine(Config.defaults().withExecutor("tracing"));

  private static Instance instantiate(Module module) {
    return new Linker<Void>(ENGINE).instantiate(Store.of(ENGINE), module);
  }

  private static Module fib() throws IOException {
    return Module.compile(ENGINE, Files.readAllBytes(Path.of("../fib.wasm")));
  }

  private static long sum(Map<String, Long> stats, String prefix) {
    return stats.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue).sum();
  }

  @Test
  void foundByServiceLoaderAndNeverTheDefault() {
    assertTrue(Engine.executors().contains("tracing"), Engine.executors().toString());
    assertEquals("tracing", Engine.executors().get(Engine.executors().size() - 1));
  }

  @Test
  void countsEveryOpOfEveryCall() throws IOException {
    Module module = fib();
    assertEquals(Map.of(), module.executorStatistics(), "nothing ran yet");
    assertEquals(55, instantiate(module).getFunc("fib").call(Val.i32(10))[0].i32());
    Map<String, Long> stats = module.executorStatistics();
    // fib(10) runs fib 177 times: 88 of them add two recursive calls' results, 89 are leaves.
    assertEquals(176, stats.get("ops.CALL_XR"), stats.toString());
    assertEquals(88, stats.get("ops.I32_ADD_RRR"), stats.toString());
    assertEquals(177, stats.get("ops.RETURN_R"), stats.toString());
    assertEquals(sum(stats, "ops."), stats.get("functions.0"), "fib ran every op");
    assertEquals(1, stats.keySet().stream().filter(k -> k.startsWith("functions.")).count());
  }

  @Test
  void countsAdjacentOpsWithinAFrame() throws IOException {
    Module module = fib();
    instantiate(module).getFunc("fib").call(Val.i32(10));
    Map<String, Long> stats = module.executorStatistics();
    // Each of the 176 calls follows the subtraction making its argument; the 88 additions each
    // follow a call's return; the 89 leaves fall through to their return of n.
    assertEquals(176, stats.get("pairs.I32_SUB_RRI+CALL_XR"), stats.toString());
    assertEquals(88, stats.get("pairs.CALL_XR+I32_ADD_RRR"), stats.toString());
    assertEquals(89, stats.get("pairs.BR_I32_GE_U_RIT+RETURN_R"), stats.toString());
    assertEquals(sum(stats, "ops.") - 177, sum(stats, "pairs."),
        "every op but each of the 177 frames' first follows another");
  }

  @Test
  void storesAddUpAndCountsSurviveATrap() throws IOException {
    Module module = fib();
    instantiate(module).getFunc("fib").call(Val.i32(10));
    instantiate(module).getFunc("fib").call(Val.i32(10));
    assertEquals(2 * 176, module.executorStatistics().get("ops.CALL_XR"));
    Engine shallow = new Engine(Config.defaults().withExecutor("tracing").withMaxCallDepth(5));
    Module deep = Module.compile(shallow, Files.readAllBytes(Path.of("../fib.wasm")));
    Instance i = new Linker<Void>(shallow).instantiate(Store.of(shallow), deep);
    assertThrows(ExhaustionException.class, () -> i.getFunc("fib").call(Val.i32(10)));
    assertEquals(5, deep.executorStatistics().get("ops.CALL_XR"), "frames 0..4 each call; the fifth call exhausts");
  }
}
