package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.asm.rt.MemoryCalls;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.parser.WasmParser;

/**
 * Generated code accesses memory through {@code MemoryCalls} (every access wider than a byte, in
 * whole and split functions): with the interpreter's results for every width and sign, and its
 * trap when an access is out of bounds.
 */
class MemoryCallsTest {
  /** Rounds of accesses in {@code f}: each stores three widths and loads seven. */
  private static final int ROUNDS = 100;

  /** Rounds in a {@code f} small enough to be compiled whole (one method, no split). */
  private static final int WHOLE_ROUNDS = 8;

  /** The bytes a round works on; the memory is one page. */
  private static final int STRIDE = 16;

  /**
   * {@code f(base)}: for each round k at {@code base + 16k}: an i64, an i16 and an i32 stored,
   * then loaded back as i32, i64, i32.load16_s/_u, i64.load32_u/_s and i64.load16_s into an i32
   * sum (local 1) that is multiplied by 31 each time.
   */
  private static byte[] wasm(int rounds) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int k = 0; k < rounds; k++) {
      int at = k * STRIDE;
      b.writeBytes(new byte[] {0x20, 0, 0x42}); // i64.store(base, k * 0x0123456789AB + ...)
      ModuleBuilder.s64(b, k * 0x0123456789ABL - 0x7F00FF00L);
      memarg(b, 0x37, 3, at);
      b.writeBytes(new byte[] {0x20, 0, 0x41}); // i32.store16(base, k * 4099 - 7)
      ModuleBuilder.s32(b, k * 4099 - 7);
      memarg(b, 0x3B, 1, at + 8);
      b.writeBytes(new byte[] {0x20, 0, 0x41}); // i32.store(base, k * 7919 ^ 0x5A5A5A5A)
      ModuleBuilder.s32(b, k * 7919 ^ 0x5A5A5A5A);
      memarg(b, 0x36, 2, at + 12);
      int[][] loads = { // opcode, align, offset; results are i32 (0x28, 0x2E, 0x2F) or i64
        {0x28, 2, at}, {0x29, 3, at}, {0x2E, 1, at + 8}, {0x2F, 1, at + 8},
        {0x35, 2, at + 12}, {0x34, 2, at + 4}, {0x32, 1, at + 6},
      };
      for (int[] load : loads) {
        b.writeBytes(new byte[] {0x20, 1, 0x41, 31, 0x6C, 0x20, 0}); // sum * 31, base
        memarg(b, load[0], load[1], load[2]);
        if (load[0] != 0x28 && load[0] != 0x2E && load[0] != 0x2F) {
          b.write(0xA7); // i32.wrap_i64
        }
        b.writeBytes(new byte[] {0x6A, 0x21, 1}); // sum = sum * 31 + value
      }
    }
    b.writeBytes(new byte[] {0x20, 1});
    return new ModuleBuilder().withMemory(1).funcBytes("f", 1, 1, 1, b.toByteArray()).build();
  }

  private static void memarg(ByteArrayOutputStream b, int opcode, int align, int offset) {
    b.write(opcode);
    ModuleBuilder.u32(b, align);
    ModuleBuilder.u32(b, offset);
  }

  /**
   * {@code f} of {@code rounds}, split as a function of its size would be (chunks of {@link
   * Chunks#BUDGET}) if {@code split}, else as it comes.
   */
  private static Instance compiled(String executor, int rounds, boolean split) {
    FunctionCompiler.forcedChunkBudget = split ? Chunks.BUDGET : 0;
    try {
      return ExecutorConfigs.eagerInstance(executor, wasm(rounds), false);
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  @Test
  void accessesComputeAsTheInterpreter() {
    for (int rounds : new int[] {WHOLE_ROUNDS, ROUNDS}) {
      Instance interpreter = ExecutorConfigs.eagerInstance("switch", wasm(rounds), false);
      for (String executor : List.of("asm", "tiered")) {
        for (boolean split : new boolean[] {false, true}) {
          Instance compiled = compiled(executor, rounds, split);
          for (int base : new int[] {0, 3, 40_000}) {
            assertEquals(f(interpreter, base), f(compiled, base),
                executor + ", " + rounds + " rounds, split " + split + ", base " + base);
          }
        }
      }
    }
  }

  @Test
  void anAccessOutOfBoundsTrapsAsTheInterpreter() {
    Instance interpreter = ExecutorConfigs.eagerInstance("switch", wasm(ROUNDS), false);
    for (String executor : List.of("asm", "tiered")) {
      Instance compiled = compiled(executor, ROUNDS, true);
      // the first access out of bounds is round r's first store
      for (int r = ROUNDS - 30; r < ROUNDS; r++) {
        int base = 65536 - STRIDE * r;
        for (Instance instance : List.of(interpreter, compiled)) {
          TrapException trap = assertThrows(TrapException.class, () -> f(instance, base), executor);
          assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind());
        }
      }
    }
  }

  @Test
  void everyAccessIsACallAndNoneAVarHandle() {
    for (int rounds : new int[] {WHOLE_ROUNDS, ROUNDS}) {
      var module = WasmParser.parse(wasm(rounds), Config.DEFAULT_FEATURES);
      for (boolean tiered : new boolean[] {false, true}) {
        ModuleCode code = new ModuleCode(module, Config.DEFAULT_FEATURES, new TypeRegistry(),
            false, true, tiered);
        FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F0", 0,
            code.compiled(0), tiered);
        FunctionCompiler.Result result = c.compile(tiered);
        assertEquals(rounds == ROUNDS, result.chunks() > 1, "split: " + result.chunks());
        int[] counts = new int[2]; // VarHandle accesses, memory calls
        new ClassReader(result.bytes()).accept(new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String desc, String sig,
              String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                if (owner.equals(FunctionCompiler.VAR_HANDLE)) {
                  counts[0]++;
                } else if (owner.endsWith("/MemoryCalls")) {
                  counts[1]++;
                }
              }
            };
          }
        }, 0);
        assertEquals(0, counts[0], "VarHandle accesses");
        assertTrue(counts[1] >= rounds * 10, "every access is a call (f has no 8-bit one): "
            + counts[1]);
      }
    }
  }

  /**
   * C1 inlines none of {@code MemoryCalls} (max stack + max locals - parameter slots over
   * {@code C1InlineStackLimit}, 10) and C2 inlines all (at most {@code MaxInlineSize}, 35 bytes).
   */
  @Test
  void memoryCallsAreBeyondC1sInliningAndWithinC2s() throws Exception {
    ClassReader reader;
    try (var in = MemoryCalls.class.getResourceAsStream("MemoryCalls.class")) {
      reader = new ClassReader(in);
    }
    List<String> methods = new ArrayList<>();
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig,
          String[] exceptions) {
        if ((access & Opcodes.ACC_STATIC) == 0) {
          return null;
        }
        int params = (Type.getArgumentsAndReturnSizes(desc) >> 2) - 1;
        return new MethodVisitor(Opcodes.ASM9) {
          private int bytes; // an upper bound of the code's length

          @Override
          public void visitInsn(int opcode) {
            bytes += 1;
          }

          @Override
          public void visitVarInsn(int opcode, int var) {
            bytes += 2;
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String n, String d) {
            bytes += 3;
          }

          @Override
          public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
            bytes += 3;
          }

          @Override
          public void visitTypeInsn(int opcode, String type) {
            bytes += 3;
          }

          @Override
          public void visitMaxs(int maxStack, int maxLocals) {
            assertTrue(maxStack + maxLocals - params > 10, name + ": C1 would inline it");
            assertTrue(bytes <= 35, name + ": " + bytes + " bytes, C2 would not always inline it");
            methods.add(name);
          }
        };
      }
    }, 0);
    assertEquals(6, methods.size(), methods.toString());
  }

  private static int f(Instance instance, int base) {
    return instance.getFunc("f").call(Val.i32(base))[0].i32();
  }
}
