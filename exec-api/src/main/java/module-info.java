/**
 * The wasmj embedding API ({@code org.wasmj.exec}): {@link org.wasmj.exec.Engine},
 * {@link org.wasmj.exec.Module}, {@link org.wasmj.exec.Store}, {@link org.wasmj.exec.Linker},
 * {@link org.wasmj.exec.Instance} and the values they hand out. Executors plug in through
 * {@code org.wasmj.exec.spi}; they and the runtime structures of {@code org.wasmj.exec.internal}
 * are exported only to the executor modules.
 */
module org.wasmj.exec {
  requires transitive org.wasmj.ir;

  exports org.wasmj.exec;
  exports org.wasmj.exec.internal to
      org.wasmj.exec.loopswitch,
      org.wasmj.exec.asm;
  exports org.wasmj.exec.spi to
      org.wasmj.exec.loopswitch,
      org.wasmj.exec.asm;

  uses org.wasmj.exec.spi.ExecutorProvider;
}
