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

  private ModuleFile() {}

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
    } catch (OutOfMemoryError e) {
      throw new IOException(file + " does not fit in the heap (raise it with -Xmx)");
    }
  }

  private static IOException tooLarge(Path file) {
    return new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB, the most a"
        + " module may have");
  }
}
