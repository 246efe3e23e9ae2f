package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void inspectPrintsSectionsExportsAndValidity() {
    assertEquals(0, run("inspect", "../examples/fib.wasm"));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("code "), text);
    assertTrue(text.contains("fib: func (i32) -> (i32)"), text);
    assertTrue(text.contains("valid: yes"), text);
  }

  @Test
  void aMalformedFileIsOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.wasm");
    Files.write(bad, new byte[] {0, 'a', 's', 'm', 9, 0, 0, 0});
    assertEquals(1, run("inspect", bad.toString()));
    assertEquals("wasmj: malformed module: unknown binary version\n",
        err.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  @Test
  void unknownCommandsAndMissingFilesFail() {
    assertEquals(2, run("frobnicate"));
    assertEquals(1, run("inspect", "no/such/file.wasm"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
  }

  @Test
  void runInvokesAnExportAndPrintsItsResult() {
    assertEquals(0, run("run", "../examples/fib.wasm", "--invoke", "fib", "20"));
    assertEquals("6765\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  @Test
  void runTakesOptionsBeforeTheModuleToo() {
    assertEquals(0, run("run", "--compilation-mode", "lazy", "--invoke", "sum",
        "../examples/loop.wasm", "1000"));
    assertEquals("2001\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  @Test
  void aTrapPrintsItsMessageAndFails(@TempDir Path dir) throws Exception {
    // (module (func (export "boom") unreachable))
    Path wasm = dir.resolve("boom.wasm");
    Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0,
        7, 8, 1, 4, 'b', 'o', 'o', 'm', 0, 0, 10, 5, 1, 3, 0, 0, 0x0B});
    assertEquals(134, run("run", "--invoke", "boom", wasm.toString()));
    assertEquals("wasmj: trap: unreachable\n", err.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, run("run", "../examples/fib.wasm", "--invoke", "fib", "x"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("'x' is not a valid i32"));
    assertEquals(2, run("run", "--executor", "nope", "../examples/fib.wasm"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("available: asm, tiered, switch"));
  }
}
