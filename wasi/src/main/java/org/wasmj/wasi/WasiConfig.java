package org.wasmj.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.wasmj.wasi.internal.HostBytes;

/**
 * What a WASI guest may see: its arguments, its environment, the host directories preopened for
 * it (each under a guest name), its stdio and any listening sockets handed to it. Nothing else of
 * the host is visible: the environment is empty and no directory is reachable unless given here.
 * Made by {@link #builder()} (or {@link Wasi#builder()}).
 *
 * <p><b>Text is bytes.</b> The guest receives arguments, environment and preopen names as bytes:
 * a string given here is sent as UTF-8, except that a lone surrogate U+DC80–U+DCFF stands for
 * the single byte 0x80–0xFF (as Python's {@code surrogateescape}), so any byte string can be
 * given as a string; the {@code byte[]} overloads take the bytes themselves. File names travel
 * the same way, byte for byte, whatever {@code sun.jnu.encoding} the JVM runs with.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *     .args("app", "--verbose")
 *     .env("LANG", "C")
 *     .preopenDir(Path.of("data"), "/data")
 *     .inheritStdio()
 *     .build();
 * }</pre>
 *
 * @implNote Immutable, but the streams and sockets it names are shared by every {@link Wasi}
 *     made from it.
 */
public final class WasiConfig {
  /** A host directory and the name the guest sees it under. */
  public record Preopen(Path hostDir, String guestName) {
    public Preopen {
      Objects.requireNonNull(hostDir, "hostDir");
      Objects.requireNonNull(guestName, "guestName");
    }
  }

  private final List<String> args;
  private final Map<String, String> env;
  private final List<Preopen> preopens;
  private final List<ServerSocketChannel> sockets;
  private final InputStream stdin;
  private final OutputStream stdout;
  private final OutputStream stderr;
  private final boolean stdinTerminal;
  private final boolean stdoutTerminal;
  private final Random random;
  private final int maxOpenFiles;

  /** The default of {@link #maxOpenFiles()}: 1,024, Linux's usual soft limit for a process. */
  public static final int DEFAULT_MAX_OPEN_FILES = 1024;

  private WasiConfig(Builder b) {
    this.args = List.copyOf(b.args);
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
    this.preopens = List.copyOf(b.preopens);
    this.sockets = List.copyOf(b.sockets);
    this.stdin = b.stdin;
    this.stdout = b.stdout;
    this.stderr = b.stderr;
    this.stdinTerminal = b.stdinTerminal;
    this.stdoutTerminal = b.stdoutTerminal;
    this.random = b.random;
    this.maxOpenFiles = b.maxOpenFiles;
  }

  /** A builder with no args, no environment, no preopens, empty stdin and discarded output. */
  public static Builder builder() {
    return new Builder();
  }

  /** The guest's {@code argv}, the program name first. */
  public List<String> args() {
    return args;
  }

  /** The guest's whole environment, in order. */
  public Map<String, String> env() {
    return env;
  }

  /** The preopened directories, in fd order (fd 3 first). */
  public List<Preopen> preopens() {
    return preopens;
  }

  /** Listening sockets handed to the guest, numbered after the preopens. */
  public List<ServerSocketChannel> sockets() {
    return sockets;
  }

  /** The guest's stdin. */
  public InputStream stdin() {
    return stdin;
  }

  /** The guest's stdout. */
  public OutputStream stdout() {
    return stdout;
  }

  /** The guest's stderr. */
  public OutputStream stderr() {
    return stderr;
  }

  boolean stdinTerminal() {
    return stdinTerminal;
  }

  boolean stdoutTerminal() {
    return stdoutTerminal;
  }

  /** Where {@code random_get} takes its bytes. */
  public Random random() {
    return random;
  }

  /**
   * Most descriptors the guest may hold open at once, stdio and preopens included: opening
   * ({@code path_open}, {@code sock_accept}) past it fails with {@code EMFILE}, before the host
   * runs out of file descriptors of its own.
   */
  public int maxOpenFiles() {
    return maxOpenFiles;
  }

  /**
   * The default source of {@code random_get}: a {@link SecureRandom}, made when first used, since
   * seeding one loads the security providers, milliseconds that a run which never asks for random
   * bytes should not pay at start-up.
   */
  private static final class LazySecureRandom extends Random {
    private static final long serialVersionUID = 1L;
    private SecureRandom secure;

    private SecureRandom secure() {
      if (secure == null) {
        secure = new SecureRandom();
      }
      return secure;
    }

    @Override
    protected synchronized int next(int bits) {
      return secure().nextInt() >>> (32 - bits);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      secure().nextBytes(bytes);
    }
  }

  /**
   * Builds a {@link WasiConfig}; each call replaces or adds one setting.
   *
   * @implNote Not thread-safe.
   */
  public static final class Builder {
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Preopen> preopens = new ArrayList<>();
    private final List<ServerSocketChannel> sockets = new ArrayList<>();
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = OutputStream.nullOutputStream();
    private OutputStream stderr = OutputStream.nullOutputStream();
    private boolean stdinTerminal;
    private boolean stdoutTerminal;
    private Random random = new LazySecureRandom();
    private int maxOpenFiles = DEFAULT_MAX_OPEN_FILES;

    Builder() {}

    /** Replaces the arguments ({@code argv}, the program name first). */
    public Builder args(String... args) {
      return args(List.of(args));
    }

    /** Replaces the arguments. */
    public Builder args(List<String> args) {
      this.args.clear();
      for (String a : args) {
        this.args.add(Objects.requireNonNull(a));
      }
      return this;
    }

    /** Adds one argument. */
    public Builder arg(String arg) {
      args.add(Objects.requireNonNull(arg));
      return this;
    }

    /** Adds one argument given as the bytes the guest receives. */
    public Builder arg(byte[] arg) {
      return arg(HostBytes.decode(arg));
    }

    /** Sets one environment variable; the name may not be empty or contain {@code '='}. */
    public Builder env(String name, String value) {
      if (name.isEmpty() || name.indexOf('=') >= 0) {
        throw new IllegalArgumentException("bad environment variable name '" + name + "'");
      }
      env.put(name, Objects.requireNonNull(value));
      return this;
    }

    /** Sets one environment variable given as the bytes the guest receives. */
    public Builder env(byte[] name, byte[] value) {
      return env(HostBytes.decode(name), HostBytes.decode(value));
    }

    /** Sets each of {@code variables}. */
    public Builder env(Map<String, String> variables) {
      variables.forEach(this::env);
      return this;
    }

    /**
     * Preopens the host directory {@code hostDir} under the guest name {@code guestName} (e.g.
     * {@code "/"}, {@code "."}, {@code "/data"}); the guest can reach what is under it and nothing
     * else.
     */
    public Builder preopenDir(Path hostDir, String guestName) {
      preopens.add(new Preopen(hostDir, guestName));
      return this;
    }

    /** Hands a listening socket to the guest ({@code sock_accept} works on its fd). */
    public Builder listeningSocket(ServerSocketChannel socket) {
      sockets.add(Objects.requireNonNull(socket));
      return this;
    }

    /** The guest's stdin. */
    public Builder stdin(InputStream in) {
      this.stdin = Objects.requireNonNull(in);
      this.stdinTerminal = false;
      return this;
    }

    /** The guest's stdout (written through, flushed after each write). */
    public Builder stdout(OutputStream out) {
      this.stdout = Objects.requireNonNull(out);
      this.stdoutTerminal = false;
      return this;
    }

    /** The guest's stderr. */
    public Builder stderr(OutputStream err) {
      this.stderr = Objects.requireNonNull(err);
      return this;
    }

    /** Gives the guest this process's stdin, stdout and stderr. */
    public Builder inheritStdio() {
      boolean console = System.console() != null;
      stdin(System.in);
      stdout(System.out);
      stderr(System.err);
      stdinTerminal = console;
      stdoutTerminal = console;
      return this;
    }

    /** Where {@code random_get} takes its bytes (default: a {@link SecureRandom}). */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** Most descriptors the guest may hold open at once (at least 1; default 1,024). */
    public Builder maxOpenFiles(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max open files must be at least 1, got " + max);
      }
      this.maxOpenFiles = max;
      return this;
    }

    /** The config. */
    public WasiConfig build() {
      return new WasiConfig(this);
    }

    /**
     * Builds the config, makes a {@link Wasi} of it and defines its functions in {@code linker}.
     *
     * @throws IllegalArgumentException as {@link Wasi#create} and {@link Wasi#addToLinker}
     */
    public <T> Wasi addToLinker(org.wasmj.exec.Linker<T> linker) {
      return Wasi.create(build()).addToLinker(linker);
    }
  }
}
