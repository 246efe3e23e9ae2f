package org.wasmj.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;

/** The runner's judgement of {@code assert_trap}: the kind of the trap must be the one named. */
class SpecFileTest {
  @Test
  void theTextNamesTheKind() {
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, SpecFile.trapKind("integer divide by zero"));
    assertEquals(TrapKind.INDIRECT_CALL_TO_NULL, SpecFile.trapKind("uninitialized element 2"));
    assertEquals(TrapKind.UNDEFINED_ELEMENT, SpecFile.trapKind("undefined element"));
    assertNull(SpecFile.trapKind("something else"));
    assertNull(SpecFile.trapKind("host function failed"), "no spec test expects a host trap");
  }

  @Test
  void aTrapOfAnotherKindFails() {
    Map<String, String> command = Map.of("type", "assert_trap", "text", "out of bounds memory access");
    assertNull(SpecFile.checkTrapKind(command, new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS)));
    String failure = SpecFile.checkTrapKind(command, new TrapException(TrapKind.UNREACHABLE));
    assertTrue(failure != null && failure.contains("MEMORY_OUT_OF_BOUNDS")
        && failure.contains("UNREACHABLE"), failure);
  }

  @Test
  void aTextNoKindHasFails() {
    String failure = SpecFile.checkTrapKind(Map.of("text", "stack overflow"),
        new TrapException(TrapKind.UNREACHABLE));
    assertTrue(failure != null && failure.startsWith("no TrapKind"), failure);
  }
}
