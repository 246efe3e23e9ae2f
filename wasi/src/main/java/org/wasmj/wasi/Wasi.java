package org.wasmj.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    for (Function f : Function.values()) {
      ValType[] params = new ValType[f.signature.length()];
      for (int k = 0; k < params.length; k++) {
        params[k] = f.signature.charAt(k) == 'I' ? ValType.I64 : ValType.I32;
      }
      boolean exit = f == Function.PROC_EXIT;
      FuncType type = FuncType.of(params, exit ? new ValType[0] : new ValType[] {ValType.I32});
      linker.func(MODULE, f.wasiName, type, (caller, args) -> {
        long[] raw = new long[args.length];
        for (int k = 0; k < raw.length; k++) {
          raw[k] = args[k].bits();
        }
        int errno = call(f, new Memories(caller), raw);
        return exit ? new Val[0] : new Val[] {Val.i32(errno)};
      });
    }
    return this;
  }

  /**
   * The {@code wasi_snapshot_preview1} functions, in the order they are defined: each one's name
   * is its constant's in lower case, its signature lists its parameters ({@code i} an i32,
   * {@code I} an i64), and all but {@code proc_exit} return an errno.
   */
  private enum Function {
    ARGS_GET("ii"),
    ARGS_SIZES_GET("ii"),
    ENVIRON_GET("ii"),
    ENVIRON_SIZES_GET("ii"),
    CLOCK_RES_GET("ii"),
    CLOCK_TIME_GET("iIi"),
    FD_ADVISE("iIIi"),
    FD_ALLOCATE("iII"),
    FD_CLOSE("i"),
    FD_DATASYNC("i"),
    FD_FDSTAT_GET("ii"),
    FD_FDSTAT_SET_FLAGS("ii"),
    FD_FDSTAT_SET_RIGHTS("iII"),
    FD_FILESTAT_GET("ii"),
    FD_FILESTAT_SET_SIZE("iI"),
    FD_FILESTAT_SET_TIMES("iIIi"),
    FD_PREAD("iiiIi"),
    FD_PRESTAT_GET("ii"),
    FD_PRESTAT_DIR_NAME("iii"),
    FD_PWRITE("iiiIi"),
    FD_READ("iiii"),
    FD_READDIR("iiiIi"),
    FD_RENUMBER("ii"),
    FD_SEEK("iIii"),
    FD_SYNC("i"),
    FD_TELL("ii"),
    FD_WRITE("iiii"),
    PATH_CREATE_DIRECTORY("iii"),
    PATH_FILESTAT_GET("iiiii"),
    PATH_FILESTAT_SET_TIMES("iiiiIIi"),
    PATH_LINK("iiiiiii"),
    PATH_OPEN("iiiiiIIii"),
    PATH_READLINK("iiiiii"),
    PATH_REMOVE_DIRECTORY("iii"),
    PATH_RENAME("iiiiii"),
    PATH_SYMLINK("iiiii"),
    PATH_UNLINK_FILE("iii"),
    POLL_ONEOFF("iiii"),
    PROC_EXIT("i"),
    PROC_RAISE("i"),
    SCHED_YIELD(""),
    RANDOM_GET("ii"),
    SOCK_ACCEPT("iii"),
    SOCK_RECV("iiiiii"),
    SOCK_SEND("iiiii"),
    SOCK_SHUTDOWN("ii");

    final String signature;
    final String wasiName = name().toLowerCase(Locale.ROOT);

    Function(String signature) {
      this.signature = signature;
    }
  }

  /**
   * Runs {@code f} on raw arguments; returns the errno. One switch rather than a lambda per
   * function: linking 46 lambda call sites cost ~10 ms of every start on JDK 17.
   */
  private int dispatch(Function f, Memories m, long[] a) throws IOException {
    switch (f) {
      case ARGS_GET: return p.argsGet(m.get(), i(a[0]), i(a[1]));
      case ARGS_SIZES_GET: return p.argsSizesGet(m.get(), i(a[0]), i(a[1]));
      case ENVIRON_GET: return p.environGet(m.get(), i(a[0]), i(a[1]));
      case ENVIRON_SIZES_GET: return p.environSizesGet(m.get(), i(a[0]), i(a[1]));
      case CLOCK_RES_GET: return p.clockResGet(m.get(), i(a[0]), i(a[1]));
      case CLOCK_TIME_GET: return p.clockTimeGet(m.get(), i(a[0]), a[1], i(a[2]));
      case FD_ADVISE: return p.fdAdvise(i(a[0]), a[1], a[2], i(a[3]));
      case FD_ALLOCATE: return p.fdAllocate(i(a[0]), a[1], a[2]);
      case FD_CLOSE: return p.fdClose(i(a[0]));
      case FD_DATASYNC: return p.fdSync(i(a[0]), false);
      case FD_FDSTAT_GET: return p.fdFdstatGet(m.get(), i(a[0]), i(a[1]));
      case FD_FDSTAT_SET_FLAGS: return p.fdFdstatSetFlags(i(a[0]), i(a[1]));
      case FD_FDSTAT_SET_RIGHTS: return p.fdFdstatSetRights(i(a[0]), a[1], a[2]);
      case FD_FILESTAT_GET: return p.fdFilestatGet(m.get(), i(a[0]), i(a[1]));
      case FD_FILESTAT_SET_SIZE: return p.fdFilestatSetSize(i(a[0]), a[1]);
      case FD_FILESTAT_SET_TIMES: return p.fdFilestatSetTimes(i(a[0]), a[1], a[2], i(a[3]));
      case FD_PREAD: return p.fdPread(m.get(), i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]));
      case FD_PRESTAT_GET: return p.fdPrestatGet(m.get(), i(a[0]), i(a[1]));
      case FD_PRESTAT_DIR_NAME: return p.fdPrestatDirName(m.get(), i(a[0]), i(a[1]), i(a[2]));
      case FD_PWRITE: return p.fdPwrite(m.get(), i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]));
      case FD_READ: return p.fdRead(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]));
      case FD_READDIR: return p.fdReaddir(m.get(), i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]));
      case FD_RENUMBER: return p.fdRenumber(i(a[0]), i(a[1]));
      case FD_SEEK: return p.fdSeek(m.get(), i(a[0]), a[1], i(a[2]), i(a[3]));
      case FD_SYNC: return p.fdSync(i(a[0]), true);
      case FD_TELL: return p.fdTell(m.get(), i(a[0]), i(a[1]));
      case FD_WRITE: return p.fdWrite(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]));
      case PATH_CREATE_DIRECTORY: return p.pathCreateDirectory(m.get(), i(a[0]), i(a[1]), i(a[2]));
      case PATH_FILESTAT_GET:
        return p.pathFilestatGet(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]));
      case PATH_FILESTAT_SET_TIMES:
        return p.pathFilestatSetTimes(
            m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), a[4], a[5], i(a[6]));
      case PATH_LINK:
        return p.pathLink(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]), i(a[6]));
      case PATH_OPEN:
        return p.pathOpen(
            m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), a[5], a[6], i(a[7]), i(a[8]));
      case PATH_READLINK:
        return p.pathReadlink(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]));
      case PATH_REMOVE_DIRECTORY: return p.pathRemoveDirectory(m.get(), i(a[0]), i(a[1]), i(a[2]));
      case PATH_RENAME:
        return p.pathRename(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]));
      case PATH_SYMLINK: return p.pathSymlink(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]));
      case PATH_UNLINK_FILE: return p.pathUnlinkFile(m.get(), i(a[0]), i(a[1]), i(a[2]));
      case POLL_ONEOFF: return p.pollOneoff(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]));
      case PROC_EXIT:
        p.procExit(i(a[0])); // throws ExitException
        return Errno.SUCCESS;
      case PROC_RAISE: return p.procRaise(i(a[0]));
      case SCHED_YIELD: return p.schedYield();
      case RANDOM_GET: return p.randomGet(m.get(), i(a[0]), i(a[1]));
      case SOCK_ACCEPT: return p.sockAccept(m.get(), i(a[0]), i(a[1]), i(a[2]));
      case SOCK_RECV:
        return p.sockRecv(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]));
      case SOCK_SEND: return p.sockSend(m.get(), i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]));
      case SOCK_SHUTDOWN: return p.sockShutdown(i(a[0]), i(a[1]));
      default:
        throw new AssertionError(f);
    }
  }

  private static int i(long slot) {
    return (int) slot;
  }

  /** Runs {@code f}; whatever goes wrong becomes an errno, except the guest's exit and traps. */
  private int call(Function f, Memories m, long[] a) {
    int errno;
    try {
      errno = dispatch(f, m, a);
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
      StringBuilder sb = new StringBuilder("wasi: ").append(f.wasiName).append('(');
      for (int k = 0; k < a.length; k++) {
        sb.append(k == 0 ? "" : ", ").append(a[k]);
      }
      System.err.println(sb.append(") = ").append(Errno.name(errno)));
    }
    return errno;
  }
}
