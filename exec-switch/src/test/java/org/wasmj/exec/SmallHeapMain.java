package org.wasmj.exec;

/**
 * Run by {@link ExhaustionTest} in a JVM with a small heap: instantiates a module whose memory
 * ({@code args[0]} pages) or table ({@code args[1]} elements) the heap cannot hold, and prints
 * the class of what was thrown, or "instantiated".
 */
public final class SmallHeapMain {
  private SmallHeapMain() {}

  public static void main(String[] args) {
    WasmBuilder b = new WasmBuilder();
    long pages = Long.parseLong(args[0]);
    long elements = Long.parseLong(args[1]);
    if (pages > 0) {
      b.memory(pages, org.wasmj.parser.Limits.NO_MAX);
    }
    if (elements > 0) {
      b.table(org.wasmj.parser.ValType.FUNCREF, elements, org.wasmj.parser.Limits.NO_MAX);
    }
    try {
      Wasm.instantiate(b.build());
      System.out.println("instantiated");
    } catch (Throwable t) {
      System.out.println(t.getClass().getName());
    }
  }
}
