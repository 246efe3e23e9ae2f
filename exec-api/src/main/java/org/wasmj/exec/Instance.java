package org.wasmj.exec;

import java.util.List;
import java.util.Optional;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.GlobalInstance;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.exec.internal.TableInstance;
import org.wasmj.parser.Export;
import org.wasmj.parser.ValType;

/**
 * An instantiated module in a store: its exports, by name.
 *
 * <pre>{@code
 * Instance instance = linker.instantiate(store, module);
 * TypedFunc run = instance.getTypedFunc("run", List.of(ValType.I32), List.of());
 * Memory memory = instance.getMemory("memory");
 * }</pre>
 *
 * @implNote Not thread-safe: it belongs to its store.
 */
public final class Instance {
  private final Store<?> store;
  private final Module module;
  private final InstanceState state;

  Instance(Store<?> store, Module module, InstanceState state) {
    this.store = store;
    this.module = module;
    this.state = state;
  }

  /** The module this is an instance of. */
  public Module module() {
    return module;
  }

  /** The export named {@code name}, if there is one. */
  public Optional<Extern> getExport(String name) {
    return export(store, state, name);
  }

  /** The exported function {@code name}; throws {@link IllegalArgumentException} if there is none. */
  public Func getFunc(String name) {
    return get(name, Func.class);
  }

  /**
   * The exported function {@code name}, checked to have type {@code params -> results}, for calls
   * without boxing.
   *
   * @throws IllegalArgumentException if there is no such function, it has another type, or it
   *     has a reference parameter (those take {@link Func#call})
   */
  public TypedFunc getTypedFunc(String name, List<ValType> params, List<ValType> results) {
    return new TypedFunc(getFunc(name), params, results);
  }

  /** The exported memory {@code name}. */
  public Memory getMemory(String name) {
    return get(name, Memory.class);
  }

  /** The exported global {@code name}. */
  public Global getGlobal(String name) {
    return get(name, Global.class);
  }

  /** The exported table {@code name}. */
  public Table getTable(String name) {
    return get(name, Table.class);
  }

  private <E extends Extern> E get(String name, Class<E> kind) {
    Extern e = getExport(name).orElseThrow(
        () -> new IllegalArgumentException("no export named '" + name + "'"));
    if (!kind.isInstance(e)) {
      throw new IllegalArgumentException("export '" + name + "' is not a "
          + kind.getSimpleName().toLowerCase());
    }
    return kind.cast(e);
  }

  static Optional<Extern> export(Store<?> store, InstanceState state, String name) {
    for (Export e : state.module.module().exports()) {
      if (e.name().equals(name)) {
        switch (e.kind()) {
          case FUNC: return Optional.of(face(store, state.functions[e.index()]));
          case TABLE: return Optional.of(face(store, state.tables[e.index()]));
          case MEMORY: return Optional.of(face(store, state.memories[e.index()]));
          default: return Optional.of(face(store, state.globals[e.index()]));
        }
      }
    }
    return Optional.empty();
  }

  /** The API face of a runtime entity. */
  static Extern face(Store<?> store, Object entity) {
    if (entity instanceof FunctionInstance) {
      return Func.of(store, (FunctionInstance) entity);
    } else if (entity instanceof MemoryInstance) {
      return new Memory(store, (MemoryInstance) entity);
    } else if (entity instanceof TableInstance) {
      return new Table(store, (TableInstance) entity);
    } else {
      return new Global(store, (GlobalInstance) entity);
    }
  }
}
