package org.wasmj.cli;

import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.wasi.internal.HostBytes;

/** {@code wasmj inspect}: a module's sections, imports, exports and sizes, or one function's IR. */
final class InspectCommand implements Failures.Guarded {
  static final Option<String> IR = Option.text("--ir", "FUNC", "Print the register IR of FUNC:"
      + " an export name, a name-section name or a function index.");
  static final Option<String> EXECUTOR = Option.text("--executor", "NAME", "Executor for --ir.");
  static final Option<Boolean> FUEL = Option.flag("--fuel",
      "With --ir: the IR as fuel metering runs it, with its charges (as run --fuel).");
  static final Option<Boolean> INTERRUPTIBLE = Option.flag("--interruptible", "With --ir: the IR"
      + " with the interruption checks at entries and loops (as run --timeout).");

  static final CommandSpec SPEC = new CommandSpec("inspect",
      "Print a module's sections, imports, exports and sizes, or a function's IR.")
      .describe("Print the sections, imports, exports and sizes of a module, or with --ir the"
          + " register IR of one function.")
      .options(IR, EXECUTOR, FUEL, INTERRUPTIBLE, Failures.VERBOSE)
      .parameter("<file.wasm>", "The module.");

  private final Main main;
  private final Arguments arguments;

  InspectCommand(Main main, Arguments arguments) {
    this.main = main;
    this.arguments = arguments;
  }

  @Override
  public int run() throws Exception {
    String file = arguments.parameter(0);
    byte[] bytes = ModuleFile.read(HostBytes.path(file));
    String ir = arguments.get(IR);
    if (ir != null) {
      Engine engine = Failures.fromOptions(
          () -> new Engine(Config.defaults().withExecutor(arguments.get(EXECUTOR))
              .withFuel(arguments.has(FUEL)).withEpochInterruption(arguments.has(INTERRUPTIBLE))));
      Module module = Module.compile(engine, bytes);
      String text = Failures.fromOptions(() -> module.disassemble(ir)); // --ir names no function
      main.out().println(Text.escapeLines(text));
    } else {
      Inspector.print(file, bytes, main.out());
    }
    return 0;
  }
}
