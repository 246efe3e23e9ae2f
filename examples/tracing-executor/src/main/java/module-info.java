/**
 * An example executor, {@code tracing}, written against the public executor SPI only: a plain
 * interpreter of wasmj's register IR that counts the IR ops it runs, per op and per function, and
 * reports them through {@code Module.executorStatistics()}. See
 * {@code module-info-docs/writing-an-executor.md}.
 */
module org.wasmj.examples.tracing {
  requires org.wasmj.exec;
  requires org.wasmj.ir;

  provides org.wasmj.exec.spi.ExecutorProvider with
      org.wasmj.examples.tracing.TracingProvider;
}
