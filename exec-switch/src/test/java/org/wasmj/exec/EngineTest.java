package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  @Test
  void theSwitchInterpreterIsAvailable() {
    List<String> names = Engine.executors();
    assertTrue(names.contains("switch"), names.toString());
    assertEquals(names.size(), names.stream().distinct().count(), "each provider once: " + names);
  }

  @Test
  void theExecutorIsPickedByName() {
    Engine engine = new Engine(Config.defaults().withExecutor("switch"));
    assertEquals("switch", engine.executorName());
    assertEquals("switch", engine.config().executor());
  }

  @Test
  void withoutANameTheBestAvailableIsUsed() {
    assertEquals(Engine.executors().get(0), new Engine().executorName());
    assertEquals(Engine.executors().get(0), new Engine(Config.defaults()).executorName());
    assertSame(Config.defaults(), new Engine().config());
  }

  @Test
  void anUnknownNameListsTheAvailableOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Engine(Config.defaults().withExecutor("jit")));
    assertTrue(e.getMessage().contains("'jit'"), e.getMessage());
    assertTrue(e.getMessage().contains("available: " + String.join(", ", Engine.executors())),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Engine(Config.defaults().withExecutor("")));
    assertThrows(IllegalArgumentException.class,
        () -> new Engine(Config.defaults().withExecutor("Switch")));
  }

  @Test
  void theConfigIsKept() {
    Config c = Config.defaults().withMaxCallDepth(123).withCompilationMode(CompilationMode.LAZY);
    assertSame(c, new Engine(c).config());
  }
}
