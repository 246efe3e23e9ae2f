package org.wasmj.exec;

import org.wasmj.exec.internal.StoreResources;
import org.wasmj.exec.internal.StoreState;

/**
 * Holds instances and everything they create (functions, memories, tables, globals), plus a
 * host value of type {@code T} that host functions reach through {@link Caller#data()}.
 *
 * <pre>{@code
 * Store<MyState> store = new Store<>(engine, new MyState());
 * Instance instance = linker.instantiate(store, module);
 * }</pre>
 *
 * <p>Limits: all the memories of a store hold at most {@link Config#maxStoreMemoryBytes()} bytes
 * and all its tables at most {@link Config#maxStoreTableElements()} elements, whatever its
 * modules declare; creating past them fails and growing past them returns -1. A
 * {@link ResourceLimiter} ({@link #setLimiter}; e.g. {@link StoreLimits}) may limit more: the size
 * of each memory and table, and how many instances, memories and tables the store holds.
 *
 * @implNote Not thread-safe: use a store from one thread at a time (any number of stores may
 *     run in parallel, sharing an engine and modules). A call into the store's guest code
 *     ({@link Func#call}, {@link TypedFunc}, {@link Linker#instantiate}) from a second thread
 *     while one runs is detected and throws {@link IllegalStateException} instead of corrupting
 *     the store; a host function calling back into the guest on the same thread is fine. While a
 *     {@link ResumableCall} of the store is suspended, other guest calls throw it too. Other
 *     accesses (memory, tables, globals) are not checked.
 */
public final class Store<T> {
  private final Engine engine;
  private final StoreState state;
  private T data;

  /** A store of {@code engine} holding {@code data}. */
  public Store(Engine engine, T data) {
    this.engine = engine;
    Config c = engine.config();
    this.state = new StoreState(engine.types(), engine.executor(), c.maxCallDepth(),
        c.maxStackSlots(), c.maxMemoryPages(),
        new StoreResources(c.maxStoreMemoryBytes(), c.maxStoreTableElements()), engine.epoch(),
        c.epochInterruption(), c.fuel());
    this.data = data;
  }

  /** A store of {@code engine} without host data. */
  public static Store<Void> of(Engine engine) {
    return new Store<>(engine, null);
  }

  /** The engine. */
  public Engine engine() {
    return engine;
  }

  /** The host data. */
  public T data() {
    return data;
  }

  /** Replaces the host data. */
  public void setData(T data) {
    this.data = data;
  }

  /**
   * Sets the policy asked before this store's memories and tables are created or grow and before
   * each instantiation ({@code null}: none beyond the engine's limits). Memories, tables and
   * instances made before count as well.
   *
   * <pre>{@code
   * store.setLimiter(StoreLimits.defaults().withMemorySize(1 << 20).withInstances(1));
   * }</pre>
   */
  public void setLimiter(ResourceLimiter limiter) {
    state.resources.setLimiter(limiter);
  }

  /** The policy set by {@link #setLimiter}, or {@code null}. */
  public ResourceLimiter limiter() {
    return state.resources.limiter();
  }

  /**
   * Lets guests of this store run until the engine's epoch has advanced {@code ticks} more times
   * ({@link Engine#incrementEpoch}); then they trap {@code interrupt} at their next function entry
   * or loop header, unless a callback ({@link #setEpochDeadlineCallback}) extends the deadline.
   * Until a deadline is set there is none. A store in a call may be given a deadline by a host
   * function or the callback; from another thread, use {@link Engine#incrementEpoch} only.
   *
   * <pre>{@code
   * store.setEpochDeadline(1);                       // stop at the next tick
   * timer.schedule(engine::incrementEpoch, 5, TimeUnit.SECONDS);
   * }</pre>
   *
   * @throws IllegalStateException if the engine's config has no epoch interruption
   *     ({@link Config#withEpochInterruption})
   * @throws IllegalArgumentException if {@code ticks} is negative
   */
  public void setEpochDeadline(long ticks) {
    requireInterruption();
    if (ticks < 0) {
      throw new IllegalArgumentException("epoch deadline ticks must be at least 0, got " + ticks);
    }
    state.setEpochDeadline(ticks);
  }

  /**
   * Sets what happens when the epoch deadline passes: {@code callback} returns how many more
   * ticks the guest may run (it goes on, with that deadline), or a negative number to stop it with
   * the {@code interrupt} trap; an exception it throws is a host trap. {@code null}: stop it.
   *
   * <pre>{@code
   * store.setEpochDeadlineCallback(s -> ++slices < 100 ? 1 : -1);   // 100 ticks, one at a time
   * }</pre>
   *
   * @throws IllegalStateException if the engine's config has no epoch interruption
   */
  public void setEpochDeadlineCallback(EpochDeadlineCallback<T> callback) {
    requireInterruption();
    state.deadlineCallback = callback == null ? null : () -> callback.onDeadline(this);
  }

  /**
   * Sets the fuel this store's guests may consume before they trap {@code all fuel consumed by
   * WebAssembly} (0 at first). The cost model is {@code org.wasmj.ir.Instrumenter}'s: one unit per
   * instruction of wasmj's IR, more for bulk memory and table ops and grows by their size; it is
   * the same on every executor.
   *
   * <pre>{@code
   * store.setFuel(1_000_000);
   * run.call();
   * long used = 1_000_000 - store.fuel();
   * }</pre>
   *
   * @throws IllegalStateException if the engine's config has no fuel ({@link Config#withFuel})
   * @throws IllegalArgumentException if {@code fuel} is negative
   */
  public void setFuel(long fuel) {
    requireFuel();
    if (fuel < 0) {
      throw new IllegalArgumentException("fuel must be at least 0, got " + fuel);
    }
    state.fuel = fuel;
  }

  /**
   * The fuel left ({@link #setFuel}).
   *
   * @throws IllegalStateException if the engine's config has no fuel ({@link Config#withFuel})
   */
  public long fuel() {
    requireFuel();
    return state.fuel;
  }

  private void requireFuel() {
    if (!state.metersFuel) {
      throw new IllegalStateException("fuel needs an engine with Config.withFuel(true)");
    }
  }

  private void requireInterruption() {
    if (!state.interruptible) {
      throw new IllegalStateException(
          "epoch deadlines need an engine with Config.withEpochInterruption(true)");
    }
  }

  StoreState state() {
    return state;
  }
}
