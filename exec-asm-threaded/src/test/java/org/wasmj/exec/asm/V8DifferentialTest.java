package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmj.WasmException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.testsupport.Shared;

/**
 * wasmj agrees with an independent engine, V8 (Node's): on random valid modules made by
 * binaryen's {@code wasm-opt -ttf}, every executor ({@code switch}, {@code asm}, {@code tiered}
 * compiling on the calling thread after two calls) gives V8's results, traps, host calls and final
 * memory ({@link Transcript#forV8}; V8's side is {@code src/test/node/v8-oracle.cjs}, driven by
 * {@link NodeV8}). {@link DifferentialTest} compares our executors with each other, but they share
 * one translator and one {@code Semantics}, so a bug there is invisible to it.
 *
 * <p>1,000 modules per run ({@code -Dwasmj.v8.count=N}) from a random base seed printed first;
 * {@code -Dwasmj.v8.seed=S -Dwasmj.v8.count=1} replays one. A long campaign runs outside Maven
 * through {@link #main}. Skipped, with the reason printed, without {@code node} or
 * {@code wasm-opt}, and without SIMD without binaryen.js; failed instead where
 * {@code WASMJ_REQUIRE_TEST_INPUTS} is set, as in CI. For exploring: {@code -Dwasmj.v8.passes="-O3 --no-fuzz-oob"} runs these
 * {@code wasm-opt} options before {@code --denan} on every module, in place of {@link #PASSES}'s
 * rotation, {@code -Dwasmj.v8.inputBytes=N} changes the size
 * of binaryen's random input, {@code -Dwasmj.v8.keepNaNs=true} leaves {@code --denan} out (and then
 * NaN bits differ where the spec lets them).
 *
 * <p>What the modules use ({@link #options}): sign extension, non-trapping conversions,
 * bulk memory, multiple values, tail calls, extended constant expressions and SIMD, made
 * NaN-deterministic by binaryen's {@code --denan} (every float a NaN could reach becomes 0), since
 * the spec lets engines choose NaN bits that wasmj fixes (docs/RATIONALE.md, "Deterministic
 * NaNs"). Not generated: reference types (binaryen 108, Debian bookworm's, generates the
 * pre-standard {@code anyref} with them, which Wasm 2.0 and V8 without GC reject), multiple
 * memories
 * (binaryen 108 has no such option, and V8 11.3 in Node 20 does not implement them). SIMD is one
 * switch, {@link #SIMD}.
 *
 * <p>What is compared, and what is not: a NaN result or host-call argument is only "a NaN", since
 * V8 hands an f32 to JS as a double; V8's trap messages name fewer kinds than
 * {@link org.wasmj.TrapKind} does, so a trap agrees when V8's message can mean our kind (see the
 * table in the script); module errors are compared by kind (compile, link, trap at instantiation),
 * not message. Exports with {@code v128} in their type are not called (JS cannot pass one), and a
 * call to an import with one (binaryen's {@code log-v128}) fails on both sides: V8 throws a
 * {@code TypeError}, wasmj's stub a host trap.
 */
class V8DifferentialTest {
  /**
   * binaryen.js (npm {@code binaryen} 132), whose {@code --denan} also clears NaN lanes of v128
   * values; {@code src/test/node/fetch-binaryen.sh} puts it here ({@code -Dwasmj.v8.binaryenjs}
   * names another {@code index.js}).
   */
  static final Path BINARYEN_JS = Path.of(System.getProperty("wasmj.v8.binaryenjs",
      (System.getenv("XDG_CACHE_HOME") != null ? System.getenv("XDG_CACHE_HOME")
          : System.getProperty("user.home") + "/.cache")
          + "/wasmj/binaryen-js-132/node_modules/binaryen/index.js"));

  /**
   * Whether the modules are to use SIMD (the executors run it by default), which needs binaryen.js
   * to take the NaNs out of v128 lanes, since binaryen 108's {@code --denan} leaves them, and a NaN
   * lane's bits are the engine's choice; {@code -Dwasmj.v8.simd=false} turns it off.
   */
  static final boolean SIMD_WANTED =
      Boolean.parseBoolean(System.getProperty("wasmj.v8.simd", "true"));

  /** Whether the modules use SIMD: {@link #SIMD_WANTED}, and binaryen.js is there. */
  static final boolean SIMD = SIMD_WANTED && Files.isRegularFile(BINARYEN_JS);

  /**
   * Up to how many random bytes (above 1 KiB) binaryen turns into a module: with the 4 KiB of
   * {@link DifferentialTest} most code is binaryen's own {@code hashMemory}; binaryen's fuzzer
   * feeds about 40 KiB.
   */
  static final int INPUT_BYTES = Integer.getInteger("wasmj.v8.inputBytes", 40 * 1024);

  /** The executors compared with V8. */
  static final Map<String, Config> CONFIGS = new LinkedHashMap<>();

  /** {@code wasm-opt}'s features. */
  static final List<String> FEATURES;

  /**
   * What {@code wasm-opt} does after {@code -ttf}, by seed modulo 4: as generated (twice), then
   * optimized by {@code -O3} (other shapes: fused, hoisted, inlined, tuples), then generated with no
   * out-of-bounds accesses (fewer early traps, so more code runs). {@code -Dwasmj.v8.passes} puts
   * one list in their place.
   */
  private static final List<List<String>> PASSES = System.getProperty("wasmj.v8.passes") != null
      ? List.of(List.of(System.getProperty("wasmj.v8.passes").trim().split("\\s+")))
      : List.of(List.of(), List.of(), List.of("-O3"), List.of("--no-fuzz-oob"));

  static {
    Config base = Config.defaults();
    CONFIGS.put("switch", base.withExecutor("switch"));
    CONFIGS.put("asm", base.withExecutor("asm"));
    CONFIGS.put("tiered (threshold 2)",
        base.withExecutor("tiered").withTieringThreshold(2).withCompilerThreads(0));
    List<String> options = new ArrayList<>(List.of("--enable-sign-ext",
        "--enable-nontrapping-float-to-int", "--enable-mutable-globals", "--enable-bulk-memory",
        "--enable-multivalue", "--enable-tail-call", "--enable-extended-const"));
    if (SIMD) {
      options.add("--enable-simd");
    }
    FEATURES = List.copyOf(options);
  }

  @Test
  void wasmjAgreesWithV8(@TempDir Path dir) throws Exception {
    String missing = missingTools();
    Shared.assumeInput(missing == null, missing + ": V8 differential test skipped");
    assertFalse(SIMD_WANTED && !SIMD && Shared.inputsRequired(), "binaryen.js is not at "
        + BINARYEN_JS + " (src/test/node/fetch-binaryen.sh fetches it): the V8 differential test"
        + " would run without SIMD, and " + Shared.REQUIRE_INPUTS + " is set");
    int count = Integer.getInteger("wasmj.v8.count", 1000);
    long base = Long.getLong("wasmj.v8.seed", new Random().nextLong() & Long.MAX_VALUE);
    Result r = campaign(dir, base, count, Path.of("target"), 5, System.out);
    assertEquals(List.of(), r.failures);
    assertTrue(r.generated >= count * 9 / 10,
        "wasm-opt generated only " + r.generated + " modules");
    assertTrue(r.calls >= r.generated, "only " + r.calls + " export calls in " + r.generated
        + " modules: agreeing that a module does not compile compares nothing");
  }

  @Test
  void aDifferenceIsFoundAndATrapMayBeAnyKindV8CouldMean() {
    String ok = "instantiate: ok\ncall f: i32:1 \n";
    String v8 = ok + "call g: trap INTEGER_OVERFLOW|BAD_CONVERSION_TO_INTEGER";
    assertNull(difference(v8, ok + "call g: trap BAD_CONVERSION_TO_INTEGER"));
    assertNull(difference(v8, ok + "call g: trap INTEGER_OVERFLOW"));
    assertNotNull(difference(v8, ok + "call g: trap UNREACHABLE"));
    assertNotNull(difference(v8, "instantiate: ok\ncall f: i32:2 \ncall g: trap INTEGER_OVERFLOW"));
    assertNotNull(difference(v8, "instantiate: ok\ncall f: i32:1 "));
    assertNotNull(difference("call f: trap UNREACHABLE", "call g: trap UNREACHABLE"));
  }

  /**
   * A campaign outside Maven: {@code count seed [failure-directory [max-failures]]}, e.g.
   * {@code nice -n 15 java -cp <test classpath> org.wasmj.exec.asm.V8DifferentialTest 100000 1}
   * ({@code v8-campaign.sh} does that); or {@code --check FILE...}, which compares the given
   * modules, prints the transcripts and exits 1 if any disagrees (a test for {@code wasm-reduce}).
   */
  public static void main(String[] args) throws Exception {
    String missing = missingTools();
    if (missing != null) {
      System.out.println(missing);
      System.exit(2);
    }
    if (args[0].equals("--check")) {
      System.exit(check(List.of(args).subList(1, args.length)) ? 0 : 1);
    }
    int count = Integer.parseInt(args[0]);
    long base = Long.parseLong(args[1]);
    Path failures = Path.of(args.length > 2 ? args[2] : "target/v8-campaign");
    int maxFailures = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    Files.createDirectories(failures);
    Path dir = Files.createTempDirectory("v8-campaign");
    Result r = campaign(dir, base, count, failures, maxFailures, System.out);
    System.exit(r.failures.isEmpty() ? 0 : 1);
  }

  /** Whether every module in {@code files} gives V8's transcript on every executor. */
  private static boolean check(List<String> files) throws IOException, InterruptedException {
    boolean agree = true;
    try (NodeV8 v8 = NodeV8.oracle()) {
      for (String file : files) {
        Path path = Path.of(file);
        byte[] wasm = Files.readAllBytes(path);
        String theirs = v8.transcript(path, compile(wasm));
        System.out.println("--- " + file + ", V8:\n" + theirs);
        for (Map.Entry<String, Config> e : CONFIGS.entrySet()) {
          String ours = transcript(wasm, e.getValue());
          String difference = difference(theirs, ours);
          if (difference != null) {
            System.out.println("--- " + e.getKey() + " disagrees at " + difference + ":\n" + ours);
            agree = false;
          }
        }
      }
    }
    return agree;
  }

  /** Why the test cannot run here, or null if it can. */
  static String missingTools() {
    return DifferentialTest.hasWasmOpt() ? NodeV8.unavailable() : DifferentialTest.WASM_OPT_MISSING;
  }

  /** What a campaign found. */
  static final class Result {
    int generated;
    int calls;
    int traps;
    int hostCalls;
    /** Nanoseconds waiting for binaryen and V8 (both run while wasmj does), in each executor. */
    long waitingForBinaryen;
    long waitingForV8;
    final Map<String, Long> inExecutor = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
  }

  /**
   * Runs modules {@code base} to {@code base + count - 1} in V8 and in every executor, keeping
   * each disagreeing module in {@code keep}; stops after {@code maxFailures}. Binaryen makes the
   * next module and V8 runs this one while wasmj runs it, so two cores are used.
   */
  static Result campaign(Path dir, long base, int count, Path keep, int maxFailures,
      PrintStream log) throws Exception {
    log.printf("v8 differential: %d random modules from seed %d (replay one with"
        + " -Dwasmj.v8.seed=S -Dwasmj.v8.count=1)%n", count, base);
    log.println(SIMD ? "v8 differential: with SIMD (v128 NaNs cleared by " + BINARYEN_JS + ")"
        : "v8 differential: without SIMD: binaryen.js, which clears NaNs from v128 lanes, is not"
            + " at " + BINARYEN_JS + " (src/test/node/fetch-binaryen.sh fetches it)");
    Result r = new Result();
    long start = System.nanoTime();
    ExecutorService binaryen = Executors.newSingleThreadExecutor(task -> {
      Thread t = new Thread(task, "binaryen");
      t.setDaemon(true);
      return t;
    });
    try (NodeV8 v8 = NodeV8.oracle(); NodeV8 denan = SIMD ? NodeV8.denan(BINARYEN_JS) : null) {
      Future<byte[]> next = binaryen.submit(() -> generate(dir, base, denan));
      for (int i = 0; i < count && r.failures.size() < maxFailures; i++) {
        long seed = base + i;
        long t0 = System.nanoTime();
        byte[] wasm = next.get();
        r.waitingForBinaryen += System.nanoTime() - t0;
        if (i + 1 < count) {
          next = binaryen.submit(() -> generate(dir, seed + 1, denan));
        }
        if (wasm == null) {
          continue;
        }
        r.generated++;
        Path wasmFile = Files.write(dir.resolve("module-" + (seed & 1) + ".wasm"), wasm);
        v8.send(wasmFile, compile(wasm));
        Map<String, String> ours = new LinkedHashMap<>();
        for (Map.Entry<String, Config> e : CONFIGS.entrySet()) {
          long t1 = System.nanoTime();
          ours.put(e.getKey(), transcript(wasm, e.getValue()));
          r.inExecutor.merge(e.getKey(), System.nanoTime() - t1, Long::sum);
        }
        long t2 = System.nanoTime();
        String theirs = v8.receive();
        r.waitingForV8 += System.nanoTime() - t2;
        for (Map.Entry<String, String> e : ours.entrySet()) {
          String difference = difference(theirs, e.getValue());
          if (difference != null) {
            Files.createDirectories(keep);
            Path kept = Files.write(keep.resolve("v8-differential-" + seed + ".wasm"), wasm);
            String failure = "seed " + seed + " (module kept in " + kept + "): " + e.getKey()
                + " disagrees with V8 at " + difference + "\n--- V8\n" + theirs + "\n--- "
                + e.getKey() + "\n" + e.getValue();
            r.failures.add(failure);
            log.println(failure);
            break;
          }
        }
        for (String line : theirs.split("\n")) {
          if (line.startsWith("call ")) {
            r.calls++;
            r.traps += line.contains(": trap ") ? 1 : 0;
          } else if (line.startsWith("  host ")) {
            r.hostCalls++;
          }
        }
        if ((i + 1) % 1000 == 0 && count > 1000) {
          log.printf("v8 differential: %d/%d seeds, %d modules, %d export calls (%d trapped),"
              + " %d host calls, %d disagreements, %.0f s%n", i + 1, count, r.generated, r.calls,
              r.traps, r.hostCalls, r.failures.size(), (System.nanoTime() - start) / 1e9);
        }
      }
    } finally {
      binaryen.shutdownNow();
    }
    log.printf("v8 differential: %d modules generated, %d export calls (%d trapped) and %d host"
        + " calls compared with V8 on %s, %d disagreements, %.0f s%n", r.generated, r.calls,
        r.traps, r.hostCalls, CONFIGS.keySet(), r.failures.size(),
        (System.nanoTime() - start) / 1e9);
    StringBuilder times = new StringBuilder(String.format(
        "v8 differential: seconds waiting for binaryen %.0f, for V8 %.0f, in",
        r.waitingForBinaryen / 1e9, r.waitingForV8 / 1e9));
    r.inExecutor.forEach((k, v) -> times.append(String.format(" %s %.0f,", k, v / 1e9)));
    log.println(times.substring(0, times.length() - 1));
    return r;
  }

  /** {@code wasm-opt}'s options for module {@code seed}: features, passes, the NaN pass. */
  static List<String> options(long seed) {
    List<String> options = new ArrayList<>(FEATURES);
    options.addAll(PASSES.get((int) Math.floorMod(seed, (long) PASSES.size())));
    if (!Boolean.getBoolean("wasmj.v8.keepNaNs")) {
      options.add("--denan");
    }
    return options;
  }

  /** wasmj's transcript; a JVM exception escaping wasmj (a bug in itself) is written down too. */
  static String transcript(byte[] wasm, Config config) {
    try {
      return Transcript.forV8(wasm, config);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return "wasmj threw " + e.toString().lines().findFirst().orElse("");
    }
  }

  /**
   * Module {@code seed}, made in a directory of its own (two are made at once), its v128 NaNs
   * cleared by {@code denan} unless that is null.
   */
  private static byte[] generate(Path dir, long seed, NodeV8 denan)
      throws IOException, InterruptedException {
    Path slot = Files.createDirectories(dir.resolve("binaryen-" + (seed & 1)));
    byte[] wasm = DifferentialTest.generate(slot, seed, 1024, INPUT_BYTES, options(seed));
    if (wasm == null || denan == null || Boolean.getBoolean("wasmj.v8.keepNaNs")) {
      return wasm;
    }
    Path in = Files.write(slot.resolve("generated.wasm"), wasm);
    Path out = slot.resolve("denan.wasm");
    denan.denan(in, out);
    return Files.readAllBytes(out);
  }

  /** wasmj's compilation of a module, for the types of its imports and exports; null if invalid. */
  static Module compile(byte[] wasm) {
    try {
      return Module.compile(new Engine(CONFIGS.values().iterator().next()), wasm);
    } catch (WasmException e) {
      return null;
    }
  }

  /**
   * Where V8's transcript and ours differ, null if nowhere: lines must be equal, except that V8's
   * trap line may list several kinds ({@code trap A|B}) of which ours must be one.
   */
  static String difference(String theirs, String ours) {
    String[] t = theirs.split("\n", -1);
    String[] o = ours.split("\n", -1);
    for (int i = 0; i < Math.max(t.length, o.length); i++) {
      if (i >= t.length || i >= o.length) {
        return "line " + (i + 1) + ": one transcript ends";
      }
      if (!t[i].equals(o[i]) && !sameTrap(t[i], o[i])) {
        return "line " + (i + 1) + ": \"" + t[i] + "\" vs \"" + o[i] + "\"";
      }
    }
    return null;
  }

  private static boolean sameTrap(String theirs, String ours) {
    int at = theirs.indexOf(": trap ");
    if (at < 0 || !theirs.startsWith("call ") || !ours.startsWith(theirs.substring(0, at + 7))) {
      return false;
    }
    String kind = ours.substring(at + 7);
    for (String k : theirs.substring(at + 7).split("\\|")) {
      if (k.equals(kind)) {
        return true;
      }
    }
    return false;
  }
}
