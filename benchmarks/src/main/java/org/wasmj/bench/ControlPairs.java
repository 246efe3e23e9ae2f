package org.wasmj.bench;

import java.util.Map;
import org.wasmj.exec.CompilationMode;

/**
 * What the host's controls cost ({@code ExecuteBenchmark -p control=...}), measured steadily on a
 * loaded machine: one workload prepared three times in one JVM (no controls, fuel metering, an
 * epoch deadline), run in alternation, so that each meets the same load; prints each one's median
 * time per run and the medians of the per-round ratios to the run without controls. Not JMH: one
 * warm JVM, {@code rounds} rounds after as many warm-up rounds, the order rotating each round.
 * With {@code cpu} last, a run is timed by the CPU time of the thread running it (the load's
 * other processes then take turns without being counted; compilation and GC threads are not
 * counted either).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.ControlPairs asm FIB 40 [cpu]
 * </pre>
 */
public final class ControlPairs {
  private ControlPairs() {}

  private static final String[] CONTROLS = {"none", "fuel", "epoch"};

  public static void main(String[] args) {
    if (args.length != 3 && !(args.length == 4 && args[3].equals("cpu"))) {
      System.err.println("usage: ControlPairs <executor> <workload> <rounds> [cpu]");
      System.exit(2);
    }
    Workload w = Workload.valueOf(args[1]);
    Workload.Run[] runs = new Workload.Run[CONTROLS.length];
    for (int c = 0; c < runs.length; c++) {
      runs[c] = w.start(Guest.wasmj(w.bytes(), args[0], CompilationMode.EAGER, Map.of(),
          CONTROLS[c]));
    }
    int rounds = Integer.parseInt(args[2]);
    boolean cpu = args.length == 4;
    Alternation.report(args[0] + " " + args[1], CONTROLS, runs, rounds, cpu);
  }
}
