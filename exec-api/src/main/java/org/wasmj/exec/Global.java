package org.wasmj.exec;

import org.wasmj.exec.internal.GlobalInstance;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.ValType;

/**
 * A global variable, as the host sees it.
 *
 * <pre>{@code
 * Global counter = Global.create(store, new GlobalType(ValType.I32, true), Val.i32(0));
 * linker.define("env", "counter", counter);
 * }</pre>
 *
 * @implNote Not thread-safe; a global belongs to one store.
 */
public final class Global implements Extern {
  private final Store<?> store;
  private final GlobalInstance instance;

  Global(Store<?> store, GlobalInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** A new global of {@code type} in {@code store} holding {@code value}. */
  public static Global create(Store<?> store, GlobalType type, Val value) {
    check(type, value);
    GlobalInstance g = new GlobalInstance(type, value.toSlot(store.state()));
    g.high = value.high();
    return new Global(store, g);
  }

  /** The declared type. */
  public GlobalType type() {
    return instance.type;
  }

  /** The current value. */
  public Val get() {
    if (instance.type.valueType() == ValType.V128) {
      return Val.v128(instance.value, instance.high);
    }
    return Val.fromSlot(instance.type.valueType(), instance.value, store);
  }

  /** Sets the value of a mutable global. */
  public void set(Val value) {
    if (!instance.type.mutable()) {
      throw new IllegalStateException("the global is immutable");
    }
    check(instance.type, value);
    instance.value = value.toSlot(store.state());
    instance.high = value.high();
  }

  GlobalInstance instance() {
    return instance;
  }

  Store<?> store() {
    return store;
  }

  private static void check(GlobalType type, Val v) {
    if (v.type() != type.valueType()) {
      throw new IllegalArgumentException(v.type() + " does not fit a global of " + type.valueType());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Global && ((Global) o).instance == instance;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(instance);
  }
}
