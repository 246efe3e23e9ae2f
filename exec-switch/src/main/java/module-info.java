/**
 * Executor {@code switch}: a loop-switch interpreter over the register IR, registered as an
 * {@link org.wasmj.exec.spi.ExecutorProvider}.
 */
module org.wasmj.exec.loopswitch {
  requires transitive org.wasmj.exec;

  provides org.wasmj.exec.spi.ExecutorProvider with
      org.wasmj.exec.loopswitch.SwitchProvider;
}
