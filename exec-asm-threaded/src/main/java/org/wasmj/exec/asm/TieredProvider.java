package org.wasmj.exec.asm;

import org.wasmj.exec.Config;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.ExecutorProvider;

/**
 * Executor {@code tiered}: functions start in the {@code switch} interpreter (no class generated,
 * so start-up costs what the interpreter's does) and are compiled to classes, as {@code asm} would,
 * once their calls plus loop iterations reach {@link Config#tieringThreshold()}. Compiled code is
 * swapped in atomically for later calls; frames already running finish in the interpreter.
 */
public final class TieredProvider implements ExecutorProvider {
  /** The name users select it by. */
  public static final String NAME = "tiered";

  /** Made by {@link java.util.ServiceLoader}. */
  public TieredProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 30; // the default: see docs/RATIONALE.md, "The default executor is tiered"
  }

  @Override
  public Executor create(Config config) {
    return new AsmExecutor(true, config.tieringThreshold(), config.compilerThreads());
  }
}
