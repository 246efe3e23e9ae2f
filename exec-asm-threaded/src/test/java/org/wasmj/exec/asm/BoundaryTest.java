package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * Calls across the boundary between the interpreter and compiled code, which pass arguments and
 * results in place ({@code NativeCode.callAt}, the stubs' {@code Rt.interpretAt},
 * {@code Rt.callIndirectAt}): right with one result and with two, by {@code call} and by
 * {@code call_indirect}, also when nested interpreted calls grow the interpreter's value stack
 * (1,024 slots at first) under a caller's feet.
 */
class BoundaryTest {
  /**
   * Pairs of an interpreted function {@code g*(n) = n == 0 ? 0 : return_call f*(n)} (a tail call
   * keeps it in the interpreter; 40 locals make each of its frames big) and a compiled one
   * {@code f*(n) = n + g*(n - 1)}: {@code g(n)} is the sum 1 + ... + n. {@code g2}/{@code f2}
   * return two results, the sum and n; {@code fi} calls {@code gi} with {@code call_indirect}.
   */
  private static final byte[] PAIRS = new ModuleBuilder().withTable()
      .funcWithLocals("g", 1, 1, 40, 0x20, 0, 0x45, 0x04, 0x40, 0x41, 0, 0x0F, 0x0B,
          0x20, 0, 0x12, 1)
      .func("f", 1, 1, 0x20, 0, 0x20, 0, 0x41, 1, 0x6B, 0x10, 0, 0x6A)
      .funcWithLocals("g2", 1, 2, 40, 0x20, 0, 0x45, 0x04, 0x40, 0x41, 0, 0x41, 0, 0x0F, 0x0B,
          0x20, 0, 0x12, 3)
      .funcWithLocals("f2", 1, 2, 1, 0x20, 0, 0x41, 1, 0x6B, 0x10, 2, 0x21, 1, // (a, b) = g2(n - 1)
          0x20, 0, 0x6A, 0x20, 1, 0x41, 1, 0x6A) // (a + n, b + 1)
      .funcWithLocals("gi", 1, 1, 40, 0x20, 0, 0x45, 0x04, 0x40, 0x41, 0, 0x0F, 0x0B,
          0x20, 0, 0x12, 5)
      .func("fi", 1, 1, 0x20, 0, 0x20, 0, 0x41, 1, 0x6B, 0x41, 4, 0x11, 4, 0, 0x6A) // table[4] = gi
      .build();

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void argumentsAndResultsCrossInPlaceAlsoWhenTheInterpretersStackGrows(String executor) {
    Config config = Config.defaults().withExecutor(executor);
    if (executor.equals("tiered")) {
      config = config.withTieringThreshold(1).withCompilerThreads(0); // f* compiled at once
    } else if (executor.equals("asm")) {
      config = config.withCompilationMode(CompilationMode.EAGER); // f*'s code there before g* runs
    }
    Engine engine = new Engine(config);
    Module module = Module.compile(engine, PAIRS);
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    for (int n : new int[] {0, 1, 5, 200, 200}) { // 200 frames of g: 8,000 slots and more
      int sum = n * (n + 1) / 2;
      assertEquals(sum, instance.getFunc("g").call(Val.i32(n))[0].i32(), "g(" + n + ")");
      Val[] two = instance.getFunc("g2").call(Val.i32(n));
      assertArrayEquals(new int[] {sum, n}, new int[] {two[0].i32(), two[1].i32()}, "g2(" + n + ")");
      assertEquals(sum, instance.getFunc("gi").call(Val.i32(n))[0].i32(), "gi(" + n + ")");
    }
    if (!executor.equals("switch")) {
      assertEquals(3L, module.executorStatistics().get("interpreted.tail_call"));
    }
  }
}
