package org.wasmj.exec.loopswitch;

import static org.wasmj.exec.internal.MemoryInstance.INT;
import static org.wasmj.exec.internal.MemoryInstance.LONG;
import static org.wasmj.exec.internal.MemoryInstance.SHORT;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls, as real calls and on a daemon thread of its own, the methods that
 * {@code Interpreter.runInFrame} needs C2 to inline and that are neither force-inlined nor
 * intrinsics: the end of each {@code VarHandle} access chain
 * ({@code Unsafe.getIntUnaligned(Object, long, boolean)} and its siblings) and the JDK's
 * rotations. On JDK 17 C2 leaves
 * a call to a method that has neither compiled code nor more than 250 calls of its own
 * ({@code MinInliningThreshold}; on later JDKs, one never called at all), and calls from C1's
 * code of {@code runInFrame}, which inlines them, count none. So the memory accesses of an op
 * first run after C1 compiled {@code runInFrame} could stay calls in C2's code for the whole
 * run: MATRIX_MUL's slow JVMs (136 ms a run against 86) called {@code getIntUnaligned} for every
 * {@code f32.load}, with the spills around it (see RATIONALE.md, session 12).
 *
 * <p>The thread starts when the interpreter first prepares a function, long before C2 could
 * compile {@code runInFrame}, and makes 1,800 {@code VarHandle} calls and 1,200 rotations in the
 * bytecode interpreter (a few ms of CPU, not on the guest's way to its first result); the loop
 * runs far fewer times than HotSpot's thresholds for compiling a loop, so they stay real calls,
 * and each callee passes 250 calls of its own, or the 200 that make HotSpot compile it.
 */
final class DispatchPriming {
  /** Calls of each method: past 250, and past the 200 that make HotSpot compile it. */
  private static final int CALLS = 300;

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** What the calls computed, kept so that none is dead code to anyone. */
  static volatile long sink;

  private DispatchPriming() {}

  /** Starts the thread, the first time only. */
  static void start() {
    if (STARTED.get() || STARTED.getAndSet(true)) {
      return;
    }
    try {
      Thread t = new Thread("wasmj-dispatch-priming") { // (a lambda: a bootstrap at start)
        @Override
        public void run() {
          prime();
        }
      };
      t.setDaemon(true);
      t.start();
    } catch (OutOfMemoryError | SecurityException e) { // no thread: C2 may inline less, no more
    }
  }

  /** Calls the ends of the {@code VarHandle} chains and the rotations (on the calling thread). */
  static void prime() {
    byte[] mem = new byte[16];
    long acc = 0;
    for (int i = 0; i < CALLS; i++) {
      int k = i & 7;
      INT.set(mem, k, i);
      acc += (int) INT.get(mem, k);
      LONG.set(mem, k, acc);
      acc += (long) LONG.get(mem, k);
      SHORT.set(mem, k, (short) i);
      acc += (short) SHORT.get(mem, k);
      acc += Integer.rotateLeft(i, k) + Integer.rotateRight(i, k) + Long.rotateLeft(acc, k)
          + Long.rotateRight(acc, k);
    }
    sink = acc;
  }
}
