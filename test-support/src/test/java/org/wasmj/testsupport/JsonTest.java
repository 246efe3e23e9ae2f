package org.wasmj.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void readsNestedValues() {
    Object v = Json.parse("{\"a\": [1, \"x\\u00e9\\n\", true, null], \"b\": {}}");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of(1L, "x\u00e9\n", true), ((List<?>) m.get("a")).subList(0, 3));
    assertEquals(Map.of(), m.get("b"));
  }

  @Test
  void rejectsTrailingContent() {
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] 2"));
  }
}
