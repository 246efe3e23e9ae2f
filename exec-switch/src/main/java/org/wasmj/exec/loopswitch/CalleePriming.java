package org.wasmj.exec.loopswitch;

import static org.wasmj.exec.internal.MemoryInstance.INT;
import static org.wasmj.exec.internal.MemoryInstance.LONG;
import static org.wasmj.exec.internal.MemoryInstance.SHORT;

import org.wasmj.ir.Semantics;

/**
 * Calls, as real calls, the methods that {@code Interpreter.runInFrame} needs C2 to inline, so
 * that whichever moment C2 compiles it, it inlines them. On JDK 17 C2 leaves a call to a method
 * that has neither compiled code nor more than 250 calls of its own ({@code MinInliningThreshold};
 * on later JDKs a method never called at all), and calls made from C1's code of
 * {@code runInFrame}, which inlines them, count none. Under JMH, MATRIX_MUL's compiled dispatch
 * loop kept a call to {@code Semantics.f32Add} and to the end of the {@code VarHandle}'s
 * {@code int} load chain ({@code Unsafe.getIntUnaligned}) in 3 of 7 JVMs, with every register
 * spilled around them: 136 ms a run against 86 (see RATIONALE.md, session 12); the rotations
 * (9-byte methods, not intrinsics on JDK 17) were calls in most compiles.
 *
 * <p>The calls are made once, by the class's initializer, in the bytecode interpreter (the loop
 * runs far fewer times than HotSpot's compile thresholds for a loop in a method called once);
 * each callee reaches its own thresholds, so it counts as called often and gets compiled code.
 */
final class CalleePriming {
  /** Calls of each method: past 250 and past the 200 that make HotSpot compile it. */
  private static final int CALLS = 1000;

  /** What the calls computed, kept so that none is dead code to anyone. */
  static volatile long sink;

  static {
    byte[] mem = new byte[16];
    long acc = 0;
    for (int i = 0; i < CALLS; i++) {
      int k = i & 7;
      acc += Semantics.f32Add(i, k) + Semantics.f32Sub(i, k) + Semantics.f32Mul(i, k)
          + Semantics.f32Div(i, k | 1);
      acc += Semantics.f64Add(i, k) + Semantics.f64Sub(i, k) + Semantics.f64Mul(i, k)
          + Semantics.f64Div(i, k | 1);
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

  private CalleePriming() {}

  /** Makes sure the calls have been made (once per JVM; later calls do nothing). */
  static void ensure() {}
}
