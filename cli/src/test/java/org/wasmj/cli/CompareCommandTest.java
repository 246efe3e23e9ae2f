package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmj.exec.Engine;
import org.w3c.dom.Document;

class CompareCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** One measured run, no warm-up: the tests check what is shown, not how fast. */
  private static final String QUICK = "--runs=1 --warmup=0 --warmup-time=0";

  /** Runs wasmj; an argument that is {@link #QUICK} stands for its words. */
  private int run(String... args) {
    List<String> words = new ArrayList<>();
    for (String a : args) {
      words.addAll(a.equals(QUICK) ? List.of(QUICK.split(" ")) : List.of(a));
    }
    return Main.run(words.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The rows of the table: the lines that start with an executor's name. */
  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (String line : out().split("\n")) {
      String[] words = line.split(" +");
      if (Engine.executors().contains(words[0])) {
        rows.add(words);
      }
    }
    return rows;
  }

  @Test
  void everyExecutorRunsTheProgramWithTheSameOutputAndNothingOfItIsPrinted(@TempDir Path dir)
      throws Exception {
    Path svg = dir.resolve("fib.svg");
    assertEquals(0, run("compare", QUICK, "--cold-runs", "0", "--svg", svg.toString(),
        "../examples/fib.wasm", "--invoke", "fib", "20"), err());
    assertEquals("", err());
    assertFalse(out().contains("6765"), "the program's output is kept, not printed");
    List<String[]> rows = rows();
    assertEquals(Engine.executors().size(), rows.size(), out());
    for (String[] row : rows) {
      assertEquals("lazy-translation", row[1]);
      assertEquals("-", row[2], "no cold run");
      assertTrue(Double.parseDouble(row[3]) > 0, row[3]);
      // ge_u, return r0 (the leaf's copy turned into its return), unreachable, return r1 (kept for
      // jumps to it), sub, call, sub, call, add, return: see Translator's copy elision
      assertEquals("10", row[5], "fib's IR instructions, the same for every executor");
      assertEquals("same", row[7]);
    }
    assertTrue(out().contains("output: every run gave the same (exit status 0, 5 bytes on stdout,"),
        out());
    for (String line : out().split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    Document chart = BarChartTest.parse(Files.readString(svg));
    assertEquals(3, BarChartTest.elements(chart, "text", "panel").size(),
        "warm, compiled and IR: no cold");
  }

  @Test
  void aColdRunStartsAFreshJvmThatGivesTheSameOutput() {
    assertEquals(0, run("compare", QUICK, "--executors", "switch", "--modes", "eager,LAZY",
        "--cold-runs", "1", "../examples/fib.wasm", "--invoke", "fib", "20"), err());
    List<String[]> rows = rows();
    assertEquals(2, rows.size(), out());
    assertEquals("eager", rows.get(0)[1]);
    assertEquals("lazy", rows.get(1)[1]);
    for (String[] row : rows) {
      assertTrue(Double.parseDouble(row[2].replace(",", "")) > 0, "cold: " + row[2]);
      assertEquals("same", row[7]);
    }
  }

  @Test
  void aWasiCommandsOutputAndExitStatusAreCompared() {
    assertEquals(0, run("compare", QUICK, "--executors", "switch,asm", "--cold-runs", "0",
        "--env", "K=V", "src/test/resources/guests/echo.wasm", "a", "b"), err());
    assertTrue(out().contains("output: every run gave the same (exit status 3,"), out());
  }

  @Test
  void aTrapIsAnOutcomeLikeAnyOther() {
    assertEquals(0, run("compare", QUICK, "--executors", "switch,asm", "--cold-runs", "0",
        "--trap-unknown-imports", "--invoke", "call_missing", "src/test/resources/guests/trap.wasm"),
        err());
    assertTrue(out().contains("output: every run gave the same (exit status 134,"), out());
  }

  @Test
  void mistakesAreUsageErrorsThatSaySo() {
    assertEquals(2, run("compare", "--executors", "nope", "../examples/fib.wasm"));
    assertTrue(err().startsWith("wasmj: no executor 'nope' (found: "), err());
    err.reset();
    assertEquals(2, run("compare", "--modes", "eager,,lazy", "../examples/fib.wasm"));
    assertEquals("wasmj: --modes takes a comma-separated list, got 'eager,,lazy'\n", err());
    err.reset();
    assertEquals(2, run("compare", "--modes", "quick", "../examples/fib.wasm"));
    assertTrue(err().startsWith("wasmj: unknown compilation mode 'quick'"), err());
    err.reset();
    assertEquals(2, run("compare", "--runs", "0", "../examples/fib.wasm"));
    assertEquals("wasmj: --runs takes a number of at least 1, got 0\n", err());
    err.reset();
    assertEquals(2, run("compare", "--warmup-time", "soon", "../examples/fib.wasm"));
    assertEquals("wasmj: --warmup-time takes a duration such as 500ms, 10s, 2m or 1h, got 'soon'\n",
        err());
    err.reset();
    assertEquals(2, run("compare", "--cold-runs", "0", "../examples/fib.wasm", "--invoke", "fib"));
    assertEquals("wasmj: fib (func (i32) -> (i32)) takes 1 argument, got 0\n", err(),
        "the program's usage error, said once");
    assertEquals("", out());
  }
}
