package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.wasmj.exec.Config;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

/**
 * Every method generated for the example programs, the SIMD kernels among them, on {@code asm} and
 * on {@code tiered}, is within C1's budget of virtual registers ({@link Chunks#C1_BUDGET}) by
 * {@link Chunks#c1Values} of its bytecode: C1 compiles it at its profiling tier with HotSpot's
 * default type profiling, instead of giving up and leaving it in the bytecode interpreter until C2
 * (MATMUL's scale loop did, in every JVM, when chunks were planned by size alone). And the plan
 * still holds MATMUL's inner loop, 64 v128 halves loaded per pass, in one chunk.
 */
class C1BudgetTest {
  @Test
  void everyGeneratedMethodFitsC1() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("examples", "examples/simd")) {
      try (Stream<Path> list = Files.list(DifferentialTest.repository().resolve(dir))) {
        files.addAll(list.filter(p -> p.toString().endsWith(".wasm")).sorted()
            .collect(Collectors.toList()));
      }
    }
    int most = 0;
    for (Path file : files) {
      WasmModule m = WasmParser.parse(Files.readAllBytes(file), Config.DEFAULT_FEATURES);
      for (boolean tiered : new boolean[] {false, true}) {
        ModuleCode code = new ModuleCode(m, Config.DEFAULT_FEATURES, new TypeRegistry(), false, true, tiered);
        for (int k = 0; k < code.functionCount(); k++) {
          FunctionCompiler c = new FunctionCompiler(m, "wasmj/gen/F" + k, k, code.compiled(k), tiered);
          c.outlinedCallee = j -> Op.loops(code.compiled(j).code());
          byte[] bytes = c.compile(tiered).bytes();
          for (int[] method : methods(bytes)) {
            int values = Chunks.c1Values(method[1], method[0]);
            String what = file.getFileName() + (tiered ? " tiered" : " asm") + " function " + k
                + ": a method of " + method[0] + " bytes, " + method[1] + " VarHandle accesses";
            assertTrue(values <= Chunks.C1_BUDGET, what);
            if (file.getFileName().toString().equals("matmul.simd.wasm")) {
              most = Math.max(most, method[1]);
            }
          }
        }
      }
    }
    assertTrue(most >= 64, "MATMUL's inner loop split: at most " + most + " accesses in a method");
  }

  /** {bytecode length, inline VarHandle accesses} of each method of class {@code bytes}. */
  private static List<int[]> methods(byte[] bytes) {
    List<int[]> methods = new ArrayList<>();
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, new ClassWriter(0)) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        int[] method = new int[2];
        methods.add(method);
        return new MethodVisitor(Opcodes.ASM9,
            super.visitMethod(access, name, descriptor, signature, exceptions)) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
            if (owner.equals(FunctionCompiler.VAR_HANDLE)) {
              method[1]++;
            }
            super.visitMethodInsn(opcode, owner, n, d, itf);
          }

          @Override
          public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            super.visitLabel(end);
            method[0] = end.getOffset();
            super.visitMaxs(maxStack, maxLocals);
          }
        };
      }
    }, 0);
    return methods;
  }
}
