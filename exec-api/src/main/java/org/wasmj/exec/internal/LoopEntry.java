package org.wasmj.exec.internal;

/**
 * Compiled code of one function that an interpreter frame can jump into at a loop header
 * (on-stack replacement): a function stuck in a long loop moves to compiled code without waiting
 * for its next call. The frame's registers become the compiled code's locals; it runs the rest of
 * the function and returns its results.
 *
 * @implNote Implementations are stateless and thread-safe, like {@link NativeCode}.
 */
public interface LoopEntry {
  /**
   * Runs defined function's code from the loop header at IR index {@code pc}, with its registers
   * in {@code frame[fp ..]} (as the interpreter keeps them), until the function returns.
   *
   * @param budget calls the function may still nest ({@code maxCallDepth} minus the frame's depth)
   * @return one raw slot per result; or null, having done nothing, if it declines to run from this
   *     header now (the interpreter goes on, and asks again at its next loop header)
   */
  long[] enter(long[] frame, int fp, InstanceState instance, int budget, int pc);
}
