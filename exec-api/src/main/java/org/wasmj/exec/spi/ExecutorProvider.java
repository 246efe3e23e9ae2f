package org.wasmj.exec.spi;

import org.wasmj.exec.Config;

/**
 * Makes an {@link Executor}; found with {@link java.util.ServiceLoader}. An engine uses the
 * provider its {@link Config} names, or the available one with the highest priority.
 *
 * <pre>{@code
 * // module-info.java of an executor module:
 * provides org.wasmj.exec.spi.ExecutorProvider with org.wasmj.exec.loopswitch.SwitchProvider;
 * }</pre>
 */
public interface ExecutorProvider {
  /** The name users select it by, e.g. {@code "switch"}. */
  String name();

  /** Higher wins when no executor is named. */
  int priority();

  /** A new executor for an engine with {@code config}. */
  Executor create(Config config);
}
