package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.exec.Engine;
import org.wasmj.testsupport.WasiTestsuite;

/**
 * The official WASI testsuite a second time, through the command line: each test is a separate
 * {@code wasmj run} process, given its arguments exactly as the suite's Wasmtime adapter builds
 * them ({@code run --env K=V --dir <root>::/ <test.wasm> <args...>}, plus {@code --executor}), its
 * exit status and stdout/stderr checked as the suite's runner does.
 */
class WasiTestsuiteCliTest {
  private static final Map<String, int[]> TALLY = new TreeMap<>();

  @TestFactory
  List<DynamicNode> officialWasiTestsuiteThroughTheCli() {
    Path suite = WasiTestsuite.locate();
    List<WasiTestsuite.Case> cases = WasiTestsuite.cases(suite);
    List<DynamicNode> out = new ArrayList<>();
    for (String executor : Engine.executors()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (WasiTestsuite.Case c : cases) {
        tests.add(DynamicTest.dynamicTest(c.id(), () -> run(executor, c)));
      }
      out.add(DynamicContainer.dynamicContainer(executor, tests));
    }
    return out;
  }

  /** The argv a Wasmtime-style adapter gives: env, dir, module, args. */
  static List<String> adapterArgv(WasiTestsuite.Case c, Path root) {
    List<String> argv = new ArrayList<>();
    c.env().forEach((k, v) -> {
      argv.add("--env");
      argv.add(k + "=" + v);
    });
    if (root != null) {
      argv.add("--dir");
      argv.add(root + "::/");
    }
    argv.add(c.wasm().toString());
    argv.addAll(c.args());
    return argv;
  }

  /** {@code java ... org.wasmj.cli.Main}, on this test's class path. */
  static List<String> wasmjCommand() {
    return new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
  }

  private static void run(String executor, WasiTestsuite.Case c) throws Exception {
    Path scratch = Files.createTempDirectory("wasi-cli-test-");
    String why;
    try {
      Path root = c.copyRoot(scratch);
      List<String> command = wasmjCommand();
      command.add("run");
      command.add("--executor");
      command.add(executor);
      command.addAll(adapterArgv(c, root));
      ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null").exists()
              ? new File("/dev/null") : scratch.resolve("empty").toFile()))
          .redirectOutput(scratch.resolve("stdout").toFile())
          .redirectError(scratch.resolve("stderr").toFile());
      pb.environment().clear(); // the guest must see only --env, whatever wasmj inherits
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        why = "timed out after 120 s";
      } else {
        why = c.check(p.exitValue(), read(scratch.resolve("stdout")), read(scratch.resolve("stderr")));
      }
    } finally {
      WasiTestsuite.deleteTree(scratch);
    }
    synchronized (TALLY) {
      TALLY.computeIfAbsent(executor, k -> new int[2])[why == null ? 0 : 1]++;
    }
    if (why != null) {
      System.out.println("WASI testsuite via CLI FAIL [" + executor + "] " + c.id() + ": " + why);
    }
    String reason = why;
    assertTrue(why == null, () -> c.id() + ": " + reason);
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  @AfterAll
  static void summary() {
    synchronized (TALLY) {
      TALLY.forEach((executor, t) -> System.out.println("WASI testsuite via CLI [" + executor
          + "]: " + t[0] + "/" + (t[0] + t[1]) + " passed"));
    }
  }
}
