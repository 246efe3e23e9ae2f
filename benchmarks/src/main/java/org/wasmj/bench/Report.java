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
 * the Chicory results of the same workload or module it is {@linkplain #paired paired} with
 * ({@code chicory median / wasmj median}; for a {@link #SCORE score}, where higher is better,
 * {@code wasmj / chicory}).
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
  static final Set<String> ROW_PARAMS = Set.of("workload", "module");

  private Report() {}

  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    if (results.isEmpty()) { // every benchmark failed (or none matched): not an empty table
      System.err.println("Report: no results; JMH's output above says why (e.g. a fork that did not"
          + " find ../shared/bench-wasm: run from the repository's root or set -Dwasmj.benchwasm)");
      System.exit(1);
    }
    System.out.println();
    System.out.print(table(results));
  }

  /**
   * A secondary result that, where a benchmark reports it, is the measurement instead of the time
   * (CoreMark's score: higher is better).
   */
  static final String SCORE = "score";

  /**
   * Beside a {@link #SCORE}, the same per second of the benchmark thread's CPU time (CoreMark's
   * {@code cpuScore}), shown as a row of its own: the score without the machine's load in it.
   */
  static final String CPU_SCORE = "cpuScore";

  /** One measured cell: who ran it, its statistics, and whether a higher figure is better. */
  private record Cell(String runner, boolean chicory, Statistics stats, String unit,
      boolean higherIsBetter) {
    String median() {
      return fmt(stats.getPercentile(50)) + " (" + fmt(stats.getMin()) + "–" + fmt(stats.getMax()) + ")";
    }
  }

  /**
   * Whether a wasmj runner is compared with a Chicory runner: Chicory's interpreter with wasmj's
   * interpreter ({@code switch}), Chicory's compiler with wasmj's compiling executors ({@code asm},
   * {@code tiered}); where the Chicory side has no {@code machine}, with every wasmj runner.
   */
  static boolean paired(String chicoryRunner, String wasmjRunner) {
    boolean wasmjInterprets = wasmjRunner.contains("executor=switch");
    if (chicoryRunner.contains("machine=interpreter")) {
      return wasmjInterprets;
    }
    if (chicoryRunner.contains("machine=compiler")) {
      return !wasmjInterprets;
    }
    return true;
  }

  /** Runners given as one {@code runtime} parameter ({@code wasmj-asm}, {@code chicory-compiler}). */
  private static String runner(String method, String key, String value) {
    if (key.equals("runtime")) {
      int dash = value.indexOf('-');
      String side = value.substring(0, dash);
      String who = value.substring(dash + 1);
      return side + (side.equals("wasmj") ? " executor=" : " machine=") + who;
    }
    return method + ' ' + key + '=' + value;
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
      String runner = method;
      for (String key : p.getParamsKeys()) {
        if (ROW_PARAMS.contains(key)) {
          row.append(row.length() == 0 ? "" : " ").append(p.getParam(key));
        } else if (key.equals("runtime")) {
          runner = runner(method, key, p.getParam(key));
        } else {
          runner += ' ' + key + '=' + p.getParam(key);
        }
      }
      Result primary = r.getPrimaryResult();
      Result score = r.getSecondaryResults().get(SCORE);
      Result cpuScore = r.getSecondaryResults().get(CPU_SCORE);
      String name = row.length() == 0 ? method : row.toString();
      Map<String, List<Cell>> rows = byClass.computeIfAbsent(cls, c -> new LinkedHashMap<>());
      rows.computeIfAbsent(name, k -> new ArrayList<>()).add(score != null
          ? new Cell(runner, runner.startsWith("chicory"), score.getStatistics(), SCORE, true)
          : new Cell(runner, runner.startsWith("chicory"), primary.getStatistics(),
              primary.getScoreUnit(), false));
      if (score != null && cpuScore != null) { // a row of its own, under the score's
        rows.computeIfAbsent(name + " per CPU s", k -> new ArrayList<>()).add(new Cell(runner,
            runner.startsWith("chicory"), cpuScore.getStatistics(), CPU_SCORE, true));
      }
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
            if (base == null || cell.chicory || !paired(c, cell.runner)) {
              out.append(" | |");
            } else {
              double ratio = cell.higherIsBetter
                  ? cell.stats.getPercentile(50) / base.stats.getPercentile(50)
                  : base.stats.getPercentile(50) / cell.stats.getPercentile(50);
              out.append(' ').append(base.median()).append(" | ").append(ratio(ratio)).append(" |");
            }
          }
          out.append(' ').append(cell.unit).append(" | ").append(cell.stats.getN()).append(" |\n");
        }
      });
      out.append('\n');
    });
    return out.toString();
  }

  /** A ratio of medians, or "–" where one of them is 0 (a CoreMark score of a rejected run). */
  static String ratio(double ratio) {
    return Double.isFinite(ratio) && ratio > 0 ? String.format(Locale.ROOT, "%.1f×", ratio) : "–";
  }

  private static String fmt(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }
}
