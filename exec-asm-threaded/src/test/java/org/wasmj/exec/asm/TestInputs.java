package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs from outside the repository that some tests need ({@code wasm-opt}, {@code node},
 * binaryen.js): without them a test skips and prints why, except where the environment variable
 * {@value #REQUIRE} is set (as {@code .ci/run} sets it), where it fails, so that CI cannot pass by
 * testing less.
 */
final class TestInputs {
  /** The environment variable that turns a missing input from a skip into a failure. */
  static final String REQUIRE = "WASMJ_REQUIRE_TEST_INPUTS";

  private TestInputs() {}

  /** Whether missing inputs fail the tests that need them. */
  static boolean required() {
    String value = System.getenv(REQUIRE);
    return value != null && !value.isEmpty() && !value.equals("0");
  }

  /**
   * Nothing if {@code missing} (what is not there) is null; otherwise skips {@code test} and says
   * why, or fails it if inputs are {@link #required}.
   */
  static void check(String missing, String test) {
    if (missing == null) {
      return;
    }
    if (required()) {
      fail(missing + ": " + test + " cannot run, and " + REQUIRE + " is set");
    }
    String skipped = missing + ": " + test + " skipped";
    System.out.println(skipped);
    Assumptions.abort(skipped);
  }
}
