package org.wasmj.exec.loopswitch;

import static org.wasmj.exec.internal.MemoryInstance.INT;
import static org.wasmj.exec.internal.MemoryInstance.LONG;
import static org.wasmj.exec.internal.MemoryInstance.SHORT;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives C2 what it needs to compile {@code Interpreter.runInFrame} well the first time, whenever
 * that is: two things that depend on what the guest happened to run before, done on a daemon
 * thread of their own from the moment the interpreter first prepares a function.
 *
 * <p>Its callees' call counts. C2 inlines nothing in {@code runInFrame} but force-inlined methods
 * and intrinsics, and the end of each {@code VarHandle} access chain
 * ({@code Unsafe.getIntUnaligned(Object, long, boolean)} and its siblings), which is neither: on
 * JDK 17 C2 leaves a call to a method that has neither compiled code nor more than 250 calls of
 * its own ({@code MinInliningThreshold}; on later JDKs, one never called at all), and calls from
 * C1's code of {@code runInFrame}, which inlines them, count none. So the memory accesses of an
 * op first run after C1 compiled {@code runInFrame} could stay calls in C2's code: MATRIX_MUL's
 * slow JVMs (136 ms a run against 86) called {@code getIntUnaligned} for every {@code f32.load},
 * with the spills around it (see RATIONALE.md, session 12). {@link #prime} makes 1,800
 * {@code VarHandle} calls in the bytecode interpreter (2-5 ms of CPU, not on the guest's thread):
 * each callee passes 250 calls of its own, or the 200 that make HotSpot compile it.
 *
 * <p>The profile of every case. C2's first compile of {@code runInFrame} came, in half the JVMs,
 * before the guest's first {@link Interpreter#warmUp} (which runs every case once), from a
 * profile of a few dozen cases: some 220 branches compiled as traps, the first new op threw the
 * code away, and the guest ran C1's code until C2 had compiled it again, seconds on a loaded
 * machine. So the thread also runs the warm-up every {@link #WARM_UP_MILLIS} ms for the first
 * {@link #WARM_UP_RUNS} periods (a few hundred ops each, on a scratch frame), so that whenever
 * C1's profiling code of {@code runInFrame} exists, every case is soon in its profile.
 */
final class DispatchPriming {
  /** Calls of each method: past 250, and past the 200 that make HotSpot compile it. */
  private static final int CALLS = 300;

  /** The warm-up's period on the thread, and how many periods it runs (3 s in all). */
  private static final int WARM_UP_MILLIS = 20;
  private static final int WARM_UP_RUNS = 150;

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
      Thread t = new Thread("wasmj-dispatch-priming") { // (a lambda would cost a bootstrap at start)
        @Override
        public void run() {
          prime();
          try {
            for (int i = 0; i < WARM_UP_RUNS; i++) {
              Interpreter.warmUp();
              Thread.sleep(WARM_UP_MILLIS);
            }
          } catch (InterruptedException e) { // only a profile less complete
            Thread.currentThread().interrupt();
          }
        }
      };
      t.setDaemon(true);
      t.start();
    } catch (OutOfMemoryError | SecurityException e) { // no thread: C2 may inline less, no more
    }
  }

  /** Calls the ends of the {@code VarHandle} chains (on the calling thread). */
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
    }
    sink = acc;
  }
}
