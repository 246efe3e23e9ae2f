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
   * The countdown every function starts with when its module counts loops for a tiering
   * executor: its first call tells {@link ModuleCode#tiering}, which sets the function's own
   * countdown then. So nothing runs per function when a module is compiled (on Yosys a loop over
   * its 34,004 functions took 5-9 ms before the guest's first instruction), and a function that
   * is never called costs nothing.
   */
  public static final int FIRST_CALL = 1;

  /**
   * Calls and loop iterations left before the interpreter tells {@link ModuleCode#tiering} that
   * the function is hot ({@link #FIRST_CALL} at first under a tiering executor,
   * {@link Integer#MAX_VALUE} when no executor asks; at or below zero it tells it again). Updated
   * without synchronization: a lost update only delays tiering.
   */
  public int countdown;

  FunctionCode(ModuleCode module, int definedIndex, int countdown) {
    this.module = module;
    this.definedIndex = definedIndex;
    this.countdown = countdown;
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
