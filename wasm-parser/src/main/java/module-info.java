/**
 * The WebAssembly binary decoder and the definitions every later stage shares: the
 * {@link org.wasmj.WasmException} hierarchy, {@link org.wasmj.Feature}s, value types and the
 * {@link org.wasmj.parser.Opcode} table.
 */
module org.wasmj.parser {
  exports org.wasmj;
  exports org.wasmj.parser;
}
