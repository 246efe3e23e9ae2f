package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import org.wasmj.WasmException;
import org.wasmj.exec.Config;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.testsupport.Shared;

/**
 * Every class the compiler generates — compiled code (whole and split into chunks) and
 * interpreter stubs, with direct and with tiered calls, loop-header entries and out-of-line
 * entries and calls ({@link FunctionCompiler#OUTLINED}) — passes ASM's {@link CheckClassAdapter}
 * (structure and bytecode verification) and the JVM's own verifier (which checks the stack map
 * frames {@link Frames} writes), over every function of the spec suite's valid modules, the
 * examples and the bench modules.
 */
class GeneratedClassesTest {
  @Test
  void generatedClassesVerify() throws Exception {
    List<Path> files = new ArrayList<>();
    Path repo = DifferentialTest.repository();
    for (Path dir : List.of(repo.resolve("examples"),
        repo.resolveSibling("shared").resolve("wasm-testsuite/json"),
        repo.resolveSibling("shared").resolve("bench-wasm/wasmi-benchmarks/rust"))) {
      if (!Files.isDirectory(dir)) {
        Shared.missing("GeneratedClassesTest: no " + dir + "; checking the other modules only");
      } else {
        try (Stream<Path> walk = Files.walk(dir)) {
          files.addAll(walk.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList()));
        }
      }
    }
    assertTrue(files.size() >= 3, "no modules found");
    TypeRegistry types = new TypeRegistry();
    int classes = 0;
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      ModuleCode code;
      ModuleCode counted; // its IR counts loop iterations, as tiered's does
      try {
        WasmModule m = WasmParser.parse(Files.readAllBytes(file), Config.DEFAULT_FEATURES);
        code = new ModuleCode(m, Config.DEFAULT_FEATURES, types, false, true, false);
        counted = new ModuleCode(m, Config.DEFAULT_FEATURES, types, false, true, true);
      } catch (WasmException notRunnable) {
        continue; // invalid, malformed, or SIMD
      }
      for (int k = 0; k < code.functionCount(); k++) {
        for (boolean tiered : new boolean[] {false, true}) {
          ModuleCode source = tiered ? counted : code;
          FunctionCompiler c = new FunctionCompiler(source.module(), "wasmj/gen/F" + k, k,
              source.compiled(k), tiered);
          if (tiered) { // chunks call looping functions through their out-of-line entry, which they have
            c.outlinedCallee = j -> Op.loops(source.compiled(j).code());
          }
          FunctionCompiler.forcedChunkBudget = 100;
          byte[] split;
          try {
            split = c.compile(tiered).bytes(); // tiered: with loop-header entries
          } finally {
            FunctionCompiler.forcedChunkBudget = 0;
          }
          for (byte[] bytes : List.of(c.compile(tiered).bytes(), c.stub(), split)) {
            StringWriter out = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(bytes), GeneratedClassesTest.class.getClassLoader(),
                false, new PrintWriter(out));
            classes++;
            if (!out.toString().isEmpty() && errors.size() < 3) {
              errors.add(file + " function " + k + ":\n" + out);
            }
            try {
              Verifier.link(bytes);
            } catch (VerifyError | ClassFormatError e) {
              if (errors.size() < 3) {
                errors.add(file + " function " + k + ": " + e);
              }
            }
          }
        }
      }
    }
    System.out.printf("verified %d generated classes from %d modules%n", classes, files.size());
    assertEquals(List.of(), errors);
    assertTrue(classes > 10_000, classes + " classes");
  }

  /** Defines a generated class in a loader of its own and links it, which runs the JVM's verifier. */
  static final class Verifier extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    private Verifier(byte[] bytes) {
      super(GeneratedClassesTest.class.getClassLoader());
      this.name = new ClassReader(bytes).getClassName().replace('/', '.');
      this.bytes = bytes;
    }

    @Override
    protected Class<?> findClass(String n) throws ClassNotFoundException {
      if (n.equals(name)) {
        return defineClass(n, bytes, 0, bytes.length);
      }
      throw new ClassNotFoundException(n);
    }

    static void link(byte[] bytes) {
      Verifier loader = new Verifier(bytes);
      try {
        Class.forName(loader.name, true, loader);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
  }
}
