package org.wasmj.exec.asm;

import java.util.ArrayDeque;

/**
 * Generates code off the guest's thread, for the {@code tiered} executor: a bounded queue of
 * tasks served by up to {@code threads} daemon threads, which start when there is work and end
 * after a few idle seconds. The guest keeps running in the interpreter meanwhile; a task swaps the
 * compiled code in when it is done.
 *
 * <p>Tasks for a function stuck in a loop go first: an interpreter frame is waiting to enter the
 * compiled code there, while a function tiered up by its calls is also served by the interpreter
 * until its code is ready.
 *
 * @implNote Thread-safe. With 0 threads, {@link #submit} runs the task on the caller's thread.
 */
final class CompileQueue {
  /** Most tasks waiting; beyond it a request is refused (the function asks again later). */
  static final int CAPACITY = 4096;
  private static final long IDLE_MILLIS = 5_000;

  private final int threads;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private int running;
  private int idle;

  /** A queue served by {@code threads} threads (0: tasks run on the submitting thread). */
  CompileQueue(int threads) {
    this.threads = threads;
  }

  /**
   * Runs {@code task} soon: first if {@code urgent}. Returns false, without running it, if the
   * queue is full.
   */
  boolean submit(Runnable task, boolean urgent) {
    if (threads == 0) {
      task.run();
      return true;
    }
    synchronized (tasks) {
      if (tasks.size() >= CAPACITY) {
        return false;
      }
      if (urgent) {
        tasks.addFirst(task);
      } else {
        tasks.addLast(task);
      }
      if (idle > 0) {
        tasks.notify();
      } else if (running < threads) {
        running++;
        Thread t = new Thread(this::serve, "wasmj-compiler");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
      }
    }
    return true;
  }

  /** The threads serving it at most; 0 if tasks run on the submitting thread. */
  int threads() {
    return threads;
  }

  /** Tasks waiting now. */
  int waiting() {
    synchronized (tasks) {
      return tasks.size();
    }
  }

  private void serve() {
    while (true) {
      Runnable task;
      synchronized (tasks) {
        long deadline = System.currentTimeMillis() + IDLE_MILLIS;
        while (tasks.isEmpty()) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            running--;
            return;
          }
          idle++;
          try {
            tasks.wait(left);
          } catch (InterruptedException e) {
            // a daemon: only idleness ends it
          } finally {
            idle--;
          }
        }
        task = tasks.poll();
      }
      task.run(); // tasks handle their own failures; see AsmModule.compileHot
    }
  }
}
