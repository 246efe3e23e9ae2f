package org.wasmj.exec.internal;

import org.wasmj.parser.FuncType;

/**
 * A function the host provides. Executors call it with the arguments as raw 64-bit slots and
 * take back its results the same way.
 *
 * @implNote Implementations are made by the embedding API, which turns host exceptions into traps.
 */
public abstract non-sealed class HostFunction extends FunctionInstance {
  /** A host function of {@code type} ({@code typeId} from the engine's {@link TypeRegistry}). */
  protected HostFunction(FuncType type, int typeId) {
    super(type, typeId);
  }

  /**
   * Runs the function.
   *
   * @param caller the calling instance, or {@code null} when called from the host
   * @param args one raw slot per parameter
   * @return one raw slot per result (an empty array for none)
   */
  public abstract long[] call(InstanceState caller, long[] args);
}
