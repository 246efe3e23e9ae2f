package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link OpCodes} is generated from {@link Op}: this test fails when it is stale, and rewrites it
 * when run with {@code -Dwasmj.regenerate=true}
 * ({@code mvn -pl ir-register -am test -Dtest=OpCodesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwasmj.regenerate=true}).
 */
class OpCodesTest {
  static final Path SOURCE = Path.of("src/main/java/org/wasmj/ir/OpCodes.java");

  static String generate() {
    StringBuilder sb = new StringBuilder();
    sb.append("package org.wasmj.ir;\n\n")
        .append("/**\n")
        .append(" * The ordinal of every {@link Op}, as compile-time constants for executors' {@code switch}\n")
        .append(" * statements. Generated from {@link Op} by {@code OpCodesTest}, which fails when this file is\n")
        .append(" * stale; do not edit.\n")
        .append(" */\n")
        .append("public final class OpCodes {\n")
        .append("  private OpCodes() {}\n\n");
    for (Op op : Op.values()) {
      sb.append("  /** {@link Op#").append(op.name()).append("}. */\n");
      sb.append("  public static final int ").append(op.name()).append(" = ").append(op.ordinal()).append(";\n");
    }
    sb.append("\n  /** Number of ops. */\n  public static final int COUNT = ").append(Op.values().length).append(";\n}\n");
    return sb.toString();
  }

  @Test
  void opCodesMatchTheOpTable() throws IOException {
    String expected = generate();
    if (Boolean.getBoolean("wasmj.regenerate")) {
      Files.writeString(SOURCE, expected);
    }
    assertEquals(expected, Files.readString(SOURCE),
        "OpCodes.java is stale: rerun this test with -Dwasmj.regenerate=true");
  }
}
