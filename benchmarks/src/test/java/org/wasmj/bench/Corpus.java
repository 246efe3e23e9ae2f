package org.wasmj.bench;

import org.wasmj.testsupport.Shared;

/** Skips a test, saying why, when {@code ../shared/bench-wasm} is not there (see {@link Shared}). */
final class Corpus {
  private Corpus() {}

  static void assumePresent() {
    String missing = null;
    try {
      BenchWasm.root();
    } catch (IllegalStateException e) {
      missing = e.getMessage();
    }
    Shared.assumeInput(missing == null, missing);
  }
}
