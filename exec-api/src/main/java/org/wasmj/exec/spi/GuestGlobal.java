package org.wasmj.exec.spi;

import org.wasmj.parser.GlobalType;

/**
 * A global at run time: its value as a raw 64-bit slot (i32 sign-extended, floats as bits,
 * references as ids); a v128 is two, {@link #value()} its low half and {@link #high()} its high.
 *
 * @implNote Implemented by the runtime only. Not synchronized: a global belongs to one store.
 */
public interface GuestGlobal {
  /** The declared type. */
  GlobalType type();

  /** {@code global.get}: the value (a v128's low half). */
  long value();

  /** {@code global.set}: sets the value (a v128's low half). */
  void setValue(long value);

  /** A v128's high half; 0 for other types. */
  long high();

  /** Sets a v128's high half. */
  void setHigh(long high);
}
