package org.wasmj;

/**
 * Instantiation failed after linking ({@code assert_uninstantiable}): a segment is out of bounds
 * or the start function trapped. The trap, if any, is the cause.
 */
public final class UninstantiableException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the spec's message. */
  public UninstantiableException(String message) {
    super(message);
  }

  /** Creates the exception for a trap raised during instantiation. */
  public UninstantiableException(String message, Throwable cause) {
    super(message, cause);
  }
}
