package org.wasmj.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.wasmj.WasmException;

/**
 * The {@code wasmj} command: {@code wasmj inspect <file.wasm>} prints a module's sections,
 * imports, exports and sizes.
 */
public final class Main {
  private static final String USAGE =
      String.join(
          "\n",
          "usage: wasmj <command> [args]",
          "",
          "commands:",
          "  inspect <file.wasm>   print sections, imports, exports and sizes of a module",
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
        default:
          err.println("wasmj: unknown command '" + args[0] + "'\n" + USAGE);
          return 2;
      }
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

  private static byte[] readModule(String file) throws IOException {
    return Files.readAllBytes(Path.of(file));
  }

  private static String errorKind(WasmException e) {
    String name = e.getClass().getSimpleName();
    return name.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }
}
