package org.wasmj.testsupport;

import java.util.Arrays;

/**
 * Random damage to a module's bytes, for properties that bad input only ever gives a
 * {@code WasmException}: one mutation half the time, else two to four; each a byte set at random
 * (7 in 10, so that many mutants still decode far), a truncation, or a few random bytes inserted.
 * The choices come from jqwik ({@link Choices}), so a failing mutant shrinks toward one change
 * of a byte to 0 near the start of the module.
 */
public final class Mutations {
  private Mutations() {}

  /** A mutated copy of {@code bytes}. */
  public static byte[] mutate(byte[] bytes, Choices choices) {
    byte[] b = bytes.clone();
    int mutations = choices.nextBoolean() ? 2 + choices.nextInt(3) : 1;
    for (int n = mutations; n > 0 && b.length > 0; n--) {
      int at = choices.nextInt(b.length);
      int kind = choices.nextInt(10);
      if (kind < 7) {
        b[at] = (byte) choices.nextInt();
      } else if (kind < 8) {
        b = Arrays.copyOf(b, at);
      } else {
        byte[] insert = new byte[1 + choices.nextInt(8)];
        choices.nextBytes(insert);
        byte[] grown = new byte[b.length + insert.length];
        System.arraycopy(b, 0, grown, 0, at);
        System.arraycopy(insert, 0, grown, at, insert.length);
        System.arraycopy(b, at, grown, at + insert.length, b.length - at);
        b = grown;
      }
    }
    return b;
  }
}
