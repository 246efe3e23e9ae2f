package org.wasmj.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

/**
 * How much heap a compiled {@link Module} keeps alive, per byte of Wasm code (the sum of the
 * function bodies' sizes). For each module it holds {@code n} compiled copies, forces full
 * collections before and after, and divides the growth of the used heap by {@code n}, twice:
 *
 * <ul>
 *   <li><b>with input</b>: each copy compiled from its own copy of the bytes. wasmj's parser keeps
 *       a reference to the input array (bodies and data segments stay byte ranges), so this is what
 *       a module really costs once the caller has dropped its bytes;
 *   <li><b>without input</b>: every copy compiled from one shared array: what compilation adds
 *       on top of the input (IR code, decoded sections, tables).
 * </ul>
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmx4g -cp benchmarks/target/benchmarks.jar org.wasmj.bench.RetainedHeap
 *     [--mode eager|lazy-translation|lazy] [--executor switch|asm|tiered] [--histogram] [module.wasm ...]
 * </pre>
 *
 * <p>The default is eager mode with executor {@code switch}. Classes an executor generates live
 * in metaspace, not in the heap: the last column reports metaspace growth per module apart.
 *
 * With no module named it measures every {@code .wasm} of {@code bench-wasm/wasmi-benchmarks}.
 * {@code --histogram} adds, per module, the classes whose instances grew most per copy (from
 * {@code jcmd <pid> GC.class_histogram}).
 */
public final class RetainedHeap {
  /** Aim for about this much input held per measurement, so the growth dwarfs the noise. */
  private static final long TARGET_INPUT_BYTES = 64L << 20;

  private RetainedHeap() {}

  public static void main(String[] args) throws Exception {
    CompilationMode mode = CompilationMode.EAGER;
    String executor = "switch";
    boolean histogram = false;
    List<Path> modules = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mode": mode = CompilationMode.parse(args[++i]); break;
        case "--executor": executor = args[++i]; break;
        case "--histogram": histogram = true; break;
        default: modules.add(Path.of(args[i]));
      }
    }
    if (modules.isEmpty()) {
      Path root = BenchWasm.root().resolve("wasmi-benchmarks");
      for (String dir : new String[] {"wasm", "rust"}) {
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
          modules.addAll(files.filter(p -> p.toString().endsWith(".wasm")).sorted()
              .collect(Collectors.toList()));
        }
      }
    }
    Engine engine = new Engine(Config.defaults().withCompilationMode(mode).withExecutor(executor));
    System.out.printf("Heap retained per compiled module, mode %s, executor %s, %s%n",
        mode.cliName(), engine.executorName(), ManagementFactory.getRuntimeMXBean().getVmVersion());
    System.out.println();
    System.out.println("| module | bytes | code bytes | copies | with input: B/module | B per code byte"
        + " | without input: B/module | B per code byte | metaspace B/module |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> histograms = new ArrayList<>();
    for (Path p : modules) {
      byte[] bytes = Files.readAllBytes(p);
      String name = p.getFileName().toString().replace(".wasm", "");
      long code;
      try {
        code = codeBytes(bytes, engine);
        Module.compile(engine, bytes); // warm up: classes loaded, types interned
      } catch (WasmException e) {
        System.out.printf("| %s | %,d | — | — | does not compile: %s ||||| %n", name, bytes.length, e.getMessage());
        continue;
      }
      int copies = (int) Math.max(4, Math.min(1_000, TARGET_INPUT_BYTES / bytes.length));
      long[] metaspace = new long[1];
      long withInput = retained(engine, bytes, copies, true, null, metaspace);
      Map<String, long[]> growth = histogram ? new HashMap<>() : null;
      long withoutInput = retained(engine, bytes, copies, false, growth, new long[1]);
      System.out.printf("| %s | %,d | %,d | %d | %,d | %.2f | %,d | %.2f | %,d |%n", name, bytes.length,
          code, copies, withInput, (double) withInput / code, withoutInput,
          (double) withoutInput / code, metaspace[0]);
      if (growth != null) {
        histograms.add(top(name, growth, copies));
      }
    }
    histograms.forEach(System.out::println);
  }

  /** The sum of the function bodies' sizes. */
  static long codeBytes(byte[] bytes, Engine engine) {
    WasmModule m = WasmParser.parse(bytes, engine.config().features());
    long sum = 0;
    for (FunctionBody b : m.bodies()) {
      sum += b.length();
    }
    return sum;
  }

  /**
   * Heap growth per copy while {@code copies} compiled modules are held; each from its own copy
   * of {@code bytes} if {@code ownInput}. If {@code growth} is not null, fills it with the class
   * histogram's growth per class (instances, bytes) for the whole set. Puts the metaspace growth
   * per copy in {@code metaspace[0]}.
   */
  static long retained(Engine engine, byte[] bytes, int copies, boolean ownInput,
      Map<String, long[]> growth, long[] metaspace) {
    byte[][] inputs = new byte[copies][];
    for (int i = 0; i < copies; i++) {
      inputs[i] = ownInput ? bytes.clone() : bytes;
    }
    Map<String, long[]> before = growth == null ? null : classHistogram();
    long base = usedAfterGc();
    long metaBase = metaspaceUsed();
    Module[] held = new Module[copies];
    for (int i = 0; i < copies; i++) {
      held[i] = Module.compile(engine, inputs[i]);
      inputs[i] = null; // from now on only the module keeps its input alive
    }
    long after = usedAfterGc();
    metaspace[0] = (metaspaceUsed() - metaBase) / copies;
    if (growth != null) {
      Map<String, long[]> now = classHistogram();
      now.forEach((cls, v) -> {
        long[] b = before.getOrDefault(cls, new long[2]);
        growth.put(cls, new long[] {v[0] - b[0], v[1] - b[1]});
      });
    }
    java.lang.ref.Reference.reachabilityFence(held);
    // With own inputs, base counted them while still held by `inputs`; they now live in modules.
    long inputBytesCountedInBase = ownInput ? (long) copies * arrayBytes(bytes.length) : 0;
    return (after - base + inputBytesCountedInBase) / copies;
  }

  /** The heap size of a {@code byte[length]} (16-byte header, 8-byte alignment). */
  private static long arrayBytes(int length) {
    return (16L + length + 7) & ~7L;
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static long metaspaceUsed() {
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        return pool.getUsage().getUsed();
      }
    }
    return 0;
  }

  /** Class name to {instances, bytes}, from {@code jcmd <this pid> GC.class_histogram}. */
  private static Map<String, long[]> classHistogram() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    ProcessBuilder pb = new ProcessBuilder(jcmd.toString(),
        Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true);
    Map<String, long[]> out = new HashMap<>();
    try {
      Process proc = pb.start();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 4 && f[0].endsWith(":")) {
            out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
          }
        }
      }
      proc.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  private static String top(String module, Map<String, long[]> growth, int copies) {
    StringBuilder sb = new StringBuilder("\n" + module + " (without input), growth per copy by class:\n");
    growth.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(8)
        .forEach(e -> sb.append(String.format("  %,14d B %,10d objects  %s%n",
            e.getValue()[1] / copies, e.getValue()[0] / copies, e.getKey())));
    return sb.toString();
  }
}
