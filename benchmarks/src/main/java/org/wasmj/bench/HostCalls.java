package org.wasmj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.wasmj.exec.CompilationMode;

/**
 * A host that calls a long export now and then and short ones in between, as a plugin host,
 * policy engine or contract host does, in one fresh JVM: each cycle makes one long call, then
 * {@code shortCalls} short ones; every call is printed as the calling thread's CPU time and the
 * JVM's uptime at its end ({@code <ms>@<s>}), then the median, the largest and the total of each
 * cycle's short calls and of all cycles after the first. A long call is one activation of the
 * interpreter's dispatch loop ({@code Interpreter.run}), which HotSpot compiles for OSR from a
 * profile in which the return to the host never happened, so that return throws the code away:
 * the short calls after it show how long the interpreter then runs in slower code (RATIONALE.md,
 * "Session 20 (branch osr20)": measured, a fix built and not merged). Run it beside
 * {@code -XX:+PrintCompilation} to see which code of {@code Interpreter.run} there was.
 *
 * <p>A call is {@code fib:N} (examples/fib.wasm, {@code fib(N)}: a call and a return per frame,
 * where the dispatch loop's own code matters most; {@code fib:30} is {@link Workload#FIB}),
 * {@code loop:N} (examples/xorshift.wasm, {@code run(N)}: one loop with a load and a store, which
 * {@code switch} runs in {@code runInFrame} alone; its module has a memory, fib's has none) or
 * {@code coremark[:stepMs]} (CoreMark's fixed work, as {@link CoreMarkRounds} with a clock
 * stepping {@code stepMs}: by default 5,000, ~20 ms of calls and loops; 1,000, the least, ~60 ms).
 * The executor is {@code switch} or {@code tiered}.
 *
 * <pre>
 * java [-XX:+PrintCompilation] -cp benchmarks/target/benchmarks.jar org.wasmj.bench.HostCalls \
 *   switch 3 fib:36 fib:25 20
 * </pre>
 */
public final class HostCalls {
  private HostCalls() {}

  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: HostCalls <switch|tiered> <cycles> <long call> <short call> <short calls>");
      System.exit(2);
    }
    String executor = args[0];
    int cycles = Integer.parseInt(args[1]);
    LongSupplier longCall = call(executor, args[2]);
    LongSupplier shortCall = call(executor, args[3]);
    int shortCalls = Integer.parseInt(args[4]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    RuntimeMXBean uptime = ManagementFactory.getRuntimeMXBean();
    double[] all = new double[(cycles - 1) * shortCalls];
    for (int c = 0; c < cycles; c++) {
      double[] longMs = timed(longCall, threads, uptime);
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "cycle %d: %s %.1f@%.2f, %s:",
          c, args[2], longMs[0], longMs[1], args[3]));
      double[] ms = new double[shortCalls];
      for (int i = 0; i < shortCalls; i++) {
        double[] t = timed(shortCall, threads, uptime);
        ms[i] = t[0];
        sb.append(String.format(Locale.ROOT, " %.1f@%.2f", t[0], t[1]));
        if (c > 0) {
          all[(c - 1) * shortCalls + i] = t[0];
        }
      }
      System.out.println(sb);
      System.out.println(summary("  short calls", ms));
    }
    if (cycles > 1) {
      System.out.println(summary("short calls of cycles 1.." + (cycles - 1), all));
    }
  }

  /** {@code call}'s CPU time in ms and the uptime in s at its end. */
  private static double[] timed(LongSupplier call, ThreadMXBean threads, RuntimeMXBean uptime) {
    long start = threads.getCurrentThreadCpuTime();
    call.getAsLong();
    return new double[] {(threads.getCurrentThreadCpuTime() - start) / 1e6,
        uptime.getUptime() / 1000.0};
  }

  private static String summary(String what, double[] ms) {
    return String.format(Locale.ROOT, "%s: median %.2f ms, max %.2f ms, total %.1f ms", what,
        Alternation.median(ms), Arrays.stream(ms).max().orElse(Double.NaN),
        Arrays.stream(ms).sum());
  }

  /** The call {@code spec} names, in its own instance, checking its answer. */
  private static LongSupplier call(String executor, String spec) {
    String[] kind = spec.split(":");
    switch (kind[0]) {
      case "fib": {
        int n = Integer.parseInt(kind[1]);
        Guest.Fn fib = Guest.wasmj(Workload.FIB.bytes(), executor, CompilationMode.EAGER).fn("fib");
        long expected = fib(n);
        return () -> checked(spec, fib.call(n), expected);
      }
      case "loop": {
        int n = Integer.parseInt(kind[1]);
        Guest.Fn run =
            Guest.wasmj(Workload.LOOP.bytes(), executor, CompilationMode.EAGER).fn("run");
        long expected = Workload.xorshiftChecksum(n);
        return () -> checked(spec, (int) run.call(n), expected);
      }
      case "coremark": {
        long step = kind.length > 1 ? Long.parseLong(kind[1]) : 5_000;
        if (step < 1_000) { // CoreMark would multiply its iterations by 10 for ever
          throw new IllegalArgumentException("coremark:stepMs needs 1000 or more, got " + step);
        }
        long[] now = {0};
        Guest.Fn run = CoreMarkBenchmark.start("wasmj-" + executor,
            BenchWasm.load(CoreMarkBenchmark.PATH), () -> now[0] += step);
        return run::call;
      }
      default:
        throw new IllegalArgumentException("a call is fib:N, loop:N or coremark[:stepMs], got " + spec);
    }
  }

  private static long checked(String spec, long actual, long expected) {
    Workload.check(spec, actual, expected);
    return actual;
  }

  private static long fib(int n) {
    long a = 0;
    long b = 1;
    for (int i = 0; i < n; i++) {
      long t = a + b;
      a = b;
      b = t;
    }
    return a;
  }
}
