package org.wasmj.testsupport;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;

/**
 * The random choices a test generator makes, as a list of ints that jqwik generates and
 * <em>shrinks</em>: a shrinkable stand-in for {@link java.util.Random} in properties whose inputs
 * are built by a generator's many small decisions (a program, a mutation). Shrinking drops
 * choices and moves them toward 0; once the list runs out every choice is 0, so generators that
 * make their first option the simplest (a constant, no statement, the first module) turn a
 * failing case into a small one, which jqwik then reports with its list.
 *
 * <pre>{@code
 * @Property
 * void p(@ForAll("choices") Choices c) { int n = c.nextInt(10); ... }
 *
 * @Provide
 * Arbitrary<Choices> choices() { return Choices.upTo(4096); }
 * }</pre>
 *
 * @implNote Not thread-safe: reading a choice advances a cursor. jqwik makes a new instance for
 *     every try and every shrinking step.
 */
public final class Choices {
  private final List<Integer> values;
  private int next;

  private Choices(List<Integer> values) {
    this.values = values;
  }

  /** Lists of up to {@code max} choices, each uniform over all ints, of uniformly drawn lengths. */
  public static Arbitrary<Choices> upTo(int max) {
    return Arbitraries.integers().withDistribution(RandomDistribution.uniform()).list()
        .ofMaxSize(max).withSizeDistribution(RandomDistribution.uniform()).map(Choices::new);
  }

  /** The given choices (to replay a case that jqwik reported). */
  public static Choices of(Integer... values) {
    return new Choices(List.of(values));
  }

  /** The next choice as it is (0 once the list has run out). */
  public int nextInt() {
    return next < values.size() ? values.get(next++) : 0;
  }

  /** The next choice in {@code [0, bound)}. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return Math.floorMod(nextInt(), bound);
  }

  /** The next choice as a boolean ({@code false} first). */
  public boolean nextBoolean() {
    return nextInt(2) == 1;
  }

  /** Fills {@code bytes} with the next choices, one byte each. */
  public void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) nextInt();
    }
  }

  @Override
  public String toString() {
    int shown = Math.min(values.size(), 64);
    return "Choices" + values.subList(0, shown).toString().replace("]", "")
        + (shown < values.size() ? ", ... (" + values.size() + " choices)]" : "]");
  }
}
