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

  /** Kind of class: a function's entry, {@code F<k>}. */
  static final String ENTRY = "F";
  /** Kind of class: a function's compiled code made by tiering, {@code C<k>}. */
  static final String COMPILED = "C";
  /**
   * Kind of class: as {@link #COMPILED}, for a function of a wide module ({@link
   * AsmExecutor#wide}), {@code W<k>}. Only the name differs: the {@code wasmj} launcher keeps
   * HotSpot's C2 from inlining these classes' methods into their callers (RATIONALE.md, "Tiering").
   */
  static final String WIDE = "W";
  /**
   * Kind of class: as {@link #WIDE}, for a function its module queued after its first
   * {@link AsmModule#LATE_AFTER}, {@code L<k>}. The {@code wasmj} launcher keeps these classes'
   * methods in C1 code and out of their callers (RATIONALE.md, "Tiering").
   */
  static final String LATE = "L";
  private static final String PACKAGE = "wasmj.gen.";

  final AsmModule module;

  ModuleClassLoader(AsmModule module, ClassLoader parent) {
    super("wasmj-module", parent);
    this.module = module;
  }

  /** The internal name of defined function {@code k}'s class of {@code kind}. */
  static String internalName(String kind, int definedIndex) {
    return (PACKAGE + kind + definedIndex).replace('.', '/');
  }

  /** HotSpot's pattern for the classes of {@code kind}: {@code wasmj/gen/F*} for {@link #ENTRY}. */
  static String pattern(String kind) {
    return (PACKAGE + kind).replace('.', '/') + "*";
  }

  /** Defined function {@code k}'s class of {@code kind}, generated now if needed. */
  Class<?> functionClass(String kind, int definedIndex) {
    try {
      return loadClass(PACKAGE + kind + definedIndex);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!name.startsWith(PACKAGE) || name.length() < PACKAGE.length() + 2) {
      throw new ClassNotFoundException(name);
    }
    String kind = name.substring(PACKAGE.length(), PACKAGE.length() + 1);
    int k;
    try {
      k = Integer.parseInt(name.substring(PACKAGE.length() + 1));
    } catch (NumberFormatException e) {
      throw new ClassNotFoundException(name);
    }
    if (k < 0 || k >= module.code.functionCount()
        || !(kind.equals(ENTRY) || kind.equals(module.compiledKind(k)))) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes = module.generate(kind, k);
    Class<?> c = defineClass(name, bytes, 0, bytes.length);
    module.defined(kind, k, c);
    return c;
  }
}
