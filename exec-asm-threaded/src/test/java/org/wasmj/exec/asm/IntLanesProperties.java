package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;

/**
 * i32x4 values through int lane locals ({@link Registers#hasIntLanes}, {@link LaneBits}) give
 * the interpreter's bits: {@code intlanes.wat}'s accumulator loops (a SAD of zero-extended bytes
 * left from the middle of its loop, a range count through a shuffle and a mask), with any
 * starting accumulator, on {@code asm} whole and split into chunks at every cut, against
 * {@code switch}; and those accumulators do get int lanes.
 */
class IntLanesProperties {
  private static final byte[] LANES = InterruptionTest.resource("intlanes.wasm");

  private static final Instance SWITCH = ExecutorConfigs.eagerInstance("switch", LANES, false);
  private static final Instance ASM = ExecutorConfigs.eagerInstance("asm", LANES, false);
  private static final Instance SPLIT = ExecutorConfigs.eagerInstance("asm", LANES, true);

  @Property(tries = 1000)
  void accumulatorsAreTheInterpreters(@ForAll long lo, @ForAll long hi,
      @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @Size(48) List<Long> memory) {
    List<Long> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int k = 0; k < memory.size(); k++) {
        in.getMemory("mem").writeI64(8L * k, memory.get(k));
      }
      for (String f : List.of("sad", "count")) {
        for (int half = 0; half < 2; half++) {
          results.add(in.getFunc(f).call(Val.i64(lo), Val.i64(hi), Val.i32(n), Val.i32(half))[0].i64());
        }
      }
    }
    assertEquals(results.subList(0, 4), results.subList(4, 8), "asm");
    assertEquals(results.subList(0, 4), results.subList(8, 12), "asm split");
  }

  @org.junit.jupiter.api.Test
  void theAccumulatorsHaveIntLanes() throws Exception {
    for (int f = 0; f < 2; f++) {
      FunctionCompiler c = RegistersTest.compiler(LANES, f);
      c.compile();
      Registers registers = Registers.of(c);
      int withLanes = 0;
      for (int r = 0; r < c.ir.registerCount(); r++) {
        withLanes += registers.hasIntLanes(r) ? 1 : 0;
      }
      assertTrue(withLanes >= 2, c.ir.toString()); // at least the accumulator's two halves
    }
  }
}
