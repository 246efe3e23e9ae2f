package org.wasmj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
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
 *
 * <p>A benchmark that needs a real host function for a parameterless import with one result
 * (CoreMark's {@code env.clock_ms}) passes it in {@code hosts}, keyed {@code "module.name"}; the
 * value's bits are returned as that result.
 */
final class Stubs {
  private Stubs() {}

  /** A wasmj linker defining a stub for each of {@code module}'s imports. */
  static Linker<Void> wasmj(Engine engine, Module module) {
    return wasmj(engine, module, Map.of());
  }

  /** As {@link #wasmj(Engine, Module)}, linking {@code hosts} where they are imported. */
  static Linker<Void> wasmj(Engine engine, Module module, Map<String, LongSupplier> hosts) {
    Linker<Void> linker = new Linker<>(engine);
    for (ImportType i : module.imports()) {
      if (i.kind() != ExternKind.FUNC) {
        throw new IllegalArgumentException("cannot stub non-function import " + i);
      }
      FuncType type = (FuncType) i.type();
      LongSupplier host = hosts.get(i.module() + "." + i.name());
      if (host != null) {
        checkHostType(i.module() + "." + i.name(), type.paramCount(), type.resultCount());
        linker.func(i.module(), i.name(), type,
            (caller, args) -> new Val[] {Val.fromBits(type.result(0), host.getAsLong())});
        continue;
      }
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
    return chicory(module, () -> {}, Map.of());
  }

  /** As {@link #chicory(com.dylibso.chicory.wasm.WasmModule)}, running {@code onCall} on each stub call. */
  static com.dylibso.chicory.runtime.ImportValues chicory(com.dylibso.chicory.wasm.WasmModule module,
      Runnable onCall) {
    return chicory(module, onCall, Map.of());
  }

  /** As {@link #chicory(com.dylibso.chicory.wasm.WasmModule)}, linking {@code hosts} where they are imported. */
  static com.dylibso.chicory.runtime.ImportValues chicory(com.dylibso.chicory.wasm.WasmModule module,
      Map<String, LongSupplier> hosts) {
    return chicory(module, () -> {}, hosts);
  }

  private static com.dylibso.chicory.runtime.ImportValues chicory(
      com.dylibso.chicory.wasm.WasmModule module, Runnable onCall, Map<String, LongSupplier> hosts) {
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
      LongSupplier host = hosts.get(imp.module() + "." + imp.name());
      if (host != null) {
        checkHostType(imp.module() + "." + imp.name(), type.params().size(), results);
        functions.add(new com.dylibso.chicory.runtime.HostFunction(imp.module(), imp.name(), type,
            (instance, args) -> new long[] {host.getAsLong()}));
        continue;
      }
      functions.add(new com.dylibso.chicory.runtime.HostFunction(imp.module(), imp.name(), type,
          (instance, args) -> {
            onCall.run();
            return new long[results];
          }));
    }
    return com.dylibso.chicory.runtime.ImportValues.builder().withFunctions(functions).build();
  }

  private static void checkHostType(String name, int params, int results) {
    if (params != 0 || results != 1) {
      throw new IllegalArgumentException("host function " + name + " must take no parameters and"
          + " return one value, but the module imports it with " + params + " and " + results);
    }
  }
}
