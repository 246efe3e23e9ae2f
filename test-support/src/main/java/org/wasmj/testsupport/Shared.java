package org.wasmj.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The test inputs that live outside the repository: the read-only data folder {@code ../shared}
 * next to it (or its worktree) and tools such as binaryen's {@code wasm-opt}. A developer
 * without one gets the tests that need it skipped, with a message saying how to get it; where
 * the environment variable {@value #REQUIRE_INPUTS} is set ({@code .ci/run} sets it), those
 * tests fail instead, so CI never passes by skipping what it should have run.
 */
public final class Shared {
  /** Set (to anything) to make a missing test input fail its tests rather than skip them. */
  public static final String REQUIRE_INPUTS = "WASMJ_REQUIRE_TEST_INPUTS";

  private Shared() {}

  /** True where missing test inputs are failures ({@value #REQUIRE_INPUTS} is set). */
  public static boolean inputsRequired() {
    return System.getenv(REQUIRE_INPUTS) != null;
  }

  /**
   * The repository's root: the first folder up from the working directory that holds
   * {@code .git} (a directory in a clone, a file in a worktree), else the working directory.
   */
  public static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return dir;
  }

  /**
   * The path given by the system property {@code property}, else {@code ../shared/<name>} next
   * to the repository; it may not exist.
   */
  public static Path folder(String name, String property) {
    String given = System.getProperty(property);
    return given != null ? Path.of(given) : repository().resolveSibling("shared").resolve(name);
  }

  /**
   * {@link #folder} if it has {@code marker} inside; if not, the calling test is skipped (or
   * fails, see {@link #inputsRequired}) and {@code howToGet} (printed too) says why.
   */
  public static Path locate(String name, String property, String marker, String howToGet) {
    Path searched = folder(name, property);
    assumeInput(Files.exists(searched.resolve(marker)), "no " + name + " at " + searched + " (no "
        + marker + " inside). " + howToGet + " (or pass -D" + property + "=<dir>).");
    return searched;
  }

  /**
   * Skips the calling test when a test input is not {@code present}, printing {@code message};
   * fails it instead where inputs are {@linkplain #inputsRequired() required}.
   */
  public static void assumeInput(boolean present, String message) {
    if (!present) {
      missing("Skipped: " + message);
    }
    Assumptions.assumeTrue(present, message);
  }

  /**
   * Reports a missing test input that the calling test works around (a smaller corpus, say):
   * prints {@code message}, or fails where inputs are {@linkplain #inputsRequired() required}.
   */
  public static void missing(String message) {
    if (inputsRequired()) {
      Assertions.fail("A test input is missing, and " + REQUIRE_INPUTS + " is set (as .ci/run"
          + " sets it), so the tests that need it fail instead of skipping: " + message);
    }
    System.out.println(message);
  }
}
