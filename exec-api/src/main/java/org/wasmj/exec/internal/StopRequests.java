package org.wasmj.exec.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sets the stop requests ({@link StoreState#stopRequested}) of the interruptible stores running
 * guest code, on behalf of those who cannot: {@link #epochAdvanced} when an engine's epoch reaches
 * a store's deadline (at once, on the thread advancing it), and a watcher thread when the thread
 * running a store's guest is interrupted ({@code Thread.interrupt} has no hook: the watcher looks
 * every {@link #PERIOD_MS} ms while any such store runs, and sleeps otherwise).
 *
 * @implNote Thread-safe. A store is registered from its outermost {@link StoreState#enter}, which
 *     then checks exactly, to its {@link StoreState#exit}; the registration and its check, and the
 *     epoch's advance and {@link #epochAdvanced}'s look, are each sequentially consistent, so a
 *     deadline that an advance reaches meanwhile is seen by one side or the other. The deadline is
 *     read here without synchronization: a store changes it only on its own thread, and a stale
 *     value costs at most a needless stop request (its slow path checks exactly) or a look one
 *     advance later.
 */
final class StopRequests {
  private StopRequests() {}

  /** How often the watcher looks for interrupted threads. */
  static final long PERIOD_MS = 5;

  private static final Set<StoreState> RUNNING = ConcurrentHashMap.newKeySet();
  /** Set while the watcher waits for a store to run. */
  private static volatile boolean idle;

  /** The watcher, started when the first store runs (not by {@link #epochAdvanced} alone). */
  private static final class Watcher {
    static final Thread THREAD = new Thread(StopRequests::watch, "wasmj-interrupt-watcher");

    static {
      THREAD.setDaemon(true);
      THREAD.start();
    }
  }

  /** {@code s} runs guest code from now until {@link #done}. */
  static void running(StoreState s) {
    RUNNING.add(s);
    Thread watcher = Watcher.THREAD;
    if (idle) {
      LockSupport.unpark(watcher);
    }
  }

  /** {@code s} runs no guest code any more. */
  static void done(StoreState s) {
    RUNNING.remove(s);
  }

  /** Requests a stop of each running store of the engine of {@code epoch} whose deadline it reached. */
  static void epochAdvanced(AtomicLong epoch) {
    if (RUNNING.isEmpty()) {
      return;
    }
    long now = epoch.get();
    for (StoreState s : RUNNING) {
      if (s.epoch == epoch && now >= s.epochDeadline) {
        s.requestStop();
      }
    }
  }

  private static void watch() {
    while (true) {
      if (RUNNING.isEmpty()) {
        idle = true;
        if (RUNNING.isEmpty()) {
          LockSupport.park();
        }
        idle = false;
        continue;
      }
      for (StoreState s : RUNNING) {
        Thread owner = s.owner();
        if (owner != null && owner.isInterrupted()) {
          s.requestStop();
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
    }
  }
}
