package org.wasmj.exec.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
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

  /**
   * {@code ()boolean}: true while no store has had a stop requested for {@link #QUIET_MS} ms (the
   * watcher sets it back then), false from any request on ({@link #loud}). Generated code tests
   * it before its checks, which it skips while true: C2 compiles the test of a mutable call site's
   * constant target to nothing, and a new target deoptimizes the code that relied on the old one
   * (at a safepoint, so at once), which then checks as before. Quiet for a while before the
   * watcher sets it back, so that a deadline callback that lets the guest go on does not make
   * every epoch tick recompile the guest's code.
   */
  static final MutableCallSite QUIET = new MutableCallSite(constant(true));
  /** How long no request may come before {@link #QUIET} is set back to true. */
  static final long QUIET_MS = 1000;
  /** {@link #QUIET}'s target, as a field read without the call site. */
  private static volatile boolean quiet = true;
  /** When {@link #QUIET} was last made false ({@code System.nanoTime}). */
  private static volatile long loudSince;

  /**
   * More call sites that change with {@link #QUIET}: each one's quiet target while it is true, its
   * loud one while it is false ({@link #guard}).
   */
  private static final java.util.List<Guard> GUARDS =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A {@link #guard}'s call site and its two targets. */
  private record Guard(MutableCallSite site, MethodHandle quiet, MethodHandle loud) {}

  /**
   * A call site whose target is {@code quiet} while {@link #QUIET} is true and {@code loud} while
   * it is false (the two of one type): a check that C2 compiles to {@code quiet} (and inlines as
   * directly as {@link #QUIET}'s constant) until a stop request deoptimizes it.
   */
  static MutableCallSite guard(MethodHandle quiet, MethodHandle loud) {
    synchronized (QUIET) {
      MutableCallSite site = new MutableCallSite(StopRequests.quiet ? quiet : loud);
      GUARDS.add(new Guard(site, quiet, loud));
      return site;
    }
  }

  /** {@link #QUIET} and every {@link #guard} to their targets for {@code q} (holding QUIET's lock). */
  private static void retarget(boolean q) {
    QUIET.setTarget(constant(q));
    MutableCallSite[] all = new MutableCallSite[GUARDS.size() + 1];
    all[0] = QUIET;
    int i = 1;
    for (Guard g : GUARDS) { // (only guard adds, under the same lock: the size holds)
      g.site().setTarget(q ? g.quiet() : g.loud());
      all[i++] = g.site();
    }
    MutableCallSite.syncAll(all);
  }

  private static MethodHandle constant(boolean b) {
    return MethodHandles.constant(boolean.class, b);
  }

  /**
   * After a stop request (the store's word set, volatile): makes {@link #QUIET} false if it is
   * not. A watcher setting it back meanwhile sees the word (see {@link #quietAgain}).
   */
  static void loud() {
    if (quiet) {
      synchronized (QUIET) {
        loudSince = System.nanoTime();
        if (quiet) {
          quiet = false;
          retarget(false);
        }
      }
    } else {
      loudSince = System.nanoTime();
    }
  }

  /**
   * The watcher's: {@link #QUIET} true again once no request came for {@link #QUIET_MS} ms and
   * no running store's word is set (read after {@code quiet} is written, each volatile: a request
   * that read {@code quiet} as false wrote its word before, so it is seen here).
   */
  private static void quietAgain() {
    if (quiet || System.nanoTime() - loudSince < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
      return;
    }
    synchronized (QUIET) {
      quiet = true;
      for (StoreState s : RUNNING) {
        if (s.stopWord() != 0) {
          quiet = false;
          return;
        }
      }
      retarget(true);
    }
  }
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
      quietAgain();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
    }
  }
}
