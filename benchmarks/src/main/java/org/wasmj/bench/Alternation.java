package org.wasmj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The timing of the {@code *Pairs} mains ({@link ControlPairs}, {@link InterpreterPairs},
 * {@link SimdPairs}, {@link ExecutorPairs}): contenders prepared in one warm JVM and run in alternation, the order
 * rotating each round so that each meets the same load, {@code rounds} measured rounds after as
 * many warm-up rounds; a run is timed by wall-clock or by the CPU time of the thread running it
 * (the load's other processes then take turns without being counted; compilation and GC threads
 * are not counted either). Not JMH: made for steady comparisons on a loaded machine.
 */
final class Alternation {
  private Alternation() {}

  /**
   * Runs contenders {@code 0..count-1} ({@code run}, timed; then {@code check}, not timed)
   * {@code 2 * rounds} times each; returns the milliseconds of the last {@code rounds} runs,
   * {@code [contender][round]}.
   */
  static double[][] times(int count, int rounds, boolean cpu, IntConsumer run, IntConsumer check) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] t = new double[count][rounds];
    for (int r = -rounds; r < rounds; r++) { // the first half warms up
      for (int k = 0; k < count; k++) {
        int c = Math.floorMod(r + k, count);
        long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        run.accept(c);
        double ms = ((cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start) / 1e6;
        check.accept(c);
        if (r >= 0) {
          t[c][r] = ms;
        }
      }
    }
    return t;
  }

  /**
   * Times workload runs {@code runs} against each other ({@link #times}, checking each result),
   * prints {@code "<heading>, <rounds> rounds: <name> <median> ms, <name> <median> ms (x<ratio
   * to the first>), ..."} and closes them.
   */
  static void report(String heading, String[] names, Workload.Run[] runs, int rounds, boolean cpu) {
    double[][] t = times(runs.length, rounds, cpu, c -> runs[c].run(), c -> runs[c].verify());
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %d rounds%s:", heading,
        rounds, cpu ? " (thread CPU time)" : ""));
    for (int c = 0; c < runs.length; c++) {
      sb.append(String.format(Locale.ROOT, " %s %.2f ms", names[c], median(t[c])));
      if (c > 0) {
        sb.append(String.format(Locale.ROOT, " (x%.3f)", medianRatio(t[c], t[0])));
      }
      sb.append(c + 1 < runs.length ? "," : "");
    }
    System.out.println(sb);
    for (Workload.Run run : runs) {
      run.close();
    }
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** The median of the per-round ratios {@code a[r] / b[r]}. */
  static double medianRatio(double[] a, double[] b) {
    double[] ratio = new double[a.length];
    for (int r = 0; r < a.length; r++) {
      ratio[r] = a[r] / b[r];
    }
    return median(ratio);
  }
}
