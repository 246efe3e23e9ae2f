package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.wasi.internal.HostBytes;

/**
 * Text is bytes: arguments, environment values, preopen names and host file names reach the
 * guest unchanged under any locale. Each test runs {@code wasmj run} in a shell under
 * {@code LANG}/{@code LC_ALL} set to the locale, with the non-ASCII bytes made by
 * {@code printf}, since Java could not even pass them to a child under {@code LANG=C}.
 */
class LocaleTest {
  private static final String GUESTS = Path.of("src/test/resources/guests").toAbsolutePath() + "/";

  /** {@code printf} octal escapes of {@code bytes}, in double quotes for the shell. */
  private static String printf(byte[] bytes) {
    StringBuilder sb = new StringBuilder("\"$(printf '");
    for (byte b : bytes) {
      sb.append(String.format("\\%03o", b & 0xFF));
    }
    return sb.append("')\"").toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static byte[] bytes(String text, int... more) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(t, t.length + more.length);
    for (int i = 0; i < more.length; i++) {
      out[t.length + i] = (byte) more[i];
    }
    return out;
  }

  /** Runs {@code sh -c "<env> exec java ... Main <args>"} under {@code locale}; returns stdout. */
  private static byte[] wasmj(String locale, int expectedStatus, String environment,
      String... shellArgs) throws Exception {
    StringBuilder script = new StringBuilder(environment).append(" exec");
    for (String part : WasiTestsuiteCliTest.wasmjCommand()) {
      script.append(' ').append(quote(part));
    }
    for (String a : shellArgs) {
      script.append(' ').append(a);
    }
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script.toString());
    pb.environment().put("LANG", locale);
    pb.environment().put("LC_ALL", locale);
    Process p = pb.start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = new Thread(() -> {
      try {
        p.getErrorStream().transferTo(err);
      } catch (java.io.IOException e) {
        // the test fails on the status below
      }
    });
    errReader.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    errReader.join();
    assertEquals(expectedStatus, p.exitValue(), err.toString(StandardCharsets.UTF_8));
    return out;
  }

  private static byte[] lines(byte[]... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"C", "C.UTF-8"})
  void argumentsEnvironmentAndNamesPassAsTheBytesTheyAre(String locale, @TempDir Path tmp)
      throws Exception {
    byte[] hello = bytes("h", 0xC3, 0xA9, 'l', 'l', 'o'); // "héllo" in UTF-8
    byte[] invalid = bytes("a", 0xFF, 'b'); // not UTF-8 at all
    Path dir = HostBytes.resolve(tmp, HostBytes.decode(bytes("r", 0xC3, 0xA9, 'p')));
    Files.createDirectory(dir);
    byte[] guestName = bytes("/d", 0xC3, 0xA9);
    byte[] module = concat(HostBytes.bytes(dir), bytes("/", 0xC3, 0xA9, 'c', 'h', 'o', '.', 'w',
        'a', 's', 'm'));
    Files.copy(Path.of(GUESTS + "echo.wasm"), HostBytes.path(HostBytes.decode(module)));
    byte[] out = wasmj(locale, 3, "INHERITED=" + printf(bytes("v", 0xC3, 0xA9, 0xFF)),
        "run", "--env", printf(bytes("K=", 0xC3, 0xA9)), "--env", "INHERITED",
        "--dir", printf(concat(HostBytes.bytes(dir), bytes("::"), guestName)),
        printf(module), printf(hello), printf(invalid));
    // echo.wasm prints argv, then the environment, then the preopen names
    byte[] expected = lines(module, hello, invalid, bytes("K=", 0xC3, 0xA9),
        bytes("INHERITED=v", 0xC3, 0xA9, 0xFF), guestName);
    assertArrayEquals(expected, out, new String(out, StandardCharsets.ISO_8859_1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"C", "C.UTF-8"})
  void hostFileNamesAreListedAsTheirBytesAndOpenedByThem(String locale, @TempDir Path tmp)
      throws Exception {
    byte[] accented = bytes("", 0xC3, 0xA9, 't', 0xC3, 0xA9, '.', 't', 'x', 't'); // "été.txt"
    byte[] invalid = bytes("x", 0xFF, 'y');
    Files.writeString(HostBytes.resolve(tmp, HostBytes.decode(accented)), "one");
    Files.writeString(HostBytes.resolve(tmp, HostBytes.decode(invalid)), "two");
    Files.writeString(tmp.resolve("plain.txt"), "three");
    byte[] out = wasmj(locale, 0, "", "run", "--dir", printf(concat(HostBytes.bytes(tmp),
        bytes("::/"))), GUESTS + "ls.wasm");
    // ls.wasm prints "<name>: <contents>" or "<name>: errno <n>", in the order listed
    String listing = new String(out, StandardCharsets.ISO_8859_1);
    String latin1 = "\u00c3\u00a9t\u00c3\u00a9.txt";
    assertTrue(listing.contains(latin1 + ": one\n"), listing);
    assertTrue(listing.contains("plain.txt: three\n"), listing);
    // not UTF-8: listed as it is, but a guest path must be UTF-8 (EILSEQ, as Wasmtime)
    assertTrue(listing.contains("x\u00ffy: errno 25\n"), listing);
    assertEquals(3, listing.split("\n").length, listing);
  }
}
