package org.wasmj.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.wasmj.wasi.internal.Errno;
import org.wasmj.wasi.internal.Rights;

/**
 * Random paths made of {@code ..}, {@code .}, names, symlinks that lead out or stay in, and
 * slashes, given to path functions that create, open, stat and delete: whatever the path, the
 * call either works inside the preopen or fails, and nothing outside it is ever created, changed
 * or removed.
 */
class SandboxProperties {
  private static Path tmp;
  private static Path outside;
  private static Path sandbox;
  private static Map<String, String> outsideBefore;
  private static Guest guest;

  @BeforeContainer
  static void setUp() throws IOException {
    tmp = Files.createTempDirectory("wasmj-sandbox-prop-");
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("a"), "outside a");
    Files.createDirectories(outside.resolve("b"));
    sandbox = tmp.resolve("sandbox");
    makeSandbox();
    outsideBefore = snapshot(outside);
    guest = new Guest(Wasi.builder().preopenDir(sandbox, ".").build());
  }

  @AfterContainer
  static void tearDown() throws IOException {
    guest.close();
    org.wasmj.testsupport.WasiTestsuite.deleteTree(tmp);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> part = Arbitraries.of("..", ".", "a", "b", "c", "up", "out", "abs", "in",
        "back", "outside", "sandbox", "");
    return part.list().ofMinSize(1).ofMaxSize(7).map(parts -> String.join("/", parts))
        .flatMap(p -> Arbitraries.of(p, "/" + p, p + "/"));
  }

  @Provide
  Arbitrary<String> operations() {
    return Arbitraries.of("open", "create", "mkdir", "stat", "statFollow", "unlink", "rmdir",
        "symlink", "setTimes");
  }

  @Property
  void nothingOutsideThePreopenEverChanges(@ForAll("paths") String path,
      @ForAll("operations") String op) throws IOException {
    guest.resetStrings();
    int errno = apply(op, path);
    assertTrue(errno >= 0 && errno <= Errno.NOTCAPABLE, "not an errno: " + errno);
    assertEquals(outsideBefore, snapshot(outside), op + " " + path + " changed the outside");
    assertTrue(Files.exists(tmp.resolve("outside/a")) && !Files.exists(tmp.resolve("c")));
    restoreSandbox();
  }

  private int apply(String op, String path) {
    int[] p = guest.string(path);
    switch (op) {
      case "open":
        return closing(guest.open(3, 1, path, 0, Rights.FD_READ | Rights.FD_WRITE, 0));
      case "create":
        return closing(guest.open(3, 1, path, 1 | 8 /* CREAT | TRUNC */, Rights.FILE, 0));
      case "mkdir": return guest.call("path_create_directory", 3, p[0], p[1]);
      case "stat": return guest.call("path_filestat_get", 3, 0, p[0], p[1], 0);
      case "statFollow": return guest.call("path_filestat_get", 3, 1, p[0], p[1], 0);
      case "unlink": return guest.call("path_unlink_file", 3, p[0], p[1]);
      case "rmdir": return guest.call("path_remove_directory", 3, p[0], p[1]);
      case "symlink": {
        int[] target = guest.string("a");
        return guest.call("path_symlink", target[0], target[1], 3, p[0], p[1]);
      }
      default: return guest.call("path_filestat_set_times", 3, 1, p[0], p[1], 0L, 0L, 4);
    }
  }

  /** {@code errno}, after closing the fd a successful open left at address 0. */
  private static int closing(int errno) {
    if (errno == Errno.SUCCESS) {
      assertEquals(Errno.SUCCESS, guest.call("fd_close", guest.i32(0)));
    }
    return errno;
  }

  /** Puts the preopen back as it was, so each try starts from the same tree. */
  private static void restoreSandbox() throws IOException {
    org.wasmj.testsupport.WasiTestsuite.deleteTree(sandbox);
    makeSandbox();
  }

  private static void makeSandbox() throws IOException {
    Files.createDirectories(sandbox.resolve("b"));
    Files.writeString(sandbox.resolve("a"), "inside a");
    Files.createSymbolicLink(sandbox.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(sandbox.resolve("out"), Path.of("../outside"));
    Files.createSymbolicLink(sandbox.resolve("abs"), outside);
    Files.createSymbolicLink(sandbox.resolve("in"), Path.of("b/../a"));
    Files.createSymbolicLink(sandbox.resolve("b/back"), Path.of(".."));
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String what = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readString(p)
            : Files.isSymbolicLink(p) ? "link" : "dir";
        out.put(dir.relativize(p) + "", what + " @" + Files.getLastModifiedTime(p,
            LinkOption.NOFOLLOW_LINKS));
      }
    }
    return out;
  }
}
