package org.wasmj.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmj.ExitException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.WasmException;
import org.wasmj.exec.Caller;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Val;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;
import org.wasmj.wasi.internal.Descriptor;
import org.wasmj.wasi.internal.Errno;
import org.wasmj.wasi.internal.GuestMemory;
import org.wasmj.wasi.internal.Preview1;
import org.wasmj.wasi.internal.Rights;
import org.wasmj.wasi.internal.Sandbox;
import org.wasmj.wasi.internal.WasiError;

/**
 * WASI preview 1 for one guest: all of {@code wasi_snapshot_preview1}, defined in a
 * {@link Linker}, over the arguments, environment, preopened directories and stdio of a
 * {@link WasiConfig}. {@code proc_exit} ends the guest with an {@link ExitException}; every other
 * failure is returned to the guest as a WASI errno, never thrown.
 *
 * <pre>{@code
 * Engine engine = new Engine();
 * Module module = Module.compile(engine, Files.readAllBytes(Path.of("app.wasm")));
 * Linker<Void> linker = new Linker<>(engine);
 * Wasi wasi = Wasi.builder()
 *     .args("app", "input.txt")
 *     .preopenDir(Path.of("work"), ".")
 *     .inheritStdio()
 *     .addToLinker(linker);
 * Instance instance = linker.instantiate(Store.of(engine), module);
 * int exitCode = wasi.run(instance); // calls _start
 * }</pre>
 *
 * <p>Sandbox: the guest reaches only the preopened directories. Its paths are resolved by wasmj
 * component by component (see {@code Sandbox}): {@code ".."} above a preopen, absolute paths and
 * symlinks whose target is absolute or climbs out of the preopen all fail with
 * {@code ENOTCAPABLE}; nothing outside is read, written or created.
 *
 * @implNote Not thread-safe: a {@code Wasi} holds one guest's descriptor table; use one per store
 *     and instance. {@link #close()} closes the files the guest left open.
 */
public final class Wasi implements AutoCloseable {
  /** The import module name. */
  public static final String MODULE = "wasi_snapshot_preview1";

  private static final boolean TRACE = Boolean.getBoolean("wasmj.wasi.trace");

  private final WasiConfig config;
  private final Preview1 p;

  private Wasi(WasiConfig config, Preview1 p) {
    this.config = config;
    this.p = p;
  }

  /** A builder for a {@link WasiConfig}; it ends with {@code build()} or {@code addToLinker}. */
  public static WasiConfig.Builder builder() {
    return WasiConfig.builder();
  }

  /**
   * The WASI state of one guest under {@code config}.
   *
   * @throws IllegalArgumentException if a preopened directory does not exist or is not a
   *     directory
   */
  public static Wasi create(WasiConfig config) {
    List<Descriptor> initial = new ArrayList<>();
    initial.add(new Descriptor.Input(config.stdin(), config.stdinTerminal()));
    initial.add(new Descriptor.Output(config.stdout(), config.stdoutTerminal()));
    initial.add(new Descriptor.Output(config.stderr(), config.stdoutTerminal()));
    for (WasiConfig.Preopen po : config.preopens()) {
      Sandbox sandbox;
      try {
        sandbox = new Sandbox(po.hostDir());
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("cannot preopen " + po.hostDir() + ": "
            + (e instanceof java.nio.file.NoSuchFileException ? "no such directory" : e.getMessage()));
      }
      initial.add(new Descriptor.Dir(sandbox, List.of(), po.guestName(), Rights.DIRECTORY,
          Rights.ALL & ~(Rights.SOCK_ACCEPT | Rights.SOCK_SHUTDOWN)));
    }
    for (var socket : config.sockets()) {
      initial.add(new Descriptor.Socket(socket));
    }
    List<String> env = new ArrayList<>();
    for (Map.Entry<String, String> e : config.env().entrySet()) {
      env.add(e.getKey() + "=" + e.getValue());
    }
    return new Wasi(config,
        new Preview1(config.args(), env, config.random(), initial, config.maxOpenFiles()));
  }

  /** The config. */
  public WasiConfig config() {
    return config;
  }

  /**
   * Runs the command {@code instance}: calls its {@code _start} export and returns the exit code,
   * the {@code proc_exit} code or 0 when {@code _start} returns. The code is the guest's i32 as
   * it gave it; a host that makes it a process status should refuse codes outside [0, 126), as
   * {@code wasmj run} and Wasmtime do (126 and up mean "cannot execute", "not found" and "killed
   * by a signal" to a shell, and a status is truncated to 8 bits, so 256 would read as success).
   *
   * @throws IllegalArgumentException if the instance has no {@code _start}
   * @throws org.wasmj.TrapException if the guest traps
   */
  public int run(Instance instance) {
    try {
      instance.getFunc("_start").call();
      return 0;
    } catch (ExitException e) {
      return e.exitCode();
    }
  }

  /** Closes every file and directory the guest holds open (not the stdio streams). */
  @Override
  public void close() {
    p.closeAll();
  }

  /** One WASI function's body on raw arguments: returns the errno. */
  @FunctionalInterface
  private interface Body {
    int call(Memories m, long[] a) throws IOException;
  }

  /** The calling instance's memory, looked up on first use. */
  private static final class Memories {
    private final Caller<?> caller;
    private GuestMemory memory;

    Memories(Caller<?> caller) {
      this.caller = caller;
    }

    GuestMemory get() {
      if (memory == null) {
        try {
          memory = new GuestMemory(caller.memory());
        } catch (IllegalStateException e) {
          throw new WasiError(Errno.FAULT); // a guest without memory can pass no pointer
        }
      }
      return memory;
    }
  }

  /**
   * Defines every {@code wasi_snapshot_preview1} function in {@code linker}, acting on this
   * guest's state; returns {@code this}.
   *
   * @throws IllegalArgumentException if the linker already defines one of them
   */
  public <T> Wasi addToLinker(Linker<T> linker) {
    def(linker, "args_get", "ii", (m, a) -> p.argsGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "args_sizes_get", "ii", (m, a) -> p.argsSizesGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "environ_get", "ii", (m, a) -> p.environGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "environ_sizes_get", "ii",
        (m, a) -> p.environSizesGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "clock_res_get", "ii", (m, a) -> p.clockResGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "clock_time_get", "iIi",
        (m, a) -> p.clockTimeGet(m.get(), i(a[0]), a[1], i(a[2])));
    def(linker, "fd_advise", "iIIi", (m, a) -> p.fdAdvise(i(a[0]), a[1], a[2], i(a[3])));
    def(linker, "fd_allocate", "iII", (m, a) -> p.fdAllocate(i(a[0]), a[1], a[2]));
    def(linker, "fd_close", "i", (m, a) -> p.fdClose(i(a[0])));
    def(linker, "fd_datasync", "i", (m, a) -> p.fdSync(i(a[0]), false));
    def(linker, "fd_fdstat_get", "ii", (m, a) -> p.fdFdstatGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "fd_fdstat_set_flags", "ii", (m, a) -> p.fdFdstatSetFlags(i(a[0]), i(a[1])));
    def(linker, "fd_fdstat_set_rights", "iII",
        (m, a) -> p.fdFdstatSetRights(i(a[0]), a[1], a[2]));
    def(linker, "fd_filestat_get", "ii", (m, a) -> p.fdFilestatGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "fd_filestat_set_size", "iI", (m, a) -> p.fdFilestatSetSize(i(a[0]), a[1]));
    def(linker, "fd_filestat_set_times", "iIIi",
        (m, a) -> p.fdFilestatSetTimes(i(a[0]), a[1], a[2], i(a[3])));
    def(linker, "fd_pread", "iiiIi",
        (m, a) -> p.fdPread(m.get(), i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4])));
    def(linker, "fd_prestat_get", "ii", (m, a) -> p.fdPrestatGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "fd_prestat_dir_name", "iii",
        (m, a) -> p.fdPrestatDirName(m.get(), i(a[0]), i(a[1]), i(a[2])));
    def(linker, "fd_pwrite", "iiiIi",
        (m, a) -> p.fdPwrite(m.get(), i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4])));
    def(linker, "fd_read", "iiii",
        (m, a) -> p.fdRead(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3])));
    def(linker, "fd_readdir", "iiiIi",
        (m, a) -> p.fdReaddir(m.get(), i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4])));
    def(linker, "fd_renumber", "ii", (m, a) -> p.fdRenumber(i(a[0]), i(a[1])));
    def(linker, "fd_seek", "iIii",
        (m, a) -> p.fdSeek(m.get(), i(a[0]), a[1], i(a[2]), i(a[3])));
    def(linker, "fd_sync", "i", (m, a) -> p.fdSync(i(a[0]), true));
    def(linker, "fd_tell", "ii", (m, a) -> p.fdTell(m.get(), i(a[0]), i(a[1])));
    def(linker, "fd_write", "iiii",
        (m, a) -> p.fdWrite(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3])));
    def(linker, "path_create_directory", "iii",
        (m, a) -> p.pathCreateDirectory(m.get(), i(a[0]), i(a[1]), i(a[2])));
    def(linker, "path_filestat_get", "iiiii",
        (m, a) -> p.pathFilestatGet(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])));
    def(linker, "path_filestat_set_times", "iiiiIIi", (m, a) -> p.pathFilestatSetTimes(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), a[4], a[5], i(a[6])));
    def(linker, "path_link", "iiiiiii", (m, a) -> p.pathLink(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]), i(a[6])));
    def(linker, "path_open", "iiiiiIIii", (m, a) -> p.pathOpen(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), a[5], a[6], i(a[7]), i(a[8])));
    def(linker, "path_readlink", "iiiiii", (m, a) -> p.pathReadlink(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5])));
    def(linker, "path_remove_directory", "iii",
        (m, a) -> p.pathRemoveDirectory(m.get(), i(a[0]), i(a[1]), i(a[2])));
    def(linker, "path_rename", "iiiiii", (m, a) -> p.pathRename(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5])));
    def(linker, "path_symlink", "iiiii", (m, a) -> p.pathSymlink(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])));
    def(linker, "path_unlink_file", "iii",
        (m, a) -> p.pathUnlinkFile(m.get(), i(a[0]), i(a[1]), i(a[2])));
    def(linker, "poll_oneoff", "iiii",
        (m, a) -> p.pollOneoff(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3])));
    linker.func(MODULE, "proc_exit", FuncType.of(new ValType[] {ValType.I32}, new ValType[0]),
        (caller, args) -> {
          p.procExit(args[0].i32());
          return new Val[0];
        });
    def(linker, "proc_raise", "i", (m, a) -> p.procRaise(i(a[0])));
    def(linker, "sched_yield", "", (m, a) -> p.schedYield());
    def(linker, "random_get", "ii", (m, a) -> p.randomGet(m.get(), i(a[0]), i(a[1])));
    def(linker, "sock_accept", "iii", (m, a) -> p.sockAccept(m.get(), i(a[0]), i(a[1]), i(a[2])));
    def(linker, "sock_recv", "iiiiii", (m, a) -> p.sockRecv(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5])));
    def(linker, "sock_send", "iiiii", (m, a) -> p.sockSend(
        m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])));
    def(linker, "sock_shutdown", "ii", (m, a) -> p.sockShutdown(i(a[0]), i(a[1])));
    return this;
  }

  private static int i(long slot) {
    return (int) slot;
  }

  private static <T> void def(Linker<T> linker, String name, String signature, Body body) {
    ValType[] params = new ValType[signature.length()];
    for (int k = 0; k < params.length; k++) {
      params[k] = signature.charAt(k) == 'I' ? ValType.I64 : ValType.I32;
    }
    FuncType type = FuncType.of(params, new ValType[] {ValType.I32});
    linker.func(MODULE, name, type, (caller, args) -> {
      long[] raw = new long[args.length];
      for (int k = 0; k < raw.length; k++) {
        raw[k] = args[k].bits();
      }
      int errno = call(name, body, new Memories(caller), raw);
      return new Val[] {Val.i32(errno)};
    });
  }

  /** Runs a body; whatever goes wrong becomes an errno, except the guest's exit and traps. */
  private static int call(String name, Body body, Memories m, long[] a) {
    int errno;
    try {
      errno = body.call(m, a);
    } catch (WasiError e) {
      errno = e.errno;
    } catch (IOException e) {
      errno = Errno.of(e);
    } catch (UncheckedIOException e) {
      errno = Errno.of(e.getCause());
    } catch (TrapException e) {
      if (e.kind() != TrapKind.MEMORY_OUT_OF_BOUNDS) {
        throw e;
      }
      errno = Errno.FAULT;
    } catch (WasmException e) {
      throw e; // proc_exit's ExitException, and anything the engine says
    } catch (RuntimeException e) {
      errno = Errno.of(e);
    } catch (OutOfMemoryError e) {
      errno = Errno.NOMEM;
    }
    if (TRACE) {
      StringBuilder sb = new StringBuilder("wasi: ").append(name).append('(');
      for (int k = 0; k < a.length; k++) {
        sb.append(k == 0 ? "" : ", ").append(a[k]);
      }
      System.err.println(sb.append(") = ").append(Errno.name(errno)));
    }
    return errno;
  }
}
