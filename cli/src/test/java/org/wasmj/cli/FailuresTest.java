package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int guard(boolean verbose, Failures.Guarded body) {
    return Failures.guard(new PrintStream(err, true, StandardCharsets.UTF_8), verbose, body);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void errorsThatEscapeTheRuntimeAreOneLineInternalErrors() {
    List<Error> errors = List.of(
        new ClassFormatError("Too many arguments in method signature in class file wasmj/gen/F0"),
        new OutOfMemoryError("Java heap space"), new StackOverflowError(),
        new NoClassDefFoundError("wasmj/gen/F1"), new InternalError("a\nmulti-line\nmessage"),
        new AssertionError("x".repeat(100_000)));
    for (Error e : errors) {
      err.reset();
      assertEquals(Failures.INTERNAL, guard(false, () -> {
        throw e;
      }));
      String out = err();
      assertTrue(out.startsWith("wasmj: internal error: " + e.getClass().getName()), out);
      assertEquals(1, out.split("\n", -1).length - 1, "one line: " + out);
      assertTrue(out.length() < 400, out.length() + " characters");
    }
  }

  @Test
  void verboseAddsTheStackTraceOfAnInternalError() {
    assertEquals(Failures.INTERNAL, guard(true, () -> {
      throw new LinkageError("bad class");
    }));
    assertTrue(err().startsWith("wasmj: internal error: java.lang.LinkageError: bad class\n"), err());
    assertTrue(err().contains("\tat org.wasmj.cli.FailuresTest"), err());
  }

  @Test
  void anIllegalArgumentIsAUsageErrorOnlyWhereTheCommandLineMadeIt() throws Exception {
    assertEquals(2, guard(false, () -> Failures.fromOptions(() -> {
      throw new IllegalArgumentException("unknown compilation mode 'fast'");
    })));
    assertEquals("wasmj: unknown compilation mode 'fast'\n", err());
    err.reset();
    assertEquals(Failures.INTERNAL, guard(false, () -> {
      throw new IllegalArgumentException("a bug of ours");
    }));
    assertTrue(err().startsWith("wasmj: internal error: java.lang.IllegalArgumentException"), err());
  }
}
