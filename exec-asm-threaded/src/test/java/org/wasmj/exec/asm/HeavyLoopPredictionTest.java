package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

/**
 * {@code tiered} compiles a function whose class will have a heavy chunk (MATMUL's SIMD build)
 * at its first call, on the guest's thread, as {@code asm} does, so that its loop matures in
 * compiled code from the start ({@code AsmModule.firstCall}); every other function, SIMD or not,
 * starts in the interpreter as before. The prediction, read from the IR before any code is
 * generated, agrees with the classes generated for every function of the example programs.
 */
class HeavyLoopPredictionTest {
  @Test
  void predictionFromTheIrAgreesWithTheGeneratedClasses() throws Exception {
    List<String> heavy = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (Path file : examples()) {
      WasmModule m = WasmParser.parse(Files.readAllBytes(file), Config.DEFAULT_FEATURES);
      ModuleCode code = new ModuleCode(m, Config.DEFAULT_FEATURES, new TypeRegistry(), false, true, true);
      for (int k = 0; k < code.functionCount(); k++) {
        FunctionCompiler c = new FunctionCompiler(m, "wasmj/gen/C" + k, k, code.compiled(k), true);
        c.outlinedCallee = j -> Op.loops(code.compiled(j).code());
        FunctionCompiler.Result r = c.compile(true);
        String name = file.getFileName() + " function " + k;
        if (r.chunks() > 1 && JitDirectives.wantedFor(c.mostC1Values())) {
          heavy.add(name);
        }
        if (JitDirectives.wantedFor(Chunks.c1Values(Chunks.innerLoopAccesses(code.compiled(k).code()), 0))) {
          predicted.add(name);
        }
      }
    }
    assertEquals(List.of("matmul.simd.wasm function 0"), heavy);
    assertEquals(heavy, predicted);
  }

  @Test
  void matmulsSimdBuildIsCompiledAtItsFirstCallAndNothingElse() throws Exception {
    for (CompilationMode mode : List.of(CompilationMode.EAGER, CompilationMode.LAZY_TRANSLATION)) {
      assertEquals(1, compiledAfterOneCall("matmul.simd.wasm", mode), mode.name());
      assertEquals(0, compiledAfterOneCall("matmul.scalar.wasm", mode), mode.name());
      assertEquals(0, compiledAfterOneCall("histogram.simd.wasm", mode), mode.name());
      assertEquals(0, compiledAfterOneCall("blur.simd.wasm", mode), mode.name());
    }
  }

  /**
   * The functions compiled by {@code tiered} (a compiler thread, a threshold no function reaches
   * in one call) once {@code run(0)} of {@code examples/simd/<file>} returned.
   */
  private static long compiledAfterOneCall(String file, CompilationMode mode) throws Exception {
    byte[] wasm = Files.readAllBytes(DifferentialTest.repository().resolve("examples/simd").resolve(file));
    Config config = Config.defaults().withExecutor("tiered").withTieringThreshold(1_000_000)
        .withCompilerThreads(1).withCompilationMode(mode);
    Engine engine = new Engine(config);
    Module module = Module.compile(engine, wasm);
    LoopEntryDeclineTest.instantiate(engine, module).getFunc("run").call(Val.i32(0));
    Map<String, Long> stats = module.executorStatistics();
    assertEquals(0, stats.get("queued"), file);
    return stats.get("compiled");
  }

  private static List<Path> examples() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("examples", "examples/simd")) {
      try (Stream<Path> list = Files.list(DifferentialTest.repository().resolve(dir))) {
        files.addAll(list.filter(p -> p.toString().endsWith(".wasm")).sorted()
            .collect(Collectors.toList()));
      }
    }
    assertTrue(files.size() > 6);
    return files;
  }
}
