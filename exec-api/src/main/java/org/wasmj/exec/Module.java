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
    Config c = engine.config();
    return new Module(engine, prepare(engine, ModuleCode.compile(bytes, c.features(),
        engine.types(), c.compilationMode(), true, engine.executor().countsLoops(),
        c.epochInterruption(), c.fuel())));
  }

  /**
   * As {@link #compile(Engine, byte[])}, reading the module from {@code in} (to its end; not
   * closed) and compiling it as it arrives, as Wasmi's {@code Module::new_streaming}: sections
   * are decoded, and function bodies validated and (in {@code EAGER} mode) translated, as soon as
   * their bytes are read, so that compiling from a slow stream ends shortly after its last byte
   * (what the executor does with the module then, such as {@code asm} generating classes in
   * {@code EAGER} mode, still follows). The result, or the error, is the same as for the
   * stream's bytes as an array: an error in a body is reported only if the rest of the module
   * decodes and validates, as it would be then.
   *
   * @throws IOException if reading {@code in} fails
   */
  public static Module compile(Engine engine, InputStream in) throws IOException {
    Config c = engine.config();
    return new Module(engine, prepare(engine, ModuleCode.compile(in, c.features(),
        engine.types(), c.compilationMode(), true, engine.executor().countsLoops(),
        c.epochInterruption(), c.fuel())));
  }

  /**
   * Compiles input known to be valid, as Wasmi's {@code Module::new_unchecked}: the module is
   * decoded (malformed bytes are still a {@code MalformedModuleException}) and validated outside
   * its function bodies, but the bodies are translated without being validated, at compile time
   * in {@code EAGER} mode, on first call in the lazy modes ({@code LAZY_TRANSLATION} then
   * validates nothing ahead either).
   *
   * <p>What is no longer checked in bodies: the types of operands (a value of any type may reach
   * any instruction, a number a reference's place), alignment hints, the mutability of a global
   * that is set, that {@code ref.func} names a declared function, that {@code select}'s operands
   * are numbers, that {@code if} without {@code else} yields what it takes, and that the
   * instructions' features are enabled. What still is, because translation needs it to stay within
   * bounds (each a constant-time check per instruction): decoding, every index (locals, globals,
   * functions, types, tables, memories, segments, labels), the height of the operand stack in
   * each block, block nesting, a tail call's result types and the element types of tables used by
   * {@code call_indirect}, {@code table.init} and {@code table.copy}. A body that handles
   * {@code v128} values is validated in full all the same: a v128 takes two registers, so its
   * translation needs every operand's type.
   *
   * <p><b>The input must be trusted</b> to be valid: an invalid body is translated to code that
   * computes garbage. It still never breaks the host: running it gives some results or a
   * {@code WasmException} (a reference that is really a number traps as a reference to no
   * function), never another exception.
   *
   * @throws org.wasmj.MalformedModuleException if the bytes are not a Wasm binary
   * @throws org.wasmj.InvalidModuleException if the module outside its bodies does not validate,
   *     or a body fails the checks above
   */
  public static Module compileUnchecked(Engine engine, byte[] bytes) {
    Config c = engine.config();
    return new Module(engine, prepare(engine, ModuleCode.compile(bytes, c.features(),
        engine.types(), c.compilationMode(), false, engine.executor().countsLoops(),
        c.epochInterruption(), c.fuel())));
  }

  private static ModuleCode prepare(Engine engine, ModuleCode code) {
    engine.executor().prepare(code, engine.config().compilationMode() == CompilationMode.EAGER);
    return code;
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
   * ({@code interpreted.tail_call}, {@code interpreted.too_large}…); for the example
   * {@code tracing} executor, IR ops run per op ({@code ops.<OP_NAME>}) and per function
   * ({@code functions.<index>}); empty for {@code switch}. Counts are {@code long}s.
   */
  public java.util.Map<String, Long> executorStatistics() {
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
