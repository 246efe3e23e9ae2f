package org.wasmj.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * Host functions defined once, from which new {@link Linker}s are made cheaply: a linker made by
 * {@link #linker} shares the builder's definitions instead of defining them again (as Wasmi's
 * {@code LinkerBuilder}). Useful when a server makes a linker per request.
 *
 * <pre>{@code
 * LinkerBuilder<Ctx> builder = LinkerBuilder.<Ctx>create()
 *     .funcWrap("env", "add", I32, I32, I32, (caller, a, b) -> a + b);
 * Linker<Ctx> linker = builder.linker(engine); // per request
 * }</pre>
 *
 * @implNote Definitions may be added until the first {@link #linker} call, which freezes the
 *     builder; after that it is immutable and thread-safe.
 */
public final class LinkerBuilder<T> extends HostDefinitions<T, LinkerBuilder<T>> {
  private final Map<String, Definition<T>> definitions = new HashMap<>();
  private volatile Map<String, Definition<T>> frozen;

  private LinkerBuilder() {}

  /** An empty builder. */
  public static <T> LinkerBuilder<T> create() {
    return new LinkerBuilder<>();
  }

  @Override
  synchronized LinkerBuilder<T> define(String module, String name, Definition<T> definition) {
    if (frozen != null) {
      throw new IllegalStateException("the builder has made linkers; it can no longer change");
    }
    if (definitions.putIfAbsent(key(module, name), definition) != null) {
      throw new IllegalArgumentException(module + "::" + name + " is already defined");
    }
    return this;
  }

  /** A new linker for {@code engine} with the builder's host functions. */
  public Linker<T> linker(Engine engine) {
    Map<String, Definition<T>> f = frozen;
    if (f == null) {
      synchronized (this) {
        if (frozen == null) {
          frozen = Map.copyOf(definitions);
        }
        f = frozen;
      }
    }
    return new Linker<>(engine, f);
  }
}
