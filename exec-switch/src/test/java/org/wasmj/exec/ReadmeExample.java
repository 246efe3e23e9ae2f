package org.wasmj.exec;

import static org.wasmj.exec.HostType.I32;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedding example of README.md, verbatim between the markers. {@link ReadmeExampleTest}
 * checks that the README shows exactly these lines and runs this class from the repository root.
 */
public final class ReadmeExample {
  private ReadmeExample() {}

  public static void main(String[] args) throws IOException {
    // README: begin
    Engine engine = new Engine();
    Module module = Module.compile(engine, Files.readAllBytes(Path.of("examples/hello.wasm")));
    Linker<Void> linker = new Linker<Void>(engine).funcWrap("wasi_snapshot_preview1", "fd_write",
        I32, I32, I32, I32, I32, (caller, fd, iovecs, count, written) -> { // the first iovec only
          Memory memory = caller.memory();
          byte[] text = memory.read(memory.readI32(iovecs), memory.readI32(iovecs + 4));
          System.out.print(new String(text, StandardCharsets.UTF_8));
          return 0;
        });
    linker.instantiate(Store.of(engine), module).getFunc("_start").call();
    // README: end
  }
}
