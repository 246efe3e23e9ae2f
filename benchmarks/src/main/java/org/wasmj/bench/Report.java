package org.wasmj.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs JMH with the given command line (the same as {@code java -jar benchmarks.jar ...}) and
 * then prints the results as a Markdown table of medians, with each wasmj result's speed-up over
 * every Chicory result of the same workload or module ({@code chicory median / wasmj median}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Report Execute Startup
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Report Execute -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 *
 * The median is over all measured iterations of all forks; the range after it is the lowest and
 * highest iteration.
 */
public final class Report {
  /** Parameters that name what is measured (a row); the others name who runs it (a column). */
  private static final Set<String> ROW_PARAMS = Set.of("workload", "module");

  private Report() {}

  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    System.out.println();
    System.out.print(table(results));
  }

  /** One measured cell: who ran it, and its statistics. */
  private record Cell(String runner, boolean chicory, Statistics stats, String unit) {
    String median() {
      return fmt(stats.getPercentile(50)) + " (" + fmt(stats.getMin()) + "–" + fmt(stats.getMax()) + ")";
    }
  }

  static String table(Collection<RunResult> results) {
    // benchmark class -> row (workload/module) -> cells
    Map<String, Map<String, List<Cell>>> byClass = new LinkedHashMap<>();
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      String full = p.getBenchmark();
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      String method = full.substring(dot + 1);
      StringBuilder row = new StringBuilder();
      StringBuilder runner = new StringBuilder(method);
      for (String key : p.getParamsKeys()) {
        if (ROW_PARAMS.contains(key)) {
          row.append(row.length() == 0 ? "" : " ").append(p.getParam(key));
        } else {
          runner.append(' ').append(key).append('=').append(p.getParam(key));
        }
      }
      Result primary = r.getPrimaryResult();
      byClass.computeIfAbsent(cls, c -> new LinkedHashMap<>())
          .computeIfAbsent(row.length() == 0 ? "-" : row.toString(), k -> new ArrayList<>())
          .add(new Cell(runner.toString(), method.startsWith("chicory"), primary.getStatistics(),
              primary.getScoreUnit()));
    }
    StringBuilder out = new StringBuilder();
    byClass.forEach((cls, rows) -> {
      List<String> chicoryRunners = new ArrayList<>();
      rows.values().forEach(cells -> cells.stream().filter(Cell::chicory)
          .map(Cell::runner).filter(n -> !chicoryRunners.contains(n)).forEach(chicoryRunners::add));
      out.append("### ").append(cls).append("\n\n| what | runner | median (min–max) |");
      for (String c : chicoryRunners) {
        out.append(' ').append(c).append(" | ×").append(" |");
      }
      out.append(" unit | n |\n|---|---|---:|");
      out.append("---:|---:|".repeat(chicoryRunners.size())).append("---|---:|\n");
      rows.forEach((row, cells) -> {
        for (Cell cell : cells) {
          if (cell.chicory && !chicoryRunners.isEmpty() && cells.stream().anyMatch(c -> !c.chicory)) {
            continue; // shown as a baseline column of the wasmj rows
          }
          out.append("| ").append(row).append(" | ").append(cell.runner).append(" | ")
              .append(cell.median()).append(" |");
          for (String c : chicoryRunners) {
            Cell base = cells.stream().filter(x -> x.runner.equals(c)).findFirst().orElse(null);
            if (base == null || cell.chicory) {
              out.append(" | |");
            } else {
              double ratio = base.stats.getPercentile(50) / cell.stats.getPercentile(50);
              out.append(' ').append(base.median()).append(" | ")
                  .append(String.format(Locale.ROOT, "%.1f×", ratio)).append(" |");
            }
          }
          out.append(' ').append(cell.unit).append(" | ").append(cell.stats.getN()).append(" |\n");
        }
      });
      out.append('\n');
    });
    return out.toString();
  }

  private static String fmt(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }
}
