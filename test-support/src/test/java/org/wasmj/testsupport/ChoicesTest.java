package org.wasmj.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Choices read in order, stay in bounds, and are the simplest (0) once the list runs out. */
class ChoicesTest {
  @Test
  void choicesAreReadInOrderThenZero() {
    Choices c = Choices.of(7, -1, 12);
    assertEquals(2, c.nextInt(5));
    assertEquals(2, c.nextInt(3)); // -1 mod 3, never negative
    assertEquals(12, c.nextInt());
    assertEquals(0, c.nextInt(10));
    assertFalse(c.nextBoolean());
  }

  @Test
  void anEmptyListMutatesTheFirstByteToZero() {
    byte[] mutated = Mutations.mutate(new byte[] {1, 2, 3}, Choices.of());
    assertEquals(0, mutated[0]);
    assertEquals(2, mutated[1]);
  }

  @Property(tries = 200)
  void boundedChoicesStayInBounds(@ForAll int value, @ForAll @IntRange(min = 1) int bound) {
    int c = Choices.of(value).nextInt(bound);
    assertTrue(c >= 0 && c < bound, c + " for bound " + bound);
  }
}
