package org.wasmj.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmj.exec.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code wasmj} command: {@code run} runs a WASI command or calls an export, {@code inspect}
 * prints a module's sections, imports, exports and sizes (or a function's register IR), and
 * {@code executors} lists the executors found. Flags follow Wasmtime's, so tools written for
 * {@code wasmtime run} (like the WASI testsuite's adapter) work with {@code wasmj run}.
 */
@Command(name = "wasmj", mixinStandardHelpOptions = true, version = "wasmj 0.1.0-SNAPSHOT",
    description = "A WebAssembly runtime in pure Java.",
    subcommands = {RunCommand.class, InspectCommand.class, Main.Executors.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit status for a command-line mistake. */
  static final int USAGE = 2;
  /** Exit status when wasmj's own output could not be written (sysexits' EX_IOERR). */
  static final int OUTPUT_FAILED = 74;

  private final PrintStream out;
  private final PrintStream err;
  private final OutputStream guestOut;
  private final OutputStream guestErr;
  private final FailureRecorder outFailure;

  Main(PrintStream out, PrintStream err, OutputStream guestOut, OutputStream guestErr,
      FailureRecorder outFailure) {
    this.out = out;
    this.err = err;
    this.guestOut = guestOut;
    this.guestErr = guestErr;
    this.outFailure = outFailure;
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
    Main main = new Main(out, err, guestOut, guestErr, outFailure);
    int status = main.execute(args);
    out.flush();
    if (out.checkError()) {
      IOException why = outFailure == null ? null : outFailure.failure;
      err.println("wasmj: cannot write the output" + (why == null ? "" : ": " + why.getMessage()));
      return status == 0 ? OUTPUT_FAILED : status;
    }
    return status;
  }

  private int execute(String[] args) {
    CommandLine cli = new CommandLine(this, new Factory(this));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, ignored) -> {
      err.println("wasmj: " + e.getMessage());
      CommandLine sub = e.getCommandLine();
      err.println("try 'wasmj " + (sub.getParent() == null ? "" : sub.getCommandName() + " ")
          + "--help'");
      return USAGE;
    });
    return cli.execute(normalize(cli, args));
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

  /** With no subcommand: the usage, and a usage error. */
  @Override
  public void run() {
    new CommandLine(this).usage(err);
    throw new CommandLine.ParameterException(new CommandLine(this), "no command given");
  }

  /**
   * Marks where the guest's arguments start in a {@code run} command line. Options may come
   * before the module and right after it (as in {@code run fib.wasm --invoke fib 30}); from the
   * first argument after the module that is not one of {@code run}'s options, everything is the
   * guest's, even if it looks like an option: a {@code --} is inserted there for picocli.
   */
  static String[] normalize(CommandLine cli, String[] args) {
    if (args.length == 0 || !args[0].equals("run")) {
      return args;
    }
    CommandLine run = cli.getSubcommands().get("run");
    List<String> out = new ArrayList<>(Arrays.asList(args));
    boolean seenModule = false;
    for (int i = 1; i < out.size(); i++) {
      String a = out.get(i);
      if (a.equals("--")) {
        return out.toArray(new String[0]);
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      OptionSpec option = a.startsWith("-") ? run.getCommandSpec().findOption(name) : null;
      if (option != null) {
        boolean takesValue = option.arity().max() > 0 && !option.type().equals(boolean.class);
        if (takesValue && !a.contains("=")) {
          i++;
        }
        continue;
      }
      if (!seenModule) {
        seenModule = true; // the module file
        continue;
      }
      out.add(i, "--");
      break;
    }
    return out.toArray(new String[0]);
  }

  /** Gives each command object the streams. */
  private static final class Factory implements CommandLine.IFactory {
    private final Main main;

    Factory(Main main) {
      this.main = main;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Main.class) {
        return type.cast(main);
      }
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(main));
      }
      if (type == InspectCommand.class) {
        return type.cast(new InspectCommand(main));
      }
      if (type == Executors.class) {
        return type.cast(new Executors(main));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** {@code wasmj executors}. */
  @Command(name = "executors", mixinStandardHelpOptions = true,
      description = "List the executors found, best first (the first is the default).")
  static final class Executors implements Runnable {
    private final Main main;

    Executors(Main main) {
      this.main = main;
    }

    @Override
    public void run() {
      Engine.executors().forEach(main.out::println);
    }
  }
}
