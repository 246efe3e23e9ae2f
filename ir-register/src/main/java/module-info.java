/**
 * The register IR: its instruction set ({@link org.wasmj.ir.Op}), the stack-to-register
 * translator ({@link org.wasmj.ir.Translator}) that produces a
 * {@link org.wasmj.ir.CompiledFunction} in the validator's pass, and Wasm's numeric semantics
 * defined once for every executor ({@link org.wasmj.ir.Semantics},
 * {@link org.wasmj.ir.SimdSemantics}).
 */
module org.wasmj.ir {
  requires transitive org.wasmj.validator;

  exports org.wasmj.ir;
}
