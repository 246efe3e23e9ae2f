package org.wasmj;

/**
 * The guest exhausted a resource the host bounds ({@code assert_exhaustion}): the call stack
 * ({@code "call stack exhausted"}) or a host resource limit.
 */
public final class ExhaustionException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** The spec's message for call-stack exhaustion. */
  public static final String CALL_STACK_EXHAUSTED = "call stack exhausted";

  /** Creates the exception with the spec's message. */
  public ExhaustionException(String message) {
    super(message, null, false);
  }
}
