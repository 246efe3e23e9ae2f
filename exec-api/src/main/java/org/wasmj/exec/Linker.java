package org.wasmj.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wasmj.UnlinkableException;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.parser.ExternKind;

/**
 * Resolves a module's imports by module and name, and instantiates it. Names resolve to host
 * functions ({@link #func}, {@link #funcWrap}), to things of a store ({@link #define}), or to an
 * instance's exports ({@link #instance}). A linker made by a {@link LinkerBuilder} starts with
 * the builder's host functions and costs almost nothing to create.
 *
 * <pre>{@code
 * Linker<Void> linker = new Linker<>(engine);
 * linker.funcWrap("env", "add", I32, I32, I32, (caller, a, b) -> a + b);
 * Instance instance = linker.instantiate(store, module);
 * }</pre>
 *
 * @implNote Not thread-safe while being defined; afterwards it may be used to instantiate from
 *     several threads (each with its own store).
 */
public final class Linker<T> extends HostDefinitions<T, Linker<T>> {
  private final Engine engine;
  private final Map<String, Definition<T>> shared; // a builder's, never modified
  private final Map<String, Definition<T>> own = new HashMap<>();
  private boolean allowShadowing;

  /** An empty linker. */
  public Linker(Engine engine) {
    this(engine, Map.of());
  }

  Linker(Engine engine, Map<String, Definition<T>> shared) {
    this.engine = engine;
    this.shared = shared;
  }

  /** The engine. */
  public Engine engine() {
    return engine;
  }

  /** Whether a later definition of a name replaces an earlier one (default: it is an error). */
  public Linker<T> allowShadowing(boolean allow) {
    this.allowShadowing = allow;
    return this;
  }

  @Override
  Linker<T> define(String module, String name, Definition<T> definition) {
    checkUndefined(module, name);
    own.put(key(module, name), definition);
    return this;
  }

  private void checkUndefined(String module, String name) {
    String key = key(module, name);
    if (!allowShadowing && (own.containsKey(key) || shared.containsKey(key))) {
      throw new IllegalArgumentException(module + "::" + name + " is already defined");
    }
  }

  /**
   * Defines {@code module::name} as {@code extern}, which belongs to a store: only that store can
   * instantiate with it (another gets {@link IllegalArgumentException}).
   */
  public Linker<T> define(String module, String name, Extern extern) {
    if (module == null || name == null || extern == null) {
      throw new IllegalArgumentException("define needs a module name, a name and an extern");
    }
    Object entity = entity(extern);
    Store<?> owner = owner(extern);
    return define(module, name, store -> {
      if (store != owner) {
        throw new IllegalArgumentException(
            module + "::" + name + " belongs to another store than the one instantiating");
      }
      return entity;
    });
  }

  /**
   * Defines every export of {@code instance} under the module name {@code module}; if one of
   * the names is already defined (and shadowing is not allowed), defines none.
   */
  public Linker<T> instance(String module, Instance instance) {
    for (ExportType e : instance.module().exports()) { // all or nothing
      checkUndefined(module, e.name());
    }
    for (ExportType e : instance.module().exports()) {
      define(module, e.name(), instance.getExport(e.name()).orElseThrow());
    }
    return this;
  }

  /** What {@code module::name} resolves to in {@code store}, if defined. */
  public Optional<Extern> get(Store<T> store, String module, String name) {
    checkEngine(store);
    Definition<T> d = lookup(module, name);
    return d == null ? Optional.empty() : Optional.of(Instance.face(store, d.resolve(store)));
  }

  /**
   * Instantiates {@code module} in {@code store}: resolves every import, initializes tables and
   * memories, and runs the start function.
   *
   * @throws UnlinkableException if an import is missing (the message names it and its type) or
   *     has the wrong type
   * @throws org.wasmj.UninstantiableException if a segment does not fit, a memory or table cannot
   *     be allocated, or the start function traps
   * @throws IllegalArgumentException if the module, the store and this linker are not all of one
   *     engine, or an import resolves to something of another store
   * @throws IllegalStateException if another thread is running guest code of the store
   */
  public Instance instantiate(Store<T> store, Module module) {
    if (module.engine() != store.engine()) {
      throw new IllegalArgumentException("module and store belong to different engines");
    }
    checkEngine(store);
    boolean outermost = store.state().enter(); // resolving adds to the store; start runs guest code
    try {
      List<ImportType> imports = module.imports();
      Object[] resolved = new Object[imports.size()];
      for (int i = 0; i < resolved.length; i++) {
        ImportType imp = imports.get(i);
        Definition<T> d = lookup(imp.module(), imp.name());
        if (d == null) {
          throw new UnlinkableException("unknown import: " + imp.module() + "::" + imp.name()
              + " has not been defined (expected " + (imp.kind() == ExternKind.FUNC ? "func " : "")
              + imp.type() + ")");
        }
        resolved[i] = d.resolve(store);
      }
      return new Instance(store, module,
          InstanceState.instantiate(store.state(), module.code(), resolved));
    } finally {
      if (outermost) {
        store.state().exit();
      }
    }
  }

  private void checkEngine(Store<T> store) {
    if (store.engine() != engine) {
      throw new IllegalArgumentException("linker and store belong to different engines");
    }
  }

  private Definition<T> lookup(String module, String name) {
    String key = key(module, name);
    Definition<T> d = own.get(key);
    return d != null ? d : shared.get(key);
  }

  private static Store<?> owner(Extern e) {
    if (e instanceof Func) {
      return ((Func) e).store();
    } else if (e instanceof Memory) {
      return ((Memory) e).store();
    } else if (e instanceof Table) {
      return ((Table) e).store();
    } else {
      return ((Global) e).store();
    }
  }

  private static Object entity(Extern e) {
    if (e instanceof Func) {
      return ((Func) e).instance();
    } else if (e instanceof Memory) {
      return ((Memory) e).instance();
    } else if (e instanceof Table) {
      return ((Table) e).instance();
    } else {
      return ((Global) e).instance();
    }
  }
}
