package org.wasmj.exec.spi;

import org.wasmj.parser.FuncType;

/**
 * A function guest code can call: a {@link GuestFunction} (a Wasm function, which the engine's
 * executor runs) or a host function (call it with {@link GuestInstance#callHost}).
 *
 * @implNote Implemented by the runtime only. Belongs to one store, like its instance.
 */
public interface Callee {
  /** The function's type; a v128 parameter or result takes two slots ({@link FuncType#paramSlotCount()}). */
  FuncType type();
}
