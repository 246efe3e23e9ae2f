package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ComparisonTest {
  private static final byte[] OUT = "6765\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NONE = new byte[0];

  private static String print(Comparison c, int top) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    c.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), top);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Comparison twoExecutors() {
    Comparison c = new Comparison("fib.wasm --invoke=fib 20", 10, 1);
    Comparison.Row slow = c.add("switch", "eager");
    slow.coldMillis.add(400.0);
    slow.warmMillis.addAll(List.of(30.0, 20.0, 25.0));
    slow.outcomes.add(Comparison.Outcome.of(0, OUT, NONE));
    slow.irInstructions = 9;
    slow.irBytes = 116;
    slow.warmupRuns = 5;
    Comparison.Row fast = c.add("asm", "eager");
    fast.coldMillis.add(300.0);
    fast.warmMillis.addAll(List.of(2.0, 1.0));
    fast.outcomes.add(Comparison.Outcome.of(0, OUT, NONE));
    fast.statistics = Map.of("compiled", 1L);
    fast.warmupRuns = 500;
    return c;
  }

  @Test
  void theTableHasARowPerExecutorAndModeWithMediansAndSaysTheOutputAgreed() {
    String text = print(twoExecutors(), 10);
    assertTrue(text.startsWith("program: fib.wasm --invoke=fib 20\n"), text);
    assertEquals(List.of("switch", "eager", "400", "25.0", "-", "9", "116", "same"),
        words(text, "switch"));
    assertEquals(List.of("asm", "eager", "300", "1.50", "1", "-", "-", "same"), words(text, "asm"));
    assertTrue(text.contains("\noutput: every run gave the same (exit status 0, 5 bytes on stdout,"
        + " 0 bytes on\n  stderr).\n"), text);
    assertTrue(text.contains("median of 10 runs after 5 to 500 warm-up runs."), text);
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
  }

  /** The words of the line of {@code text} that starts with {@code start} and a space. */
  private static List<String> words(String text, String start) {
    for (String line : text.split("\n")) {
      if (line.startsWith(start + " ")) {
        return List.of(line.split(" +"));
      }
    }
    return List.of();
  }

  @Test
  void aRunThatDiffersIsNamedWithHowItDiffers() {
    Comparison c = twoExecutors();
    c.rows().get(1).outcomes.add(Comparison.Outcome.of(134, NONE, OUT));
    String text = print(c, 10);
    assertTrue(text.contains("  differs\n"), text);
    assertTrue(text.contains("\n  asm eager: exit status 134 instead of 0, other stdout (0 bytes),"
        + " other stderr\n    (5 bytes)\n"), text);
  }

  @Test
  void anOutcomeSurvivesItsOneLine() {
    Comparison.Outcome o = Comparison.Outcome.of(3, OUT, NONE);
    Comparison.Outcome again = Comparison.Outcome.parse(o.line());
    assertEquals(o, again);
    assertTrue(o.sameAs(again));
    assertFalse(o.sameAs(Comparison.Outcome.of(3, NONE, NONE)));
  }

  @Test
  void opCountsMakeAHistogramMostFrequentFirst() {
    Map<String, Integer> statistics = new LinkedHashMap<>();
    statistics.put("compiled", 0);
    statistics.put("ops.i32.add_rrr", 30);
    statistics.put("ops.call", 60);
    statistics.put("ops.br_if", 30);
    statistics.put("functions.0", 120);
    List<Map.Entry<String, Long>> ops = Comparison.histogram(statistics, Comparison.OPS);
    assertEquals(List.of(Map.entry("call", 60L), Map.entry("br_if", 30L),
        Map.entry("i32.add_rrr", 30L)), ops);

    Comparison c = twoExecutors();
    c.rows().get(0).firstRunStatistics = statistics;
    String text = print(c, 2);
    assertTrue(text.contains("IR ops executed by switch eager in one run: 120 in all; the top 2"
        + " of 3:\n  call                60   50.0%\n  br_if               30   25.0%\n"), text);
    assertTrue(text.contains("IR ops executed per function: 120 in all; the top 1 of 1:\n"
        + "  func 0              120  100.0%\n"), text);
    assertFalse(text.contains("i32.add_rrr"), "only the top 2");
  }

  @Test
  void opPairsMakeTheirOwnHistogramNotStatistics() {
    Map<String, Integer> statistics = new LinkedHashMap<>();
    statistics.put("ops.call", 60);
    statistics.put("pairs.sub+call", 40);
    statistics.put("pairs.call+add", 20);
    Comparison c = twoExecutors();
    c.rows().get(0).firstRunStatistics = statistics;
    c.rows().get(0).statistics = statistics;
    String text = print(c, 2);
    assertTrue(text.contains("IR op pairs (an op, then the next its frame ran): 60 in all; the top"
        + " 2 of 2:\n  sub+call" + " ".repeat(15) + "40   66.7%\n  call+add" + " ".repeat(15)
        + "20   33.3%\n"), text);
    assertFalse(text.contains("pairs.sub+call"), "pair counts are not listed as statistics");
  }

  @Test
  void theChartHasAPanelPerMeasuredColumn() throws Exception {
    Document d = BarChartTest.parse(twoExecutors().svg());
    assertEquals(4, BarChartTest.elements(d, "text", "panel").size(),
        "cold, warm, compiled functions, IR instructions");
    assertEquals("switch", BarChartTest.elements(d, "text", "label").get(0).getTextContent(),
        "one mode: bars named by executor alone");
  }

  @Test
  void irSizeCountsInstructionsAndSlotsOfADisassembly() {
    String fib = "func 0 (i32) -> (i32): 4 registers (1 params, 0 locals)\n"
        + "@0: r1 <- i32.lt_s_ri r0 #2\n"
        + "@4: br_if_eqz r1 @7\n"
        + "@7: br_table_ri r0 #2 [@0 @4]\n"
        + "@12: return_r r0\n";
    assertArrayEquals(new long[] {4, 14}, CompareCommand.irSize(fib));
  }
}
