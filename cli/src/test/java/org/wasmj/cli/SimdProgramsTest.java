package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The C programs of {@code examples/simd} (an image filter, float matrix kernels, byte statistics),
 * built by clang with and without {@code -msimd128}, run through {@code wasmj run} on every
 * executor and print what Node prints: the recorded {@code NAME.stdout} ({@code build.sh} writes
 * it), and Node run live when {@code node} is on the PATH.
 */
class SimdProgramsTest {
  private static final Path DIR = Path.of("../examples/simd");

  @ParameterizedTest
  @CsvSource({"blur, simd", "blur, scalar", "matmul, simd", "matmul, scalar", "histogram, simd",
      "histogram, scalar"})
  void printsWhatNodePrints(String name, String build) throws Exception {
    Path wasm = DIR.resolve(name + "." + build + ".wasm");
    String expected = Files.readString(DIR.resolve(name + ".stdout"));
    for (String executor : new String[] {"asm", "switch", "tiered"}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Main.run(new String[] {"run", "--executor", executor, wasm.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, exit, executor + ": " + err.toString(StandardCharsets.UTF_8));
      assertEquals(expected, out.toString(StandardCharsets.UTF_8), name + "." + build + " on " + executor);
    }
    String live = node(wasm);
    if (live == null) {
      System.out.println(name + ": node not found on the PATH; compared with the recorded output only");
    } else {
      assertEquals(expected, live, name + "." + build + ": Node live");
    }
  }

  /** What Node prints running the program, or null if there is no node. */
  private static String node(Path wasm) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("node", "--no-warnings", DIR.resolve("node-wasi.mjs").toString(),
          wasm.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("node did not finish in 120 s");
    }
    assertEquals(0, p.exitValue(), "node's exit code");
    return out;
  }
}
