package org.wasmj.exec.asm.rt;

import org.wasmj.exec.internal.MemoryInstance;

/**
 * {@code v128.load} and {@code v128.store} for generated code: one small call per half (C2
 * inlines them), so that a SIMD-heavy function's method stays small enough for the JIT. The
 * address is checked for all 16 bytes before anything is read or written.
 *
 * @implNote Stateless and thread-safe.
 */
public final class V128Memory {
  private V128Memory() {}

  /** The low half of the v128 at {@code base + offset} (offset unsigned). */
  public static long load(byte[] memory, int base, int offset) {
    return MemoryInstance.getLong(memory, MemoryInstance.address(memory, base, offset & 0xFFFFFFFFL, 16));
  }

  /** The high half of the v128 at {@code base + offset}. */
  public static long loadHigh(byte[] memory, int base, int offset) {
    return MemoryInstance.getLong(memory, MemoryInstance.address(memory, base, offset & 0xFFFFFFFFL, 16) + 8);
  }

  /** Stores the v128 {@code (low, high)} at {@code base + offset}. */
  public static void store(byte[] memory, int base, int offset, long low, long high) {
    int at = MemoryInstance.address(memory, base, offset & 0xFFFFFFFFL, 16);
    MemoryInstance.putLong(memory, at, low);
    MemoryInstance.putLong(memory, at + 8, high);
  }
}
