/**
 * The wasmj embedding API ({@code org.wasmj.exec}). The package {@code org.wasmj.exec.internal}
 * holds the runtime structures executors work on and is exported only to them.
 */
module org.wasmj.exec {
  requires transitive org.wasmj.ir;

  exports org.wasmj.exec;
  exports org.wasmj.exec.internal to
      org.wasmj.exec.loopswitch;
}
