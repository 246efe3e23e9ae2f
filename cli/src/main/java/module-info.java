/** The {@code wasmj} command line tool. */
module org.wasmj.cli {
  requires org.wasmj.exec;
  requires org.wasmj.wasi;
  requires info.picocli;

  opens org.wasmj.cli to info.picocli; // picocli fills the annotated command fields reflectively
}
