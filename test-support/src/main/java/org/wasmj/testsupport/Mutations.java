package org.wasmj.testsupport;

import java.util.Arrays;
import java.util.Random;

/**
 * Random damage to a module's bytes, for properties that bad input only ever gives a
 * {@code WasmException}: one mutation half the time, else two to four; each a byte set at random
 * (7 in 10, so that many mutants still decode far), a truncation, or a few random bytes inserted.
 */
public final class Mutations {
  private Mutations() {}

  /** A mutated copy of {@code bytes}. */
  public static byte[] mutate(byte[] bytes, Random random) {
    byte[] b = bytes.clone();
    int mutations = random.nextBoolean() ? 1 : 2 + random.nextInt(3);
    for (int n = mutations; n > 0 && b.length > 0; n--) {
      int at = random.nextInt(b.length);
      int kind = random.nextInt(10);
      if (kind < 7) {
        b[at] = (byte) random.nextInt(256);
      } else if (kind < 8) {
        b = Arrays.copyOf(b, at);
      } else {
        byte[] insert = new byte[1 + random.nextInt(8)];
        random.nextBytes(insert);
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
