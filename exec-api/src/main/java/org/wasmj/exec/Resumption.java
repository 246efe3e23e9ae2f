package org.wasmj.exec;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.exec.internal.Suspender;

/**
 * The running side of a {@link ResumableCall}: the call runs on a thread of its own (a virtual
 * thread where the JDK has them, else a pooled platform thread), and this hands control between
 * that thread and the host's with a synchronous handoff, so that exactly one of them runs at a
 * time. A suspension parks the guest's thread where it stands, whatever executor runs it, in
 * interpreted or generated code, however many host and guest frames are on its stack.
 *
 * <p>It holds no reference to its {@link ResumableCall}, so that a call the host drops becomes
 * unreachable while its thread is parked: the call's cleaner then {@linkplain #abandon abandons}
 * it, and the thread unwinds and ends.
 *
 * @implNote Thread-safe: the host's thread and the guest's meet under one lock.
 */
final class Resumption implements Suspender, Runnable {
  /** The guest's thread runs; the host waits (or has left, if the call was abandoned). */
  private static final int RUNNING = 0;
  /** The guest's thread is parked in a host function or for fuel; the host decides. */
  private static final int SUSPENDED = 1;
  /** The call returned or threw; its thread has let go of the store. */
  private static final int DONE = 2;

  /** Runs each call on a thread of its own. */
  private static final Executor THREADS = threads();

  private final StoreState store;
  private final FunctionInstance function;
  private final long[] args;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition toHost = lock.newCondition();
  private final Condition toGuest = lock.newCondition();

  // all below guarded by lock
  private int phase = RUNNING;
  private boolean abandoned;
  /** While suspended in a host function: the function, and what it threw. */
  private HostFunction hostFunction;
  private Suspend signal;
  /** While suspended for fuel: what the next charge costs. */
  private long requiredFuel;
  /** The values the host resumed a host function with. */
  private long[] resumeValues;
  /** Once done: the results, or what the call threw. */
  private long[] results;
  private Throwable failure;
  /** The thread running the call, to pass the host's interrupts on to. */
  private Thread runner;
  /** Whether the host was interrupted before {@link #runner} started: it interrupts itself. */
  private boolean interruptBeforeStart;

  /** Thrown in the guest's thread to unwind an abandoned call. */
  static final class Abandoned extends Error {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("resumable call abandoned", null, false, false);
    }
  }

  Resumption(StoreState store, FunctionInstance function, long[] args) {
    this.store = store;
    this.function = function;
    this.args = args;
  }

  /** Starts the call on its thread; the current thread must own the store ({@link StoreState#enter}). */
  void start() {
    THREADS.execute(this);
  }

  @Override
  public void run() {
    Thread me = Thread.currentThread();
    lock.lock();
    try {
      runner = me;
      if (interruptBeforeStart) {
        me.interrupt();
      }
    } finally {
      lock.unlock();
    }
    store.handOver(me); // the host waits for us meanwhile
    store.suspender = this;
    long[] r = null;
    Throwable t = null;
    try {
      r = Func.invoke(store, function, args);
    } catch (Throwable e) {
      t = e;
    }
    store.suspender = null;
    store.exit(); // the store is free before the host hears that the call ended
    lock.lock();
    try {
      phase = DONE;
      results = r;
      failure = t;
      runner = null;
      toHost.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Called by a host function that threw {@code s}: waits for the host; returns its values. */
  static long[] suspendIn(StoreState store, HostFunction f, Suspend s) {
    Suspender r = store.suspender;
    if (!(r instanceof Resumption)) {
      throw new TrapException(TrapKind.HOST,
          "host function suspended a call that is not resumable (see Func.callResumable)", s);
    }
    return ((Resumption) r).suspend(f, s, 0);
  }

  @Override
  public void awaitFuel(long required) {
    suspend(null, null, required);
  }

  private long[] suspend(HostFunction f, Suspend s, long fuel) {
    lock.lock();
    try {
      if (abandoned) {
        throw new Abandoned();
      }
      hostFunction = f;
      signal = s;
      requiredFuel = fuel;
      phase = SUSPENDED;
      toHost.signalAll();
      while (phase == SUSPENDED) {
        toGuest.awaitUninterruptibly(); // an interrupt stays set, for the guest's next check
      }
      if (abandoned) {
        throw new Abandoned();
      }
      long[] values = resumeValues;
      resumeValues = null;
      hostFunction = null;
      signal = null;
      return values;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isSuspended() {
    lock.lock();
    try {
      return phase == SUSPENDED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the call suspends or ends. An interrupt of the waiting thread is passed on to the
   * call's thread if guests can be interrupted, so that the guest stops as it would have on this
   * thread; it is used up if the guest trapped {@code interrupt}, and kept otherwise.
   */
  void awaitHost() {
    boolean interrupted = false;
    lock.lock();
    try {
      while (phase == RUNNING) {
        try {
          toHost.await();
        } catch (InterruptedException e) {
          interrupted = true;
          if (store.interruptible) {
            if (runner != null) {
              runner.interrupt();
            } else {
              interruptBeforeStart = true;
            }
          }
        }
      }
      if (interrupted && failure instanceof TrapException
          && ((TrapException) failure).kind() == TrapKind.INTERRUPT) {
        interrupted = false;
      }
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Resumes the suspended call with {@code values} (a host function's results; {@code null} after
   * running out of fuel) and waits until it suspends again or ends.
   *
   * @throws IllegalStateException if the call is not suspended
   */
  void resume(long[] values) {
    lock.lock();
    try {
      if (phase != SUSPENDED || abandoned) {
        throw new IllegalStateException("the call is not suspended: it "
            + (phase == RUNNING ? "runs (resumed from another thread)" : "has ended"));
      }
      resumeValues = values;
      phase = RUNNING;
      toGuest.signalAll();
    } finally {
      lock.unlock();
    }
    awaitHost();
  }

  /**
   * Ends a suspended call: its thread unwinds (as if the host function or the fuel charge had
   * thrown) and lets go of the store. With {@code await}, returns once it has; else at once
   * (from the cleaner's thread). Nothing if the call has ended.
   */
  void abandon(boolean await) {
    lock.lock();
    try {
      if (phase == DONE) {
        return;
      }
      abandoned = true;
      if (phase == SUSPENDED) {
        phase = RUNNING;
        toGuest.signalAll();
      }
      if (await) {
        while (phase != DONE) {
          toHost.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the call has ended. */
  boolean done() {
    lock.lock();
    try {
      return phase == DONE;
    } finally {
      lock.unlock();
    }
  }

  /** Once done: the results, or {@code null} if it threw. */
  long[] results() {
    lock.lock();
    try {
      return results;
    } finally {
      lock.unlock();
    }
  }

  /** Once done: what the call threw, or {@code null}. */
  Throwable failure() {
    lock.lock();
    try {
      return failure;
    } finally {
      lock.unlock();
    }
  }

  /** While suspended: the host function that suspended it, or {@code null} for fuel. */
  HostFunction hostFunction() {
    lock.lock();
    try {
      return hostFunction;
    } finally {
      lock.unlock();
    }
  }

  /** While suspended in a host function: what it threw. */
  Suspend signal() {
    lock.lock();
    try {
      return signal;
    } finally {
      lock.unlock();
    }
  }

  /** While suspended for fuel: what the next charge costs. */
  long requiredFuel() {
    lock.lock();
    try {
      return requiredFuel;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Virtual threads on JDK 21+ (found reflectively: the baseline is 17), unless the system
   * property {@code wasmj.resumable.platformThreads} is {@code true}; else pooled daemon
   * platform threads, made when needed and ended after 30 s idle.
   */
  private static Executor threads() {
    if (!Boolean.getBoolean("wasmj.resumable.platformThreads")) {
      try {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> type = Class.forName("java.lang.Thread$Builder");
        builder = type.getMethod("name", String.class, long.class)
            .invoke(builder, "wasmj-resumable-", 1L);
        Method factory = type.getMethod("factory");
        ThreadFactory virtual = (ThreadFactory) factory.invoke(builder);
        return task -> virtual.newThread(task).start();
      } catch (ReflectiveOperationException | RuntimeException | LinkageError before21) {
        // JDK 17-20 (19 and 20 without preview features): platform threads
      }
    }
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
          Thread t = new Thread(null, task, "wasmj-resumable-" + count.incrementAndGet(),
              STACK_BYTES);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * The stack of a platform thread running a resumable call: room for the guest calls that the
   * executors let nest on a thread before they move on to one with a bigger stack, and for the
   * host functions' own calls, with the margin of a main thread's.
   */
  static final long STACK_BYTES = 8L << 20;
}
