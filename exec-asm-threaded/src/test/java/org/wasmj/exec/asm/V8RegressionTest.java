package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.exec.Config;
import org.wasmj.testsupport.Shared;

/**
 * Modules on which wasmj once disagreed with V8, and the harness's own check: each
 * {@code src/test/resources/v8-regressions/NAME.wasm} (minimised by {@code wasm-reduce}; its text
 * in {@code NAME.wat}) must give V8's transcript, kept in {@code NAME.v8}, on every executor of
 * {@link V8DifferentialTest#CONFIGS}, with or without Node. Where {@code node} runs, V8 must still
 * say {@code NAME.v8} too, so the file cannot drift from what V8 does.
 */
class V8RegressionTest {
  private static final Path DIR = DifferentialTest.repository()
      .resolve("exec-asm-threaded/src/test/resources/v8-regressions");

  @TestFactory
  Stream<DynamicTest> everyExecutorSaysWhatV8Says() throws IOException {
    List<Path> modules = modules();
    assertTrue(modules.size() >= 1, "no modules in " + DIR);
    return modules.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      byte[] wasm = Files.readAllBytes(p);
      String expected = expected(p);
      for (Map.Entry<String, Config> e : V8DifferentialTest.CONFIGS.entrySet()) {
        String ours = V8DifferentialTest.transcript(wasm, e.getValue());
        assertNull(V8DifferentialTest.difference(expected, ours),
            e.getKey() + " on " + p.getFileName() + ":\n" + ours);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> v8StillSaysIt() throws IOException {
    String missing = NodeV8.unavailable();
    Shared.assumeInput(missing == null, missing + ": checking the .v8 files against V8 skipped");
    List<Path> modules = modules();
    NodeV8 v8 = NodeV8.oracle();
    return modules.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      String theirs = v8.transcript(p, V8DifferentialTest.compile(Files.readAllBytes(p)));
      assertEquals(expected(p), theirs);
    })).onClose(v8::close);
  }

  private static List<Path> modules() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".wasm")).sorted()
          .collect(Collectors.toList());
    }
  }

  /** V8's transcript of {@code wasm}, from {@code NAME.v8} (lines may end in a space). */
  private static String expected(Path wasm) throws IOException {
    String name = wasm.getFileName().toString();
    Path file = wasm.resolveSibling(name.substring(0, name.length() - ".wasm".length()) + ".v8");
    return Files.readString(file, StandardCharsets.UTF_8).replaceAll("\n+$", "");
  }
}
