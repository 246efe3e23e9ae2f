package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.parser.WasmParser;

class RegistersTest {
  /**
   * {@code sum(n)}: the sum of {@code i / 3} (unsigned) for {@code i} in {@code 0 .. n-1}; the
   * divisor is a constant the translator pools into a register (div has no immediate form).
   */
  private static final byte[] SUM = new ModuleBuilder().funcWithLocals("sum", 1, 1, 2,
      0x02, 0x40, 0x03, 0x40, // block, loop
      0x20, 1, 0x20, 0, 0x4E, 0x0D, 1, // br_if 1 (i >= n)
      0x20, 2, 0x20, 1, 0x41, 3, 0x6E, 0x6A, 0x21, 2, // acc += i / 3
      0x20, 1, 0x41, 1, 0x6A, 0x21, 1, // i += 1
      0x0C, 0, 0x0B, 0x0B, // br 0, end, end
      0x20, 2).build();

  /**
   * {@code mix(x: i64) -> i64}: {@code (i64) (int) x + x}, then {@code + (x == 0)}: values of both
   * widths through the same temporaries.
   */
  private static final byte[] MIX = new ModuleBuilder().funcTyped("mix",
      new byte[] {ModuleBuilder.I64}, new byte[] {ModuleBuilder.I64}, 0, new byte[] {
          0x20, 0, (byte) 0xA7, (byte) 0xAC, 0x20, 0, 0x7C, // i64.extend_i32_s (i32.wrap_i64 x) + x
          0x20, 0, 0x50, (byte) 0xAD, 0x7C}) // + i64.extend_i32_u (i64.eqz x)
      .build();

  @Test
  void anI32LoopHasIntLocalsOnlyAndItsPooledConstantIsAnImmediate() throws Exception {
    FunctionCompiler c = compiler(SUM);
    byte[] bytes = c.compile().bytes();
    Registers registers = Registers.of(c);
    List<Long> constants = new ArrayList<>();
    for (int r = 0; r < c.ir.registerCount(); r++) {
      assertFalse(registers.isWide(r), "register " + r + " of\n" + c.ir);
      if (registers.isConstant(r)) {
        constants.add(registers.constant(r));
      }
    }
    assertEquals(List.of(3L), constants, c.ir.toString());
    List<Integer> opcodes = opcodes(bytes, "invoke");
    for (int op : new int[] {LLOAD, LSTORE, L2I, I2L}) {
      assertFalse(opcodes.contains(op), "opcode " + op + " in invoke");
    }
  }

  @Test
  void aParameterOfI64IsWide() throws Exception {
    FunctionCompiler c = compiler(MIX);
    c.compile();
    assertTrue(Registers.of(c).isWide(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "asm split", "tiered"})
  void valuesOfBothWidthsComeOutRight(String executor) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor.replace(" split", ""))
        .withTieringThreshold(1).withCompilerThreads(0));
    if (executor.endsWith("split")) {
      FunctionCompiler.forcedChunkBudget = 10;
    }
    try {
      var sum = instantiate(engine, SUM).getFunc("sum");
      var mix = instantiate(engine, MIX).getFunc("mix");
      for (int i = 0; i < 2; i++) { // tiered: interpreted, then compiled
        assertEquals(0 + 0 + 0 + 1 + 1 + 1 + 2, sum.call(Val.i32(7))[0].i32());
        assertEquals(0, sum.call(Val.i32(-5))[0].i32());
        long x = 0x1_8000_0000L;
        assertEquals((long) (int) x + x, mix.call(Val.i64(x))[0].i64());
        assertEquals(1, mix.call(Val.i64(0))[0].i64());
        assertEquals(-2, mix.call(Val.i64(-1))[0].i64());
      }
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  private static org.wasmj.exec.Instance instantiate(Engine engine, byte[] wasm) {
    return new Linker<Void>(engine).instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
  }

  private static FunctionCompiler compiler(byte[] wasm) throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(wasm, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    return new FunctionCompiler(code.module(), "wasmj/gen/F0", 0, code.compiled(0), false);
  }

  /** The opcodes of method {@code name} of a class. */
  private static List<Integer> opcodes(byte[] bytes, String name) {
    List<Integer> opcodes = new ArrayList<>();
    new ClassReader(bytes).accept(new ClassVisitor(ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
        if (!n.equals(name)) {
          return null;
        }
        return new MethodVisitor(ASM9) {
          @Override
          public void visitInsn(int opcode) {
            opcodes.add(opcode);
          }

          @Override
          public void visitVarInsn(int opcode, int var) {
            opcodes.add(opcode);
          }
        };
      }
    }, 0);
    return opcodes;
  }
}
