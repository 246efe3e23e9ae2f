package org.wasmj.ir;

import java.util.Arrays;

/**
 * A translated function kept small while it is not running: its code as zigzag LEB128 varints
 * (most IR slots — ops, registers, small immediates — take one byte instead of four), expanded
 * back to a {@link CompiledFunction} when it is first needed.
 *
 * <pre>{@code
 * CompactCode stored = CompactCode.of(function);   // about a quarter of the int[]
 * CompiledFunction again = stored.expand();         // equal to function
 * }</pre>
 *
 * @implNote Immutable.
 */
public final class CompactCode {
  private final byte[] bytes;
  private final int length;
  private final int registerCount;
  private final int paramCount;
  private final int localCount;

  private CompactCode(byte[] bytes, int length, CompiledFunction f) {
    this.bytes = bytes;
    this.length = length;
    this.registerCount = f.registerCount();
    this.paramCount = f.paramCount();
    this.localCount = f.localCount();
  }

  /** The compact form of {@code f}. */
  public static CompactCode of(CompiledFunction f) {
    int[] code = f.code();
    byte[] out = new byte[code.length + 16];
    int at = 0;
    for (int v : code) {
      if (at + 5 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      int z = (v << 1) ^ (v >> 31); // zigzag: small negative immediates stay small
      while ((z & ~0x7F) != 0) {
        out[at++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      out[at++] = (byte) z;
    }
    return new CompactCode(Arrays.copyOf(out, at), code.length, f);
  }

  /** The function again, with its {@code int[]} code. */
  public CompiledFunction expand() {
    int[] code = new int[length];
    int at = 0;
    for (int i = 0; i < length; i++) {
      int z = 0;
      int shift = 0;
      byte b;
      do {
        b = bytes[at++];
        z |= (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      code[i] = (z >>> 1) ^ -(z & 1);
    }
    return new CompiledFunction(code, registerCount, paramCount, localCount);
  }

  /** Bytes of encoded code. */
  public int size() {
    return bytes.length;
  }
}
