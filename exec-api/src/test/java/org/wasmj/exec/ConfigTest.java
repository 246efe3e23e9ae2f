package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.exec.internal.MemoryInstance;

class ConfigTest {
  private final Config defaults = Config.defaults();

  @Test
  void defaultsAreDocumented() {
    assertEquals(CompilationMode.LAZY_TRANSLATION, defaults.compilationMode());
    assertNull(defaults.executor());
    assertEquals(Config.DEFAULT_FEATURES, defaults.features());
    assertEquals(20_000, defaults.maxCallDepth());
    assertEquals(1000, defaults.tieringThreshold());
    assertEquals(1, defaults.compilerThreads());
    assertEquals(8 << 20, defaults.maxStackSlots());
    assertEquals(MemoryInstance.MAX_PAGES, defaults.maxMemoryPages());
    assertEquals(1L << 31, defaults.maxStoreMemoryBytes());
    assertEquals(10_000_000L, defaults.maxStoreTableElements());
    assertSame(defaults, Config.defaults());
  }

  @Test
  void defaultFeaturesAreWasm20PlusThreeProposals() {
    Set<Feature> expected = EnumSet.copyOf(Feature.WASM_2_0);
    assertTrue(expected.contains(Feature.SIMD));
    expected.addAll(Set.of(Feature.TAIL_CALL, Feature.MULTI_MEMORY, Feature.EXTENDED_CONST));
    assertEquals(expected, Config.DEFAULT_FEATURES);
    assertThrows(UnsupportedOperationException.class, () -> Config.DEFAULT_FEATURES.add(Feature.SIMD));
  }

  @Test
  void eachWithReturnsAChangedCopyAndLeavesTheOriginalAlone() {
    Config c = defaults.withCompilationMode(CompilationMode.LAZY)
        .withExecutor("switch")
        .withFeatures(Feature.WASM_1_0)
        .withMaxCallDepth(7)
        .withMaxStackSlots(4096)
        .withMaxMemoryPages(3)
        .withMaxStoreMemoryBytes(5 << 16)
        .withMaxStoreTableElements(77)
        .withTieringThreshold(9)
        .withCompilerThreads(0);
    assertNotSame(defaults, c);
    assertEquals(9, c.tieringThreshold());
    assertEquals(0, c.compilerThreads());
    assertEquals(5 << 16, c.maxStoreMemoryBytes());
    assertEquals(77, c.maxStoreTableElements());
    assertEquals(CompilationMode.LAZY, c.compilationMode());
    assertEquals("switch", c.executor());
    assertEquals(Feature.WASM_1_0, c.features());
    assertEquals(7, c.maxCallDepth());
    assertEquals(4096, c.maxStackSlots());
    assertEquals(3, c.maxMemoryPages());
    // the original is untouched
    assertEquals(CompilationMode.LAZY_TRANSLATION, defaults.compilationMode());
    assertNull(defaults.executor());
    assertEquals(Config.DEFAULT_FEATURES, defaults.features());
    assertEquals(20_000, defaults.maxCallDepth());
    // and the copy keeps what it did not change
    Config d = c.withMaxCallDepth(8);
    assertEquals(CompilationMode.LAZY, d.compilationMode());
    assertEquals("switch", d.executor());
    assertEquals(3, d.maxMemoryPages());
    assertEquals(77, d.maxStoreTableElements());
    assertEquals(5 << 16, d.withMaxStoreTableElements(1).maxStoreMemoryBytes());
    assertNull(c.withExecutor(null).executor());
  }

  @Test
  void featuresAreCopiedAndCannotBeChangedAfterwards() {
    EnumSet<Feature> mine = EnumSet.of(Feature.MUTABLE_GLOBALS);
    Config c = defaults.withFeatures(mine);
    mine.add(Feature.TAIL_CALL);
    assertEquals(Set.of(Feature.MUTABLE_GLOBALS), c.features());
    assertThrows(UnsupportedOperationException.class, () -> c.features().add(Feature.TAIL_CALL));
    Config none = defaults.withFeatures(Set.of());
    assertTrue(none.features().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> none.features().add(Feature.TAIL_CALL));
  }

  @Test
  void simdCanBeEnabledAndDisabled() {
    assertTrue(defaults.withFeatures(Feature.ALL).features().contains(Feature.SIMD));
    assertFalse(defaults.withFeatures(Feature.WASM_1_0).features().contains(Feature.SIMD));
  }

  @Test
  void badValuesAreRejectedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxCallDepth(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxCallDepth(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxCallDepth(Integer.MIN_VALUE));
    assertEquals(1, defaults.withMaxCallDepth(1).maxCallDepth());
    assertEquals(Integer.MAX_VALUE, defaults.withMaxCallDepth(Integer.MAX_VALUE).maxCallDepth());

    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxStackSlots(1023));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxStackSlots(-1));
    assertEquals(1024, defaults.withMaxStackSlots(1024).maxStackSlots());

    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxMemoryPages(-1));
    assertThrows(IllegalArgumentException.class,
        () -> defaults.withMaxMemoryPages(MemoryInstance.MAX_PAGES + 1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxMemoryPages(65536));
    assertEquals(0, defaults.withMaxMemoryPages(0).maxMemoryPages());
    assertEquals(MemoryInstance.MAX_PAGES,
        defaults.withMaxMemoryPages(MemoryInstance.MAX_PAGES).maxMemoryPages());

    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxStoreMemoryBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxStoreTableElements(-1));
    assertEquals(0, defaults.withMaxStoreMemoryBytes(0).maxStoreMemoryBytes());
    assertEquals(Long.MAX_VALUE,
        defaults.withMaxStoreTableElements(Long.MAX_VALUE).maxStoreTableElements());
  }

  @Test
  void nullsAreBadValuesToo() {
    assertThrows(IllegalArgumentException.class, () -> defaults.withCompilationMode(null));
    assertThrows(IllegalArgumentException.class, () -> defaults.withFeatures(null));
    Set<Feature> withNull = new java.util.HashSet<>();
    withNull.add(null);
    assertThrows(IllegalArgumentException.class, () -> defaults.withFeatures(withNull));
  }

  @Test
  void toStringShowsEverySetting() {
    String s = defaults.withCompilationMode(CompilationMode.LAZY_TRANSLATION).withMaxCallDepth(5).toString();
    assertTrue(s.contains("mode=lazy-translation"), s);
    assertTrue(s.contains("executor=(best)"), s);
    assertTrue(s.contains("maxCallDepth=5"), s);
    assertTrue(s.contains("maxStoreMemoryBytes=2147483648"), s);
    assertTrue(s.contains("maxStoreTableElements=10000000"), s);
    assertTrue(s.contains("SIMD"), s);
  }

  @Test
  void compilationModesParseByCliNameOrConstantName() {
    for (CompilationMode m : CompilationMode.values()) {
      assertSame(m, CompilationMode.parse(m.cliName()));
      assertSame(m, CompilationMode.parse(m.name()));
    }
    assertEquals("lazy-translation", CompilationMode.LAZY_TRANSLATION.cliName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompilationMode.parse("fast"));
    assertTrue(e.getMessage().contains("eager, lazy-translation or lazy"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CompilationMode.parse(null));
  }
}
