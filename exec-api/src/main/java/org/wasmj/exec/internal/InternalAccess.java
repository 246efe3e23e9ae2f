package org.wasmj.exec.internal;

/**
 * Opens this package to code an executor generates at run time. Generated classes live in class
 * loaders of their own (so they can be unloaded with their module), whose unnamed modules the
 * module descriptor cannot name.
 */
public final class InternalAccess {
  private InternalAccess() {}

  /** Exports {@code org.wasmj.exec.internal} to {@code generated} (a no-op on the class path). */
  public static void exportTo(Module generated) {
    InternalAccess.class.getModule().addExports(InternalAccess.class.getPackageName(), generated);
  }
}
