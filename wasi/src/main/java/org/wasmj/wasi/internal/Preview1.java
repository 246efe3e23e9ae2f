package org.wasmj.wasi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.wasmj.ExitException;

/**
 * The {@code wasi_snapshot_preview1} functions over one guest's descriptor table. Each method
 * returns the errno (0 for success) and writes results into guest memory; failures are thrown as
 * {@link WasiError} and become the errno one level up (see {@code org.wasmj.wasi.Wasi}).
 *
 * @implNote Not thread-safe: one instance serves one guest on one thread.
 */
public final class Preview1 {
  // fdflags
  static final int FDFLAGS_APPEND = 1;
  static final int FDFLAGS_DSYNC = 2;
  static final int FDFLAGS_NONBLOCK = 4;
  static final int FDFLAGS_RSYNC = 8;
  static final int FDFLAGS_SYNC = 16;
  // oflags
  static final int OFLAGS_CREAT = 1;
  static final int OFLAGS_DIRECTORY = 2;
  static final int OFLAGS_EXCL = 4;
  static final int OFLAGS_TRUNC = 8;
  // lookupflags
  static final int LOOKUP_SYMLINK_FOLLOW = 1;
  // fstflags
  static final int FST_ATIM = 1;
  static final int FST_ATIM_NOW = 2;
  static final int FST_MTIM = 4;
  static final int FST_MTIM_NOW = 8;
  // clocks
  static final int CLOCK_REALTIME = 0;
  static final int CLOCK_MONOTONIC = 1;
  static final int CLOCK_PROCESS_CPUTIME = 2;
  static final int CLOCK_THREAD_CPUTIME = 3;
  // event types
  static final int EVENT_CLOCK = 0;
  static final int EVENT_FD_READ = 1;
  static final int EVENT_FD_WRITE = 2;

  /** The most bytes one read or write call moves (a short one is allowed). */
  private static final int MAX_IO = 16 << 20;

  private final List<byte[]> args;
  private final List<byte[]> env;
  private final Random random;
  /** The descriptor table: fd to descriptor, {@code null} for a closed fd. */
  private final List<Descriptor> fds = new ArrayList<>();
  /** The closed fds below {@code fds.size()}, lowest first: the next open takes the lowest. */
  private final PriorityQueue<Integer> free = new PriorityQueue<>();
  /** Descriptors open now, and how many may be. */
  private int open;
  private final int maxOpen;
  private final long monotonicBase = System.nanoTime();
  /**
   * Times set on symlinks, by (dev, ino): JDK 17 sets a symlink's times with {@code lutimes},
   * whose precision is a microsecond, so the nanoseconds the guest asked for are kept here and
   * reported while the link's times still match them to the microsecond (later JDKs keep them).
   */
  private final java.util.Map<java.util.List<Long>, long[]> symlinkTimes = new java.util.HashMap<>();

  /**
   * A guest's WASI state: {@code args} and {@code env} ({@code "K=V"}) as given, the stdio
   * descriptors and then the preopens, numbered from 3 in order.
   */
  public Preview1(List<String> args, List<String> env, Random random, List<Descriptor> initial,
      int maxOpen) {
    this.args = utf8(args);
    this.env = utf8(env);
    this.random = random;
    this.maxOpen = maxOpen;
    fds.addAll(initial);
    open = initial.size();
  }

  private static List<byte[]> utf8(List<String> strings) {
    List<byte[]> out = new ArrayList<>();
    for (String s : strings) {
      out.add(HostBytes.encode(s));
    }
    return out;
  }

  /** Closes every open descriptor but stdio's streams. */
  public void closeAll() {
    for (int fd = 0; fd < fds.size(); fd++) {
      Descriptor d = fds.get(fd);
      if (d != null && !(d instanceof Descriptor.Input) && !(d instanceof Descriptor.Output)) {
        try {
          d.close();
        } catch (IOException e) {
          // nothing left to report to
        }
      }
      fds.set(fd, null);
    }
    fds.clear();
    free.clear();
    open = 0;
  }

  // ---- descriptor table: lookups O(1), opening and closing O(log n) ----

  private Descriptor get(int fd) {
    if (fd < 0 || fd >= fds.size() || fds.get(fd) == null) {
      throw new WasiError(Errno.BADF);
    }
    return fds.get(fd);
  }

  private Descriptor get(int fd, long right) {
    Descriptor d = get(fd);
    if ((d.rightsBase & right) != right) {
      throw new WasiError(Errno.NOTCAPABLE);
    }
    return d;
  }

  private Descriptor.File file(int fd, long right) {
    Descriptor d = get(fd);
    if (d instanceof Descriptor.Dir) {
      throw new WasiError(Errno.ISDIR);
    }
    if (!(d instanceof Descriptor.File)) {
      throw new WasiError(Errno.SPIPE);
    }
    if ((d.rightsBase & right) != right) {
      throw new WasiError(Errno.NOTCAPABLE);
    }
    return (Descriptor.File) d;
  }

  private Descriptor.Dir dir(int fd, long right) {
    Descriptor d = get(fd);
    if (!(d instanceof Descriptor.Dir)) {
      throw new WasiError(Errno.NOTDIR);
    }
    if ((d.rightsBase & right) != right) {
      throw new WasiError(Errno.NOTCAPABLE);
    }
    return (Descriptor.Dir) d;
  }

  /**
   * Gives {@code d} the lowest free fd, as POSIX does.
   *
   * @throws WasiError MFILE if the guest holds as many descriptors as it may (then {@code d} is
   *     closed)
   */
  private int add(Descriptor d) {
    if (open >= maxOpen) {
      try {
        d.close();
      } catch (IOException e) {
        // it was never the guest's
      }
      throw new WasiError(Errno.MFILE);
    }
    open++;
    Integer fd = free.poll();
    if (fd != null) {
      fds.set(fd, d);
      return fd;
    }
    fds.add(d);
    return fds.size() - 1;
  }

  /** Removes {@code fd} (open) from the table; returns what it held. */
  private Descriptor remove(int fd) {
    Descriptor d = fds.set(fd, null);
    open--;
    if (fd == fds.size() - 1) {
      fds.remove(fd); // the table shrinks from the top; lower holes stay in free
    } else {
      free.add(fd);
    }
    return d;
  }

  // ---- args, environ ----

  public int argsGet(GuestMemory m, int argv, int buf) {
    return strings(m, args, argv, buf);
  }

  public int argsSizesGet(GuestMemory m, int countPtr, int sizePtr) {
    return sizes(m, args, countPtr, sizePtr);
  }

  public int environGet(GuestMemory m, int environ, int buf) {
    return strings(m, env, environ, buf);
  }

  public int environSizesGet(GuestMemory m, int countPtr, int sizePtr) {
    return sizes(m, env, countPtr, sizePtr);
  }

  private static int strings(GuestMemory m, List<byte[]> list, int ptrs, int buf) {
    int at = buf;
    for (int i = 0; i < list.size(); i++) {
      byte[] s = list.get(i);
      m.putI32(ptrs + 4 * i, at);
      m.write(at, s, 0, s.length);
      m.putU8(at + s.length, 0);
      at += s.length + 1;
    }
    return Errno.SUCCESS;
  }

  private static int sizes(GuestMemory m, List<byte[]> list, int countPtr, int sizePtr) {
    int size = 0;
    for (byte[] s : list) {
      size += s.length + 1;
    }
    m.putI32(countPtr, list.size());
    m.putI32(sizePtr, size);
    return Errno.SUCCESS;
  }

  // ---- clocks, random, scheduling, exit ----

  public int clockResGet(GuestMemory m, int id, int resultPtr) {
    long res;
    switch (id) {
      case CLOCK_REALTIME: res = 1_000; break;
      case CLOCK_MONOTONIC: res = 1; break;
      case CLOCK_PROCESS_CPUTIME: res = 1_000_000; break;
      case CLOCK_THREAD_CPUTIME: res = 1_000; break;
      default: return Errno.INVAL;
    }
    m.putI64(resultPtr, res);
    return Errno.SUCCESS;
  }

  public int clockTimeGet(GuestMemory m, int id, long precision, int resultPtr) {
    m.putI64(resultPtr, now(id));
    return Errno.SUCCESS;
  }

  private long now(int id) {
    switch (id) {
      case CLOCK_REALTIME: {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
      }
      case CLOCK_MONOTONIC:
        return System.nanoTime() - monotonicBase;
      case CLOCK_PROCESS_CPUTIME:
        return ProcessHandle.current().info().totalCpuDuration()
            .map(d -> d.toNanos()).orElseGet(() -> System.nanoTime() - monotonicBase);
      case CLOCK_THREAD_CPUTIME:
        ThreadMXBean threads = ThreadClock.THREADS;
        return threads.isCurrentThreadCpuTimeSupported()
            ? threads.getCurrentThreadCpuTime() : System.nanoTime() - monotonicBase;
      default:
        throw new WasiError(Errno.INVAL);
    }
  }

  /**
   * The thread CPU clock, loaded at its first use: {@code java.lang.management} costs tens of
   * milliseconds to start, which a run that never reads this clock should not pay.
   */
  private static final class ThreadClock {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  }

  public int randomGet(GuestMemory m, int buf, int len) {
    m.check(buf, len & 0xFFFFFFFFL);
    byte[] bytes = new byte[(int) Math.min(len & 0xFFFFFFFFL, 1 << 16)];
    for (long done = 0; done < (len & 0xFFFFFFFFL); done += bytes.length) {
      int n = (int) Math.min(bytes.length, (len & 0xFFFFFFFFL) - done);
      random.nextBytes(bytes);
      m.write(buf + (int) done, bytes, 0, n);
    }
    return Errno.SUCCESS;
  }

  public int schedYield() {
    Thread.yield();
    return Errno.SUCCESS;
  }

  public void procExit(int code) {
    throw new ExitException(code);
  }

  public int procRaise(int signal) {
    return Errno.NOTSUP;
  }

  // ---- fd_* ----

  public int fdWrite(GuestMemory m, int fd, int iovs, int iovsLen, int nwrittenPtr)
      throws IOException {
    Descriptor d = get(fd);
    byte[] data = gather(m, iovs, iovsLen);
    m.check(nwrittenPtr, 4);
    int n;
    if (d instanceof Descriptor.Output) {
      requireRight(d, Rights.FD_WRITE);
      n = ((Descriptor.Output) d).write(data);
    } else if (d instanceof Descriptor.File) {
      Descriptor.File f = file(fd, Rights.FD_WRITE);
      if ((f.fdflags & FDFLAGS_APPEND) != 0) {
        f.channel.position(f.channel.size());
      }
      n = writeFully(f.channel, ByteBuffer.wrap(data), -1);
    } else if (d instanceof Descriptor.Socket) {
      n = socketWrite((Descriptor.Socket) d, data);
    } else if (d instanceof Descriptor.Dir) {
      throw new WasiError(Errno.ISDIR);
    } else {
      throw new WasiError(Errno.BADF);
    }
    m.putI32(nwrittenPtr, n);
    return Errno.SUCCESS;
  }

  public int fdPwrite(GuestMemory m, int fd, int iovs, int iovsLen, long offset, int nwrittenPtr)
      throws IOException {
    Descriptor.File f = file(fd, Rights.FD_WRITE | Rights.FD_SEEK);
    if (offset < 0) {
      return Errno.INVAL;
    }
    byte[] data = gather(m, iovs, iovsLen);
    m.check(nwrittenPtr, 4);
    m.putI32(nwrittenPtr, writeFully(f.channel, ByteBuffer.wrap(data), offset));
    return Errno.SUCCESS;
  }

  public int fdRead(GuestMemory m, int fd, int iovs, int iovsLen, int nreadPtr) throws IOException {
    Descriptor d = get(fd);
    int[][] v = m.iovecs(iovs, iovsLen);
    m.check(nreadPtr, 4);
    int n;
    if (d instanceof Descriptor.Input) {
      requireRight(d, Rights.FD_READ);
      n = readStream(m, ((Descriptor.Input) d).in, v);
    } else if (d instanceof Descriptor.File) {
      Descriptor.File f = file(fd, Rights.FD_READ);
      n = readChannel(m, f.channel, v, -1);
    } else if (d instanceof Descriptor.Socket) {
      n = socketRead(m, (Descriptor.Socket) d, v);
    } else if (d instanceof Descriptor.Dir) {
      throw new WasiError(Errno.ISDIR);
    } else {
      throw new WasiError(Errno.BADF);
    }
    m.putI32(nreadPtr, n);
    return Errno.SUCCESS;
  }

  public int fdPread(GuestMemory m, int fd, int iovs, int iovsLen, long offset, int nreadPtr)
      throws IOException {
    Descriptor.File f = file(fd, Rights.FD_READ | Rights.FD_SEEK);
    if (offset < 0) {
      return Errno.INVAL;
    }
    int[][] v = m.iovecs(iovs, iovsLen);
    m.check(nreadPtr, 4);
    m.putI32(nreadPtr, readChannel(m, f.channel, v, offset));
    return Errno.SUCCESS;
  }

  private static void requireRight(Descriptor d, long right) {
    if ((d.rightsBase & right) != right) {
      throw new WasiError(Errno.NOTCAPABLE);
    }
  }

  /**
   * The bytes the iovecs name, at most {@link #MAX_IO} of them (a short write, as POSIX allows):
   * 1,024 iovecs may name the same memory, so their total is not bounded by the guest's size.
   */
  private static byte[] gather(GuestMemory m, int iovs, int iovsLen) {
    int[][] v = m.iovecs(iovs, iovsLen);
    long total = 0;
    for (int[] iov : v) {
      total += iov[1] & 0xFFFFFFFFL;
    }
    byte[] data = new byte[(int) Math.min(total, MAX_IO)];
    int at = 0;
    for (int[] iov : v) {
      int n = (int) Math.min(iov[1] & 0xFFFFFFFFL, data.length - at);
      m.read(iov[0], data, at, n);
      at += n;
    }
    return data;
  }

  private static int writeFully(FileChannel ch, ByteBuffer buf, long offset) throws IOException {
    int n = 0;
    while (buf.hasRemaining()) {
      n += offset < 0 ? ch.write(buf) : ch.write(buf, offset + n);
    }
    return n;
  }

  /**
   * The bytes iovec {@code iov} may take in a call that has moved {@code done}: its length (an
   * unsigned u32), at most what {@link #MAX_IO} leaves.
   */
  private static int share(int[] iov, int done) {
    return (int) Math.min(iov[1] & 0xFFFFFFFFL, MAX_IO - done);
  }

  private static int readChannel(GuestMemory m, FileChannel ch, int[][] v, long offset)
      throws IOException {
    int n = 0;
    for (int[] iov : v) {
      int want = share(iov, n);
      if (want <= 0) {
        if (iov[1] == 0) {
          continue;
        }
        break;
      }
      ByteBuffer buf = ByteBuffer.allocate(want);
      while (buf.hasRemaining()) {
        int r = offset < 0 ? ch.read(buf) : ch.read(buf, offset + n + buf.position());
        if (r <= 0) {
          break;
        }
      }
      m.write(iov[0], buf.array(), 0, buf.position());
      n += buf.position();
      if (buf.hasRemaining()) {
        break; // end of file
      }
    }
    return n;
  }

  private static int readStream(GuestMemory m, InputStream in, int[][] v) throws IOException {
    int n = 0;
    for (int[] iov : v) {
      if (iov[1] == 0) {
        continue;
      }
      if (n > 0 && in.available() <= 0) {
        break; // never block once something was read
      }
      if (n >= MAX_IO) {
        break;
      }
      byte[] buf = new byte[share(iov, n)];
      int r = in.read(buf);
      if (r <= 0) {
        break;
      }
      m.write(iov[0], buf, 0, r);
      n += r;
      if (r < buf.length) {
        break;
      }
    }
    return n;
  }

  public int fdSeek(GuestMemory m, int fd, long offset, int whence, int resultPtr)
      throws IOException {
    Descriptor.File f = file(fd,
        whence == 1 && offset == 0 ? Rights.FD_TELL : Rights.FD_SEEK);
    m.check(resultPtr, 8);
    long base;
    switch (whence) {
      case 0: base = 0; break;
      case 1: base = f.channel.position(); break;
      case 2: base = f.channel.size(); break;
      default: return Errno.INVAL;
    }
    long pos = base + offset;
    if (pos < 0 || (offset > 0 && pos < base)) {
      return Errno.INVAL;
    }
    f.channel.position(pos);
    m.putI64(resultPtr, pos);
    return Errno.SUCCESS;
  }

  public int fdTell(GuestMemory m, int fd, int resultPtr) throws IOException {
    Descriptor.File f = file(fd, Rights.FD_TELL);
    m.putI64(resultPtr, f.channel.position());
    return Errno.SUCCESS;
  }

  public int fdClose(int fd) throws IOException {
    Descriptor d = get(fd);
    remove(fd);
    if (!(d instanceof Descriptor.Input) && !(d instanceof Descriptor.Output)) {
      d.close();
    }
    return Errno.SUCCESS;
  }

  public int fdSync(int fd, boolean metadata) throws IOException {
    Descriptor d = get(fd, metadata ? Rights.FD_SYNC : Rights.FD_DATASYNC);
    if (d instanceof Descriptor.File) {
      ((Descriptor.File) d).channel.force(metadata);
    } else if (d instanceof Descriptor.Output) {
      ((Descriptor.Output) d).flush();
    }
    return Errno.SUCCESS;
  }

  public int fdAdvise(int fd, long offset, long len, int advice) {
    if (advice < 0 || advice > 5) {
      return Errno.INVAL;
    }
    Descriptor d = get(fd);
    if (d instanceof Descriptor.Dir) {
      return Errno.BADF;
    }
    requireRight(d, Rights.FD_ADVISE);
    if (!(d instanceof Descriptor.File)) {
      return Errno.SPIPE;
    }
    if (offset < 0 || len < 0) {
      return Errno.INVAL;
    }
    return Errno.SUCCESS; // advice only
  }

  public int fdAllocate(int fd, long offset, long len) throws IOException {
    Descriptor.File f = file(fd, Rights.FD_ALLOCATE);
    if (offset < 0 || len < 0) {
      return Errno.INVAL;
    }
    long end = offset + len;
    if (end < 0) {
      return Errno.FBIG;
    }
    if (end > f.channel.size()) {
      grow(f.channel, end);
    }
    return Errno.SUCCESS;
  }

  private static void grow(FileChannel ch, long size) throws IOException {
    ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
  }

  public int fdFdstatGet(GuestMemory m, int fd, int ptr) {
    Descriptor d = get(fd);
    m.check(ptr, 24);
    m.putU8(ptr, d.filetype());
    m.putU8(ptr + 1, 0);
    m.putU16(ptr + 2, d.fdflags);
    m.putI32(ptr + 4, 0);
    m.putI64(ptr + 8, d.rightsBase);
    m.putI64(ptr + 16, d.rightsInheriting);
    return Errno.SUCCESS;
  }

  public int fdFdstatSetFlags(int fd, int flags) {
    Descriptor d = get(fd, Rights.FD_FDSTAT_SET_FLAGS);
    if ((flags & ~(FDFLAGS_APPEND | FDFLAGS_DSYNC | FDFLAGS_NONBLOCK | FDFLAGS_RSYNC
        | FDFLAGS_SYNC)) != 0) {
      return Errno.INVAL;
    }
    if ((flags & (FDFLAGS_DSYNC | FDFLAGS_RSYNC | FDFLAGS_SYNC)) != 0) {
      return Errno.NOTSUP; // sync modes are chosen when a file is opened
    }
    d.fdflags = (d.fdflags & ~(FDFLAGS_APPEND | FDFLAGS_NONBLOCK)) | flags;
    return Errno.SUCCESS;
  }

  public int fdFdstatSetRights(int fd, long base, long inheriting) {
    Descriptor d = get(fd);
    if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
      return Errno.NOTCAPABLE;
    }
    d.rightsBase = base;
    d.rightsInheriting = inheriting;
    return Errno.SUCCESS;
  }

  public int fdFilestatGet(GuestMemory m, int fd, int ptr) throws IOException {
    Descriptor d = get(fd, Rights.FD_FILESTAT_GET);
    m.check(ptr, 64);
    Sandbox.Stat s;
    if (d instanceof Descriptor.File) {
      Descriptor.File f = (Descriptor.File) d;
      Sandbox.Stat at = f.current();
      long size = f.channel.size();
      s = at != null
          ? new Sandbox.Stat(at.dev, at.ino, at.filetype, at.nlink, size, at.atimNanos,
              at.mtimNanos, at.ctimNanos)
          : new Sandbox.Stat(0, 0, Filetype.REGULAR_FILE, 0, size, 0, 0, 0);
    } else if (d instanceof Descriptor.Dir) {
      s = Sandbox.Stat.read(((Descriptor.Dir) d).path());
    } else {
      s = new Sandbox.Stat(0, 0, d.filetype(), 1, 0, 0, 0, 0);
    }
    writeFilestat(m, ptr, s);
    return Errno.SUCCESS;
  }

  private static void writeFilestat(GuestMemory m, int ptr, Sandbox.Stat s) {
    m.check(ptr, 64);
    m.putI64(ptr, s.dev);
    m.putI64(ptr + 8, s.ino);
    m.putI64(ptr + 16, s.filetype & 0xFF);
    m.putI64(ptr + 24, s.nlink);
    m.putI64(ptr + 32, s.size);
    m.putI64(ptr + 40, s.atimNanos);
    m.putI64(ptr + 48, s.mtimNanos);
    m.putI64(ptr + 56, s.ctimNanos);
  }

  public int fdFilestatSetSize(int fd, long size) throws IOException {
    Descriptor.File f = file(fd, Rights.FD_FILESTAT_SET_SIZE);
    if (size < 0) {
      return Errno.FBIG;
    }
    setSize(f.channel, size);
    return Errno.SUCCESS;
  }

  private static void setSize(FileChannel ch, long size) throws IOException {
    long current = ch.size();
    if (size < current) {
      long pos = ch.position();
      ch.truncate(size);
      ch.position(pos); // truncate moves the position back; ftruncate does not
    } else if (size > current) {
      grow(ch, size);
    }
  }

  public int fdFilestatSetTimes(int fd, long atim, long mtim, int fstFlags) throws IOException {
    Descriptor d = get(fd, Rights.FD_FILESTAT_SET_TIMES);
    Path path;
    if (d instanceof Descriptor.File) {
      if (((Descriptor.File) d).current() == null) {
        return Errno.NOTSUP; // moved: Java sets times by path only, and the path is another's now
      }
      path = ((Descriptor.File) d).path;
    } else if (d instanceof Descriptor.Dir) {
      path = ((Descriptor.Dir) d).path();
    } else {
      return Errno.NOTSUP;
    }
    setTimes(path, atim, mtim, fstFlags, false); // checked above: no symlink on the way
    return Errno.SUCCESS;
  }

  private static void setTimes(Path path, long atim, long mtim, int flags, boolean follow)
      throws IOException {
    if ((flags & ~(FST_ATIM | FST_ATIM_NOW | FST_MTIM | FST_MTIM_NOW)) != 0
        || (flags & (FST_ATIM | FST_ATIM_NOW)) == (FST_ATIM | FST_ATIM_NOW)
        || (flags & (FST_MTIM | FST_MTIM_NOW)) == (FST_MTIM | FST_MTIM_NOW)) {
      throw new WasiError(Errno.INVAL);
    }
    FileTime now = FileTime.from(Instant.now());
    FileTime access = (flags & FST_ATIM_NOW) != 0 ? now
        : (flags & FST_ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS) : null;
    FileTime modified = (flags & FST_MTIM_NOW) != 0 ? now
        : (flags & FST_MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS) : null;
    if (access == null && modified == null) {
      return;
    }
    BasicFileAttributeView view = follow
        ? Files.getFileAttributeView(path, BasicFileAttributeView.class)
        : Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    view.setTimes(modified, access, null);
  }

  public int fdPrestatGet(GuestMemory m, int fd, int ptr) {
    String name = preopenName(fd);
    m.check(ptr, 8);
    m.putI32(ptr, 0);
    m.putI32(ptr + 4, HostBytes.encode(name).length);
    return Errno.SUCCESS;
  }

  public int fdPrestatDirName(GuestMemory m, int fd, int ptr, int len) {
    byte[] name = HostBytes.encode(preopenName(fd));
    if ((len & 0xFFFFFFFFL) < name.length) {
      return Errno.NAMETOOLONG;
    }
    m.write(ptr, name, 0, name.length);
    return Errno.SUCCESS;
  }

  private String preopenName(int fd) {
    Descriptor d = get(fd);
    if (!(d instanceof Descriptor.Dir) || ((Descriptor.Dir) d).preopenName == null) {
      throw new WasiError(Errno.BADF);
    }
    return ((Descriptor.Dir) d).preopenName;
  }

  public int fdReaddir(GuestMemory m, int fd, int buf, int bufLen, long cookie, int bufusedPtr)
      throws IOException {
    Descriptor.Dir d = dir(fd, Rights.FD_READDIR);
    m.check(buf, bufLen & 0xFFFFFFFFL);
    m.check(bufusedPtr, 4);
    if (cookie == 0 || d.listing == null) {
      d.listing = list(d);
    }
    long len = bufLen & 0xFFFFFFFFL;
    long used = 0;
    byte[] header = new byte[24];
    ByteBuffer hb = ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (long i = cookie; i >= 0 && i < d.listing.size() && used < len; i++) {
      Sandbox.Entry e = d.listing.get((int) i);
      byte[] name = HostBytes.encode(e.name());
      hb.clear();
      hb.putLong(i + 1).putLong(e.inode()).putInt(name.length).put((byte) e.filetype());
      hb.put((byte) 0).putShort((short) 0);
      int n = (int) Math.min(24, len - used);
      m.write(buf + (int) used, header, 0, n);
      used += n;
      n = (int) Math.min(name.length, len - used);
      if (n > 0) {
        m.write(buf + (int) used, name, 0, n);
        used += n;
      }
    }
    m.putI32(bufusedPtr, (int) used);
    return Errno.SUCCESS;
  }

  private static List<Sandbox.Entry> list(Descriptor.Dir d) throws IOException {
    Path path = d.path();
    List<Sandbox.Entry> out = new ArrayList<>();
    Sandbox.Stat self = Sandbox.Stat.read(path);
    out.add(new Sandbox.Entry(".", self.ino, Filetype.DIRECTORY));
    Path parent = path.getParent();
    Sandbox.Stat up = parent == null ? null : Sandbox.Stat.of(parent);
    out.add(new Sandbox.Entry("..", up == null ? self.ino : up.ino, Filetype.DIRECTORY));
    TreeMap<String, Sandbox.Entry> sorted = new TreeMap<>();
    try (var stream = Files.newDirectoryStream(path)) {
      for (Path p : stream) {
        String name = HostBytes.name(p); // the name's bytes, whatever the host's charset
        Sandbox.Stat s = Sandbox.Stat.of(p);
        if (s != null) {
          sorted.put(name, new Sandbox.Entry(name, s.ino, s.filetype));
        }
      }
    }
    out.addAll(sorted.values());
    return out;
  }

  public int fdRenumber(int from, int to) throws IOException {
    Descriptor d = get(from);
    Descriptor old = get(to);
    if (from == to) {
      return Errno.SUCCESS;
    }
    fds.set(to, d); // 'old' is closed below: one descriptor fewer
    remove(from);
    if (!(old instanceof Descriptor.Input) && !(old instanceof Descriptor.Output)) {
      old.close();
    }
    return Errno.SUCCESS;
  }

  // ---- path_* ----

  public int pathCreateDirectory(GuestMemory m, int fd, int path, int pathLen) throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_CREATE_DIRECTORY);
    Sandbox.Resolved r = d.sandbox.resolve(d.components, m.string(path, pathLen), false);
    if (r.exists()) {
      return Errno.EXIST;
    }
    Files.createDirectory(r.path);
    return Errno.SUCCESS;
  }

  public int pathFilestatGet(GuestMemory m, int fd, int flags, int path, int pathLen, int buf)
      throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_FILESTAT_GET);
    Sandbox.Resolved r = d.sandbox.resolve(d.components, m.string(path, pathLen),
        (flags & LOOKUP_SYMLINK_FOLLOW) != 0);
    if (!r.exists()) {
      return Errno.NOENT;
    }
    writeFilestat(m, buf, withKeptTimes(r.stat));
    return Errno.SUCCESS;
  }

  public int pathFilestatSetTimes(GuestMemory m, int fd, int flags, int path, int pathLen,
      long atim, long mtim, int fstFlags) throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_FILESTAT_SET_TIMES);
    boolean follow = (flags & LOOKUP_SYMLINK_FOLLOW) != 0;
    Sandbox.Resolved r = d.sandbox.resolve(d.components, m.string(path, pathLen), follow);
    if (!r.exists()) {
      return Errno.NOENT;
    }
    setTimes(r.path, atim, mtim, fstFlags, false);
    if (r.stat.filetype == Filetype.SYMBOLIC_LINK) {
      Sandbox.Stat now = Sandbox.Stat.read(r.path);
      long[] kept = symlinkTimes.computeIfAbsent(List.of(now.dev, now.ino),
          k -> new long[] {now.atimNanos, now.mtimNanos});
      if ((fstFlags & FST_ATIM) != 0) {
        kept[0] = atim;
      } else if ((fstFlags & FST_ATIM_NOW) != 0) {
        kept[0] = now.atimNanos;
      }
      if ((fstFlags & FST_MTIM) != 0) {
        kept[1] = mtim;
      } else if ((fstFlags & FST_MTIM_NOW) != 0) {
        kept[1] = now.mtimNanos;
      }
    }
    return Errno.SUCCESS;
  }

  /** {@code s}, with the exact times last set on it if it is a symlink (see {@link #symlinkTimes}). */
  private Sandbox.Stat withKeptTimes(Sandbox.Stat s) {
    if (s.filetype != Filetype.SYMBOLIC_LINK || symlinkTimes.isEmpty()) {
      return s;
    }
    long[] kept = symlinkTimes.get(List.of(s.dev, s.ino));
    if (kept == null) {
      return s;
    }
    long atim = kept[0] / 1000 == s.atimNanos / 1000 ? kept[0] : s.atimNanos;
    long mtim = kept[1] / 1000 == s.mtimNanos / 1000 ? kept[1] : s.mtimNanos;
    return new Sandbox.Stat(s.dev, s.ino, s.filetype, s.nlink, s.size, atim, mtim, s.ctimNanos);
  }

  public int pathLink(GuestMemory m, int oldFd, int oldFlags, int oldPath, int oldLen, int newFd,
      int newPath, int newLen) throws IOException {
    Descriptor.Dir from = dir(oldFd, Rights.PATH_LINK_SOURCE);
    Descriptor.Dir to = dir(newFd, Rights.PATH_LINK_TARGET);
    Sandbox.Resolved source = from.sandbox.resolve(from.components, m.string(oldPath, oldLen),
        (oldFlags & LOOKUP_SYMLINK_FOLLOW) != 0);
    Sandbox.Resolved target = to.sandbox.resolve(to.components, m.string(newPath, newLen), false);
    if (!source.exists()) {
      return Errno.NOENT;
    }
    if (target.exists()) {
      return Errno.EXIST;
    }
    if (source.stat.filetype == Filetype.DIRECTORY) {
      return Errno.PERM;
    }
    if (target.trailingSlash || source.trailingSlash) {
      return Errno.NOENT;
    }
    Files.createLink(target.path, source.path);
    return Errno.SUCCESS;
  }

  public int pathOpen(GuestMemory m, int fd, int dirflags, int path, int pathLen, int oflags,
      long rightsBase, long rightsInheriting, int fdflags, int fdPtr) throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_OPEN);
    m.check(fdPtr, 4);
    if (open >= maxOpen) {
      return Errno.MFILE; // before anything is created or opened
    }
    String guestPath = m.string(path, pathLen);
    boolean create = (oflags & OFLAGS_CREAT) != 0;
    boolean directory = (oflags & OFLAGS_DIRECTORY) != 0;
    boolean exclusive = (oflags & OFLAGS_EXCL) != 0;
    boolean truncate = (oflags & OFLAGS_TRUNC) != 0;
    if ((oflags & ~15) != 0 || (directory && (create || truncate))) {
      return Errno.INVAL;
    }
    if (create) {
      requireRight(d, Rights.PATH_CREATE_FILE);
    }
    if (truncate) {
      requireRight(d, Rights.PATH_FILESTAT_SET_SIZE);
    }
    boolean follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0;
    Sandbox.Resolved r = d.sandbox.resolve(d.components, guestPath, follow && !(create && exclusive));
    long base = rightsBase & d.rightsInheriting;
    long inheriting = rightsInheriting & d.rightsInheriting;
    if (r.exists()) {
      if (create && exclusive) {
        return Errno.EXIST;
      }
      if (r.stat.filetype == Filetype.SYMBOLIC_LINK) {
        return directory ? Errno.NOTDIR : Errno.LOOP; // O_NOFOLLOW on a symlink
      }
      if (r.stat.filetype == Filetype.DIRECTORY) {
        if (truncate || (rightsBase & Rights.FD_WRITE) != 0) {
          return Errno.ISDIR;
        }
        m.putI32(fdPtr, add(new Descriptor.Dir(d.sandbox, r.components, null,
            base & Rights.DIRECTORY, inheriting)));
        return Errno.SUCCESS;
      }
      if (directory) {
        return Errno.NOTDIR;
      }
    } else {
      if (!create) {
        return Errno.NOENT;
      }
      if (r.trailingSlash) {
        return Errno.ISDIR;
      }
      if (r.isRoot()) {
        return Errno.EXIST;
      }
    }
    boolean write = (base & (Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE
        | Rights.FD_DATASYNC)) != 0 || (fdflags & FDFLAGS_APPEND) != 0;
    Set<OpenOption> options = new HashSet<>();
    options.add(LinkOption.NOFOLLOW_LINKS);
    options.add(StandardOpenOption.READ);
    if (write || truncate || create) {
      options.add(StandardOpenOption.WRITE);
    }
    if (create) {
      options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
    }
    if (truncate) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    if ((fdflags & FDFLAGS_DSYNC) != 0) {
      options.add(StandardOpenOption.DSYNC);
    }
    if ((fdflags & (FDFLAGS_SYNC | FDFLAGS_RSYNC)) != 0) {
      options.add(StandardOpenOption.SYNC);
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(r.path, options);
    } catch (java.nio.file.AccessDeniedException e) {
      if (!write && !truncate && !create) {
        throw e;
      }
      options.remove(StandardOpenOption.READ); // a write-only file
      channel = FileChannel.open(r.path, options);
      base &= ~Rights.FD_READ;
    }
    if (!write) {
      base &= ~(Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE);
    }
    Sandbox.Stat opened = r.exists() ? r.stat : Sandbox.Stat.read(r.path);
    int newFd = add(new Descriptor.File(channel, d.sandbox, r.components, opened, base & Rights.FILE,
        fdflags & (FDFLAGS_APPEND | FDFLAGS_NONBLOCK | FDFLAGS_DSYNC | FDFLAGS_RSYNC
            | FDFLAGS_SYNC)));
    m.putI32(fdPtr, newFd);
    return Errno.SUCCESS;
  }

  public int pathReadlink(GuestMemory m, int fd, int path, int pathLen, int buf, int bufLen,
      int bufusedPtr) throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_READLINK);
    Sandbox.Resolved r = d.sandbox.resolve(d.components, m.string(path, pathLen), false);
    m.check(bufusedPtr, 4);
    if (!r.exists()) {
      return Errno.NOENT;
    }
    if (r.stat.filetype != Filetype.SYMBOLIC_LINK) {
      return Errno.INVAL;
    }
    byte[] target = HostBytes.bytes(Files.readSymbolicLink(r.path));
    int n = (int) Math.min(target.length, bufLen & 0xFFFFFFFFL);
    m.write(buf, target, 0, n);
    m.putI32(bufusedPtr, n);
    return Errno.SUCCESS;
  }

  public int pathRemoveDirectory(GuestMemory m, int fd, int path, int pathLen) throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_REMOVE_DIRECTORY);
    String guestPath = m.string(path, pathLen);
    Sandbox.Resolved r = d.sandbox.resolve(d.components, guestPath, false);
    if (!r.exists()) {
      return Errno.NOENT;
    }
    if (r.stat.filetype != Filetype.DIRECTORY) {
      return Errno.NOTDIR;
    }
    if (r.isRoot() || lastComponent(guestPath).equals(".")) {
      return r.isRoot() ? Errno.NOTCAPABLE : Errno.INVAL;
    }
    Files.delete(r.path);
    return Errno.SUCCESS;
  }

  private static String lastComponent(String path) {
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  public int pathRename(GuestMemory m, int fd, int oldPath, int oldLen, int newFd, int newPath,
      int newLen) throws IOException {
    Descriptor.Dir from = dir(fd, Rights.PATH_RENAME_SOURCE);
    Descriptor.Dir to = dir(newFd, Rights.PATH_RENAME_TARGET);
    Sandbox.Resolved source = from.sandbox.resolve(from.components, m.string(oldPath, oldLen), false);
    Sandbox.Resolved target = to.sandbox.resolve(to.components, m.string(newPath, newLen), false);
    if (!source.exists()) {
      return Errno.NOENT;
    }
    if (source.isRoot() || target.isRoot()) {
      return Errno.BUSY;
    }
    boolean sourceIsDir = source.stat.filetype == Filetype.DIRECTORY;
    if (target.exists()) {
      boolean targetIsDir = target.stat.filetype == Filetype.DIRECTORY;
      if (sourceIsDir && !targetIsDir) {
        return Errno.NOTDIR;
      }
      if (!sourceIsDir && targetIsDir) {
        return Errno.ISDIR;
      }
    } else if (!sourceIsDir && target.trailingSlash) {
      return Errno.NOTDIR;
    }
    if (!from.sandbox.root().getFileSystem().equals(to.sandbox.root().getFileSystem())) {
      return Errno.XDEV;
    }
    Files.move(source.path, target.path, StandardCopyOption.ATOMIC_MOVE);
    return Errno.SUCCESS;
  }

  public int pathSymlink(GuestMemory m, int oldPath, int oldLen, int fd, int newPath, int newLen)
      throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_SYMLINK);
    String target = m.string(oldPath, oldLen);
    Sandbox.Resolved link = d.sandbox.resolve(d.components, m.string(newPath, newLen), false);
    if (target.isEmpty() || target.indexOf('\0') >= 0) {
      return target.isEmpty() ? Errno.NOENT : Errno.INVAL;
    }
    if (target.startsWith("/")) {
      return Errno.NOTCAPABLE; // it could only ever point outside the sandbox
    }
    if (link.exists()) {
      return Errno.EXIST;
    }
    if (link.trailingSlash) {
      return Errno.NOENT;
    }
    Files.createSymbolicLink(link.path, link.path.getFileSystem() == FileSystems.getDefault()
        ? HostBytes.path(target) : link.path.getFileSystem().getPath(target));
    return Errno.SUCCESS;
  }

  public int pathUnlinkFile(GuestMemory m, int fd, int path, int pathLen) throws IOException {
    Descriptor.Dir d = dir(fd, Rights.PATH_UNLINK_FILE);
    Sandbox.Resolved r = d.sandbox.resolve(d.components, m.string(path, pathLen), false);
    if (!r.exists()) {
      return Errno.NOENT;
    }
    if (r.stat.filetype == Filetype.DIRECTORY) {
      return Errno.ISDIR;
    }
    Files.delete(r.path);
    return Errno.SUCCESS;
  }

  // ---- poll_oneoff ----

  public int pollOneoff(GuestMemory m, int in, int out, int count, int neventsPtr)
      throws IOException {
    if (count <= 0) {
      return Errno.INVAL;
    }
    m.check(in, 48L * count);
    m.check(out, 32L * count);
    m.check(neventsPtr, 4);
    long start = System.nanoTime();
    long[] userdata = new long[count];
    int[] type = new int[count];
    long[] deadline = new long[count]; // for clocks, in System.nanoTime() terms
    int[] error = new int[count];
    int[] fdOf = new int[count];
    boolean[] never = new boolean[count]; // clocks too far away to ever fire
    boolean anyClock = false;
    for (int i = 0; i < count; i++) {
      int s = in + 48 * i;
      userdata[i] = m.i64(s);
      type[i] = m.u8(s + 8);
      if (type[i] == EVENT_CLOCK) {
        int id = m.i32(s + 16);
        long timeout = m.i64(s + 24);
        int flags = m.u16(s + 40);
        if (id < 0 || id > CLOCK_THREAD_CPUTIME) {
          error[i] = Errno.INVAL;
          deadline[i] = start;
          continue;
        }
        // timeouts are unsigned; one 2^62 ns (146 years) away or more never comes
        long rel = (flags & 1) != 0 ? unsignedMinus(timeout, now(id)) : timeout;
        anyClock = true;
        if (Long.compareUnsigned(rel, NEVER) >= 0) {
          never[i] = true;
          continue;
        }
        deadline[i] = start + rel;
      } else if (type[i] == EVENT_FD_READ || type[i] == EVENT_FD_WRITE) {
        fdOf[i] = m.i32(s + 16);
      } else {
        return Errno.INVAL;
      }
    }
    while (true) {
      int events = 0;
      long wait = 10_000_000L; // poll stdin every 10 ms while waiting for a clock
      long now = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (type[i] == EVENT_CLOCK) {
          if (never[i]) {
            continue;
          }
          wait = Math.min(wait, deadline[i] - now);
          if (now - deadline[i] >= 0 || error[i] != 0) {
            writeEvent(m, out + 32 * events++, userdata[i], error[i], type[i], 0);
          }
        } else {
          long ready = fdReady(fdOf[i], type[i], anyClock);
          if (ready != NOT_READY) {
            int err = ready < 0 ? (int) -ready : 0;
            writeEvent(m, out + 32 * events++, userdata[i], err, type[i], Math.max(0, ready));
          }
        }
      }
      if (events > 0) {
        m.putI32(neventsPtr, events);
        return Errno.SUCCESS;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.max(0, wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        m.putI32(neventsPtr, 0);
        return Errno.SUCCESS; // EINTR-like: no events
      }
    }
  }

  private static final long NOT_READY = Long.MIN_VALUE;

  /** A relative clock timeout (ns) this far away or more never comes: 2^62 ns, 146 years. */
  private static final long NEVER = 1L << 62;

  /** {@code a - b} for unsigned {@code a} and {@code b}, 0 if {@code b >= a}. */
  private static long unsignedMinus(long a, long b) {
    return Long.compareUnsigned(a, b) <= 0 ? 0 : a - b;
  }

  /** Bytes ready ({@code >= 0}), {@code -errno}, or {@link #NOT_READY}. */
  private long fdReady(int fd, int type, boolean canWait) throws IOException {
    if (fd < 0 || fd >= fds.size() || fds.get(fd) == null) {
      return -Errno.BADF;
    }
    Descriptor d = fds.get(fd);
    if ((d.rightsBase & Rights.POLL_FD_READWRITE) == 0 && !(d instanceof Descriptor.Dir)) {
      return -Errno.NOTCAPABLE;
    }
    if (d instanceof Descriptor.Dir) {
      return -Errno.BADF;
    }
    if (d instanceof Descriptor.File) {
      FileChannel ch = ((Descriptor.File) d).channel;
      return type == EVENT_FD_READ ? Math.max(0, ch.size() - ch.position()) : 0;
    }
    if (d instanceof Descriptor.Input) {
      if (type != EVENT_FD_READ) {
        return -Errno.BADF;
      }
      InputStream in = ((Descriptor.Input) d).in;
      int available = in.available();
      // A stream that cannot tell (0) is ready unless there is a clock to wait for.
      return available > 0 ? available : canWait && ((Descriptor.Input) d).terminal ? NOT_READY
          : canWait && in == System.in ? NOT_READY : 0;
    }
    if (d instanceof Descriptor.Output) {
      return type == EVENT_FD_WRITE ? 0 : -Errno.BADF;
    }
    return 0; // sockets: a read or write will block until it can proceed
  }

  private static void writeEvent(GuestMemory m, int at, long userdata, int error, int type,
      long nbytes) {
    m.putI64(at, userdata);
    m.putU16(at + 8, error);
    m.putU8(at + 10, type);
    m.putU8(at + 11, 0);
    m.putI32(at + 12, 0);
    m.putI64(at + 16, nbytes);
    m.putI64(at + 24, 0);
  }

  // ---- sockets: only those the host handed over ----

  private Descriptor.Socket socket(int fd) {
    Descriptor d = get(fd);
    if (!(d instanceof Descriptor.Socket)) {
      throw new WasiError(Errno.NOTSOCK);
    }
    return (Descriptor.Socket) d;
  }

  public int sockAccept(GuestMemory m, int fd, int flags, int fdPtr) throws IOException {
    Descriptor.Socket s = socket(fd);
    requireRight(s, Rights.SOCK_ACCEPT);
    if (!(s.channel instanceof ServerSocketChannel)) {
      return Errno.INVAL;
    }
    if ((flags & ~FDFLAGS_NONBLOCK) != 0) {
      return Errno.INVAL;
    }
    m.check(fdPtr, 4);
    if (open >= maxOpen) {
      return Errno.MFILE; // the connection waits for a guest with room for it
    }
    ServerSocketChannel server = (ServerSocketChannel) s.channel;
    server.configureBlocking((s.fdflags & FDFLAGS_NONBLOCK) == 0);
    SocketChannel client = server.accept();
    if (client == null) {
      return Errno.AGAIN;
    }
    client.configureBlocking(true);
    Descriptor.Socket accepted = new Descriptor.Socket(client);
    accepted.rightsBase &= ~Rights.SOCK_ACCEPT;
    accepted.fdflags = flags & FDFLAGS_NONBLOCK;
    m.putI32(fdPtr, add(accepted));
    return Errno.SUCCESS;
  }

  public int sockRecv(GuestMemory m, int fd, int iovs, int iovsLen, int riFlags, int datalenPtr,
      int flagsPtr) throws IOException {
    Descriptor.Socket s = socket(fd);
    if (riFlags != 0) {
      return Errno.NOTSUP; // RECV_PEEK, RECV_WAITALL
    }
    int[][] v = m.iovecs(iovs, iovsLen);
    m.check(datalenPtr, 4);
    m.check(flagsPtr, 2);
    int n = socketRead(m, s, v);
    m.putI32(datalenPtr, n);
    m.putU16(flagsPtr, 0);
    return Errno.SUCCESS;
  }

  public int sockSend(GuestMemory m, int fd, int iovs, int iovsLen, int siFlags, int datalenPtr)
      throws IOException {
    Descriptor.Socket s = socket(fd);
    byte[] data = gather(m, iovs, iovsLen);
    m.check(datalenPtr, 4);
    m.putI32(datalenPtr, socketWrite(s, data));
    return Errno.SUCCESS;
  }

  public int sockShutdown(int fd, int how) throws IOException {
    Descriptor.Socket s = socket(fd);
    requireRight(s, Rights.SOCK_SHUTDOWN);
    if (how < 1 || how > 3) {
      return Errno.INVAL;
    }
    if (!(s.channel instanceof SocketChannel)) {
      return Errno.NOTCONN;
    }
    SocketChannel c = (SocketChannel) s.channel;
    if ((how & 1) != 0) {
      c.shutdownInput();
    }
    if ((how & 2) != 0) {
      c.shutdownOutput();
    }
    return Errno.SUCCESS;
  }

  private static int socketRead(GuestMemory m, Descriptor.Socket s, int[][] v) throws IOException {
    requireRight(s, Rights.FD_READ);
    if (!(s.channel instanceof SocketChannel)) {
      throw new WasiError(Errno.NOTCONN);
    }
    SocketChannel c = (SocketChannel) s.channel;
    c.configureBlocking((s.fdflags & FDFLAGS_NONBLOCK) == 0);
    int n = 0;
    for (int[] iov : v) {
      if (iov[1] == 0) {
        continue;
      }
      if (n >= MAX_IO) {
        break;
      }
      ByteBuffer buf = ByteBuffer.allocate(share(iov, n));
      int r = c.read(buf);
      if (r < 0) {
        break;
      }
      if (r == 0) {
        if (n == 0 && !c.isBlocking()) {
          throw new WasiError(Errno.AGAIN);
        }
        break;
      }
      m.write(iov[0], buf.array(), 0, r);
      n += r;
      if (buf.hasRemaining()) {
        break;
      }
    }
    return n;
  }

  private static int socketWrite(Descriptor.Socket s, byte[] data) throws IOException {
    requireRight(s, Rights.FD_WRITE);
    if (!(s.channel instanceof SocketChannel)) {
      throw new WasiError(Errno.NOTCONN);
    }
    SocketChannel c = (SocketChannel) s.channel;
    c.configureBlocking((s.fdflags & FDFLAGS_NONBLOCK) == 0);
    int n = c.write(ByteBuffer.wrap(data));
    if (n == 0 && data.length > 0 && !c.isBlocking()) {
      throw new WasiError(Errno.AGAIN);
    }
    return n;
  }
}
