package org.wasmj.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpcodeTest {
  @Test
  void namesFollowTheTextNames() {
    for (Opcode op : Opcode.values()) {
      String expected = op.text().equals("select t") ? "SELECT_T" : op.text().toUpperCase().replace('.', '_');
      assertEquals(expected, op.name());
    }
  }

  @Test
  void textNamesAndCodesAreUnique() {
    Set<String> texts = new HashSet<>();
    Set<Integer> codes = new HashSet<>();
    for (Opcode op : Opcode.values()) {
      assertTrue(texts.add(op.text()), op.text());
      assertTrue(codes.add(op.prefix() << 16 | op.code()), op.text());
    }
  }

  @Test
  void lookupsFindEveryOpcode() {
    for (Opcode op : Opcode.values()) {
      assertSame(op, op.prefix() == 0 ? Opcode.fromByte(op.code()) : Opcode.fromPrefixed(op.prefix(), op.code()));
    }
    assertNull(Opcode.fromByte(0xFF));
    assertNull(Opcode.fromPrefixed(0xFD, 154)); // a hole in the SIMD table
    assertNull(Opcode.fromPrefixed(0xFC, 1 << 20));
  }

  @Test
  void theTableHoldsTheWholeSimdSetAndTheScalarOps() {
    long simd = java.util.Arrays.stream(Opcode.values()).filter(op -> op.prefix() == 0xFD).count();
    assertEquals(236, simd);
    assertEquals("ii:i".length() - 2, Opcode.I32_ADD.params().length);
    assertSame(ValType.I32, Opcode.I32_ADD.results()[0]);
    assertSame(ValType.I64, Opcode.I64_EXTEND_I32_U.results()[0]);
  }
}
