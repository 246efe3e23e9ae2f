package org.wasmj.exec.asm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmj.exec.Config;

/** The configurations tests run a guest on: every executor, and {@code tiered} compiling at once. */
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
}
