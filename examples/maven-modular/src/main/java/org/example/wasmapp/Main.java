package org.example.wasmapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * Calls the export {@code fib} of a module, on the executor named by the third argument or, if
 * none is named, on the best one found on the module path.
 *
 * <pre>{@code java -p <module path> -m org.example.wasmapp/org.example.wasmapp.Main fib.wasm 25 [executor]}</pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Main <file.wasm> <n> [executor]");
      System.exit(2);
    }
    // On the module path, wasmj is the named module org.wasmj.exec; the executors are the
    // modules that provide its service, added at start-up though nothing requires them.
    System.out.println("wasmj from " + Engine.class.getModule() + "; executors found: "
        + String.join(", ", Engine.executors()));
    Config config = Config.defaults();
    if (args.length > 2) {
      config = config.withExecutor(args[2]);
    }
    Engine engine;
    try {
      engine = new Engine(config);
    } catch (IllegalArgumentException e) { // an unknown name: the message lists the known ones
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Module module = Module.compile(engine, Files.readAllBytes(Path.of(args[0])));
    Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
    int n = Integer.parseInt(args[1]);
    int result = instance.getFunc("fib").call(Val.i32(n))[0].i32();
    System.out.println("fib(" + n + ") = " + result + " on executor " + engine.executorName());
  }
}
