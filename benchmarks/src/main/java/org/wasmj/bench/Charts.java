package org.wasmj.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.util.ListStatistics;
import org.wasmj.cli.BarChart;
import org.wasmj.testsupport.Json;

/**
 * Draws JMH's JSON results ({@code -rf json}) as an SVG bar chart, with the same
 * {@link BarChart} as {@code wasmj compare --svg}: one panel per benchmark and workload (or
 * module), one bar per runner in it (the benchmark method and the parameters that name who runs,
 * such as {@code executor} or {@code machine}), each bar the median over all measured
 * iterations, with a whisker from the fastest to the slowest iteration, as {@link Report}'s
 * tables give them.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ExecuteBenchmark -rf json -rff execute.json
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Charts execute.json execute.svg
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Charts --title "Interpreters" \
 *     --runners "switch|interpreter" execute.json interpreters.svg
 * </pre>
 *
 * <p>{@code --runners REGEX} keeps the bars whose runner it finds something in, so runners a
 * hundred times apart can get charts of their own.
 */
public final class Charts {
  private Charts() {}

  public static void main(String[] args) throws Exception {
    String title = null;
    Pattern runners = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--title") && i + 1 < args.length) {
        title = args[++i];
      } else if (args[i].equals("--runners") && i + 1 < args.length) {
        runners = Pattern.compile(args[++i]);
      } else {
        files.add(args[i]);
      }
    }
    if (files.size() != 2) {
      System.err.println("usage: java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.Charts"
          + " [--title TITLE] [--runners REGEX] RESULT.json OUT.svg");
      System.exit(2);
    }
    String json = Files.readString(Path.of(files.get(0)), StandardCharsets.UTF_8);
    Files.writeString(Path.of(files.get(1)), svg(json, title != null ? title
        : Path.of(files.get(0)).getFileName().toString(), runners), StandardCharsets.UTF_8);
  }

  /** One JMH result: what is measured, who ran it, the unit, and every measured iteration. */
  private record Result(String panel, String runner, String unit, String mode,
      List<Double> iterations) {}

  /**
   * The chart of the JMH results in {@code json}, under {@code title}; only the runners that
   * {@code runners} finds something in ({@code "switch|interpreter"}), or all if it is null.
   */
  static String svg(String json, String title, Pattern runners) {
    List<Result> results = results(json);
    Map<String, List<BarChart.Bar>> panels = new LinkedHashMap<>();
    Map<String, String> axes = new LinkedHashMap<>();
    for (Result r : results) {
      if (runners != null && !runners.matcher(r.runner()).find()) {
        continue;
      }
      ListStatistics stats = new ListStatistics();
      r.iterations().forEach(stats::addValue);
      panels.computeIfAbsent(r.panel(), k -> new ArrayList<>()).add(new BarChart.Bar(r.runner(),
          stats.getPercentile(50), stats.getMin(), stats.getMax()));
      axes.putIfAbsent(r.panel(), r.unit() + (r.mode().equals("thrpt") ? " (higher is better)"
          : " (lower is better); median, whisker: fastest to slowest iteration"));
    }
    List<BarChart.Panel> out = new ArrayList<>();
    panels.forEach((name, bars) -> out.add(new BarChart.Panel(name, axes.get(name), bars)));
    return BarChart.svg(title, out);
  }

  /**
   * The results in {@code json}: a panel per benchmark class and row parameter ({@code workload},
   * {@code module}), a runner per method and the other parameters that take more than one value
   * in the file (so {@code control=none}, the same everywhere, is left out).
   */
  private static List<Result> results(String json) {
    List<?> entries = (List<?>) Json.parse(json);
    Map<String, Set<String>> values = new LinkedHashMap<>(); // method:param -> values seen
    for (Object e : entries) {
      Map<?, ?> entry = (Map<?, ?>) e;
      String method = method((String) entry.get("benchmark"));
      params(entry).forEach((k, v) -> values.computeIfAbsent(method + ":" + k,
          x -> new LinkedHashSet<>()).add(v));
    }
    List<Result> out = new ArrayList<>();
    for (Object e : entries) {
      Map<?, ?> entry = (Map<?, ?>) e;
      String benchmark = (String) entry.get("benchmark");
      String method = method(benchmark);
      StringBuilder panel = new StringBuilder(className(benchmark));
      StringBuilder runner = new StringBuilder(method);
      for (Map.Entry<String, String> p : params(entry).entrySet()) {
        if (Report.ROW_PARAMS.contains(p.getKey())) {
          panel.append(' ').append(p.getValue());
        } else if (values.get(method + ":" + p.getKey()).size() > 1) {
          runner.append(' ').append(p.getValue());
        }
      }
      Map<?, ?> metric = (Map<?, ?>) entry.get("primaryMetric");
      List<Double> iterations = new ArrayList<>();
      for (Object fork : (List<?>) metric.get("rawData")) {
        for (Object v : (List<?>) fork) {
          iterations.add(((Number) v).doubleValue());
        }
      }
      if (iterations.isEmpty()) {
        continue;
      }
      out.add(new Result(panel.toString(), runner.toString(), (String) metric.get("scoreUnit"),
          (String) entry.get("mode"), iterations));
    }
    return out;
  }

  private static Map<String, String> params(Map<?, ?> entry) {
    Map<String, String> out = new LinkedHashMap<>();
    Object params = entry.get("params");
    if (params instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put((String) k, String.valueOf(v)));
    }
    return out;
  }

  /** {@code wasmj} of {@code org.wasmj.bench.ExecuteBenchmark.wasmj}. */
  private static String method(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** {@code ExecuteBenchmark} of {@code org.wasmj.bench.ExecuteBenchmark.wasmj}. */
  private static String className(String benchmark) {
    String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
