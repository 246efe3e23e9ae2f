/**
 * Executor {@code switch}: a loop-switch interpreter over the register IR, registered as an
 * {@link org.wasmj.exec.spi.ExecutorProvider}.
 */
module org.wasmj.exec.loopswitch {
  requires transitive org.wasmj.exec;
  requires org.wasmj.ir;

  // The asm executor runs the functions it does not compile with this interpreter.
  exports org.wasmj.exec.loopswitch to
      org.wasmj.exec.asm;

  provides org.wasmj.exec.spi.ExecutorProvider with
      org.wasmj.exec.loopswitch.SwitchProvider;
}
