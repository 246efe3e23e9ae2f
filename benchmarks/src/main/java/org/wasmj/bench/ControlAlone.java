package org.wasmj.bench;

import java.util.Locale;
import java.util.Map;
import org.wasmj.exec.CompilationMode;

/**
 * One workload under one host control ({@code none}, {@code fuel} or {@code epoch}) alone in its
 * JVM: prints the median thread CPU time per run. {@link ControlPairs} runs the three in one JVM,
 * where they share the dispatch methods' profiles, which is part of what it measures (on
 * {@code switch} FIB, medians over many JVMs: fuel x1.15 and epochs x1.09 there, x1.11 and x1.00
 * in JVMs of their own; benchmarks/README.md). Compare controls, or builds, by running one JVM
 * per control in turn, many times: single JVMs can be in a slow mode.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.ControlAlone switch FIB fuel 12
 * </pre>
 */
public final class ControlAlone {
  private ControlAlone() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: ControlAlone <executor> <workload> <none|fuel|epoch> <rounds>");
      System.exit(2);
    }
    Workload w = Workload.valueOf(args[1]);
    Workload.Run run = w.start(Guest.wasmj(w.bytes(), args[0], CompilationMode.EAGER, Map.of(),
        args[2]));
    double[][] t = Alternation.times(1, Integer.parseInt(args[3]), true, c -> run.run(),
        c -> run.verify());
    System.out.println(String.format(Locale.ROOT, "%s %s %s %.2f ms (%s rounds, thread CPU)",
        args[0], args[1], args[2], Alternation.median(t[0]), args[3]));
    run.close();
  }
}
