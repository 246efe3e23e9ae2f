package org.wasmj.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test, saying why, when {@code ../shared/bench-wasm} is not there. */
final class Corpus {
  private Corpus() {}

  static void assumePresent() {
    boolean present;
    try {
      BenchWasm.root();
      present = true;
    } catch (IllegalStateException e) {
      present = false;
      System.out.println("SKIPPED: " + e.getMessage());
    }
    assumeTrue(present, "bench-wasm corpus not found");
  }
}
