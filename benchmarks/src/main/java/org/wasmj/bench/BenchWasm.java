package org.wasmj.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the benchmark corpus {@code ../shared/bench-wasm} next to the repository (or the folder
 * named by {@code -Dwasmj.benchwasm}) and loads modules from it.
 */
final class BenchWasm {
  private BenchWasm() {}

  /** The corpus folder; fails with a message saying where it was looked for. */
  static Path root() {
    String property = System.getProperty("wasmj.benchwasm");
    if (property != null) {
      return Path.of(property);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared").resolve("bench-wasm");
      if (Files.isDirectory(d.resolve(".git")) && Files.isDirectory(candidate)) {
        return candidate;
      }
      if (Files.isDirectory(d.resolve("shared/bench-wasm"))) {
        return d.resolve("shared/bench-wasm");
      }
    }
    throw new IllegalStateException(
        "bench-wasm corpus not found above " + dir + "; set -Dwasmj.benchwasm=<path to shared/bench-wasm>");
  }

  /** The bytes of {@code relative} (e.g. {@code wasmi-benchmarks/wasm/bz2.wasm}). */
  static byte[] load(String relative) {
    try {
      return Files.readAllBytes(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
