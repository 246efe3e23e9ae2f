package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wasmj.ir.Op;

/**
 * The interpreter follows the {@link Op} table: its generated cases are fresh, and every op has
 * a case. Rerun with {@code -Dwasmj.regenerate=true} to rewrite the generated cases.
 */
class DispatchGeneratorTest {
  private static final Path SOURCE = Path.of("src/main/java/org/wasmj/exec/loopswitch/Interpreter.java");
  private static final Path SIMD_SOURCE = Path.of("src/main/java/org/wasmj/exec/loopswitch/SimdInterpreter.java");

  @Test
  void generatedCasesAreFresh() throws IOException {
    String source = Files.readString(SOURCE);
    String expected = DispatchGenerator.apply(source);
    if (Boolean.getBoolean("wasmj.regenerate")) {
      Files.writeString(SOURCE, expected);
      source = expected;
    }
    assertEquals(expected, source,
        "Interpreter.java is stale: rerun DispatchGeneratorTest with -Dwasmj.regenerate=true");
  }

  @Test
  void generatedSimdCasesAreFresh() throws IOException {
    String source = Files.readString(SIMD_SOURCE);
    String expected = SimdDispatchGenerator.apply(source);
    if (Boolean.getBoolean("wasmj.regenerate")) {
      Files.writeString(SIMD_SOURCE, expected);
      source = expected;
    }
    assertEquals(expected, source,
        "SimdInterpreter.java is stale: rerun DispatchGeneratorTest with -Dwasmj.regenerate=true");
  }

  /**
   * Ops with a fast path in {@code runInFrame} that hands the op to {@code run} when it cannot
   * finish it there (a loop count that runs out, a deadline passed or an interrupt, too little
   * fuel): the only ops with two cases.
   */
  private static final Set<String> TWO_LEVELS = Set.of("COUNT_LOOP", "CHECK_INTERRUPT", "FUEL_I");

  @Test
  void everyOpHasExactlyOneCase() throws IOException {
    Matcher m = Pattern.compile("case OpCodes\\.(\\w+):")
        .matcher(Files.readString(SOURCE) + Files.readString(SIMD_SOURCE));
    Set<String> handled = new TreeSet<>();
    Set<String> twice = new TreeSet<>();
    while (m.find()) {
      if (!handled.add(m.group(1))) {
        assertTrue(TWO_LEVELS.contains(m.group(1)) && twice.add(m.group(1)),
            "more cases than expected for " + m.group(1));
      }
    }
    assertEquals(TWO_LEVELS, twice, "ops with a fast and a slow case");
    Set<String> all = new TreeSet<>();
    for (Op op : Op.values()) {
      all.add(op.name());
    }
    assertEquals(all, handled, "ops without a case in the interpreter (or unknown cases)");
  }
}
