package org.wasmj.exec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.wasmj.Feature;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.exec.internal.TableInstance;

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
 * <p>Defaults: {@link CompilationMode#LAZY_TRANSLATION}; the best executor available (the
 * {@code tiered} executor when present); features
 * {@link #DEFAULT_FEATURES}; 20,000 nested calls; 8 Mi value-stack slots (64 MiB, allocated as
 * needed); memories of at most {@value MemoryInstance#MAX_PAGES} pages (2 GiB), and 2 GiB for all
 * the memories of a store together; 10 million table elements for all the tables of a store; the
 * {@code tiered} executor compiles a function after 1,000 calls and loop iterations, and 999 more
 * per 100 bytes of its body (more once many of its module's functions are compiled), on one
 * background thread.
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

  /** The default of {@link #maxStoreMemoryBytes()}: 2 GiB, as much as one memory can hold. */
  public static final long DEFAULT_MAX_STORE_MEMORY_BYTES = 1L << 31;

  /** The default of {@link #maxStoreTableElements()}: 10 million (80 MB of references). */
  public static final long DEFAULT_MAX_STORE_TABLE_ELEMENTS = TableInstance.MAX_ELEMENTS;

  private static final Config DEFAULTS = new Config();

  // Fields are set only by the constructors and on the fresh copy a withX returns.
  private CompilationMode compilationMode = CompilationMode.LAZY_TRANSLATION;
  private String executor;
  private Set<Feature> features = DEFAULT_FEATURES;
  private int maxCallDepth = 20_000;
  private int maxStackSlots = 8 << 20;
  private int maxMemoryPages = MemoryInstance.MAX_PAGES;
  private int tieringThreshold = 1000;
  private int compilerThreads = 1;
  private long maxStoreMemoryBytes = DEFAULT_MAX_STORE_MEMORY_BYTES;
  private long maxStoreTableElements = DEFAULT_MAX_STORE_TABLE_ELEMENTS;
  private boolean epochInterruption;
  private boolean fuel;

  private Config() {}

  /** A copy of {@code c}, to be changed before it is returned. */
  private Config(Config c) {
    this.compilationMode = c.compilationMode;
    this.executor = c.executor;
    this.features = c.features;
    this.maxCallDepth = c.maxCallDepth;
    this.maxStackSlots = c.maxStackSlots;
    this.maxMemoryPages = c.maxMemoryPages;
    this.tieringThreshold = c.tieringThreshold;
    this.compilerThreads = c.compilerThreads;
    this.maxStoreMemoryBytes = c.maxStoreMemoryBytes;
    this.maxStoreTableElements = c.maxStoreTableElements;
    this.epochInterruption = c.epochInterruption;
    this.fuel = c.fuel;
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

  /**
   * Most nested calls before a guest traps with {@code call stack exhausted}, on every executor,
   * for calls from a thread with at least 512 KiB of stack (the JVM's default is 1 MiB); fewer if
   * a function's frames are so large that the value stack ({@link #maxStackSlots()}) or a thread
   * stack runs out first.
   */
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
   * Calls plus loop iterations after which the {@code tiered} executor compiles a small function
   * that has been running in its interpreter; a bigger one takes {@code n - 1} more per 100 bytes
   * of its body (compiling it costs more), so {@code n = 1} compiles every function at its first
   * call. A module of more than 8,192 defined functions uses {@code 2n}, of more than 16,384
   * {@code 3n}, and so on (more functions cross any threshold, HotSpot does not compile faster),
   * and once a module has many functions compiled, the executor asks more of the next ones (a
   * budget); {@code n = 1} is exempt from both.
   */
  public int tieringThreshold() {
    return tieringThreshold;
  }

  /** A copy in which the {@code tiered} executor compiles a function after {@code n} calls and loop iterations (at least 1). */
  public Config withTieringThreshold(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("tiering threshold must be at least 1, got " + n);
    }
    Config c = new Config(this);
    c.tieringThreshold = n;
    return c;
  }

  /**
   * Threads that generate code in the background for the {@code tiered} executor; 0 generates a
   * hot function's code on the guest's thread, before the call goes on (deterministic, but the
   * guest waits).
   */
  public int compilerThreads() {
    return compilerThreads;
  }

  /** A copy whose {@code tiered} executor generates code on {@code n} background threads (0 to 64). */
  public Config withCompilerThreads(int n) {
    if (n < 0 || n > 64) {
      throw new IllegalArgumentException("compiler threads must be in [0, 64], got " + n);
    }
    Config c = new Config(this);
    c.compilerThreads = n;
    return c;
  }

  /** A copy with {@code mode}. */
  public Config withCompilationMode(CompilationMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("compilation mode must not be null");
    }
    Config c = new Config(this);
    c.compilationMode = mode;
    return c;
  }

  /** A copy using the executor named {@code name} ({@code null}: the best available). */
  public Config withExecutor(String name) {
    Config c = new Config(this);
    c.executor = name;
    return c;
  }

  /** A copy with exactly {@code enabled} features. */
  public Config withFeatures(Set<Feature> enabled) {
    if (enabled == null || enabled.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("features must not be or contain null: " + enabled);
    }
    Set<Feature> copy = enabled.isEmpty()
        ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(enabled));
    Config c = new Config(this);
    c.features = copy;
    return c;
  }

  /** A copy allowing {@code depth} nested calls (at least 1). */
  public Config withMaxCallDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("max call depth must be at least 1, got " + depth);
    }
    Config c = new Config(this);
    c.maxCallDepth = depth;
    return c;
  }

  /** A copy whose value stack may hold {@code slots} 64-bit values (at least 1,024). */
  public Config withMaxStackSlots(int slots) {
    if (slots < 1024) {
      throw new IllegalArgumentException("max stack slots must be at least 1024, got " + slots);
    }
    Config c = new Config(this);
    c.maxStackSlots = slots;
    return c;
  }

  /** A copy capping every memory at {@code pages} (0 to {@value MemoryInstance#MAX_PAGES}). */
  public Config withMaxMemoryPages(int pages) {
    if (pages < 0 || pages > MemoryInstance.MAX_PAGES) {
      throw new IllegalArgumentException(
          "max memory pages must be in [0, " + MemoryInstance.MAX_PAGES + "], got " + pages);
    }
    Config c = new Config(this);
    c.maxMemoryPages = pages;
    return c;
  }

  /**
   * Most bytes all the linear memories of one store may hold together: creating a memory past it
   * fails ({@code UninstantiableException} from instantiation, {@link IllegalArgumentException}
   * from {@link Memory#create}) and {@code memory.grow} past it returns -1. With several memories
   * per module, {@link #maxMemoryPages()} alone would allow that many times as much.
   */
  public long maxStoreMemoryBytes() {
    return maxStoreMemoryBytes;
  }

  /** Most elements all the tables of one store may hold together (see maxStoreMemoryBytes). */
  public long maxStoreTableElements() {
    return maxStoreTableElements;
  }

  /**
   * A copy in which the memories of one store hold at most {@code bytes} together (0 or more;
   * {@link Long#MAX_VALUE}: no limit beyond {@link #maxMemoryPages()} per memory).
   */
  public Config withMaxStoreMemoryBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("max store memory bytes must be at least 0, got " + bytes);
    }
    Config c = new Config(this);
    c.maxStoreMemoryBytes = bytes;
    return c;
  }

  /**
   * A copy in which the tables of one store hold at most {@code elements} together (0 or more;
   * {@link Long#MAX_VALUE}: no limit beyond the 10 million each table may have).
   */
  public Config withMaxStoreTableElements(long elements) {
    if (elements < 0) {
      throw new IllegalArgumentException(
          "max store table elements must be at least 0, got " + elements);
    }
    Config c = new Config(this);
    c.maxStoreTableElements = elements;
    return c;
  }

  /**
   * Whether guests can be interrupted: code checks at every function entry and loop header
   * whether the store's epoch deadline has passed ({@link Store#setEpochDeadline},
   * {@link Engine#incrementEpoch}) or the thread running it was interrupted
   * ({@link Thread#interrupt}; an interrupt from another thread may be seen a few milliseconds
   * late), and traps {@code interrupt} if so. Off by default: the checks cost a few percent of
   * speed (generated code compiles them away while no stop was requested for a second; a request
   * makes the JVM deoptimize that code, so a deadline callback that lets the guest go on costs a
   * recompilation at most about once a second).
   */
  public boolean epochInterruption() {
    return epochInterruption;
  }

  /** A copy with interruption checks on or off (see {@link #epochInterruption()}). */
  public Config withEpochInterruption(boolean on) {
    Config c = new Config(this);
    c.epochInterruption = on;
    return c;
  }

  /**
   * Whether guests consume fuel: each store holds an amount ({@link Store#setFuel}, 0 at first),
   * which the code it runs consumes by a fixed cost model (see {@code org.wasmj.ir.Instrumenter}),
   * identically on every executor; a guest that needs more than is left traps
   * {@code all fuel consumed by WebAssembly}. Off by default: metering costs speed, and with it
   * off no metering code is generated or run.
   */
  public boolean fuel() {
    return fuel;
  }

  /** A copy with fuel metering on or off (see {@link #fuel()}). */
  public Config withFuel(boolean on) {
    Config c = new Config(this);
    c.fuel = on;
    return c;
  }

  @Override
  public String toString() {
    return "Config[mode=" + compilationMode.cliName() + ", executor="
        + (executor == null ? "(best)" : executor) + ", features=" + features
        + ", maxCallDepth=" + maxCallDepth + ", maxStackSlots=" + maxStackSlots
        + ", maxMemoryPages=" + maxMemoryPages + ", tieringThreshold=" + tieringThreshold
        + ", compilerThreads=" + compilerThreads
        + ", maxStoreMemoryBytes=" + maxStoreMemoryBytes
        + ", maxStoreTableElements=" + maxStoreTableElements
        + ", epochInterruption=" + epochInterruption + ", fuel=" + fuel + "]";
  }
}
