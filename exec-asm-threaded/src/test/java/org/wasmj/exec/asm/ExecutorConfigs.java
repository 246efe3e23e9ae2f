package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;

/**
 * The configurations tests run a guest on: every executor, {@code tiered} compiling at once, and
 * {@code asm} with every function split into chunks.
 */
final class ExecutorConfigs {
  private ExecutorConfigs() {}

  /**
   * {@code base} on {@code switch}, {@code asm} and {@code tiered}, and on {@code tiered} with a
   * threshold of 2 and no compiler thread (compiled code at once, deterministically), by name.
   */
  static Map<String, Config> everyExecutor(Config base) {
    Map<String, Config> configs = new LinkedHashMap<>();
    configs.put("switch", base.withExecutor("switch"));
    configs.put("asm", base.withExecutor("asm"));
    configs.put("tiered", base.withExecutor("tiered"));
    configs.put("tiered (threshold 2, no compiler thread)",
        base.withExecutor("tiered").withTieringThreshold(2).withCompilerThreads(0));
    return configs;
  }

  /**
   * {@code wasm} instantiated eagerly on {@code switch}, {@code asm} whole, {@code asm} split at
   * every cut and {@code tiered}: the four a fused op's tests compare against its unfused meaning.
   */
  static List<Instance> eagerInstances(byte[] wasm) {
    return List.of(eagerInstance("switch", wasm, false), eagerInstance("asm", wasm, false),
        eagerInstance("asm", wasm, true), eagerInstance("tiered", wasm, false));
  }

  /**
   * {@code wasm} instantiated on {@code executor}, compiled eagerly; with {@code split}, every
   * function of it split into chunks at every cut ({@code FunctionCompiler.forcedChunkBudget} 10).
   */
  static Instance eagerInstance(String executor, byte[] wasm, boolean split) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor)
        .withCompilationMode(CompilationMode.EAGER));
    if (split) {
      FunctionCompiler.forcedChunkBudget = 10;
    }
    try {
      return new Linker<Void>(engine).instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  /**
   * Runs {@code main} in a child JVM with a heap of {@code heap} (e.g. {@code "16m"}) and this
   * class path, and asserts that it exits 0 having printed "ok: " and each of {@code names} on a
   * line of its own.
   */
  static void assertOkInChildJvm(String heap, Class<?> main, Iterable<String> names,
      String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    for (String name : names) {
      assertTrue(out.contains("ok: " + name + "\n") || out.endsWith("ok: " + name), out);
    }
  }
}
