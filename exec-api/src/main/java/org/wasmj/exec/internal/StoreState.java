package org.wasmj.exec.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.spi.Executor;

/**
 * What a store holds at run time for its instances: the functions it knows, by reference id
 * (the values {@code funcref}s and tables hold), host objects passed as {@code externref}, and
 * the executor's per-store state (e.g. the interpreter's stack).
 *
 * @implNote Not thread-safe: a store is used by one thread at a time.
 */
public final class StoreState {
  /** The engine's function-type ids. */
  public final TypeRegistry types;
  /** The engine's executor. */
  public final Executor executor;
  /** Most nested calls a guest may make before {@code call stack exhausted}. */
  public final int maxCallDepth;
  /** Most 64-bit value slots an executor's stack may hold before {@code call stack exhausted}. */
  public final int maxStackSlots;
  /** Most pages a memory of this store may have. */
  public final int maxMemoryPages;
  /** The executor's state for this store, created and owned by the executor. */
  public Object executorState;
  /**
   * The call depth of the guest frame that called the host function now running (0 when no guest
   * runs): a guest call the host makes starts there, so that {@link #maxCallDepth} bounds
   * guest-host-guest recursion too. Executors set it around host calls.
   */
  public int hostCallDepth;

  private FunctionInstance[] functions = new FunctionInstance[16];
  private int functionCount;
  private final List<Object> externs = new ArrayList<>();
  private final Map<Object, Integer> externIds = new IdentityHashMap<>();

  /** A store's runtime state. */
  public StoreState(TypeRegistry types, Executor executor, int maxCallDepth, int maxStackSlots,
      int maxMemoryPages) {
    this.types = types;
    this.executor = executor;
    this.maxCallDepth = maxCallDepth;
    this.maxStackSlots = maxStackSlots;
    this.maxMemoryPages = maxMemoryPages;
  }

  /** Gives {@code f} its reference id in this store. */
  public void register(FunctionInstance f) {
    if (functionCount == functions.length) {
      functions = Arrays.copyOf(functions, functionCount * 2);
    }
    functions[functionCount++] = f;
    f.ref = functionCount;
  }

  /**
   * The function with reference id {@code ref} (not 0); traps {@code invalid reference} if there
   * is none (a number taken for a reference by code compiled unchecked).
   */
  public FunctionInstance function(long ref) {
    if (ref < 1 || ref > functionCount) {
      throw new TrapException(TrapKind.INVALID_REFERENCE);
    }
    return functions[(int) ref - 1];
  }

  /** The reference id of host object {@code o} as an {@code externref} (0 for null). */
  public long externRef(Object o) {
    if (o == null) {
      return 0;
    }
    Integer id = externIds.get(o);
    if (id == null) {
      externs.add(o);
      id = externs.size();
      externIds.put(o, id);
    }
    return id;
  }

  /**
   * The host object behind {@code externref} id {@code ref}, or {@code null}; traps
   * {@code invalid reference} if there is none (see {@link #function}).
   */
  public Object extern(long ref) {
    if (ref == 0) {
      return null;
    }
    if (ref < 0 || ref > externs.size()) {
      throw new TrapException(TrapKind.INVALID_REFERENCE);
    }
    return externs.get((int) ref - 1);
  }
}
