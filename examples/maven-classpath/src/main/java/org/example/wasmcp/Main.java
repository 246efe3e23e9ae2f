package org.example.wasmcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.wasi.Wasi;

/**
 * Runs a WASI command with the host's standard streams and exits with its exit code.
 *
 * <pre>{@code java -cp <class path> org.example.wasmcp.Main app.wasm [args...]}</pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Main <file.wasm> [args...]");
      System.exit(2);
    }
    Engine engine = new Engine();
    Module module = Module.compile(engine, Files.readAllBytes(Path.of(args[0])));
    Linker<Void> linker = new Linker<>(engine);
    int exitCode;
    try (Wasi wasi = Wasi.builder().args(args).inheritStdio().addToLinker(linker)) {
      exitCode = wasi.run(linker.instantiate(Store.of(engine), module));
    }
    System.out.println("(exit code " + exitCode + ", executor " + engine.executorName() + ")");
    System.exit(exitCode);
  }
}
