package org.wasmj.spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects spec-suite outcomes and writes the TSV reports and the printed summary. */
final class Report {
  private static final String HEADER = "executor\tmode\tprofile\tfile\tkind\tpassed\tfailed\tskipped";

  /** (executor, mode, profile, file, kind) → {passed, failed, skipped}. */
  private final Map<String, int[]> rows = new TreeMap<>();
  private final List<String> skips = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> mismatches = new ArrayList<>();
  private final Map<String, Integer> skipReasons = new TreeMap<>();

  synchronized void pass(String executor, String mode, String profile, String file, String kind) {
    count(executor, mode, profile, file, kind)[0]++;
  }

  synchronized void fail(String executor, String mode, String profile, String file, int line,
      String kind, String expected, String actual) {
    count(executor, mode, profile, file, kind)[1]++;
    failures.add(executor + "\t" + mode + "\t" + file + "\t" + line + "\t" + kind + "\t"
        + expected + "\t" + oneLine(actual));
  }

  synchronized void skip(String executor, String mode, String profile, String file, int line,
      String kind, String reason) {
    count(executor, mode, profile, file, kind)[2]++;
    skips.add(executor + "\t" + mode + "\t" + file + "\t" + line + "\t" + kind + "\t" + reason);
    skipReasons.merge(executor + " " + mode + ": " + reason, 1, Integer::sum);
  }

  synchronized void messageMismatch(String file, int line, String kind, String expected, String actual) {
    mismatches.add(file + "\t" + line + "\t" + kind + "\t" + expected + "\t" + oneLine(actual));
  }

  private int[] count(String executor, String mode, String profile, String file, String kind) {
    return rows.computeIfAbsent(
        String.join("\t", executor, mode, profile, file, kind), k -> new int[3]);
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }

  /** Writes the reports into {@code dir} and prints the summary. */
  synchronized void write(Path dir, PrintStream out) {
    List<String> report = new ArrayList<>();
    report.add(HEADER);
    Map<String, int[]> byProfileKind = new TreeMap<>();
    int[] total = new int[3];
    rows.forEach(
        (key, c) -> {
          report.add(key + "\t" + c[0] + "\t" + c[1] + "\t" + c[2]);
          String[] f = key.split("\t");
          int[] s = byProfileKind.computeIfAbsent(
              f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[4], k -> new int[3]);
          for (int i = 0; i < 3; i++) {
            s[i] += c[i];
            total[i] += c[i];
          }
        });
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("spec-report.tsv"), report);
      Files.write(dir.resolve("spec-skips.tsv"), withHeader("executor\tmode\tfile\tline\tkind\treason", skips));
      Files.write(dir.resolve("spec-failures.tsv"),
          withHeader("executor\tmode\tfile\tline\tkind\texpected\tactual", failures));
      Files.write(dir.resolve("spec-message-mismatches.tsv"),
          withHeader("file\tline\tkind\texpected\tactual", mismatches));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("== spec suite summary (executor, mode, profile, kind: passed / failed / skipped)");
    byProfileKind.forEach(
        (key, c) -> out.printf("%-58s %6d %6d %6d%n", key.replace('\t', ' '), c[0], c[1], c[2]));
    out.printf("%-58s %6d %6d %6d%n", "total", total[0], total[1], total[2]);
    out.println("skipped, by reason:");
    skipReasons.forEach((reason, n) -> out.printf("  %6d  %s%n", n, reason));
    out.printf("message mismatches (right exception, other wording): %d%n", mismatches.size());
    failures.stream().limit(50).forEach(f -> out.println("FAILED " + f));
  }

  private static List<String> withHeader(String header, List<String> lines) {
    List<String> all = new ArrayList<>(lines.size() + 1);
    all.add(header);
    all.addAll(lines);
    return all;
  }
}
