package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.ir.Op;

/**
 * Split functions (every function cut into chunks of a few instructions) whose frames are reused
 * between calls ({@code InstanceState.spareFrames}) and whose chunks copy only live registers:
 * recursion through {@code call_indirect} and through host functions, traps half-way, deep
 * recursion across threads and into exhaustion, and a declared local that must start at zero in
 * a frame a previous call left dirty; a chunk calling a looping function out of line.
 */
class SplitFunctionTest {
  /** {@code g(n)} traps {@code unreachable} when {@code n} is this. */
  private static final int TRAP_AT = 100_000;

  @BeforeEach
  void split() {
    FunctionCompiler.forcedChunkBudget = 10;
  }

  @AfterEach
  void whole() {
    FunctionCompiler.forcedChunkBudget = 0;
  }

  /**
   * {@code g(n)}: local 1 (declared, so 0 on entry) becomes {@code 0 + n}; traps if
   * {@code n == TRAP_AT}; returns it if {@code n == 0}; else {@code 2 * l1} stays on the value stack
   * across {@code recurse(n - 1)}, and {@code l1} is read again after it: {@code 3n + g(n - 1)},
   * so {@code g(n) = 3n(n+1)/2}. A frame that a call left dirty, or one two calls shared, gives
   * another number. {@code recurse} is the bytes calling with {@code n - 1} on the stack.
   */
  private static byte[] body(byte[] recurse) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x20, 1, 0x20, 0, 0x6A, 0x21, 1}); // l1 = l1 + n
    b.writeBytes(new byte[] {0x20, 0, 0x41}); // if n == TRAP_AT: unreachable
    ModuleBuilder.s32(b, TRAP_AT);
    b.writeBytes(new byte[] {0x46, 0x04, 0x40, 0x00, 0x0B});
    b.writeBytes(new byte[] {0x20, 0, 0x45, 0x04, 0x40, 0x20, 1, 0x0F, 0x0B}); // n == 0: return l1
    b.writeBytes(new byte[] {0x20, 1, 0x20, 1, 0x6A}); // 2 * l1
    b.writeBytes(new byte[] {0x20, 0, 0x41, 1, 0x6B}); // n - 1
    b.writeBytes(recurse);
    b.writeBytes(new byte[] {0x6A, 0x20, 1, 0x6A}); // + g(n - 1) + l1
    return b.toByteArray();
  }

  private static int expected(int n) {
    return 3 * n * (n + 1) / 2;
  }

  private static Engine engine(String executor) {
    return new Engine(Config.defaults().withExecutor(executor).withTieringThreshold(1)
        .withCompilerThreads(0));
  }

  /** {@code g} recursing through {@code call_indirect} of table element 0 (itself). */
  private static Module indirectModule(Engine engine) {
    return Module.compile(engine, new ModuleBuilder().withTable()
        .funcBytes("g", 1, 1, 1, body(new byte[] {0x41, 0, 0x11, 0, 0})).build());
  }

  private static Instance indirect(Engine engine) {
    return instantiate(engine, indirectModule(engine));
  }

  private static Instance instantiate(Engine engine, Module module) {
    return new Linker<Void>(engine).instantiate(new Store<>(engine, null), module);
  }

  /**
   * {@code sum(n)}: {@code 0 + 1 + ... + n - 1} in a loop, trapping ({@code unreachable}) if
   * {@code n == TRAP_AT}; {@code g(n) = sum(n) + sum(n + 1)}. {@code g}'s chunks call the looping
   * {@code sum} through its out-of-line entry ({@link FunctionCompiler#OUTLINED}).
   */
  private static byte[] loopingCallee() {
    ByteArrayOutputStream sum = new ByteArrayOutputStream();
    sum.writeBytes(new byte[] {0x20, 0, 0x41}); // if n == TRAP_AT: unreachable
    ModuleBuilder.s32(sum, TRAP_AT);
    sum.writeBytes(new byte[] {0x46, 0x04, 0x40, 0x00, 0x0B});
    sum.writeBytes(new byte[] {0x02, 0x40, 0x03, 0x40}); // block loop
    sum.writeBytes(new byte[] {0x20, 1, 0x20, 0, 0x4E, 0x0D, 1}); // br_if 1 (i >= n)
    sum.writeBytes(new byte[] {0x20, 2, 0x20, 1, 0x6A, 0x21, 2}); // acc += i
    sum.writeBytes(new byte[] {0x20, 1, 0x41, 1, 0x6A, 0x21, 1, 0x0C, 0, 0x0B, 0x0B}); // i++; br 0
    sum.writeBytes(new byte[] {0x20, 2});
    byte[] g = {0x20, 0, 0x10, 0, 0x20, 0, 0x41, 1, 0x6A, 0x10, 0, 0x6A}; // sum(n) + sum(n + 1)
    return new ModuleBuilder().funcBytes("sum", 1, 1, 2, sum.toByteArray())
        .funcBytes("g", 1, 1, 0, g).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered"})
  void aChunkCallsALoopingFunctionOutOfLine(String executor) {
    Engine engine = engine(executor);
    Module module = Module.compile(engine, loopingCallee());
    Instance instance = instantiate(engine, module);
    IntUnaryOperator g = n -> instance.getFunc("g").call(Val.i32(n))[0].i32();
    for (int round = 0; round < 3; round++) { // tiered: interpreted, then compiled
      assertEquals(0, g.applyAsInt(0));
      assertEquals(1, g.applyAsInt(1));
      assertEquals(45 + 55, g.applyAsInt(10));
      TrapException trap = assertThrows(TrapException.class, () -> g.applyAsInt(TRAP_AT - 1));
      assertEquals(TrapKind.UNREACHABLE, trap.kind()); // from sum(TRAP_AT), through the entry
    }
    assertEquals(2L, module.executorStatistics().get("compiled.split"),
        module.executorStatistics().toString());
  }

  @org.junit.jupiter.api.Test
  void theOutOfLineEntryIsTooLongForC2ToInline() {
    org.wasmj.parser.WasmModule m = org.wasmj.parser.WasmParser.parse(loopingCallee(),
        Config.DEFAULT_FEATURES);
    org.wasmj.exec.internal.ModuleCode code = new org.wasmj.exec.internal.ModuleCode(m,
        Config.DEFAULT_FEATURES, new org.wasmj.exec.internal.TypeRegistry(), false, true, false);
    assertTrue(Op.loops(code.compiled(0).code()), "sum loops");
    assertTrue(!Op.loops(code.compiled(1).code()), "g does not");
    FunctionCompiler c = new FunctionCompiler(m, "wasmj/gen/F0", 0, code.compiled(0), false);
    c.outlinedCallee = k -> k == 0;
    int[] instructions = {-1};
    new org.objectweb.asm.ClassReader(c.compile(false).bytes()).accept(
        new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
          @Override
          public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc,
              String signature, String[] exceptions) {
            if (!name.equals(FunctionCompiler.OUTLINED)) {
              return null;
            }
            instructions[0] = 0;
            return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
              @Override
              public void visitInsn(int opcode) {
                instructions[0]++;
              }
            };
          }
        }, 0);
    // each instruction takes a byte at least; HotSpot's FreqInlineSize is 325 bytes
    assertTrue(instructions[0] > 325, instructions[0] + " instructions in " + FunctionCompiler.OUTLINED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered"})
  void recursionThroughCallIndirectGetsAFrameOfItsOwnPerCall(String executor) {
    Engine engine = engine(executor);
    Module module = indirectModule(engine);
    Instance instance = instantiate(engine, module);
    IntUnaryOperator g = n -> instance.getFunc("g").call(Val.i32(n))[0].i32();
    for (int round = 0; round < 3; round++) { // tiered: interpreted, then compiled
      assertEquals(0, g.applyAsInt(0));
      assertEquals(expected(1), g.applyAsInt(1)); // the frame g(0) left has l1 = 0 + 0
      assertEquals(expected(20), g.applyAsInt(20));
      assertEquals(expected(3), g.applyAsInt(3)); // frames left dirty by g(20)'s calls
    }
    assertEquals(1L, module.executorStatistics().get("compiled.split"),
        module.executorStatistics().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered"})
  void aTrapHalfWayLeavesTheNextCallCorrect(String executor) {
    Instance instance = indirect(engine(executor));
    IntUnaryOperator g = n -> instance.getFunc("g").call(Val.i32(n))[0].i32();
    for (int round = 0; round < 3; round++) {
      TrapException trap = assertThrows(TrapException.class, () -> g.applyAsInt(TRAP_AT + 10));
      assertEquals(TrapKind.UNREACHABLE, trap.kind());
      assertEquals(expected(7), g.applyAsInt(7));
      assertEquals(expected(2), g.applyAsInt(2));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered"})
  void deepRecursionRunsAcrossThreadsThenExhaustsTheCallStack(String executor) {
    Instance instance = indirect(engine(executor));
    IntUnaryOperator g = n -> instance.getFunc("g").call(Val.i32(n))[0].i32();
    assertEquals(expected(3000), g.applyAsInt(3000)); // beyond a thread's first 500 calls
    ExhaustionException e = assertThrows(ExhaustionException.class, () -> g.applyAsInt(90_000));
    assertEquals(ExhaustionException.CALL_STACK_EXHAUSTED, e.getMessage());
    assertEquals(expected(10), g.applyAsInt(10));
    assertEquals(expected(3000), g.applyAsInt(3000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"asm", "tiered"})
  void recursionThroughAHostFunctionThatCatchesATrapGetsAFrameOfItsOwnPerCall(String executor) {
    // g calls host(n - 1), which first makes a call of g trap half-way (after taking its frame) and catches it, then
    // returns g(n - 1)
    Engine engine = engine(executor);
    byte[] wasm = new ModuleBuilder().importFunc("host", "reenter", 1, 1)
        .funcBytes("g", 1, 1, 1, body(new byte[] {0x10, 0})).build();
    Instance[] self = new Instance[1];
    int[] caught = new int[1];
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "reenter", HostType.I32, HostType.I32, (caller, n) -> {
      try {
        self[0].getFunc("g").call(Val.i32(TRAP_AT));
      } catch (TrapException expectedTrap) {
        caught[0]++;
      }
      return self[0].getFunc("g").call(Val.i32(n))[0].i32();
    });
    self[0] = linker.instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
    IntUnaryOperator g = n -> self[0].getFunc("g").call(Val.i32(n))[0].i32();
    for (int round = 0; round < 3; round++) {
      assertEquals(expected(12), g.applyAsInt(12));
      assertEquals(expected(1), g.applyAsInt(1));
    }
    assertTrue(caught[0] == 3 * 13, caught[0] + " traps caught");
  }
}
