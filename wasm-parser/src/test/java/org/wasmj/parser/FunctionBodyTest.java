package org.wasmj.parser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link FunctionBody#declares}: a body's local declarations, read without its instructions. */
class FunctionBodyTest {
  private static boolean declares(ValType type, int... body) {
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xAA; // bytes before the body are not read
    for (int i = 0; i < body.length; i++) {
      bytes[i + 1] = (byte) body[i];
    }
    bytes[body.length + 1] = (byte) ValType.V128.code(); // nor bytes after it
    bytes[body.length + 2] = (byte) ValType.V128.code();
    return new FunctionBody(1, body.length).declares(bytes, type);
  }

  @Test
  void findsATypeInAnyGroupOfLocals() {
    assertTrue(declares(ValType.V128, 1, 32, 0x7B, 0x0B));
    assertTrue(declares(ValType.V128, 3, 2, 0x7F, 0x80, 0x01, 0x7D, 1, 0x7B, 0x0B)); // a 2-byte count
    assertTrue(declares(ValType.I32, 3, 2, 0x7F, 0x80, 0x01, 0x7D, 1, 0x7B, 0x0B));
    assertFalse(declares(ValType.V128, 2, 2, 0x7F, 4, 0x7C, 0x0B));
    assertFalse(declares(ValType.V128, 0, 0xFD, 0x0C, 0x0B)); // a v128 instruction, no v128 local
  }

  @Test
  void malformedOrDroppedBodiesDeclareNothing() {
    assertFalse(declares(ValType.V128, 2, 1, 0x7F)); // cut short: the next group is past the end
    assertFalse(declares(ValType.V128, 1, 0x80)); // a count cut short
    assertFalse(declares(ValType.V128, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 0x7B));
    assertFalse(declares(ValType.V128));
  }
}
