package org.wasmj.cli;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures {@code wasmj compare} gathers, one {@link Row} per executor and compilation mode,
 * and how they are shown: a text table with notes, the executors' statistics, the dynamic IR-op
 * histograms of executors that count ops, and a {@link BarChart}.
 */
final class Comparison {
  /** The statistics key prefix of an executor's dynamic count of one IR op. */
  static final String OPS = "ops.";
  /** The statistics key prefix of an executor's dynamic count of IR ops in one function. */
  static final String FUNCTIONS = "functions.";
  /** The statistics key prefix of an executor's dynamic count of one pair of adjacent IR ops. */
  static final String PAIRS = "pairs.";

  /** What one run of the program left: its exit status and the SHA-256 of its stdout and stderr. */
  record Outcome(int status, String stdout, String stderr, int stdoutBytes, int stderrBytes) {
    static Outcome of(int status, byte[] stdout, byte[] stderr) {
      return new Outcome(status, sha256(stdout), sha256(stderr), stdout.length, stderr.length);
    }

    /** One line of {@code key=value} words, which {@link #parse} reads back. */
    String line() {
      return "status=" + status + " stdout=" + stdout + " stderr=" + stderr + " stdout-bytes="
          + stdoutBytes + " stderr-bytes=" + stderrBytes;
    }

    /** The outcome {@link #line} wrote. */
    static Outcome parse(String line) {
      Map<String, String> words = new LinkedHashMap<>();
      for (String w : line.trim().split(" ")) {
        int eq = w.indexOf('=');
        if (eq > 0) {
          words.put(w.substring(0, eq), w.substring(eq + 1));
        }
      }
      try {
        return new Outcome(Integer.parseInt(words.get("status")), words.get("stdout"),
            words.get("stderr"), Integer.parseInt(words.get("stdout-bytes")),
            Integer.parseInt(words.get("stderr-bytes")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not an outcome: " + line, e);
      }
    }

    /** The same exit status and output, byte for byte. */
    boolean sameAs(Outcome o) {
      return status == o.status && stdout.equals(o.stdout) && stderr.equals(o.stderr);
    }

    /** How it differs from {@code o}, in words. */
    String difference(Outcome o) {
      List<String> parts = new ArrayList<>();
      if (status != o.status) {
        parts.add("exit status " + status + " instead of " + o.status);
      }
      if (!stdout.equals(o.stdout)) {
        parts.add("other stdout (" + bytes(stdoutBytes) + ")");
      }
      if (!stderr.equals(o.stderr)) {
        parts.add("other stderr (" + bytes(stderrBytes) + ")");
      }
      return String.join(", ", parts);
    }
  }

  /** One executor in one compilation mode, and what was measured of it. */
  static final class Row {
    final String executor;
    final String mode;
    /** Milliseconds from starting a fresh JVM to its result, one per cold run. */
    final List<Double> coldMillis = new ArrayList<>();
    /** Milliseconds of each measured warm run. */
    final List<Double> warmMillis = new ArrayList<>();
    /** Untimed runs before those. */
    int warmupRuns;
    /** Every run's outcome, in-process and cold. */
    final List<Outcome> outcomes = new ArrayList<>();
    /** {@code Module.executorStatistics()} after the first run (for the op histogram). */
    Map<String, ? extends Number> firstRunStatistics = Map.of();
    /** {@code Module.executorStatistics()} after the last in-process run. */
    Map<String, ? extends Number> statistics = Map.of();
    /** Register-IR instructions and bytes of every defined function; -1 if unknown. */
    long irInstructions = -1;
    long irBytes = -1;

    Row(String executor, String mode) {
      this.executor = executor;
      this.mode = mode;
    }

    String name() {
      return executor + " " + mode;
    }
  }

  private final String program;
  private final int runs;
  private final int coldRuns;
  private final List<Row> rows = new ArrayList<>();

  /** A comparison of {@code program} (as the user wrote it) with those run counts. */
  Comparison(String program, int runs, int coldRuns) {
    this.program = program;
    this.runs = runs;
    this.coldRuns = coldRuns;
  }

  Row add(String executor, String mode) {
    Row r = new Row(executor, mode);
    rows.add(r);
    return r;
  }

  List<Row> rows() {
    return rows;
  }

  /** The first outcome: the one every other is compared with. */
  private Outcome reference() {
    for (Row r : rows) {
      if (!r.outcomes.isEmpty()) {
        return r.outcomes.get(0);
      }
    }
    return null;
  }

  /** The first outcome of {@code r} that differs from the reference, or null. */
  private Outcome differing(Row r) {
    Outcome ref = reference();
    for (Outcome o : r.outcomes) {
      if (!o.sameAs(ref)) {
        return o;
      }
    }
    return null;
  }

  /** Prints the table, its notes, the statistics and the op histograms of the top {@code top} ops. */
  void print(PrintStream out, int top) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"", "", "cold", "warm", "compiled", "IR", "IR", ""});
    cells.add(new String[] {"executor", "mode", "ms", "ms", "functions", "instrs", "bytes",
        "output"});
    for (Row r : rows) {
      cells.add(new String[] {r.executor, r.mode, millis(median(r.coldMillis)),
          millis(median(r.warmMillis)), statistic(r.statistics, "compiled"),
          count(r.irInstructions), count(r.irBytes), differing(r) == null ? "same" : "differs"});
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println("program: " + program);
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean text = i < 2 || i == row.length - 1; // names and words left, numbers right
        String cell = row[i];
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(i == 0 ? "" : "  ").append(text ? cell + pad : pad + cell);
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    for (String note : notes()) {
      boolean sub = note.startsWith("  ");
      CommandSpec.wrap(out, sub ? "  " : "", sub ? "    " : "  ", note.strip());
    }
    printStatistics(out);
    for (Row r : rows) {
      printHistogram(out, r, top);
    }
  }

  /** What the columns mean, and whether the output agreed. */
  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(coldRuns == 0 ? "cold: not measured (--cold-runs 0)."
        : "cold: time to the first result in a fresh JVM per row, from its start, wall clock"
            + (coldRuns == 1 ? "." : "; median of " + coldRuns + " JVMs."));
    notes.add("warm: time of a run (instantiate and run) in this JVM, one row after another;"
        + " median of " + runs + (runs == 1 ? " run" : " runs") + " after " + warmups() + ".");
    notes.add("compiled: functions compiled by the executor (its statistic \"compiled\").");
    notes.add("IR: instructions of the register IR of every function the module defines, and"
        + " bytes of its int[] code.");
    Outcome ref = reference();
    List<String> differences = new ArrayList<>();
    for (Row r : rows) {
      Outcome d = differing(r);
      if (d != null) {
        differences.add(r.name() + ": " + d.difference(ref));
      }
    }
    if (ref == null) {
      return notes;
    }
    String what = "exit status " + ref.status() + ", " + bytes(ref.stdoutBytes()) + " on stdout, "
        + bytes(ref.stderrBytes()) + " on stderr";
    if (differences.isEmpty()) {
      notes.add("output: every run gave the same (" + what + ").");
    } else {
      notes.add("output: runs differ; " + rows.get(0).name() + " gave " + what + ", but:");
      for (String d : differences) {
        notes.add("  " + d);
      }
    }
    return notes;
  }

  /** Each row's executor statistics, but the op, function and op-pair counts. */
  private void printStatistics(PrintStream out) {
    boolean header = false;
    for (Row r : rows) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, ? extends Number> e : r.statistics.entrySet()) {
        long v = e.getValue().longValue();
        if (v != 0 && !e.getKey().startsWith(OPS) && !e.getKey().startsWith(FUNCTIONS)
            && !e.getKey().startsWith(PAIRS)) {
          parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%,d", v));
        }
      }
      if (parts.isEmpty()) {
        continue;
      }
      if (!header) {
        out.println();
        out.println("executor statistics after the warm runs (zeros left out):");
        header = true;
      }
      CommandSpec.wrap(out, "  ", "    ", r.name() + ": " + String.join(", ", parts));
    }
  }

  /**
   * The ops (and functions, and pairs of adjacent ops) {@code r}'s executor counted in the first
   * run, most frequent first.
   */
  private static void printHistogram(PrintStream out, Row r, int top) {
    List<Map.Entry<String, Long>> ops = histogram(r.firstRunStatistics, OPS);
    if (ops.isEmpty()) {
      return;
    }
    out.println();
    printTop(out, ops, top, "IR ops executed by " + r.name() + " in one run");
    List<Map.Entry<String, Long>> functions = histogram(r.firstRunStatistics, FUNCTIONS);
    if (!functions.isEmpty()) {
      List<Map.Entry<String, Long>> named = new ArrayList<>();
      for (Map.Entry<String, Long> e : functions) {
        named.add(Map.entry("func " + e.getKey(), e.getValue()));
      }
      printTop(out, named, top, "IR ops executed per function");
    }
    List<Map.Entry<String, Long>> pairs = histogram(r.firstRunStatistics, PAIRS);
    if (!pairs.isEmpty()) {
      printTop(out, pairs, top, "IR op pairs (an op, then the next its frame ran)");
    }
  }

  private static void printTop(PrintStream out, List<Map.Entry<String, Long>> entries, int top,
      String title) {
    long total = 0;
    int width = 0;
    for (Map.Entry<String, Long> e : entries) {
      total += e.getValue();
    }
    List<Map.Entry<String, Long>> shown = entries.subList(0, Math.min(top, entries.size()));
    for (Map.Entry<String, Long> e : shown) {
      width = Math.max(width, Text.escape(e.getKey()).length());
    }
    out.printf(Locale.ROOT, "%s: %,d in all; the top %d of %d:%n", title, total, shown.size(),
        entries.size());
    for (Map.Entry<String, Long> e : shown) {
      String name = Text.escape(e.getKey());
      out.printf(Locale.ROOT, "  %s%s  %,15d  %5.1f%%%n", name, " ".repeat(width - name.length()),
          e.getValue(), total == 0 ? 0.0 : 100.0 * e.getValue() / total);
    }
  }

  /**
   * The entries of {@code statistics} whose keys start with {@code prefix}, without it, largest
   * count first (ties by name).
   */
  static List<Map.Entry<String, Long>> histogram(Map<String, ? extends Number> statistics,
      String prefix) {
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    for (Map.Entry<String, ? extends Number> e : statistics.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        out.add(Map.entry(e.getKey().substring(prefix.length()), e.getValue().longValue()));
      }
    }
    out.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
        : Long.compare(b.getValue(), a.getValue()));
    return out;
  }

  /** The table as a bar chart: a panel per measured column that has a value. */
  String svg() {
    List<BarChart.Panel> panels = new ArrayList<>();
    boolean oneMode = rows.stream().map(r -> r.mode).distinct().count() == 1;
    addPanel(panels, "Time to first result, cold (a fresh JVM per bar)",
        "milliseconds, wall clock (lower is better)", oneMode, r -> median(r.coldMillis));
    addPanel(panels, "Time per run, warm (median of " + runs + (runs == 1 ? " run" : " runs")
        + " after " + warmups() + ")",
        "milliseconds (lower is better)", oneMode, r -> median(r.warmMillis));
    addPanel(panels, "Functions compiled by the executor", "functions", oneMode,
        r -> r.statistics.containsKey("compiled") ? r.statistics.get("compiled").doubleValue()
            : Double.NaN);
    addPanel(panels, "Register IR of the module", "instructions", oneMode,
        r -> r.irInstructions < 0 ? Double.NaN : r.irInstructions);
    return BarChart.svg("wasmj compare: " + program, panels);
  }

  private void addPanel(List<BarChart.Panel> panels, String title, String axis, boolean oneMode,
      java.util.function.ToDoubleFunction<Row> value) {
    List<BarChart.Bar> bars = new ArrayList<>();
    boolean any = false;
    for (Row r : rows) {
      double v = value.applyAsDouble(r);
      any |= !Double.isNaN(v);
      bars.add(BarChart.Bar.of(oneMode ? r.executor : r.name(), v));
    }
    if (any) {
      panels.add(new BarChart.Panel(title, axis, bars));
    }
  }

  /** How many warm-up runs the rows had: {@code 5 warm-up runs}, {@code 5 to 300 warm-up runs}. */
  private String warmups() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Row r : rows) {
      min = Math.min(min, r.warmupRuns);
      max = Math.max(max, r.warmupRuns);
    }
    return rows.isEmpty() || min == max
        ? String.format(Locale.ROOT, max == 1 ? "%,d warm-up run" : "%,d warm-up runs", max)
        : String.format(Locale.ROOT, "%,d to %,d warm-up runs", min, max);
  }

  /** The median of {@code values}, or NaN if there are none. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "-";
    }
    return String.format(Locale.ROOT, ms >= 100 ? "%,.0f" : ms >= 10 ? "%.1f" : ms >= 1 ? "%.2f"
        : "%.3f", ms);
  }

  private static String statistic(Map<String, ? extends Number> statistics, String key) {
    Number v = statistics.get(key);
    return v == null ? "-" : String.format(Locale.ROOT, "%,d", v.longValue());
  }

  private static String count(long n) {
    return n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
  }

  private static String bytes(int n) {
    return n == 1 ? "1 byte" : String.format(Locale.ROOT, "%,d bytes", n);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
