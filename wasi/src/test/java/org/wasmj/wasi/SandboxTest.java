package org.wasmj.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmj.wasi.internal.Errno;
import org.wasmj.wasi.internal.Rights;

/**
 * Attacks on the sandbox: a guest given one preopened directory tries to reach the files next to
 * it through {@code ..}, absolute paths and symlinks (absolute, relative, chained, as an
 * intermediate directory, dangling, combined with {@code ..}), with every path function. Each
 * attempt must fail with {@code ENOTCAPABLE} (or {@code EPERM}, as Wasmtime may answer), and
 * after each test nothing outside the preopen has changed.
 */
class SandboxTest {
  private static final int PREOPEN = 3;
  private static final int FOLLOW = 1;
  private static final int CREAT = 1;
  private static final int DIRECTORY = 2;

  @TempDir Path tmp;
  private Path outside;
  private Path sandbox;
  private Map<String, String> outsideBefore;
  private Guest guest;

  @BeforeEach
  void setUp() throws IOException {
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.writeString(outside.resolve("victim.txt"), "victim");
    Files.createDirectories(outside.resolve("dir"));
    sandbox = Files.createDirectories(tmp.resolve("sandbox"));
    Files.createDirectories(sandbox.resolve("sub"));
    Files.writeString(sandbox.resolve("file.txt"), "inside");
    Files.createSymbolicLink(sandbox.resolve("abs"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(sandbox.resolve("absdir"), outside);
    Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(sandbox.resolve("dirlink"), Path.of("../outside"));
    Files.createSymbolicLink(sandbox.resolve("chain1"), Path.of("sub/chain2"));
    Files.createSymbolicLink(sandbox.resolve("sub/chain2"), Path.of("../../outside/secret.txt"));
    Files.createSymbolicLink(sandbox.resolve("dangling"), Path.of("../outside/created.txt"));
    Files.createSymbolicLink(sandbox.resolve("absdangling"), outside.resolve("created.txt"));
    Files.createSymbolicLink(sandbox.resolve("inside"), Path.of("sub/../file.txt"));
    outsideBefore = snapshot(outside);
    guest = new Guest(Wasi.builder().preopenDir(sandbox, "/sandbox").build());
  }

  @AfterEach
  void nothingOutsideChanged() throws IOException {
    guest.close();
    assertEquals(outsideBefore, snapshot(outside), "files outside the preopen changed");
  }

  /** Every file under {@code dir}: its contents (or kind) and modification time. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String what = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            ? Files.readString(p, StandardCharsets.UTF_8) : "dir";
        out.put(dir.relativize(p) + "", what + " @" + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }

  private static void assertDenied(int errno, String what) {
    assertTrue(errno == Errno.NOTCAPABLE || errno == Errno.PERM,
        what + ": expected NOTCAPABLE or PERM, got " + Errno.name(errno));
  }

  private int open(String path, int lookup, int oflags) {
    return guest.open(PREOPEN, lookup, path, oflags, Rights.FD_READ | Rights.FD_WRITE, 0);
  }

  @Test
  void insidePathsWork() {
    assertEquals(Errno.SUCCESS, open("file.txt", 0, 0));
    assertEquals(Errno.SUCCESS, open("sub/../file.txt", 0, 0));
    assertEquals(Errno.SUCCESS, open("inside", FOLLOW, 0), "a symlink that stays inside");
    assertEquals(Errno.SUCCESS, open("./sub/.././/file.txt", 0, 0));
  }

  @Test
  void absolutePathsAreRefused() {
    assertDenied(open("/etc/passwd", 0, 0), "/etc/passwd");
    assertDenied(open(outside.resolve("secret.txt").toString(), 0, 0), "absolute host path");
    assertDenied(open("/", 0, DIRECTORY), "/");
    assertDenied(guest.pathCall("path_create_directory", PREOPEN, outside + "/new"), "mkdir abs");
  }

  @Test
  void dotDotCannotClimbOut() {
    assertDenied(open("..", 0, DIRECTORY), "..");
    assertDenied(open("../outside/secret.txt", 0, 0), "../outside");
    assertDenied(open("sub/../../outside/secret.txt", 0, 0), "sub/../..");
    assertDenied(open("sub/./.././../sandbox/file.txt", 0, 0), "out and back in");
    assertDenied(open("../outside/created.txt", 0, CREAT), "create outside");
    assertFalse(Files.exists(outside.resolve("created.txt")));
  }

  @Test
  void symlinksCannotLeadOut() {
    assertDenied(open("abs", FOLLOW, 0), "absolute symlink");
    assertDenied(open("rel", FOLLOW, 0), "relative symlink climbing out");
    assertDenied(open("chain1", FOLLOW, 0), "chained symlinks");
    assertDenied(open("dirlink/secret.txt", 0, 0), "symlinked directory in the middle");
    assertDenied(open("absdir/secret.txt", 0, 0), "absolute symlinked directory in the middle");
    assertDenied(open("dirlink", FOLLOW, DIRECTORY), "opening the symlinked directory");
    // Not following a final symlink opens nothing either: O_NOFOLLOW on a link is ELOOP.
    assertEquals(Errno.LOOP, open("abs", 0, 0));
  }

  @Test
  void combinedAttacks() {
    // Lexically "sub/../dirlink/.." is ".", but dirlink is followed first and leads out.
    assertDenied(open("sub/../dirlink/../outside/secret.txt", 0, 0), "symlink then ..");
    assertDenied(open("sub/../dirlink/../sandbox/file.txt", 0, 0), "out through a link and back");
    assertDenied(open("sub/chain2", FOLLOW, 0), "link in a subdirectory");
    assertDenied(open("./sub/../chain1", FOLLOW, 0), "dots and a chain");
  }

  @Test
  void creatingThroughSymlinksStaysInside() {
    assertDenied(open("dangling", FOLLOW, CREAT), "create through a dangling relative link");
    assertDenied(open("absdangling", FOLLOW, CREAT), "create through a dangling absolute link");
    assertDenied(guest.pathCall("path_create_directory", PREOPEN, "dirlink/newdir"), "mkdir");
    assertDenied(guest.pathCall("path_create_directory", PREOPEN, "../newdir"), "mkdir ..");
    assertFalse(Files.exists(outside.resolve("created.txt")));
    assertFalse(Files.exists(outside.resolve("newdir")));
    assertFalse(Files.exists(tmp.resolve("newdir")));
  }

  @Test
  void deletingOutsideIsRefused() {
    assertDenied(guest.pathCall("path_unlink_file", PREOPEN, "../outside/victim.txt"), "unlink ..");
    assertDenied(guest.pathCall("path_unlink_file", PREOPEN, "dirlink/victim.txt"), "unlink link");
    assertDenied(guest.pathCall("path_remove_directory", PREOPEN, "dirlink/dir"), "rmdir link");
    assertDenied(guest.pathCall("path_remove_directory", PREOPEN, "../outside/dir"), "rmdir ..");
    assertTrue(Files.exists(outside.resolve("victim.txt")));
    // Unlinking the symlink itself is fine: it is inside; its target stays.
    assertEquals(Errno.SUCCESS, guest.pathCall("path_unlink_file", PREOPEN, "abs"));
    assertTrue(Files.exists(outside.resolve("secret.txt")));
  }

  @Test
  void renameAndLinkCannotMoveFilesAcrossTheBoundary() {
    int[] file = guest.string("file.txt");
    int[] out = guest.string("../outside/moved.txt");
    int[] viaLink = guest.string("dirlink/victim.txt");
    int[] stolen = guest.string("stolen.txt");
    assertDenied(guest.call("path_rename", PREOPEN, file[0], file[1], PREOPEN, out[0], out[1]),
        "rename out");
    assertDenied(guest.call("path_rename", PREOPEN, viaLink[0], viaLink[1], PREOPEN, stolen[0],
        stolen[1]), "rename in");
    assertDenied(guest.call("path_link", PREOPEN, 0, viaLink[0], viaLink[1], PREOPEN, stolen[0],
        stolen[1]), "hard link to a file outside");
    int[] rel = guest.string("rel");
    assertDenied(guest.call("path_link", PREOPEN, FOLLOW, rel[0], rel[1], PREOPEN, stolen[0],
        stolen[1]), "hard link through a symlink");
    assertDenied(guest.call("path_link", PREOPEN, 0, file[0], file[1], PREOPEN, out[0], out[1]),
        "hard link placed outside");
    assertTrue(Files.exists(sandbox.resolve("file.txt")));
    assertFalse(Files.exists(sandbox.resolve("stolen.txt")));
  }

  @Test
  void symlinksToAbsolutePathsCannotBeCreated() {
    int[] target = guest.string("/etc/passwd");
    int[] link = guest.string("mine");
    assertDenied(guest.call("path_symlink", target[0], target[1], PREOPEN, link[0], link[1]),
        "symlink to an absolute path");
    // A relative link may be made, but it cannot be followed out.
    int[] up = guest.string("../outside/secret.txt");
    assertEquals(Errno.SUCCESS, guest.call("path_symlink", up[0], up[1], PREOPEN, link[0], link[1]));
    assertDenied(open("mine", FOLLOW, 0), "following a guest-made link out");
  }

  @Test
  void metadataOutsideIsUnreachable() {
    int[] p = guest.string("../outside/secret.txt");
    assertDenied(guest.call("path_filestat_get", PREOPEN, 0, p[0], p[1], 0), "stat ..");
    int[] rel = guest.string("rel");
    assertDenied(guest.call("path_filestat_get", PREOPEN, FOLLOW, rel[0], rel[1], 0), "stat link");
    int[] victim = guest.string("dirlink/victim.txt");
    assertDenied(guest.call("path_filestat_set_times", PREOPEN, 0, victim[0], victim[1], 0L, 0L,
        4 /* MTIM */), "set times through a link");
    // Without following, stat describes the link itself, which is inside.
    assertEquals(Errno.SUCCESS, guest.call("path_filestat_get", PREOPEN, 0, rel[0], rel[1], 0));
    assertEquals(7 /* symbolic link */, guest.memory.readByte(16));
  }

  @Test
  void aSubdirectoryDescriptorIsASandboxOfItsOwn() {
    assertEquals(Errno.SUCCESS, guest.open(PREOPEN, 0, "sub", DIRECTORY, Rights.DIRECTORY, 0));
    int sub = guest.i32(0);
    assertDenied(guest.open(sub, 0, "../file.txt", 0, Rights.FD_READ, 0), ".. above a dir fd");
    assertDenied(guest.open(sub, FOLLOW, "chain2", 0, Rights.FD_READ, 0), "link above a dir fd");
  }

  /** Renames {@code from} to {@code to} in the preopen and puts a symlink to {@code target} at {@code from}. */
  private void replaceBySymlink(String from, String to, String target) {
    int[] a = guest.string(from);
    int[] b = guest.string(to);
    assertEquals(Errno.SUCCESS, guest.call("path_rename", PREOPEN, a[0], a[1], PREOPEN, b[0], b[1]));
    int[] t = guest.string(target);
    int[] link = guest.string(from);
    assertEquals(Errno.SUCCESS, guest.call("path_symlink", t[0], t[1], PREOPEN, link[0], link[1]));
  }

  /**
   * A directory descriptor outlives the name it was opened by: the guest renames the directory
   * and puts a symlink climbing out where it was. Nothing done through the descriptor may follow
   * that symlink (the host OS would, at an intermediate component of the host path).
   */
  @Test
  void aDirectoryDescriptorWhoseNameBecameASymlinkReachesNothingOutside() {
    assertEquals(Errno.SUCCESS, guest.pathCall("path_create_directory", PREOPEN, "d"));
    assertEquals(Errno.SUCCESS, guest.open(PREOPEN, 0, "d", DIRECTORY, Rights.DIRECTORY, 0));
    int d = guest.i32(0);
    replaceBySymlink("d", "e", "../outside");
    int errno = guest.open(d, 0, "secret.txt", 0, Rights.FD_READ, 0);
    assertNotEquals(Errno.SUCCESS, errno, "opened outside/secret.txt through a moved dir fd");
    assertNotEquals(Errno.SUCCESS, guest.open(d, 0, "created.txt", CREAT, Rights.FD_WRITE, 0));
    assertNotEquals(Errno.SUCCESS, guest.pathCall("path_create_directory", d, "newdir"));
    assertNotEquals(Errno.SUCCESS, guest.pathCall("path_unlink_file", d, "victim.txt"));
    int[] p = guest.string("secret.txt");
    assertNotEquals(Errno.SUCCESS, guest.call("path_filestat_get", d, 0, p[0], p[1], 0));
    assertNotEquals(Errno.SUCCESS, guest.call("fd_filestat_set_times", d, 0L, 0L, 4 /* MTIM */));
    if (guest.call("fd_readdir", d, 512, 1024, 0L, 0) == Errno.SUCCESS) {
      String listing = new String(guest.memory.read(512, guest.i32(0)), StandardCharsets.ISO_8859_1);
      assertFalse(listing.contains("secret.txt"), "listed outside through a moved dir fd");
    }
    assertTrue(Files.exists(sandbox.resolve("e")));
    assertFalse(Files.exists(outside.resolve("created.txt")));
  }

  /** The same for a file descriptor: its name, or a directory above it, became a symlink. */
  @Test
  void aFileDescriptorWhosePathBecameASymlinkReachesNothingOutside() throws IOException {
    Files.createDirectories(sandbox.resolve("f"));
    Files.writeString(sandbox.resolve("f/victim.txt"), "mine");
    Files.writeString(sandbox.resolve("mine.txt"), "mine");
    assertEquals(Errno.SUCCESS, guest.open(PREOPEN, 0, "f/victim.txt", 0, Rights.FILE, 0));
    int viaDir = guest.i32(0);
    assertEquals(Errno.SUCCESS, guest.open(PREOPEN, 0, "mine.txt", 0, Rights.FILE, 0));
    int direct = guest.i32(0);
    replaceBySymlink("f", "g", "../outside");
    replaceBySymlink("mine.txt", "moved.txt", "../outside/victim.txt");
    for (int fd : new int[] {viaDir, direct}) {
      guest.call("fd_filestat_set_times", fd, 0L, 0L, 4 /* MTIM */);
      assertEquals(Errno.SUCCESS, guest.call("fd_filestat_get", fd, 0));
      long ino = guest.i64(8);
      long outsideIno = (Long) Files.getAttribute(outside.resolve("victim.txt"), "unix:ino");
      assertNotEquals(outsideIno, ino, "fd_filestat_get described the file outside");
      assertEquals(4, guest.i64(32), "the size of the file the descriptor holds");
    }
  }

  @Test
  void pathsWithNulOrBadUtf8AreRejected() {
    assertEquals(Errno.INVAL, open("file.txt\0../../outside/secret.txt", 0, 0));
    guest.memory.write(Guest.STRINGS - 16, new byte[] {'a', (byte) 0xFF, 'b'});
    assertEquals(Errno.ILSEQ, guest.call("path_open", PREOPEN, 0, Guest.STRINGS - 16, 3, 0, 0L,
        0L, 0, 0));
  }

  @Test
  void onlyTheGivenPreopenIsVisible() {
    assertEquals(Errno.SUCCESS, guest.call("fd_prestat_get", PREOPEN, 0));
    assertEquals("/sandbox".length(), guest.i32(4));
    assertEquals(Errno.SUCCESS, guest.call("fd_prestat_dir_name", PREOPEN, 16, 8));
    assertEquals("/sandbox", new String(guest.memory.read(16, 8), StandardCharsets.UTF_8));
    assertEquals(Errno.BADF, guest.call("fd_prestat_get", PREOPEN + 1, 0));
    for (int fd : new int[] {0, 1, 2}) {
      assertEquals(Errno.BADF, guest.call("fd_prestat_get", fd, 0));
    }
  }

  @Test
  void noEnvironmentOrArgumentsLeakFromTheHost() {
    assertEquals(Errno.SUCCESS, guest.call("environ_sizes_get", 0, 4));
    assertEquals(0, guest.i32(0), "environment variables seen");
    assertEquals(0, guest.i32(4));
    assertEquals(Errno.SUCCESS, guest.call("args_sizes_get", 0, 4));
    assertEquals(0, guest.i32(0), "arguments seen");
  }
}
