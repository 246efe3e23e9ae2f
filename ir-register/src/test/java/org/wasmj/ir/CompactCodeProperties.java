package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CompactCodeProperties {
  @Property
  void expandingGivesTheFunctionBack(@ForAll int[] code, @ForAll int registers) {
    CompiledFunction f = new CompiledFunction(code, registers, 3, 7);
    CompiledFunction again = CompactCode.of(f).expand();
    assertArrayEquals(code, again.code());
    assertEquals(f.registerCount(), again.registerCount());
    assertEquals(f.paramCount(), again.paramCount());
    assertEquals(f.localCount(), again.localCount());
  }

  @Test
  void smallValuesTakeOneByteAndExtremesFive() {
    assertEquals(4, CompactCode.of(new CompiledFunction(new int[] {0, 63, -64, 5}, 0, 0, 0)).size());
    assertEquals(10, CompactCode.of(
        new CompiledFunction(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, 0, 0, 0)).size());
  }
}
