package org.wasmj.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.wasmj.MalformedModuleException;

/**
 * A cursor over a range of a {@code byte[]} that decodes the binary format's primitives: bytes,
 * LEB128 integers, IEEE floats and UTF-8 names. Every malformation, reading past the range
 * included, is a {@link MalformedModuleException} with the spec's message.
 *
 * <pre>{@code
 * WasmReader r = new WasmReader(bytes, 8, bytes.length);
 * int sectionId = r.readByte();
 * int size = r.readU32();
 * }</pre>
 *
 * @implNote Not thread-safe; cheap to create.
 */
public class WasmReader {
  /** The bytes read; never modified. */
  protected final byte[] bytes;
  /** Index of the next byte to read. */
  protected int pos;
  /** Index one past the last readable byte. */
  protected final int limit;

  /** A reader of {@code bytes[offset, limit)}. */
  public WasmReader(byte[] bytes, int offset, int limit) {
    if (offset < 0 || limit > bytes.length || offset > limit) {
      throw new IllegalArgumentException("bad range " + offset + ".." + limit);
    }
    this.bytes = bytes;
    this.pos = offset;
    this.limit = limit;
  }

  /** The underlying bytes. */
  public final byte[] bytes() {
    return bytes;
  }

  /** Index of the next byte. */
  public final int position() {
    return pos;
  }

  /** Moves to {@code position}, which must lie within the range. */
  public final void position(int position) {
    if (position < 0 || position > limit) {
      throw malformed("unexpected end");
    }
    pos = position;
  }

  /** Index one past the last readable byte. */
  public final int limit() {
    return limit;
  }

  /** True while bytes remain. */
  public final boolean hasMore() {
    return pos < limit;
  }

  /** Bytes left. */
  public final int remaining() {
    return limit - pos;
  }

  /** Skips {@code n} bytes. */
  public final void skip(int n) {
    if (n < 0 || n > limit - pos) {
      throw malformed("unexpected end");
    }
    pos += n;
  }

  /** One unsigned byte. */
  public final int readByte() {
    if (pos >= limit) {
      throw malformed("unexpected end");
    }
    return bytes[pos++] & 0xFF;
  }

  /** An unsigned 32-bit LEB128 integer (as the int with the same bits). */
  public final int readU32() {
    // The first byte inline (readByte only at the end, where it throws), as in readS32: indices
    // and immediates are read at most instructions, much of it while HotSpot interprets this.
    int b = pos < limit ? bytes[pos++] & 0xFF : readByte();
    if (b < 0x80) {
      return b;
    }
    int result = b & 0x7F;
    for (int shift = 7; shift < 35; shift += 7) {
      b = readByte();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw malformed("integer representation too long");
        }
        if ((b & 0x70) != 0) {
          throw malformed("integer too large");
        }
      }
      result |= (b & 0x7F) << shift;
      if (b < 0x80) {
        return result;
      }
    }
    throw new AssertionError();
  }

  /** A signed 32-bit LEB128 integer. */
  public final int readS32() {
    int b = pos < limit ? bytes[pos++] & 0xFF : readByte();
    if (b < 0x40) {
      return b;
    }
    if (b < 0x80) {
      return b - 0x80;
    }
    int result = b & 0x7F;
    for (int shift = 7; ; shift += 7) {
      b = readByte();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw malformed("integer representation too long");
        }
        int high = b & 0x78; // bits above bit 31 must repeat the sign bit
        if (high != 0 && high != 0x78) {
          throw malformed("integer too large");
        }
        return result | (b << 28);
      }
      result |= (b & 0x7F) << shift;
      if (b < 0x80) {
        int used = shift + 7;
        return (result << (32 - used)) >> (32 - used);
      }
    }
  }

  /** A signed 33-bit LEB128 integer (block types). */
  public final long readS33() {
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = readByte();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw malformed("integer representation too long");
        }
        int high = b & 0x70;
        if (high != 0 && high != 0x70) {
          throw malformed("integer too large");
        }
        result |= (long) (b & 0x7F) << 28;
        return (result << 29) >> 29;
      }
      result |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        int used = shift + 7;
        return (result << (64 - used)) >> (64 - used);
      }
    }
  }

  /** A signed 64-bit LEB128 integer. */
  public final long readS64() {
    int b = readByte();
    if (b < 0x40) {
      return b;
    }
    if (b < 0x80) {
      return b - 0x80;
    }
    long result = b & 0x7F;
    for (int shift = 7; ; shift += 7) {
      b = readByte();
      if (shift == 63) {
        if ((b & 0x80) != 0) {
          throw malformed("integer representation too long");
        }
        if (b != 0 && b != 0x7F) {
          throw malformed("integer too large");
        }
        return result | ((long) b << 63);
      }
      result |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        int used = shift + 7;
        return (result << (64 - used)) >> (64 - used);
      }
    }
  }

  /** The raw bits of a little-endian f32. */
  public final int readF32Bits() {
    if (limit - pos < 4) {
      throw malformed("unexpected end");
    }
    int v =
        (bytes[pos] & 0xFF)
            | (bytes[pos + 1] & 0xFF) << 8
            | (bytes[pos + 2] & 0xFF) << 16
            | (bytes[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  /** The raw bits of a little-endian f64. */
  public final long readF64Bits() {
    long low = readF32Bits() & 0xFFFFFFFFL;
    long high = readF32Bits() & 0xFFFFFFFFL;
    return low | high << 32;
  }

  /** A vector length or byte count, checked against the bytes left (each item takes ≥ 1 byte). */
  public final int readCount() {
    int n = readU32();
    if (n < 0 || n > limit - pos) {
      throw malformed("unexpected end");
    }
    return n;
  }

  /** A name: a u32 byte length and strictly valid UTF-8. */
  public final String readName() {
    int length = readU32();
    if (length < 0 || length > limit - pos) {
      throw malformed("unexpected end");
    }
    int start = pos;
    pos += length;
    boolean ascii = true;
    for (int i = start; i < pos; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("malformed UTF-8 encoding");
    }
  }

  /** A {@link MalformedModuleException} with {@code message} at the current position. */
  protected final MalformedModuleException malformed(String message) {
    return new MalformedModuleException(message, pos);
  }
}
