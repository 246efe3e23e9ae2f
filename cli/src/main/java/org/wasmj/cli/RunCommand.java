package org.wasmj.cli;

import java.time.Duration;
import java.util.List;
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
import org.wasmj.exec.StoreLimits;
import org.wasmj.exec.Val;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;
import org.wasmj.wasi.Wasi;
import org.wasmj.wasi.WasiConfig;
import org.wasmj.wasi.internal.HostBytes;
/**
 * {@code wasmj run}: instantiates a module with WASI and runs {@code _start}, or calls the export
 * named by {@code --invoke} with arguments parsed by its signature, printing each result on its
 * own line. The guest sees only the directories, environment and arguments given.
 */
final class RunCommand implements Failures.Guarded {
  static final Option<String> INVOKE = Option.text("--invoke", "NAME", "Call the export NAME"
      + " instead of _start; the arguments after the module are its parameters, parsed by its"
      + " signature (integers decimal or 0x hex).");
  static final Option<String> DIR = Option.text("--dir", "HOST[::GUEST]", "Preopen the host"
      + " directory HOST, under the guest name GUEST (default: HOST as written). Repeatable.")
      .repeatable();
  static final Option<String> MAPDIR = Option.text("--mapdir", "GUEST::HOST",
      "Wasmtime's older spelling of --dir HOST::GUEST.").repeatable().hidden();
  static final Option<String> ENV = Option.text("--env", "KEY[=VALUE]", "Give the guest the"
      + " environment variable KEY (without =VALUE: this process's value). Repeatable; nothing"
      + " else of the host's environment is passed.").repeatable();
  static final Option<Integer> MAX_OPEN_FILES = Option.integer("--max-open-files", "N", "Most"
      + " files, directories and sockets the guest may hold open at once, stdio and --dir"
      + " included (default: " + WasiConfig.DEFAULT_MAX_OPEN_FILES + "); opening more fails with"
      + " EMFILE.");
  static final Option<String> ARGV0 = Option.text("--argv0", "NAME",
      "The guest's argv[0] (default: <file.wasm> as written).");
  static final Option<String> COMPILATION_MODE = Option.text("--compilation-mode", "MODE",
      "eager, lazy-translation (default) or lazy.");
  static final Option<String> EXECUTOR = Option.text("--executor", "NAME",
      "The executor to run code with (see: wasmj executors).");
  static final Option<Integer> COMPILER_THREADS = Option.integer("--compiler-threads", "N",
      "Threads that generate the tiered executor's code in the background (0 to 64, default: "
      + Config.defaults().compilerThreads() + "); 0 generates a hot function's code on the"
      + " guest's thread before it goes on.");
  static final Option<Boolean> TRAP_UNKNOWN_IMPORTS = Option.flag("--trap-unknown-imports",
      "Define every function import nothing else defines as one that traps when called.");
  static final Option<Boolean> DEFAULT_VALUES_UNKNOWN_IMPORTS = Option.flag(
      "--default-values-unknown-imports",
      "Define every function import nothing else defines as one that returns zeros.");
  static final Option<String> FUEL = Option.text("--fuel", "N", "Give the guest N units of fuel"
      + " (one per instruction of wasmj's IR, more for bulk memory ops and grows); it traps 'all"
      + " fuel consumed by WebAssembly' when they run out.");
  static final Option<String> TIMEOUT = Option.text("--timeout", "DURATION", "Stop the guest"
      + " with the 'interrupt' trap after DURATION of wall-clock time (e.g. 500ms, 10s, 2m, 1h; a"
      + " plain number is seconds).");
  static final Option<String> MAX_MEMORY_SIZE = Option.text("--max-memory-size", "BYTES", "Most"
      + " bytes any one linear memory may have (e.g. 65536, 64K, 16M, 1G; K, M and G count in"
      + " 1024s); growing past it fails (memory.grow returns -1), and a module that declares more"
      + " cannot be instantiated.");
  static final Option<String> MAX_TABLE_ELEMENTS = Option.text("--max-table-elements", "N",
      "Most elements any one table may have; growing past it fails (table.grow returns -1), and"
      + " a module that declares more cannot be instantiated.");

  /**
   * The options that say how the program runs (all but the engine's), shared with {@code wasmj
   * compare}.
   */
  static final Option<?>[] PROGRAM_OPTIONS = {INVOKE, DIR, MAPDIR, ENV, MAX_OPEN_FILES, ARGV0,
      TRAP_UNKNOWN_IMPORTS, DEFAULT_VALUES_UNKNOWN_IMPORTS, FUEL, TIMEOUT, MAX_MEMORY_SIZE,
      MAX_TABLE_ELEMENTS};

  static final CommandSpec SPEC = new CommandSpec("run",
      "Run a WebAssembly module: a WASI command, or one export with --invoke.")
      .describe("Run a WebAssembly module: a WASI command's _start, or the export named by"
          + " --invoke. Options may come before <file.wasm> or right after it; the first argument"
          + " after the module that is not an option starts the guest's arguments (or the values"
          + " for --invoke).")
      .describe("Exit status: the guest's proc_exit code (0 when _start returns, or when the"
          + " module has no _start); a proc_exit code of 126 or more is an error, 1; 134 on a"
          + " trap, in the start function too, and when --fuel runs out or --timeout passes; 1"
          + " for a module that cannot be loaded, linked or run as a command; 2 for a usage error;"
          + " 74 when wasmj cannot write its own output.")
      .options(PROGRAM_OPTIONS)
      .options(COMPILATION_MODE, EXECUTOR, COMPILER_THREADS, Failures.VERBOSE)
      .parameter("<file.wasm>", "The module to run.")
      .rest("[ARGS...]", "The guest's arguments, or the values for --invoke.")
      .footer("Examples:",
          "  wasmj run examples/fib.wasm --invoke fib 30",
          "  wasmj run --dir .::/ --env LANG=C app.wasm input.txt",
          "  wasmj app.wasm input.txt            (short for wasmj run app.wasm input.txt)");

  private final Main main;
  private final Arguments arguments;
  private final String file;
  private final String invoke;
  private final List<String> args;

  /**
   * What the guest was running, for a trap's message ({@link #running()}): the export, its module
   * and instance; described only when a trap asks (a description costs a millisecond or two
   * before the guest's first instruction, in HotSpot's bytecode interpreter).
   */
  private String runningExport;
  private Module runningModule;
  private Instance runningInstance;
  /** The guest's fuel ({@code --fuel}) and time ({@code --timeout}), or null; set by engine. */
  private Long fuel;
  private Duration runFor;
  /** The running {@code --timeout}'s timer, or null. */
  private Timer timer;

  RunCommand(Main main, Arguments arguments) {
    this.main = main;
    this.arguments = arguments;
    this.file = arguments.parameter(0);
    this.invoke = arguments.get(INVOKE);
    this.args = arguments.rest();
  }

  @Override
  public String running() {
    return runningExport == null ? null
        : describe(runningModule, runningInstance, runningExport);
  }

  /** The guest is about to run {@code export} of {@code instance} (for {@link #running()}). */
  private void running(Module module, Instance instance, String export) {
    runningModule = module;
    runningInstance = instance;
    runningExport = export;
  }

  @Override
  public int run() throws Exception {
    ModuleFile.Ahead read = ModuleFile.readAhead(HostBytes.path(file)); // while the engine is made
    Engine engine = Failures.fromOptions(
        () -> engine(arguments.get(EXECUTOR), arguments.get(COMPILATION_MODE)));
    return run(Module.compile(engine, read.bytes()), main);
  }

  /**
   * Runs the program once on {@code module}, compiled for an engine from {@link #engine}, with a
   * new store and WASI context; {@code io} gives the streams (wasmj's and the guest's). Returns
   * the exit status; errors are thrown, for {@link Failures#guard} to report.
   */
  int run(Module module, Main io) throws Exception {
    Engine engine = module.engine();
    Linker<Void> linker = new Linker<>(engine);
    WasiConfig wasiConfig = Failures.fromOptions(() -> wasiConfig(io));
    Store<Void> store = Failures.fromOptions(() -> store(engine));
    // Wasi.create checks the preopens in any case
    try (Wasi wasi = Failures.fromOptions(() -> Wasi.create(wasiConfig))) {
      if (importsWasi(module)) { // 46 host functions, milliseconds a module without WASI skips
        wasi.addToLinker(linker);
      }
      if (arguments.has(TRAP_UNKNOWN_IMPORTS) || arguments.has(DEFAULT_VALUES_UNKNOWN_IMPORTS)) {
        defineUnknownImports(linker, store, module);
      }
      Instance instance = linker.instantiate(store, module);
      if (invoke == null && instance.getExport("_start").isPresent()) {
        checkCommand(instance.getExport("_start").get());
        running(module, instance, "_start");
        int code = wasi.run(instance);
        timeoutPassed();
        return Failures.exitStatus(io.err(), code);
      }
      if (instance.getExport("_initialize").isPresent()) { // a WASI reactor
        running(module, instance, "_initialize");
        instance.getFunc("_initialize").call();
        timeoutPassed();
      }
      if (invoke == null) {
        return 0; // no _start: instantiating it (its start function) was the run, as Wasmtime
      }
      running(module, instance, invoke);
      Func f = Failures.fromOptions(() -> instance.getFunc(invoke));
      FuncType type = f.type();
      if (args.size() != type.paramCount()) {
        int n = type.paramCount();
        throw new Failures.UsageException(invoke + " (func " + type + ") takes " + n
            + (n == 1 ? " argument" : " arguments") + ", got " + args.size());
      }
      Val[] values = new Val[args.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Values.parse(type.param(i), args.get(i));
      }
      Val[] results = f.call(values);
      timeoutPassed();
      for (Val v : results) {
        io.out().println(Values.format(v));
      }
      return 0;
    } finally {
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
      io.out().flush();
    }
  }

  /**
   * The engine the options ask for, with {@code executor} and {@code compilationMode} (each
   * null for the default); it must be called before {@link #run(Module, Main)}, which uses the
   * fuel and deadline it reads.
   */
  Engine engine(String executor, String compilationMode) {
    Config config = Config.defaults().withExecutor(executor);
    if (compilationMode != null) {
      config = config.withCompilationMode(CompilationMode.parse(compilationMode));
    }
    if (arguments.has(COMPILER_THREADS)) {
      int threads = arguments.get(COMPILER_THREADS);
      if (threads < 0 || threads > 64) {
        throw new Failures.UsageException("--compiler-threads takes 0 to 64, got " + threads);
      }
      config = config.withCompilerThreads(threads);
    }
    fuel = arguments.has(FUEL) ? count(FUEL) : null;
    runFor = arguments.has(TIMEOUT) ? duration(TIMEOUT, arguments.get(TIMEOUT)) : null;
    config = config.withFuel(fuel != null).withEpochInterruption(runFor != null);
    return new Engine(config);
  }

  /**
   * The guest's store on {@code engine} (from {@link #engine}), with the limits, fuel and
   * deadline the options ask for; the timer that ends the deadline starts now.
   */
  private Store<Void> store(Engine engine) {
    Store<Void> store = Store.of(engine);
    limit(store);
    if (fuel != null) {
      store.setFuel(fuel);
    }
    if (runFor != null) {
      store.setEpochDeadline(1);
      timer = new Timer(engine, runFor);
    }
    return store;
  }

  /** The guest's WASI configuration, from the options and arguments, writing to {@code io}. */
  private WasiConfig wasiConfig(Main io) {
    WasiConfig.Builder wasiConfig = Wasi.builder().inheritStdio()
        .stdout(io.guestOut()).stderr(io.guestErr())
        .arg(arguments.has(ARGV0) ? arguments.get(ARGV0) : file);
    if (io.guestIn() != null) {
      wasiConfig.stdin(io.guestIn());
    }
    if (invoke == null) {
      for (String arg : args) {
        wasiConfig.arg(arg);
      }
    }
    if (arguments.has(MAX_OPEN_FILES)) {
      wasiConfig.maxOpenFiles(arguments.get(MAX_OPEN_FILES));
    }
    for (String d : arguments.all(DIR)) {
      int sep = d.indexOf("::");
      preopen(wasiConfig, "--dir", d, sep < 0 ? d : d.substring(0, sep),
          sep < 0 ? d : d.substring(sep + 2));
    }
    for (String d : arguments.all(MAPDIR)) {
      int sep = d.indexOf("::");
      if (sep < 0) {
        throw new Failures.UsageException("--mapdir takes GUEST::HOST, got '" + d + "'");
      }
      preopen(wasiConfig, "--mapdir", d, d.substring(sep + 2), d.substring(0, sep));
    }
    for (String e : arguments.all(ENV)) {
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
    return wasiConfig.build();
  }

  private static boolean importsWasi(Module module) {
    for (ImportType imp : module.imports()) {
      if (imp.module().equals(Wasi.MODULE)) {
        return true;
      }
    }
    return false;
  }

  /** Sets the store's limits from {@code --max-memory-size} and {@code --max-table-elements}. */
  private void limit(Store<Void> store) {
    if (!arguments.has(MAX_MEMORY_SIZE) && !arguments.has(MAX_TABLE_ELEMENTS)) {
      return;
    }
    StoreLimits limits = StoreLimits.defaults();
    if (arguments.has(MAX_MEMORY_SIZE)) {
      limits = limits.withMemorySize(bytes(arguments.get(MAX_MEMORY_SIZE)));
    }
    if (arguments.has(MAX_TABLE_ELEMENTS)) {
      limits = limits.withTableElements(count(MAX_TABLE_ELEMENTS));
    }
    store.setLimiter(limits);
  }

  /** The value of {@code option}, a number of at least 0. */
  private long count(Option<String> option) {
    String text = arguments.get(option);
    if (!text.matches("\\d{1,18}")) {
      throw new Failures.UsageException(
          option.name() + " takes a number of at least 0, got '" + text + "'");
    }
    return Long.parseLong(text);
  }

  /**
   * The {@code interrupt} trap if {@code --timeout} passed while the guest ran: a guest that the
   * timer woke from a wait in a host call and that then returned, or called {@code proc_exit},
   * met no check on its way out.
   */
  private void timeoutPassed() {
    if (timer != null && timer.fired()) {
      throw new TrapException(TrapKind.INTERRUPT);
    }
  }

  /**
   * The {@code --timeout} timer: {@code after} from its start it advances the engine's epoch and
   * interrupts the guest's thread (the one that started it), unless {@link #cancel}led first. The
   * epoch stops guest code at its next check; the interrupt ends a wait in a host call, which
   * reaches no check (poll_oneoff on a clock that never comes waited on past the timeout).
   */
  private static final class Timer {
    private final Thread guest = Thread.currentThread();
    private final Thread thread;
    private boolean done;
    private boolean fired;

    Timer(Engine engine, Duration after) {
      thread = new Thread(() -> {
        try {
          sleep(after);
        } catch (InterruptedException e) {
          return;
        }
        synchronized (this) {
          if (!done) {
            fired = true;
            engine.incrementEpoch();
            guest.interrupt();
          }
        }
      }, "wasmj-timeout");
      thread.setDaemon(true);
      thread.start();
    }

    /** Whether the time has passed. */
    synchronized boolean fired() {
      return fired;
    }

    /** Stops the timer; on the guest's thread, clears an interrupt it made that nothing took. */
    synchronized void cancel() {
      done = true;
      thread.interrupt();
      if (fired && Thread.currentThread() == guest) {
        Thread.interrupted();
      }
    }
  }

  /**
   * Sleeps for {@code d}, which may be as long as {@link #duration} allows: up to 10^12 hours,
   * whose nanoseconds do not fit a long ({@code toNanos} threw in the timer thread, whose stack
   * trace went to the guest's stderr).
   */
  static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a number of seconds, for {@code option}. */
  static Duration duration(Option<String> option, String s) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,12})(ms|s|m|h)?").matcher(s.trim());
    if (!m.matches()) {
      throw new Failures.UsageException(option.name() + " takes a duration such as 500ms, 10s, 2m"
          + " or 1h, got '" + s + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms": return Duration.ofMillis(n);
      case "m": return Duration.ofMinutes(n);
      case "h": return Duration.ofHours(n);
      default: return Duration.ofSeconds(n);
    }
  }

  /** A size in bytes: a number, or one followed by K, M or G (multiples of 1024). */
  static long bytes(String s) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,15})([KMG]?)i?B?").matcher(s.trim());
    int shift = !m.matches() ? 0 : "_KMG".indexOf(m.group(2).isEmpty() ? "_" : m.group(2)) * 10;
    if (!m.matches() || Long.parseLong(m.group(1)) > Long.MAX_VALUE >> shift) {
      throw new Failures.UsageException("--max-memory-size takes a number of bytes such as"
          + " 65536, 64K, 16M or 1G, got '" + s + "'");
    }
    return Long.parseLong(m.group(1)) << shift;
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
      if (arguments.has(DEFAULT_VALUES_UNKNOWN_IMPORTS)) {
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
