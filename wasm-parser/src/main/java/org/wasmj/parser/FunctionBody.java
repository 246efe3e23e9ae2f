package org.wasmj.parser;

/**
 * A function body kept as a byte range of {@link WasmModule#bytes()}, decoded lazily: the local
 * declarations followed by the instructions, ending with {@code end}.
 *
 * @param offset first byte after the body's size prefix
 * @param length the body's size in bytes
 */
public record FunctionBody(int offset, int length) {
  /**
   * Whether the body's local declarations, at its start in the module's {@code bytes}, declare a
   * local of {@code type}; reads those few bytes only (not the instructions), and answers false
   * where they are malformed (the body is validated elsewhere) or the body is dropped (length 0).
   */
  public boolean declares(byte[] bytes, ValType type) {
    int[] at = {offset};
    int end = Math.min(bytes.length, offset + length);
    long groups = leb(bytes, at, end);
    for (long g = 0; g < groups && at[0] < end; g++) {
      if (leb(bytes, at, end) < 0 || at[0] >= end) {
        return false;
      }
      if ((bytes[at[0]++] & 0xFF) == type.code()) {
        return true;
      }
    }
    return false;
  }

  /** The unsigned LEB128 at {@code at[0]}, before {@code end}, advancing it; -1 if malformed. */
  private static long leb(byte[] bytes, int[] at, int end) {
    long v = 0;
    for (int shift = 0; shift < 35 && at[0] < end; shift += 7) {
      int b = bytes[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    return -1;
  }
}
