package org.wasmj.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.wasmj.MalformedModuleException;

/**
 * LEB128 decoding in {@link WasmReader}: every value of every width round-trips from its minimal
 * and from legally padded encodings; overlong encodings, unused bits that are not zero (or a sign
 * extension), and truncated input are rejected with the spec's messages.
 */
class LebProperties {

  @Property
  void u32RoundTrips(@ForAll int value, @ForAll @IntRange(min = 0, max = 4) int padding) {
    byte[] bytes = encode(value & 0xFFFFFFFFL, false, 5, padding);
    WasmReader r = reader(bytes);
    assertEquals(value, r.readU32());
    assertEquals(bytes.length, r.position());
  }

  @Property
  void s32RoundTrips(@ForAll int value, @ForAll @IntRange(min = 0, max = 4) int padding) {
    byte[] bytes = encode(value, true, 5, padding);
    assertEquals(value, reader(bytes).readS32());
  }

  @Property
  void s33RoundTrips(
      @ForAll @LongRange(min = -(1L << 32), max = (1L << 32) - 1) long value,
      @ForAll @IntRange(min = 0, max = 4) int padding) {
    byte[] bytes = encode(value, true, 5, padding);
    assertEquals(value, reader(bytes).readS33());
  }

  @Property
  void s64RoundTrips(@ForAll long value, @ForAll @IntRange(min = 0, max = 9) int padding) {
    byte[] bytes = encode(value, true, 10, padding);
    assertEquals(value, reader(bytes).readS64());
  }

  @Property
  void overlongEncodingsAreRejected(@ForAll int value) {
    byte[] u32 = overlong(encode(value & 0xFFFFFFFFL, false, 5, 5), false);
    expect("integer representation too long", () -> reader(u32).readU32());
    byte[] s32 = overlong(encode(value, true, 5, 5), value < 0);
    expect("integer representation too long", () -> reader(s32).readS32());
    byte[] s64 = overlong(encode(value, true, 10, 10), value < 0);
    expect("integer representation too long", () -> reader(s64).readS64());
  }

  @Property
  void unusedBitsMustBeZeroOrSignExtension(
      @ForAll int value, @ForAll @IntRange(min = 1, max = 7) int junk) {
    // Full-width encodings whose last byte carries bits beyond the type's width.
    byte[] u32 = encode(value & 0xFFFFFFFFL, false, 5, 5);
    u32[4] |= (byte) (junk << 4); // bits 32..34
    expect("integer too large", () -> reader(u32).readU32());

    byte[] s32 = encode(value, true, 5, 5);
    int sign = value < 0 ? 0x78 : 0x00;
    int wrong = (sign ^ (junk << 4)) & 0x70; // flip some of bits 32..34 away from the sign
    s32[4] = (byte) ((s32[4] & 0x0F) | (sign & 0x08) | wrong);
    if ((s32[4] & 0x78) != 0 && (s32[4] & 0x78) != 0x78) {
      expect("integer too large", () -> reader(s32).readS32());
    }

    byte[] s64 = encode(value, true, 10, 10);
    s64[9] = (byte) (value < 0 ? 0x7F ^ (junk << 1) : junk << 1);
    expect("integer too large", () -> reader(s64).readS64());
  }

  @Property
  void truncatedInputIsUnexpectedEnd(@ForAll long value) {
    byte[] bytes = encode(value, true, 10, 0);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    if (cut.length > 0) {
      cut[cut.length - 1] |= (byte) 0x80; // still promises another byte
    }
    assertThrows(MalformedModuleException.class, () -> reader(cut).readS64());
  }

  private static WasmReader reader(byte[] bytes) {
    return new WasmReader(bytes, 0, bytes.length);
  }

  private static void expect(String message, Runnable read) {
    MalformedModuleException e = assertThrows(MalformedModuleException.class, read::run);
    if (!e.getMessage().startsWith(message)) {
      throw new AssertionError("expected '" + message + "' but got '" + e.getMessage() + "'");
    }
  }

  /**
   * LEB128 of {@code value}: minimal, then padded with {@code padding} extra continuation groups
   * (zero or sign-extension bits), never beyond {@code maxBytes}.
   */
  static byte[] encode(long value, boolean signed, int maxBytes, int padding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while (true) {
      int group = (int) (v & 0x7F);
      v = signed ? v >> 7 : v >>> 7;
      boolean done = signed
          ? (v == 0 && (group & 0x40) == 0) || (v == -1 && (group & 0x40) != 0)
          : v == 0;
      if (done) {
        out.write(group);
        break;
      }
      out.write(group | 0x80);
    }
    byte[] minimal = out.toByteArray();
    int extra = Math.min(padding, maxBytes - minimal.length);
    if (extra <= 0) {
      return minimal;
    }
    byte[] padded = java.util.Arrays.copyOf(minimal, minimal.length + extra);
    int fill = signed && value < 0 ? 0x7F : 0x00;
    padded[minimal.length - 1] |= (byte) 0x80;
    for (int i = minimal.length; i < padded.length; i++) {
      padded[i] = (byte) (fill | 0x80);
    }
    padded[padded.length - 1] &= 0x7F;
    if (padded.length == maxBytes) {
      // The last byte of a full-width encoding holds only the type's remaining bits.
      int width = maxBytes == 10 ? 64 : maxBytes == 5 && signed ? 33 : 32;
      int bitsInLast = width - 7 * (maxBytes - 1);
      int mask = (1 << bitsInLast) - 1;
      if (signed) {
        padded[padded.length - 1] = (byte) (value < 0 ? 0x7F : 0x00);
      } else {
        padded[padded.length - 1] &= (byte) mask;
      }
    }
    return padded;
  }

  /** A full-width encoding made one byte too long. */
  private static byte[] overlong(byte[] full, boolean negative) {
    byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
    longer[full.length - 1] |= (byte) 0x80;
    longer[full.length] = (byte) (negative ? 0x7F : 0x00);
    return longer;
  }
}
