package org.wasmj.cli;

import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.wasi.internal.HostBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasmj inspect}: a module's sections, imports, exports and sizes, or one function's IR. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the sections, imports, exports and sizes of a module, or with --ir the"
        + " register IR of one function.")
final class InspectCommand implements java.util.concurrent.Callable<Integer> {
  private final Main main;

  @Option(names = "--ir", paramLabel = "FUNC",
      description = "Print the register IR of FUNC: an export name, a name-section name or a"
          + " function index.")
  String ir;

  @Option(names = "--executor", paramLabel = "NAME", description = "Executor for --ir.")
  String executor;

  @Option(names = {"-v", "--verbose"}, description = "Print a Java stack trace on errors.")
  boolean verbose;

  @Parameters(index = "0", paramLabel = "<file.wasm>", description = "The module.")
  String file;

  InspectCommand(Main main) {
    this.main = main;
  }

  @Override
  public Integer call() {
    return Failures.guard(main.err(), verbose, () -> {
      byte[] bytes = ModuleFile.read(HostBytes.path(file));
      if (ir != null) {
        Module module = Module.compile(new Engine(Config.defaults().withExecutor(executor)), bytes);
        main.out().println(Text.escapeLines(module.disassemble(ir)));
      } else {
        Inspector.print(file, bytes, main.out());
      }
      return 0;
    });
  }
}
