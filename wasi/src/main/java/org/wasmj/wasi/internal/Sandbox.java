package org.wasmj.wasi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One preopened host directory and the path resolution that keeps a guest inside it.
 *
 * <p>Guest paths are resolved here one component at a time, never by the host OS: {@code "."} is
 * skipped, {@code ".."} pops a component and fails with {@code ENOTCAPABLE} above the directory
 * the resolution started from (see {@link #resolve}), and every
 * symlink met on the way (and at the end, when it is followed) is read and its target spliced in
 * place of it; an absolute target, like an absolute guest path, is {@code ENOTCAPABLE}. The result
 * is a list of plain components under the root containing no symlink but, possibly, the last, so
 * the host path built from it cannot leave the root. Hard links cannot leave it either (they name
 * files, not paths). A descriptor keeps the components it was opened by, and the guest can rename
 * one of them and put a symlink where it was: every use of a descriptor's path first walks its
 * components again, symlinks refused ({@link #directory}, {@link #walk}).
 *
 * <p>Limitation: the check and the use are two steps. Another host process that swaps a directory
 * for a symlink between them could redirect one operation; the guest itself cannot (it runs on
 * one thread and has no other way to touch the host's files).
 *
 * @implNote Immutable.
 */
public final class Sandbox {
  /** Most symlinks followed in one resolution, as Linux's limit. */
  static final int MAX_SYMLINKS = 40;

  private final Path root;

  /** A sandbox rooted at {@code root}, an existing directory (its real path is taken). */
  public Sandbox(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new NotDirectory(root);
    }
  }

  /** The real host path of the root. */
  public Path root() {
    return root;
  }

  /** The host path of {@code components} under the root (their bytes: see {@link HostBytes}). */
  public Path hostPath(List<String> components) {
    Path p = root;
    for (String c : components) {
      p = HostBytes.resolve(p, c);
    }
    return p;
  }

  /**
   * The host path of the directory {@code components} name, checked: a descriptor keeps its path
   * as components, and the guest may since have renamed one of them and put a symlink in its
   * place, which the host OS would follow out of the sandbox at an intermediate component.
   *
   * @throws WasiError NOENT if the components no longer lead to a directory without symlinks
   */
  public Path directory(List<String> components) {
    if (components.isEmpty()) {
      return root;
    }
    Stat s = walk(components);
    if (s == null || s.filetype != Filetype.DIRECTORY) {
      throw new WasiError(Errno.NOENT);
    }
    return hostPath(components);
  }

  /**
   * What {@code components} (not empty) name, not following a final symlink, or {@code null} if
   * they no longer lead there without symlinks: one is missing, or a symlink or a file above the
   * last. Used to check that a descriptor's path still is what was opened (see
   * {@link #directory}).
   */
  public Stat walk(List<String> components) {
    Path p = root;
    Stat s = null;
    try {
      for (String c : components) {
        if (s != null && s.filetype != Filetype.DIRECTORY) {
          return null;
        }
        p = HostBytes.resolve(p, c);
        s = Stat.of(p);
        if (s == null) {
          return null;
        }
      }
    } catch (IOException e) {
      throw new WasiError(Errno.of(e));
    }
    return s;
  }

  /** A path resolved inside the sandbox. */
  public static final class Resolved {
    public final List<String> components;
    /** The guest path ended with {@code '/'}: what it names must be a directory. */
    public final boolean trailingSlash;
    public final Path path;
    /** What is there, not following a final symlink; {@code null} if nothing. */
    public final Stat stat;

    Resolved(List<String> components, boolean trailingSlash, Path path, Stat stat) {
      this.components = components;
      this.trailingSlash = trailingSlash;
      this.path = path;
      this.stat = stat;
    }

    public boolean exists() {
      return stat != null;
    }

    /** Whether it resolved to the directory resolution started from, or an ancestor of it. */
    public boolean isRoot() {
      return components.isEmpty();
    }
  }

  /**
   * Resolves {@code guestPath} relative to the directory {@code start} (components under the
   * root). A final symlink is followed when {@code followFinal} (or the path ends in '/'). As in
   * Wasmtime (cap-std), every directory descriptor is a sandbox of its own: the path, and the
   * symlinks it meets, may not climb above {@code start}, even if that stays inside the preopen.
   *
   * @throws WasiError NOTCAPABLE for an absolute path or an escape, NOENT/NOTDIR for a missing or
   *     non-directory intermediate component, LOOP past {@value #MAX_SYMLINKS} symlinks, INVAL or
   *     ILSEQ for a path the host cannot name
   */
  public Resolved resolve(List<String> start, String guestPath, boolean followFinal) {
    if (guestPath.isEmpty()) {
      throw new WasiError(Errno.NOENT);
    }
    if (guestPath.indexOf('\0') >= 0) {
      throw new WasiError(Errno.INVAL);
    }
    if (guestPath.startsWith("/")) {
      throw new WasiError(Errno.NOTCAPABLE);
    }
    directory(start); // the start itself must still be where it was opened
    boolean trailingSlash = guestPath.endsWith("/");
    Deque<String> todo = new ArrayDeque<>(split(guestPath));
    List<String> current = new ArrayList<>(start);
    int floor = start.size(); // as openat beneath the directory: never above where it started
    int links = 0;
    Stat last = null;
    boolean lastKnown = false;
    try {
      while (!todo.isEmpty()) {
        String c = todo.pollFirst();
        boolean isLast = todo.isEmpty();
        lastKnown = false;
        if (c.equals(".")) {
          continue;
        }
        if (c.equals("..")) {
          if (current.size() <= floor) {
            throw new WasiError(Errno.NOTCAPABLE);
          }
          current.remove(current.size() - 1);
          continue;
        }
        Path p = HostBytes.resolve(hostPath(current), c);
        Stat s = Stat.of(p);
        if (s != null && s.filetype == Filetype.SYMBOLIC_LINK
            && (!isLast || followFinal || trailingSlash)) {
          if (++links > MAX_SYMLINKS) {
            throw new WasiError(Errno.LOOP);
          }
          String target = HostBytes.string(Files.readSymbolicLink(p)); // bytes, not the locale's
          if (target.isEmpty()) {
            throw new WasiError(Errno.NOENT);
          }
          if (target.startsWith("/")) {
            throw new WasiError(Errno.NOTCAPABLE);
          }
          List<String> parts = split(target);
          for (int i = parts.size() - 1; i >= 0; i--) {
            todo.addFirst(parts.get(i));
          }
          if (todo.isEmpty()) { // the link named "." or ".." only
            todo.add(".");
          }
          continue;
        }
        if (!isLast) {
          if (s == null) {
            throw new WasiError(Errno.NOENT);
          }
          if (s.filetype != Filetype.DIRECTORY) {
            throw new WasiError(Errno.NOTDIR);
          }
        }
        current.add(c);
        last = s;
        lastKnown = true;
      }
      Path path = hostPath(current);
      Stat stat = lastKnown ? last : Stat.of(path);
      if (trailingSlash && stat != null && stat.filetype != Filetype.DIRECTORY) {
        throw new WasiError(Errno.NOTDIR);
      }
      return new Resolved(List.copyOf(current), trailingSlash, path, stat);
    } catch (IOException e) {
      throw new WasiError(Errno.of(e));
    } catch (RuntimeException e) {
      if (e instanceof WasiError) {
        throw e;
      }
      throw new WasiError(Errno.of(e));
    }
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** A directory entry for {@code fd_readdir}. */
  public record Entry(String name, long inode, int filetype) {}

  /** What {@code lstat} says of a file, in WASI's terms. */
  public static final class Stat {
    public final long dev;
    public final long ino;
    public final int filetype;
    public final long nlink;
    public final long size;
    public final long atimNanos;
    public final long mtimNanos;
    public final long ctimNanos;

    Stat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {
      this.dev = dev;
      this.ino = ino;
      this.filetype = filetype;
      this.nlink = nlink;
      this.size = size;
      this.atimNanos = atim;
      this.mtimNanos = mtim;
      this.ctimNanos = ctim;
    }

    /** The file's status, not following a final symlink, or {@code null} if there is none. */
    public static Stat of(Path p) throws IOException {
      try {
        return read(p);
      } catch (NoSuchFileException e) {
        return null;
      } catch (java.nio.file.FileSystemException e) {
        if (Errno.of(e) == Errno.NOTDIR || Errno.of(e) == Errno.NOENT) {
          return null;
        }
        throw e;
      }
    }

    /** The file's status, not following a final symlink. */
    public static Stat read(Path p) throws IOException {
      if (UNIX) {
        try {
          Map<String, Object> a = Files.readAttributes(p, "unix:dev,ino,nlink,size,"
              + "lastAccessTime,lastModifiedTime,ctime,isDirectory,isRegularFile,isSymbolicLink,mode",
              LinkOption.NOFOLLOW_LINKS);
          int mode = (Integer) a.get("mode");
          return new Stat((Long) a.get("dev"), (Long) a.get("ino"), filetypeOfMode(mode),
              ((Number) a.get("nlink")).longValue(), (Long) a.get("size"),
              nanos((FileTime) a.get("lastAccessTime")), nanos((FileTime) a.get("lastModifiedTime")),
              nanos((FileTime) a.get("ctime")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
          // fall through to the basic view
        }
      }
      BasicFileAttributes b =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      int type = b.isDirectory() ? Filetype.DIRECTORY : b.isRegularFile() ? Filetype.REGULAR_FILE
          : b.isSymbolicLink() ? Filetype.SYMBOLIC_LINK : Filetype.UNKNOWN;
      Object key = b.fileKey();
      long ino = key != null ? key.hashCode() & 0xFFFFFFFFL : p.toAbsolutePath().hashCode();
      return new Stat(0, ino, type, 1, b.size(), nanos(b.lastAccessTime()),
          nanos(b.lastModifiedTime()), nanos(b.creationTime()));
    }

    private static int filetypeOfMode(int mode) {
      switch (mode & 0170000) {
        case 0040000: return Filetype.DIRECTORY;
        case 0100000: return Filetype.REGULAR_FILE;
        case 0120000: return Filetype.SYMBOLIC_LINK;
        case 0020000: return Filetype.CHARACTER_DEVICE;
        case 0060000: return Filetype.BLOCK_DEVICE;
        case 0140000: return Filetype.SOCKET_STREAM;
        default: return Filetype.UNKNOWN;
      }
    }

    private static long nanos(FileTime t) {
      return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    private static final boolean UNIX =
        java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
  }

  /** The root given is not a directory. */
  public static final class NotDirectory extends IOException {
    private static final long serialVersionUID = 1L;

    NotDirectory(Path p) {
      super("not a directory: " + p);
    }
  }
}
