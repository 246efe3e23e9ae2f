package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.ImportType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.LoopEntry;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

/**
 * A {@code tiered} function's loop entry declines the loop headers of a heavy chunk's own loop
 * (MATMUL's inner loop): an interpreter frame goes on to a later header, so that the chunk is
 * only ever called whole and HotSpot profiles it as on {@code asm} ({@code
 * FunctionCompiler.declinedTable}); at most {@link FunctionCompiler#DECLINES} times, then it
 * enters there too. Other functions decline nothing.
 */
class LoopEntryDeclineTest {
  /** The loop headers at which the loop entry of {@code examples/simd/<file>}'s function {@code k} declines. */
  private static List<Integer> declined(String file, int k) throws Exception {
    LoopEntry entry = loopEntry(file, k);
    List<Integer> declined = new ArrayList<>();
    if (entry == null) {
      return declined; // no loop entries
    }
    for (int pc : headers(file, k)) {
      try {
        if (entry.enter(null, 0, null, 0, pc) == null) {
          declined.add(pc);
        }
      } catch (NullPointerException e) {
        // it went on to run from there (with no frame)
      }
    }
    return declined;
  }

  @Test
  void matmulsInnerLoopIsDeclinedAndNothingElse() throws Exception {
    List<Integer> simd = declined("matmul.simd.wasm", 0);
    assertEquals(1, simd.size(), "declined " + simd);
    assertTrue(headers("matmul.simd.wasm", 0).size() > 1);
    assertEquals(List.of(), declined("matmul.scalar.wasm", 0));
    assertEquals(List.of(), declined("histogram.simd.wasm", 0));
  }

  @Test
  void declinesAtMostItsBudgetThenEnters() throws Exception {
    int pc = declined("matmul.simd.wasm", 0).get(0);
    LoopEntry entry = loopEntry("matmul.simd.wasm", 0);
    assertNotNull(entry);
    for (int i = 0; i < FunctionCompiler.DECLINES; i++) {
      assertNull(entry.enter(null, 0, null, 0, pc));
    }
    assertThrows(NullPointerException.class, () -> entry.enter(null, 0, null, 0, pc));
  }

  @Test
  void matmulOnTieredEntersItsCompiledCodeAndComputesTheSame() throws Exception {
    byte[] wasm = Files.readAllBytes(DifferentialTest.repository().resolve("examples/simd/matmul.simd.wasm"));
    long[] results = new long[2];
    for (String executor : List.of("switch", "tiered")) {
      Config config = Config.defaults().withExecutor(executor).withTieringThreshold(1000)
          .withCompilerThreads(0);
      Engine engine = new Engine(config);
      Instance instance = instantiate(engine, Module.compile(engine, wasm));
      results[executor.equals("switch") ? 0 : 1] = instance.getFunc("run").call(
          Val.i32(1))[0].i32();
    }
    assertEquals(results[0], results[1]);
    assertNotEquals(0, results[1]);
  }

  /** An instance of {@code module} with every import (WASI, which {@code run} does not call) a stub returning 0. */
  static Instance instantiate(Engine engine, Module module) {
    Linker<Void> linker = new Linker<>(engine);
    for (ImportType i : module.imports()) {
      FuncType type = (FuncType) i.type();
      linker.func(i.module(), i.name(), type, (caller, args) -> new Val[] {Val.i32(0)});
    }
    return linker.instantiate(Store.of(engine), module);
  }

  private static List<Integer> headers(String file, int k) throws Exception {
    int[] code = moduleCode(file).compiled(k).code();
    List<Integer> headers = new ArrayList<>();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (code[pc] == OpCodes.COUNT_LOOP) {
        headers.add(pc);
      }
    }
    return headers;
  }

  private static WasmModule module(String file) throws Exception {
    return WasmParser.parse(Files.readAllBytes(
        DifferentialTest.repository().resolve("examples/simd").resolve(file)), Config.DEFAULT_FEATURES);
  }

  private static ModuleCode moduleCode(String file) throws Exception {
    return new ModuleCode(module(file), Config.DEFAULT_FEATURES, new TypeRegistry(), false, true, true);
  }

  /** {@code tiered}'s class of function {@code k}, defined in a loader of its own; null if it has no loop entries. */
  private static LoopEntry loopEntry(String file, int k) throws Exception {
    ModuleCode code = moduleCode(file);
    FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/C" + k, k, code.compiled(k), true);
    c.outlinedCallee = j -> Op.loops(code.compiled(j).code());
    byte[] bytes = c.compile(true).bytes();
    if (!c.hasLoopEntries()) {
      return null;
    }
    String name = new ClassReader(bytes).getClassName().replace('/', '.');
    ClassLoader loader = new ClassLoader(LoopEntryDeclineTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String n) throws ClassNotFoundException {
        if (n.equals(name)) {
          return defineClass(n, bytes, 0, bytes.length);
        }
        throw new ClassNotFoundException(n);
      }
    };
    return (LoopEntry) Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
  }
}
