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
import org.wasmj.ir.Op;
import org.wasmj.parser.ValType;
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

  /** {@code floats.wat}'s guests: float values through float locals, NaN payloads at every turn. */
  private static final byte[] FLOATS = InterruptionTest.resource("floats.wasm");

  private static final int SNAN = 0x7FA00001; // a signalling NaN with a payload
  private static final int QNEG = 0xFFC00123; // a negative quiet NaN with a payload
  private static final int CANONICAL = 0x7FC00000;
  private static final long SNAN64 = 0x7FF4000000000001L;
  private static final long CANONICAL64 = 0x7FF8000000000000L;

  @Test
  void aDotProductsAccumulatorIsAFloatLocalAndItsOpsAreInline() throws Exception {
    FunctionCompiler c = compiler(FLOATS, 0); // sum32
    byte[] bytes = c.compile().bytes();
    Registers registers = Registers.of(c);
    int floats = 0;
    for (int r = 0; r < c.ir.registerCount(); r++) {
      floats += registers.hasFloatLocal(r) ? 1 : 0;
      assertFalse(registers.hasDoubleLocal(r), "register " + r + " of\n" + c.ir);
    }
    assertTrue(floats >= 2, "the accumulator and the product, in\n" + c.ir);
    List<Integer> opcodes = opcodes(bytes, "invoke");
    for (int op : new int[] {FADD, FMUL, FLOAD, FSTORE}) {
      assertTrue(opcodes.contains(op), "opcode " + op + " in invoke");
    }
    List<String> calls = calls(bytes, "invoke");
    assertFalse(calls.contains("org/wasmj/ir/Semantics.f32Add"), calls.toString());
    assertFalse(calls.contains("org/wasmj/ir/Semantics.f32Mul"), calls.toString());
  }

  /**
   * sum32's accumulator is float-valued: written only by f32 adds and a constant, so its bits
   * are made from the float where read (the store after the loop), not after every add; its
   * product is not (the translator puts it in the register of the load, which holds any bits);
   * nor is a register set to a NaN constant with a payload, or copied from a parameter.
   */
  @Test
  void anAccumulatorWrittenOnlyByArithmeticIsFloatValuedAndItsBitsAreMadeWhereRead() throws Exception {
    FunctionCompiler c = compiler(FLOATS, 0); // sum32
    byte[] bytes = c.compile().bytes();
    assertEquals(List.of(false, true), floatValuedResults(c, Op.F32_MUL_RRR, Op.F32_ADD_RRR));
    long f32Bits = calls(bytes, "invoke").stream()
        .filter(m -> m.equals(FunctionCompiler.RT + ".f32Bits")).count();
    assertEquals(2, f32Bits, "Rt.f32Bits: after the mul, and at the store after the loop");
    assertEquals(List.of(false), floatValuedResults(compiler(FLOATS, 21), Op.F32_ADD_RRR)); // nanconst32
    assertEquals(List.of(true), floatValuedResults(compiler(FLOATS, 22), Op.F32_ADD_RRR)); // canon32
    assertEquals(List.of(false), floatValuedResults(compiler(FLOATS, 23), Op.F64_MUL_RRR)); // nanconst64
    FunctionCompiler keep = compiler(FLOATS, 2); // keep32: y is a copy of x, or 7
    keep.compile();
    Registers registers = Registers.of(keep);
    for (int r = 0; r < keep.ir.registerCount(); r++) {
      assertFalse(registers.isFloatValued(r), "register " + r + " of\n" + keep.ir);
    }
  }

  /** Whether the register each instruction of {@code ops} writes is float-valued, in order. */
  private static List<Boolean> floatValuedResults(FunctionCompiler c, Op... ops) {
    Registers registers = Registers.of(c);
    List<Boolean> out = new ArrayList<>();
    for (int pc = 0; pc < c.code().length; pc += Op.size(c.code(), pc)) {
      if (List.of(ops).contains(Op.of(c.code()[pc]))) {
        out.add(registers.isFloatValued(c.code()[pc + 1]));
      }
    }
    return out;
  }

  @Test
  void registersReadByPayloadInsensitiveOpsOnlyHaveFloatLocals() throws Exception {
    assertTrue(Registers.readsFloatValues(Op.F32_ADD_RRR));
    assertTrue(Registers.readsFloatValues(Op.F64_LT_RRR));
    assertTrue(Registers.readsFloatValues(Op.I32_TRUNC_SAT_F32_S_RR));
    for (Op op : new Op[] {Op.F32_NEG_RR, Op.F32_ABS_RR, Op.F32_COPYSIGN_RRR, Op.F32_SQRT_RR,
        Op.F64_PROMOTE_F32_RR, Op.F32_DEMOTE_F64_RR, Op.I32_REINTERPRET_F32_RR,
        Op.F32_STORE_RRI, Op.F64_CEIL_RR, Op.COPY_RR}) {
      assertFalse(Registers.readsFloatValues(op), op.name());
    }
    FunctionCompiler c = compiler(FLOATS, 4); // neg32: x is compared, then negated
    c.compile();
    assertTrue(Registers.of(c).hasFloatLocal(0), c.ir.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "asm split", "tiered", "switch"})
  void nanPayloadsComeOutAsTheSpecAndTheInterpreterGiveThem(String executor) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor.replace(" split", ""))
        .withTieringThreshold(1).withCompilerThreads(0));
    if (executor.endsWith("split")) {
      FunctionCompiler.forcedChunkBudget = 10;
    }
    try {
      org.wasmj.exec.Instance in = instantiate(engine, FLOATS);
      org.wasmj.exec.Memory memory = in.getMemory("memory");
      for (int round = 0; round < 3; round++) { // tiered: interpreted, then compiled
        int[] f32s = {Float.floatToRawIntBits(1f), Float.floatToRawIntBits(2f), SNAN, 0};
        for (int i = 0; i < f32s.length; i++) {
          memory.writeI32(4L * i, f32s[i]);
        }
        assertEquals(Float.floatToRawIntBits(4.5f), i32(in, "sum32", Val.i32(2)));
        assertEquals(CANONICAL, i32(in, "sum32", Val.i32(3)));
        assertEquals(CANONICAL, i32(in, "sum32", Val.i32(4)));
        long[] f64s = {Double.doubleToRawLongBits(1), Double.doubleToRawLongBits(2), SNAN64};
        for (int i = 0; i < f64s.length; i++) {
          memory.writeI64(8L * i, f64s[i]);
        }
        assertEquals(Double.doubleToRawLongBits(4.5), i64(in, "sum64", Val.i32(2)));
        assertEquals(CANONICAL64, i64(in, "sum64", Val.i32(3)));

        assertEquals(SNAN, i32(in, "keep32", f32(SNAN)));
        assertEquals(QNEG, i32(in, "keep32", f32(QNEG)));
        assertEquals(Float.floatToRawIntBits(7f), i32(in, "keep32", Val.f32(0.5f)));
        assertEquals(SNAN, i32(in, "store32", f32(SNAN)));
        assertEquals(SNAN ^ 0x80000000, i32(in, "neg32", f32(SNAN)));
        assertEquals(QNEG & 0x7FFFFFFF, i32(in, "abs32", f32(QNEG)));
        assertEquals(SNAN | 0x80000000, i32(in, "copysign32", f32(SNAN)));

        Val one = Val.f32(1f);
        Val inf = Val.f32(Float.POSITIVE_INFINITY);
        assertEquals(CANONICAL | 0x80000000, i32(in, "addneg32", f32(SNAN), one));
        assertEquals(Float.floatToRawIntBits(-2f), i32(in, "addneg32", one, one));
        assertEquals(CANONICAL, i32(in, "mulabs32", f32(QNEG), one));
        assertEquals(CANONICAL64, i64(in, "divpromote", Val.f32(0f), Val.f32(0f)));
        assertEquals(CANONICAL64, i64(in, "divpromote", f32(SNAN), one));
        assertEquals(CANONICAL, i32(in, "subsqrt32", inf, inf)); // x86's own NaN is negative
        assertEquals(CANONICAL, i32(in, "selectadd32", f32(SNAN), one, Val.i32(1)));
        assertEquals(SNAN, i32(in, "selectadd32", f32(SNAN), one, Val.i32(0)));
        assertEquals(Float.floatToRawIntBits(2f), i32(in, "selectadd32", one, one, Val.i32(1)));
        assertEquals(CANONICAL, i32(in, "minmax32", f32(SNAN), one));
        assertEquals(0, i32(in, "truncsat32", f32(SNAN), one));
        assertEquals(2, i32(in, "truncsat32", one, one));
        assertEquals(CANONICAL, i32(in, "call32", f32(QNEG), one));
        assertEquals(Float.floatToRawIntBits(2f), i32(in, "call32", one, one));

        assertEquals(SNAN64, i64(in, "keep64", Val.fromBits(ValType.F64, SNAN64)));
        assertEquals(SNAN64 ^ Long.MIN_VALUE, i64(in, "neg64", Val.fromBits(ValType.F64, SNAN64)));
        assertEquals(CANONICAL64 | Long.MIN_VALUE, i64(in, "addneg64",
            Val.f64(Double.POSITIVE_INFINITY), Val.f64(Double.NEGATIVE_INFINITY)));
        assertEquals(CANONICAL, i32(in, "muldemote", Val.fromBits(ValType.F64, SNAN64), Val.f64(1)));
        assertEquals(2, i64(in, "subtrunc64", Val.f64(3.5), Val.f64(1)));
        assertEquals(0x7FA00001, i32(in, "nanconst32", Val.i32(0)));
        assertEquals(CANONICAL, i32(in, "nanconst32", Val.i32(2)));
        assertEquals(CANONICAL, i32(in, "canon32", Val.i32(0)));
        assertEquals(CANONICAL, i32(in, "canon32", Val.i32(3)));
        assertEquals(0x7FF4000000000001L, i64(in, "nanconst64", Val.i32(0)));
        assertEquals(CANONICAL64, i64(in, "nanconst64", Val.i32(1)));
        assertEquals(0, i64(in, "subtrunc64", Val.fromBits(ValType.F64, SNAN64), Val.f64(1)));
      }
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  private static Val f32(int bits) {
    return Val.fromBits(ValType.F32, bits);
  }

  private static int i32(org.wasmj.exec.Instance in, String name, Val... args) {
    return in.getFunc(name).call(args)[0].i32();
  }

  private static long i64(org.wasmj.exec.Instance in, String name, Val... args) {
    return in.getFunc(name).call(args)[0].i64();
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
    return compiler(wasm, 0);
  }

  /** The compiler of defined function {@code definedIndex} of {@code wasm} (also for other tests). */
  static FunctionCompiler compiler(byte[] wasm, int definedIndex) throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(wasm, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    return new FunctionCompiler(code.module(), "wasmj/gen/F" + definedIndex, definedIndex,
        code.compiled(definedIndex), false);
  }

  /** The methods ({@code owner.name}) that method {@code name} of a class calls. */
  private static List<String> calls(byte[] bytes, String name) {
    List<String> calls = new ArrayList<>();
    visitMethod(bytes, name, new MethodVisitor(ASM9) {
      @Override
      public void visitMethodInsn(int opcode, String owner, String m, String desc, boolean itf) {
        calls.add(owner + "." + m);
      }
    });
    return calls;
  }

  /** The opcodes of method {@code name} of a class. */
  private static List<Integer> opcodes(byte[] bytes, String name) {
    List<Integer> opcodes = new ArrayList<>();
    visitMethod(bytes, name, new MethodVisitor(ASM9) {
      @Override
      public void visitInsn(int opcode) {
        opcodes.add(opcode);
      }

      @Override
      public void visitVarInsn(int opcode, int var) {
        opcodes.add(opcode);
      }
    });
    return opcodes;
  }

  /** Has {@code visitor} visit method {@code name} of a class. */
  private static void visitMethod(byte[] bytes, String name, MethodVisitor visitor) {
    new ClassReader(bytes).accept(new ClassVisitor(ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
        return n.equals(name) ? visitor : null;
      }
    }, 0);
  }
}
