package org.wasmj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.wasmj.exec.CompilationMode;

/**
 * One workload on one executor in a fresh JVM, every round printed: the CPU time of the thread
 * running it and the JVM's uptime when it ended ({@code <ms>@<s>}), the first round included.
 * For finding when a JVM changes speed, beside the stamps of {@code -XX:+LogCompilation} or
 * {@code -Xlog:gc} of the same JVM (the {@code *Pairs} mains print medians only).
 *
 * <pre>
 * java [-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=c.log] \
 *   -cp benchmarks/target/benchmarks.jar org.wasmj.bench.InterpreterRounds MATRIX_MUL 30 [switch]
 * </pre>
 */
public final class InterpreterRounds {
  private InterpreterRounds() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: InterpreterRounds <workload> <rounds> [executor]");
      System.exit(2);
    }
    Workload w = Workload.valueOf(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String executor = args.length == 3 ? args[2] : "switch";
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    Workload.Run run = w.start(Guest.wasmj(w.bytes(), executor, CompilationMode.EAGER));
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %s, ms of thread CPU @ s of uptime:",
        w, executor));
    for (int r = 0; r < rounds; r++) {
      long start = threads.getCurrentThreadCpuTime();
      run.run();
      double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      run.verify();
      sb.append(String.format(Locale.ROOT, " %.0f@%.2f", ms, runtime.getUptime() / 1000.0));
    }
    run.close();
    System.out.println(sb);
  }
}
