/** Executor {@code switch}: a loop-switch interpreter over the register IR (being built, issue 3). */
module org.wasmj.exec.loopswitch {
  requires transitive org.wasmj.exec;
}
