package org.wasmj.exec.asm.rt;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.WasmException;
import org.wasmj.exec.asm.AsmModule;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.NativeCode;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.exec.internal.Tiering;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.exec.loopswitch.Interpreter;

/**
 * What generated code calls at run time: the little-endian views of memory, trap and exhaustion
 * exceptions, and calls that are not direct JVM calls (imports, {@code call_indirect}, functions
 * left to the interpreter). Exported only to the generated classes' modules.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Rt {
  private Rt() {}

  /** Little-endian i16 view of a {@code byte[]}. */
  public static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  /** Little-endian i32 view of a {@code byte[]}. */
  public static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** Little-endian i64 view of a {@code byte[]}. */
  public static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** No results. */
  public static final long[] NONE = new long[0];

  private static final TrapKind[] KINDS = TrapKind.values();

  /**
   * The bits of an f32 arithmetic result, a NaN canonicalised (as {@code Semantics}' f32 add, sub,
   * mul and div do): generated code keeps the float itself in a float local. Without a branch:
   * C2 makes a test that never failed an uncommon trap, which it must keep even where nothing
   * reads these bits (matrix-mul 4.9 ms a run with the test, 4.4 without).
   */
  public static int f32Bits(float r) {
    int bits = Float.floatToRawIntBits(r);
    int nan = (0x7F800000 - (bits & 0x7FFFFFFF)) >> 31; // -1 if the magnitude is above infinity's
    return bits & ~nan | 0x7FC00000 & nan;
  }

  /**
   * The bits of two f32x4 arithmetic result lanes ({@code lo} in the low 32 bits), each NaN made
   * canonical as {@link #f32Bits} makes it, for both lanes at once: a lane's magnitude is above
   * infinity's exactly when adding {@code 0x007FFFFF} to it sets its bit 31 (it never carries out
   * of the lane).
   */
  public static long f32x2Bits(float lo, float hi) {
    long bits = Float.floatToRawIntBits(lo) & 0xFFFFFFFFL | (long) Float.floatToRawIntBits(hi) << 32;
    long nan = ((bits & 0x7FFFFFFF7FFFFFFFL) + 0x007FFFFF007FFFFFL & 0x8000000080000000L) >>> 31;
    nan *= 0xFFFFFFFFL; // all ones in each NaN lane
    return bits & ~nan | 0x7FC000007FC00000L & nan;
  }

  /** As {@link #f32Bits}, for an f64 result. */
  public static long f64Bits(double r) {
    long bits = Double.doubleToRawLongBits(r);
    long nan = (0x7FF0000000000000L - (bits & 0x7FFFFFFFFFFFFFFFL)) >> 63;
    return bits & ~nan | 0x7FF8000000000000L & nan;
  }

  /** The {@code out of bounds memory access} trap. */
  public static TrapException outOfBounds() {
    return new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
  }

  /** A trap of {@code TrapKind} ordinal {@code kind}. */
  public static TrapException trap(int kind) {
    return new TrapException(KINDS[kind]);
  }

  /** Appends the name of defined function {@code definedIndex} of {@code inst} to a passing trap's backtrace. */
  public static void appendFrame(TrapException trap, InstanceState inst, int definedIndex) {
    trap.appendFrame(inst.module.function(definedIndex).name());
  }

  /**
   * Generated code's fuel charge: {@code fuel}, the local copy of the store's fuel, less
   * {@code cost}; with too little left, the store's own charge decides ({@link #outOfFuel}).
   */
  public static long chargeFuel(long fuel, long cost, InstanceState inst) {
    long left = fuel - cost;
    // (the slow path gets left, not fuel: C2 then keeps one value alive, and tests the subtraction's flags)
    return left >= 0 ? left : outOfFuel(left, cost, inst);
  }

  /**
   * Running out in generated code: the local fuel goes back to the store, whose
   * {@code consumeFuel} is the one place that decides what running out does (it traps), and
   * what the store holds if it returns is the local fuel again.
   */
  private static long outOfFuel(long left, long cost, InstanceState inst) {
    StoreState store = inst.store;
    store.fuel = left + cost; // (both are at least 0 and left = fuel - cost: no overflow)
    store.consumeFuel(cost);
    return store.fuel;
  }

  /**
   * On the way out of generated code by an exception: its local fuel into the store, unless it is
   * negative (the store holds the fuel: the exception came out of a call).
   */
  public static void leaveFuel(InstanceState inst, long fuel) {
    if (fuel >= 0) {
      inst.store.fuel = fuel;
    }
  }

  /**
   * A split function's new frame of {@code registers} registers ({@code FunctionCompiler.takeFrame}:
   * recursion needs one per call). Such frames are on the heap, so a deep recursion of a function
   * with many registers fills the heap, not a thread stack: that is {@code call stack exhausted}
   * too, as the interpreter's value stack that cannot grow (an {@code OutOfMemoryError} reached
   * the embedder before session 23).
   */
  public static long[] newFrame(int registers) {
    try {
      return new long[registers];
    } catch (OutOfMemoryError e) {
      throw HEAP_OF_FRAMES_EXHAUSTED; // made in advance: a full heap may not even hold that
    }
  }

  /** {@link #newFrame}'s exhaustion: without a stack trace or suppressed exceptions, immutable. */
  private static final ExhaustionException HEAP_OF_FRAMES_EXHAUSTED = exhausted();

  /** {@code call stack exhausted}. */
  public static ExhaustionException exhausted() {
    return new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
  }

  /**
   * Calls function {@code funcIndex} of {@code inst} (an import) with boxed arguments, from
   * generated code whose call-depth budget is {@code budget}.
   */
  public static long[] call(InstanceState inst, int funcIndex, long[] args, int budget) {
    return invoke(inst, inst.functions[funcIndex], args, depthOf(inst, budget));
  }

  /** {@code call_indirect}: resolves, type-checks and calls with boxed arguments. */
  public static long[] callIndirect(InstanceState inst, int typeIndex, int table, int index,
      long[] args, int budget) {
    return invoke(inst, inst.indirect(typeIndex, table, index), args, depthOf(inst, budget));
  }

  /**
   * {@code call_indirect} of a function type with at most one result, its arguments in
   * {@code args} ({@link #argBuffer}): returns the result slot (0 if none). Calls into guest code
   * allocate nothing; a host function gets arrays, as always.
   */
  public static long callIndirectAt(long[] args, InstanceState inst, int typeIndex, int table,
      int index, int budget) {
    FunctionInstance f = inst.indirect(typeIndex, table, index);
    int depth = depthOf(inst, budget);
    if (f instanceof WasmFunction) {
      WasmFunction w = (WasmFunction) f;
      NativeCode code = AsmModule.nativeCode(w.code);
      if (code != null) {
        code.callAt(w.instance, args, 0, depth);
        return args[0];
      }
      return Interpreter.invokeAt(w, args, 0, depth + 1);
    }
    long[] results = invoke(inst, f, java.util.Arrays.copyOf(args, f.type.paramSlotCount()), depth);
    return results.length == 0 ? 0 : results[0];
  }

  /**
   * The call depth of generated code with call-depth budget {@code budget}: its budget counts
   * the calls it may still nest on the current thread, down to the store's stack floor.
   */
  private static int depthOf(InstanceState inst, int budget) {
    return inst.store.maxCallDepth - inst.store.stackFloor - budget;
  }

  /** The budget of generated code called at depth {@code depth + 1} (its caller's is {@code depth}). */
  public static int budget(InstanceState inst, int depth) {
    return inst.store.maxCallDepth - inst.store.stackFloor - depth - 1;
  }

  /** The budget of generated code that may nest {@code remaining} more calls (those this thread holds). */
  public static int budgetOf(InstanceState inst, int remaining) {
    return remaining - inst.store.stackFloor;
  }

  /**
   * Calls defined function {@code definedIndex} of {@code inst} whose budget ran out: on a thread
   * with a fresh stack if {@code maxCallDepth} allows more calls ({@link DeepStacks}), else
   * {@code call stack exhausted}. The slow path of generated code's depth check.
   */
  public static long[] deeper(InstanceState inst, int definedIndex, long[] args, int budget) {
    StoreState store = inst.store;
    int remaining = store.stackFloor + budget; // the calls it may nest, wherever they run
    if (store.stackFloor == 0 || remaining < 0) {
      throw exhausted();
    }
    NativeCode code = inst.module.function(definedIndex).nativeCode;
    int callerDepth = store.maxCallDepth - remaining - 1;
    return DeepStacks.deeper(store, remaining, () -> code.call(inst, args, callerDepth));
  }

  /**
   * Runs defined function {@code definedIndex} of {@code inst} in the interpreter: an interpreter
   * stub's body. Under tiering the call counts, and once the function is compiled, runs that.
   */
  public static long[] interpret(InstanceState inst, int definedIndex, long[] args, int budget) {
    int depth = depthOf(inst, budget); // the interpreted function's own depth
    WasmFunction f = definedFunction(inst, definedIndex);
    NativeCode compiled = counted(f.code);
    if (compiled != null) {
      return compiled.call(inst, args, depth - 1);
    }
    long[] results = new long[f.type.resultSlotCount()];
    Interpreter.invoke(f, args, results, depth);
    return results;
  }

  /**
   * {@link #interpret} of a function with at most one result, its arguments in {@code args}
   * ({@link #argBuffer}); returns its result slot (0 if none). Allocates nothing.
   */
  public static long interpretAt(long[] args, InstanceState inst, int definedIndex, int budget) {
    int depth = depthOf(inst, budget);
    WasmFunction f = definedFunction(inst, definedIndex);
    NativeCode compiled = counted(f.code);
    if (compiled != null) {
      compiled.callAt(inst, args, 0, depth - 1);
      return args[0];
    }
    return Interpreter.invokeAt(f, args, 0, depth);
  }

  /**
   * The store's argument buffer ({@code Interpreter.argBuffer}): generated code puts a callee's
   * arguments there for {@link #interpretAt} and {@link #callIndirectAt}, which read them before
   * anything else can.
   */
  public static long[] argBuffer(InstanceState inst) {
    return Interpreter.argBuffer(inst.store);
  }

  private static WasmFunction definedFunction(InstanceState inst, int definedIndex) {
    return (WasmFunction)
        inst.functions[inst.module.module().importedFunctionCount() + definedIndex];
  }

  /** Counts an interpreted call of {@code fc} under tiering; returns its native code if it has some by now. */
  private static NativeCode counted(FunctionCode fc) {
    if (fc.nativeCode == null && --fc.countdown <= 0) {
      Tiering tiering = fc.module.tiering;
      if (tiering != null) {
        tiering.hot(fc, false);
      } else {
        fc.countdown = Integer.MAX_VALUE;
      }
    }
    return fc.nativeCode;
  }

  /** Decodes ints written as two chars each, high half first (a generated class's tables). */
  public static int[] ints(String chars) {
    int[] v = new int[chars.length() / 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = chars.charAt(2 * i) << 16 | chars.charAt(2 * i + 1);
    }
    return v;
  }

  /**
   * Whether a tiered function's loop entry declines to run from loop header {@code pc}: if it is
   * one of {@code table[1 ..]} (sorted) and {@code table[0]}, the declines left, is not spent
   * (counted down here; a lost decrement between threads only lets one more decline through).
   */
  public static boolean declines(int[] table, int pc) {
    if (table[0] <= 0 || Arrays.binarySearch(table, 1, table.length, pc) < 0) {
      return false;
    }
    table[0]--;
    return true;
  }

  /** In {@code table}, pairs of a loop header's pc and its entry id sorted by pc: the entry of {@code pc}. */
  public static int loopEntry(int[] table, int pc) {
    int lo = 0;
    int hi = table.length / 2 - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (table[2 * mid] < pc) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return table[2 * lo + 1];
  }

  /** Bootstrap of the interruption checks' guard: {@code StoreState.noStopSite}. */
  public static CallSite linkNoStop(MethodHandles.Lookup caller, String name, MethodType type) {
    return StoreState.noStopSite();
  }

  /**
   * Bootstrap of a branch-free interruption check, {@code (InstanceState[, byte[]])[byte[]]}: a
   * call site ({@code StoreState.noStopGuard}) whose target does nothing (returns the memory it is
   * given) while no stop was requested lately, else is {@code name} here ({@link #entryCheck},
   * {@link #loopCheck}). C2 inlines the quiet target as directly as the guard's constant, leaving
   * no branch nor dead code in the method (which, folded away, still cost MATRIX_MUL x1.13-1.27).
   */
  public static CallSite linkCheck(MethodHandles.Lookup caller, String name, MethodType type)
      throws ReflectiveOperationException {
    return CHECK_SITES.computeIfAbsent(name + type, k -> noStopGuard(name, type));
  }

  /** {@link #linkCheck}'s call sites, one per name and type (four at most), shared by all code. */
  private static final java.util.Map<String, CallSite> CHECK_SITES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static CallSite noStopGuard(String name, MethodType type) {
    MethodHandle quiet = type.returnType() == void.class ? MethodHandles.empty(type)
        : MethodHandles.dropArguments(MethodHandles.identity(byte[].class), 0,
            InstanceState.class);
    try {
      return StoreState.noStopGuard(quiet,
          MethodHandles.lookup().findStatic(Rt.class, name, type));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A function entry's check ({@link #linkCheck}, memory 0's array after it): the store's stop request. */
  static byte[] entryCheck(InstanceState inst, byte[] memory) {
    StoreState store = inst.store;
    if (!store.stopRequested()) {
      return memory;
    }
    store.checkStop();
    return inst.memory0.bytes; // the deadline callback is host code: it may have grown memory
  }

  /** {@link #entryCheck} of a module without memory. */
  static void entryCheck(InstanceState inst) {
    StoreState store = inst.store;
    if (store.stopRequested()) {
      store.checkStop();
    }
  }

  /**
   * A loop header's check ({@link #linkCheck}): exact, every time (compiled in only after a stop
   * was requested lately, so its cost is only paid then). The caller reads memory 0's array again
   * after it.
   */
  public static void loopCheck(InstanceState inst) {
    StoreState store = inst.store;
    if (store.interruptPending()) {
      store.checkInterrupt();
    }
  }

    /** Bootstrap of a tiered call site: the callee's call site, which tiering re-points. */
  public static CallSite linkCall(MethodHandles.Lookup caller, String name, MethodType type,
      int definedIndex) {
    try {
      return AsmModule.callSite(caller.lookupClass(), definedIndex);
    } catch (WasmException e) {
      return failedLink(type, e);
    }
  }

  /**
   * A call site that throws {@code e}, what making the callee's entry threw: in the lazy mode, its
   * body is invalid, which the interpreter too reports at every call. Thrown out of a bootstrap,
   * the JVM would wrap it in a {@code BootstrapMethodError}, and throw that at the site for good.
   */
  private static CallSite failedLink(MethodType type, WasmException e) {
    MethodHandle thrower = MethodHandles.throwException(type.returnType(), WasmException.class);
    return new ConstantCallSite(
        MethodHandles.dropArguments(thrower.bindTo(e), 0, type.parameterList()));
  }

  /**
   * Bootstrap of a tiered chunk's call of a function with a loop: a call site of the function's
   * entry that HotSpot does not inline ({@code AsmModule.outlinedCallSite}).
   */
  public static CallSite linkOutlinedCall(MethodHandles.Lookup caller, String name,
      MethodType type, int definedIndex) {
    try {
      return AsmModule.outlinedCallSite(caller.lookupClass(), definedIndex);
    } catch (WasmException e) {
      return failedLink(type, e);
    }
  }

  /** Calls {@code f} from {@code caller}'s code at {@code depth}. */
  public static long[] invoke(InstanceState caller, FunctionInstance f, long[] args, int depth) {
    if (f instanceof HostFunction) {
      int saved = caller.store.hostCallDepth;
      caller.store.hostCallDepth = depth;
      try {
        return ((HostFunction) f).call(caller, args);
      } finally {
        caller.store.hostCallDepth = saved;
        if (caller.store.interruptible && Thread.currentThread().isInterrupted()) {
          caller.store.requestStop(); // the next entry's check sees it, as the interpreter's would
        }
      }
    }
    WasmFunction w = (WasmFunction) f;
    NativeCode code = AsmModule.nativeCode(w.code);
    if (code != null) {
      return code.call(w.instance, args, depth);
    }
    long[] results = new long[f.type.resultSlotCount()];
    Interpreter.invoke(w, args, results, depth + 1);
    return results;
  }
}
