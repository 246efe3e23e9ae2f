package org.wasmj.exec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the prepared spec testsuite is: {@code -Dwasmj.testsuite}, else {@code ../shared/wasm-testsuite}. */
final class SpecSuite {
  private SpecSuite() {}

  /** The directory the suite should be in. */
  static Path expected() {
    String property = System.getProperty("wasmj.testsuite");
    if (property != null) {
      return Path.of(property);
    }
    Path repo = Path.of("").toAbsolutePath();
    // .git is a directory in a clone and a file in a git worktree
    while (repo != null && !Files.exists(repo.resolve(".git"))) {
      repo = repo.getParent();
    }
    Path base = repo != null ? repo : Path.of("").toAbsolutePath();
    return base.resolveSibling("shared").resolve("wasm-testsuite");
  }

  /** The suite's {@code json} directory, or {@code null} if it is absent. */
  static Path json() {
    Path json = expected().resolve("json");
    return Files.isDirectory(json) ? json : null;
  }
}
