package org.wasmj.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.MalformedModuleException;

class WasmParserTest {
  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private static byte[] module(int... sections) {
    byte[] b = java.util.Arrays.copyOf(HEADER, HEADER.length + sections.length);
    for (int i = 0; i < sections.length; i++) {
      b[HEADER.length + i] = (byte) sections[i];
    }
    return b;
  }

  private static String malformed(byte[] bytes) {
    return assertThrows(MalformedModuleException.class, () -> WasmParser.parse(bytes)).getMessage();
  }

  /** type ()->(i32); func; export "f"; code { i32.const 7 } ; name section naming func 0 "seven". */
  private static final byte[] SEVEN =
      module(
          1, 5, 1, 0x60, 0, 1, 0x7F,
          3, 2, 1, 0,
          7, 5, 1, 1, 'f', 0, 0,
          10, 6, 1, 4, 0, 0x41, 7, 0x0B,
          0, 15, 4, 'n', 'a', 'm', 'e', 1, 8, 1, 0, 5, 's', 'e', 'v', 'e', 'n');

  @Test
  void decodesSectionsAndKeepsBodiesAsRanges() {
    WasmModule m = WasmParser.parse(SEVEN);
    assertEquals("() -> (i32)", m.types().get(0).toString());
    assertEquals(new Export("f", ExternKind.FUNC, 0), m.exports().get(0));
    FunctionBody body = m.bodies().get(0);
    assertEquals(4, body.length());
    assertEquals(0x41, SEVEN[body.offset() + 1]);
    assertEquals("seven", m.names().functionName(0));
  }

  @Test
  void readsFromAStream() {
    assertEquals(1, WasmParser.parse(new ByteArrayInputStream(SEVEN), Feature.WASM_2_0).bodies().size());
  }

  @Test
  void aMalformedNameSectionIsIgnored() {
    byte[] bad = SEVEN.clone();
    bad[bad.length - 6] = 100; // name length past the section's end
    assertEquals(NameSection.EMPTY, WasmParser.parse(bad).names());
  }

  @Test
  void headerErrorsUseTheSpecMessages() {
    assertEquals("magic header not detected", malformed(new byte[] {0, 'a', 's', 'n', 1, 0, 0, 0}));
    assertEquals("unknown binary version", malformed(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}));
  }

  @Test
  void sectionsOutOfOrderAreMalformed() {
    assertTrue(malformed(module(3, 1, 0, 1, 1, 0)).startsWith("unexpected content after last section"));
  }

  @Test
  void functionAndCodeCountsMustAgree() {
    assertEquals(
        "function and code section have inconsistent lengths",
        malformed(module(1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0)));
  }

  @Test
  void hugeCountsDoNotAllocate() {
    // type section claiming 2^32-1 types in 5 bytes
    assertTrue(malformed(module(1, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)).startsWith("unexpected end"));
  }
}
