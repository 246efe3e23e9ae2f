package org.wasmj.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import org.wasmj.exec.Engine;
import org.wasmj.wasi.internal.HostBytes;

/**
 * The {@code wasmj} command: {@code run} runs a WASI command or calls an export, {@code inspect}
 * prints a module's sections, imports, exports and sizes (or a function's register IR),
 * {@code compare} runs a program on every executor and compares them, and {@code executors} lists
 * the executors found. Flags follow Wasmtime's, so tools written for
 * {@code wasmtime run} (like the WASI testsuite's adapter) work with {@code wasmj run}; as with
 * Wasmtime, {@code wasmj app.wasm args} is short for {@code wasmj run app.wasm args}.
 */
public final class Main {
  /** Exit status for a command-line mistake. */
  static final int USAGE = 2;
  /** Exit status when wasmj's own output could not be written (sysexits' EX_IOERR). */
  static final int OUTPUT_FAILED = 74;
  static final String VERSION = "wasmj 0.1.0-SNAPSHOT";

  private static final CommandSpec EXECUTORS = new CommandSpec("executors",
      "List the executors found, best first (the first is the default).");
  private static final CommandSpec HELP = new CommandSpec("help", "Show the help of a command.")
      .optionalParameter("[COMMAND]", "The command to show the help of (default: wasmj's).");
  private static final CommandSpec[] COMMANDS =
      {RunCommand.SPEC, InspectCommand.SPEC, CompareCommand.SPEC, EXECUTORS, HELP};
  private static final CommandSpec WASMJ = new CommandSpec("wasmj",
      "A WebAssembly runtime in pure Java.")
      .describe("A WebAssembly runtime in pure Java.")
      .parameter("COMMAND", "One of the commands below; or a module file, which is run: wasmj"
          + " app.wasm ARGS is short for wasmj run app.wasm ARGS, as with wasmtime.")
      .rest("[ARGS...]", "The command's options and parameters (see: wasmj help COMMAND).")
      .commands(COMMANDS);

  private final PrintStream out;
  private final PrintStream err;
  private final OutputStream guestOut;
  private final OutputStream guestErr;
  private final InputStream guestIn;

  /**
   * Where output goes: wasmj's to {@code out} and {@code err}, the guest's to {@code guestOut}
   * and {@code guestErr}; the guest reads {@code guestIn}, or this process's stdin if null.
   */
  Main(PrintStream out, PrintStream err, OutputStream guestOut, OutputStream guestErr,
      InputStream guestIn) {
    this.out = out;
    this.err = err;
    this.guestOut = guestOut;
    this.guestErr = guestErr;
    this.guestIn = guestIn;
  }

  /** What wasmj prints: results, listings, help. */
  PrintStream out() {
    return out;
  }

  /** wasmj's messages. */
  PrintStream err() {
    return err;
  }

  /** The guest's stdout: unbuffered, and its failures reach the guest as errnos. */
  OutputStream guestOut() {
    return guestOut;
  }

  /** The guest's stderr. */
  OutputStream guestErr() {
    return guestErr;
  }

  /** The guest's stdin, or null for this process's. */
  InputStream guestIn() {
    return guestIn;
  }

  /**
   * Runs the command and exits with its status. The arguments are taken as the bytes they were
   * ({@link HostArgs}), not as the locale decoded them. The guest writes to file descriptors 1
   * and 2 directly, so that a full disk or a closed pipe reaches it as an errno instead of
   * vanishing in {@link System#out}; wasmj's own output goes through a stream that remembers why
   * it failed.
   */
  public static void main(String[] args) {
    FailureRecorder stdout = new FailureRecorder(new FileOutputStream(FileDescriptor.out));
    PrintStream out = new PrintStream(new BufferedOutputStream(stdout), false, consoleCharset());
    int status = run(HostArgs.recover(args), out, System.err,
        new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), stdout);
    System.exit(status);
  }

  /** Runs the command line {@code args}; the guest writes to {@code out} and {@code err} too. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, out, err, null);
  }

  /**
   * Runs the command line {@code args}; returns the process exit status: the command's, or
   * {@link #OUTPUT_FAILED} if it succeeded but {@code out} could not be written.
   */
  static int run(String[] args, PrintStream out, PrintStream err, OutputStream guestOut,
      OutputStream guestErr, FailureRecorder outFailure) {
    int status = new Main(out, err, guestOut, guestErr, null).execute(args);
    out.flush();
    if (out.checkError()) {
      IOException why = outFailure == null ? null : outFailure.failure;
      err.println(why == null ? "wasmj: cannot write the output"
          : "wasmj: cannot write the output: " + why.getMessage());
      return status == 0 ? OUTPUT_FAILED : status;
    }
    return status;
  }

  /**
   * Dispatches on the first argument: a command's name, {@code --help} or {@code --version};
   * anything else is {@code run}'s, as {@code wasmtime app.wasm} is {@code wasmtime run
   * app.wasm}.
   */
  private int execute(String[] args) {
    if (args.length == 0) {
      WASMJ.printHelp(err);
      return USAGE;
    }
    String first = args[0];
    CommandSpec spec = command(first);
    int from = 1;
    if (spec == null) {
      from = 0;
      if (CommandSpec.HELP.isNamed(first) || CommandSpec.VERSION.isNamed(first)) {
        spec = WASMJ;
      } else if (first.startsWith("-") || exists(first)) {
        spec = RunCommand.SPEC;
      } else {
        StringBuilder names = new StringBuilder();
        for (CommandSpec c : COMMANDS) {
          names.append(names.length() == 0 ? "" : ", ").append(c.name());
        }
        return usageError(WASMJ, "'" + first + "' is neither a command (" + names + ") nor a file");
      }
    }
    Arguments arguments;
    try {
      arguments = spec.parse(args, from);
    } catch (Failures.UsageException e) {
      return usageError(spec, e.getMessage());
    }
    if (arguments.has(CommandSpec.HELP)) {
      spec.printHelp(out);
      return 0;
    }
    if (arguments.has(CommandSpec.VERSION)) {
      out.println(VERSION);
      return 0;
    }
    if (spec == RunCommand.SPEC) {
      return Failures.guard(err, arguments.has(Failures.VERBOSE), new RunCommand(this, arguments));
    }
    if (spec == InspectCommand.SPEC) {
      return Failures.guard(err, arguments.has(Failures.VERBOSE),
          new InspectCommand(this, arguments));
    }
    if (spec == CompareCommand.SPEC) {
      return Failures.guard(err, arguments.has(Failures.VERBOSE),
          new CompareCommand(this, arguments));
    }
    if (spec == EXECUTORS) {
      List<String> names = Engine.executors();
      for (int i = 0; i < names.size(); i++) {
        out.println(names.get(i));
      }
      return 0;
    }
    if (spec == HELP) {
      String name = arguments.parameter(0);
      CommandSpec about = name == null ? WASMJ : command(name);
      if (about == null) {
        return usageError(HELP, "no command '" + name + "'");
      }
      about.printHelp(out);
      return 0;
    }
    WASMJ.printHelp(out);
    return 0;
  }

  /** The command called {@code name}, or null. */
  private static CommandSpec command(String name) {
    for (CommandSpec c : COMMANDS) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** Whether a file (of any kind) is at {@code path}, given as the bytes {@link HostArgs} kept. */
  private static boolean exists(String path) {
    try {
      return Files.exists(HostBytes.path(path));
    } catch (RuntimeException e) { // not a path at all (a NUL in it)
      return false;
    }
  }

  /** Prints {@code message} and where to find the right usage; returns {@link #USAGE}. */
  private int usageError(CommandSpec spec, String message) {
    err.println("wasmj: " + Text.escape(message));
    err.println(spec == WASMJ ? "try 'wasmj --help'" : "try 'wasmj " + spec.name() + " --help'");
    return USAGE;
  }

  /** The charset {@link System#out} uses (the console's or, before Java 18, the default). */
  static Charset consoleCharset() {
    for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
      String name = System.getProperty(property);
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
    }
    return Charset.defaultCharset();
  }

  /** Remembers the first failure of the stream it wraps ({@link PrintStream} keeps only a flag). */
  static final class FailureRecorder extends FilterOutputStream {
    volatile IOException failure;

    FailureRecorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
