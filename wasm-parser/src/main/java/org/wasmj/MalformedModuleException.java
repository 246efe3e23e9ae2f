package org.wasmj;

/** The bytes are not a well-formed WebAssembly binary ({@code assert_malformed}). */
public final class MalformedModuleException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the spec's message, e.g. {@code "unexpected end"}. */
  public MalformedModuleException(String message) {
    super(message);
  }

  /** Creates the exception with the spec's message and the byte offset where decoding failed. */
  public MalformedModuleException(String message, int offset) {
    super(message + " (at offset 0x" + Integer.toHexString(offset) + ")");
  }
}
