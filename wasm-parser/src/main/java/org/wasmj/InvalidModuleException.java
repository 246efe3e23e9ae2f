package org.wasmj;

/** The module decodes but fails validation ({@code assert_invalid}), e.g. {@code "type mismatch"}. */
public final class InvalidModuleException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the spec's message. */
  public InvalidModuleException(String message) {
    super(message);
  }
}
