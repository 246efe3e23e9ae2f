package org.wasmj.exec;

import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.WasmException;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;

/**
 * Defining host functions by module and name: what {@link Linker} and {@link LinkerBuilder}
 * share. {@code S} is the concrete type, returned for chaining.
 */
public abstract sealed class HostDefinitions<T, S extends HostDefinitions<T, S>>
    permits Linker, LinkerBuilder {

  /** Something a name resolves to when a store instantiates a module. */
  interface Definition<T> {
    /** The runtime entity ({@code FunctionInstance}, {@code TableInstance}...) for {@code store}. */
    Object resolve(Store<T> store);
  }

  /** A host function's body on raw slots. */
  interface RawHost<T> {
    long[] call(Caller<T> caller, long[] args);
  }

  /** A host function definition, made into a function of each store that links it. */
  record HostDef<T>(FuncType type, RawHost<T> body) implements Definition<T> {
    @Override
    public Object resolve(Store<T> store) {
      return create(store);
    }

    FunctionInstance create(Store<T> store) {
      Bridge<T> f = new Bridge<>(store, this);
      store.state().register(f);
      return f;
    }
  }

  /** Runs a host body for the executors: host exceptions become traps. */
  private static final class Bridge<T> extends HostFunction {
    private final Store<T> store;
    private final RawHost<T> body;

    Bridge(Store<T> store, HostDef<T> def) {
      super(def.type(), store.state().types.id(def.type()));
      this.store = store;
      this.body = def.body();
    }

    @Override
    public long[] call(InstanceState caller, long[] args) {
      try {
        return body.call(new Caller<>(store, caller), args);
      } catch (Suspend s) { // in a resumable call: wait for the host, who gives the results
        return Resumption.suspendIn(store.state(), this, s);
      } catch (WasmException | VirtualMachineError | Resumption.Abandoned e) {
        throw e; // the guest's exit or trap; the JVM out of memory or stack: not the guest's
      } catch (Throwable e) { // any other exception or error, checked ones thrown sneakily too
        throw new TrapException(TrapKind.HOST, "host function failed: " + e, e);
      }
    }
  }

  HostDefinitions() {}

  /** Adds a definition; returns {@code this}. */
  abstract S define(String module, String name, Definition<T> definition);

  static <T> HostDef<T> host(FuncType type, RawHost<T> body) {
    if (type == null) {
      throw new IllegalArgumentException("a host function needs a type");
    }
    return new HostDef<>(type, body);
  }

  /** Checks what every definition needs: a module name, a name and a body. */
  private static void check(String module, String name, Object body) {
    if (module == null || name == null) {
      throw new IllegalArgumentException("a definition needs a module name and a name, got "
          + module + "::" + name);
    }
    if (body == null) {
      throw new IllegalArgumentException(module + "::" + name + " needs a body");
    }
  }

  /** A raw body running {@code fn} on {@link Val}s, checking its results against {@code type}. */
  static <T> RawHost<T> untyped(FuncType type, HostFunc<T> fn) {
    return (caller, args) -> {
      Val[] out = fn.call(caller, Val.fromSlots(type.params(), args, caller.store()));
      if (out == null ? type.resultCount() != 0 : out.length != type.resultCount()) {
        int n = out == null ? 0 : out.length;
        throw new IllegalStateException("host function returned " + n
            + (n == 1 ? " value for " : " values for ") + type);
      }
      try {
        return Val.toSlots(type.results(), out == null ? new Val[0] : out, caller.store().state());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("host function result: " + e.getMessage());
      }
    };
  }

  private static FuncType type(HostType<?> result, HostType<?>... params) {
    if (result == null || java.util.Arrays.asList(params).contains(null)) {
      throw new IllegalArgumentException("a host function's parameter and result types must not"
          + " be null (use HostType.VOID for no result)");
    }
    ValType[] p = new ValType[params.length];
    for (int i = 0; i < p.length; i++) {
      if (params[i].type() == null) {
        throw new IllegalArgumentException("VOID is not a parameter type");
      }
      p[i] = params[i].type();
    }
    return FuncType.of(p, result.type() == null ? new ValType[0] : new ValType[] {result.type()});
  }

  /** Defines host function {@code module::name} of {@code type}, with a body on {@link Val}s. */
  public S func(String module, String name, FuncType type, HostFunc<T> fn) {
    check(module, name, fn);
    return define(module, name, host(type, untyped(type, fn)));
  }

  /** Defines a typed host function without parameters. */
  public <R> S funcWrap(String module, String name, HostType<R> result, HostFunc.F0<T, R> fn) {
    check(module, name, fn);
    return define(module, name, host(type(result),
        (c, args) -> result.results(fn.call(c), c.store())));
  }

  /** Defines a typed host function with one parameter. */
  public <A, R> S funcWrap(String module, String name, HostType<A> a, HostType<R> result,
      HostFunc.F1<T, A, R> fn) {
    check(module, name, fn);
    return define(module, name, host(type(result, a), (c, args) -> result.results(
        fn.call(c, a.fromSlots(args, 0, c.store())), c.store())));
  }

  /** Defines a typed host function with two parameters. */
  public <A, B, R> S funcWrap(String module, String name, HostType<A> a, HostType<B> b,
      HostType<R> result, HostFunc.F2<T, A, B, R> fn) {
    check(module, name, fn);
    int atB = a.slots();
    return define(module, name, host(type(result, a, b), (c, args) -> result.results(
        fn.call(c, a.fromSlots(args, 0, c.store()), b.fromSlots(args, atB, c.store())), c.store())));
  }

  /** Defines a typed host function with three parameters. */
  public <A, B, C, R> S funcWrap(String module, String name, HostType<A> a, HostType<B> b,
      HostType<C> cType, HostType<R> result, HostFunc.F3<T, A, B, C, R> fn) {
    check(module, name, fn);
    int atB = a.slots();
    int atC = atB + b.slots();
    return define(module, name, host(type(result, a, b, cType), (c, args) -> result.results(
        fn.call(c, a.fromSlots(args, 0, c.store()), b.fromSlots(args, atB, c.store()),
            cType.fromSlots(args, atC, c.store())), c.store())));
  }

  /** Defines a typed host function with four parameters. */
  public <A, B, C, D, R> S funcWrap(String module, String name, HostType<A> a, HostType<B> b,
      HostType<C> cType, HostType<D> d, HostType<R> result, HostFunc.F4<T, A, B, C, D, R> fn) {
    check(module, name, fn);
    int atB = a.slots();
    int atC = atB + b.slots();
    int atD = atC + cType.slots();
    return define(module, name, host(type(result, a, b, cType, d), (c, args) -> result.results(
        fn.call(c, a.fromSlots(args, 0, c.store()), b.fromSlots(args, atB, c.store()),
            cType.fromSlots(args, atC, c.store()), d.fromSlots(args, atD, c.store())), c.store())));
  }

  static String key(String module, String name) {
    return module + '\u0000' + name;
  }
}
