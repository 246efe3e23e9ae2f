package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README.md's "Embedding wasmj in Java" example is {@link ReadmeExample}'s code, and it runs. */
class ReadmeExampleTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The lines between the markers of ReadmeExample.java, without the method's indentation. */
  static String snippet() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/org/wasmj/exec/ReadmeExample.java"));
    int begin = lines.indexOf("    // README: begin");
    int end = lines.indexOf("    // README: end");
    assertTrue(begin >= 0 && end > begin, "markers in ReadmeExample.java");
    return lines.subList(begin + 1, end).stream()
        .map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void theReadmeShowsTheExampleVerbatim() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(readme.contains("## Embedding wasmj in Java"), "the section is there");
    String block = "```java\n" + snippet() + "```";
    assertTrue(readme.contains(block), "README.md must contain, verbatim:\n" + block);
  }

  @Test
  void theExampleRunsFromTheRepositoryRoot() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(p -> Path.of(p).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, ReadmeExample.class.getName())
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals("hello, wasmj\n", out);
    assertEquals(0, p.exitValue());
  }
}
