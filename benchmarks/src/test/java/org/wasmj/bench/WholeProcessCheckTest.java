package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole-process benchmark ({@code whole-process/run.sh}) must never time a failing run: its
 * {@code --check} mode runs each program once on wasmj and once on Node 20 and compares exit code,
 * stdout, stderr and the files left in the working directory. This runs that check on fib, bz2,
 * pulldown-cmark and yosys — yosys only when {@code whole-process/fetch.sh} has put it in
 * {@code benchmarks/.cache} (the script says so when it skips it; nothing is fetched here), and
 * SpiderMonkey not, which cli's {@code RealProgramsTest} already runs the same way against Node
 * (and which takes the longest). {@code -Dwasmj.wholeprocess.programs=LIST} picks others.
 *
 * <p>wasmj is this build's {@code org.wasmj.cli.Main} on the test class path, run by the JVM
 * running the tests (the {@code wasmj} launcher would start a Maven build of its own). Skipped,
 * saying why, when {@code node} or {@code bash} is missing.
 */
class WholeProcessCheckTest {
  /**
   * The column checked: the interpreter, compiling lazily, which starts the big programs fastest
   * (yosys: about a minute); the executors agree with each other by the differential and spec
   * tests.
   */
  private static final String VARIANT = "switch-lazy=--executor switch --compilation-mode lazy";

  @Test
  void everyProgramGivesOnWasmjWhatItGivesOnNode() throws Exception {
    assumeTrue(found("node", "--version"), "node not found: the check compares wasmj with Node");
    assumeTrue(found("bash", "--version"), "bash not found: run.sh is a bash script");
    Path script = Path.of("whole-process/run.sh").toAbsolutePath();
    String programs =
        System.getProperty("wasmj.wholeprocess.programs", "fib,bz2,pulldown-cmark,yosys");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--check", "--no-fetch",
        "--programs", programs, "--variant", VARIANT).redirectErrorStream(true);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    pb.environment().put("WASMJ",
        java + " -cp " + System.getProperty("java.class.path") + " org.wasmj.cli.Main");
    Process p = pb.start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        System.out.println(line);
        output.append(line).append('\n');
      }
    }
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("run.sh --check did not finish in 30 min:\n" + output);
    }
    assertEquals(0, p.exitValue(), "run.sh --check:\n" + output);
  }

  private static boolean found(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return true;
      }
      p.destroyForcibly();
    } catch (IOException | InterruptedException e) {
      // not found
    }
    System.out.println("SKIPPED: " + command[0] + " not found on the PATH");
    return false;
  }
}
