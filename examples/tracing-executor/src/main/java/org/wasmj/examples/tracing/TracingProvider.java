package org.wasmj.examples.tracing;

import org.wasmj.exec.Config;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.ExecutorProvider;

/**
 * Executor {@code tracing}: interprets the register IR and counts what it runs. Slow on purpose
 * (a counter update and a generic dispatch per op), so it is never the default: pick it with
 * {@code Config.withExecutor("tracing")} or {@code wasmj run --executor tracing}.
 *
 * <pre>{@code
 * Engine engine = new Engine(Config.defaults().withExecutor("tracing"));
 * Module module = Module.compile(engine, bytes);
 * // ... run it, then:
 * module.executorStatistics(); // {ops.I32_ADD_RRR=1200, ..., functions.3=5400, ...}
 * }</pre>
 */
public final class TracingProvider implements ExecutorProvider {
  /** The name users select it by. */
  public static final String NAME = "tracing";

  /** Made by {@link java.util.ServiceLoader}. */
  public TracingProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 0; // below every real executor: only chosen by name
  }

  @Override
  public Executor create(Config config) {
    return new TracingExecutor();
  }
}
