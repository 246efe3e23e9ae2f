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
 * modules declare; creating past them fails and growing past them returns -1.
 *
 * @implNote Not thread-safe: use a store from one thread at a time (any number of stores may
 *     run in parallel, sharing an engine and modules). A call into the store's guest code
 *     ({@link Func#call}, {@link TypedFunc}, {@link Linker#instantiate}) from a second thread
 *     while one runs is detected and throws {@link IllegalStateException} instead of corrupting
 *     the store; a host function calling back into the guest on the same thread is fine. Other
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
        new StoreResources(c.maxStoreMemoryBytes(), c.maxStoreTableElements()));
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
