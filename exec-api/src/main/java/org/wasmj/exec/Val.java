package org.wasmj.exec;

import java.util.Objects;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;

/**
 * A Wasm value passed to or returned from a function, a global or a table: a number (floats
 * keep their exact bits, NaN payloads included), a v128 (two 64-bit halves, {@link #v128}) or a
 * reference ({@code funcref}: a {@link Func} or null; {@code externref}: any host object or null).
 *
 * <pre>{@code
 * Val[] results = instance.getFunc("add").call(Val.i32(2), Val.i32(3));
 * int sum = results[0].i32();
 * }</pre>
 *
 * @implNote Immutable.
 */
public final class Val {
  private final ValType type;
  private final long bits;
  private final long high;
  private final Object ref;

  private Val(ValType type, long bits, Object ref) {
    this(type, bits, 0, ref);
  }

  private Val(ValType type, long bits, long high, Object ref) {
    this.type = type;
    this.bits = bits;
    this.high = high;
    this.ref = ref;
  }

  /** An i32. */
  public static Val i32(int v) {
    return new Val(ValType.I32, v, null);
  }

  /** An i64. */
  public static Val i64(long v) {
    return new Val(ValType.I64, v, null);
  }

  /** An f32. */
  public static Val f32(float v) {
    return new Val(ValType.F32, Float.floatToRawIntBits(v), null);
  }

  /** An f64. */
  public static Val f64(double v) {
    return new Val(ValType.F64, Double.doubleToRawLongBits(v), null);
  }

  /** A v128 from its two halves: {@code low} holds bytes 0..7 (little-endian), {@code high} 8..15. */
  public static Val v128(long low, long high) {
    return new Val(ValType.V128, low, high, null);
  }

  /** A funcref: {@code f}, or null. */
  public static Val funcref(Func f) {
    return new Val(ValType.FUNCREF, 0, f);
  }

  /** An externref: any host object, or null. */
  public static Val externref(Object o) {
    return new Val(ValType.EXTERNREF, 0, o);
  }

  /** A number of {@code type} from its raw bits (i32 and f32 in the low 32 bits). */
  public static Val fromBits(ValType type, long bits) {
    switch (type) {
      case I32: case F32: return new Val(type, (int) bits, null);
      case I64: case F64: return new Val(type, bits, null);
      default: throw new IllegalArgumentException("not a number type: " + type);
    }
  }

  /** The value's type. */
  public ValType type() {
    return type;
  }

  /** The raw bits of a number (i32 sign-extended, floats' IEEE bits); 0 for references. */
  public long bits() {
    return bits;
  }

  /** A v128's high half (bytes 8..15, little-endian); 0 for other types. {@link #bits()} is its low half. */
  public long high() {
    return high;
  }

  /** This i32. */
  public int i32() {
    check(ValType.I32);
    return (int) bits;
  }

  /** This i64. */
  public long i64() {
    check(ValType.I64);
    return bits;
  }

  /** This f32. */
  public float f32() {
    check(ValType.F32);
    return Float.intBitsToFloat((int) bits);
  }

  /** This f64. */
  public double f64() {
    check(ValType.F64);
    return Double.longBitsToDouble(bits);
  }

  /** This funcref's function, or null. */
  public Func funcref() {
    check(ValType.FUNCREF);
    return (Func) ref;
  }

  /** This externref's host object, or null. */
  public Object externref() {
    check(ValType.EXTERNREF);
    return ref;
  }

  private void check(ValType expected) {
    if (type != expected) {
      throw new IllegalStateException("value is " + type + ", not " + expected);
    }
  }

  /** The raw slot an executor sees for this value in {@code store}. */
  long toSlot(StoreState store) {
    switch (type) {
      case FUNCREF: return funcSlot((Func) ref, store);
      case EXTERNREF: return store.externRef(ref);
      default: return bits;
    }
  }

  /**
   * The slot of a {@code funcref} to {@code f} (0 for null) in {@code store}; a function's
   * reference id means something only in its own store.
   *
   * @throws IllegalArgumentException if {@code f} belongs to another store
   */
  static long funcSlot(Func f, StoreState store) {
    if (f == null) {
      return 0;
    }
    if (f.store().state() != store) {
      throw new IllegalArgumentException(f + " belongs to another store");
    }
    return f.instance().ref;
  }

  /** Writes the slots of {@code args} (a v128 takes two) for {@code store}; checks their types. */
  static long[] toSlots(ValType[] types, Val[] args, StoreState store) {
    long[] slots = new long[FuncType.of(types, new ValType[0]).paramSlotCount()];
    int k = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].type() != types[i]) {
        throw new IllegalArgumentException(
            "argument " + i + " is " + args[i].type() + ", expected " + types[i]);
      }
      slots[k++] = args[i].toSlot(store);
      if (types[i] == ValType.V128) {
        slots[k++] = args[i].high;
      }
    }
    return slots;
  }

  /** The values of {@code types} in {@code slots} (a v128 takes two). */
  static Val[] fromSlots(ValType[] types, long[] slots, Store<?> store) {
    Val[] out = new Val[types.length];
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (types[i] == ValType.V128) {
        out[i] = v128(slots[k], slots[k + 1]);
        k += 2;
      } else {
        out[i] = fromSlot(types[i], slots[k++], store);
      }
    }
    return out;
  }

  /** The value of {@code type} an executor left in {@code slot}. */
  static Val fromSlot(ValType type, long slot, Store<?> store) {
    switch (type) {
      case FUNCREF:
        return funcref(slot == 0 ? null : Func.of(store, store.state().function(slot)));
      case EXTERNREF:
        return externref(store.state().extern(slot));
      default:
        return fromBits(type, slot);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Val && ((Val) o).type == type && ((Val) o).bits == bits
        && ((Val) o).high == high && Objects.equals(((Val) o).ref, ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, bits, high, ref);
  }

  @Override
  public String toString() {
    switch (type) {
      case I32: return "i32:" + (int) bits;
      case I64: return "i64:" + bits;
      case F32: return "f32:" + Float.intBitsToFloat((int) bits);
      case F64: return "f64:" + Double.longBitsToDouble(bits);
      case V128: return String.format("v128:0x%016x%016x", high, bits);
      default: return type + ":" + ref;
    }
  }
}
