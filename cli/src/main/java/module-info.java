/** The {@code wasmj} command line tool. */
module org.wasmj.cli {
  requires org.wasmj.exec;
  requires org.wasmj.validator; // Inspector checks a module without compiling it
  requires org.wasmj.wasi;
}
