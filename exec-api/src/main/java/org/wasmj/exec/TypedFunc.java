package org.wasmj.exec;

import java.util.List;
import org.wasmj.parser.ValType;

/**
 * A function whose type was checked once, called with raw values and no {@link Val} objects:
 * arguments and results are 64-bit slots (i32 and i64 as themselves, f32/f64 as their IEEE bits,
 * see {@link Float#floatToRawIntBits} and {@link Double#doubleToRawLongBits}). Functions with
 * reference parameters are called through {@link Func#call}.
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
  /** The only result's type, or {@code null} if the function has none or several. */
  private final ValType result;

  TypedFunc(Func func, List<ValType> params, List<ValType> results) {
    ValType[] p = params.toArray(new ValType[0]);
    ValType[] r = results.toArray(new ValType[0]);
    if (!func.hasType(p, r)) {
      throw new IllegalArgumentException(
          "function has type " + func.type() + ", not " + params + " -> " + results);
    }
    // A reference's slot is a store-internal id: a made-up one would reach the executor unchecked.
    for (ValType t : func.type().params()) {
      if (!t.isNumber()) {
        throw new IllegalArgumentException("a TypedFunc takes numbers only; call functions with "
            + t + " parameters through Func.call: " + func.type());
      }
    }
    this.func = func;
    this.result = r.length == 1 ? r[0] : null;
  }

  /** The function. */
  public Func func() {
    return func;
  }

  /** Calls with raw argument slots; returns the raw result slots. */
  public long[] call(long... args) {
    return func.callRaw(args);
  }

  /**
   * Calls with raw argument slots so that the call may suspend ({@link Func#callResumable}).
   *
   * @throws IllegalArgumentException if the number of slots does not match the parameters
   */
  public ResumableCall callResumable(long... args) {
    return ResumableCall.start(func, func.checkedSlots(args));
  }

  /**
   * Calls a function returning one i32.
   *
   * @throws IllegalStateException if the function does not return exactly one i32
   */
  public int callI32(long... args) {
    expect(ValType.I32);
    return (int) func.callRaw(args)[0];
  }

  /**
   * Calls a function returning one i64.
   *
   * @throws IllegalStateException if the function does not return exactly one i64
   */
  public long callI64(long... args) {
    expect(ValType.I64);
    return func.callRaw(args)[0];
  }

  /**
   * Calls a function returning one f32.
   *
   * @throws IllegalStateException if the function does not return exactly one f32
   */
  public float callF32(long... args) {
    expect(ValType.F32);
    return Float.intBitsToFloat((int) func.callRaw(args)[0]);
  }

  /**
   * Calls a function returning one f64.
   *
   * @throws IllegalStateException if the function does not return exactly one f64
   */
  public double callF64(long... args) {
    expect(ValType.F64);
    return Double.longBitsToDouble(func.callRaw(args)[0]);
  }

  private void expect(ValType type) {
    if (result != type) {
      throw new IllegalStateException("function of type " + func.type() + " does not return one " + type);
    }
  }
}
