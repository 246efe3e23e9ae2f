package org.wasmj.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.ExportType;
import org.wasmj.exec.Extern;
import org.wasmj.exec.Func;
import org.wasmj.exec.ImportType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;
import org.wasmj.wasi.Wasi;
import org.wasmj.wasi.WasiConfig;
import org.wasmj.wasi.internal.HostBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wasmj run}: instantiates a module with WASI and runs {@code _start}, or calls the export
 * named by {@code --invoke} with arguments parsed by its signature, printing each result on its
 * own line. The guest sees only the directories, environment and arguments given.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a WebAssembly module: a WASI command's _start, or the export named by"
        + " --invoke. Options may come before <file.wasm> or right after it; the first argument"
        + " after the module that is not an option starts the guest's arguments (or the values"
        + " for --invoke).",
        "Exit status: the guest's proc_exit code (0 when _start returns, or when the module has"
            + " no _start); a proc_exit code of 126 or more is an error, 1; 134 on a trap, in the"
            + " start function too; 1 for a module that cannot be loaded, linked or run as a"
            + " command; 2 for a usage error; 74 when wasmj cannot write its own output."},
    footer = {"", "Examples:",
        "  wasmj run examples/fib.wasm --invoke fib 30",
        "  wasmj run --dir .::/ --env LANG=C app.wasm input.txt"})
final class RunCommand implements Callable<Integer> {
  private final Main main;

  @Option(names = "--invoke", paramLabel = "NAME",
      description = "Call the export NAME instead of _start; the arguments after the module are"
          + " its parameters, parsed by its signature (integers decimal or 0x hex).")
  String invoke;

  @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
      description = "Preopen the host directory HOST, under the guest name GUEST (default: HOST"
          + " as written). Repeatable.")
  List<String> dirs = new ArrayList<>();

  @Option(names = "--mapdir", paramLabel = "GUEST::HOST", hidden = true,
      description = "Wasmtime's older spelling of --dir HOST::GUEST.")
  List<String> mapdirs = new ArrayList<>();

  @Option(names = "--env", paramLabel = "KEY[=VALUE]",
      description = "Give the guest the environment variable KEY (without =VALUE: this process's"
          + " value). Repeatable; nothing else of the host's environment is passed.")
  List<String> env = new ArrayList<>();

  @Option(names = "--max-open-files", paramLabel = "N",
      description = "Most files, directories and sockets the guest may hold open at once, stdio"
          + " and --dir included (default: " + WasiConfig.DEFAULT_MAX_OPEN_FILES + "); opening"
          + " more fails with EMFILE.")
  Integer maxOpenFiles;

  @Option(names = "--argv0", paramLabel = "NAME",
      description = "The guest's argv[0] (default: <file.wasm> as written).")
  String argv0;

  @Option(names = "--compilation-mode", paramLabel = "MODE",
      description = "eager, lazy-translation (default) or lazy.")
  String compilationMode;

  @Option(names = "--executor", paramLabel = "NAME",
      description = "The executor to run code with (see: wasmj executors).")
  String executor;

  @Option(names = "--trap-unknown-imports",
      description = "Define every function import nothing else defines as one that traps when"
          + " called.")
  boolean trapUnknownImports;

  @Option(names = "--default-values-unknown-imports",
      description = "Define every function import nothing else defines as one that returns zeros.")
  boolean defaultValuesUnknownImports;

  @Option(names = {"-v", "--verbose"}, description = "Print a Java stack trace on errors.")
  boolean verbose;

  @Parameters(index = "0", paramLabel = "<file.wasm>", description = "The module to run.")
  String file;

  @Parameters(index = "1..*", paramLabel = "ARGS",
      description = "The guest's arguments, or the values for --invoke.")
  List<String> args = new ArrayList<>();

  /** What the guest was running, for a trap's message. */
  private String running;

  RunCommand(Main main) {
    this.main = main;
  }

  @Override
  public Integer call() {
    return Failures.guard(main.err(), verbose, () -> running, this::execute);
  }

  private int execute() throws Exception {
    Config config = Config.defaults().withExecutor(executor);
    if (compilationMode != null) {
      config = config.withCompilationMode(CompilationMode.parse(compilationMode));
    }
    Engine engine = new Engine(config);
    Module module = Module.compile(engine, ModuleFile.read(HostBytes.path(file)));
    Linker<Void> linker = new Linker<>(engine);
    WasiConfig.Builder wasiConfig = Wasi.builder().inheritStdio()
        .stdout(main.guestOut()).stderr(main.guestErr())
        .arg(argv0 != null ? argv0 : file);
    if (invoke == null) {
      args.forEach(wasiConfig::arg);
    }
    if (maxOpenFiles != null) {
      wasiConfig.maxOpenFiles(maxOpenFiles);
    }
    for (String d : dirs) {
      int sep = d.indexOf("::");
      preopen(wasiConfig, "--dir", d, sep < 0 ? d : d.substring(0, sep),
          sep < 0 ? d : d.substring(sep + 2));
    }
    for (String d : mapdirs) {
      int sep = d.indexOf("::");
      if (sep < 0) {
        throw new Failures.UsageException("--mapdir takes GUEST::HOST, got '" + d + "'");
      }
      preopen(wasiConfig, "--mapdir", d, d.substring(sep + 2), d.substring(0, sep));
    }
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq < 0) {
        String value = HostArgs.env(e);
        if (value != null) {
          wasiConfig.env(e, value);
        }
      } else {
        wasiConfig.env(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    Store<Void> store = Store.of(engine);
    try (Wasi wasi = wasiConfig.addToLinker(linker)) {
      if (trapUnknownImports || defaultValuesUnknownImports) {
        defineUnknownImports(linker, store, module);
      }
      Instance instance = linker.instantiate(store, module);
      if (invoke == null && instance.getExport("_start").isPresent()) {
        checkCommand(instance.getExport("_start").get());
        running = describe(module, instance, "_start");
        return Failures.exitStatus(main.err(), wasi.run(instance));
      }
      if (instance.getExport("_initialize").isPresent()) { // a WASI reactor
        running = describe(module, instance, "_initialize");
        instance.getFunc("_initialize").call();
      }
      if (invoke == null) {
        return 0; // no _start: instantiating it (its start function) was the run, as Wasmtime
      }
      running = describe(module, instance, invoke);
      Func f = instance.getFunc(invoke);
      FuncType type = f.type();
      if (args.size() != type.paramCount()) {
        throw new Failures.UsageException(invoke + " takes " + type.paramCount() + " arguments "
            + type + ", got " + args.size());
      }
      Val[] values = new Val[args.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Values.parse(type.param(i), args.get(i));
      }
      for (Val v : f.call(values)) {
        main.out().println(Values.format(v));
      }
      return 0;
    } finally {
      main.out().flush();
    }
  }

  /** Preopens {@code host} as {@code guest}; neither may be empty ({@code ::/x} is no "."). */
  private static void preopen(WasiConfig.Builder config, String option, String value, String host,
      String guest) {
    if (host.isEmpty() || guest.isEmpty()) {
      throw new Failures.UsageException(option + " needs a host directory and a guest name, got '"
          + value + "' (write . for the working directory)");
    }
    config.preopenDir(HostBytes.path(host), guest); // the bytes given, whatever the locale
  }

  /** A command's {@code _start} is a function without parameters (its results are ignored). */
  private static void checkCommand(Extern start) {
    if (!(start instanceof Func)) {
      throw new Failures.Failure("the module's _start export is not a function, so it cannot run"
          + " as a WASI command", Failures.MODULE);
    }
    FuncType type = ((Func) start).type();
    if (type.paramCount() != 0) {
      throw new Failures.Failure("the module's _start takes parameters (func " + type + "), so it"
          + " cannot run as a WASI command; use --invoke to call a function with arguments",
          Failures.MODULE);
    }
  }

  /**
   * What was running, for a trap whose backtrace is empty (a trap raised by a host function
   * before any Wasm frame): the export and its function.
   */
  private static String describe(Module module, Instance instance, String export) {
    for (ExportType e : module.exports()) {
      if (e.name().equals(export) && e.kind() == ExternKind.FUNC) {
        return "while running " + instance.getFunc(export) + " (export \"" + export + "\")";
      }
    }
    return null;
  }

  /** Defines the function imports nothing defines: trapping, or returning zeros. */
  private void defineUnknownImports(Linker<Void> linker, Store<Void> store, Module module) {
    for (ImportType imp : module.imports()) {
      if (imp.kind() != ExternKind.FUNC || linker.get(store, imp.module(), imp.name()).isPresent()) {
        continue;
      }
      FuncType type = (FuncType) imp.type();
      String name = imp.module() + "::" + imp.name();
      if (defaultValuesUnknownImports) {
        linker.func(imp.module(), imp.name(), type, (caller, in) -> {
          Val[] out = new Val[type.resultCount()];
          for (int i = 0; i < out.length; i++) {
            out[i] = zero(type.result(i));
          }
          return out;
        });
      } else {
        linker.func(imp.module(), imp.name(), type, (caller, in) -> {
          throw new TrapException(TrapKind.HOST, "unknown import " + name + " was called", null);
        });
      }
    }
  }

  private static Val zero(ValType type) {
    switch (type) {
      case FUNCREF: return Val.funcref(null);
      case EXTERNREF: return Val.externref(null);
      case V128: return Val.v128(0, 0);
      default: return Val.fromBits(type, 0);
    }
  }
}
