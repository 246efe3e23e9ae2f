package org.wasmj.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
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

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command line {@code args}; returns the process exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Main main = new Main(out, err);
    CommandLine cli = new CommandLine(main, new Factory(main));
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
