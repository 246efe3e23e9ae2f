package org.wasmj.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wasmj.ExitException;
import org.wasmj.TrapException;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;

/**
 * The {@code wasmj} command: {@code inspect} prints a module's sections, imports, exports and
 * sizes; {@code run} instantiates a module and calls an export.
 */
public final class Main {
  private static final String USAGE =
      String.join(
          "\n",
          "usage: wasmj <command> [args]",
          "",
          "commands:",
          "  run [options] <file.wasm> [args...]",
          "        instantiate the module and call _start, or the export named by --invoke with",
          "        args parsed by its signature; results print one per line. Options may also",
          "        follow <file.wasm>, before the args:",
          "        --invoke NAME                          the export to call",
          "        --compilation-mode eager|lazy-translation|lazy",
          "        --executor NAME                        (see: wasmj executors)",
          "  inspect <file.wasm>   print sections, imports, exports and sizes of a module",
          "  executors             list the executors found",
          "  help                  print this message");

  private Main() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line {@code args}; returns the process exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      switch (args[0]) {
        case "inspect":
          if (args.length != 2) {
            err.println("usage: wasmj inspect <file.wasm>");
            return 2;
          }
          Inspector.print(args[1], readModule(args[1]), out);
          return 0;
        case "executors":
          Engine.executors().forEach(out::println);
          return 0;
        case "run":
          return run(args, out);
        default:
          err.println("wasmj: unknown command '" + args[0] + "'\n" + USAGE);
          return 2;
      }
    } catch (Runner.UsageException | IllegalArgumentException e) {
      err.println("wasmj: " + e.getMessage());
      return 2;
    } catch (ExitException e) {
      return e.exitCode();
    } catch (TrapException e) {
      err.println("wasmj: trap: " + e.getMessage());
      return 134;
    } catch (WasmException e) {
      err.println("wasmj: " + errorKind(e) + ": " + e.getMessage());
      return 1;
    } catch (NoSuchFileException e) {
      err.println("wasmj: no such file: " + e.getFile());
      return 1;
    } catch (IOException e) {
      err.println("wasmj: cannot read: " + e.getMessage());
      return 1;
    }
  }

  private static int run(String[] args, PrintStream out) throws IOException {
    Config config = Config.defaults();
    String invoke = null;
    String file = null;
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      boolean optionsAllowed = rest.isEmpty(); // options come before the guest's args
      if (optionsAllowed && a.startsWith("--") && i + 1 < args.length) {
        switch (a) {
          case "--invoke":
            invoke = args[++i];
            continue;
          case "--compilation-mode":
            config = config.withCompilationMode(CompilationMode.parse(args[++i]));
            continue;
          case "--executor":
            config = config.withExecutor(args[++i]);
            continue;
          default:
            break;
        }
      }
      if (file == null) {
        file = a;
      } else {
        rest.add(a);
      }
    }
    if (file == null) {
      throw new Runner.UsageException("run: no module given\n" + USAGE);
    }
    Runner.run(new Engine(config), readModule(file), invoke, rest, out);
    return 0;
  }

  private static byte[] readModule(String file) throws IOException {
    return Files.readAllBytes(Path.of(file));
  }

  private static String errorKind(WasmException e) {
    String name = e.getClass().getSimpleName();
    return name.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }
}
