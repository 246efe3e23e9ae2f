package org.wasmj;

/**
 * The root of every error wasmj reports about a module or a guest. The subclasses follow the
 * spec test assertions: a module is {@linkplain MalformedModuleException malformed} (cannot be
 * decoded), {@linkplain InvalidModuleException invalid} (fails validation),
 * {@linkplain UnlinkableException unlinkable} (imports do not resolve),
 * {@linkplain UninstantiableException uninstantiable} (instantiation traps); at run time a guest
 * {@linkplain TrapException traps}, {@linkplain ExhaustionException exhausts} a resource, or
 * {@linkplain ExitException exits}.
 *
 * <p>Messages are the spec's (the reference interpreter's) wording, e.g. {@code "unexpected end"},
 * {@code "type mismatch"}, {@code "integer divide by zero"}.
 *
 * <pre>{@code
 * try {
 *   WasmParser.parse(bytes);
 * } catch (MalformedModuleException e) {
 *   System.err.println("not a wasm module: " + e.getMessage());
 * }
 * }</pre>
 */
public abstract sealed class WasmException extends RuntimeException
    permits MalformedModuleException, InvalidModuleException, UnlinkableException,
        UninstantiableException, TrapException, ExhaustionException, ExitException {

  private static final long serialVersionUID = 1L;

  /** A diagnosable error with a stack trace (module-level errors). */
  protected WasmException(String message) {
    super(message);
  }

  /** An error with a cause. */
  protected WasmException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An error thrown on a guest's behalf; {@code stackTrace == false} skips filling in the Java
   * stack trace, which is costly and meaningless for guest events.
   */
  protected WasmException(String message, Throwable cause, boolean stackTrace) {
    super(message, cause, false, stackTrace);
  }
}
