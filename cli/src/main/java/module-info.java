/** The {@code wasmj} command line tool. */
module org.wasmj.cli {
  requires org.wasmj.exec;
  requires org.wasmj.wasi;
}
