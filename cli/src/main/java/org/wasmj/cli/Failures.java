package org.wasmj.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import org.wasmj.ExhaustionException;
import org.wasmj.ExitException;
import org.wasmj.TrapException;
import org.wasmj.UninstantiableException;
import org.wasmj.WasmException;

/**
 * How a command's failure reaches the user: one line on stderr naming the problem and an exit
 * status; a Java stack trace only with {@code --verbose}.
 *
 * <p>Exit statuses: the guest's {@code proc_exit} code if it is below 126 (a larger one is an
 * error, status 1, as Wasmtime); 134 for a trap, also in the start function (as Wasmtime, the
 * status of an abort); 1 for a module that is malformed, invalid, unlinkable or uninstantiable,
 * or a file that cannot be read; 2 for a command-line mistake; 70 for an internal error: any
 * other exception or {@code Error} (a {@code LinkageError}, an {@code OutOfMemoryError}...),
 * reported on one line too, since a stack trace helps only us.
 */
final class Failures {
  static final int TRAP = 134;
  static final int MODULE = 1;
  static final int INTERNAL = 70;

  /** Every command's {@code -v, --verbose}. */
  static final Option<Boolean> VERBOSE =
      Option.flag("-v, --verbose", "Print a Java stack trace on errors.");

  private Failures() {}

  /** A command's work, run by {@link #guard}. */
  interface Guarded {
    /** Does the work; returns the exit status. */
    int run() throws Exception;

    /** Where the guest was, printed after a trap that has no backtrace; null if unknown. */
    default String running() {
      return null;
    }
  }

  /** Runs {@code body}, turning what it throws into a message on {@code err} and a status. */
  static int guard(PrintStream err, boolean verbose, Guarded body) {
    try {
      return body.run();
    } catch (ExitException e) {
      return exitStatus(err, e.exitCode());
    } catch (TrapException | ExhaustionException e) {
      return trap(err, verbose, e, body.running());
    } catch (UninstantiableException e) {
      if (!(e.getCause() instanceof TrapException)) {
        return moduleError(err, verbose, e);
      }
      int status =
          trap(err, false, (TrapException) e.getCause(), "while running the start function");
      trace(err, verbose, e);
      return status;
    } catch (Failure e) {
      err.println("wasmj: " + Text.escape(e.getMessage()));
      trace(err, verbose, e);
      return e.status;
    } catch (WasmException e) {
      return moduleError(err, verbose, e);
    } catch (UsageException e) {
      err.println("wasmj: " + Text.escape(String.valueOf(e.getMessage())));
      trace(err, verbose, e);
      return Main.USAGE;
    } catch (NoSuchFileException e) {
      err.println("wasmj: no such file: " + e.getFile());
      trace(err, verbose, e);
      return MODULE;
    } catch (IOException e) {
      err.println("wasmj: cannot read: " + e.getMessage());
      trace(err, verbose, e);
      return MODULE;
    } catch (Exception | Error e) { // VirtualMachineError, LinkageError...: a bug of ours
      err.println("wasmj: internal error: " + Text.escape(oneLine(e)));
      trace(err, verbose, e);
      return INTERNAL;
    }
  }

  /**
   * Runs {@code step}, which builds something from the command line (an engine, a WASI
   * configuration): an {@link IllegalArgumentException} it throws is a usage error. Elsewhere an
   * {@code IllegalArgumentException} is a bug of ours, an internal error.
   */
  static <T> T fromOptions(Callable<T> step) throws Exception {
    try {
      return step.call();
    } catch (IllegalArgumentException e) {
      UsageException usage = new UsageException(e.getMessage());
      usage.initCause(e);
      throw usage;
    }
  }

  /** What an internal error says, on one line of reasonable length, whatever its message holds. */
  static String oneLine(Throwable e) {
    String s = e.toString().replaceAll("\\s+", " ");
    return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE) + "...";
  }

  private static final int MAX_LINE = 300;

  /**
   * The process status for a guest's exit code: the code if it is in [0, 126), else an error
   * (status 1, as Wasmtime): 126 and up mean "cannot execute", "not found" and death by a signal
   * to a shell, so a guest must not be able to pass for them, nor for success by exiting 256.
   */
  static int exitStatus(PrintStream err, int code) {
    if (code >= 0 && code < 126) {
      return code;
    }
    err.println("wasmj: exit with invalid exit status " + Integer.toUnsignedString(code)
        + ", outside of [0..126)");
    return MODULE;
  }

  private static int trap(PrintStream err, boolean verbose, WasmException e, String where) {
    err.println("wasmj: trap: " + Text.escape(e.getMessage()));
    List<String> frames = e instanceof TrapException ? ((TrapException) e).backtrace() : List.of();
    if (!frames.isEmpty()) {
      err.println("wasm backtrace:");
      for (int i = 0; i < frames.size(); i++) {
        err.println("  " + i + ": " + Text.escape(frames.get(i)));
      }
      int omitted = ((TrapException) e).omittedFrames();
      if (omitted > 0) {
        err.println("  ... " + omitted + (omitted == 1 ? " more frame" : " more frames"));
      }
    } else if (where != null) {
      err.println(Text.escape(where));
    }
    trace(err, verbose, e);
    return TRAP;
  }

  private static int moduleError(PrintStream err, boolean verbose, WasmException e) {
    err.println("wasmj: " + kind(e) + ": " + Text.escape(e.getMessage()));
    trace(err, verbose, e);
    return MODULE;
  }

  private static void trace(PrintStream err, boolean verbose, Throwable e) {
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  /** {@code "malformed module"} for a {@code MalformedModuleException}, and so on. */
  static String kind(WasmException e) {
    String name = e.getClass().getSimpleName();
    return name.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }

  /** A failure that is neither the module's fault nor a usage error: one line and a status. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Failure(String message, int status) {
      super(message);
      this.status = status;
    }
  }

  /** A mistake on the command line: printed as one line, exit status 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
