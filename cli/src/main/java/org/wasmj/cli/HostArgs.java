package org.wasmj.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmj.wasi.internal.HostBytes;

/**
 * The command line and environment as the bytes they were. The JVM hands {@code main} its
 * arguments decoded with {@code sun.jnu.encoding}, the locale's charset: under {@code LANG=C}
 * every non-ASCII byte is lost ({@code héllo} arrives as {@code h��llo}), and under any locale
 * bytes that are not valid UTF-8 become U+FFFD. On Linux the bytes are still in
 * {@code /proc/self/cmdline} and {@code /proc/self/environ}; they are read back from there and
 * given as {@link HostBytes} strings (UTF-8, other bytes as lone surrogates), which WASI turns
 * back into the same bytes. Elsewhere, or if what is there does not match what the JVM was given,
 * the JVM's strings are used as they are.
 */
final class HostArgs {
  private HostArgs() {}

  /** {@code args} as the process received them, or {@code args} if that cannot be known. */
  static String[] recover(String[] args) {
    boolean ascii = true;
    for (String a : args) {
      ascii &= isAscii(a);
    }
    if (ascii) {
      return args; // nothing was lost: the common case reads nothing
    }
    List<byte[]> cmdline = read(Path.of("/proc/self/cmdline"));
    Charset jnu = jnuCharset();
    if (cmdline == null || jnu == null || cmdline.size() < args.length) {
      return args;
    }
    List<byte[]> tail = cmdline.subList(cmdline.size() - args.length, cmdline.size());
    String[] out = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      if (!new String(tail.get(i), jnu).equals(args[i])) {
        return args; // not our arguments (an @argfile, a launcher that rewrote them...)
      }
      out[i] = HostBytes.decode(tail.get(i));
    }
    return out;
  }

  /** The value of environment variable {@code name} as it was, or {@code null} if unset. */
  static String env(String name) {
    String decoded = System.getenv(name);
    if (decoded == null || isAscii(decoded)) {
      return decoded;
    }
    List<byte[]> environ = read(Path.of("/proc/self/environ"));
    if (environ != null) {
      byte[] key = HostBytes.encode(name + "=");
      for (byte[] entry : environ) {
        if (entry.length >= key.length
            && Arrays.equals(entry, 0, key.length, key, 0, key.length)) {
          return HostBytes.decode(Arrays.copyOfRange(entry, key.length, entry.length));
        }
      }
    }
    return decoded;
  }

  /** The NUL-terminated strings of {@code file}, or {@code null} if it cannot be read. */
  private static List<byte[]> read(Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == 0) {
        out.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      out.add(Arrays.copyOfRange(all, start, all.length));
    }
    return out;
  }

  private static Charset jnuCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
