package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;

class MemoryTest {
  private static Memory memory(long min, long max) {
    return new Memory(null, new MemoryInstance(new MemoryType(new Limits(min, max)), MemoryInstance.MAX_PAGES));
  }

  @Test
  void valuesAreLittleEndian() {
    Memory m = memory(1, 1);
    m.writeI32(0, 0x11223344);
    assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11}, m.read(0, 4));
    m.writeI64(8, -2L);
    assertEquals(-2L, m.readI64(8));
    m.writeF64(16, 1.5);
    assertEquals(1.5, m.readF64(16));
  }

  @Test
  void accessesPastTheEndTrap() {
    Memory m = memory(1, 2);
    assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS,
        assertThrows(TrapException.class, () -> m.readI32(65533)).kind());
    assertThrows(TrapException.class, () -> m.writeByte(-1, (byte) 0));
    m.writeI32(65532, 7); // the last full word is fine
  }

  @Test
  void growRespectsTheDeclaredMaximum() {
    Memory m = memory(1, 2);
    assertEquals(1, m.grow(1));
    assertEquals(2, m.size());
    assertEquals(-1, m.grow(1));
    assertEquals(2, m.grow(0));
    assertEquals(131072, m.dataSize());
  }

  @Test
  void askingForFourGibibytesGivesMinusOneNotOutOfMemory() {
    Memory m = memory(0, Limits.NO_MAX);
    assertEquals(-1, m.grow(65536));
    assertEquals(-1, m.grow(Integer.MAX_VALUE));
    assertEquals(-1, m.grow(-1));
    assertEquals(0, m.size());
  }

  @Test
  void effectiveAddressesAreUnsigned33BitSums() {
    byte[] bytes = new byte[65536];
    assertEquals(65532, MemoryInstance.address(bytes, 65532, 0, 4));
    assertThrows(TrapException.class, () -> MemoryInstance.address(bytes, -1, 0, 1));
    assertThrows(TrapException.class, () -> MemoryInstance.address(bytes, 1, 0xFFFFFFFFL, 1));
  }

  @Test
  void fillAndCopyCheckBoundsBeforeTouchingMemory() {
    MemoryInstance a = new MemoryInstance(new MemoryType(new Limits(1, 1)), 10);
    a.fill(10, 7, 5);
    assertEquals(7, a.bytes[14]);
    assertThrows(TrapException.class, () -> a.fill(65530, 1, 7));
    assertEquals(0, a.bytes[65535]);
    a.copyFrom(a, 12, 10, 5); // overlapping
    assertEquals(7, a.bytes[16]);
    assertThrows(TrapException.class, () -> a.copyFrom(a, 0, 65535, 2));
  }
}
