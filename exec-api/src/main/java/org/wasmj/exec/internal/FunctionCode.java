package org.wasmj.exec.internal;

import org.wasmj.ir.CompiledFunction;

/**
 * One defined function of a compiled module, shared by all its instances: its register IR
 * (translated at most once, on first use in the lazy modes) and the native code an executor may
 * attach to it, which callers use instead of interpreting the IR.
 *
 * @implNote Thread-safe. {@link #nativeCode} is volatile: an executor may swap it in while other
 *     threads run the function (frames already running finish as they started).
 */
public final class FunctionCode {
  /** The module. */
  public final ModuleCode module;
  /** Index among the module's defined functions. */
  public final int definedIndex;
  /** Code to call instead of interpreting the IR, or {@code null}. */
  public volatile NativeCode nativeCode;
  /** Compiled code an interpreter frame of this function may enter at a loop header, or {@code null}. */
  public volatile LoopEntry loopEntry;
  /**
   * Calls and loop iterations left before the interpreter tells {@link ModuleCode#tiering} that
   * the function is hot ({@link Integer#MAX_VALUE} when no executor asks; at or below zero it
   * tells it again). Updated without synchronization: a lost update only delays tiering.
   */
  public int countdown = Integer.MAX_VALUE;

  FunctionCode(ModuleCode module, int definedIndex) {
    this.module = module;
    this.definedIndex = definedIndex;
  }

  /** The register IR, translated now if it was not yet (lazy modes may throw {@code InvalidModuleException}). */
  public CompiledFunction ir() {
    return module.compiled(definedIndex);
  }

  /** The function's index in the module's function index space. */
  public int functionIndex() {
    return module.module().importedFunctionCount() + definedIndex;
  }

  /** A readable name: the name section's, else {@code func[index]}. */
  public String name() {
    String name = module.module().names().functionName(functionIndex());
    return name != null ? name : "func[" + functionIndex() + "]";
  }
}
