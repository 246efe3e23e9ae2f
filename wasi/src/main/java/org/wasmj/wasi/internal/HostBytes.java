package org.wasmj.wasi.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * WASI strings are bytes; Java's are UTF-16, and the JDK turns file names, arguments and the
 * environment into strings with the host's charset ({@code sun.jnu.encoding}): under
 * {@code LANG=C} that is ASCII, so {@code "héllo"} becomes {@code "h��llo"}, and no charset
 * keeps bytes that are not valid in it. This class converts losslessly.
 *
 * <p><b>Strings.</b> Text is UTF-8, and a byte that is not part of valid UTF-8 is the lone
 * surrogate U+DC80–U+DCFF of its value, as Python's {@code surrogateescape}: {@link #decode}
 * turns any bytes into a string and {@link #encode} gives the very same bytes back. A string
 * without lone surrogates (any valid Unicode) encodes as plain UTF-8.
 *
 * <p><b>Host paths.</b> On the default (Unix) file system a {@link Path} holds the bytes of the
 * name, whatever its {@code toString()} shows, and its {@link Path#toUri() URI} spells them out
 * percent-encoded; {@link Path#of(URI)} makes a path of exactly the bytes a URI spells. So
 * {@link #bytes(Path)} and {@link #resolve(Path, String)} reach every name the host has, ASCII
 * names (the common case) by the fast way.
 */
public final class HostBytes {
  private HostBytes() {}

  /** The charset the JDK names files with, when it is UTF-8 (then UTF-8 names need no URI). */
  private static final boolean JNU_UTF8 = isUtf8(System.getProperty("sun.jnu.encoding"));

  private static boolean isUtf8(String charset) {
    try {
      return charset != null && Charset.forName(charset).equals(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return false;
    }
  }

  // ---- strings ----

  /** {@code s} as bytes: UTF-8, each lone surrogate U+DC80–U+DCFF the byte it stands for. */
  public static byte[] encode(String s) {
    if (!hasSurrogate(s)) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        byte[] pair = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        out.write(pair, 0, pair.length);
        i++;
      } else if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c - 0xDC00);
      } else if (Character.isSurrogate(c)) {
        out.write(0xEF); // another lone surrogate: no byte stands behind it, so U+FFFD
        out.write(0xBF);
        out.write(0xBD);
      } else {
        byte[] one = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(one, 0, one.length);
      }
    }
    return out.toByteArray();
  }

  /** {@code bytes} as a string: UTF-8, each byte outside valid UTF-8 a lone surrogate. */
  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return decodeEscaping(bytes);
    }
  }

  private static String decodeEscaping(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int n = validSequence(b, i);
      if (n == 0) {
        sb.append((char) (0xDC00 + (b[i] & 0xFF)));
        i++;
      } else {
        sb.append(new String(b, i, n, StandardCharsets.UTF_8));
        i += n;
      }
    }
    return sb.toString();
  }

  /** The length of the valid UTF-8 sequence at {@code b[i]}, or 0 if there is none. */
  private static int validSequence(byte[] b, int i) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return 1;
    }
    int n;
    int min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 2;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 3;
      min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 4;
      min = 0x10000;
    } else {
      return 0;
    }
    if (i + n > b.length) {
      return 0;
    }
    int cp = b0 & (0xFF >> (n + 1));
    for (int k = 1; k < n; k++) {
      int bk = b[i + k] & 0xFF;
      if ((bk & 0xC0) != 0x80) {
        return 0;
      }
      cp = cp << 6 | (bk & 0x3F);
    }
    boolean ok = cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    return ok ? n : 0;
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  // ---- host paths ----

  /** Whether the JDK turns {@code s} into a path of the bytes {@link #encode} gives. */
  private static boolean plain(String s) {
    return isAscii(s) || (JNU_UTF8 && !hasSurrogate(s));
  }

  /** Whether the JDK's string of a path shows its bytes exactly. */
  private static boolean shownExactly(String s) {
    return isAscii(s) || (JNU_UTF8 && s.indexOf('\uFFFD') < 0);
  }

  /** The bytes of {@code path} (its names joined by '/', after a '/' if it is absolute). */
  public static byte[] bytes(Path path) {
    String s = path.toString();
    if (shownExactly(s) || path.getFileSystem() != FileSystems.getDefault()) {
      return s.getBytes(JNU_UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
    }
    // toUri spells the bytes out; a relative path is made absolute below "/" for it
    Path absolute = path.isAbsolute() ? path : path.getFileSystem().getPath("/").resolve(path);
    byte[] raw = unescape(absolute.toUri().getRawPath());
    int from = path.isAbsolute() ? 0 : 1;
    int to = raw.length;
    if (to - from > 1 && raw[to - 1] == '/') {
      to--; // toUri marks a directory with a trailing '/'
    }
    byte[] out = new byte[to - from];
    System.arraycopy(raw, from, out, 0, out.length);
    return out;
  }

  /** The last name of {@code path} as a string (see {@link #decode}). */
  public static String name(Path path) {
    return decode(bytes(path.getFileName()));
  }

  /** The whole of {@code path} as a string (see {@link #decode}). */
  public static String string(Path path) {
    return decode(bytes(path));
  }

  /**
   * {@code base} (absolute, or on another file system) resolved with {@code name}, a relative
   * path whose bytes are {@link #encode}'s.
   */
  public static Path resolve(Path base, String name) {
    if (plain(name) || base.getFileSystem() != FileSystems.getDefault()) {
      return base.resolve(name);
    }
    byte[] baseBytes = bytes(base.toAbsolutePath());
    byte[] nameBytes = encode(name);
    StringBuilder uri = new StringBuilder("file://");
    escape(baseBytes, uri);
    if (baseBytes.length == 0 || baseBytes[baseBytes.length - 1] != '/') {
      uri.append('/');
    }
    escape(nameBytes, uri);
    return Path.of(URI.create(uri.toString()));
  }

  /** The path of the bytes of {@code s} ({@link #encode}), relative or absolute. */
  public static Path path(String s) {
    if (plain(s)) {
      return Path.of(s);
    }
    boolean absolute = s.startsWith("/");
    StringBuilder uri = new StringBuilder("file://");
    if (!absolute) {
      uri.append('/');
    }
    escape(encode(s), uri);
    Path p = Path.of(URI.create(uri.toString()));
    return absolute ? p : p.subpath(0, p.getNameCount());
  }

  /** Appends {@code bytes} to a URI path: letters, digits, '/' and "-._~" as they are. */
  private static void escape(byte[] bytes, StringBuilder out) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      }
    }
  }

  /** The bytes a percent-encoded URI path spells. */
  private static byte[] unescape(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}
