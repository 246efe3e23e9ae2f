package org.wasmj.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmj.ExitException;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.wasi.internal.Errno;
import org.wasmj.wasi.internal.Rights;

/** The WASI functions one by one, through {@link Guest}, and the Java-facing API. */
class WasiTest {
  @TempDir Path dir;

  @Test
  void stdioGoesToTheGivenStreams() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    WasiConfig config = Wasi.builder().stdin(new ByteArrayInputStream("input".getBytes()))
        .stdout(out).stderr(err).build();
    try (Guest g = new Guest(config)) {
      int[] s = g.string("hello");
      g.memory.writeI32(100, s[0]);
      g.memory.writeI32(104, s[1]);
      assertEquals(Errno.SUCCESS, g.call("fd_write", 1, 100, 1, 0));
      assertEquals(5, g.i32(0));
      assertEquals(Errno.SUCCESS, g.call("fd_write", 2, 100, 1, 0));
      g.memory.writeI32(100, 200);
      g.memory.writeI32(104, 16);
      assertEquals(Errno.SUCCESS, g.call("fd_read", 0, 100, 1, 0));
      assertEquals(5, g.i32(0));
      assertEquals("input", new String(g.memory.read(200, 5), StandardCharsets.UTF_8));
      assertEquals(Errno.SUCCESS, g.call("fd_read", 0, 100, 1, 0));
      assertEquals(0, g.i32(0), "end of input");
      assertEquals(Errno.SPIPE, g.call("fd_seek", 1, 0L, 0, 0));
    }
    assertEquals("hello", out.toString(StandardCharsets.UTF_8));
    assertEquals("hello", err.toString(StandardCharsets.UTF_8));
  }

  /** A stream that fails as the host says {@code reason}. */
  private static java.io.OutputStream failing(String reason) {
    return new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException(reason);
      }
    };
  }

  /** fd_write of "hello" to {@code fd} of a guest whose stdout and stderr are {@code out}. */
  private static int writeHello(java.io.OutputStream out, int fd) {
    try (Guest g = new Guest(Wasi.builder().stdout(out).stderr(out).build())) {
      int[] s = g.string("hello");
      g.memory.writeI32(100, s[0]);
      g.memory.writeI32(104, s[1]);
      g.memory.writeI32(0, -1);
      int errno = g.call("fd_write", fd, 100, 1, 0);
      if (errno == Errno.SUCCESS) {
        assertEquals(5, g.i32(0));
      }
      return errno;
    }
  }

  @Test
  void aFailedWriteToStdoutOrStderrIsTheHostsErrnoNeverSuccess() {
    for (int fd = 1; fd <= 2; fd++) {
      assertEquals(Errno.NOSPC, writeHello(failing("No space left on device"), fd));
      assertEquals(Errno.PIPE, writeHello(failing("Broken pipe"), fd));
      assertEquals(Errno.DQUOT, writeHello(failing("Disk quota exceeded"), fd));
      assertEquals(Errno.IO, writeHello(failing("Input/output error"), fd));
      assertEquals(Errno.IO, writeHello(failing("Bad file descriptor"), fd), "not the guest's fd");
      assertEquals(Errno.IO, writeHello(failing("Stream closed"), fd));
      // a PrintStream swallows the failure; it is still noticed, as EIO
      assertEquals(Errno.IO, writeHello(new java.io.PrintStream(failing("Broken pipe")), fd));
      assertEquals(Errno.SUCCESS, writeHello(new java.io.PrintStream(new ByteArrayOutputStream()), fd));
    }
  }

  @Test
  void argsAndEnvironmentAreExactlyThoseGiven() {
    WasiConfig config = Wasi.builder().args("prog", "a b", "ü").env("K", "v=1").env("E", "").build();
    try (Guest g = new Guest(config)) {
      assertEquals(Errno.SUCCESS, g.call("args_sizes_get", 0, 4));
      assertEquals(3, g.i32(0));
      assertEquals("prog\0a b\0ü\0".getBytes(StandardCharsets.UTF_8).length, g.i32(4));
      assertEquals(Errno.SUCCESS, g.call("args_get", 16, 64));
      assertEquals(64, g.i32(16));
      assertEquals("prog\0a b\0ü\0", new String(g.memory.read(64, 12), StandardCharsets.UTF_8));
      assertEquals(Errno.SUCCESS, g.call("environ_sizes_get", 0, 4));
      assertEquals(2, g.i32(0));
      assertEquals(Errno.SUCCESS, g.call("environ_get", 16, 64));
      assertEquals("K=v=1\0E=\0", new String(g.memory.read(64, 9), StandardCharsets.UTF_8));
    }
  }

  @Test
  void procExitIsAnExitExceptionWithTheCode() {
    try (Guest g = new Guest(Wasi.builder().build())) {
      ExitException e = assertThrows(ExitException.class, () -> g.call("proc_exit", 42));
      assertEquals(42, e.exitCode());
    }
  }

  @Test
  void runReturnsTheExitCodeOfACommand() throws Exception {
    Engine engine = new Engine();
    Module hello = Module.compile(engine, Files.readAllBytes(Path.of("../examples/hello.wasm")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Linker<Void> linker = new Linker<>(engine);
    Wasi wasi = Wasi.builder().stdout(out).addToLinker(linker);
    assertEquals(0, wasi.run(linker.instantiate(Store.of(engine), hello)));
    assertEquals("hello, wasmj\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void clocksAndRandom() {
    try (Guest g = new Guest(Wasi.builder().random(new Random(1)).build())) {
      for (int clock = 0; clock < 4; clock++) {
        assertEquals(Errno.SUCCESS, g.call("clock_res_get", clock, 0));
        assertTrue(g.i64(0) > 0);
        assertEquals(Errno.SUCCESS, g.call("clock_time_get", clock, 0L, 0));
      }
      assertEquals(Errno.INVAL, g.call("clock_res_get", 9, 0));
      assertEquals(Errno.INVAL, g.call("clock_time_get", 9, 0L, 0));
      g.call("clock_time_get", 0, 0L, 0);
      long realtime = g.i64(0);
      assertTrue(Math.abs(realtime / 1_000_000 - System.currentTimeMillis()) < 10_000);
      g.call("clock_time_get", 1, 0L, 0);
      long t0 = g.i64(0);
      g.call("clock_time_get", 1, 0L, 0);
      assertTrue(g.i64(0) >= t0, "monotonic");
      assertEquals(Errno.SUCCESS, g.call("random_get", 64, 32));
      byte[] expected = new byte[32];
      new Random(1).nextBytes(expected);
      assertArrayEquals(expected, g.memory.read(64, 32));
      assertEquals(Errno.SUCCESS, g.call("sched_yield"));
    }
  }

  @Test
  void badDescriptorsAndPointersAreErrnosNotExceptions() {
    try (Guest g = new Guest(Wasi.builder().build())) {
      assertEquals(Errno.BADF, g.call("fd_write", 7, 0, 0, 0));
      assertEquals(Errno.BADF, g.call("fd_close", -1));
      assertEquals(Errno.BADF, g.call("fd_renumber", 1, 9));
      int end = (int) g.memory.dataSize();
      assertEquals(Errno.FAULT, g.call("fd_write", 1, end - 4, 1, 0));
      assertEquals(Errno.FAULT, g.call("args_sizes_get", end, 0));
      assertEquals(Errno.FAULT, g.call("random_get", end - 8, 16));
      assertEquals(Errno.NOTDIR, g.call("path_open", 1, 0, 0, 1, 0, 0L, 0L, 0, 0));
      assertEquals(Errno.NOTSOCK, g.call("sock_shutdown", 1, 2));
      assertEquals(Errno.BADF, g.call("sock_shutdown", 3, 2));
      assertEquals(Errno.NOTSOCK, g.call("sock_accept", 0, 0, 0));
      assertEquals(Errno.NOTSUP, g.call("proc_raise", 6));
    }
  }

  @Test
  void filesReadWriteSeekAndStat() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "0123456789");
    try (Guest g = new Guest(Wasi.builder().preopenDir(dir, ".").build())) {
      assertEquals(Errno.SUCCESS, g.open(3, 0, "a.txt", 0, Rights.FILE, 0));
      int fd = g.i32(0);
      g.memory.writeI32(100, 200);
      g.memory.writeI32(104, 4);
      assertEquals(Errno.SUCCESS, g.call("fd_pread", fd, 100, 1, 6L, 0));
      assertEquals("6789", new String(g.memory.read(200, 4), StandardCharsets.UTF_8));
      assertEquals(Errno.SUCCESS, g.call("fd_seek", fd, -3L, 2, 0));
      assertEquals(7, g.i64(0));
      assertEquals(Errno.SUCCESS, g.call("fd_read", fd, 100, 1, 0));
      assertEquals(3, g.i32(0));
      assertEquals(Errno.SUCCESS, g.call("fd_tell", fd, 0));
      assertEquals(10, g.i64(0));
      assertEquals(Errno.SUCCESS, g.call("fd_fdstat_set_flags", fd, 1 /* APPEND */));
      g.memory.write(200, "ab".getBytes());
      g.memory.writeI32(104, 2);
      assertEquals(Errno.SUCCESS, g.call("fd_seek", fd, 0L, 0, 0));
      assertEquals(Errno.SUCCESS, g.call("fd_write", fd, 100, 1, 0));
      assertEquals("0123456789ab", Files.readString(dir.resolve("a.txt")));
      assertEquals(Errno.SUCCESS, g.call("fd_filestat_set_size", fd, 4L));
      assertEquals(Errno.SUCCESS, g.call("fd_filestat_get", fd, 0));
      assertEquals(4, g.i64(32), "size");
      assertEquals(4, g.memory.readByte(16), "regular file");
      assertEquals(Errno.SUCCESS, g.call("fd_allocate", fd, 0L, 100L));
      assertEquals(100, Files.size(dir.resolve("a.txt")));
      assertEquals(Errno.SUCCESS, g.call("fd_close", fd));
      assertEquals(Errno.BADF, g.call("fd_close", fd));
      // rights: a file opened without FD_WRITE cannot be written
      assertEquals(Errno.SUCCESS, g.open(3, 0, "a.txt", 0, Rights.FD_READ, 0));
      assertEquals(Errno.NOTCAPABLE, g.call("fd_write", g.i32(0), 100, 1, 0));
    }
  }

  @Test
  void directoriesListAndChange() throws Exception {
    try (Guest g = new Guest(Wasi.builder().preopenDir(dir, ".").build())) {
      assertEquals(Errno.SUCCESS, g.pathCall("path_create_directory", 3, "d"));
      assertEquals(Errno.EXIST, g.pathCall("path_create_directory", 3, "d"));
      assertEquals(Errno.SUCCESS, g.open(3, 0, "d/f", 1 /* CREAT */, Rights.FILE, 0));
      int[] from = g.string("d/f");
      int[] to = g.string("g");
      assertEquals(Errno.SUCCESS, g.call("path_rename", 3, from[0], from[1], 3, to[0], to[1]));
      assertTrue(Files.exists(dir.resolve("g")));
      assertEquals(Errno.SUCCESS, g.call("fd_readdir", 3, 512, 1024, 0L, 0));
      int used = g.i32(0);
      String listing = new String(g.memory.read(512, used), StandardCharsets.ISO_8859_1);
      assertTrue(listing.contains(".") && listing.contains("d") && listing.contains("g"), listing);
      assertEquals(Errno.NOTCAPABLE, g.pathCall("path_remove_directory", 3, ".."));
      assertEquals(Errno.NOTDIR, g.pathCall("path_remove_directory", 3, "g"));
      assertEquals(Errno.ISDIR, g.pathCall("path_unlink_file", 3, "d"));
      assertEquals(Errno.SUCCESS, g.pathCall("path_remove_directory", 3, "d"));
      assertEquals(Errno.SUCCESS, g.pathCall("path_unlink_file", 3, "g"));
      assertEquals(Errno.NOENT, g.pathCall("path_unlink_file", 3, "g"));
    }
  }

  @Test
  void pollOneoffSleepsForAClock() {
    try (Guest g = new Guest(Wasi.builder().build())) {
      // one subscription at 0: userdata 7, clock, monotonic, 20 ms, relative
      g.memory.writeI64(0, 7);
      g.memory.writeByte(8, (byte) 0);
      g.memory.writeI32(16, 1);
      g.memory.writeI64(24, 20_000_000L);
      long t0 = System.nanoTime();
      assertEquals(Errno.SUCCESS, g.call("poll_oneoff", 0, 100, 1, 200));
      assertTrue(System.nanoTime() - t0 >= 20_000_000L);
      assertEquals(1, g.i32(200));
      assertEquals(7, g.i64(100));
      assertEquals(Errno.INVAL, g.call("poll_oneoff", 0, 100, 0, 200));
    }
  }

  /** A clock subscription at {@code at}: userdata, clock id, timeout (ns, unsigned), flags. */
  private static void clock(Guest g, int at, long userdata, int id, long timeout, int flags) {
    g.memory.writeI64(at, userdata);
    g.memory.writeByte(at + 8, (byte) 0);
    g.memory.writeI32(at + 16, id);
    g.memory.writeI64(at + 24, timeout);
    g.memory.writeI64(at + 32, 0);
    g.memory.writeI32(at + 40, flags);
  }

  @Test
  void pollOneoffTimeoutsAreUnsignedSoHugeOnesNeverFire() {
    try (Guest g = new Guest(Wasi.builder().build())) {
      clock(g, 0, 1, 1, Long.MIN_VALUE, 0); // monotonic, 2^63 ns from now
      clock(g, 48, 2, 1, -1L, 0); // monotonic, 2^64 - 1 ns from now
      clock(g, 96, 3, 0, -1L, 1); // realtime, at 2^64 - 1 ns after the epoch
      clock(g, 144, 4, 1, 20_000_000L, 0); // monotonic, 20 ms from now
      long t0 = System.nanoTime();
      assertEquals(Errno.SUCCESS, g.call("poll_oneoff", 0, 200, 4, 400));
      assertTrue(System.nanoTime() - t0 >= 20_000_000L);
      assertEquals(1, g.i32(400), "only the 20 ms clock fired");
      assertEquals(4, g.i64(200));
    }
  }

  @Test
  void aHandedOverSocketAcceptsReceivesAndSends() throws Exception {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (Guest g = new Guest(Wasi.builder().listeningSocket(server).build());
          SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
        client.write(ByteBuffer.wrap("ping".getBytes()));
        assertEquals(Errno.SUCCESS, g.call("sock_accept", 3, 0, 0));
        int conn = g.i32(0);
        g.memory.writeI32(100, 200);
        g.memory.writeI32(104, 4);
        assertEquals(Errno.SUCCESS, g.call("sock_recv", conn, 100, 1, 0, 0, 8));
        assertEquals(4, g.i32(0));
        assertEquals("ping", new String(g.memory.read(200, 4), StandardCharsets.UTF_8));
        g.memory.write(200, "pong".getBytes());
        assertEquals(Errno.SUCCESS, g.call("sock_send", conn, 100, 1, 0, 0));
        assertEquals(Errno.SUCCESS, g.call("sock_shutdown", conn, 2));
        ByteBuffer reply = ByteBuffer.allocate(8);
        while (client.read(reply) >= 0) {
          // until the guest's shutdown ends the stream
        }
        assertEquals("pong", new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aGuestCannotHoldMoreDescriptorsThanItsLimitAndGetsTheLowestFreeFd() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");
    WasiConfig config = Wasi.builder().preopenDir(dir, "/").maxOpenFiles(8).build();
    try (Guest g = new Guest(config)) {
      for (int fd = 4; fd < 8; fd++) { // 0-2 stdio, 3 the preopen
        assertEquals(Errno.SUCCESS, (fd % 2 == 0 ? g.open(3, 0, ".", 2, 0L, 0) : g.open(3, 0, "a.txt", 0, Rights.FILE, 0)));
        assertEquals(fd, g.i32(0));
      }
      assertEquals(Errno.MFILE, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
      assertEquals(Errno.MFILE, g.open(3, 0, "new.txt", 1 /* CREAT */, Rights.FILE, 0));
      assertTrue(Files.notExists(dir.resolve("new.txt")), "nothing created past the limit");
      assertEquals(Errno.SUCCESS, g.call("fd_close", 5));
      assertEquals(Errno.SUCCESS, g.call("fd_close", 4));
      assertEquals(Errno.SUCCESS, g.open(3, 0, "a.txt", 0, Rights.FILE, 0));
      assertEquals(4, g.i32(0), "the lowest free fd");
      assertEquals(Errno.SUCCESS, g.call("fd_renumber", 7, 6)); // closes 6: one fewer open
      assertEquals(Errno.SUCCESS, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
      assertEquals(5, g.i32(0));
      assertEquals(Errno.SUCCESS, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
      assertEquals(7, g.i32(0));
      assertEquals(Errno.MFILE, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
      assertEquals(Errno.BADF, g.call("fd_close", 8));
    }
    assertThrows(IllegalArgumentException.class, () -> Wasi.builder().maxOpenFiles(0));
    assertEquals(1024, Wasi.builder().build().maxOpenFiles());
  }

  @Test
  void manyOpensAndClosesKeepTheTableConsistent() {
    WasiConfig config = Wasi.builder().preopenDir(dir, "/").maxOpenFiles(100_000).build();
    try (Guest g = new Guest(config)) {
      for (int fd = 4; fd < 20_000; fd++) {
        g.resetStrings();
        assertEquals(Errno.SUCCESS, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
        assertEquals(fd, g.i32(0));
      }
      for (int fd = 19_999; fd >= 4; fd -= 2) {
        assertEquals(Errno.SUCCESS, g.call("fd_close", fd));
      }
      for (int fd = 5; fd < 20_000; fd += 2) { // the holes again, lowest first
        g.resetStrings();
        assertEquals(Errno.SUCCESS, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
        assertEquals(fd, g.i32(0));
      }
      g.resetStrings();
      assertEquals(Errno.SUCCESS, g.open(3, 0, ".", 2 /* DIRECTORY */, 0L, 0));
      assertEquals(20_000, g.i32(0));
    }
  }

  @Test
  void aMissingPreopenIsAnIllegalArgument() {
    WasiConfig config = Wasi.builder().preopenDir(dir.resolve("missing"), "/").build();
    assertThrows(IllegalArgumentException.class, () -> Wasi.create(config));
  }

  /**
   * 1,024 iovecs over the same 2 MiB of a small memory ask one {@code fd_write} for 2 GiB: the
   * host must not copy that much out at once (a guest of 2 MiB would make the host allocate 2 GiB
   * per call). A write may be short; the guest writes the rest by calling again.
   */
  @Test
  void aWriteIsShortRatherThanCopyingGigabytes() {
    long[] received = {0};
    java.io.OutputStream sink = new java.io.OutputStream() {
      @Override
      public void write(int b) {
        received[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        received[0] += len;
      }
    };
    try (Guest g = new Guest(Wasi.builder().stdout(sink).build())) {
      int pages = 32 - g.memory.size();
      if (pages > 0) {
        g.memory.grow(pages);
      }
      int len = (2 << 20) - 8192;
      for (int i = 0; i < 1024; i++) {
        g.memory.writeI32(8192 + 8L * i, 0);
        g.memory.writeI32(8192 + 8L * i + 4, len);
      }
      assertEquals(Errno.SUCCESS, g.call("fd_write", 1, 8192, 1024, 0));
      int written = g.i32(0);
      assertTrue(written > 0 && written <= 16 << 20, "wrote " + written);
      assertEquals(written, received[0]);
    }
  }
}
