package org.wasmj.exec.asm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmj.ExhaustionException;
import org.wasmj.exec.asm.rt.DeepStacks;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.NativeCode;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.exec.loopswitch.Interpreter;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.GuestFunction;
import org.wasmj.exec.spi.GuestModule;

/**
 * Runs generated code, and the interpreter for what is not (yet) compiled. As {@code asm} it
 * compiles every function it can, eagerly or on first call; as {@code tiered} it starts every
 * function in the interpreter and compiles it after {@code threshold} calls and loop iterations,
 * swapping the compiled code in for later calls.
 *
 * @implNote Thread-safe and stateless; per-module state is in {@link AsmModule}.
 */
final class AsmExecutor implements Executor {
  /*
   * JDK classes that the interpreter and Semantics (which the interpreter and the generated code
   * inline) call on some paths only, resolved here once through their class loader. C2 compiles a
   * call into a class that the caller's loader has not resolved yet as a trap ("unloaded"), and
   * the first such call throws the whole compiled method away: on Yosys the interpreter's dispatch
   * method was recompiled after its first Long.rotateLeft, its method for the rarer ops after its
   * first Double conversion, each after seconds in C1 code. On JDK 17 this counts for classes of
   * other jars only when no security manager is allowed (the launcher's
   * -Djava.security.manager=disallow, the default from JDK 18). See RATIONALE.md, "Tiering never
   * makes the guest wait".
   */
  static {
    ClassLoader loader = AsmExecutor.class.getClassLoader();
    for (String name : new String[] {"java.lang.Long", "java.lang.Double", "java.lang.Float",
        "java.lang.Integer", "java.lang.Math"}) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e); // java.base's
      }
    }
  }

  final boolean tiered;
  final int threshold;
  /** Tiering: where hot functions wait for their classes. */
  final CompileQueue queue;

  AsmExecutor(boolean tiered, int threshold, int compilerThreads) {
    this.tiered = tiered;
    this.threshold = threshold;
    this.queue = tiered ? new CompileQueue(compilerThreads) : null;
  }

  @Override
  public boolean countsLoops() {
    return tiered;
  }

  @Override
  public void prepare(GuestModule guestModule, boolean eager) {
    ModuleCode module = (ModuleCode) guestModule; // the runtime's class (RATIONALE.md)
    AsmModule m = AsmModule.of(module, this);
    if (tiered) {
      // Every function's countdown starts at FunctionCode.FIRST_CALL (the module counts loops):
      // its first call tells m.hot, which starts the function's own countdown then.
      module.tiering = m::hot;
    } else if (eager) {
      m.generateAll();
    }
  }

  /**
   * The calls plus loop iterations after which {@code tiered} compiles a function whose body has
   * {@code bodyBytes} bytes: the threshold, and {@code threshold - 1} more per 100 bytes (so a
   * threshold of 1 still compiles every function at its first call). Compiling costs in
   * proportion to a function's size (generating its class, then HotSpot's C1 and C2 compiling
   * it), so a big function must run longer before it pays back; see RATIONALE.md, "Tiering".
   */
  static int countdown(int threshold, int bodyBytes) {
    return (int) Math.min(Integer.MAX_VALUE - 1, threshold + (threshold - 1L) * bodyBytes / 100);
  }

  /**
   * The threshold {@code tiered} uses on a module of {@code functions} defined functions: the
   * executor's up to {@link #FUNCTIONS_PER_STEP} functions, then twice more per step of as many
   * (3 times up to two steps, 5 up to three; a threshold of 1 stays 1). The more functions a
   * module has, the more of them cross any fixed threshold, while HotSpot's compilers, which then
   * compile each generated class two or three times, do not get faster; on a module of tens of
   * thousands of functions each later compile gains less than it costs (Yosys, 34,004 functions:
   * 9 times). See RATIONALE.md, "Tiering".
   */
  static int moduleThreshold(int threshold, int functions) {
    if (threshold <= 1) {
      return threshold;
    }
    long steps = 1 + (functions - 1L) / FUNCTIONS_PER_STEP;
    return (int) Math.min(Integer.MAX_VALUE / 2, threshold * (2 * Math.max(1, steps) - 1));
  }

  /**
   * True if a module of {@code functions} defined functions is wide: more than
   * {@link #FUNCTIONS_PER_STEP}, so that its run spreads over many functions, each compiled late
   * ({@link #moduleThreshold}). Its compiled classes are {@link ModuleClassLoader#WIDE}.
   */
  static boolean wide(int functions) {
    return functions > FUNCTIONS_PER_STEP;
  }

  /** Defined functions per step of {@link #moduleThreshold}. */
  static final int FUNCTIONS_PER_STEP = 8192;

  @Override
  public Map<String, Long> statistics(GuestModule module) {
    Map<String, Long> s = new LinkedHashMap<>();
    AsmModule.of((ModuleCode) module, this).statistics().forEach((k, v) -> s.put(k, (long) v));
    return s;
  }

  @Override
  public void invoke(GuestFunction guestFunction, long[] args, long[] results) {
    WasmFunction f = (WasmFunction) guestFunction; // the runtime's class (RATIONALE.md)
    try {
      FunctionCode fc = f.code;
      NativeCode code;
      if (tiered) {
        if (fc.nativeCode == null && --fc.countdown <= 0) {
          AsmModule.of(fc.module, this).hot(fc, false);
        }
        code = fc.nativeCode;
      } else {
        code = AsmModule.nativeCode(fc);
      }
      StoreState store = f.instance.store;
      int depth = store.hostCallDepth; // a host function's call back into the guest, or 0
      int floor = store.stackFloor;
      if (depth == 0) { // a guest call starts on this thread, whose stack holds only so many calls
        store.stackFloor = DeepStacks.floorOnEntry(store.maxCallDepth);
      }
      try {
        if (code == null) {
          Interpreter.invoke(f, args, results, depth);
          return;
        }
        long[] r = code.call(f.instance, args, depth);
        System.arraycopy(r, 0, results, 0, results.length);
      } finally {
        store.stackFloor = floor;
      }
    } catch (StackOverflowError e) { // the JVM stack ran out all the same (very large frames)
      throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
    }
  }
}
