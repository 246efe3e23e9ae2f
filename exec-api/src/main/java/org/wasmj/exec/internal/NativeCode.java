package org.wasmj.exec.internal;

/**
 * Code an executor made for one function (e.g. a generated JVM class), which other executors'
 * frames can call: the interpreter calls it when a callee has it, and a compiled function calls
 * an interpreted one through it.
 *
 * @implNote Implementations are stateless and thread-safe; the instance and the call depth are
 *     passed in.
 */
public interface NativeCode {
  /**
   * Runs the function for {@code instance}.
   *
   * @param args one raw slot per parameter
   * @param depth the caller's call depth; a callee runs at {@code depth + 1}
   * @return one raw slot per result
   */
  long[] call(InstanceState instance, long[] args, int depth);
}
