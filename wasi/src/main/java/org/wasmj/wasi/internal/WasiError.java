package org.wasmj.wasi.internal;

/**
 * A WASI call failing with an {@link Errno}: thrown inside the host functions and turned into the
 * function's result before it reaches the guest. Created without a stack trace.
 */
public final class WasiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The errno. */
  public final int errno;

  public WasiError(int errno) {
    super(Errno.name(errno), null, false, false);
    this.errno = errno;
  }
}
