package org.wasmj;

/**
 * An import cannot be resolved ({@code assert_unlinkable}): it is missing ({@code "unknown
 * import"}) or has the wrong type ({@code "incompatible import type"}). The message names the
 * import and its expected type.
 */
public final class UnlinkableException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the spec's message. */
  public UnlinkableException(String message) {
    super(message);
  }
}
