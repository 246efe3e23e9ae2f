package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.HostType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.parser.ValType;

/**
 * {@code Config.maxCallDepth} holds on every executor, whatever the JIT has compiled yet and
 * whatever the calling thread's stack (from 512 KiB): generated code continues a deep recursion on
 * threads with big stacks ({@code DeepStacks}). Traps, exhaustion and host calls work across.
 */
class CallDepthTest {
  private static final List<ValType> I32 = List.of(ValType.I32);
  /** The smallest calling thread's stack with which the limit holds (the JVM's default is 1 MiB). */
  private static final long SMALL_STACK = 512 * 1024;

  /** {@code g(n) = n == 0 ? 0 : g(n - 1) + 1}: n + 1 nested calls. */
  private static final byte[] G = new ModuleBuilder().func("g", 1, 1,
      0x20, 0, 0x45, 0x04, 0x7F, 0x41, 0, 0x05, 0x20, 0, 0x41, 1, 0x6B, 0x10, 0, 0x41, 1, 0x6A, 0x0B)
      .build();

  private static Instance instantiate(Engine engine, Linker<Void> linker, byte[] wasm) {
    return linker.instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
  }

  /** Runs {@code body} on a new thread with a stack of {@code bytes}, rethrowing what it throws. */
  private static void onThread(long bytes, Runnable body) throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        body.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", bytes);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void theDefaultLimitHoldsColdAndWarmOnASmallStack(String executor) throws Throwable {
    onThread(SMALL_STACK, () -> {
      Engine engine = new Engine(Config.defaults().withExecutor(executor));
      int max = engine.config().maxCallDepth();
      assertEquals(20_000, max);
      TypedFunc g = instantiate(engine, new Linker<>(engine), G).getTypedFunc("g", I32, I32);
      assertEquals(max - 5, g.callI32(max - 5)); // cold: the JVM interprets the generated code
      assertThrows(ExhaustionException.class, () -> g.callI32(max)); // max + 1 calls
      for (int i = 0; i < 3000; i++) { // warm: compiled by the JIT
        assertEquals(300, g.callI32(300));
      }
      assertEquals(max - 1, g.callI32(max - 1));
      assertThrows(ExhaustionException.class, () -> g.callI32(max));
      assertEquals(7, g.callI32(7));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void aLargerLimitHoldsToo(String executor) throws Throwable {
    onThread(SMALL_STACK, () -> {
      Engine engine = new Engine(Config.defaults().withExecutor(executor).withMaxCallDepth(100_000));
      TypedFunc g = instantiate(engine, new Linker<>(engine), G).getTypedFunc("g", I32, I32);
      assertEquals(99_999, g.callI32(99_999)); // through several threads of ours
      assertThrows(ExhaustionException.class, () -> g.callI32(100_000));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void aTrapDeepDownUnwindsEveryThreadAndTheStoreStaysUsable(String executor) throws Throwable {
    // t(n) = n == 0 ? unreachable : t(n - 1)
    byte[] wasm = new ModuleBuilder().func("t", 1, 1,
        0x20, 0, 0x45, 0x04, 0x40, 0x00, 0x0B, 0x20, 0, 0x41, 1, 0x6B, 0x10, 0).withNames().build();
    onThread(SMALL_STACK, () -> {
      Engine engine = new Engine(Config.defaults().withExecutor(executor).withTieringThreshold(2));
      TypedFunc t = instantiate(engine, new Linker<>(engine), wasm).getTypedFunc("t", I32, I32);
      for (int i = 0; i < 3; i++) {
        TrapException trap = assertThrows(TrapException.class, () -> t.callI32(15_000));
        assertEquals("unreachable", trap.getMessage());
        assertEquals("t", trap.backtrace().get(0));
        assertTrue(trap.backtrace().size() + trap.omittedFrames() == 15_001,
            trap.backtrace().size() + " + " + trap.omittedFrames());
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void hostFunctionsCalledDeepDownCanCallBackIntoTheGuest(String executor) throws Throwable {
    // down(n) = n == 0 ? leaf(0) : down(n - 1); the host's leaf calls back seven() = 7
    byte[] wasm = new ModuleBuilder().importFunc("host", "leaf", 1, 1)
        .func("down", 1, 1, 0x20, 0, 0x45, 0x04, 0x7F, 0x41, 0, 0x10, 0, 0x05,
            0x20, 0, 0x41, 1, 0x6B, 0x10, 1, 0x0B)
        .func("seven", 0, 1, 0x41, 7)
        .build();
    onThread(SMALL_STACK, () -> {
      Engine engine = new Engine(Config.defaults().withExecutor(executor).withMaxCallDepth(12_000));
      Instance[] self = new Instance[1];
      Linker<Void> linker = new Linker<Void>(engine).funcWrap("host", "leaf", HostType.I32,
          HostType.I32, (caller, x) -> self[0].getFunc("seven").call()[0].i32() + x);
      self[0] = instantiate(engine, linker, wasm);
      TypedFunc down = self[0].getTypedFunc("down", I32, I32);
      assertEquals(7, down.callI32(11_000));
      // the host's call back is nested too: down's 12,000 frames leave it none
      assertThrows(ExhaustionException.class, () -> down.callI32(11_999));
      assertEquals(7, down.callI32(10));
    });
  }
}
