package org.wasmj.wasi.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * WASI preview 1 error numbers ({@code errno}), and the mapping from the JDK's file exceptions to
 * them. The JDK reports most POSIX errors as a {@link FileSystemException} whose reason is the C
 * library's {@code strerror} text, so those are matched by text.
 */
public final class Errno {
  public static final int SUCCESS = 0;
  public static final int TOOBIG = 1;
  public static final int ACCES = 2;
  public static final int AGAIN = 6;
  public static final int BADF = 8;
  public static final int BUSY = 10;
  public static final int CONNRESET = 15;
  public static final int DQUOT = 19;
  public static final int EXIST = 20;
  public static final int FAULT = 21;
  public static final int FBIG = 22;
  public static final int ILSEQ = 25;
  public static final int INVAL = 28;
  public static final int IO = 29;
  public static final int ISDIR = 31;
  public static final int LOOP = 32;
  public static final int MFILE = 33;
  public static final int MLINK = 34;
  public static final int NAMETOOLONG = 37;
  public static final int NOENT = 44;
  public static final int NOMEM = 48;
  public static final int NOSPC = 51;
  public static final int NOSYS = 52;
  public static final int NOTCONN = 53;
  public static final int NOTDIR = 54;
  public static final int NOTEMPTY = 55;
  public static final int NOTSOCK = 57;
  public static final int NOTSUP = 58;
  public static final int OVERFLOW = 61;
  public static final int PERM = 63;
  public static final int PIPE = 64;
  public static final int ROFS = 69;
  public static final int SPIPE = 70;
  public static final int TXTBSY = 74;
  public static final int XDEV = 75;
  public static final int NOTCAPABLE = 76;

  private static final String[] NAMES = {
    "SUCCESS", "2BIG", "ACCES", "ADDRINUSE", "ADDRNOTAVAIL", "AFNOSUPPORT", "AGAIN", "ALREADY",
    "BADF", "BADMSG", "BUSY", "CANCELED", "CHILD", "CONNABORTED", "CONNREFUSED", "CONNRESET",
    "DEADLK", "DESTADDRREQ", "DOM", "DQUOT", "EXIST", "FAULT", "FBIG", "HOSTUNREACH", "IDRM",
    "ILSEQ", "INPROGRESS", "INTR", "INVAL", "IO", "ISCONN", "ISDIR", "LOOP", "MFILE", "MLINK",
    "MSGSIZE", "MULTIHOP", "NAMETOOLONG", "NETDOWN", "NETRESET", "NETUNREACH", "NFILE", "NOBUFS",
    "NODEV", "NOENT", "NOEXEC", "NOLCK", "NOLINK", "NOMEM", "NOMSG", "NOPROTOOPT", "NOSPC",
    "NOSYS", "NOTCONN", "NOTDIR", "NOTEMPTY", "NOTRECOVERABLE", "NOTSOCK", "NOTSUP", "NOTTY",
    "NXIO", "OVERFLOW", "OWNERDEAD", "PERM", "PIPE", "PROTO", "PROTONOSUPPORT", "PROTOTYPE",
    "RANGE", "ROFS", "SPIPE", "SRCH", "STALE", "TIMEDOUT", "TXTBSY", "XDEV", "NOTCAPABLE"
  };

  private Errno() {}

  /** The errno's name without the {@code E} ({@code "NOENT"}), or its number. */
  public static String name(int errno) {
    return errno >= 0 && errno < NAMES.length ? NAMES[errno] : Integer.toString(errno);
  }

  /** The errno for an I/O failure reported by the JDK. */
  public static int of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return NOENT;
    } else if (e instanceof FileAlreadyExistsException) {
      return EXIST;
    } else if (e instanceof DirectoryNotEmptyException) {
      return NOTEMPTY;
    } else if (e instanceof NotDirectoryException) {
      return NOTDIR;
    } else if (e instanceof AccessDeniedException) {
      return ACCES;
    } else if (e instanceof NotLinkException) {
      return INVAL;
    } else if (e instanceof FileSystemLoopException) {
      return LOOP;
    } else if (e instanceof FileSystemException) {
      String reason = ((FileSystemException) e).getReason();
      return reason == null ? IO : ofReason(reason);
    }
    return ofReason(String.valueOf(e.getMessage()));
  }

  /** The errno for a runtime failure of a JDK file operation. */
  public static int of(RuntimeException e) {
    if (e instanceof InvalidPathException) {
      return INVAL; // e.g. a NUL byte in a path
    } else if (e instanceof UnsupportedOperationException) {
      return NOTSUP;
    } else if (e instanceof SecurityException) {
      return ACCES;
    } else if (e instanceof IllegalArgumentException) {
      return INVAL;
    }
    return IO;
  }

  private static int ofReason(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("too many levels of symbolic links")) {
      return LOOP;
    } else if (r.contains("is a directory")) {
      return ISDIR;
    } else if (r.contains("not a directory")) {
      return NOTDIR;
    } else if (r.contains("directory not empty")) {
      return NOTEMPTY;
    } else if (r.contains("file exists")) {
      return EXIST;
    } else if (r.contains("no such file")) {
      return NOENT;
    } else if (r.contains("operation not permitted")) {
      return PERM;
    } else if (r.contains("permission denied")) {
      return ACCES;
    } else if (r.contains("invalid argument")) {
      return INVAL;
    } else if (r.contains("file name too long")) {
      return NAMETOOLONG;
    } else if (r.contains("no space left")) {
      return NOSPC;
    } else if (r.contains("read-only file system")) {
      return ROFS;
    } else if (r.contains("cross-device")) {
      return XDEV;
    } else if (r.contains("resource busy")) {
      return BUSY;
    } else if (r.contains("text file busy")) {
      return TXTBSY;
    } else if (r.contains("file too large")) {
      return FBIG;
    } else if (r.contains("too many links")) {
      return MLINK;
    } else if (r.contains("too many open files")) {
      return MFILE;
    } else if (r.contains("broken pipe")) {
      return PIPE;
    } else if (r.contains("disk quota exceeded")) {
      return DQUOT;
    } else if (r.contains("connection reset")) {
      return CONNRESET;
    } else if (r.contains("resource temporarily unavailable")) {
      return AGAIN;
    } else if (r.contains("bad file descriptor")) {
      return BADF;
    } else if (r.contains("illegal seek")) {
      return SPIPE;
    }
    return IO;
  }
}
