package org.wasmj.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.ExecutorProvider;

/**
 * Compiles and runs modules under one {@link Config}, with one executor found through
 * {@link ExecutorProvider} ({@link java.util.ServiceLoader}): the one the config names, else the
 * available one with the highest priority.
 *
 * <pre>{@code
 * Engine engine = new Engine(Config.defaults().withExecutor("switch"));
 * Module module = Module.compile(engine, bytes);
 * }</pre>
 *
 * @implNote Thread-safe; share one engine across threads and stores. {@link #incrementEpoch} may
 *     be called from any thread at any time.
 */
public final class Engine {
  private final Config config;
  private final String executorName;
  private final Executor executor;
  private final TypeRegistry types = new TypeRegistry();
  private final AtomicLong epoch = new AtomicLong();

  /** An engine with the default config. */
  public Engine() {
    this(Config.defaults());
  }

  /**
   * An engine with {@code config}.
   *
   * @throws IllegalArgumentException if the config names an executor that is not available (the
   *     message lists those that are), or none is available at all
   */
  public Engine(Config config) {
    this.config = config;
    ExecutorProvider provider = select(config.executor());
    this.executorName = provider.name();
    this.executor = provider.create(config);
  }

  /** The engine's configuration. */
  public Config config() {
    return config;
  }

  /** The name of the executor this engine runs code with. */
  public String executorName() {
    return executorName;
  }

  /** The names of the executors available, best first. */
  public static List<String> executors() {
    List<String> names = new ArrayList<>(Providers.ALL.size());
    for (ExecutorProvider p : Providers.ALL) {
      names.add(p.name());
    }
    return names;
  }

  /**
   * Advances the engine's epoch by one: a store whose deadline ({@link Store#setEpochDeadline})
   * this reaches stops its guest at the next function entry or loop header, if the engine was
   * configured with {@link Config#withEpochInterruption}. Call it from any thread, e.g. a timer's
   * every 10 ms, to bound how long guests run.
   *
   * <pre>{@code
   * ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
   * timer.scheduleAtFixedRate(engine::incrementEpoch, 10, 10, TimeUnit.MILLISECONDS);
   * }</pre>
   */
  public void incrementEpoch() {
    epoch.incrementAndGet();
    StoreState.epochAdvanced(epoch);
  }

  AtomicLong epoch() {
    return epoch;
  }

  Executor executor() {
    return executor;
  }

  TypeRegistry types() {
    return types;
  }

  private static ExecutorProvider select(String name) {
    if (Providers.ALL.isEmpty()) {
      throw new IllegalArgumentException(
          "no wasmj executor found: put an executor module (e.g. exec-switch) on the module or class path");
    }
    if (name == null) {
      return Providers.ALL.get(0);
    }
    for (ExecutorProvider p : Providers.ALL) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown executor '" + name + "'; available: " + String.join(", ", executors()));
  }

  /**
   * The providers found, loaded once, highest priority first (then by name). Plain loops: this
   * runs at every start, where streams, lambdas and comparators cost milliseconds of class
   * loading and spinning.
   */
  private static final class Providers {
    static final List<ExecutorProvider> ALL = load();

    private static List<ExecutorProvider> load() {
      List<ExecutorProvider> found = new ArrayList<>();
      for (ExecutorProvider p : ServiceLoader.load(ExecutorProvider.class)) {
        insert(found, p);
      }
      if (found.isEmpty()) { // e.g. a thread context class loader that does not see wasmj
        for (ExecutorProvider p
            : ServiceLoader.load(ExecutorProvider.class, Engine.class.getClassLoader())) {
          insert(found, p);
        }
      }
      return List.copyOf(found);
    }

    /** Inserts {@code p} into {@code sorted}, before the first provider it ranks above. */
    private static void insert(List<ExecutorProvider> sorted, ExecutorProvider p) {
      int i = 0;
      while (i < sorted.size() && !ranksAbove(p, sorted.get(i))) {
        i++;
      }
      sorted.add(i, p);
    }

    private static boolean ranksAbove(ExecutorProvider a, ExecutorProvider b) {
      return a.priority() != b.priority() ? a.priority() > b.priority()
          : a.name().compareTo(b.name()) < 0;
    }
  }
}
