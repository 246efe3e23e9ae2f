package org.wasmj.bench;

import java.util.Map;
import org.wasmj.exec.CompilationMode;

/**
 * Executors against each other on one workload in the steady state (issue 9: the default
 * {@code tiered} within 1.1x of {@code asm}), measured steadily on a loaded machine: the workload
 * prepared once per executor in one JVM and run in alternation ({@link Alternation}); prints each
 * one's median time per run and the medians of the per-round ratios to the first executor. With
 * {@code cpu} last, runs are timed by the running thread's CPU time. One executor alone gives
 * one JVM's steady time without the other's classes sharing its profiles.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.ExecutorPairs asm,tiered ARGON2 100 cpu
 * </pre>
 */
public final class ExecutorPairs {
  private ExecutorPairs() {}

  public static void main(String[] args) {
    if (args.length != 3 && !(args.length == 4 && args[3].equals("cpu"))) {
      System.err.println("usage: ExecutorPairs <executor>[,<executor>...] <workload> <rounds> [cpu]");
      System.exit(2);
    }
    String[] executors = args[0].split(",");
    Workload w = Workload.valueOf(args[1]);
    Workload.Run[] runs = new Workload.Run[executors.length];
    for (int c = 0; c < runs.length; c++) {
      runs[c] = w.start(Guest.wasmj(w.bytes(), executors[c], CompilationMode.EAGER, Map.of()));
    }
    int rounds = Integer.parseInt(args[2]);
    boolean cpu = args.length == 4;
    Alternation.report(args[1], executors, runs, rounds, cpu);
  }
}
