package org.wasmj.exec.internal;

/**
 * Compiled code of some loop nests of one function, which an interpreter frame runs from a loop
 * header and which gives the frame back where control leaves the nest: a huge function that
 * tiering does not compile whole still runs its hot loops compiled.
 *
 * @implNote Implementations are stateless and thread-safe, like {@link NativeCode}.
 */
public interface LoopRegion {
  /**
   * Runs the nest holding the loop header at IR index {@code pc} with the frame's registers in
   * {@code frame[fp ..]} (as the interpreter keeps them) and writes them back there; the
   * interpreter goes on at the pc returned, where control left the nest (a branch out, or a
   * return, which the interpreter then runs). Returns -1, having run nothing, if no nest of it
   * holds {@code pc}.
   *
   * @param budget calls the function may still nest ({@code maxCallDepth} minus the frame's depth)
   */
  int run(long[] frame, int fp, InstanceState instance, int budget, int pc);
}
