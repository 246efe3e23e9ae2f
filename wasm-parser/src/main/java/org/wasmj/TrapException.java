package org.wasmj;

/**
 * A guest trapped ({@code assert_trap}); {@link #kind()} says why. Created without a Java stack
 * trace: traps are guest events, and filling in a trace would cost more than the trap itself.
 */
public final class TrapException extends WasmException {
  private static final long serialVersionUID = 1L;

  private final TrapKind kind;

  /** Creates a trap of the given kind with the kind's spec message. */
  public TrapException(TrapKind kind) {
    super(kind.message(), null, false);
    this.kind = kind;
  }

  /** Creates a trap of the given kind with a more specific message (e.g. a host error). */
  public TrapException(TrapKind kind, String message, Throwable cause) {
    super(message, cause, false);
    this.kind = kind;
  }

  /** Why the guest trapped. */
  public TrapKind kind() {
    return kind;
  }
}
