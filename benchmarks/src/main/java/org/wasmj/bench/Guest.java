package org.wasmj.bench;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.ExportType;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;

/**
 * One instance of a module in one runtime, with its exported functions callable on raw 64-bit
 * slots. The runtime is named as in the benchmarks' {@code runtime} parameter:
 *
 * <ul>
 *   <li>{@code wasmj-NAME}: wasmj with executor {@code NAME} ({@code switch}, {@code asm},
 *       {@code tiered}), eager compilation, called through {@link TypedFunc};
 *   <li>{@code chicory-interpreter}: Chicory 1.7.5's interpreter ({@code Instance.builder}
 *       with its default machine);
 *   <li>{@code chicory-compiler}: Chicory 1.7.5's compiler ({@code com.dylibso.chicory:compiler},
 *       {@code withMachineFactory(MachineFactoryCompiler::compile)}: every function becomes JVM
 *       bytecode when the instance is built).
 * </ul>
 *
 * <p>Imports are satisfied by stubs that return zeros (as wasmi's benchmarks do), or by the host
 * functions a benchmark passes (see {@link Stubs}).
 */
interface Guest {

  /** An exported function. */
  @FunctionalInterface
  interface Fn {
    /** Calls it; returns the first result's raw slot (i32 sign-extended, floats as bits), or 0. */
    long call(long... args);
  }

  /** The exported function {@code name}. */
  Fn fn(String name);

  /** The bytes of exported memory {@code memory} at {@code [offset, offset + length)}. */
  byte[] read(int offset, int length);

  /** Writes {@code bytes} to exported memory {@code memory} at {@code offset}. */
  void write(int offset, byte[] bytes);

  /** Instantiates {@code bytes} in {@code runtime} (see the class comment). */
  static Guest instantiate(String runtime, byte[] bytes) {
    return instantiate(runtime, bytes, Map.of());
  }

  /** As {@link #instantiate(String, byte[])}, linking {@code hosts} (see {@link Stubs}). */
  static Guest instantiate(String runtime, byte[] bytes, Map<String, LongSupplier> hosts) {
    if (runtime.startsWith("wasmj-")) {
      return wasmj(bytes, runtime.substring("wasmj-".length()), CompilationMode.EAGER, hosts);
    }
    if (runtime.startsWith("chicory-")) {
      return chicory(bytes, runtime.substring("chicory-".length()), hosts);
    }
    throw new IllegalArgumentException("unknown runtime '" + runtime
        + "' (expected wasmj-<executor>, chicory-interpreter, chicory-compiler)");
  }

  /** wasmj with executor {@code executor} in compilation mode {@code mode}. */
  static Guest wasmj(byte[] bytes, String executor, CompilationMode mode) {
    return wasmj(bytes, executor, mode, Map.of());
  }

  /** As {@link #wasmj(byte[], String, CompilationMode)}, linking {@code hosts} (see {@link Stubs}). */
  static Guest wasmj(byte[] bytes, String executor, CompilationMode mode,
      Map<String, LongSupplier> hosts) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor).withCompilationMode(mode));
    Module module = Module.compile(engine, bytes);
    Store<Void> store = Store.of(engine);
    org.wasmj.exec.Instance instance = Stubs.wasmj(engine, module, hosts).instantiate(store, module);
    return new Guest() {
      @Override
      public Fn fn(String name) {
        FuncType type = null;
        for (ExportType e : module.exports()) {
          if (e.name().equals(name) && e.kind() == ExternKind.FUNC) {
            type = (FuncType) e.type();
          }
        }
        if (type == null) {
          throw new IllegalArgumentException("no exported function '" + name + "'");
        }
        TypedFunc f = instance.getTypedFunc(name, List.of(type.params()), List.of(type.results()));
        if (type.resultCount() == 0) {
          return args -> {
            f.call(args);
            return 0;
          };
        }
        return args -> f.call(args)[0];
      }

      @Override
      public byte[] read(int offset, int length) {
        return instance.getMemory("memory").read(offset, length);
      }

      @Override
      public void write(int offset, byte[] data) {
        instance.getMemory("memory").write(offset, data);
      }
    };
  }

  /**
   * Chicory 1.7.5 with {@code machine}: {@code interpreter} (its default machine) or
   * {@code compiler} (its ahead-of-instantiation compiler to JVM bytecode).
   */
  static Guest chicory(byte[] bytes, String machine) {
    return chicory(bytes, machine, Map.of());
  }

  /** As {@link #chicory(byte[], String)}, linking {@code hosts} (see {@link Stubs}). */
  static Guest chicory(byte[] bytes, String machine, Map<String, LongSupplier> hosts) {
    com.dylibso.chicory.wasm.WasmModule module = com.dylibso.chicory.wasm.Parser.parse(bytes);
    var builder = com.dylibso.chicory.runtime.Instance.builder(module)
        .withImportValues(Stubs.chicory(module, hosts))
        .withStart(false); // a WASI command's _start is not run, as wasmj's instantiate does not
    switch (machine) {
      case "interpreter":
        break;
      case "compiler":
        builder.withMachineFactory(com.dylibso.chicory.compiler.MachineFactoryCompiler::compile);
        break;
      default:
        throw new IllegalArgumentException("unknown Chicory machine '" + machine
            + "' (expected interpreter, compiler)");
    }
    com.dylibso.chicory.runtime.Instance instance = builder.build();
    return new Guest() {
      @Override
      public Fn fn(String name) {
        com.dylibso.chicory.runtime.ExportFunction f = instance.export(name);
        boolean hasResult = !instance.exportType(name).returns().isEmpty();
        return hasResult ? args -> f.apply(args)[0] : args -> {
          f.apply(args);
          return 0;
        };
      }

      @Override
      public byte[] read(int offset, int length) {
        return instance.memory().readBytes(offset, length);
      }

      @Override
      public void write(int offset, byte[] data) {
        instance.memory().write(offset, data);
      }
    };
  }
}
