package org.wasmj.exec;

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
 * @implNote Not thread-safe: use a store from one thread at a time (any number of stores may
 *     run in parallel, sharing an engine and modules).
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
        c.maxStackSlots(), c.maxMemoryPages());
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

  StoreState state() {
    return state;
  }
}
