package org.wasmj.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;

/**
 * Two ways of compiling a module, timed in alternation in one JVM, so that both meet the same
 * load on a shared machine: the per-round ratio is steadier than two JMH runs minutes apart.
 * Not JMH: one warm JVM, {@code rounds} rounds after as many warm-up rounds, the order within a
 * round alternating; prints each way's median and fastest time and the median of the ratios.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.CompilePairs \
 *     spidermonkey eager switch checked unchecked 30
 * </pre>
 *
 * Ways: {@code checked} ({@link Module#compile(Engine, byte[])}), {@code unchecked}
 * ({@link Module#compileUnchecked}), {@code streaming} and {@code readAll} (from a 20 MB/s
 * {@link ThrottledInputStream}, as in {@link StreamingCompileBenchmark}).
 */
public final class CompilePairs {
  private CompilePairs() {}

  public static void main(String[] args) {
    if (args.length != 6) {
      System.err.println("usage: CompilePairs <module> <mode> <executor> <way A> <way B> <rounds>");
      System.exit(2);
    }
    byte[] bytes = BenchWasm.load("wasmi-benchmarks/wasm/" + args[0] + ".wasm");
    Engine engine = new Engine(Config.defaults().withExecutor(args[2])
        .withCompilationMode(CompilationMode.parse(args[1])));
    Map<String, Supplier<Module>> ways = Map.of(
        "checked", () -> Module.compile(engine, bytes),
        "unchecked", () -> Module.compileUnchecked(engine, bytes),
        "streaming", () -> io(() -> Module.compile(engine, throttled(bytes))),
        "readAll", () -> io(() -> Module.compile(engine, throttled(bytes).readAllBytes())));
    Supplier<Module> a = ways.get(args[3]);
    Supplier<Module> b = ways.get(args[4]);
    if (a == null || b == null) {
      throw new IllegalArgumentException("ways: " + ways.keySet());
    }
    int rounds = Integer.parseInt(args[5]);
    double[] ta = new double[rounds];
    double[] tb = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = -rounds; r < rounds; r++) { // the first half warms up
      boolean aFirst = (r & 1) == 0;
      double first = time(aFirst ? a : b);
      double second = time(aFirst ? b : a);
      if (r >= 0) {
        ta[r] = aFirst ? first : second;
        tb[r] = aFirst ? second : first;
        ratio[r] = ta[r] / tb[r];
      }
    }
    System.out.printf(Locale.ROOT, "%s %s %s, %d rounds: %s median %.1f ms (fastest %.1f), "
            + "%s median %.1f ms (fastest %.1f), %s/%s median ratio %.2f%n",
        args[0], args[1], args[2], rounds, args[3], median(ta), min(ta), args[4], median(tb),
        min(tb), args[3], args[4], median(ratio));
  }

  private static ThrottledInputStream throttled(byte[] bytes) {
    return new ThrottledInputStream(bytes, 20_000_000);
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T io(IoSupplier<T> s) {
    try {
      return s.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double time(Supplier<Module> way) {
    long start = System.nanoTime();
    way.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double min(double[] x) {
    return Arrays.stream(x).min().orElse(Double.NaN);
  }
}
