/** TODO: describe. */
module org.wasmj.exec.loopswitch {
  requires transitive org.wasmj.exec;
}
