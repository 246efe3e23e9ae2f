package org.wasmj.exec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.wasmj.Feature;
import org.wasmj.exec.internal.MemoryInstance;

/**
 * How an {@link Engine} compiles and runs modules. Immutable: each {@code withX} returns a
 * changed copy, and rejects a bad value at once with {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * Config config = Config.defaults()
 *     .withCompilationMode(CompilationMode.LAZY)
 *     .withExecutor("switch")
 *     .withMaxCallDepth(5_000);
 * }</pre>
 *
 * <p>Defaults: {@link CompilationMode#EAGER}; the best executor available; features
 * {@link #DEFAULT_FEATURES}; 20,000 nested calls; 8 Mi value-stack slots (64 MiB, allocated as
 * needed); memories of at most {@value MemoryInstance#MAX_PAGES} pages (2 GiB); the {@code tiered}
 * executor compiles a function after 1,000 calls and loop iterations.
 *
 * @implNote Immutable and thread-safe.
 */
public final class Config {
  /**
   * Wasm 2.0 (SIMD included), plus tail calls, multiple memories and extended constant
   * expressions.
   */
  public static final Set<Feature> DEFAULT_FEATURES = Collections.unmodifiableSet(Feature.with(
      Feature.WASM_2_0, Feature.TAIL_CALL, Feature.MULTI_MEMORY, Feature.EXTENDED_CONST));

  private static final Config DEFAULTS = new Config(CompilationMode.EAGER, null, DEFAULT_FEATURES,
      20_000, 8 << 20, MemoryInstance.MAX_PAGES, 1000);

  private final CompilationMode compilationMode;
  private final String executor;
  private final Set<Feature> features;
  private final int maxCallDepth;
  private final int maxStackSlots;
  private final int maxMemoryPages;
  private final int tieringThreshold;

  private Config(CompilationMode compilationMode, String executor, Set<Feature> features,
      int maxCallDepth, int maxStackSlots, int maxMemoryPages, int tieringThreshold) {
    this.compilationMode = compilationMode;
    this.executor = executor;
    this.features = features;
    this.maxCallDepth = maxCallDepth;
    this.maxStackSlots = maxStackSlots;
    this.maxMemoryPages = maxMemoryPages;
    this.tieringThreshold = tieringThreshold;
  }

  /** The default configuration. */
  public static Config defaults() {
    return DEFAULTS;
  }

  /** When functions are validated and translated. */
  public CompilationMode compilationMode() {
    return compilationMode;
  }

  /** The executor's name, or {@code null} for the best available. */
  public String executor() {
    return executor;
  }

  /** The enabled features. */
  public Set<Feature> features() {
    return features;
  }

  /** Most nested calls before a guest traps with {@code call stack exhausted}. */
  public int maxCallDepth() {
    return maxCallDepth;
  }

  /** Most 64-bit slots the interpreter's value stack may grow to before {@code call stack exhausted}. */
  public int maxStackSlots() {
    return maxStackSlots;
  }

  /** Most 64 KiB pages a memory may have (whatever its type allows); growing further fails. */
  public int maxMemoryPages() {
    return maxMemoryPages;
  }

  /**
   * Calls plus loop iterations after which the {@code tiered} executor compiles a function that
   * has been running in its interpreter.
   */
  public int tieringThreshold() {
    return tieringThreshold;
  }

  /** A copy in which the {@code tiered} executor compiles a function after {@code n} calls and loop iterations (at least 1). */
  public Config withTieringThreshold(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("tiering threshold must be at least 1, got " + n);
    }
    return new Config(compilationMode, executor, features, maxCallDepth, maxStackSlots,
        maxMemoryPages, n);
  }

  /** A copy with {@code mode}. */
  public Config withCompilationMode(CompilationMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("compilation mode must not be null");
    }
    return new Config(mode, executor, features, maxCallDepth, maxStackSlots, maxMemoryPages,
        tieringThreshold);
  }

  /** A copy using the executor named {@code name} ({@code null}: the best available). */
  public Config withExecutor(String name) {
    return new Config(compilationMode, name, features, maxCallDepth, maxStackSlots, maxMemoryPages,
        tieringThreshold);
  }

  /** A copy with exactly {@code enabled} features. */
  public Config withFeatures(Set<Feature> enabled) {
    if (enabled == null || enabled.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("features must not be or contain null: " + enabled);
    }
    Set<Feature> copy = enabled.isEmpty()
        ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(enabled));
    return new Config(compilationMode, executor, copy, maxCallDepth, maxStackSlots, maxMemoryPages,
        tieringThreshold);
  }

  /** A copy allowing {@code depth} nested calls (at least 1). */
  public Config withMaxCallDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("max call depth must be at least 1, got " + depth);
    }
    return new Config(compilationMode, executor, features, depth, maxStackSlots, maxMemoryPages,
        tieringThreshold);
  }

  /** A copy whose value stack may hold {@code slots} 64-bit values (at least 1,024). */
  public Config withMaxStackSlots(int slots) {
    if (slots < 1024) {
      throw new IllegalArgumentException("max stack slots must be at least 1024, got " + slots);
    }
    return new Config(compilationMode, executor, features, maxCallDepth, slots, maxMemoryPages,
        tieringThreshold);
  }

  /** A copy capping every memory at {@code pages} (0 to {@value MemoryInstance#MAX_PAGES}). */
  public Config withMaxMemoryPages(int pages) {
    if (pages < 0 || pages > MemoryInstance.MAX_PAGES) {
      throw new IllegalArgumentException(
          "max memory pages must be in [0, " + MemoryInstance.MAX_PAGES + "], got " + pages);
    }
    return new Config(compilationMode, executor, features, maxCallDepth, maxStackSlots, pages,
        tieringThreshold);
  }

  @Override
  public String toString() {
    return "Config[mode=" + compilationMode.cliName() + ", executor="
        + (executor == null ? "(best)" : executor) + ", features=" + features
        + ", maxCallDepth=" + maxCallDepth + ", maxStackSlots=" + maxStackSlots
        + ", maxMemoryPages=" + maxMemoryPages + ", tieringThreshold=" + tieringThreshold + "]";
  }
}
