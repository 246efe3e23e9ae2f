package org.wasmj.exec.asm.rt;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.StoreState;

/**
 * Threads with big stacks, for guest calls nested deeper than a thread's own stack may hold, so
 * that {@code Config.maxCallDepth} holds on {@code asm} and {@code tiered} as on the interpreter.
 *
 * <p>Generated code nests a Wasm call as a JVM call, and a thread's stack (512 KiB to 1 MiB by
 * default; unknown for the caller's) runs out long before 20,000 of them, sooner while the code
 * is still interpreted by the JVM. So a guest call from the host may nest {@link #FOREIGN_CALLS}
 * calls deep on the caller's thread ({@code StoreState.stackFloor} marks where); a call below
 * that runs on one of these threads, which hold {@link #DEEP_CALLS} more each, and so on. The
 * thread that made the call waits meanwhile, and hands the store over ({@code StoreState.handOver}),
 * so the store is still used by one thread at a time, and host functions called there may call
 * back into the guest.
 * Calls that stay shallow never leave their thread and cost nothing more; a call that crosses the
 * floor costs a hand-off between threads, about as much as a few hundred interpreted calls.
 *
 * @implNote Thread-safe. The threads are daemons, made when needed and ended after 30 s idle.
 */
public final class DeepStacks {
  private DeepStacks() {}

  /** Nested calls a guest call may make on the thread that started it before moving on. */
  public static final int FOREIGN_CALLS = 500; // 1,000 overflowed 512 KiB in cold tiered code at times
  /** Nested calls each thread of ours holds. */
  static final int DEEP_CALLS = 32_768;
  /** Stack per nested call on our threads: a cold (JVM-interpreted) frame of a large function. */
  static final long BYTES_PER_CALL = 2048;

  /**
   * The pool, made at the first call that needs it, not at every guest's first call (which asks
   * {@link #floorOnEntry}): its classes took ~0.8 ms to initialize on the guest's thread before
   * its first instruction, and most programs never nest that deep. (A class, not a lambda: the
   * launcher's training never gets here, so a lambda would be spun at run time.)
   */
  private static final class Pool implements ThreadFactory {
    static final ThreadPoolExecutor THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
        30, TimeUnit.SECONDS, new SynchronousQueue<>(), new Pool());
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(null, r, "wasmj-deep-stack-" + count.incrementAndGet(),
          DEEP_CALLS * BYTES_PER_CALL);
      t.setDaemon(true);
      return t;
    }
  }

  /** {@code StoreState.stackFloor} for a guest call that the host starts on the current thread. */
  public static int floorOnEntry(int maxCallDepth) {
    return Math.max(0, maxCallDepth - FOREIGN_CALLS);
  }

  /**
   * Runs {@code call}, which may nest {@code remaining} calls, on a thread of ours, with the
   * store's floor lowered by what that thread holds; waits for it, and returns its result or
   * throws what it threw.
   */
  static long[] deeper(StoreState store, int remaining, Supplier<long[]> call) {
    int floor = store.stackFloor;
    store.stackFloor = Math.max(0, remaining - DEEP_CALLS);
    try {
      Future<long[]> result;
      AtomicReference<Object> worker = new AtomicReference<>();
      try {
        result = Pool.THREADS.submit(() -> {
          if (!worker.compareAndSet(null, Thread.currentThread())) {
            Thread.currentThread().interrupt(); // the waiting thread was, before this began
          }
          Thread owner = store.handOver(Thread.currentThread()); // it waits for us meanwhile
          try {
            return call.get();
          } catch (StackOverflowError e) { // frames larger than BYTES_PER_CALL
            throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
          } finally {
            store.handOver(owner);
          }
        });
      } catch (RejectedExecutionException | OutOfMemoryError noThread) {
        throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
      }
      return await(result, store, store.interruptible ? worker : null);
    } finally {
      store.stackFloor = floor;
    }
  }

  /** In {@link #deeper}'s {@code worker}: the waiting thread was interrupted before the worker began. */
  private static final Object INTERRUPTED_EARLY = new Object();

  /**
   * The result of {@code f}. An interrupt of the waiting thread is passed on to the thread running
   * the guest ({@code worker}), if guests can be interrupted, so that it stops as it would have;
   * the interrupt is then used up if the guest trapped {@code interrupt}, and kept otherwise. An
   * interrupt that comes before the worker began is left for it ({@link #INTERRUPTED_EARLY}; it
   * was lost, and the guest ran on, when the worker thread was slow to start under load).
   */
  private static long[] await(Future<long[]> f, StoreState store, AtomicReference<Object> worker) {
    boolean interrupted = false;
    boolean usedUp = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
          if (worker != null) {
            Object w = worker.compareAndExchange(null, INTERRUPTED_EARLY);
            if (w instanceof Thread) {
              ((Thread) w).interrupt();
            }
            store.requestStop(); // generated code sees it at its next check, not the watcher's
          }
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          usedUp = cause instanceof TrapException
              && ((TrapException) cause).kind() == TrapKind.INTERRUPT;
          throw DeepStacks.<RuntimeException>rethrow(cause);
        }
      }
    } finally {
      if (interrupted && !usedUp) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Throws {@code t} as it is, checked or not: what the guest's host functions threw goes on. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rethrow(Throwable t) throws T {
    throw (T) t;
  }
}
