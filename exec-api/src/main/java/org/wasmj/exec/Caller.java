package org.wasmj.exec;

import java.util.Optional;
import org.wasmj.exec.internal.InstanceState;

/**
 * What a host function knows of its call: the store's host data, and the exports of the
 * instance that called it (e.g. its memory, to read a string the guest passed).
 *
 * <pre>{@code
 * linker.funcWrap("env", "print", I32, I32, VOID, (caller, ptr, len) -> {
 *   byte[] text = caller.memory().read(ptr, len);
 *   caller.data().out.print(new String(text, UTF_8));
 *   return null;
 * });
 * }</pre>
 *
 * @implNote Valid only during the host call it was passed to.
 */
public final class Caller<T> {
  private final Store<T> store;
  private final InstanceState instance;

  Caller(Store<T> store, InstanceState instance) {
    this.store = store;
    this.instance = instance;
  }

  /** The store's host data. */
  public T data() {
    return store.data();
  }

  /** The store. */
  public Store<T> store() {
    return store;
  }

  /** The calling instance's export {@code name}, if the caller is an instance and has one. */
  public Optional<Extern> getExport(String name) {
    return instance == null ? Optional.empty() : Instance.export(store, instance, name);
  }

  /** The calling instance's memory 0 (exported or not); throws if it has none. */
  public Memory memory() {
    if (instance == null || instance.memory0 == null) {
      throw new IllegalStateException("the caller has no memory");
    }
    return new Memory(store, instance.memory0);
  }
}
