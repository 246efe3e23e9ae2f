package org.wasmj.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/** Small modules and shortcuts shared by the API tests. */
final class Wasm {
  static final ValType I32 = ValType.I32;
  static final ValType I64 = ValType.I64;
  static final ValType F32 = ValType.F32;
  static final ValType F64 = ValType.F64;
  static final ValType FUNCREF = ValType.FUNCREF;
  static final ValType EXTERNREF = ValType.EXTERNREF;
  static final ValType[] NONE = new ValType[0];

  private Wasm() {}

  /** {@code params -> results}. */
  static FuncType fn(ValType[] params, ValType... results) {
    return FuncType.of(params, results);
  }

  static ValType[] of(ValType... types) {
    return types;
  }

  /** A committed example from {@code examples/}. */
  static byte[] example(String file) {
    try {
      return Files.readAllBytes(Path.of("..", "examples", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A module exporting {@code add(i32, i32) -> i32}. */
  static byte[] adder() {
    WasmBuilder b = new WasmBuilder();
    int add = b.func(fn(of(I32, I32), I32),
        new Code().localGet(0).localGet(1).op(Opcode.I32_ADD));
    b.exportFunc("add", add);
    return b.build();
  }

  /** A module whose only function, {@code bad() -> i32}, returns an i64: invalid. */
  static byte[] invalidBody() {
    WasmBuilder b = new WasmBuilder();
    int good = b.func(fn(NONE, I32), new Code().i32Const(7));
    int bad = b.func(fn(NONE, I32), new Code().i64Const(1));
    int callsBad = b.func(fn(NONE, I32), new Code().call(bad));
    b.exportFunc("good", good).exportFunc("bad", bad).exportFunc("callsBad", callsBad);
    return b.build();
  }

  /**
   * A module importing {@code env::f} of type {@code t} and exporting {@code call} of the same
   * type, which passes its arguments to {@code f} and returns its results.
   */
  static byte[] trampoline(FuncType t) {
    WasmBuilder b = new WasmBuilder();
    int f = b.importFunc("env", "f", t);
    Code c = new Code();
    for (int i = 0; i < t.paramCount(); i++) {
      c.localGet(i);
    }
    int call = b.func(t, c.call(f));
    b.exportFunc("call", call);
    return b.build();
  }

  /** Instantiates {@code wasm} with no imports in a new store of {@code engine}. */
  static Instance instantiate(Engine engine, byte[] wasm) {
    return new Linker<Void>(engine).instantiate(Store.of(engine), Module.compile(engine, wasm));
  }

  /** Instantiates {@code wasm} with no imports in a new store of a default engine. */
  static Instance instantiate(byte[] wasm) {
    return instantiate(new Engine(), wasm);
  }

  static Engine engine(CompilationMode mode) {
    return new Engine(Config.defaults().withCompilationMode(mode));
  }
}
