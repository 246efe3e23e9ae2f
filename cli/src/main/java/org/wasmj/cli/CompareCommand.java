package org.wasmj.cli;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.wasi.internal.HostBytes;

/**
 * {@code wasmj compare}: runs one program on every executor found (or those named), in each
 * compilation mode asked for, cold (a fresh JVM per executor and mode, which runs this command
 * with {@link #MEASURE_ONCE} and reports on one line) and warm (repeatedly in this JVM), and
 * prints a {@link Comparison}: times, what was compiled, the IR's size, whether the output
 * agreed, and the op histogram of an executor that counts ops. The program runs as
 * {@code wasmj run} would run it ({@link RunCommand}), with its output kept, not printed.
 */
final class CompareCommand implements Failures.Guarded {
  static final Option<String> EXECUTORS = Option.text("--executors", "LIST", "The executors to"
      + " compare, comma-separated (default: every one found; see: wasmj executors).");
  static final Option<String> MODES = Option.text("--modes", "LIST", "The compilation modes to"
      + " compare, comma-separated: eager, lazy-translation, lazy (default: the engine's, "
      + Config.defaults().compilationMode().cliName() + ").");
  static final Option<Integer> RUNS = Option.integer("--runs", "N", "Runs timed in this JVM per"
      + " executor and mode, after the warm-up; the median is shown (default: 10).");
  static final Option<Integer> WARMUP = Option.integer("--warmup", "N", "Untimed runs in this"
      + " JVM before those: at least N (default: 5), and for at least --warmup-time.");
  static final Option<String> WARMUP_TIME = Option.text("--warmup-time", "DURATION", "The least"
      + " time the warm-up runs take, so that the JIT compiler has compiled what it will"
      + " (default: 1s; e.g. 500ms; 0 for none).");
  static final Option<Integer> COLD_RUNS = Option.integer("--cold-runs", "N", "Fresh JVMs started"
      + " per executor and mode, each timed from its start to the program's result; the median"
      + " is shown (default: 1; 0 measures no cold start).");
  static final Option<String> SVG = Option.text("--svg", "FILE",
      "Also draw the table as an SVG bar chart in FILE.");
  static final Option<Integer> TOP = Option.integer("--top", "N", "How many of the most frequent"
      + " IR ops to list for an executor that counts them (default: 10).");
  /** The cold child's mode: one run of one executor and mode, its outcome on one line. */
  static final Option<Boolean> MEASURE_ONCE = Option.flag("--measure-once",
      "Run once and print the outcome on one line (used by compare itself).").hidden();

  /** How the cold child's line of figures starts. */
  static final String RESULT = "wasmj-compare-result ";

  static final CommandSpec SPEC = new CommandSpec("compare",
      "Run a program on every executor and compare times, code and output.")
      .describe("Run a WebAssembly program (a WASI command, or an export with --invoke) on every"
          + " executor found, in each compilation mode asked for, and print a table: the time to"
          + " the first result in a fresh JVM (cold: JVM start, compiling and the run, wall"
          + " clock), the median time of a run in this JVM after warm-up (warm: instantiating and"
          + " running), the functions the executor compiled, the size of the module's register"
          + " IR, and whether every run gave the same output and exit status. For an executor"
          + " that counts the IR ops it runs (statistics named ops.NAME), the most frequent ops"
          + " follow.")
      .describe("The program's output is kept and compared, not printed; its stdin is empty. It"
          + " takes the options of wasmj run, except --executor and --compilation-mode.")
      .options(EXECUTORS, MODES, RUNS, WARMUP, WARMUP_TIME, COLD_RUNS, SVG, TOP, MEASURE_ONCE)
      .options(RunCommand.PROGRAM_OPTIONS)
      .options(Failures.VERBOSE)
      .parameter("<file.wasm>", "The module to run.")
      .rest("[ARGS...]", "The guest's arguments, or the values for --invoke.")
      .footer("Examples:",
          "  wasmj compare examples/fib.wasm --invoke fib 30",
          "  wasmj compare --modes eager,lazy examples/fib.wasm --invoke fib 30",
          "  wasmj compare --runs 20 --svg fib.svg examples/fib.wasm --invoke fib 30",
          "  wasmj compare --executors switch,asm --cold-runs 0 --dir . app.wasm input.txt");

  private final Main main;
  private final Arguments arguments;
  private final String file;
  private final boolean verbose;

  CompareCommand(Main main, Arguments arguments) {
    this.main = main;
    this.arguments = arguments;
    this.file = arguments.parameter(0);
    this.verbose = arguments.has(Failures.VERBOSE);
  }

  @Override
  public int run() throws Exception {
    List<String> executors = executors();
    List<String> modes = modes();
    if (arguments.has(MEASURE_ONCE)) {
      return measureOnce(executors.get(0), modes.get(0));
    }
    int runs = atLeast(RUNS, 10, 1);
    int warmup = atLeast(WARMUP, 5, 0);
    long warmupNanos = arguments.has(WARMUP_TIME)
        ? RunCommand.duration(WARMUP_TIME, arguments.get(WARMUP_TIME)).toNanos() : 1_000_000_000L;
    int coldRuns = atLeast(COLD_RUNS, 1, 0);
    int top = atLeast(TOP, 10, 0);
    byte[] bytes = ModuleFile.read(HostBytes.path(file));
    WasmModule parsed = WasmParser.parse(bytes, Feature.ALL);
    Comparison comparison = new Comparison(commandLine(), runs, coldRuns);
    for (String executor : executors) {
      for (String mode : modes) {
        Comparison.Row row = comparison.add(executor, mode != null ? mode
            : Config.defaults().compilationMode().cliName());
        RunCommand program = new RunCommand(main, arguments);
        Engine engine = Failures.fromOptions(() -> program.engine(executor, mode));
        Module module = Module.compile(engine, bytes);
        Comparison.Outcome first = runOnce(program, module, row.outcomes.isEmpty()
            && comparison.rows().size() == 1);
        if (first == null) {
          return Main.USAGE; // the program's arguments are wrong: said, no use going on
        }
        row.outcomes.add(first);
        row.firstRunStatistics = module.executorStatistics();
        long warmupStart = System.nanoTime();
        int warmed = 0;
        while (warmed < warmup || System.nanoTime() - warmupStart < warmupNanos) {
          runOnce(program, module, false);
          warmed++;
        }
        row.warmupRuns = warmed;
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          row.outcomes.add(runOnce(program, module, false));
          row.warmMillis.add((System.nanoTime() - start) / 1e6);
        }
        row.statistics = module.executorStatistics();
        measureIr(row, module, parsed);
      }
    }
    for (Comparison.Row row : comparison.rows()) {
      for (int i = 0; i < coldRuns; i++) {
        cold(row);
      }
    }
    comparison.print(main.out(), top);
    if (arguments.has(SVG)) {
      Path svg = HostBytes.path(arguments.get(SVG));
      Files.writeString(svg, comparison.svg(), StandardCharsets.UTF_8);
      main.out().println();
      main.out().println("chart: " + Text.escape(arguments.get(SVG)));
    }
    return 0;
  }

  /**
   * The child's work: compile and run once on {@code executor} in {@code mode}, then print the
   * outcome on one line starting with {@link #RESULT}.
   */
  private int measureOnce(String executor, String mode) throws Exception {
    RunCommand program = new RunCommand(main, arguments);
    Engine engine = Failures.fromOptions(() -> program.engine(executor, mode));
    Module module = Module.compile(engine, ModuleFile.read(HostBytes.path(file)));
    Comparison.Outcome outcome = runOnce(program, module, false);
    main.out().println(RESULT + outcome.line());
    main.out().flush(); // the parent's clock stops when the line arrives, not at the JVM's exit
    return 0;
  }

  /**
   * Runs the program once on {@code module}, its output and wasmj's messages about it kept. If
   * {@code firstOfAll} and the program's arguments are a usage error, prints the error and
   * returns null.
   */
  private Comparison.Outcome runOnce(RunCommand program, Module module, boolean firstOfAll) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outText = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errText = new PrintStream(err, true, StandardCharsets.UTF_8);
    Main io = new Main(outText, errText, out, err, new ByteArrayInputStream(new byte[0]));
    int status = Failures.guard(errText, verbose, () -> program.run(module, io));
    outText.flush();
    errText.flush();
    if (firstOfAll && status == Main.USAGE) {
      main.err().print(err.toString(StandardCharsets.UTF_8));
      return null;
    }
    return Comparison.Outcome.of(status, out.toByteArray(), err.toByteArray());
  }

  /**
   * Counts the register IR of every function the module defines, from its disassembly (which
   * translates functions not run yet): one instruction per line, and the code's length from
   * the last instruction's offset plus its slots (an op, then one slot per operand; the last
   * instruction of a function ends it, so it has no two-slot 64-bit immediate).
   */
  private static void measureIr(Comparison.Row row, Module module, WasmModule parsed) {
    long instructions = 0;
    long slots = 0;
    int first = parsed.importedFunctionCount();
    for (int i = first; i < first + parsed.bodies().size(); i++) {
      String text;
      try {
        text = module.disassemble(Integer.toString(i));
      } catch (WasmException | IllegalArgumentException e) {
        return; // an invalid body, found only now in lazy mode: the size is unknown
      }
      long[] size = irSize(text);
      instructions += size[0];
      slots += size[1];
    }
    row.irInstructions = instructions;
    row.irBytes = slots * Integer.BYTES;
  }

  /** Instructions and {@code int} slots of one function's disassembly ({@code @pc: ...} lines). */
  static long[] irSize(String disassembly) {
    long instructions = 0;
    long slots = 0;
    for (String line : disassembly.split("\n")) {
      if (!line.startsWith("@")) {
        continue; // the header
      }
      instructions++;
      int colon = line.indexOf(':');
      long pc = Long.parseLong(line.substring(1, colon));
      long operands = 0;
      for (String word : line.substring(colon + 1).trim().split(" ")) {
        if (!word.equals("<-") && !word.isEmpty()) {
          operands++; // the op itself, a result, an operand, or a br_table target
        }
      }
      slots = pc + operands;
    }
    return new long[] {instructions, slots};
  }

  /** Starts a fresh JVM on this command for {@code row}; adds its time and outcome. */
  private void cold(Comparison.Row row) throws Exception {
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(List.of("compare", MEASURE_ONCE.name(), EXECUTORS.name() + "=" + row.executor,
        MODES.name() + "=" + row.mode));
    command.addAll(programArguments());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process child = builder.start();
    child.getOutputStream().close(); // the guest's stdin: empty
    String result = null;
    double millis = Double.NaN;
    List<String> other = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (result == null && line.startsWith(RESULT)) {
          millis = (System.nanoTime() - start) / 1e6;
          result = line.substring(RESULT.length());
        } else {
          other.add(line);
        }
      }
    }
    int status = child.waitFor();
    if (result == null || status != 0) {
      throw new Failures.Failure("the fresh JVM for " + row.name() + " gave no result (exit"
          + " status " + status + ")" + (other.isEmpty() ? "" : ": " + String.join(" / ", other)),
          Failures.INTERNAL);
    }
    row.coldMillis.add(millis);
    row.outcomes.add(Comparison.Outcome.parse(result));
  }

  /**
   * The command that started this JVM, up to and including the main class (so its class or
   * module path, class-data archive and other JVM options are kept); or, if that cannot be
   * known, {@code java} from {@code java.home} with this JVM's module or class path.
   */
  static List<String> javaCommand() {
    ProcessHandle.Info info = ProcessHandle.current().info();
    Optional<String[]> arguments = info.arguments();
    if (info.command().isPresent() && arguments.isPresent()) {
      String[] a = arguments.get();
      for (int i = 0; i < a.length; i++) {
        if (a[i].equals(Main.class.getName()) || a[i].startsWith("org.wasmj.cli/")
            || a[i].equals("org.wasmj.cli") && i > 0
            && (a[i - 1].equals("-m") || a[i - 1].equals("--module"))) {
          List<String> command = new ArrayList<>();
          command.add(info.command().get());
          command.addAll(Arrays.asList(a).subList(0, i + 1));
          return command;
        }
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && Main.class.getModule().isNamed()) {
      return List.of(java, "--module-path", modulePath, "-m",
          "org.wasmj.cli/" + Main.class.getName());
    }
    return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
  }

  /** The program's options and arguments, written out again for a child's command line. */
  private List<String> programArguments() {
    List<String> out = new ArrayList<>();
    for (Option<?> o : RunCommand.PROGRAM_OPTIONS) {
      for (Object value : arguments.all(o)) {
        out.add(o.takesValue() ? o.name() + "=" + value : o.name());
      }
    }
    if (verbose) {
      out.add(Failures.VERBOSE.name());
    }
    out.add("--");
    out.add(file);
    out.addAll(arguments.rest());
    return out;
  }

  /** How the program was given, for the table's title. */
  private String commandLine() {
    List<String> options = programArguments();
    List<String> words = new ArrayList<>();
    words.add(new File(file).getName());
    words.addAll(options.subList(0, options.indexOf("--")));
    words.addAll(arguments.rest());
    return Text.escape(String.join(" ", words));
  }

  /** The executors named by {@code --executors}, or all found; an unknown one is a usage error. */
  private List<String> executors() {
    List<String> found = Engine.executors();
    if (!arguments.has(EXECUTORS)) {
      return found;
    }
    List<String> named = list(EXECUTORS);
    for (String name : named) {
      if (!found.contains(name)) {
        throw new Failures.UsageException("no executor '" + name + "' (found: "
            + String.join(", ", found) + ")");
      }
    }
    return named;
  }

  /** The modes named by {@code --modes} by their command-line names, or the default as null. */
  private List<String> modes() {
    if (!arguments.has(MODES)) {
      return Arrays.asList((String) null);
    }
    List<String> named = new ArrayList<>();
    for (String name : list(MODES)) {
      try {
        String mode = CompilationMode.parse(name).cliName();
        if (!named.contains(mode)) {
          named.add(mode);
        }
      } catch (IllegalArgumentException e) {
        throw new Failures.UsageException(e.getMessage());
      }
    }
    return named;
  }

  /** The comma-separated, non-empty, distinct words of {@code option}'s value. */
  private List<String> list(Option<String> option) {
    List<String> out = new ArrayList<>();
    for (String word : arguments.get(option).split(",", -1)) {
      String w = word.trim();
      if (w.isEmpty()) {
        throw new Failures.UsageException(option.name() + " takes a comma-separated list, got '"
            + arguments.get(option) + "'");
      }
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The value of {@code option}, or {@code otherwise}; a usage error if below {@code min}. */
  private int atLeast(Option<Integer> option, int otherwise, int min) {
    Integer v = arguments.get(option);
    if (v == null) {
      return otherwise;
    }
    if (v < min) {
      throw new Failures.UsageException(option.name() + " takes a number of at least " + min
          + ", got " + v);
    }
    return v;
  }
}
