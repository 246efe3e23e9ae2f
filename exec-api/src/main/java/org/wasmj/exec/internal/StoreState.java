package org.wasmj.exec.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.WasmException;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.GuestStore;

/**
 * What a store holds at run time for its instances: the functions it knows, by reference id
 * (the values {@code funcref}s and tables hold), host objects passed as {@code externref}, and
 * the executor's per-store state (e.g. the interpreter's stack).
 *
 * @implNote Not thread-safe: a store is used by one thread at a time; {@link #enter} detects a
 *     second thread calling in while one runs guest code.
 */
public final class StoreState implements GuestStore {
  /** The engine's function-type ids. */
  public final TypeRegistry types;
  /** The engine's executor. */
  public final Executor executor;
  /** Most nested calls a guest may make before {@code call stack exhausted}. */
  public final int maxCallDepth;
  /** Most 64-bit value slots an executor's stack may hold before {@code call stack exhausted}. */
  public final int maxStackSlots;
  /** Most pages a memory of this store may have. */
  public final int maxMemoryPages;
  /** What all the memories and tables of this store hold, against its limits. */
  public final StoreResources resources;
  /** The executor's state for this store, created and owned by the executor. */
  public Object executorState;
  /**
   * The call depth of the guest frame that called the host function now running (0 when no guest
   * runs): a guest call the host makes starts there, so that {@link #maxCallDepth} bounds
   * guest-host-guest recursion too. Executors set it around host calls.
   */
  public int hostCallDepth;
  /**
   * For executors whose guest calls nest on the Java stack: how many of the calls still allowed
   * ({@link #maxCallDepth} less the depth) the current thread must leave to a thread with a fresh
   * stack, because its own stack may not hold them (0: it holds them all). Executors set it when
   * a guest call starts on a thread, and restore it when the call ends.
   */
  public int stackFloor;

  /** The engine's epoch, which any thread may advance ({@code Engine.incrementEpoch}). */
  public final AtomicLong epoch;
  /** Whether the store's code checks for interruption ({@code CHECK_INTERRUPT}). */
  public final boolean interruptible;
  /** Whether the store's code consumes fuel ({@code FUEL_I} and its kin). */
  public final boolean metersFuel;
  /** The epoch at which guest code stops ({@link Long#MAX_VALUE}: never). */
  public long epochDeadline = Long.MAX_VALUE;
  /**
   * Asked when the deadline passes: how many more ticks the guest may run, or a negative number
   * to stop it; {@code null}: stop it.
   */
  public LongSupplier deadlineCallback;
  /** Fuel left, when {@link #metersFuel}. */
  public long fuel;
  /**
   * The resumable call running now ({@code Func.callResumable}), which waits for fuel instead of
   * trapping when it runs out; {@code null} outside one.
   */
  public Suspender suspender;

  /** The host objects guests hold as {@code externref}s, by id. */
  public final ExternRefs externs = new ExternRefs();

  private FunctionInstance[] functions = new FunctionInstance[16];
  private int functionCount;

  /** The thread running guest code of this store now, or {@code null}; see {@link #enter}. */
  private volatile Thread owner;
  /**
   * Non-zero: {@link #stopRequested}. Read opaquely by generated code, so that no loop keeps an
   * old value; volatile for {@link StopRequests}' watcher ({@link #stopWord}).
   */
  private volatile int stop;

  private static final VarHandle OWNER;
  private static final VarHandle STOP;

  static {
    try {
      OWNER = MethodHandles.lookup().findVarHandle(StoreState.class, "owner", Thread.class);
      STOP = MethodHandles.lookup().findVarHandle(StoreState.class, "stop", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A store's runtime state. */
  public StoreState(TypeRegistry types, Executor executor, int maxCallDepth, int maxStackSlots,
      int maxMemoryPages, StoreResources resources, AtomicLong epoch, boolean interruptible,
      boolean metersFuel) {
    this.epoch = epoch;
    this.interruptible = interruptible;
    this.metersFuel = metersFuel;
    this.types = types;
    this.executor = executor;
    this.maxCallDepth = maxCallDepth;
    this.maxStackSlots = maxStackSlots;
    this.maxMemoryPages = maxMemoryPages;
    this.resources = resources;
  }

  /**
   * Called before the host runs guest code of this store (a call, an instantiation): makes the
   * current thread the store's owner until {@link #exit}. Returns {@code true} if it became the
   * owner, {@code false} if it already was (a host function calling back into the guest), in
   * which case the caller must not call {@code exit}. One compare-and-set per outermost call.
   *
   * @throws IllegalStateException if another thread is running guest code of this store: a
   *     store is used by one thread at a time, and two at once would corrupt its stacks
   */
  public boolean enter() {
    Thread me = Thread.currentThread();
    while (true) {
      if (OWNER.compareAndSet(this, null, me)) {
        if (interruptible) {
          StopRequests.running(this);
          if (interruptPending()) {
            requestStop();
          }
        }
        return true;
      }
      Thread other = owner;
      if (other == me) {
        return false;
      }
      Suspender suspended = suspender;
      if (other != null && suspended != null && suspended.isSuspended()) {
        throw new IllegalStateException("a Store runs no other guest code while a resumable call"
            + " of it is suspended: resume or close that call first");
      }
      if (other != null) {
        throw new IllegalStateException("a Store is used by one thread at a time, but thread \""
            + me.getName() + "\" called into it while thread \"" + other.getName()
            + "\" was running its guest code");
      }
      // the owner left between the two reads: try again
    }
  }

  /** Ends what {@link #enter} began, when it returned {@code true}. */
  public void exit() {
    if (interruptible) {
      StopRequests.done(this);
    }
    OWNER.setRelease(this, null);
  }

  Thread owner() {
    return owner;
  }

  /**
   * For an executor continuing a guest call on another thread while the owner waits for it: makes
   * {@code thread} the owner, so that host functions running there may call back into the guest,
   * and returns the previous owner, to give back the same way when the call ends.
   */
  public Thread handOver(Thread thread) {
    Thread previous = owner;
    OWNER.setRelease(this, thread);
    return previous;
  }

  /**
   * A check point ({@code CHECK_INTERRUPT}): traps {@code interrupt} if the epoch deadline has
   * passed (unless the deadline callback extends it) or the current thread was interrupted (whose
   * interrupt status it clears, as an {@link InterruptedException} would).
   */
  @Override
  public void checkInterrupt() {
    if (interruptPending()) {
      interrupted();
    }
  }

  /**
   * The test of {@link #checkInterrupt}: true if the epoch deadline has passed or the current
   * thread was interrupted (generated code tests inline and calls {@code checkInterrupt} only then).
   */
  public boolean interruptPending() {
    return epoch.get() >= epochDeadline || Thread.currentThread().isInterrupted();
  }

  /**
   * The one-read test of generated code's check points: true if the guest may have to stop (then
   * it calls {@link #checkStop}). Set when the epoch reaches the deadline (by {@code
   * Engine.incrementEpoch}, {@link #setEpochDeadline}, or on entering guest code), and, within a
   * few milliseconds, when the thread running the guest is interrupted ({@link StopRequests});
   * false positives are allowed. The read is opaque: a compiled loop re-reads it every time.
   */
  public boolean stopRequested() {
    return (int) STOP.getOpaque(this) != 0;
  }

  /**
   * {@link #stopRequested}'s word, non-zero if set, read volatile: a trivial method, which C2
   * inlines wherever it is called (the interpreter's dispatch loop tests it).
   */
  public int stopWord() {
    return stop;
  }

  /**
   * The slow path of {@link #stopRequested}: clears the request, then {@link #checkInterrupt}. A
   * deadline that stays passed (a trap, or a callback extending it by 0) stays requested.
   */
  public void checkStop() {
    STOP.setVolatile(this, 0);
    try {
      checkInterrupt();
    } finally {
      if (epoch.get() >= epochDeadline) {
        requestStop();
      }
    }
  }

  /**
   * After {@code epoch} (an engine's) advanced: requests a stop of each store of that engine
   * running guest code whose deadline it reached.
   */
  public static void epochAdvanced(AtomicLong epoch) {
    StopRequests.epochAdvanced(epoch);
  }

  /** Makes {@link #stopRequested} true, and {@link #noStopSite} false. */
  public void requestStop() {
    STOP.setVolatile(this, 1);
    StopRequests.loud();
  }

  /**
   * A call site of type {@code ()boolean} whose target returns true while no store has had a stop
   * requested lately: generated code skips its checks then (C2 compiles the test to nothing, and
   * a request deoptimizes the code, which then checks). See {@code StopRequests.QUIET}.
   */
  public static java.lang.invoke.CallSite noStopSite() {
    return StopRequests.QUIET;
  }

  /**
   * A new call site whose target is {@code quiet} while {@link #noStopSite} says no stop was
   * requested lately, else {@code loud} (both of one type): generated code calls its checks
   * through one, which C2 compiles to {@code quiet} until a request deoptimizes it.
   */
  public static java.lang.invoke.MutableCallSite noStopGuard(java.lang.invoke.MethodHandle quiet,
      java.lang.invoke.MethodHandle loud) {
    return StopRequests.guard(quiet, loud);
  }

  private void interrupted() {
    if (Thread.interrupted()) {
      throw new TrapException(TrapKind.INTERRUPT);
    }
    if (epoch.get() < epochDeadline) {
      return;
    }
    LongSupplier callback = deadlineCallback;
    long ticks = -1;
    if (callback != null) {
      try {
        ticks = callback.getAsLong();
      } catch (WasmException | VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        throw new TrapException(TrapKind.HOST, "epoch deadline callback failed: " + e, e);
      }
    }
    if (ticks < 0) {
      throw new TrapException(TrapKind.INTERRUPT);
    }
    setEpochDeadline(ticks);
  }

  /**
   * Set while a resumable call waits for fuel: its memories must not grow meanwhile (generated
   * code keeps memory 0's array in a local across a fuel charge).
   */
  public volatile boolean waitingForFuel;

  /**
   * Consumes {@code cost} fuel ({@code FUEL_I} and its kin): traps {@code all fuel consumed by
   * WebAssembly}, leaving the fuel as it is, if less is left; in a resumable call, suspends it
   * until the host has added enough instead.
   */
  @Override
  public void consumeFuel(long cost) {
    long left = fuel - cost;
    if (left < 0) {
      left = refuel(cost);
    }
    fuel = left;
  }

  /** The slow path of {@link #consumeFuel}: traps, or waits for the host to add fuel. */
  private long refuel(long cost) {
    Suspender s = suspender;
    if (s == null) {
      throw new TrapException(TrapKind.OUT_OF_FUEL);
    }
    long left;
    waitingForFuel = true;
    try {
      while ((left = fuel - cost) < 0) {
        s.awaitFuel(cost);
      }
    } finally {
      waitingForFuel = false;
    }
    return left;
  }

  @Override
  public int maxCallDepth() {
    return maxCallDepth;
  }

  @Override
  public int hostCallDepth() {
    return hostCallDepth;
  }

  @Override
  public Object executorState() {
    return executorState;
  }

  @Override
  public void setExecutorState(Object state) {
    executorState = state;
  }

  /** Sets the deadline {@code ticks} after the engine's epoch now. */
  public void setEpochDeadline(long ticks) {
    long now = epoch.get();
    epochDeadline = ticks > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ticks;
    if (now >= epochDeadline) {
      requestStop();
    }
  }

  /**
   * Gives {@code fs[from ..to)} their reference ids in this store, in order, as {@link #register}
   * one by one would: in one call, since an instance registers all its functions at once, in a
   * loop that runs once and so in HotSpot's bytecode interpreter (Yosys: 34,004 functions).
   */
  public void registerAll(FunctionInstance[] fs, int from, int to) {
    int more = to - from;
    if (functions.length - functionCount < more) {
      functions = Arrays.copyOf(functions, Math.max(functions.length * 2, functionCount + more));
    }
    FunctionInstance[] mine = functions;
    int n = functionCount;
    for (int i = from; i < to; i++) {
      FunctionInstance f = fs[i];
      mine[n++] = f;
      f.ref = n;
    }
    functionCount = n;
  }

  /** Gives {@code f} its reference id in this store. */
  public void register(FunctionInstance f) {
    if (functionCount == functions.length) {
      functions = Arrays.copyOf(functions, functionCount * 2);
    }
    functions[functionCount++] = f;
    f.ref = functionCount;
  }

  /**
   * The function with reference id {@code ref} (not 0); traps {@code invalid reference} if there
   * is none (a number taken for a reference by code compiled unchecked).
   */
  @Override
  public FunctionInstance function(long ref) {
    if (ref < 1 || ref > functionCount) {
      throw new TrapException(TrapKind.INVALID_REFERENCE);
    }
    return functions[(int) ref - 1];
  }

  /** The reference id of host object {@code o} as an {@code externref} (0 for null). */
  public long externRef(Object o) {
    return externs.id(o);
  }

  /**
   * The host object behind {@code externref} id {@code ref}, or {@code null}; traps
   * {@code invalid reference} if there is none (see {@link #function}).
   */
  public Object extern(long ref) {
    return externs.object(ref);
  }

  /**
   * Tracks a table, global or instance of this store that may hold {@code externref}s, so that
   * the objects they refer to keep their ids ({@link ExternRefs}).
   */
  public void track(Object tableGlobalOrInstance) {
    if (tableGlobalOrInstance instanceof TableInstance) {
      externs.track((TableInstance) tableGlobalOrInstance);
    } else if (tableGlobalOrInstance instanceof GlobalInstance) {
      externs.track((GlobalInstance) tableGlobalOrInstance);
    } else {
      externs.track((InstanceState) tableGlobalOrInstance);
    }
  }

  /**
   * If no guest code of this store runs, lets it forget the {@code externref} ids nothing holds
   * (see {@link ExternRefs#collect}); call before the host hands it new objects.
   */
  public void collectExternsIfIdle() {
    if (owner == null) {
      externs.collect(null);
    }
  }
}
