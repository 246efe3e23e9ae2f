package org.wasmj.wasi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.NetworkChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * What a guest file descriptor refers to: stdio streams, an open file, an open directory inside a
 * preopen, or a socket the host handed over. Each carries the WASI rights and fd flags of its fd.
 *
 * @implNote Not thread-safe: it belongs to one {@code Wasi}.
 */
public abstract sealed class Descriptor {
  /** Rights of this descriptor. */
  public long rightsBase;
  /** Rights that descriptors opened through this one (a directory) may have at most. */
  public long rightsInheriting;
  /** {@code fdflags}: append, dsync, nonblock, rsync, sync. */
  public int fdflags;

  Descriptor(long rightsBase, long rightsInheriting) {
    this.rightsBase = rightsBase;
    this.rightsInheriting = rightsInheriting;
  }

  /** The WASI filetype. */
  public abstract int filetype();

  /** Releases what the descriptor holds. */
  public void close() throws IOException {}

  /** Stdin: a Java input stream. */
  public static final class Input extends Descriptor {
    public final InputStream in;
    final boolean terminal;

    public Input(InputStream in, boolean terminal) {
      super(Rights.STDIO & ~Rights.FD_WRITE, 0);
      this.in = in;
      this.terminal = terminal;
    }

    @Override
    public int filetype() {
      return terminal ? Filetype.CHARACTER_DEVICE : Filetype.UNKNOWN;
    }
  }

  /** Stdout or stderr: a Java output stream. */
  public static final class Output extends Descriptor {
    public final OutputStream out;
    final boolean terminal;

    public Output(OutputStream out, boolean terminal) {
      super(Rights.STDIO & ~Rights.FD_READ, 0);
      this.out = out;
      this.terminal = terminal;
    }

    /**
     * Writes and flushes {@code data}; returns its length. A failure is the errno the host
     * reported ({@code EPIPE}, {@code ENOSPC}, ...; {@code EIO} for any other), and a
     * {@link PrintStream}, which keeps its failures to itself, is asked with
     * {@link PrintStream#checkError()} ({@code EIO}, since it does not say why).
     */
    public int write(byte[] data) {
      try {
        out.write(data);
        out.flush();
      } catch (IOException e) {
        throw new WasiError(errno(e));
      }
      if (out instanceof PrintStream && ((PrintStream) out).checkError()) {
        throw new WasiError(Errno.IO);
      }
      return data.length;
    }

    /** Flushes the stream, with {@link #write}'s errors. */
    public void flush() {
      write(new byte[0]);
    }

    /** The errno for a failed write on a stream: what can happen to a file, pipe or terminal. */
    static int errno(IOException e) {
      int errno = Errno.of(e);
      switch (errno) {
        case Errno.PIPE:
        case Errno.NOSPC:
        case Errno.FBIG:
        case Errno.DQUOT:
        case Errno.AGAIN:
        case Errno.CONNRESET:
          return errno;
        default:
          return Errno.IO; // e.g. EBADF from the host is no bad descriptor of the guest's
      }
    }

    @Override
    public int filetype() {
      return terminal ? Filetype.CHARACTER_DEVICE : Filetype.UNKNOWN;
    }
  }

  /** A regular file (or other non-directory) opened by {@code path_open}. */
  public static final class File extends Descriptor {
    public final FileChannel channel;
    /** Where it was opened (its attributes are read there); stale if it was renamed since. */
    public final Path path;
    private final Sandbox sandbox;
    private final List<String> components;
    /** The opened file's identity, to tell whether {@link #path} still names it. */
    private final long dev;
    private final long ino;

    public File(FileChannel channel, Sandbox sandbox, List<String> components, Sandbox.Stat opened,
        long rightsBase, int fdflags) {
      super(rightsBase, 0);
      this.channel = channel;
      this.sandbox = sandbox;
      this.components = List.copyOf(components);
      this.path = sandbox.hostPath(components);
      this.dev = opened.dev;
      this.ino = opened.ino;
      this.fdflags = fdflags;
    }

    /**
     * What {@link #path} names if that is still this file, reached without symlinks, else
     * {@code null} (the guest renamed it or a directory above it, perhaps putting a symlink in its
     * place: its attributes are then not to be read or set by path).
     */
    public Sandbox.Stat current() {
      Sandbox.Stat s = sandbox.walk(components);
      return s != null && s.filetype == Filetype.REGULAR_FILE && s.dev == dev && s.ino == ino
          ? s : null;
    }

    @Override
    public int filetype() {
      return Filetype.REGULAR_FILE;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /**
   * A directory inside a preopen: the preopen's root and the path from it, one component per
   * element (no {@code ".."}, no symlinks), so that every path resolved from here stays inside.
   */
  public static final class Dir extends Descriptor {
    public final Sandbox sandbox;
    public final List<String> components;
    /** The guest name if this is a preopen, else {@code null}. */
    public final String preopenName;
    /** The entries of the last {@code fd_readdir} listing, kept while cookies continue it. */
    List<Sandbox.Entry> listing;

    public Dir(Sandbox sandbox, List<String> components, String preopenName, long rightsBase,
        long rightsInheriting) {
      super(rightsBase, rightsInheriting);
      this.sandbox = sandbox;
      this.components = List.copyOf(components);
      this.preopenName = preopenName;
    }

    /**
     * The host path, checked to lead to a directory without symlinks.
     *
     * @throws WasiError NOENT if it no longer does (see {@link Sandbox#directory})
     */
    public Path path() {
      return sandbox.directory(components);
    }

    @Override
    public int filetype() {
      return Filetype.DIRECTORY;
    }
  }

  /** A socket the host handed over (a listening socket) or one accepted from it. */
  public static final class Socket extends Descriptor {
    public final NetworkChannel channel;

    public Socket(NetworkChannel channel) {
      super(Rights.SOCKET, Rights.SOCKET);
      this.channel = channel;
    }

    @Override
    public int filetype() {
      return Filetype.SOCKET_STREAM;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
