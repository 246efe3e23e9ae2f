package org.wasmj.exec;

/**
 * A host function's body, taking and returning {@link Val}s. The nested {@code F0}…{@code F4}
 * are the typed bodies {@link Linker#funcWrap} takes: Java values in, a Java value out, the
 * types given by {@link HostType}s.
 *
 * <pre>{@code
 * linker.func("env", "log", FuncType.of(new ValType[] {ValType.I32}, new ValType[0]),
 *     (caller, args) -> { System.out.println(args[0].i32()); return new Val[0]; });
 * linker.funcWrap("env", "add", I32, I32, I32, (caller, a, b) -> a + b);
 * }</pre>
 *
 * <p>A host function that throws a {@link org.wasmj.WasmException} (e.g. an
 * {@link org.wasmj.ExitException}) passes it through, and so does a {@link VirtualMachineError}
 * (the JVM out of memory or stack is the host's problem, not the guest's). Anything else it
 * throws, an unchecked or (sneakily thrown) checked exception or any other {@link Error}, becomes
 * a trap of kind {@link org.wasmj.TrapKind#HOST} with the throwable as its cause, so the guest's
 * caller sees one {@link org.wasmj.TrapException} and the store stays usable. In a resumable
 * call ({@link Func#callResumable}), throwing {@link Suspend} suspends the call instead.
 */
@FunctionalInterface
public interface HostFunc<T> {
  /** Runs the function with its arguments; returns one value per result. */
  Val[] call(Caller<T> caller, Val... args);

  /** A typed body without parameters. */
  @FunctionalInterface
  interface F0<T, R> {
    /** Runs the function. */
    R call(Caller<T> caller);
  }

  /** A typed body with one parameter. */
  @FunctionalInterface
  interface F1<T, A, R> {
    /** Runs the function. */
    R call(Caller<T> caller, A a);
  }

  /** A typed body with two parameters. */
  @FunctionalInterface
  interface F2<T, A, B, R> {
    /** Runs the function. */
    R call(Caller<T> caller, A a, B b);
  }

  /** A typed body with three parameters. */
  @FunctionalInterface
  interface F3<T, A, B, C, R> {
    /** Runs the function. */
    R call(Caller<T> caller, A a, B b, C c);
  }

  /** A typed body with four parameters. */
  @FunctionalInterface
  interface F4<T, A, B, C, D, R> {
    /** Runs the function. */
    R call(Caller<T> caller, A a, B b, C c, D d);
  }
}
