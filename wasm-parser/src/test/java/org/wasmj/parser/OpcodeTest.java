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

  /** Every memory instruction has an access, and its width and extension are what its name says. */
  @Test
  void accessesAgreeWithTheNames() {
    for (Opcode op : Opcode.values()) {
      boolean memory = op.immediates() == Opcode.Imm.MEMARG || op.immediates() == Opcode.Imm.MEMARG_LANE;
      assertEquals(memory, op.access() != Opcode.Access.NONE, op.text());
      if (memory) {
        String t = op.text();
        assertEquals(t.endsWith("_s"), op.access().signExtends(), t);
        assertEquals(t.endsWith("_u"), op.access().zeroExtends(), t);
      }
    }
    assertEquals(1, Opcode.I64_LOAD8_U.access().bytes());
    assertEquals(4, Opcode.I64_STORE32.access().bytes());
    assertEquals(8, Opcode.V128_LOAD16X4_S.access().bytes());
    assertEquals(16, Opcode.V128_STORE.access().bytes());
    assertEquals(4, Opcode.V128_LOAD32_ZERO.access().bytes());
    assertEquals(3, Opcode.F64_LOAD.access().naturalAlignment());
    assertEquals(-1, Opcode.MEMORY_FILL.access().naturalAlignment());
  }

  @Test
  void lanesBoundLaneIndices() {
    assertEquals(16, Opcode.I8X16_EXTRACT_LANE_U.lanes());
    assertEquals(2, Opcode.F64X2_REPLACE_LANE.lanes());
    assertEquals(8, Opcode.V128_STORE16_LANE.lanes());
    for (Opcode op : Opcode.values()) {
      boolean lane = op.immediates() == Opcode.Imm.LANE || op.immediates() == Opcode.Imm.MEMARG_LANE;
      assertEquals(lane, op.lanes() > 0, op.text());
    }
  }

  /** Wasm 1.0 instructions need no feature; every later one names the proposal it came with. */
  @Test
  void featuresAreThoseOfTheProposals() {
    assertNull(Opcode.I32_ADD.feature());
    assertNull(Opcode.CALL_INDIRECT.feature());
    assertSame(org.wasmj.Feature.SIGN_EXTENSION, Opcode.I64_EXTEND32_S.feature());
    assertSame(org.wasmj.Feature.SATURATING_FLOAT_TO_INT, Opcode.I64_TRUNC_SAT_F64_U.feature());
    assertSame(org.wasmj.Feature.BULK_MEMORY, Opcode.MEMORY_COPY.feature());
    assertSame(org.wasmj.Feature.REFERENCE_TYPES, Opcode.TABLE_GROW.feature());
    assertSame(org.wasmj.Feature.REFERENCE_TYPES, Opcode.SELECT_T.feature());
    assertSame(org.wasmj.Feature.TAIL_CALL, Opcode.RETURN_CALL_INDIRECT.feature());
    assertSame(org.wasmj.Feature.SIMD, Opcode.V128_CONST.feature());
    for (Opcode op : Opcode.values()) {
      if (op.prefix() != 0) {
        assertTrue(op.feature() != null, op.text() + ": every prefixed instruction came after 1.0");
      }
    }
  }
}
