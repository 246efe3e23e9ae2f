package org.wasmj.exec.internal;

/**
 * Code an executor made for one function (e.g. a generated JVM class), which other executors'
 * frames can call: the interpreter calls it when a callee has it, and a compiled function calls
 * an interpreted one through it. Two entries: {@link #call} with arrays of its own (the host's
 * calls, the rare paths), and {@link #callAt}, which reads and writes the caller's slots in place
 * and allocates nothing, for the calls that cross between executors on every guest call.
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

  /**
   * Runs the function for {@code instance} with its arguments read from {@code slots[base ..]}
   * (one raw slot per parameter, as an interpreter keeps a callee's arguments in its caller's
   * registers) and its results written to {@code slots[base ..]} of the same array (one raw slot
   * per result). The arguments are read before the function runs, so {@code slots} may be a
   * buffer its caller reuses; a nested call that replaces the caller's slot array by a larger one
   * does not change where the results go, the array passed in, from which the caller copies them.
   *
   * @param depth the caller's call depth; a callee runs at {@code depth + 1}
   */
  void callAt(InstanceState instance, long[] slots, int base, int depth);
}
