/**
 * The register IR: Wasm's numeric semantics defined once ({@link org.wasmj.ir.Semantics}), and
 * (coming) the register instruction set and the stack-to-register translator.
 */
module org.wasmj.ir {
  requires transitive org.wasmj.validator;

  exports org.wasmj.ir;
}
