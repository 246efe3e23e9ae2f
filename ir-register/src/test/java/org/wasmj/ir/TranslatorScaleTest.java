package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.Validator;

/**
 * Hostile function shapes translate in time linear in their size: each of these took the
 * translator a time quadratic in n (seconds to minutes for bodies of a megabyte) until session
 * 23, for work done per block or per local write over every open frame or stack entry.
 */
class TranslatorScaleTest {
  /** Generous for a body of about a megabyte (about 0.2 s here); each shape took over 15 s before. */
  private static final long BOUND_MS = 4000;

  /** A module of one function {@code (i32) -> i32} with one more i32 local and {@code body}. */
  private static WasmModule module(ByteArrayOutputStream body) {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.writeBytes(new byte[] {1, 1, 0x7F});
    code.writeBytes(body.toByteArray());
    code.write(0x0B);
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(m, 1, new byte[] {1, 0x60, 1, 0x7F, 1, 0x7F});
    section(m, 3, new byte[] {1, 0});
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    codes.write(1);
    u32(codes, code.size());
    codes.writeBytes(code.toByteArray());
    section(m, 10, codes.toByteArray());
    return WasmParser.parse(m.toByteArray());
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    u32(out, content.length);
    out.writeBytes(content);
  }

  private static void u32(ByteArrayOutputStream out, long v) {
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v == 0 ? b : b | 0x80);
    } while (v != 0);
  }

  private static void repeat(ByteArrayOutputStream out, int n, int... bytes) {
    for (int i = 0; i < n; i++) {
      for (int b : bytes) {
        out.write(b);
      }
    }
  }

  /** Translates the one function with and without {@code count_loop}s; returns the IR's size. */
  private static int translateInTime(String shape, WasmModule m) {
    long t0 = System.nanoTime();
    int size = 0;
    for (Translator t : new Translator[] {new Translator(), new Translator(true, true)}) {
      size = t.translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0).code().length;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < BOUND_MS, shape + ": " + ms + " ms");
    return size;
  }

  @Test
  void aDeepNestOfLoopsIsLinear() {
    int n = 400_000; // every loop asked each open frame whether it began where the loop does
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    repeat(b, n, 0x03, 0x40);
    repeat(b, 1, 0x20, 0, 0x41, 1, 0x6A, 0x21, 0); // x = x + 1, innermost
    repeat(b, n, 0x0B);
    repeat(b, 1, 0x20, 0);
    translateInTime("nested loops", module(b));
  }

  @Test
  void manyLocalGetsOnTheStackAcrossManyBlocksAreLinear() {
    int n = 200_000; // every block start looked at every stack entry for one that reads a local
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    repeat(b, n, 0x20, 0);
    repeat(b, n, 0x02, 0x40, 0x0B);
    repeat(b, n - 1, 0x6A);
    translateInTime("local.gets across blocks", module(b));
  }

  @Test
  void manyLocalGetsOnTheStackAcrossManyLocalWritesAreLinear() {
    int n = 200_000; // every local write looked at every stack entry for one that reads it
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    repeat(b, n, 0x20, 0);
    repeat(b, n, 0x20, 1, 0x41, 1, 0x6A, 0x21, 1); // y = y + 1: none of the entries reads y
    repeat(b, n - 1, 0x6A);
    translateInTime("local.gets across local writes", module(b));
  }

  @Test
  void aFewLocalGetsAcrossALocalWriteStayUncopied() {
    // the copies made past MAX_LOOSE entries are for hostile functions only: below it, an
    // entry that does not read the local written stays a register read (no copy, 4 ops)
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    repeat(b, 3, 0x20, 0);
    repeat(b, 1, 0x41, 7, 0x21, 1);
    repeat(b, 2, 0x6A);
    Translator t = new Translator();
    String ir = t.translate(new Validator(module(b), Feature.WASM_2_0).functionValidator(), 0)
        .toString();
    assertEquals(4, ir.lines().count(), ir);
  }
}
