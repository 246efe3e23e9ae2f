package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.exec.Config;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.parser.WasmParser;

/**
 * The optional vector path ({@link VectorPath}, {@link VectorLanes}): generated code refers to the
 * Vector API only when {@link FunctionCompiler#vectorLanes} is on, and then only in functions
 * with f32x4 arithmetic ({@code lanes.wat}'s), whole and split into chunks; where the JVM has the
 * module, those classes pass its verifier. Whether the path computes the interpreter's bits is
 * {@code LaneBitsProperties}', {@code SimdInlineProperties}' and the spec suite's to say, run
 * with the module ({@code -Dwasmj.test.jvmArgs="--add-modules jdk.incubator.vector"}).
 */
class VectorLanesTest {
  private static final String FLOAT_VECTOR = "jdk/incubator/vector/FloatVector";

  @Test
  void onlyTheSwitchedOnPathRefersToTheVectorApi() {
    boolean was = FunctionCompiler.vectorLanes;
    try {
      FunctionCompiler.vectorLanes = false;
      for (byte[] bytes : classes()) {
        assertFalse(refersToVectors(bytes), "a vector reference with the path off");
      }
      FunctionCompiler.vectorLanes = true;
      List<byte[]> on = classes();
      int vectors = 0;
      for (byte[] bytes : on) {
        if (refersToVectors(bytes)) {
          vectors++;
          if (VectorPath.AVAILABLE) {
            GeneratedClassesTest.Verifier.link(bytes);
          }
        }
      }
      assertTrue(vectors >= 6, vectors + " of " + on.size() + " classes with vector locals"); // top, bottom, splat: whole and split
    } finally {
      FunctionCompiler.vectorLanes = was;
    }
  }

  @Test
  void availableOnlyWithTheModule() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertEquals(module && !"off".equals(System.getProperty("wasmj.vector")), VectorPath.AVAILABLE);
  }

  /** The compiled classes of {@code lanes.wasm}'s functions, whole and split into chunks. */
  private static List<byte[]> classes() {
    ModuleCode code = new ModuleCode(WasmParser.parse(InterruptionTest.resource("lanes.wasm"),
        Config.DEFAULT_FEATURES), Config.DEFAULT_FEATURES, new TypeRegistry(), false, true, false);
    List<byte[]> classes = new ArrayList<>();
    for (int k = 0; k < code.functionCount(); k++) {
      for (int budget : new int[] {0, 100}) {
        FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F" + k, k, code.compiled(k), false);
        FunctionCompiler.forcedChunkBudget = budget;
        try {
          classes.add(c.compile(false).bytes());
        } finally {
          FunctionCompiler.forcedChunkBudget = 0;
        }
      }
    }
    return classes;
  }

  private static boolean refersToVectors(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(FLOAT_VECTOR);
  }
}
