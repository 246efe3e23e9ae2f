package org.wasmj.bench;

import java.util.ArrayList;
import java.util.List;
import org.wasmj.exec.Engine;
import org.wasmj.exec.ImportType;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Val;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;

/**
 * No-op host functions for every function a module imports, each returning zeros of its result
 * types: what wasmi's startup benchmarks link, so that instantiation can be measured without
 * WASI. Non-function imports are not needed by the benchmark modules and are rejected.
 */
final class Stubs {
  private Stubs() {}

  /** A wasmj linker defining a stub for each of {@code module}'s imports. */
  static Linker<Void> wasmj(Engine engine, Module module) {
    Linker<Void> linker = new Linker<>(engine);
    for (ImportType i : module.imports()) {
      if (i.kind() != ExternKind.FUNC) {
        throw new IllegalArgumentException("cannot stub non-function import " + i);
      }
      FuncType type = (FuncType) i.type();
      Val[] zeros = new Val[type.resultCount()];
      for (int r = 0; r < zeros.length; r++) {
        zeros[r] = Val.fromBits(type.result(r), 0);
      }
      linker.func(i.module(), i.name(), type, (caller, args) -> zeros.clone());
    }
    return linker;
  }

  /** Chicory import values with a stub for each of {@code module}'s imports. */
  static com.dylibso.chicory.runtime.ImportValues chicory(com.dylibso.chicory.wasm.WasmModule module) {
    return chicory(module, () -> {});
  }

  /** As {@link #chicory(com.dylibso.chicory.wasm.WasmModule)}, running {@code onCall} on each stub call. */
  static com.dylibso.chicory.runtime.ImportValues chicory(com.dylibso.chicory.wasm.WasmModule module,
      Runnable onCall) {
    var imports = module.importSection();
    List<com.dylibso.chicory.runtime.ImportFunction> functions = new ArrayList<>();
    for (int i = 0; i < imports.importCount(); i++) {
      var imp = imports.getImport(i);
      if (!(imp instanceof com.dylibso.chicory.wasm.types.FunctionImport)) {
        throw new IllegalArgumentException("cannot stub non-function import " + imp);
      }
      var type = module.typeSection()
          .getType(((com.dylibso.chicory.wasm.types.FunctionImport) imp).typeIndex());
      int results = type.returns().size();
      functions.add(new com.dylibso.chicory.runtime.HostFunction(imp.module(), imp.name(), type,
          (instance, args) -> {
            onCall.run();
            return new long[results];
          }));
    }
    return com.dylibso.chicory.runtime.ImportValues.builder().withFunctions(functions).build();
  }
}
