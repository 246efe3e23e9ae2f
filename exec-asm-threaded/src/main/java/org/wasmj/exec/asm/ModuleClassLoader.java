package org.wasmj.exec.asm;

/**
 * Defines the generated classes of one module, each on its first resolution: generated code
 * refers to the class of a function it calls by name, so a callee's class is generated only when
 * a call to it first runs (or all at once, when the module is compiled eagerly). A module's
 * classes are unloaded with their loader once the module is no longer referenced.
 *
 * @implNote Parallel capable: a class is generated at most once, under its class-loading lock.
 */
final class ModuleClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  /** Binary-name prefix of generated classes: function {@code k} is {@code wasmj.gen.F<k>}. */
  private static final String PREFIX = "wasmj.gen.F";

  private final AsmModule module;

  ModuleClassLoader(AsmModule module, ClassLoader parent) {
    super("wasmj-module", parent);
    this.module = module;
  }

  /** The internal name of defined function {@code k}'s class. */
  static String internalName(int definedIndex) {
    return PREFIX.replace('.', '/') + definedIndex;
  }

  /** Defined function {@code k}'s class, generated now if needed. */
  Class<?> functionClass(int definedIndex) {
    try {
      return loadClass(PREFIX + definedIndex);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!name.startsWith(PREFIX)) {
      throw new ClassNotFoundException(name);
    }
    int k;
    try {
      k = Integer.parseInt(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      throw new ClassNotFoundException(name);
    }
    if (k < 0 || k >= module.code.functionCount()) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes = module.generate(k);
    Class<?> c = defineClass(name, bytes, 0, bytes.length);
    module.defined(k, c);
    return c;
  }
}
