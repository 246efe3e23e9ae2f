package org.wasmj.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;

/**
 * Runs {@link ClassGenerationBenchmark} (any JMH options may follow) and prints, per module, its
 * size, what the {@code asm} executor made of its functions ({@code Module.executorStatistics()}),
 * the eager compile time on {@code switch} and on {@code asm}, and their difference — the time to
 * generate and define the classes — per class and per KB of code; then the same difference for
 * the first module compiled in a fresh JVM. Times in ms, median (min–max).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.ClassGeneration
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.ClassGeneration -p module=erc20 -wi 1 -i 2
 * </pre>
 *
 * A class is generated per defined function ({@code wasmj.gen.F<k>}): the compiled code, or a
 * small stub into the interpreter for a function left to it; a split function is one class with
 * several chunk methods.
 */
public final class ClassGeneration {
  private ClassGeneration() {}

  public static void main(String[] args) throws Exception {
    List<String> jmhArgs = new ArrayList<>(List.of(args));
    jmhArgs.add(0, ClassGenerationBenchmark.class.getName());
    Collection<RunResult> results = new Runner(
        new CommandLineOptions(jmhArgs.toArray(String[]::new))).run();
    System.out.println();
    System.out.print(table(results));
  }

  static String table(Collection<RunResult> results) {
    // module -> "method executor" -> statistics
    Map<String, Map<String, Statistics>> byModule = new LinkedHashMap<>();
    for (RunResult r : results) {
      String full = r.getParams().getBenchmark();
      String method = full.substring(full.lastIndexOf('.') + 1);
      double toMs = r.getPrimaryResult().getScoreUnit().startsWith("s/") ? 1000 : 1;
      Statistics stats = r.getPrimaryResult().getStatistics();
      if (toMs != 1) {
        org.openjdk.jmh.util.ListStatistics ms = new org.openjdk.jmh.util.ListStatistics();
        for (double v : values(stats)) {
          ms.addValue(v * toMs);
        }
        stats = ms;
      }
      byModule.computeIfAbsent(r.getParams().getParam("module"), m -> new LinkedHashMap<>())
          .put(method + " " + r.getParams().getParam("executor"), stats);
    }
    StringBuilder out = new StringBuilder();
    out.append("| module | bytes | code bytes | functions (= classes) | compiled | split | interpreted"
        + " | eager `switch` ms | eager `asm` ms | generation ms | µs per class | µs per KB of code"
        + " | first in a JVM: `switch` ms | `asm` ms | generation ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    byModule.forEach((name, byExecutor) -> {
      byte[] bytes = ClassGenerationBenchmark.bytes(name);
      Engine engine = new Engine(Config.defaults().withExecutor("asm")
          .withCompilationMode(CompilationMode.EAGER));
      Map<String, Long> s = Module.compile(engine, bytes).executorStatistics();
      long compiled = s.getOrDefault("compiled", 0L);
      long interpreted = s.entrySet().stream().filter(e -> e.getKey().startsWith("interpreted."))
          .mapToLong(Map.Entry::getValue).sum();
      long functions = compiled + interpreted + s.getOrDefault("not_generated_yet", 0L);
      long code = RetainedHeap.codeBytes(bytes, engine);
      Statistics sw = byExecutor.get("compile switch");
      Statistics asm = byExecutor.get("compile asm");
      Statistics firstSwitch = byExecutor.get("firstCompile switch");
      Statistics firstAsm = byExecutor.get("firstCompile asm");
      out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %s | %s |",
          name, bytes.length, code, functions, compiled, s.getOrDefault("compiled.split", 0L),
          interpreted, median(sw), median(asm)));
      if (sw != null && asm != null) {
        double generation = asm.getPercentile(50) - sw.getPercentile(50);
        out.append(String.format(Locale.ROOT, " %s | %.0f | %.0f |", fmt(generation),
            generation * 1000 / functions, generation * 1000 / (code / 1024.0)));
      } else {
        out.append(" | | |");
      }
      out.append(' ').append(median(firstSwitch)).append(" | ").append(median(firstAsm)).append(" |");
      if (firstSwitch != null && firstAsm != null) {
        out.append(' ').append(fmt(firstAsm.getPercentile(50) - firstSwitch.getPercentile(50)));
      }
      out.append(" |\n");
    });
    return out.toString();
  }

  private static double[] values(Statistics s) {
    java.util.List<Double> out = new ArrayList<>();
    s.getRawData().forEachRemaining(e -> {
      for (int i = 0; i < e.getValue(); i++) {
        out.add(e.getKey());
      }
    });
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String median(Statistics s) {
    return s == null ? "" : fmt(s.getPercentile(50)) + " (" + fmt(s.getMin()) + "–" + fmt(s.getMax()) + ")";
  }

  private static String fmt(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }
}
