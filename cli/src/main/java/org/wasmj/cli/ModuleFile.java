package org.wasmj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a module file, whatever the path names: a regular file, a pipe ({@code /dev/stdin},
 * {@code <(...)}) or a device. At most {@link #MAX_BYTES} are read, so {@code /dev/zero} or
 * {@code /dev/urandom} fail at once instead of filling the heap.
 */
final class ModuleFile {
  /** The largest module read: 1 GiB, the limit the browsers' engines set for a module. */
  static final int MAX_BYTES = 1 << 30;

  /** The bytes one read of a regular file asks for (see {@link #read}). */
  private static final int READ_SLICE = 1 << 16;

  private ModuleFile() {}

  /**
   * Starts reading {@code file} on a thread of its own, for {@link Ahead#bytes} to collect: a
   * start-up overlaps the read (Yosys' 27 MB: ~10 ms of page faults and copying in the kernel)
   * with what it does before it needs the bytes, such as making the engine (loading the
   * executors' classes).
   */
  static Ahead readAhead(Path file) {
    Ahead ahead = new Ahead(file);
    ahead.start();
    return ahead;
  }

  /** A read of a module file on its own thread ({@link #readAhead}). */
  static final class Ahead extends Thread {
    private final Path file;
    private byte[] bytes;
    private Throwable failure;

    private Ahead(Path file) {
      super("wasmj-read");
      setDaemon(true); // not kept waiting for if the caller gives up (a usage error)
      this.file = file;
    }

    @Override
    public void run() {
      try {
        bytes = read(file);
      } catch (Throwable e) { // for bytes() to throw on the caller's thread
        failure = e;
      }
    }

    /**
     * The file's bytes, once read; throws what {@link ModuleFile#read} threw, or {@link
     * java.io.InterruptedIOException} if the caller is interrupted while it waits (the flag is
     * kept).
     */
    byte[] bytes() throws IOException {
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading " + file);
      }
      if (failure instanceof IOException e) {
        throw e;
      } else if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      }
      return bytes;
    }
  }

  /** The bytes of {@code file}. */
  static byte[] read(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new IOException(file + " is a directory");
    }
    if (attributes.isRegularFile() && attributes.size() > MAX_BYTES) {
      throw tooLarge(file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      // A regular file is read into one array of its size, in slices: each fresh page the read
      // touches costs a page fault, dear on a virtual machine. Chunks copied into a final array
      // touched the heap for twice the module's size, and one read of the whole file goes
      // through a native buffer of its size (the file channel's temporary direct buffer), freshly
      // allocated outside the heap's huge pages: 7,500 faults for Yosys' 30 MB, where 64 KiB
      // slices reuse one small buffer (docs/RATIONALE.md, "Session 17 (branch mem17)"). A file
      // that changes as it is read is read again, in chunks.
      if (attributes.isRegularFile()) {
        byte[] whole = new byte[(int) attributes.size()];
        int at = 0;
        while (at < whole.length) {
          int n = in.read(whole, at, Math.min(READ_SLICE, whole.length - at));
          if (n < 0) {
            break;
          }
          at += n;
        }
        if (at == whole.length && in.read() == -1) {
          return whole;
        }
        in.close();
        return readChunks(file, Files.newInputStream(file));
      }
      return readChunks(file, in);
    } catch (OutOfMemoryError e) {
      throw new IOException(file + " does not fit in the heap (raise it with -Xmx)");
    }
  }

  /** The bytes of {@code in} (of {@code file}), read to its end in chunks; closes {@code in}. */
  private static byte[] readChunks(Path file, InputStream stream) throws IOException {
    try (InputStream in = stream) {
      List<byte[]> chunks = new ArrayList<>();
      long total = 0;
      while (true) {
        byte[] chunk = in.readNBytes(1 << 20);
        total += chunk.length;
        if (total > MAX_BYTES) {
          throw tooLarge(file);
        }
        if (chunk.length == 0) {
          break;
        }
        chunks.add(chunk);
      }
      byte[] bytes = new byte[(int) total];
      int at = 0;
      for (byte[] chunk : chunks) {
        System.arraycopy(chunk, 0, bytes, at, chunk.length);
        at += chunk.length;
      }
      return bytes;
    }
  }

  private static IOException tooLarge(Path file) {
    return new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB, the most a"
        + " module may have");
  }
}
