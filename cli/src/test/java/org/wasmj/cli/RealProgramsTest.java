package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.testsupport.Shared;
import org.wasmj.testsupport.WasiTestsuite;

/**
 * Real programs built for WASI ({@code ../shared/bench-wasm/wasmi-benchmarks/wasm}: bz2,
 * pulldown-cmark, SpiderMonkey) run through {@code wasmj run --default-values-unknown-imports
 * --dir <input dir>::.} and must print what Node 20's {@code node:wasi} prints on the same input:
 * the reference outputs in {@code src/test/resources/real-programs} (regenerate them with
 * {@code node-reference.sh}), and, when {@code node} is on the PATH, Node run live as well.
 */
class RealProgramsTest {
  private static final Path RESOURCES = Path.of("src/test/resources/real-programs");

  @ParameterizedTest
  @ValueSource(strings = {"bz2", "pulldown-cmark", "spidermonkey"})
  void printsWhatNodePrints(String name) throws Exception {
    Path corpus = Shared.locate("bench-wasm", "wasmj.benchwasm", "wasmi-benchmarks/wasm",
        "Put the benchmark corpus at ../shared/bench-wasm (see its README.md)");
    Path wasm = corpus.resolve("wasmi-benchmarks/wasm/" + name + ".wasm");
    Path dir = Files.createTempDirectory("wasmj-" + name + "-");
    try {
      writeInput(name, dir);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Main.run(new String[] {"run", "--default-values-unknown-imports", "--dir",
          dir + "::.", wasm.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      String[] wasmj = {Integer.toString(exit), out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8)};
      String[] reference = {Files.readString(RESOURCES.resolve(name + ".exit")).strip(),
          Files.readString(RESOURCES.resolve(name + ".stdout")),
          Files.readString(RESOURCES.resolve(name + ".stderr"))};
      assertEquals(reference[0], wasmj[0], name + ": exit code (stderr: " + wasmj[2] + ")");
      assertEquals(reference[1], wasmj[1], name + ": stdout");
      assertEquals(reference[2], wasmj[2], name + ": stderr");
      String[] live = node(wasm, dir);
      if (live == null) {
        System.out.println(name + ": node not found on the PATH; compared with the recorded"
            + " Node output only");
      } else {
        assertEquals(live[0], wasmj[0], name + ": exit code, Node live");
        assertEquals(live[1], wasmj[1], name + ": stdout, Node live");
        assertEquals(live[2], wasmj[2], name + ": stderr, Node live");
      }
    } finally {
      WasiTestsuite.deleteTree(dir);
    }
  }

  private static void writeInput(String name, Path dir) throws IOException {
    if (name.equals("pulldown-cmark")) {
      Files.copy(RESOURCES.resolve("pulldown-cmark.input.md"), dir.resolve("default.input.md"));
    } else if (name.equals("spidermonkey")) {
      Files.copy(RESOURCES.resolve("spidermonkey.input.js"), dir.resolve("default.input"));
    }
  }

  /** Exit code, stdout and stderr of the program under Node, or null if there is no node. */
  private static String[] node(Path wasm, Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "--no-warnings",
        RESOURCES.resolve("node-wasi.mjs").toAbsolutePath().toString(), wasm.toString()));
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(dir.resolve(".node.stdout").toFile())
          .redirectError(dir.resolve(".node.stderr").toFile()).start();
    } catch (IOException e) {
      return null;
    }
    try (InputStream ignored = p.getInputStream()) {
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("node did not finish in 300 s");
      }
    }
    return new String[] {Integer.toString(p.exitValue()),
        Files.readString(dir.resolve(".node.stdout")), Files.readString(dir.resolve(".node.stderr"))};
  }
}
