package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmParser;

/**
 * Unsigned compare-and-branch ops ({@code i32.lt_u ... br_if}, fused by the translator into one
 * IR branch, with a register or an immediate as the second operand, and their i64 forms), which
 * {@code asm} emits (i32) as one signed JVM compare of sign-flipped operands: they branch exactly
 * as {@code Integer.compareUnsigned} orders, on {@code asm} whole and split and on {@code
 * switch}, over random values and the values at the edges of both orders; and the generated code
 * calls no {@code Integer.compareUnsigned} (whose shared branch profile C2 would inline).
 */
class UnsignedBranchProperties {
  /** i32 lt_u, gt_u, le_u, ge_u; i64 the same. */
  private static final int[] I32_OPS = {0x49, 0x4B, 0x4D, 0x4F};
  private static final int[] I64_OPS = {0x54, 0x56, 0x58, 0x5A};
  /** The immediates of the {@code rit} forms. */
  private static final int[] IMMEDIATES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1000};

  private static final byte[] WASM = module();
  private static final Instance SWITCH = ExecutorConfigs.eagerInstance("switch", WASM, false);
  private static final Instance ASM = ExecutorConfigs.eagerInstance("asm", WASM, false);
  private static final Instance SPLIT = ExecutorConfigs.eagerInstance("asm", WASM, true);

  /**
   * Per op: {@code r<k>(a, b)} (i32), {@code l<k>(a, b)} (i64), and {@code i<k>_<j>(a)} against
   * immediate {@code j}: each 1 if the compare branches, else 0.
   */
  private static byte[] module() {
    ModuleBuilder b = new ModuleBuilder();
    byte[] i32 = {ModuleBuilder.I32};
    byte[] i64 = {ModuleBuilder.I64};
    for (int k = 0; k < 4; k++) {
      b.funcTyped("r" + k, new byte[] {ModuleBuilder.I32, ModuleBuilder.I32}, i32, 0,
          branchIf(new byte[] {0x20, 0, 0x20, 1}, I32_OPS[k]));
      b.funcTyped("l" + k, new byte[] {ModuleBuilder.I64, ModuleBuilder.I64}, i32, 0,
          branchIf(new byte[] {0x20, 0, 0x20, 1}, I64_OPS[k]));
      for (int j = 0; j < IMMEDIATES.length; j++) {
        ByteArrayOutputStream operands = new ByteArrayOutputStream();
        operands.write(0x20);
        operands.write(0);
        operands.write(0x41);
        ModuleBuilder.s32(operands, IMMEDIATES[j]);
        b.funcTyped("i" + k + "_" + j, i32, i32, 0, branchIf(operands.toByteArray(), I32_OPS[k]));
      }
    }
    return b.build();
  }

  /** {@code block (br_if 0 (op operands)) (return 0) end 1}. */
  private static byte[] branchIf(byte[] operands, int op) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x02);
    out.write(0x40);
    out.writeBytes(operands);
    out.write(op);
    out.writeBytes(new byte[] {0x0D, 0, 0x41, 0, 0x0F, 0x0B, 0x41, 1});
    return out.toByteArray();
  }

  private static boolean expected(int k, int c) {
    return k == 0 ? c < 0 : k == 1 ? c > 0 : k == 2 ? c <= 0 : c >= 0;
  }

  @Property(tries = 1000)
  void i32BranchesAsUnsignedOrder(@ForAll @From("ints") int a, @ForAll @From("ints") int b) {
    for (int k = 0; k < 4; k++) {
      int want = expected(k, Integer.compareUnsigned(a, b)) ? 1 : 0;
      for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
        assertEquals(want, in.getFunc("r" + k).call(Val.i32(a), Val.i32(b))[0].i32(), "r" + k);
      }
      for (int j = 0; j < IMMEDIATES.length; j++) {
        int wantImmediate = expected(k, Integer.compareUnsigned(a, IMMEDIATES[j])) ? 1 : 0;
        for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
          assertEquals(wantImmediate, in.getFunc("i" + k + "_" + j).call(Val.i32(a))[0].i32(),
              "i" + k + " against " + IMMEDIATES[j]);
        }
      }
    }
  }

  @Property(tries = 1000)
  void i64BranchesAsUnsignedOrder(@ForAll @From("longs") long a, @ForAll @From("longs") long b) {
    for (int k = 0; k < 4; k++) {
      int want = expected(k, Long.compareUnsigned(a, b)) ? 1 : 0;
      for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
        assertEquals(want, in.getFunc("l" + k).call(Val.i64(a), Val.i64(b))[0].i32(), "l" + k);
      }
    }
  }

  @Example
  void theBranchesAreFusedAndCallNoIntegerCompareUnsigned() throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(WASM, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    int functions = code.functionCount();
    for (int k = 0; k < functions; k++) {
      FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F" + k, k,
          code.compiled(k), false);
      List<String> branches = new ArrayList<>();
      for (int pc = 0; pc < c.code().length; pc += Op.size(c.code(), pc)) {
        Op op = Op.of(c.code()[pc]);
        if (op.shape().endsWith("t") && op.wasm() != null && op.wasm().name().endsWith("_U")) {
          branches.add(op.name());
        }
      }
      assertEquals(1, branches.size(), "function " + k + ": one fused unsigned branch\n" + c.ir);
      List<String> calls = new ArrayList<>();
      new ClassReader(c.compile().bytes()).accept(new ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
          return new MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String m, String desc, boolean itf) {
              calls.add(owner + "." + m);
            }
          };
        }
      }, 0);
      assertFalse(calls.contains("java/lang/Integer.compareUnsigned"), calls.toString());
    }
  }

  /** ints at the edges of the signed and unsigned orders, or random. */
  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(Arbitraries.of(0, 1, -1, 2, -2, Integer.MIN_VALUE,
        Integer.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1000, 999, 1001),
        Arbitraries.integers());
  }

  /** longs at the edges of the signed and unsigned orders, or random. */
  @Provide
  Arbitrary<Long> longs() {
    return Arbitraries.oneOf(Arbitraries.of(0L, 1L, -1L, 2L, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE, Long.MAX_VALUE - 1, 0xFFFFFFFFL, 0x80000000L), Arbitraries.longs());
  }
}
