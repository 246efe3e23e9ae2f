package org.wasmj;

/** Every reason a guest can trap, each with the spec's (reference interpreter's) message. */
public enum TrapKind {
  UNREACHABLE("unreachable"),
  MEMORY_OUT_OF_BOUNDS("out of bounds memory access"),
  TABLE_OUT_OF_BOUNDS("out of bounds table access"),
  /** {@code call_indirect} through an index past the end of the table. */
  UNDEFINED_ELEMENT("undefined element"),
  /** {@code call_indirect} through a null table entry. */
  INDIRECT_CALL_TO_NULL("uninitialized element"),
  BAD_SIGNATURE("indirect call type mismatch"),
  INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
  INTEGER_OVERFLOW("integer overflow"),
  BAD_CONVERSION_TO_INTEGER("invalid conversion to integer"),
  NULL_REFERENCE("null reference"),
  /** A host function threw; the message and cause carry the host's error. */
  HOST("host function failed"),
  /**
   * A reference value that names no function or host object: only code translated without
   * validation ({@code Module.compileUnchecked}) from an invalid body makes one. Not in the spec.
   */
  INVALID_REFERENCE("invalid reference");

  private final String message;

  TrapKind(String message) {
    this.message = message;
  }

  /** The spec's message for this trap. */
  public String message() {
    return message;
  }
}
