package org.wasmj.exec;

import java.util.List;
import org.wasmj.parser.ValType;

/**
 * A function whose type was checked once, called with raw values and no {@link Val} objects:
 * arguments and results are 64-bit slots (i32 and i64 as themselves, f32/f64 as their IEEE bits,
 * see {@link Float#floatToRawIntBits} and {@link Double#doubleToRawLongBits}).
 *
 * <pre>{@code
 * TypedFunc fib = instance.getTypedFunc("fib", List.of(ValType.I32), List.of(ValType.I32));
 * int f30 = fib.callI32(30);
 * }</pre>
 *
 * @implNote Not thread-safe: it belongs to its store.
 */
public final class TypedFunc {
  private final Func func;

  TypedFunc(Func func, List<ValType> params, List<ValType> results) {
    ValType[] p = params.toArray(new ValType[0]);
    ValType[] r = results.toArray(new ValType[0]);
    if (!func.hasType(p, r)) {
      throw new IllegalArgumentException(
          "function has type " + func.type() + ", not " + params + " -> " + results);
    }
    this.func = func;
  }

  /** The function. */
  public Func func() {
    return func;
  }

  /** Calls with raw argument slots; returns the raw result slots. */
  public long[] call(long... args) {
    return func.callRaw(args);
  }

  /** Calls a function returning one i32. */
  public int callI32(long... args) {
    return (int) func.callRaw(args)[0];
  }

  /** Calls a function returning one i64. */
  public long callI64(long... args) {
    return func.callRaw(args)[0];
  }

  /** Calls a function returning one f32. */
  public float callF32(long... args) {
    return Float.intBitsToFloat((int) func.callRaw(args)[0]);
  }

  /** Calls a function returning one f64. */
  public double callF64(long... args) {
    return Double.longBitsToDouble(func.callRaw(args)[0]);
  }
}
