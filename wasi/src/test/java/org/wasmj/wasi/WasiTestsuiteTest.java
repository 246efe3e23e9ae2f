package org.wasmj.wasi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.WasmException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.testsupport.WasiTestsuite;

/**
 * The official WASI testsuite, in process, on every executor: per test a fresh copy of its root
 * preopened as {@code /}, argv = {@code ["test", args...]}, exactly its env, then its exit code
 * and the start of stdout and stderr checked. Writes {@code target/wasi-testsuite-report.tsv}
 * and prints the pass count per executor.
 */
class WasiTestsuiteTest {
  private static final Map<String, int[]> TALLY = new TreeMap<>();
  private static final List<String> REPORT = new ArrayList<>();

  @TestFactory
  List<DynamicNode> officialWasiTestsuite() {
    Path suite = WasiTestsuite.locate();
    List<WasiTestsuite.Case> cases = WasiTestsuite.cases(suite);
    List<DynamicNode> out = new ArrayList<>();
    for (String executor : Engine.executors()) {
      Engine engine = new Engine(Config.defaults().withExecutor(executor));
      List<DynamicNode> tests = new ArrayList<>();
      for (WasiTestsuite.Case c : cases) {
        tests.add(DynamicTest.dynamicTest(c.id(), () -> run(engine, executor, c)));
      }
      out.add(DynamicContainer.dynamicContainer(executor, tests));
    }
    return out;
  }

  private static void run(Engine engine, String executor, WasiTestsuite.Case c) throws IOException {
    Path scratch = Files.createTempDirectory("wasi-test-");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int exit;
    try {
      Path root = c.copyRoot(scratch);
      WasiConfig.Builder b = Wasi.builder().arg("test").env(c.env())
          .stdout(stdout).stderr(stderr);
      c.args().forEach(b::arg);
      if (root != null) {
        b.preopenDir(root, "/");
      }
      Module module = Module.compile(engine, Files.readAllBytes(c.wasm()));
      Linker<Void> linker = new Linker<>(engine);
      try (Wasi wasi = b.addToLinker(linker)) {
        Instance instance = linker.instantiate(Store.of(engine), module);
        exit = wasi.run(instance);
      } catch (WasmException e) {
        exit = -1;
        stderr.write(("wasmj: " + e.getClass().getSimpleName() + ": " + e.getMessage())
            .getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      WasiTestsuite.deleteTree(scratch);
    }
    String why = c.check(exit, stdout.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8));
    synchronized (TALLY) {
      int[] t = TALLY.computeIfAbsent(executor, k -> new int[2]);
      t[why == null ? 0 : 1]++;
      REPORT.add(executor + "\t" + c.id() + "\t" + (why == null ? "PASS" : "FAIL\t" + why));
    }
    if (why != null) {
      System.out.println("WASI testsuite FAIL [" + executor + "] " + c.id() + ": " + why);
    }
    assertTrue(why == null, () -> c.id() + ": " + why);
  }

  @AfterAll
  static void summary() throws IOException {
    synchronized (TALLY) {
      TALLY.forEach((executor, t) -> System.out.println("WASI testsuite [" + executor + "]: "
          + t[0] + "/" + (t[0] + t[1]) + " passed"));
      if (!REPORT.isEmpty()) {
        Files.createDirectories(Path.of("target"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(
            Path.of("target", "wasi-testsuite-report.tsv")))) {
          REPORT.forEach(w::println);
        }
      }
    }
  }
}
