package org.wasmj.validator;

import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * What the short paths of {@link FunctionValidator} and {@link UncheckedWalker} share: tables of
 * the frequent single-byte instructions and a reader of short LEB128 immediates, in place in the
 * body's bytes. Both walkers take the frequent instructions this way and leave everything else, an
 * error included, to their long path through the {@code CodeReader}, whose calls per instruction
 * are what HotSpot's C1 code (where the launcher keeps both classes) and its bytecode interpreter
 * pay most for (docs/RATIONALE.md, "Session 18 (branch valid18)").
 */
final class ShortPath {
  private ShortPath() {}

  /**
   * Per single-byte opcode, for the plain instructions of Wasm 1.0 (no immediates, a fixed
   * signature, no rule of their own, no feature to check) that pop one operand or two of one type
   * and push one: pops | operand type << 8 | result type << 16 (types as ordinals); 0 for the
   * others.
   */
  static final int[] PLAIN_SIGNATURES = new int[256];
  /**
   * Per single-byte opcode, for loads and stores of Wasm 1.0: the natural alignment exponent |
   * the value type loaded or stored << 8 | {@link #STORE} for a store, 1 << 24 for a load; 0 for
   * the others.
   */
  static final int[] MEMORY_ACCESSES = new int[256];
  /** The bit of {@link #MEMORY_ACCESSES} that marks a store. */
  static final int STORE = 1 << 16;

  static {
    for (int b = 0; b < 256; b++) {
      Opcode op = Opcode.fromByte(b);
      if (op == null || !op.hasSignature() || op.feature() != null) {
        continue;
      }
      ValType[] params = op.params();
      if (op.immediates() == Opcode.Imm.MEMARG) {
        // loads are (i32) -> t, stores (i32, t) -> ()
        MEMORY_ACCESSES[b] = op.results().length == 1
            ? 1 << 24 | op.access().naturalAlignment() | op.results()[0].ordinal() << 8
            : STORE | op.access().naturalAlignment() | params[1].ordinal() << 8;
      } else if (op.immediates() == Opcode.Imm.NONE && op.results().length == 1
          && (params.length == 1 || params.length == 2 && params[0] == params[1])) {
        PLAIN_SIGNATURES[b] = params.length | params[0].ordinal() << 8 | op.results()[0].ordinal() << 16;
      }
    }
  }

  /**
   * Reads a LEB128 number of at most four bytes at {@code bytes[q]}, before {@code end}: returns
   * the position after it << 32 | its value (28 bits at most, unsigned; it has 7 bits per byte
   * read); or -1 for a longer number or one cut short (the long path's to decode).
   */
  static long leb(byte[] bytes, int q, int end) {
    int value = 0;
    for (int shift = 0; shift < 28 && q < end; shift += 7) {
      int b = bytes[q++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return (long) q << 32 | value;
      }
    }
    return -1;
  }

  /** The value of a signed LEB128 {@link #leb} read from {@code start}: {@code read}'s low bits, sign-extended. */
  static int signed(long read, int start) {
    int unused = 32 - ((int) (read >>> 32) - start) * 7; // sign-extend from the LEB's last bit
    return (int) read << unused >> unused;
  }
}
