package org.wasmj.exec.internal;

/**
 * A tiering executor's hook, called by the interpreter when a function's
 * {@link FunctionCode#countdown} runs out: on a call, or at a loop header ({@code COUNT_LOOP}).
 * The executor decides what to compile; the interpreter goes on meanwhile. It also hears of each
 * function's first call ({@link FunctionCode#FIRST_CALL}), and sets its countdown then.
 *
 * @implNote Called on guest threads, concurrently for functions of shared modules; it must not
 *     block on code generation. It resets the countdown to when it wants to hear again.
 */
@FunctionalInterface
public interface Tiering {
  /**
   * Function {@code f} is hot, or called for the first time; {@code inLoop} if an interpreter
   * frame is at one of its loop headers now (and would enter {@link FunctionCode#loopEntry} once
   * there is one).
   */
  void hot(FunctionCode f, boolean inLoop);
}
