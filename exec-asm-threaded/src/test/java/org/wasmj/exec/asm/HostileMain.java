package org.wasmj.exec.asm;

import java.lang.management.ManagementFactory;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * Measures one hostile module ({@link HostileModules}) on one executor, for the numbers in the
 * README: {@code java -cp ... org.wasmj.exec.asm.HostileMain CASE N EXECUTOR [MODE]}, where CASE
 * is brtable, brtable-same, stack, ifs, params32, params64, locals, constants. Prints the time and
 * the bytes allocated by compilation and by the first call, and the executor's statistics; run it
 * under {@code /usr/bin/time -v} for the peak memory.
 */
public final class HostileMain {
  private HostileMain() {}

  public static void main(String[] args) {
    String kind = args[0];
    int n = Integer.parseInt(args[1]);
    String executor = args[2];
    CompilationMode mode = args.length > 3 ? CompilationMode.valueOf(args[3]) : CompilationMode.EAGER;
    byte[] wasm;
    String export;
    Val[] in;
    switch (kind) {
      case "brtable": wasm = HostileModules.brTable(n); export = "pick"; in = new Val[] {Val.i32(n / 2)}; break;
      case "brtable-same": wasm = HostileModules.brTableSameTarget(n); export = "pick"; in = new Val[] {Val.i32(7)}; break;
      case "stack": wasm = HostileModules.deepStack(n); export = "sum"; in = new Val[0]; break;
      case "ifs": wasm = HostileModules.nestedIfs(n); export = "f"; in = new Val[] {Val.i32(41)}; break;
      case "params32": wasm = HostileModules.manyParams(n, ModuleBuilder.I32); export = "caller"; in = new Val[0]; break;
      case "params64": wasm = HostileModules.manyParams(n, ModuleBuilder.I64); export = "caller"; in = new Val[0]; break;
      case "locals": wasm = HostileModules.manyLocals(n); export = "f"; in = new Val[] {Val.i32(41)}; break;
      case "constants": wasm = HostileModules.manyConstants(n); export = "sum"; in = new Val[0]; break;
      default: throw new IllegalArgumentException(kind);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Engine engine = new Engine(Config.defaults().withExecutor(executor).withCompilationMode(mode)
        .withTieringThreshold(1).withCompilerThreads(0)); // tiered compiles on this thread
    long a0 = threads.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    Module module = Module.compile(engine, wasm);
    long t1 = System.nanoTime();
    long a1 = threads.getCurrentThreadAllocatedBytes();
    Instance instance = new Linker<Void>(engine).instantiate(new Store<>(engine, null), module);
    Val[] first = instance.getFunc(export).call(in);
    Val[] second = instance.getFunc(export).call(in);
    long t2 = System.nanoTime();
    long a2 = threads.getCurrentThreadAllocatedBytes();
    System.out.printf("%s n=%d module=%d bytes executor=%s mode=%s: compile %.0f ms, %d MB allocated;"
            + " two calls %.0f ms, %d MB; results %s %s; %s%n",
        kind, n, wasm.length, executor, mode, (t1 - t0) / 1e6, (a1 - a0) >> 20, (t2 - t1) / 1e6,
        (a2 - a1) >> 20, first[0], second[0], module.executorStatistics());
  }
}
