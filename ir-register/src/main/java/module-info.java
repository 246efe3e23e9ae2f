/** TODO: describe. */
module org.wasmj.ir {
  requires transitive org.wasmj.validator;
}
