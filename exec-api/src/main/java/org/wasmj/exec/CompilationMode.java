package org.wasmj.exec;

/**
 * When a module's functions are validated and translated to the register IR (as in Wasmi).
 *
 * <pre>{@code
 * Engine engine = new Engine(Config.defaults().withCompilationMode(CompilationMode.LAZY));
 * }</pre>
 */
public enum CompilationMode {
  /** Validate and translate every function when the module is compiled. */
  EAGER,
  /**
   * Validate every function when the module is compiled; translate each on its first call,
   * without validating it again (the default: a module is checked whole, but a function that
   * never runs costs no translation).
   */
  LAZY_TRANSLATION,
  /**
   * Validate and translate each function on its first call: the fastest start. A function body
   * that is invalid surfaces on that call, as an {@code InvalidModuleException}.
   */
  LAZY;

  /** The name used on command lines: {@code eager}, {@code lazy-translation}, {@code lazy}. */
  public String cliName() {
    return name().toLowerCase().replace('_', '-');
  }

  /** The mode named {@code name} ({@link #cliName()} or the constant's name). */
  public static CompilationMode parse(String name) {
    for (CompilationMode m : values()) {
      if (m.cliName().equals(name) || m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown compilation mode '" + name
        + "' (expected eager, lazy-translation or lazy)");
  }
}
