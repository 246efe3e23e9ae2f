package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * A host stops a guest, on every executor, by an epoch deadline or by interrupting its thread:
 * in an endless loop (in compiled code entered at a loop header too, under tiering), in an
 * endless recursion through {@code call_indirect} (deeper than a thread's own stack holds), in a
 * loop inside a host-guest-host-guest chain, and in a long {@code memory.fill}; each within
 * 100 ms of the deadline ({@link GuestTime}: of the guest's own time). The store goes on afterwards.
 */
class InterruptionTest {
  /** The guests (see {@code control.wat}). */
  static final byte[] CONTROL = resource("control.wasm");
  /** How long a guest runs before the host stops it. */
  private static final long RUN_MS = 300;
  /** How soon after its deadline a guest must have stopped, in {@link GuestTime}. */
  private static final long WITHIN_MS = 100;

  /**
   * How long a guest ran after a stop was requested: the CPU time of the threads that run its
   * call (the caller's, and {@code DeepStacks}' threads, which run calls nested deeper than the
   * caller's stack holds) between the request and the trap, not the wall-clock time between
   * them. Wall-clock time also counts the time those threads waited for a processor or for each
   * other: with ten threads spinning beside this class's tests (load ~14 on two cores), 8 of its
   * 52 stops came 102-376 ms after the request by the clock, while the guest's threads had run
   * 0-12 ms (at load ~9: 37 ms at most by the clock, 5 ms run). A guest whose checks come late
   * keeps running on its threads, and that is what this counts (a tenth of a second of a spin
   * loop is tens of millions of passes); the wall-clock time is in the failure message.
   */
  static final class GuestTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GuestTime() {}

    /**
     * The CPU time so far (nanoseconds) of the threads that run guest calls made on {@code
     * caller}, by thread id; or the wall-clock time (id -1) where the JVM measures no thread's.
     */
    static Map<Long, Long> sample(Thread caller) {
      Map<Long, Long> cpu = new HashMap<>();
      if (!THREADS.isThreadCpuTimeSupported()) {
        cpu.put(-1L, System.nanoTime());
        return cpu;
      }
      cpu.put(caller.getId(), THREADS.getThreadCpuTime(caller.getId()));
      for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
        if (t != null && t.getThreadName().startsWith("wasmj-deep-stack-")) {
          cpu.put(t.getThreadId(), THREADS.getThreadCpuTime(t.getThreadId()));
        }
      }
      return cpu;
    }

    /** Milliseconds of guest time from {@code since} to {@code until} (threads born since count whole). */
    static long millis(Map<Long, Long> since, Map<Long, Long> until) {
      long nanos = 0;
      for (Map.Entry<Long, Long> e : until.entrySet()) {
        if (e.getValue() >= 0) {
          nanos += e.getValue() - Math.max(0, since.getOrDefault(e.getKey(), 0L));
        }
      }
      return nanos / 1_000_000;
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = InterruptionTest.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every executor, with interruption checks; tiered both with background compilation and without. */
  static Map<String, Config> configs() {
    return ExecutorConfigs.everyExecutor(Config.defaults().withEpochInterruption(true));
  }

  /** A guest to stop: its export, its argument (or none), and whether it needs 128 MiB of memory. */
  enum Guest {
    LOOP("spin", null),
    RECURSION("tree", 1500),
    CHAIN("level", 0),
    FILL("fillForever", null);

    final String export;
    final Integer arg;

    Guest(String export, Integer arg) {
      this.export = export;
      this.arg = arg;
    }
  }

  static Stream<Arguments> cases() {
    return configs().keySet().stream()
        .flatMap(c -> Stream.of(Guest.values()).map(g -> Arguments.of(c, g)));
  }

  /** The last store {@link #instantiate} made (tests run one at a time on this class). */
  private static Store<Void> lastStore;

  /**
   * An instance of {@link #CONTROL} in a new store; {@code host.call(k)} calls {@code level(k)},
   * {@code host.trigger()} runs {@code trigger}.
   */
  static Instance instantiate(Engine engine, Runnable trigger) {
    Store<Void> store = new Store<>(engine, null);
    lastStore = store;
    Module module = Module.compile(engine, CONTROL);
    Instance[] self = new Instance[1];
    Linker<Void> linker = new Linker<Void>(engine)
        .funcWrap("host", "call", HostType.I32, HostType.I32,
            (caller, k) -> self[0].getFunc("level").call(Val.i32(k))[0].i32())
        .funcWrap("host", "trigger", HostType.VOID, caller -> {
          trigger.run();
          return null;
        });
    self[0] = linker.instantiate(store, module);
    return self[0];
  }

  /** The store of the last {@link #instantiate}. */
  static Store<Void> lastStore() {
    return lastStore;
  }

  private static Val[] args(Guest g) {
    return g.arg == null ? new Val[0] : new Val[] {Val.i32(g.arg)};
  }

  private static void prepare(Instance i, Guest g) {
    if (g == Guest.FILL) {
      assertEquals(0, i.getMemory("memory").grow(2048)); // 128 MiB
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void anEpochDeadlineStopsTheGuest(String config, Guest guest) throws Exception {
    Engine engine = new Engine(configs().get(config));
    Instance i = instantiate(engine, () -> {});
    prepare(i, guest);
    Store<Void> store = lastStore;
    store.setEpochDeadline(1);
    AtomicReference<Map<Long, Long>> deadline = new AtomicReference<>();
    AtomicLong deadlineWall = new AtomicLong();
    Thread caller = Thread.currentThread();
    Thread timer = new Thread(() -> {
      sleep(RUN_MS);
      deadlineWall.set(System.nanoTime());
      deadline.set(GuestTime.sample(caller));
      engine.incrementEpoch();
    });
    timer.start();
    TrapException trap = assertThrows(TrapException.class, () -> i.getFunc(guest.export).call(args(guest)));
    long stoppedAfter = GuestTime.millis(deadline.get(), GuestTime.sample(caller));
    long wallAfter = (System.nanoTime() - deadlineWall.get()) / 1_000_000;
    timer.join();
    assertEquals(TrapKind.INTERRUPT, trap.kind());
    assertEquals("interrupt", trap.getMessage());
    assertTrue(stoppedAfter <= WITHIN_MS, config + " " + guest + " ran " + stoppedAfter
        + " ms after its deadline (wall-clock " + wallAfter + " ms)");
    assertThrows(TrapException.class, () -> i.getFunc("sum").call(Val.i32(10)), "the deadline stays passed");
    store.setEpochDeadline(1_000);
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32(), "the store goes on");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void interruptingTheThreadStopsTheGuest(String config, Guest guest) throws Exception {
    Engine engine = new Engine(configs().get(config));
    Instance i = instantiate(engine, () -> {});
    prepare(i, guest);
    Running running = new Running(i, guest);
    sleep(RUN_MS);
    running.requested();
    running.thread.interrupt();
    running.assertStoppedWithin(config + " " + guest, " the interrupt");
    assertFalse(running.stillInterrupted.get(), "the interrupt is used up by the trap");
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32(), "the store goes on, on another thread");
  }

  /**
   * While no stop was requested lately, generated code skips its checks (C2 compiles them away,
   * {@code StoreState.noStopSite}); a request then deoptimizes it: a guest that ran compiled in
   * that state for a while is stopped as soon by a deadline or an interrupt.
   */
  @ParameterizedTest(name = "{0}: {1}, by interrupt {2}")
  @MethodSource("quietCases")
  void aGuestCompiledWhileNoStopWasDueIsStoppedAsSoon(String config, Guest guest,
      boolean byInterrupt) throws Exception {
    Engine engine = new Engine(configs().get(config));
    Instance i = instantiate(engine, () -> {});
    Store<Void> store = lastStore;
    store.setEpochDeadline(1);
    Running running = new Running(i, guest);
    long quietSince = 0;
    for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; sleep(10)) {
      if (!noStopRequested()) {
        quietSince = 0;
      } else if (quietSince == 0) {
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > RUN_MS * 1_000_000) {
        break; // ran quiet long enough to be compiled without checks
      }
    }
    assertTrue(quietSince != 0, "requests came for 10 s");
    running.requested();
    if (byInterrupt) {
      running.thread.interrupt();
    } else {
      engine.incrementEpoch();
    }
    running.assertStoppedWithin(config + " " + guest, "");
  }

  /** A call of {@code guest}'s export on a thread of its own (started), and how it ended. */
  private static final class Running {
    final Thread thread;
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final AtomicReference<Map<Long, Long>> stopped = new AtomicReference<>();
    final AtomicLong stoppedWall = new AtomicLong();
    final AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    private Map<Long, Long> requested;
    private long requestedWall;

    Running(Instance i, Guest guest) {
      thread = new Thread(() -> {
        try {
          i.getFunc(guest.export).call(args(guest));
        } catch (Throwable e) {
          stopped.set(GuestTime.sample(Thread.currentThread()));
          stoppedWall.set(System.nanoTime());
          thrown.set(e);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      thread.start();
    }

    /** Marks the moment a stop is requested (just before the request). */
    void requested() {
      requestedWall = System.nanoTime();
      requested = GuestTime.sample(thread);
    }

    /**
     * Waits for the call to end: it must have trapped {@code interrupt} {@code WITHIN_MS} after
     * {@link #requested} at most.
     */
    void assertStoppedWithin(String what, String after) throws InterruptedException {
      thread.join(10_000);
      assertFalse(thread.isAlive(), what + " was not stopped");
      long stoppedAfter = GuestTime.millis(requested, stopped.get());
      long wallAfter = (stoppedWall.get() - requestedWall) / 1_000_000;
      assertTrue(thrown.get() instanceof TrapException, String.valueOf(thrown.get()));
      assertEquals(TrapKind.INTERRUPT, ((TrapException) thrown.get()).kind());
      assertTrue(stoppedAfter <= WITHIN_MS, what + " ran " + stoppedAfter + " ms after" + after
          + " (wall-clock " + wallAfter + " ms)");
    }
  }

  static Stream<Arguments> quietCases() {
    return Stream.of("asm", "tiered").flatMap(c -> Stream.of(
        Arguments.of(c, Guest.LOOP, false), Arguments.of(c, Guest.LOOP, true),
        Arguments.of(c, Guest.RECURSION, false)));
  }

  /** {@code StoreState.noStopSite}'s target now. */
  private static boolean noStopRequested() {
    try {
      return (boolean) org.wasmj.exec.internal.StoreState.noStopSite().getTarget().invoke();
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aLongMemoryFillChecksAsItGoes(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance i = instantiate(engine, () -> Thread.currentThread().interrupt());
    assertEquals(0, i.getMemory("memory").grow(512)); // 32 MiB: 32 chunks
    TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("triggerThenFill").call());
    assertEquals(TrapKind.INTERRUPT, trap.kind());
    assertEquals(0, i.getMemory("memory").readByte((32L << 20) - 1), "it stopped before the end");
  }

  static Stream<String> configNames() {
    return configs().keySet().stream();
  }

  /**
   * A host function that interrupts its own thread, or moves the epoch to the deadline: the guest
   * stops at the next check, the entry of the function it calls next, on every executor (generated
   * code, which tests only the store's stop request there, must see both at once).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void whatAHostFunctionDoesIsSeenAtTheNextEntry(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance interrupting = instantiate(engine, () -> Thread.currentThread().interrupt());
    try {
      TrapException trap = assertThrows(TrapException.class,
          () -> interrupting.getFunc("triggerThenCall").call());
      assertEquals(TrapKind.INTERRUPT, trap.kind());
      assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is used up by the trap");
    } finally {
      Thread.interrupted();
    }
    Instance ticking = instantiate(engine, engine::incrementEpoch);
    lastStore().setEpochDeadline(1);
    assertEquals(TrapKind.INTERRUPT, assertThrows(TrapException.class,
        () -> ticking.getFunc("triggerThenCall").call()).kind());
    lastStore().setEpochDeadline(2);
    assertEquals(1, ticking.getFunc("triggerThenCall").call()[0].i32(), "one tick: the deadline 2 ticks on");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aDeadlineCallbackExtendsTheDeadlineOrStops(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance i = instantiate(engine, () -> {});
    Store<Void> store = lastStore;
    AtomicInteger asked = new AtomicInteger();
    store.setEpochDeadline(0);
    store.setEpochDeadlineCallback(s -> asked.incrementAndGet() < 3 ? 0 : -1);
    TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("sum").call(Val.i32(10)));
    assertEquals(TrapKind.INTERRUPT, trap.kind());
    assertEquals(3, asked.get(), "extended twice, stopped the third time");
    store.setEpochDeadlineCallback(s -> {
      throw new IllegalStateException("no more");
    });
    TrapException host = assertThrows(TrapException.class, () -> i.getFunc("sum").call(Val.i32(10)));
    assertEquals(TrapKind.HOST, host.kind());
    store.setEpochDeadlineCallback(null);
    store.setEpochDeadline(5);
    for (int n = 0; n < 4; n++) {
      engine.incrementEpoch();
    }
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32(), "4 of 5 ticks");
    engine.incrementEpoch();
    assertThrows(TrapException.class, () -> i.getFunc("sum").call(Val.i32(10)));
  }

  /**
   * A deadline callback may call into its own store: {@code sum(3)} from every check of a running
   * {@code sum(10)} (one level deep: the inner call's checks return at once). The inner frame
   * goes above the outer one's registers, which the outer loop still reads afterwards.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aDeadlineCallbackCallingIntoItsStoreLeavesTheRunningFrameAlone(String config) {
    Engine engine = new Engine(configs().get(config));
    Instance i = instantiate(engine, () -> {});
    Store<Void> store = lastStore;
    AtomicInteger inner = new AtomicInteger();
    AtomicInteger asked = new AtomicInteger();
    boolean[] inside = {false};
    store.setEpochDeadline(0);
    store.setEpochDeadlineCallback(s -> {
      if (asked.incrementAndGet() > 1_000) {
        return -1; // a clobbered counter would loop forever: stop it
      }
      if (!inside[0]) {
        inside[0] = true;
        try {
          inner.addAndGet(i.getFunc("sum").call(Val.i32(3))[0].i32());
        } finally {
          inside[0] = false;
        }
      }
      return 0; // still due: every check asks
    });
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32());
    assertTrue(inner.get() >= 6 * 10, "the callback ran sum(3) at each check: " + inner.get());
  }

  /**
   * A deadline callback that grows memory at its {@code k}-th call (the call's entry, then each
   * loop header's check: {@code storeNested}'s outer loop starts at the function's entry) while
   * every check asks it: the stores after it go to the grown memory, past the old end, as the
   * reference's do; grown after the first store past the old end, that store traps out of
   * bounds, as the reference's does. From the old end, the outer header's first check (k = 2)
   * grows it right before a store there; from a step before it, the inner header's checks (k = 3
   * to 17) and the outer header's second (k = 18) do.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void memoryADeadlineCallbackGrowsIsWhereTheLoopsStoreNext(String config) {
    int[][] cases = {{65_536, 1}, {65_536, 2}, {65_536, 3}, {65_472, 3}, {65_472, 10},
        {65_472, 18}, {65_472, 19}}; // from, k
    for (int[] c : cases) {
      String[] outcome = new String[2];
      byte[][] memory = new byte[2][];
      for (int run = 0; run < 2; run++) {
        Instance i = instantiate(new Engine(configs().get(run == 0 ? "switch" : config)), () -> {});
        Store<Void> store = lastStore;
        assertEquals(0, i.getFunc("grow").call(Val.i32(1))[0].i32());
        AtomicInteger asked = new AtomicInteger();
        store.setEpochDeadline(0);
        store.setEpochDeadlineCallback(s -> {
          if (asked.incrementAndGet() == c[1]) {
            i.getMemory("memory").grow(1);
          }
          return 0; // still due: every check asks
        });
        try {
          outcome[run] = "returned "
              + i.getFunc("storeNested").call(Val.i32(c[0]), Val.i32(2 * 65_536))[0].i32();
        } catch (TrapException e) {
          outcome[run] = e.getMessage();
        }
        memory[run] = i.getMemory("memory").read(0, i.getMemory("memory").size() * 65_536);
      }
      String where = config + ", from " + c[0] + ", grown at the callback's call " + c[1];
      assertEquals(outcome[0], outcome[1], where);
      assertArrayEquals(memory[0], memory[1], where + ": memory");
      boolean inTime = c[1] <= (c[0] == 65_536 ? 2 : 18);
      assertEquals(inTime, outcome[1].equals("returned " + 2 * 65_536), where + ": " + outcome[1]);
    }
  }

  @Test
  void withoutADeadlineNothingStopsAndWithoutTheConfigThereIsNoDeadline() {
    Engine engine = new Engine(Config.defaults().withEpochInterruption(true));
    Instance i = instantiate(engine, () -> {});
    for (int n = 0; n < 100; n++) {
      engine.incrementEpoch();
    }
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32());
    Store<Void> plain = Store.of(new Engine());
    assertThrows(IllegalStateException.class, () -> plain.setEpochDeadline(1));
    assertThrows(IllegalStateException.class, () -> plain.setEpochDeadlineCallback(s -> 1));
    assertThrows(IllegalArgumentException.class, () -> lastStore.setEpochDeadline(-1));
  }

  @Test
  void anInterruptedHostThreadWithoutInterruptionKeepsItsInterrupt() throws Exception {
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    Instance i = instantiate(engine, () -> {});
    AtomicReference<Boolean> kept = new AtomicReference<>();
    Thread t = new Thread(() -> {
      Thread.currentThread().interrupt();
      assertEquals(1 << 10, i.getFunc("tree").call(Val.i32(10))[0].i32());
      kept.set(Thread.currentThread().isInterrupted());
    });
    t.start();
    t.join();
    assertNotNull(kept.get());
    assertTrue(kept.get(), "no check point consumed it");
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
