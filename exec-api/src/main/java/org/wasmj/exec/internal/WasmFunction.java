package org.wasmj.exec.internal;

import org.wasmj.exec.spi.GuestFunction;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.parser.FuncType;

/**
 * A function defined by a module, in one instance. Its code is the module's, translated on first
 * use in the lazy compilation modes and cached here.
 *
 * @implNote {@link #compiled} is a benign-race cache: {@link CompiledFunction} is immutable, and
 *     {@link ModuleCode#compiled} translates each function at most once; the interpreter makes its
 *     copy from that one IR, so racing threads make equal copies.
 */
public final class WasmFunction extends FunctionInstance implements GuestFunction {
  /** The instance the function belongs to (its memories, tables, globals). */
  public final InstanceState instance;
  /** The module's code for this function, shared with its other instances. */
  public final FunctionCode code;
  /**
   * The code the {@code switch} interpreter runs for this function, once it has run it: the
   * module's IR or the interpreter's own copy of it (see {@code Interpreter.interpreted}); null
   * before. Not the IR to read: that is {@link #ir()}.
   */
  public CompiledFunction compiled;

  WasmFunction(InstanceState instance, FunctionCode code, FuncType type, int typeId) {
    super(type, typeId);
    this.instance = instance;
    this.code = code;
  }

  /** The translated IR, translating it now if needed (lazy modes may throw {@code InvalidModuleException}). */
  @Override
  public CompiledFunction ir() {
    return code.ir();
  }

  /** A readable name: the name section's, else {@code func[index]}. */
  @Override
  public String name() {
    return code.name();
  }

  @Override
  public InstanceState instance() {
    return instance;
  }

  @Override
  public ModuleCode module() {
    return code.module;
  }

  @Override
  public int index() {
    return code.functionIndex();
  }
}
