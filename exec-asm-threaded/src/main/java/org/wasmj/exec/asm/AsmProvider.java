package org.wasmj.exec.asm;

import org.wasmj.exec.Config;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.ExecutorProvider;

/**
 * Executor {@code asm}: each Wasm function becomes a JVM class generated with ASM. Functions it
 * cannot compile well (see {@link FunctionCompiler.Fallback}) run in the {@code switch}
 * interpreter. Pick it with {@code Config.withExecutor("asm")}; it is the default when present.
 */
public final class AsmProvider implements ExecutorProvider {
  /** The name users select it by. */
  public static final String NAME = "asm";

  /** Made by {@link java.util.ServiceLoader}. */
  public AsmProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 20;
  }

  @Override
  public Executor create(Config config) {
    return new AsmExecutor(false, 0, 0);
  }
}
