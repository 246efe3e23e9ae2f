package org.wasmj.exec.internal;

import org.wasmj.exec.spi.Callee;
import org.wasmj.parser.FuncType;

/**
 * A function at run time: a Wasm function of an instance ({@link WasmFunction}) or a host
 * function ({@link HostFunction}). Each is registered in its store, which gives it the
 * reference id that {@code funcref} values and table elements hold.
 *
 * @implNote Belongs to one store; not synchronized.
 */
public abstract sealed class FunctionInstance implements Callee permits WasmFunction, HostFunction {
  /** The function's type. */
  public final FuncType type;
  /** The engine-wide id of {@link #type}: two functions have equal types iff their ids are equal. */
  public final int typeId;
  /** The store-wide reference id (1-based; 0 is the null reference), set by {@link StoreState#register}. */
  public int ref;
  /** The embedding API's face of this function, created on first use. */
  public Object face;

  @Override
  public FuncType type() {
    return type;
  }

  FunctionInstance(FuncType type, int typeId) {
    this.type = type;
    this.typeId = typeId;
  }
}
