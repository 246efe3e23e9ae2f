package org.wasmj.exec;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.parser.FuncType;

/**
 * A call that can stop in the middle and go on later ({@link Func#callResumable}), as Wasmi's
 * {@code call_resumable}: when a host function throws {@link Suspend}, or the store's fuel runs
 * out, the call returns to its host suspended; the host resumes it later, from any thread, with
 * the host function's results or after adding fuel ({@link Store#setFuel}). Otherwise it is a
 * call like {@link Func#call}: it returns results, or throws what the call throws.
 *
 * <pre>{@code
 * try (ResumableCall call = instance.getFunc("main").callResumable()) {
 *   while (call.isSuspended()) {
 *     if (call.isOutOfFuel()) {
 *       store.setFuel(store.fuel() + 10_000);   // a time slice; others may run meanwhile
 *       call.resume();
 *     } else {
 *       Request r = (Request) call.suspension().payload();
 *       call.resume(Val.i32(carryOut(r)));       // the host function's results
 *     }
 *   }
 *   int exit = call.results()[0].i32();
 * }
 * }</pre>
 *
 * <p><b>How it runs.</b> The call runs on a thread of its own (virtual on JDK 21+, a platform
 * thread on 17-20) while the host's thread waits; a suspension parks that thread where it stands
 * and hands control back, so it works the same on every executor, interpreted or compiled, and
 * through any chain of host and guest frames: a host function that calls back into the guest
 * ({@code Func.call} inside a host function), whose guest then suspends, suspends the whole
 * call, and resuming goes on inside that nested call. Host functions called by the guest run on
 * the call's thread (so {@code ThreadLocal}s differ from the host's). An interrupt of the thread
 * waiting for the call ({@link #resume} or {@link Func#callResumable}) is passed on to the call's
 * thread, where an engine with {@link Config#withEpochInterruption} traps {@code interrupt}.
 * Epoch deadlines trap as in any call; the epoch goes on advancing while a call is suspended, so
 * a deadline that passed meanwhile stops the guest at its first check after resuming (set a new
 * one with {@link Store#setEpochDeadline} before resuming to prevent that).
 *
 * <p><b>The store meanwhile.</b> While a call is suspended, its store runs no other guest code:
 * {@link Func#call}, {@link TypedFunc}, another {@code callResumable} and {@link
 * Linker#instantiate} throw {@link IllegalStateException} until the call is resumed to its end or
 * closed. Memories, tables, globals and fuel may be read and written, from any thread (one at a
 * time), except that memories cannot grow while the call waits for fuel ({@link Memory#grow}
 * throws {@link IllegalStateException}; they can while it waits in a host function). A call cannot start inside another call of its store (from a host function): it starts
 * from the host.
 *
 * <p><b>Ending it.</b> {@link #close} ends a suspended call: its thread unwinds as if the host
 * function or the fuel charge had thrown, and the store is usable again (what the guest wrote to
 * memories, tables and globals stays written, as after a trap). A call the host drops without
 * closing it is closed once it is garbage collected; until then its store stays busy. A host
 * function that catches everything it calls keeps the unwinding thread running until it returns.
 *
 * @implNote Not thread-safe: use it from one thread at a time (not necessarily the one that made
 *     it). It keeps no thread busy while suspended, beyond its parked one.
 */
public final class ResumableCall implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final Func func;
  private final Resumption running;
  private final Cleaner.Cleanable cleanable;
  /** The results once finished, else {@code null}. */
  private long[] results;
  /** Whether the call threw or was closed. */
  private boolean ended;

  private ResumableCall(Func func, Resumption running) {
    this.func = func;
    this.running = running;
    this.cleanable = CLEANER.register(this, () -> running.abandon(false));
  }

  /** Starts {@code func} with {@code args} (raw slots, checked) and runs it until it suspends or ends. */
  static ResumableCall start(Func func, long[] args) {
    StoreState s = func.store().state();
    if (!s.enter()) {
      throw new IllegalStateException("a resumable call starts from the host, not inside another"
          + " call of its store (from a host function)");
    }
    Resumption running;
    try {
      s.externs.collect(args); // no guest frame runs: externref ids nothing holds may go
      running = new Resumption(s, func.instance(), args);
      running.start();
    } catch (Throwable e) {
      s.exit();
      throw e;
    }
    ResumableCall call = new ResumableCall(func, running);
    try {
      running.awaitHost();
      call.settle();
    } finally {
      Reference.reachabilityFence(call);
    }
    return call;
  }

  /**
   * Resumes the call after a host function suspended it, with that function's results ({@link
   * #hostFunction}'s result types), or with none after it ran out of fuel; runs it until it
   * suspends again or ends. May be called from any thread. Returns {@code this}.
   *
   * @throws IllegalStateException if the call is not suspended (it finished, threw or was closed)
   * @throws IllegalArgumentException if the values do not match the host function's results (or
   *     are given after running out of fuel); the call stays suspended
   * @throws org.wasmj.TrapException if the guest traps after resuming (and so on, as {@link
   *     Func#call}); the call has then ended
   */
  public ResumableCall resume(Val... hostResults) {
    requireSuspended();
    HostFunction f = running.hostFunction();
    long[] values = null;
    if (f == null) {
      if (hostResults.length != 0) {
        throw new IllegalArgumentException("a call that ran out of fuel resumes without values, got "
            + hostResults.length);
      }
    } else {
      FuncType t = f.type;
      if (hostResults.length != t.resultCount()) {
        throw new IllegalArgumentException("expected " + t.resultCount()
            + (t.resultCount() == 1 ? " result for " : " results for ") + "host function " + t
            + ", got " + hostResults.length);
      }
      values = Val.toSlots(t.results(), hostResults, func.store().state());
    }
    try {
      running.resume(values);
      settle();
    } finally {
      Reference.reachabilityFence(this);
    }
    return this;
  }

  /** Takes in where the call stands now that the host has control again. */
  private void settle() {
    if (!running.done()) {
      return;
    }
    cleanable.clean(); // nothing to abandon
    Throwable failure = running.failure();
    if (failure == null) {
      results = running.results();
      return;
    }
    ended = true;
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    throw new IllegalStateException("resumable call failed: " + failure, failure); // not thrown by our code
  }

  /** Whether the call returned: {@link #results} holds its results. */
  public boolean isFinished() {
    return results != null;
  }

  /** Whether the call is suspended, to be resumed ({@link #resume}) or closed. */
  public boolean isSuspended() {
    return results == null && !ended;
  }

  /** Whether the call is suspended because the store's fuel ran out ({@link #requiredFuel}). */
  public boolean isOutOfFuel() {
    return isSuspended() && running.hostFunction() == null;
  }

  /**
   * The fuel the store must hold for the suspended call to go on: the cost of the charge that
   * found too little (0 unless {@link #isOutOfFuel}).
   */
  public long requiredFuel() {
    return isOutOfFuel() ? running.requiredFuel() : 0;
  }

  /** The host function that suspended the call, whose results {@link #resume} takes; {@code null} if none did. */
  public Func hostFunction() {
    HostFunction f = isSuspended() ? running.hostFunction() : null;
    return f == null ? null : Func.of(func.store(), f);
  }

  /** What the host function threw to suspend the call ({@link Suspend#payload}); {@code null} if none did. */
  public Suspend suspension() {
    return isSuspended() ? running.signal() : null;
  }

  /**
   * The results of the finished call.
   *
   * @throws IllegalStateException if it has not finished
   */
  public Val[] results() {
    if (results == null) {
      throw new IllegalStateException(ended ? "the call has ended without results"
          : "the call is suspended: resume it first");
    }
    return Val.fromSlots(func.type().results(), results, func.store());
  }

  /** The function called. */
  public Func func() {
    return func;
  }

  /**
   * Ends the call if it is suspended: its thread unwinds and lets go of the store, which is usable
   * again once this returns. Nothing if it has ended.
   */
  @Override
  public void close() {
    if (isSuspended()) {
      ended = true;
      running.abandon(true);
      cleanable.clean();
    }
  }

  @Override
  public String toString() {
    String state = isFinished() ? "finished" : ended ? "ended"
        : isOutOfFuel() ? "suspended: out of fuel" : "suspended in " + hostFunction();
    return "resumable call of " + func + " (" + state + ")";
  }

  private void requireSuspended() {
    if (!isSuspended()) {
      throw new IllegalStateException(
          "the call is not suspended: it has " + (ended ? "ended" : "finished"));
    }
  }
}
