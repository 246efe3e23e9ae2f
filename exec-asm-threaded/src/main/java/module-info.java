/**
 * Executor {@code asm}: each Wasm function's register IR becomes a JVM class generated with ASM,
 * so that control passes from one instruction's code to the next with no dispatch at all; and
 * executor {@code tiered}, which starts functions in the interpreter and compiles the hot ones.
 */
module org.wasmj.exec.asm {
  requires transitive org.wasmj.exec;
  requires org.wasmj.ir;
  requires org.wasmj.exec.loopswitch;
  requires org.objectweb.asm;
  requires java.management; // JitDirectives: HotSpot's DiagnosticCommand MBean, never needed to run
  requires static jdk.incubator.vector; // the optional vector path (VectorPath): never needed to run

  provides org.wasmj.exec.spi.ExecutorProvider with
      org.wasmj.exec.asm.AsmProvider,
      org.wasmj.exec.asm.TieredProvider;
}
