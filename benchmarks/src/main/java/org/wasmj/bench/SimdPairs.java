package org.wasmj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wasmj.exec.CompilationMode;

/**
 * The SIMD kernels ({@link SimdBenchmark.Kernel}) measured steadily on a loaded machine: in one
 * JVM, a kernel's SIMD and scalar builds on {@code executor} and (with {@code chicory}) the scalar
 * build on Chicory's compiler, run in alternation, each {@code run(1)} timed by the CPU time of
 * the thread running it (as {@link ControlPairs} with {@code cpu}); prints each one's median time
 * per call over the second half of the rounds (the first half warms up) and the median per-round
 * ratio SIMD / scalar.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.wasmj.bench.SimdPairs asm MATMUL 400 [chicory]
 * </pre>
 */
public final class SimdPairs {
  private SimdPairs() {}

  public static void main(String[] args) {
    if (args.length < 3 || args.length > 4 || (args.length == 4 && !args[3].equals("chicory"))) {
      System.err.println("usage: SimdPairs <executor> <kernel> <rounds> [chicory]");
      System.exit(2);
    }
    SimdBenchmark.Kernel k = SimdBenchmark.Kernel.valueOf(args[1]);
    List<String> names = new ArrayList<>(List.of("simd", "scalar"));
    List<Guest.Fn> fns = new ArrayList<>();
    fns.add(Guest.wasmj(k.bytes("simd"), args[0], CompilationMode.EAGER).fn("run"));
    fns.add(Guest.wasmj(k.bytes("scalar"), args[0], CompilationMode.EAGER).fn("run"));
    if (args.length == 4) {
      names.add("chicory");
      fns.add(Guest.chicory(k.bytes("scalar"), "compiler").fn("run"));
    }
    int rounds = Integer.parseInt(args[2]);
    long[] result = new long[1];
    double[][] t = Alternation.times(fns.size(), rounds, true,
        c -> result[0] = fns.get(c).call(1),
        c -> {
          if ((int) result[0] != k.expected) {
            throw new IllegalStateException(
                names.get(c) + " returned " + Integer.toHexString((int) result[0]));
          }
        });
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%s %s, %d rounds (thread CPU ms per call):", args[0], args[1], rounds));
    for (int c = 0; c < fns.size(); c++) {
      sb.append(String.format(Locale.ROOT, " %s %.3f", names.get(c), Alternation.median(t[c])));
    }
    sb.append(String.format(Locale.ROOT, ", simd/scalar x%.2f",
        Alternation.medianRatio(t[0], t[1])));
    System.out.println(sb);
  }
}
