/** TODO: describe. */
module org.wasmj.exec {
  requires transitive org.wasmj.ir;
}
