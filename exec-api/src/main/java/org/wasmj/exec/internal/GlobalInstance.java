package org.wasmj.exec.internal;

import org.wasmj.exec.spi.GuestGlobal;
import org.wasmj.parser.GlobalType;

/**
 * A global at run time: its type and its value as a raw 64-bit slot (i32 sign-extended, floats
 * as bits, references as ids). Imported globals are shared by reference.
 *
 * @implNote Not synchronized: a global belongs to one store.
 */
public final class GlobalInstance implements GuestGlobal {
  /** The declared type. */
  public final GlobalType type;
  /** The current value (a v128's low half). */
  public long value;
  /** A v128's high half; 0 for other types. */
  public long high;

  /** A global of {@code type} holding {@code value}. */
  public GlobalInstance(GlobalType type, long value) {
    this.type = type;
    this.value = value;
  }

  @Override
  public GlobalType type() {
    return type;
  }

  @Override
  public long value() {
    return value;
  }

  @Override
  public void setValue(long value) {
    this.value = value;
  }

  @Override
  public long high() {
    return high;
  }

  @Override
  public void setHigh(long high) {
    this.high = high;
  }
}
