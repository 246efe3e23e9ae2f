/**
 * Full validation of WebAssembly modules. {@link org.wasmj.validator.Validator} checks a module
 * and walks each function body once, optionally driving an
 * {@link org.wasmj.validator.InstructionVisitor} so that translation runs in the same pass.
 */
module org.wasmj.validator {
  requires transitive org.wasmj.parser;

  exports org.wasmj.validator;
}
