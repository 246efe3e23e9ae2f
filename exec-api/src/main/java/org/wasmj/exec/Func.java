package org.wasmj.exec;

import org.wasmj.ExhaustionException;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;

/**
 * A function of a store: exported by an instance, or a host function. Calls take and return
 * {@link Val}s; {@link TypedFunc} calls without them.
 *
 * <pre>{@code
 * Func add = instance.getFunc("add");
 * int sum = add.call(Val.i32(2), Val.i32(3))[0].i32();
 * }</pre>
 *
 * @implNote Not thread-safe: it belongs to its store.
 */
public final class Func implements Extern {
  private final Store<?> store;
  private final FunctionInstance instance;

  private Func(Store<?> store, FunctionInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** The face of {@code f}, one per function. */
  static Func of(Store<?> store, FunctionInstance f) {
    Object face = f.face;
    if (face == null) {
      face = new Func(store, f);
      f.face = face;
    }
    return (Func) face;
  }

  /** A host function in {@code store}, not yet exported to anyone: for tables, globals or {@link Linker#define}. */
  public static <T> Func wrap(Store<T> store, FuncType type, HostFunc<T> fn) {
    if (store == null || fn == null) {
      throw new IllegalArgumentException("a host function needs a store and a body");
    }
    return of(store, HostDefinitions.host(type, HostDefinitions.untyped(type, fn)).create(store));
  }

  /** The function's type. */
  public FuncType type() {
    return instance.type;
  }

  /**
   * Calls the function.
   *
   * @throws IllegalArgumentException if the arguments do not match the parameter types
   * @throws org.wasmj.TrapException if the guest traps
   * @throws org.wasmj.ExhaustionException if the call stack is exhausted
   * @throws IllegalStateException if another thread is running guest code of this store
   */
  public Val[] call(Val... args) {
    long[] results = invoke(store.state(), instance, argSlots(args));
    return Val.fromSlots(instance.type.results(), results, store);
  }

  /** {@code args} as raw slots, checked against the parameter types. */
  private long[] argSlots(Val[] args) {
    FuncType t = instance.type;
    if (args.length != t.paramCount()) {
      throw new IllegalArgumentException("expected " + t.paramCount()
          + (t.paramCount() == 1 ? " argument for " : " arguments for ") + t + ", got "
          + args.length);
    }
    return Val.toSlots(t.params(), args, store.state());
  }

  /**
   * Calls the function so that it may suspend and be resumed later: when a host function it
   * calls throws {@link Suspend}, or the store's fuel runs out, this returns a suspended
   * {@link ResumableCall}; else a finished one, with the results. See {@link ResumableCall} for
   * how it runs and what the store may do meanwhile.
   *
   * <pre>{@code
   * ResumableCall call = instance.getFunc("main").callResumable();
   * while (call.isSuspended()) {
   *   call.resume(Val.i32(answer(call.suspension().payload())));
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if the arguments do not match the parameter types
   * @throws org.wasmj.TrapException if the guest traps before it suspends (and so on, as
   *     {@link #call})
   * @throws IllegalStateException if another thread is running guest code of this store, a
   *     resumable call of it is suspended, or this is called from a host function
   */
  public ResumableCall callResumable(Val... args) {
    return ResumableCall.start(this, argSlots(args));
  }

  /**
   * Runs {@code f} with raw slots, on the executor or as a host call, on this thread as the
   * store's only one (see {@link StoreState#enter}).
   */
  static long[] invoke(StoreState s, FunctionInstance f, long[] args) {
    boolean outermost = s.enter();
    try {
      if (outermost) { // no guest frame runs: externref ids nothing holds may go (args kept)
        s.externs.collect(args);
      }
      if (f instanceof WasmFunction) {
        long[] results = new long[f.type.resultSlotCount()];
        s.executor.invoke((WasmFunction) f, args, results);
        return results;
      }
      return ((HostFunction) f).call(null, args);
    } catch (StackOverflowError e) { // host and guest calling each other too deep
      throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
    } finally {
      if (outermost) {
        s.exit();
      }
    }
  }

  /** Raw call used by {@link TypedFunc}: checks the arity only. */
  long[] callRaw(long[] args) {
    return invoke(store.state(), instance, checkedSlots(args));
  }

  /** {@code args}, raw slots, once their number is checked. */
  long[] checkedSlots(long[] args) {
    if (args.length != instance.type.paramSlotCount()) {
      int n = instance.type.paramSlotCount();
      throw new IllegalArgumentException("expected " + n
          + (n == 1 ? " argument for " : " arguments for ") + instance.type + ", got "
          + args.length);
    }
    return args;
  }

  /** True if this function's type is {@code params -> results}. */
  boolean hasType(ValType[] params, ValType[] results) {
    return instance.type.equals(FuncType.of(params, results));
  }

  FunctionInstance instance() {
    return instance;
  }

  Store<?> store() {
    return store;
  }

  @Override
  public String toString() {
    return instance instanceof WasmFunction
        ? "func " + ((WasmFunction) instance).name() + " " + instance.type
        : "host func " + instance.type;
  }
}
