package org.wasmj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * CoreMark's fixed work in one runtime in a fresh JVM, every round printed: CPU time of the
 * calling thread per {@code run()} call and the JVM's uptime at its end ({@code <ms>@<s>}), then
 * the median of the rounds after the first {@code rounds / 3}. The clock CoreMark reads
 * ({@code env.clock_ms}) advances {@code stepMs} per call instead of with real time, so its
 * self-calibration picks the same iteration count on every runtime and build: each call does the
 * same work (CoreMark rejects such a run as too short and returns 0; the work is what counts).
 * With {@code stepMs} 0 the clock is real time (as in {@link CoreMarkBenchmark}; each call takes
 * 12-30 s) and each round also shows CoreMark's score and the call's wall time, which tell a call
 * slowed by its own code (more CPU) from one slowed by the machine (more wall than CPU).
 * For counting which JVMs run the interpreter's compiled dispatch fast or slow in seconds
 * rather than {@link CoreMarkBenchmark}'s minute per JVM, beside {@code -XX:+LogCompilation}.
 *
 * <pre>
 * java [-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=c.log] \
 *   -cp benchmarks/target/benchmarks.jar org.wasmj.bench.CoreMarkRounds wasmj-switch 30 [stepMs]
 * </pre>
 */
public final class CoreMarkRounds {
  private CoreMarkRounds() {}

  private static double lateMedian(double[] ms) {
    double[] late = Arrays.copyOfRange(ms, ms.length / 3, ms.length);
    Arrays.sort(late);
    return late[late.length / 2];
  }

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: CoreMarkRounds <runtime> <rounds> [stepMs]");
      System.exit(2);
    }
    String runtime = args[0];
    int rounds = Integer.parseInt(args[1]);
    long step = args.length == 3 ? Long.parseLong(args[2]) : 5_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    RuntimeMXBean uptime = ManagementFactory.getRuntimeMXBean();
    long[] now = {0};
    CoreMarkBenchmark.MillisSinceFirstCall realClock = new CoreMarkBenchmark.MillisSinceFirstCall();
    LongSupplier clock = step == 0 ? realClock : () -> now[0] += step;
    Guest.Fn run = CoreMarkBenchmark.start(runtime, BenchWasm.load(CoreMarkBenchmark.PATH), clock);
    double[] ms = new double[rounds];
    double[] wallMs = new double[rounds];
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%s, ms of thread CPU per call @ s of uptime:", runtime));
    for (int r = 0; r < rounds; r++) {
      long start = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      long result = run.call();
      ms[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      wallMs[r] = (System.nanoTime() - wall) / 1e6;
      sb.append(String.format(Locale.ROOT, " %.1f@%.2f", ms[r], uptime.getUptime() / 1000.0));
      if (step == 0) { // the real clock: CoreMark's score, and the wall time beside the CPU time
        float score = Float.intBitsToFloat((int) result);
        sb.append(String.format(Locale.ROOT, "(score %.0f, per CPU s %.0f, wall %.1f)",
            score, realClock.cpuScore(score), wallMs[r]));
      }
    }
    System.out.println(sb);
    System.out.println(String.format(Locale.ROOT, "median of rounds %d..%d: %.2f ms CPU, %.2f ms wall",
        rounds / 3 + 1, rounds, lateMedian(ms), lateMedian(wallMs)));
  }
}
