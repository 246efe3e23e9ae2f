package org.wasmj.exec.internal;

import org.wasmj.ir.CompiledFunction;

/**
 * A function defined by a module, in one instance. Its code is the module's, translated on first
 * use in the lazy compilation modes and cached here.
 *
 * @implNote {@link #compiled} is a benign-race cache: {@link CompiledFunction} is immutable, and
 *     {@link ModuleCode#compiled} translates each function at most once.
 */
public final class WasmFunction extends FunctionInstance {
  /** The instance the function belongs to (its memories, tables, globals). */
  public final InstanceState instance;
  /** Index among the module's defined functions. */
  public final int definedIndex;
  /** The translated code, once known. */
  public CompiledFunction compiled;

  WasmFunction(InstanceState instance, int definedIndex, int typeId) {
    super(instance.module.module().functionType(instance.module.module().importedFunctionCount() + definedIndex), typeId);
    this.instance = instance;
    this.definedIndex = definedIndex;
  }

  /** The translated code, translating it now if needed (lazy modes may throw {@code InvalidModuleException}). */
  public CompiledFunction code() {
    CompiledFunction c = compiled;
    if (c == null) {
      c = instance.module.compiled(definedIndex);
      compiled = c;
    }
    return c;
  }

  /** The function's index in its module's function index space. */
  public int functionIndex() {
    return instance.module.module().importedFunctionCount() + definedIndex;
  }

  /** A readable name: the name section's, else {@code func[index]}. */
  public String name() {
    int index = functionIndex();
    String name = instance.module.module().names().functionName(index);
    return name != null ? name : "func[" + index + "]";
  }
}
