package org.wasmj.wasi.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.wasmj.exec.Memory;

/**
 * The guest's memory as WASI calls see it: pointers and lengths are unsigned 32-bit, and an
 * access outside the memory is {@code EFAULT} (a {@link WasiError}), never a trap.
 *
 * @implNote Valid for one host call.
 */
public final class GuestMemory {
  private final Memory memory;

  public GuestMemory(Memory memory) {
    this.memory = memory;
  }

  /** Checks that {@code [ptr, ptr + len)} is inside the memory. */
  public void check(int ptr, long len) {
    long p = ptr & 0xFFFFFFFFL;
    if (len < 0 || p + len > memory.dataSize()) {
      throw new WasiError(Errno.FAULT);
    }
  }

  public int i32(int ptr) {
    check(ptr, 4);
    return memory.readI32(ptr & 0xFFFFFFFFL);
  }

  public long i64(int ptr) {
    check(ptr, 8);
    return memory.readI64(ptr & 0xFFFFFFFFL);
  }

  public int u8(int ptr) {
    check(ptr, 1);
    return memory.readByte(ptr & 0xFFFFFFFFL) & 0xFF;
  }

  public int u16(int ptr) {
    return u8(ptr) | u8(ptr + 1) << 8;
  }

  public void putI32(int ptr, int v) {
    check(ptr, 4);
    memory.writeI32(ptr & 0xFFFFFFFFL, v);
  }

  public void putI64(int ptr, long v) {
    check(ptr, 8);
    memory.writeI64(ptr & 0xFFFFFFFFL, v);
  }

  public void putU8(int ptr, int v) {
    check(ptr, 1);
    memory.writeByte(ptr & 0xFFFFFFFFL, (byte) v);
  }

  public void putU16(int ptr, int v) {
    check(ptr, 2);
    putU8(ptr, v);
    putU8(ptr + 1, v >>> 8);
  }

  /** Copies {@code len} bytes out of the memory. */
  public byte[] read(int ptr, int len) {
    check(ptr, len & 0xFFFFFFFFL);
    return memory.read(ptr & 0xFFFFFFFFL, len);
  }

  /** Copies {@code len} bytes out of the memory into {@code dst[off..]}. */
  public void read(int ptr, byte[] dst, int off, int len) {
    check(ptr, len);
    memory.read(ptr & 0xFFFFFFFFL, dst, off, len);
  }

  /** Copies {@code src[off .. off+len)} into the memory. */
  public void write(int ptr, byte[] src, int off, int len) {
    check(ptr, len);
    if (off == 0 && len == src.length) {
      memory.write(ptr & 0xFFFFFFFFL, src);
    } else {
      memory.write(ptr & 0xFFFFFFFFL, java.util.Arrays.copyOfRange(src, off, off + len));
    }
  }

  /** A UTF-8 string (a path); invalid UTF-8 is {@code EILSEQ}. */
  public String string(int ptr, int len) {
    if (len < 0) {
      throw new WasiError(Errno.FAULT);
    }
    byte[] bytes = read(ptr, len);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new WasiError(Errno.ILSEQ);
    }
  }

  /** The iovec array at {@code iovs}: {@code {ptr, len}} pairs, each checked to be in bounds. */
  public int[][] iovecs(int iovs, int count) {
    if (count < 0 || count > 1024) {
      throw new WasiError(Errno.INVAL);
    }
    check(iovs, 8L * count);
    int[][] out = new int[count][];
    for (int i = 0; i < count; i++) {
      int ptr = i32(iovs + 8 * i);
      int len = i32(iovs + 8 * i + 4);
      check(ptr, len & 0xFFFFFFFFL);
      out[i] = new int[] {ptr, len};
    }
    return out;
  }
}
