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
}
