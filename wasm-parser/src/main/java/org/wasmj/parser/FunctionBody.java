package org.wasmj.parser;

import org.wasmj.MalformedModuleException;

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
    int end = Math.min(bytes.length, offset + length);
    if (offset > end) {
      return false;
    }
    WasmReader r = new WasmReader(bytes, offset, end);
    try {
      for (int groups = r.readU32(); groups > 0; groups--) {
        r.readU32(); // how many locals of the group's type
        if (r.readByte() == type.code()) {
          return true;
        }
      }
    } catch (MalformedModuleException e) {
      // the body is validated elsewhere
    }
    return false;
  }
}
