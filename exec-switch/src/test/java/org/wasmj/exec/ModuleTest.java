package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.F32;
import static org.wasmj.exec.Wasm.F64;
import static org.wasmj.exec.Wasm.FUNCREF;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmj.Feature;
import org.wasmj.InvalidModuleException;
import org.wasmj.MalformedModuleException;
import org.wasmj.WasmException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;

class ModuleTest {
  private final Engine engine = new Engine();

  @Test
  void compilesFromBytes() {
    Module m = Module.compile(engine, Wasm.adder());
    assertSame(engine, m.engine());
    Instance i = new Linker<Void>(engine).instantiate(Store.of(engine), m);
    assertEquals(5, i.getFunc("add").call(Val.i32(2), Val.i32(3))[0].i32());
  }

  @Test
  void compilesFromAnInputStreamWithoutClosingIt() throws IOException {
    boolean[] closed = {false};
    InputStream in = new FilterInputStream(new ByteArrayInputStream(Wasm.example("fib.wasm"))) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    Module m = Module.compile(engine, in);
    assertFalse(closed[0]);
    Instance i = new Linker<Void>(engine).instantiate(Store.of(engine), m);
    assertEquals(832040, i.getTypedFunc("fib", List.of(I32), List.of(I32)).callI32(30));
  }

  @Test
  void anInputStreamThatFailsPassesItsIOExceptionOn() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk on fire");
      }
    };
    assertEquals("disk on fire", assertThrows(IOException.class, () -> Module.compile(engine, broken)).getMessage());
  }

  @Test
  void malformedBytesAreMalformedModuleExceptions() {
    byte[] good = Wasm.adder();
    assertThrows(MalformedModuleException.class, () -> Module.compile(engine, new byte[0]));
    assertThrows(MalformedModuleException.class, () -> Module.compile(engine, "hello, wasm".getBytes()));
    byte[] badVersion = good.clone();
    badVersion[4] = 2;
    assertEquals("unknown binary version",
        assertThrows(MalformedModuleException.class, () -> Module.compile(engine, badVersion)).getMessage());
    int malformed = 0;
    for (int n = 1; n < good.length; n++) {
      try {
        Module.compile(engine, Arrays.copyOf(good, n)); // cut at a section boundary: still a module
      } catch (MalformedModuleException | InvalidModuleException expected) {
        malformed++; // invalid: cut after the function section, before the code section
      }
    }
    assertTrue(malformed >= good.length - 5, malformed + " of " + good.length);
    assertThrows(MalformedModuleException.class,
        () -> Module.compile(engine, Arrays.copyOf(good, good.length - 1)));
    assertThrows(MalformedModuleException.class,
        () -> Module.compile(engine, new ByteArrayInputStream(new byte[] {0, 'a', 's', 'm', 1})));
  }

  @Test
  void invalidModulesAreInvalidModuleExceptionsWithTheSpecMessage() {
    InvalidModuleException e = assertThrows(InvalidModuleException.class,
        () -> Module.compile(engine, Wasm.invalidBody()));
    assertEquals("type mismatch", e.getMessage());
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("nothing", 3);
    assertThrows(InvalidModuleException.class, () -> Module.compile(engine, b.build()));
  }

  @Test
  void featuresComeFromTheConfig() {
    // a function with two results needs multi-value (2.0), not in 1.0
    WasmBuilder b = new WasmBuilder();
    b.func(fn(NONE, I32, I32), new Code().i32Const(1).i32Const(2));
    byte[] twoResults = b.build();
    Module.compile(engine, twoResults);
    Engine mvp = new Engine(Config.defaults().withFeatures(Feature.WASM_1_0));
    assertThrows(InvalidModuleException.class, () -> Module.compile(mvp, twoResults));
  }

  /**
   * v128 values pass through parameters, {@code select} and results as two 64-bit halves (SIMD is
   * on by default, as in Wasm 2.0); without {@link Feature#SIMD}, {@code v128} is no value type
   * and a module using it is rejected.
   */
  @Test
  void v128RunsWithSimdAndIsRejectedWithout() {
    WasmBuilder b = new WasmBuilder();
    ValType v128 = ValType.V128;
    b.exportFunc("select", b.func(fn(of(v128, v128, I32), v128),
        new Code().localGet(0).localGet(1).localGet(2).op(Opcode.SELECT)));
    byte[] select = b.build();
    Val x = Val.v128(1, -2);
    Val y = Val.v128(0x7FF8000000000001L, 3);
    for (CompilationMode mode : CompilationMode.values()) {
      Engine e = Wasm.engine(mode);
      Func f = new Linker<Void>(e).instantiate(Store.of(e), Module.compile(e, select)).getFunc("select");
      assertEquals(List.of(x), List.of(f.call(x, y, Val.i32(1))));
      assertEquals(List.of(y), List.of(f.call(x, y, Val.i32(0))));
    }
    Engine noSimd = new Engine(Config.defaults().withFeatures(Feature.WASM_1_0));
    assertThrows(WasmException.class, () -> Module.compile(noSimd, select));
    WasmBuilder p = new WasmBuilder();
    p.exportFunc("f", p.func(fn(of(v128)), new Code()));
    assertThrows(WasmException.class, () -> Module.compile(noSimd, p.build()));
  }

  @ParameterizedTest
  @EnumSource(CompilationMode.class)
  void compileUncheckedRunsValidModules(CompilationMode mode) {
    Engine e = Wasm.engine(mode);
    Module m = Module.compileUnchecked(e, Wasm.adder());
    Instance i = new Linker<Void>(e).instantiate(Store.of(e), m);
    assertEquals(-1, i.getFunc("add").call(Val.i32(Integer.MAX_VALUE), Val.i32(Integer.MIN_VALUE))[0].i32());
  }

  /**
   * An invalid body (an i32 function returning an i64) is translated without validation in every
   * mode: it runs and returns garbage (the constant's low bits), where {@code compile} rejects it.
   */
  @ParameterizedTest
  @EnumSource(CompilationMode.class)
  void compileUncheckedDoesNotValidateBodies(CompilationMode mode) {
    Engine e = Wasm.engine(mode);
    assertThrows(InvalidModuleException.class,
        () -> Module.compile(e, Wasm.invalidBody()).disassemble("bad"));
    Module m = Module.compileUnchecked(e, Wasm.invalidBody());
    Instance i = new Linker<Void>(e).instantiate(Store.of(e), m);
    assertEquals(7, i.getFunc("good").call()[0].i32());
    assertEquals(1, i.getFunc("bad").call()[0].i32());
    assertEquals(1, i.getFunc("callsBad").call()[0].i32());
  }

  @ParameterizedTest
  @EnumSource(CompilationMode.class)
  void compileUncheckedStillChecksTheModuleLevel(CompilationMode mode) {
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("nothing", 0);
    assertThrows(InvalidModuleException.class, () -> Module.compileUnchecked(Wasm.engine(mode), b.build()));
    assertThrows(MalformedModuleException.class,
        () -> Module.compileUnchecked(Wasm.engine(mode), new byte[] {1, 2, 3}));
  }

  /** Imports and defines one of each kind, and exports the definitions. */
  private static byte[] everyKind() {
    WasmBuilder b = new WasmBuilder();
    b.importFunc("env", "f", fn(of(I32), I64));
    b.importTable("env", "t", FUNCREF, 1, 10);
    b.importMemory("env", "m", 1, Limits.NO_MAX);
    b.importGlobal("env", "g", I32, true);
    int f = b.func(fn(of(F32, F64), NONE), new Code());
    int t = b.table(Wasm.EXTERNREF, 2, Limits.NO_MAX);
    int g = b.global(F64, false, new Code().f64Const(0));
    b.exportFunc("f", f).exportTable("t", t).exportMemory("m", 0).exportGlobal("g", g);
    b.exportFunc("imported", 0);
    return b.build();
  }

  @Test
  void importsAreListedInOrderWithTheirTypes() {
    List<ImportType> imports = Module.compile(engine, everyKind()).imports();
    assertEquals(List.of(
        new ImportType("env", "f", ExternKind.FUNC, fn(of(I32), I64)),
        new ImportType("env", "t", ExternKind.TABLE, new TableType(FUNCREF, new Limits(1, 10))),
        new ImportType("env", "m", ExternKind.MEMORY, new MemoryType(new Limits(1, Limits.NO_MAX))),
        new ImportType("env", "g", ExternKind.GLOBAL, new GlobalType(I32, true))), imports);
    assertEquals("env::f: func (i32) -> (i64)", imports.get(0).toString());
  }

  @Test
  void exportsAreListedInOrderWithTheirTypes() {
    List<ExportType> exports = Module.compile(engine, everyKind()).exports();
    assertEquals(List.of(
        new ExportType("f", ExternKind.FUNC, fn(of(F32, F64))),
        new ExportType("t", ExternKind.TABLE, new TableType(Wasm.EXTERNREF, new Limits(2, Limits.NO_MAX))),
        new ExportType("m", ExternKind.MEMORY, new MemoryType(new Limits(1, Limits.NO_MAX))),
        new ExportType("g", ExternKind.GLOBAL, new GlobalType(F64, false)),
        new ExportType("imported", ExternKind.FUNC, fn(of(I32), I64))), exports);
    assertEquals("f: func (f32, f64) -> ()", exports.get(0).toString());
  }

  @Test
  void aModuleWithoutImportsOrExportsHasEmptyLists() {
    Module m = Module.compile(engine, new WasmBuilder().build());
    assertTrue(m.imports().isEmpty());
    assertTrue(m.exports().isEmpty());
    assertNull(m.name());
  }

  @Test
  void theNameComesFromTheNameSection() {
    WasmBuilder b = new WasmBuilder().name("demo");
    assertEquals("demo", Module.compile(engine, b.build()).name());
  }

  @ParameterizedTest
  @EnumSource(CompilationMode.class)
  void disassemblesAFunctionByExportNameNameSectionOrIndex(CompilationMode mode) {
    WasmBuilder b = new WasmBuilder();
    b.importFunc("env", "imported", fn(NONE));
    int add = b.func(fn(of(I32, I32), I32), new Code().localGet(0).localGet(1).op(Opcode.I32_ADD));
    b.exportFunc("add", add).funcName(add, "$adder");
    Module m = Module.compile(Wasm.engine(mode), b.build());
    String byExport = m.disassemble("add");
    assertTrue(byExport.startsWith("func 1 (i32, i32) -> (i32): "), byExport);
    assertTrue(byExport.contains("i32.add"), byExport);
    assertEquals(byExport, m.disassemble("$adder"));
    assertEquals(byExport, m.disassemble("1"));
    for (String missing : List.of("sub", "0", "2", "-1", "99999999999999")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.disassemble(missing));
      assertTrue(e.getMessage().contains("'" + missing + "'"), e.getMessage());
    }
  }

  @Test
  void disassemblingAnInvalidFunctionInLazyModeIsAnInvalidModuleException() {
    Module m = Module.compile(Wasm.engine(CompilationMode.LAZY), Wasm.invalidBody());
    assertTrue(m.disassemble("good").contains("const"), m.disassemble("good"));
    assertThrows(InvalidModuleException.class, () -> m.disassemble("bad"));
  }
}
