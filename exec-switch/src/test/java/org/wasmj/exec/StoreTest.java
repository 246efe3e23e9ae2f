package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;

/** A store is used by one thread at a time: a second thread calling in is refused, not let in. */
class StoreTest {
  @Test
  void aSecondThreadCallingIntoABusyStoreIsRefusedAndTheFirstCallFinishesRight() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WasmBuilder b = new WasmBuilder();
    int wait = b.importFunc("env", "wait", fn(NONE));
    b.exportFunc("run", b.func(fn(NONE, I32), new Code().call(wait).i32Const(42)));
    b.exportFunc("add", b.func(fn(of(I32, I32), I32),
        new Code().localGet(0).localGet(1).op(Opcode.I32_ADD)));
    Engine engine = new Engine();
    Store<Void> store = Store.of(engine);
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("env", "wait", HostType.VOID, c -> {
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    Instance instance = linker.instantiate(store, Module.compile(engine, b.build()));
    AtomicReference<Object> result = new AtomicReference<>();
    Thread first = new Thread(() -> {
      try {
        result.set(instance.getFunc("run").call()[0].i32());
      } catch (Throwable t) {
        result.set(t);
      }
    }, "first");
    first.start();
    assertTrue(inside.await(30, TimeUnit.SECONDS));
    // the first thread is inside the store's guest code: every way in is refused
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> instance.getFunc("add").call(Val.i32(1), Val.i32(2)));
    assertEquals("a Store is used by one thread at a time, but thread \""
        + Thread.currentThread().getName() + "\" called into it while thread \"first\" was running"
        + " its guest code", e.getMessage());
    TypedFunc add = instance.getTypedFunc("add", List.of(Wasm.I32, Wasm.I32), List.of(Wasm.I32));
    assertThrows(IllegalStateException.class, () -> add.callI32(1L, 2L));
    assertThrows(IllegalStateException.class,
        () -> linker.instantiate(store, Module.compile(engine, Wasm.adder())));
    release.countDown();
    first.join(30_000);
    assertEquals(42, result.get());
    // and once it is done, the store is anyone's
    assertEquals(3, instance.getFunc("add").call(Val.i32(1), Val.i32(2))[0].i32());
  }

  @Test
  @Timeout(120)
  void twoThreadsHammeringOneStoreGetRightResultsOrARefusalNeverAHangOrAWrongResult()
      throws Exception {
    Engine engine = new Engine(Config.defaults().withExecutor("switch"));
    Instance instance = Wasm.instantiate(engine, Wasm.example("fib.wasm"));
    Func fib = instance.getFunc("fib");
    AtomicInteger right = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<Object> wrong = new AtomicReference<>();
    Runnable hammer = () -> {
      for (int n = 0; n < 2000 && wrong.get() == null; n++) {
        try {
          int r = fib.call(Val.i32(15))[0].i32();
          if (r == 610) {
            right.incrementAndGet();
          } else {
            wrong.set(r);
          }
        } catch (IllegalStateException e) {
          refused.incrementAndGet();
        } catch (Throwable t) {
          wrong.set(t);
        }
      }
    };
    Thread a = new Thread(hammer, "a");
    Thread b = new Thread(hammer, "b");
    a.start();
    b.start();
    a.join();
    b.join();
    assertEquals(null, wrong.get());
    assertEquals(4000, right.get() + refused.get());
    assertEquals(610, fib.call(Val.i32(15))[0].i32(), "the store is intact");
  }
}
