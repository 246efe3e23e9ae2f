/**
 * An application that runs WebAssembly with wasmj. It reads the embedding API only; the
 * executors are other modules on the module path, bound at start-up as providers of the
 * service {@code org.wasmj.exec} uses.
 */
module org.example.wasmapp {
  requires org.wasmj.exec;
}
