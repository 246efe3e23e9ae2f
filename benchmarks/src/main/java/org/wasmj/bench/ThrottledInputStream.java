package org.wasmj.bench;

import java.io.InputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The bytes of an array arriving as from a network link of a fixed rate: packets of
 * {@link #PACKET} bytes, the first at once and each next one when the link has had time to carry
 * it, counted from when the stream is made (the sender does not wait for the reader). A read
 * blocks until at least one unread packet has arrived and returns all that have.
 *
 * <pre>{@code
 * Module m = Module.compile(engine, new ThrottledInputStream(bytes, 20_000_000)); // 20 MB/s
 * }</pre>
 *
 * @implNote Not thread-safe.
 */
final class ThrottledInputStream extends InputStream {
  /** Bytes per packet: a TCP receive window's worth at a time would be coarser; 16 KiB is a few segments. */
  static final int PACKET = 16 * 1024;

  private final byte[] bytes;
  private final double bytesPerNano;
  private final long start = System.nanoTime();
  private int pos;

  /** {@code bytes} delivered at {@code bytesPerSecond}. */
  ThrottledInputStream(byte[] bytes, long bytesPerSecond) {
    this.bytes = bytes;
    this.bytesPerNano = bytesPerSecond / 1e9;
  }

  /** How many bytes have arrived by now. */
  private int arrived() {
    long packets = 1 + (long) ((System.nanoTime() - start) * bytesPerNano) / PACKET;
    return (int) Math.min(bytes.length, packets * PACKET);
  }

  /** Blocks until a byte past {@code pos} has arrived; returns how many have. */
  private int await() {
    int arrived = arrived();
    while (arrived <= pos) {
      long due = start + (long) (((long) (pos / PACKET) * PACKET) / bytesPerNano);
      LockSupport.parkNanos(Math.max(1_000, due - System.nanoTime()));
      arrived = arrived();
    }
    return arrived;
  }

  @Override
  public int read() {
    if (pos == bytes.length) {
      return -1;
    }
    await();
    return bytes[pos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos == bytes.length) {
      return -1;
    }
    int n = Math.min(len, await() - pos);
    System.arraycopy(bytes, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return Math.max(0, arrived() - pos);
  }
}
