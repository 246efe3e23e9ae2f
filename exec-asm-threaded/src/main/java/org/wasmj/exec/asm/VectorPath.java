package org.wasmj.exec.asm;

import java.util.Optional;

/**
 * Whether generated code may keep f32x4 registers in JDK Vector API locals
 * ({@code jdk.incubator.vector}, through {@code rt.Vectors}): only if the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (never by default: the JVM then prints an incubator
 * warning), and not turned off with {@code -Dwasmj.vector=off}. Without the module nothing loads
 * a class that refers to it.
 */
final class VectorPath {
  private VectorPath() {}

  /** True if the Vector API is there and not turned off (read once). */
  static final boolean AVAILABLE = available();

  private static boolean available() {
    if ("off".equals(System.getProperty("wasmj.vector"))) {
      return false;
    }
    Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
    if (vector.isEmpty()) {
      return false;
    }
    Module self = VectorPath.class.getModule();
    if (!self.canRead(vector.get())) {
      self.addReads(vector.get()); // (a named module that declared it static reads it only if resolved)
    }
    return true;
  }
}
