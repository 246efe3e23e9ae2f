package org.wasmj.exec.loopswitch;

import org.wasmj.exec.Config;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.ExecutorProvider;
import org.wasmj.exec.spi.GuestFunction;

/**
 * Executor {@code switch}: the loop-switch interpreter over the register IR. Found by
 * {@link java.util.ServiceLoader}; pick it with {@code Config.withExecutor("switch")}.
 */
public final class SwitchProvider implements ExecutorProvider {
  /** The name users select it by. */
  public static final String NAME = "switch";

  /** Made by {@link java.util.ServiceLoader}. */
  public SwitchProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Executor create(Config config) {
    return SwitchExecutor.INSTANCE;
  }

  /** The interpreter as an executor: stateless, one for all engines. */
  private enum SwitchExecutor implements Executor {
    INSTANCE;

    @Override
    public void invoke(GuestFunction f, long[] args, long[] results) {
      Interpreter.invoke((WasmFunction) f, args, results); // the runtime's class (RATIONALE.md)
    }
  }
}
