package org.wasmj.wasi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBytesTest {
  @Property
  void anyBytesSurviveDecodingAndEncoding(@ForAll byte[] bytes) {
    assertArrayEquals(bytes, HostBytes.encode(HostBytes.decode(bytes)));
  }

  @Property
  void validUnicodeIsPlainUtf8(@ForAll String s) {
    String valid = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertArrayEquals(valid.getBytes(StandardCharsets.UTF_8), HostBytes.encode(valid));
    assertEquals(valid, HostBytes.decode(HostBytes.encode(valid)));
  }

  @Test
  void bytesOutsideUtf8AreLoneSurrogates() {
    assertEquals("a\uDCFFb", HostBytes.decode(new byte[] {'a', (byte) 0xFF, 'b'}));
    assertEquals("\uDCC3", HostBytes.decode(new byte[] {(byte) 0xC3}), "a truncated sequence");
    assertEquals("\uDCED\uDCA0\uDC80", HostBytes.decode(new byte[] {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}), "an encoded surrogate is no UTF-8");
    assertEquals("\uDCC0\uDC80", HostBytes.decode(new byte[] {(byte) 0xC0, (byte) 0x80}),
        "an overlong NUL neither");
    assertEquals("é", HostBytes.decode(new byte[] {(byte) 0xC3, (byte) 0xA9}));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void hostFileNamesOfAnyBytesAreMadeListedAndFoundAgain(@TempDir Path dir) throws IOException {
    List<byte[]> names = List.of(bytes('h', 0xC3, 0xA9, 'l', 'l', 'o'), bytes('x', 0xFF, 'y'),
        bytes('%', '4', '1', ' ', '#', '?'), bytes(0xE2, 0x82, 0xAC, 0xFE), "plain".getBytes());
    for (byte[] name : names) {
      Path p = HostBytes.resolve(dir, HostBytes.decode(name));
      Files.writeString(p, "x");
      assertArrayEquals(name, HostBytes.bytes(p.getFileName()));
      assertTrue(Files.exists(HostBytes.resolve(dir, HostBytes.decode(name))));
    }
    List<byte[]> listed = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> listed.add(HostBytes.encode(HostBytes.name(p))));
    }
    assertEquals(names.size(), listed.size());
    for (byte[] name : names) {
      assertTrue(listed.stream().anyMatch(l -> java.util.Arrays.equals(l, name)),
          new String(name, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void relativeAndAbsolutePathsKeepTheirBytesAndDots() {
    String relative = HostBytes.decode(bytes('.', '.', '/', 'a', 0xFF, '/', '.', '/', 0xC3, 0xA9));
    Path p = HostBytes.path(relative);
    assertEquals(4, p.getNameCount());
    assertTrue(!p.isAbsolute());
    assertArrayEquals(HostBytes.encode(relative), HostBytes.bytes(p));
    String absolute = "/tmp/" + HostBytes.decode(bytes(0xFF));
    assertArrayEquals(HostBytes.encode(absolute), HostBytes.bytes(HostBytes.path(absolute)));
    assertEquals(Path.of("a/b"), HostBytes.path("a/b"));
  }
}
