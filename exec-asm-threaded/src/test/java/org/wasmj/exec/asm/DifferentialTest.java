package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.testsupport.Shared;

/**
 * The executors agree: the same results, trap kinds, host calls and final memory, on the bench
 * modules and on random valid modules made by binaryen's {@code wasm-opt -ttf} from random bytes
 * (1,000 per run by default; {@code -Dwasmj.diff.count=N}). With fuel metering and interruption
 * checks on ({@link #METERED}), they also agree on the fuel left after every call, trap or not. A run's seeds start from a random base
 * printed at the start; a failure prints its seed, and {@code -Dwasmj.diff.seed=S
 * -Dwasmj.diff.count=1} replays it.
 */
class DifferentialTest {
  /** Every executor, and the compilation modes that change what it does. */
  static final Map<String, Config> CONFIGS = everyExecutor(Config.defaults(), "");

  /** Every executor with fuel and interruption checks (no deadline): the fuel left must agree too. */
  static final Map<String, Config> METERED =
      everyExecutor(Config.defaults().withFuel(true).withEpochInterruption(true), ", fuel");

  /**
   * Every executor with its epoch deadline always due (see {@link Transcript}): every check runs
   * its slow path and goes on (on {@code asm}, loop nests' loud copies), so each must agree with
   * {@code switch} run without checks, the first.
   */
  static final Map<String, Config> DUE = new LinkedHashMap<>();

  static {
    DUE.put("switch, no checks", Config.defaults().withExecutor("switch"));
    DUE.putAll(everyExecutor(Config.defaults().withEpochInterruption(true), ", epochs due"));
  }

  /**
   * {@code switch}, {@code asm} eager and lazy, {@code tiered} compiling in the caller and in the
   * background, each {@code base} otherwise, named with {@code suffix}.
   */
  private static Map<String, Config> everyExecutor(Config base, String suffix) {
    Map<String, Config> configs = new LinkedHashMap<>();
    configs.put("switch" + suffix, base.withExecutor("switch"));
    configs.put("asm" + suffix, base.withExecutor("asm"));
    configs.put("asm lazy" + suffix,
        base.withExecutor("asm").withCompilationMode(CompilationMode.LAZY));
    configs.put("tiered (threshold 2)" + suffix,
        base.withExecutor("tiered").withTieringThreshold(2).withCompilerThreads(0));
    configs.put("tiered (background)" + suffix,
        base.withExecutor("tiered").withTieringThreshold(2));
    return configs;
  }

  /**
   * What binaryen may generate: features wasmj runs, SIMD included. Not reference types: binaryen 108 (Debian
   * bookworm) ties them to pre-standard types such as {@code anyref}, which Wasm 2.0 lacks.
   */
  private static final List<String> FEATURES = List.of("--enable-sign-ext",
      "--enable-nontrapping-float-to-int", "--enable-bulk-memory", "--enable-multivalue",
      "--enable-tail-call", "--enable-simd");

  @Test
  void executorsAgreeOnTheExamples() throws IOException {
    List<Path> modules;
    try (Stream<Path> files = Files.list(repository().resolve("examples"))) {
      modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
    }
    assertTrue(modules.size() >= 3, "examples not found");
    for (Path p : modules) {
      assertAgree(p.getFileName().toString(), Files.readAllBytes(p));
    }
  }

  @Test
  void executorsAgreeOnRandomModules(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Shared.assumeInput(hasWasmOpt(), WASM_OPT_MISSING + ": random-module differential tests skipped");
    int count = Integer.getInteger("wasmj.diff.count", 1000);
    long base = Long.getLong("wasmj.diff.seed", new Random().nextLong() & Long.MAX_VALUE);
    System.out.printf("differential: %d random modules from seed %d (replay one with"
        + " -Dwasmj.diff.seed=S -Dwasmj.diff.count=1)%n", count, base);
    List<String> failures = new ArrayList<>();
    int generated = 0;
    int functionsCalled = 0;
    for (int i = 0; i < count && failures.size() < 5; i++) {
      long seed = base + i;
      byte[] wasm = generate(dir, seed);
      if (wasm == null) {
        continue;
      }
      generated++;
      functionsCalled += compare(withSplit(CONFIGS), wasm, seed, failures);
      compare(withSplit(METERED), wasm, seed, failures);
      compare(withSplit(DUE), wasm, seed, failures);
    }
    System.out.printf("differential: %d modules generated, %d export calls compared on %d"
        + " configurations, %d disagreements%n", generated, functionsCalled,
        CONFIGS.size() + METERED.size() + DUE.size() + 3,
        failures.size());
    assertEquals(List.of(), failures);
    assertTrue(generated >= count * 9 / 10, "wasm-opt generated only " + generated + " modules");
  }

  /**
   * Compares the transcripts of {@code wasm} on {@code configs}, adding a disagreement to
   * {@code failures}; returns the number of export calls in a transcript.
   */
  private static int compare(Map<String, Config> configs, byte[] wasm, long seed,
      List<String> failures) throws IOException {
    String first = null;
    String firstName = null;
    for (Map.Entry<String, Config> e : configs.entrySet()) {
      String t = transcript(wasm, e);
      if (first == null) {
        first = t;
        firstName = e.getKey();
      } else if (!t.equals(first)) {
        Path kept = Files.write(Path.of("target").resolve("differential-" + seed + ".wasm"), wasm);
        failures.add("seed " + seed + " (module kept in " + kept + "): " + firstName + " vs "
            + e.getKey() + "\n--- " + firstName + "\n" + first + "\n--- " + e.getKey() + "\n" + t);
        break;
      }
    }
    return first.split("\ncall ").length - 1;
  }

  /**
   * The configurations plus {@code asm} with every function split into small chunks, with the
   * fuel and interruption checks of the last configuration.
   */
  static Map<String, Config> withSplit(Map<String, Config> configs) {
    Map<String, Config> all = new LinkedHashMap<>(configs);
    Config last = null;
    for (Config c : configs.values()) {
      last = c;
    }
    all.put(SPLIT + (last.fuel() ? ", fuel" : last.epochInterruption() ? ", epochs due" : ""),
        Config.defaults().withExecutor("asm")
            .withFuel(last.fuel()).withEpochInterruption(last.epochInterruption()));
    return all;
  }

  private static final String SPLIT = "asm split into chunks of ~60 bytes";

  /** A transcript; the split configuration forces the compiler to split every function. */
  static String transcript(byte[] wasm, Map.Entry<String, Config> config) {
    if (!config.getKey().startsWith(SPLIT)) {
      return Transcript.of(wasm, config.getValue());
    }
    FunctionCompiler.forcedChunkBudget = 60;
    try {
      return Transcript.of(wasm, config.getValue());
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  private static void assertAgree(String name, byte[] wasm) {
    for (Map<String, Config> configs
        : List.of(withSplit(CONFIGS), withSplit(METERED), withSplit(DUE))) {
      String first = null;
      for (Map.Entry<String, Config> e : configs.entrySet()) {
        String t = transcript(wasm, e);
        if (first == null) {
          first = t;
        } else {
          assertEquals(first, t, name + ": " + e.getKey() + " disagrees with " + configs.keySet().iterator().next());
        }
      }
    }
  }

  /** A random valid module from {@code seed}, or null if binaryen refused the input. */
  static byte[] generate(Path dir, long seed) throws IOException, InterruptedException {
    return generate(dir, seed, 256, 4096, FEATURES);
  }

  /**
   * A random valid module from {@code seed} made with {@code wasm-opt} {@code options} (features
   * and passes) out of {@code minBytes} plus up to {@code moreBytes} random bytes (the more bytes,
   * the more code), or null if binaryen refused the input.
   */
  static byte[] generate(Path dir, long seed, int minBytes, int moreBytes, List<String> options)
      throws IOException, InterruptedException {
    Random random = new Random(seed);
    byte[] input = new byte[minBytes + random.nextInt(moreBytes)];
    random.nextBytes(input);
    Path in = dir.resolve("in.bin");
    Path out = dir.resolve("out.wasm");
    Files.write(in, input);
    Files.deleteIfExists(out);
    List<String> command = new ArrayList<>(List.of("wasm-opt", "-ttf", in.toString(), "-o", out.toString()));
    command.addAll(options);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("wasm-opt.log").toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return null;
    }
    return p.exitValue() == 0 && Files.exists(out) ? Files.readAllBytes(out) : null;
  }

  /** What the tests that need {@code wasm-opt} say without it. */
  static final String WASM_OPT_MISSING =
      "binaryen's wasm-opt is not installed (apt-get install binaryen; .ci/run installs it)";

  static boolean hasWasmOpt() {
    try {
      Process p = new ProcessBuilder("wasm-opt", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
