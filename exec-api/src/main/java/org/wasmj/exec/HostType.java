package org.wasmj.exec;

import org.wasmj.exec.internal.StoreState;
import org.wasmj.parser.ValType;

/**
 * The Java type a typed host function ({@link Linker#funcWrap}) sees for a Wasm value type:
 * {@link #I32} is {@code Integer}, {@link #F64} is {@code Double}, {@link #V128} a {@link Val}
 * of type v128, {@link #FUNCREF} is {@link Func}, {@link #EXTERNREF} any object; {@link #VOID}
 * stands for "no result".
 *
 * <pre>{@code
 * import static org.wasmj.exec.HostType.*;
 * linker.funcWrap("env", "add", I32, I32, I32, (caller, a, b) -> a + b);
 * }</pre>
 *
 * @implNote Immutable.
 */
public final class HostType<J> {
  /** i32 as {@code Integer}. */
  public static final HostType<Integer> I32 = new HostType<>(ValType.I32);
  /** i64 as {@code Long}. */
  public static final HostType<Long> I64 = new HostType<>(ValType.I64);
  /** f32 as {@code Float}. */
  public static final HostType<Float> F32 = new HostType<>(ValType.F32);
  /** f64 as {@code Double}. */
  public static final HostType<Double> F64 = new HostType<>(ValType.F64);
  /** v128 as a {@link Val} ({@link Val#v128}: {@link Val#bits()} its low half, {@link Val#high()} its high half). */
  public static final HostType<Val> V128 = new HostType<>(ValType.V128);
  /** funcref as {@link Func} (or null). */
  public static final HostType<Func> FUNCREF = new HostType<>(ValType.FUNCREF);
  /** externref as any object (or null). */
  public static final HostType<Object> EXTERNREF = new HostType<>(ValType.EXTERNREF);
  /** No result: the body returns {@code null}. */
  public static final HostType<Void> VOID = new HostType<>(null);

  private static final long[] NONE = new long[0];

  private final ValType type;

  private HostType(ValType type) {
    this.type = type;
  }

  /** The Wasm type, or {@code null} for {@link #VOID}. */
  public ValType type() {
    return type;
  }

  /** The slots a value of this type takes among a function's arguments (a v128 two, the others one). */
  int slots() {
    return type == ValType.V128 ? 2 : 1;
  }

  /** The value in {@code args} from slot {@code at} on. */
  @SuppressWarnings("unchecked")
  J fromSlots(long[] args, int at, Store<?> store) {
    switch (type) {
      case V128: return (J) Val.v128(args[at], args[at + 1]);
      case I32: return (J) Integer.valueOf((int) args[at]);
      case I64: return (J) Long.valueOf(args[at]);
      case F32: return (J) Float.valueOf(Float.intBitsToFloat((int) args[at]));
      case F64: return (J) Double.valueOf(Double.longBitsToDouble(args[at]));
      case FUNCREF: return (J) (args[at] == 0 ? null : Func.of(store, store.state().function(args[at])));
      default: return (J) store.state().extern(args[at]);
    }
  }

  /** The result slots for a body's return value. */
  long[] results(J value, Store<?> store) {
    if (type == null) {
      return NONE;
    }
    StoreState s = store.state();
    long slot;
    switch (type) {
      case V128: {
        Val v = (Val) value;
        if (v.type() != ValType.V128) {
          throw new IllegalArgumentException("a host function of result v128 returned a " + v.type());
        }
        return new long[] {v.bits(), v.high()};
      }
      case I32: slot = (Integer) value; break;
      case I64: slot = (Long) value; break;
      case F32: slot = Float.floatToRawIntBits((Float) value); break;
      case F64: slot = Double.doubleToRawLongBits((Double) value); break;
      case FUNCREF: slot = Val.funcSlot((Func) value, s); break;
      default: slot = s.externRef(value);
    }
    return new long[] {slot};
  }

  @Override
  public String toString() {
    return type == null ? "void" : type.toString();
  }
}
