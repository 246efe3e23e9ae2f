/**
 * The wasmj embedding API ({@code org.wasmj.exec}): {@link org.wasmj.exec.Engine},
 * {@link org.wasmj.exec.Module}, {@link org.wasmj.exec.Store}, {@link org.wasmj.exec.Linker},
 * {@link org.wasmj.exec.Instance} and the values they hand out. Executors plug in through the
 * public SPI of {@code org.wasmj.exec.spi}; the runtime structures of
 * {@code org.wasmj.exec.internal} are exported only to the in-tree executors (see
 * docs/RATIONALE.md, "The executor SPI").
 */
module org.wasmj.exec {
  requires transitive org.wasmj.parser;
  // Not transitive: embedders see the API only. The SPI's GuestFunction and GuestModule hand out
  // the IR, so an executor module requires org.wasmj.ir itself.
  requires org.wasmj.ir;

  exports org.wasmj.exec;
  exports org.wasmj.exec.spi;
  exports org.wasmj.exec.internal to
      org.wasmj.exec.loopswitch,
      org.wasmj.exec.asm;

  uses org.wasmj.exec.spi.ExecutorProvider;
}
