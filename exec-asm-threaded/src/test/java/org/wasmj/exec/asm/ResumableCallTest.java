package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Memory;
import org.wasmj.exec.Module;
import org.wasmj.exec.ResumableCall;
import org.wasmj.exec.Store;
import org.wasmj.exec.Suspend;
import org.wasmj.exec.Val;
import org.wasmj.parser.ValType;

/**
 * Resumable calls ({@code Func.callResumable}) on every executor and compilation mode: a host
 * function suspends the guest and the host resumes it with the function's result, from any
 * thread, a thousand times in one call, through host-guest-host chains and deep recursions; fuel
 * running out suspends it until the host adds more, consuming the same fuel everywhere; a trap
 * after resuming ends the call; a call closed or dropped while suspended lets go of its store and
 * thread. The guests are {@code resumable.wat}'s.
 */
class ResumableCallTest {
  private static final byte[] GUEST = InterruptionTest.resource("resumable.wasm");

  /** Every executor, and the two compilation modes other than the default on two of them. */
  static Map<String, Config> configs() {
    Map<String, Config> configs = new LinkedHashMap<>(ExecutorConfigs.everyExecutor(Config.defaults()));
    configs.put("asm, eager", Config.defaults().withExecutor("asm").withCompilationMode(CompilationMode.EAGER));
    configs.put("switch, lazy", Config.defaults().withExecutor("switch").withCompilationMode(CompilationMode.LAZY));
    configs.put("tiered (threshold 2, no compiler thread), lazy",
        configs.get("tiered (threshold 2, no compiler thread)").withCompilationMode(CompilationMode.LAZY));
    return configs;
  }

  static Stream<String> configNames() {
    return configs().keySet().stream();
  }

  /** {@link #GUEST} in a new store of an engine of {@code config}, {@code next} suspending with its argument. */
  private static Instance instantiate(Config config) {
    return instantiate(new Store<>(new Engine(config), null));
  }

  /** {@link #GUEST} in {@code store}. */
  private static Instance instantiate(Store<Void> store) {
    Engine engine = store.engine();
    Instance[] self = new Instance[1];
    Linker<Void> linker = new Linker<Void>(engine)
        .funcWrap("host", "next", HostType.I32, HostType.I32, (caller, i) -> {
          throw new Suspend(i);
        })
        .funcWrap("host", "call", HostType.I32, HostType.I32,
            (caller, k) -> self[0].getFunc("inner").call(Val.i32(k))[0].i32());
    self[0] = linker.instantiate(store, Module.compile(engine, GUEST));
    return self[0];
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aThousandSuspensionsInOneCall(String config) {
    Instance i = instantiate(configs().get(config));
    ResumableCall call = i.getFunc("sumNext").callResumable(Val.i32(1000));
    long expected = 0;
    for (int k = 0; k < 1000; k++) {
      assertTrue(call.isSuspended(), "suspension " + k);
      assertFalse(call.isOutOfFuel());
      assertEquals(k, call.suspension().payload());
      assertEquals(i.getFunc("sumNext").type().params().length, call.hostFunction().type().params().length);
      assertThrows(IllegalStateException.class, call::results);
      assertSame(call, call.resume(Val.i32(3 * k + 1)));
      expected += 3 * k + 1;
    }
    assertTrue(call.isFinished());
    assertFalse(call.isSuspended());
    assertNull(call.suspension());
    assertEquals(expected, call.results()[0].i64());
    assertThrows(IllegalStateException.class, call::resume, "finished");
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32(), "the store goes on");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void resumesFromOtherThreads(String config) throws Exception {
    Instance i = instantiate(configs().get(config));
    ResumableCall call = i.getFunc("sumNext").callResumable(Val.i32(20));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int k = 0; k < 20; k++) {
        int value = k;
        assertEquals(k, pool.submit(() -> call.suspension().payload()).get());
        pool.submit(() -> call.resume(Val.i32(value * value))).get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(2470, call.results()[0].i64()); // 0² + ... + 19²
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aTypedFuncCallsResumably(String config) {
    Instance i = instantiate(configs().get(config));
    ResumableCall call = i.getTypedFunc("sumNext", List.of(ValType.I32), List.of(ValType.I64))
        .callResumable(2);
    assertEquals(5L, call.resume(Val.i32(2)).resume(Val.i32(3)).results()[0].i64());
    assertThrows(IllegalArgumentException.class,
        () -> i.getTypedFunc("sumNext", List.of(ValType.I32), List.of(ValType.I64)).callResumable());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aTrapAfterResumingEndsTheCall(String config) {
    Instance i = instantiate(configs().get(config));
    ResumableCall call = i.getFunc("divide").callResumable(Val.i32(12));
    assertEquals(12, call.suspension().payload());
    assertThrows(IllegalArgumentException.class, () -> call.resume(), "a result is due");
    assertThrows(IllegalArgumentException.class, () -> call.resume(Val.i64(1)), "an i32");
    assertTrue(call.isSuspended(), "still suspended after a bad resume");
    TrapException trap = assertThrows(TrapException.class, () -> call.resume(Val.i32(0)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.kind());
    assertFalse(call.isSuspended());
    assertFalse(call.isFinished());
    assertThrows(IllegalStateException.class, call::results);
    assertThrows(IllegalStateException.class, () -> call.resume(Val.i32(1)));
    call.close(); // nothing to do
    ResumableCall again = i.getFunc("divide").callResumable(Val.i32(12));
    assertEquals(4, again.resume(Val.i32(3)).results()[0].i32(), "the store goes on");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aNestedHostToGuestCallSuspendsTheWholeCall(String config) {
    Instance i = instantiate(configs().get(config));
    // outer -> host.call -> inner (Func.call, on the call's thread) -> next: suspends all of it
    ResumableCall call = i.getFunc("outer").callResumable(Val.i32(5));
    assertEquals(5, call.suspension().payload());
    // meanwhile the store runs no other guest code, and says why
    IllegalStateException busy = assertThrows(IllegalStateException.class,
        () -> i.getFunc("sum").call(Val.i32(3)));
    assertTrue(busy.getMessage().contains("resumable call"), busy.getMessage());
    assertThrows(IllegalStateException.class, () -> i.getFunc("sum").callResumable(Val.i32(3)));
    i.getMemory("memory").writeI32(0, 42); // memory is the host's to use
    assertEquals(2 * 7 + 1, call.resume(Val.i32(7)).results()[0].i32(), "(next * 2) + 1");
    assertEquals(42, i.getMemory("memory").readI32(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aDeepRecursionSuspendsAndResumes(String config) {
    Instance i = instantiate(configs().get(config));
    // on asm and tiered, calls below depth 500 run on another thread (DeepStacks): it parks there
    ResumableCall call = i.getFunc("deep").callResumable(Val.i32(3000));
    assertEquals(0, call.suspension().payload());
    assertEquals(3000 + 9, call.resume(Val.i32(9)).results()[0].i32());
    ResumableCall closed = i.getFunc("deep").callResumable(Val.i32(3000));
    closed.close();
    assertFalse(closed.isSuspended());
    assertEquals(55, i.getFunc("sum").call(Val.i32(10))[0].i32(), "closing let go of the store");
  }

  @Test
  void suspendingOutsideAResumableCallIsAHostTrap() {
    Instance i = instantiate(Config.defaults());
    TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("divide").call(Val.i32(1)));
    assertEquals(TrapKind.HOST, trap.kind());
    assertInstanceOf(Suspend.class, trap.getCause());
    assertEquals(5, i.getFunc("sum").call(Val.i32(2))[0].i32() + 2);
  }

  @Test
  void aResumableCallStartsOnlyFromTheHost() {
    Engine engine = new Engine();
    Store<Void> store = Store.of(engine);
    AtomicReference<Throwable> inner = new AtomicReference<>();
    Instance[] self = new Instance[1];
    Linker<Void> linker = new Linker<Void>(engine)
        .funcWrap("host", "next", HostType.I32, HostType.I32, (caller, k) -> k)
        .funcWrap("host", "call", HostType.I32, HostType.I32, (caller, k) -> {
          try {
            self[0].getFunc("inner").callResumable(Val.i32(k));
          } catch (IllegalStateException e) {
            inner.set(e);
          }
          return 0;
        });
    self[0] = linker.instantiate(store, Module.compile(engine, GUEST));
    assertEquals(1, self[0].getFunc("outer").call(Val.i32(1))[0].i32());
    assertTrue(inner.get().getMessage().contains("from the host"), inner.get().getMessage());
  }

  @Test
  void aCallRunsOnAThreadOfItsOwnVirtualFromJdk21() throws Exception {
    Engine engine = new Engine();
    AtomicReference<Thread> ran = new AtomicReference<>();
    Instance i = new Linker<Void>(engine)
        .funcWrap("host", "next", HostType.I32, HostType.I32, (caller, k) -> {
          ran.set(Thread.currentThread());
          return k;
        })
        .funcWrap("host", "call", HostType.I32, HostType.I32, (caller, k) -> k)
        .instantiate(Store.of(engine), Module.compile(engine, GUEST));
    ResumableCall call = i.getFunc("divide").callResumable(Val.i32(6));
    assertTrue(call.isFinished(), "it never suspended");
    assertEquals(1, call.results()[0].i32());
    Thread t = ran.get();
    assertFalse(t == Thread.currentThread());
    assertTrue(t.getName().startsWith("wasmj-resumable-"), t.getName());
    if (Runtime.version().feature() >= 21 && !Boolean.getBoolean("wasmj.resumable.platformThreads")) {
      assertTrue((boolean) Thread.class.getMethod("isVirtual").invoke(t), "a virtual thread");
    }
  }

  /** Fuel: one config's suspensions for fuel (fuel left, fuel required), and the fuel left at the end. */
  private static List<Long> runOnSlices(Config config) {
    Store<Void> store = new Store<>(new Engine(config.withFuel(true)), null);
    Instance i = instantiate(store);
    List<Long> record = new ArrayList<>();
    store.setFuel(700);
    ResumableCall call = i.getFunc("sum").callResumable(Val.i32(1000));
    while (call.isSuspended()) {
      assertTrue(call.isOutOfFuel());
      assertNull(call.hostFunction());
      assertTrue(call.requiredFuel() > store.fuel(), "required " + call.requiredFuel());
      record.add(store.fuel());
      record.add(call.requiredFuel());
      assertThrows(IllegalArgumentException.class, () -> call.resume(Val.i32(1)), "no values");
      store.setFuel(store.fuel() + 700);
      call.resume();
    }
    assertEquals(500500, call.results()[0].i32());
    record.add(store.fuel());
    record.add(700L * (record.size() / 2 + 1) - store.fuel()); // consumed in all
    return record;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void runningOutOfFuelSuspendsUntilTheHostAddsSome(String config) {
    List<Long> reference = runOnSlices(Config.defaults().withExecutor("switch"));
    assertTrue(reference.size() > 10, "suspended " + reference.size() / 2 + " times");
    assertEquals(reference, runOnSlices(configs().get(config)), "the same fuel at the same points");
    // what the call consumed in all is what a call that never ran out consumes
    Store<Void> store = new Store<>(new Engine(configs().get(config).withFuel(true)), null);
    Instance i = instantiate(store);
    store.setFuel(1L << 40);
    i.getFunc("sum").call(Val.i32(1000));
    assertEquals((1L << 40) - store.fuel(), reference.get(reference.size() - 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void memoriesCannotGrowWhileTheCallWaitsForFuel(String config) {
    Store<Void> store = new Store<>(new Engine(configs().get(config).withFuel(true)), null);
    Instance i = instantiate(store);
    Memory memory = i.getMemory("memory");
    store.setFuel(100);
    ResumableCall call = i.getFunc("storeAfterLoop").callResumable(Val.i32(1000), Val.i32(65536));
    assertTrue(call.isOutOfFuel());
    // the suspended code may hold on to the memory's bytes: growing is refused, not lost
    assertThrows(IllegalStateException.class, () -> memory.grow(1));
    store.setFuel(1L << 20);
    TrapException trap = assertThrows(TrapException.class, call::resume);
    assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind(), "65536 is past the one page");
    assertEquals(1, memory.grow(1)); // once the call is over
    assertEquals(42, i.getFunc("storeAfterLoop").call(Val.i32(10), Val.i32(65536))[0].i32());
  }

  /** Starts a call that suspends and drops it; returns what must become unreachable, and its thread. */
  private static Object[] dropSuspended(Config config) {
    Store<Void> store = new Store<>(new Engine(config), null);
    Instance i = instantiate(store);
    AtomicReference<Thread> thread = new AtomicReference<>();
    ResumableCall call = i.getFunc("deep").callResumable(Val.i32(10));
    assertTrue(call.isSuspended());
    // the call's thread: the one whose stack holds the parked call
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("wasmj-resumable") && parked(t)) {
        thread.set(t);
      }
    }
    return new Object[] {new WeakReference<>(call), new WeakReference<>(store),
        new WeakReference<>(i), thread.get()};
  }

  private static boolean parked(Thread t) {
    return Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().endsWith(".Resumption")
        && e.getMethodName().equals("suspend"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configNames")
  void aDroppedSuspendedCallLeaksNothing(String config) throws Exception {
    Object[] dropped = dropSuspended(configs().get(config));
    long deadline = System.nanoTime() + 20_000_000_000L;
    boolean gone = false;
    while (!gone && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
      gone = true;
      for (int k = 0; k < 3; k++) {
        gone &= ((WeakReference<?>) dropped[k]).get() == null;
      }
    }
    assertTrue(gone, "the call, its store and instance are collected");
    Thread thread = (Thread) dropped[3];
    if (thread != null) { // virtual threads are not listed by getAllStackTraces
      thread.join(100);
      assertFalse(thread.isAlive() && parked(thread), "the call's thread no longer holds it");
    }
  }

  @Test
  void anEpochDeadlinePassedWhileSuspendedStopsTheGuestAfterResuming() {
    for (Map.Entry<String, Config> c : ExecutorConfigs.everyExecutor(
        Config.defaults().withEpochInterruption(true)).entrySet()) {
      Store<Void> store = new Store<>(new Engine(c.getValue()), null);
      Instance i = instantiate(store);
      store.setEpochDeadline(1);
      ResumableCall call = i.getFunc("sumNext").callResumable(Val.i32(3));
      store.engine().incrementEpoch();
      TrapException trap = assertThrows(TrapException.class, () -> call.resume(Val.i32(1)), c.getKey());
      assertEquals(TrapKind.INTERRUPT, trap.kind());
      store.setEpochDeadline(1);
      ResumableCall again = i.getFunc("sumNext").callResumable(Val.i32(2));
      store.engine().incrementEpoch();
      store.setEpochDeadline(1); // a new deadline, set while suspended
      assertEquals(3, again.resume(Val.i32(1)).resume(Val.i32(2)).results()[0].i64(), c.getKey());
    }
  }

  @Test
  void anInterruptOfTheWaitingThreadStopsTheGuest() throws Exception {
    for (Map.Entry<String, Config> c : ExecutorConfigs.everyExecutor(
        Config.defaults().withEpochInterruption(true)).entrySet()) {
      Instance i = instantiate(c.getValue());
      Thread host = Thread.currentThread();
      Thread interrupter = new Thread(() -> {
        InterruptionTest.sleep(100);
        host.interrupt();
      });
      interrupter.start();
      TrapException trap = assertThrows(TrapException.class, () -> i.getFunc("spin").callResumable(), c.getKey());
      interrupter.join();
      assertEquals(TrapKind.INTERRUPT, trap.kind());
      assertFalse(Thread.interrupted(), "the interrupt was used up by the trap");
      assertEquals(3, i.getFunc("sum").call(Val.i32(2))[0].i32());
    }
  }
}
