package org.wasmj.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The read-only data folder {@code ../shared} next to the repository (or its worktree). */
public final class Shared {
  private Shared() {}

  /**
   * The folder {@code ../shared/<name>} next to the repository, or the path given by the system
   * property {@code property}. If it has no {@code marker} inside, the calling test is skipped
   * and {@code howToGet} (printed too) says why.
   */
  public static Path locate(String name, String property, String marker, String howToGet) {
    String given = System.getProperty(property);
    Path searched;
    if (given != null) {
      searched = Path.of(given);
    } else {
      Path repo = Path.of("").toAbsolutePath();
      while (repo != null && !Files.exists(repo.resolve(".git"))) { // a worktree's .git is a file
        repo = repo.getParent();
      }
      searched = (repo == null ? Path.of("").toAbsolutePath() : repo)
          .resolveSibling("shared").resolve(name);
    }
    boolean present = Files.exists(searched.resolve(marker));
    String message = name + " tests skipped: no " + searched.resolve(marker) + ". " + howToGet
        + " (or pass -D" + property + "=<dir>).";
    if (!present) {
      System.out.println(message);
    }
    Assumptions.assumeTrue(present, message);
    return searched;
  }
}
