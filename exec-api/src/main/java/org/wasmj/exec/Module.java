package org.wasmj.exec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.parser.Export;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Import;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

/**
 * A compiled WebAssembly module: decoded, validated and translated to the register IR as the
 * engine's {@link CompilationMode} says, ready to be instantiated any number of times.
 *
 * <pre>{@code
 * Module module = Module.compile(engine, Files.readAllBytes(Path.of("app.wasm")));
 * for (ImportType i : module.imports()) System.out.println(i);
 * }</pre>
 *
 * @implNote Immutable and thread-safe: share a module between threads and stores. Lazy
 *     translation translates each function once, whichever thread calls it first.
 */
public final class Module {
  private final Engine engine;
  private final ModuleCode code;

  private Module(Engine engine, ModuleCode code) {
    this.engine = engine;
    this.code = code;
  }

  /**
   * Decodes, validates and (in {@link CompilationMode#EAGER} mode) translates {@code bytes}.
   *
   * @throws org.wasmj.MalformedModuleException if the bytes are not a Wasm binary
   * @throws org.wasmj.InvalidModuleException if the module does not validate
   */
  public static Module compile(Engine engine, byte[] bytes) {
    return build(engine, WasmParser.parse(bytes, engine.config().features()), true);
  }

  /** As {@link #compile(Engine, byte[])}, reading the module from {@code in} (not closed). */
  public static Module compile(Engine engine, InputStream in) throws IOException {
    return compile(engine, in.readAllBytes());
  }

  /**
   * Compiles input known to be valid, skipping the validation pass over function bodies that
   * {@link CompilationMode#LAZY_TRANSLATION} would make up front. (wasmj's translator is driven
   * by its validator, so bodies are still checked as they are translated; module-level checks
   * always run.) In {@code EAGER} mode this is {@link #compile(Engine, byte[])}.
   */
  public static Module compileUnchecked(Engine engine, byte[] bytes) {
    return build(engine, WasmParser.parse(bytes, engine.config().features()), false);
  }

  private static Module build(Engine engine, WasmModule module, boolean checked) {
    CompilationMode mode = engine.config().compilationMode();
    boolean eager = mode == CompilationMode.EAGER;
    ModuleCode code = new ModuleCode(module, engine.config().features(), engine.types(), eager,
        checked && mode == CompilationMode.LAZY_TRANSLATION, engine.executor().countsLoops(),
        engine.config().epochInterruption(), engine.config().fuel());
    engine.executor().prepare(code, eager);
    return new Module(engine, code);
  }

  /** The engine the module was compiled for. */
  public Engine engine() {
    return engine;
  }

  /** The module's name from its name section, or {@code null}. */
  public String name() {
    return code.module().names().moduleName();
  }

  /** The imports, in order. */
  public List<ImportType> imports() {
    WasmModule m = code.module();
    List<ImportType> out = new ArrayList<>();
    for (Import i : m.imports()) {
      out.add(new ImportType(i.module(), i.name(), i.kind(), typeOf(i)));
    }
    return out;
  }

  /** The exports, in order. */
  public List<ExportType> exports() {
    WasmModule m = code.module();
    List<ExportType> out = new ArrayList<>();
    for (Export e : m.exports()) {
      out.add(new ExportType(e.name(), e.kind(), typeOf(e.kind(), e.index())));
    }
    return out;
  }

  /**
   * The register IR of the function exported as {@code name}, or with that name in the name
   * section, or with that function index; translated now if it was not yet.
   *
   * @throws IllegalArgumentException if there is no such function defined by the module
   */
  public String disassemble(String name) {
    WasmModule m = code.module();
    int index = -1;
    for (Export e : m.exports()) {
      if (e.kind() == ExternKind.FUNC && e.name().equals(name)) {
        index = e.index();
      }
    }
    if (index < 0) {
      for (var entry : m.names().functionNames().entrySet()) {
        if (entry.getValue().equals(name)) {
          index = entry.getKey();
        }
      }
    }
    if (index < 0 && name.matches("\\d{1,9}")) {
      index = Integer.parseInt(name);
    }
    int defined = index - m.importedFunctionCount();
    if (index < 0 || defined < 0 || defined >= m.bodies().size()) {
      throw new IllegalArgumentException("no function '" + name + "' defined in the module");
    }
    CompiledFunction f = code.compiled(defined);
    return "func " + index + " " + m.functionType(index) + ": " + f.registerCount()
        + " registers (" + f.paramCount() + " params, " + (f.localCount() - f.paramCount())
        + " locals)\n" + f;
  }

  /**
   * What the engine's executor did with this module's functions so far: for {@code asm}, how
   * many were compiled to classes and how many run in the interpreter, by reason
   * ({@code interpreted.tail_call}, {@code interpreted.too_large}…); empty for {@code switch}.
   */
  public java.util.Map<String, Integer> executorStatistics() {
    return engine.executor().statistics(code);
  }

  ModuleCode code() {
    return code;
  }

  private Object typeOf(Import i) {
    WasmModule m = code.module();
    return i.kind() == ExternKind.FUNC
        ? m.types().get(((FuncType.Ref) i.type()).typeIndex()) : i.type();
  }

  private Object typeOf(ExternKind kind, int index) {
    WasmModule m = code.module();
    switch (kind) {
      case FUNC: return m.functionType(index);
      case TABLE: return m.tables().get(index);
      case MEMORY: return m.memories().get(index);
      default: return m.globalTypes().get(index);
    }
  }
}
