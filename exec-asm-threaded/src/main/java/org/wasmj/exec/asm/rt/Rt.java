package org.wasmj.exec.asm.rt;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.asm.AsmModule;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.NativeCode;
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

  /** The {@code out of bounds memory access} trap. */
  public static TrapException outOfBounds() {
    return new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
  }

  /** A trap of {@code TrapKind} ordinal {@code kind}. */
  public static TrapException trap(int kind) {
    return new TrapException(KINDS[kind]);
  }

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

  /** The call depth of generated code with call-depth budget {@code budget}. */
  private static int depthOf(InstanceState inst, int budget) {
    return inst.store.maxCallDepth - budget;
  }

  /**
   * Runs defined function {@code definedIndex} of {@code inst} in the interpreter: an interpreter
   * stub's body. Under tiering the call counts, and once the function is compiled, runs that.
   */
  public static long[] interpret(InstanceState inst, int definedIndex, long[] args, int budget) {
    int depth = depthOf(inst, budget); // the interpreted function's own depth
    WasmFunction f = (WasmFunction)
        inst.functions[inst.module.module().importedFunctionCount() + definedIndex];
    FunctionCode fc = f.code;
    if (--fc.countdown == 0) {
      fc.countdown = Integer.MAX_VALUE;
      java.util.function.Consumer<FunctionCode> tierUp = fc.module.tierUp;
      if (tierUp != null) {
        tierUp.accept(fc);
      }
    }
    NativeCode compiled = fc.nativeCode;
    if (compiled != null) {
      return compiled.call(inst, args, depth - 1);
    }
    long[] results = new long[f.type.resultSlotCount()];
    Interpreter.invoke(f, args, results, depth);
    return results;
  }

  /** Bootstrap of a tiered call site: the callee's call site, which tiering re-points. */
  public static CallSite linkCall(MethodHandles.Lookup caller, String name, MethodType type,
      int definedIndex) {
    return AsmModule.callSite(caller.lookupClass(), definedIndex);
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
