package org.wasmj.exec;

/**
 * Run by {@link ExhaustionTest} in a JVM with a small heap: instantiates a module whose memories
 * ({@code args[2]} of {@code args[0]} pages) or tables ({@code args[2]} of {@code args[1]}
 * elements) the heap cannot hold, in a store without limits of its own, and prints the class of
 * what was thrown, or "instantiated"; then, if something was thrown, that the store still works.
 */
public final class SmallHeapMain {
  private SmallHeapMain() {}

  public static void main(String[] args) {
    WasmBuilder b = new WasmBuilder();
    long pages = Long.parseLong(args[0]);
    long elements = Long.parseLong(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int i = 0; i < count; i++) {
      if (pages > 0) {
        b.memory(pages, org.wasmj.parser.Limits.NO_MAX);
      }
      if (elements > 0) {
        b.table(org.wasmj.parser.ValType.FUNCREF, elements, org.wasmj.parser.Limits.NO_MAX);
      }
    }
    Engine engine = new Engine(Config.defaults().withMaxStoreMemoryBytes(Long.MAX_VALUE)
        .withMaxStoreTableElements(Long.MAX_VALUE));
    Store<Void> store = Store.of(engine);
    try {
      new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));
      System.out.println("instantiated");
    } catch (Throwable t) {
      System.out.println(t.getClass().getName());
      // the store goes on: what the failed instantiation made is garbage
      new Linker<Void>(engine).instantiate(store, Wasm.instantiate(engine, Wasm.adder()).module());
    }
  }
}
