package org.wasmj;

/** The guest asked to exit the process (WASI {@code proc_exit}); not a failure in itself. */
public final class ExitException extends WasmException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates the exception for {@code proc_exit(exitCode)}. */
  public ExitException(int exitCode) {
    super("exit with code " + exitCode, null, false);
    this.exitCode = exitCode;
  }

  /** The code the guest passed to {@code proc_exit}. */
  public int exitCode() {
    return exitCode;
  }
}
