package org.wasmj.exec.spi;

import org.wasmj.ir.CompiledFunction;
import org.wasmj.parser.FuncType;

/**
 * A compiled module's code, shared by all its instances in every store and thread: what
 * {@link Executor#prepare} may compile ahead and {@link Executor#statistics} reports on.
 * Functions are numbered among the module's defined functions (the imports not counted).
 *
 * @implNote Implemented by the runtime only. Thread-safe; a function is translated at most once.
 */
@SuppressWarnings("exports") // executors require org.wasmj.ir themselves (module-info)
public interface GuestModule {
  /** How many functions the module defines. */
  int functionCount();

  /** How many functions it imports: defined function {@code i} has index {@code importedFunctionCount() + i}. */
  int importedFunctionCount();

  /** The register IR of defined function {@code definedIndex}, translated now if it was not yet. */
  CompiledFunction ir(int definedIndex);

  /** The type of defined function {@code definedIndex}. */
  FuncType functionType(int definedIndex);

  /** A readable name of defined function {@code definedIndex}: the name section's, else {@code func[index]}. */
  String functionName(int definedIndex);

  /** What the engine's executor keeps for this module (e.g. generated code, counters), or {@code null}. */
  Object executorData();

  /** Sets what {@link #executorData()} returns; a volatile write. */
  void setExecutorData(Object data);
}
