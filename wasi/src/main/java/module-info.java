/**
 * WASI preview 1 ({@code wasi_snapshot_preview1}) for wasmj: {@link org.wasmj.wasi.Wasi} defines
 * its host functions in a {@link org.wasmj.exec.Linker}, sandboxed to the directories, arguments
 * and environment given in a {@link org.wasmj.wasi.WasiConfig}.
 */
module org.wasmj.wasi {
  requires transitive org.wasmj.exec;
  requires java.management;

  exports org.wasmj.wasi;
  exports org.wasmj.wasi.internal to org.wasmj.cli; // HostBytes: host paths and text as bytes
}
