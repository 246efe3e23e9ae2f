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

  @Test
  void indicesAndCountsPastTwoToThe31DoNotReadAsAbsent() {
    // a data count of 2^32 - 1 read as -1, "no data count section", and one of 2^31 or more as
    // negative: both passed without the data section they promise (session 23)
    for (int top : new int[] {0x0F, 0x08}) {
      byte[] dataCount = module(1, 4, 1, 0x60, 0, 0, 12, 5, 0xFF, 0xFF, 0xFF, 0xFF, top);
      assertEquals("data count and data section have inconsistent lengths", malformed(dataCount));
      assertEquals("data count and data section have inconsistent lengths",
          assertThrows(MalformedModuleException.class, () -> WasmParser.parse(
              new ByteArrayInputStream(dataCount), Feature.WASM_2_0)).getMessage());
    }
    // a start function of 2^32 - 1 read as -1, "none": it stays an index (validation rejects it)
    byte[] start = module(1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 8, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F,
        10, 4, 1, 2, 0, 0x0B);
    assertTrue(WasmParser.parse(start).startFunction() < -1);
  }

  /** Two bodies ({@code i32.const 7} and {@code i32.const 8}), then a data section of 40 bytes. */
  private static final byte[] TWO_BODIES_AND_DATA = twoBodiesAndData();

  private static byte[] twoBodiesAndData() {
    int[] head = {1, 5, 1, 0x60, 0, 1, 0x7F, 3, 3, 2, 0, 0, 5, 3, 1, 0, 1,
        10, 11, 2, 4, 0, 0x41, 7, 0x0B, 4, 0, 0x41, 8, 0x0B,
        11, 46, 1, 0, 0x41, 0, 0x0B, 40};
    int[] all = java.util.Arrays.copyOf(head, head.length + 40);
    return module(all);
  }

  /** Delivers one byte per read and counts them. */
  private static final class Trickle extends java.io.InputStream {
    private final byte[] bytes;
    int delivered;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return delivered < bytes.length ? bytes[delivered++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int c = read();
      if (c < 0) {
        return -1;
      }
      b[off] = (byte) c;
      return 1;
    }
  }

  @Test
  void aStreamHandsEachBodyOverAsSoonAsItsBytesAreIn() throws java.io.IOException {
    Trickle in = new Trickle(TWO_BODIES_AND_DATA);
    java.util.List<String> events = new java.util.ArrayList<>();
    WasmModule m = WasmParser.parse(in, Feature.WASM_2_0, new WasmParser.BodyListener() {
      @Override
      public void codeSection(WasmModule header, int count) {
        events.add("code " + count + " functions " + header.functionCount()
            + " memories " + header.memories().size() + " data " + header.data().size());
      }

      @Override
      public void body(int i, byte[] bytes, FunctionBody body) {
        events.add("body " + i + " const " + bytes[body.offset() + 2]
            + (in.delivered == body.offset() + body.length() ? " just read" : " read " + in.delivered));
      }
    });
    assertEquals(java.util.List.of("code 2 functions 2 memories 1 data 0", "body 0 const 7 just read",
        "body 1 const 8 just read"), events);
    assertEquals(1, m.data().size());
    assertEquals(TWO_BODIES_AND_DATA.length, m.bytes().length);
    assertEquals(m.bodies(), WasmParser.parse(TWO_BODIES_AND_DATA).bodies());
  }

  /**
   * Cut anywhere (e.g. inside the code section: "length out of bounds"), a stream fails as the
   * array; only the header alone, the type section alone and everything but the data are modules.
   */
  @Test
  void aStreamCutShortFailsAsTheArray() {
    int failures = 0;
    for (int cut = 0; cut < TWO_BODIES_AND_DATA.length; cut++) {
      byte[] bytes = java.util.Arrays.copyOf(TWO_BODIES_AND_DATA, cut);
      String array = outcome(() -> WasmParser.parse(bytes));
      assertEquals(array, outcome(() -> WasmParser.parse(new Trickle(bytes), Feature.WASM_2_0)),
          "cut at " + cut);
      failures += array.startsWith("malformed") ? 1 : 0;
    }
    assertEquals(TWO_BODIES_AND_DATA.length - 3, failures, "all cuts fail but three modules");
    assertTrue(outcome(() -> WasmParser.parse(java.util.Arrays.copyOf(TWO_BODIES_AND_DATA, 30)))
        .startsWith("malformed: length out of bounds"));
  }

  private static String outcome(java.util.function.Supplier<WasmModule> parse) {
    try {
      return "bodies " + parse.get().bodies();
    } catch (MalformedModuleException e) {
      return "malformed: " + e.getMessage();
    }
  }

  @Test
  void readErrorsReachTheCaller() {
    java.io.InputStream failing = new java.io.InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw new java.io.IOException("disk on fire");
      }
    };
    assertEquals("disk on fire", assertThrows(java.io.IOException.class,
        () -> WasmParser.parse(failing, Feature.WASM_2_0, null)).getMessage());
    assertThrows(java.io.UncheckedIOException.class, () -> WasmParser.parse(failing, Feature.WASM_2_0));
  }
  /**
   * Code section entries whose sizes are LEB128s of one to five bytes (padded forms too), bodies
   * of up to 2^21 bytes, and entries cut or too long: a module's array (whose entries small
   * enough take a short path) decodes as a stream of the same bytes (which reads every entry
   * with the reader), to the same bodies or the same error.
   */
  @Test
  void codeEntriesOfEverySizeEncodingDecodeAsFromAStream() {
    int[][] entries = {
        {0, 1}, {2, 1}, {127, 1}, {128, 2}, {300, 2}, {16383, 2}, {16384, 3}, {70000, 3},
        {(1 << 21) - 1, 3}, {1 << 21, 4}, {5, 2}, {5, 3}, {5, 4}, {5, 5}, {40, 3}};
    for (int[] e : entries) {
      for (int delta : new int[] {0, 1, -1}) { // the section as long as the body, or off by one
        if (e[0] + delta < 0) {
          continue;
        }
        java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
        code.write(1); // one body
        code.writeBytes(leb(e[0], e[1]));
        code.writeBytes(new byte[e[0] + delta]);
        byte[] bytes = moduleOfOneFunction(code.toByteArray());
        String array = outcome(() -> WasmParser.parse(bytes));
        assertEquals(outcome(() -> WasmParser.parse(new Trickle(bytes), Feature.WASM_2_0)), array,
            "size " + e[0] + " in " + e[1] + " bytes, section off by " + delta);
        if (delta == 0) {
          assertEquals("bodies [FunctionBody[offset=" + (bytes.length - e[0]) + ", length=" + e[0]
              + "]]", array);
        } else {
          assertTrue(array.startsWith("malformed"), array);
        }
      }
    }
  }

  /** {@code value} as a LEB128 of {@code length} bytes (padded with continuation bytes). */
  private static byte[] leb(int value, int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) ((value & 0x7F) | (i < length - 1 ? 0x80 : 0));
      value >>>= 7;
    }
    return b;
  }

  /** A module of one function of type () -> () whose code section's contents are {@code code}. */
  private static byte[] moduleOfOneFunction(byte[] code) {
    java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
    m.writeBytes(HEADER);
    m.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10});
    m.writeBytes(leb(code.length, 5));
    m.writeBytes(code);
    return m.toByteArray();
  }
  /**
   * The function section's type indices in every LEB128 form of one to five bytes (the first
   * two forms read in place, the others by the reader), and cut short: the same indices as the
   * reader gives, or its error.
   */
  @Test
  void functionTypeIndicesOfEveryEncoding() {
    int[][] indices = {{0, 1}, {127, 1}, {128, 2}, {299, 2}, {5, 2}, {5, 3}, {299, 3}, {7, 5}};
    java.io.ByteArrayOutputStream types = new java.io.ByteArrayOutputStream();
    types.writeBytes(leb(300, 2)); // 300 types () -> ()
    for (int t = 0; t < 300; t++) {
      types.writeBytes(new byte[] {0x60, 0, 0});
    }
    java.io.ByteArrayOutputStream functions = new java.io.ByteArrayOutputStream();
    functions.write(indices.length);
    for (int[] index : indices) {
      functions.writeBytes(leb(index[0], index[1]));
    }
    byte[] function = functions.toByteArray();
    for (int cut = 0; cut <= function.length; cut++) {
      java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
      m.writeBytes(HEADER);
      m.write(1);
      m.writeBytes(leb(types.size(), 5));
      m.writeBytes(types.toByteArray());
      m.write(3);
      m.writeBytes(leb(cut, 5));
      m.write(function, 0, cut);
      m.writeBytes(new byte[] {10, (byte) (1 + 3 * indices.length), (byte) indices.length});
      for (int i = 0; i < indices.length; i++) {
        m.writeBytes(new byte[] {2, 0, 0x0B}); // no locals, end
      }
      byte[] bytes = m.toByteArray();
      if (cut == function.length) {
        WasmModule parsed = WasmParser.parse(bytes);
        for (int i = 0; i < indices.length; i++) {
          assertEquals(indices[i][0], parsed.functionTypeIndex(i), "function " + i);
        }
      } else if (cut > 0) { // the error a reader over the section alone gives
        int start = bytes.length - 2 - 3 * indices.length - 1 - cut;
        String expected;
        try {
          CodeReader r = new CodeReader(bytes, start, start + cut, Feature.WASM_2_0);
          for (int n = r.readCount(); n > 0; n--) {
            r.readU32();
          }
          expected = "none";
        } catch (MalformedModuleException e) {
          expected = e.getMessage();
        }
        assertEquals(expected, malformed(bytes), "cut at " + cut);
      }
    }
  }
}
