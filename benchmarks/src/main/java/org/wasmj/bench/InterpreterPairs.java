package org.wasmj.bench;

import java.util.Arrays;
import java.util.Locale;
import org.wasmj.exec.CompilationMode;

/**
 * The {@code switch} interpreter beside a peer on the {@link Workload}s, measured steadily on a
 * loaded machine: each workload prepared twice in one JVM and run in alternation, each run timed
 * by the CPU time of the thread running it; prints each one's median time per run and the median
 * of the per-round ratios (the peer's time over {@code switch}'s). Not JMH: one warm JVM,
 * {@code rounds} rounds after as many warm-up rounds, as {@link ControlPairs}. The peer is
 * {@code chicory} (Chicory's interpreter, the default) or {@code none} ({@code switch} alone).
 * To compare two builds of {@code switch}, run each build's jar in turn (interleaved JVMs), each
 * against Chicory.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.InterpreterPairs 10 [FIB,LOOP,...] [chicory|none]
 * </pre>
 */
public final class InterpreterPairs {
  private InterpreterPairs() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: InterpreterPairs <rounds> [workload,...] [chicory|none]");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    String[] names = args.length >= 2 && !args[1].equals("all") ? args[1].split(",")
        : Arrays.stream(Workload.values()).map(Enum::name).toArray(String[]::new);
    String peer = args.length == 3 ? args[2] : "chicory";
    for (String name : names) {
      Workload w = Workload.valueOf(name);
      int n = peer.equals("none") ? 1 : 2;
      Workload.Run[] runs = new Workload.Run[n];
      runs[0] = w.start(Guest.wasmj(w.bytes(), "switch", CompilationMode.EAGER));
      if (peer.equals("chicory")) {
        runs[1] = w.start(Guest.chicory(w.bytes(), "interpreter"));
      }
      double[][] t =
          Alternation.times(n, rounds, true, c -> runs[c].run(), c -> runs[c].verify());
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "%-12s switch %8.2f ms", name, Alternation.median(t[0])));
      if (n == 2) {
        sb.append(String.format(Locale.ROOT, "  %s %8.2f ms  ratio x%.3f", peer,
            Alternation.median(t[1]), Alternation.medianRatio(t[1], t[0])));
      }
      System.out.println(sb.append(String.format(Locale.ROOT, "  (%d rounds, thread CPU)", rounds)));
      for (Workload.Run run : runs) {
        run.close();
      }
    }
  }
}
