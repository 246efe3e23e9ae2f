package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmj.InvalidModuleException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.parser.Opcode;

/** The three compilation modes give the same results; the lazy ones defer work safely. */
class CompilationModeTest {
  /** Results of the examples and of a module with calls, loops and a table, in {@code mode}. */
  private static List<Object> results(CompilationMode mode) {
    Engine engine = Wasm.engine(mode);
    List<Object> out = new ArrayList<>();
    out.add(Wasm.instantiate(engine, Wasm.example("fib.wasm")).getFunc("fib").call(Val.i32(20))[0]);
    out.add(Wasm.instantiate(engine, Wasm.example("loop.wasm")).getFunc("sum").call(Val.i32(1000))[0]);
    out.add(Wasm.instantiate(engine, Wasm.example("sieve.wasm")).getFunc("count_primes")
        .call(Val.i32(100_000))[0]);
    Instance many = Wasm.instantiate(engine, manyFunctions(16));
    for (int k = 0; k < 16; k++) {
      out.add(many.getFunc("f" + k).call(Val.i64(3))[0]);
    }
    out.add(many.getFunc("sumAll").call(Val.i64(3))[0]);
    return out;
  }

  /**
   * {@code n} functions {@code fk(x: i64) -> i64} computing {@code ((x * (k + 1)) + k) ^ k}
   * through a chain of locals, and {@code sumAll(x)} calling each through a table.
   */
  static byte[] manyFunctions(int n) {
    WasmBuilder b = new WasmBuilder();
    int type = b.typeIndex(fn(of(I64), I64));
    int[] fs = new int[n];
    for (int k = 0; k < n; k++) {
      Code c = new Code().localGet(0).i64Const(k + 1).op(Opcode.I64_MUL).localSet(1);
      for (int r = 0; r < 20; r++) { // some bulk, so translation takes a while
        c.localGet(1).i64Const(r).op(Opcode.I64_ADD).i64Const(r).op(Opcode.I64_SUB).localSet(1);
      }
      c.localGet(1).i64Const(k).op(Opcode.I64_ADD).i64Const(k).op(Opcode.I64_XOR);
      fs[k] = b.func(fn(of(I64), I64), of(I64), c);
      b.exportFunc("f" + k, fs[k]);
    }
    b.table(Wasm.FUNCREF, n, n);
    b.elem(0, fs);
    Code sum = new Code().i64Const(0).localSet(1).i32Const(0).localSet(2)
        .block(null).loop(null)
        .localGet(2).i32Const(n).op(Opcode.I32_GE_U).brIf(1)
        .localGet(1).localGet(0).localGet(2).callIndirect(type, 0).op(Opcode.I64_ADD).localSet(1)
        .localGet(2).i32Const(1).op(Opcode.I32_ADD).localSet(2)
        .br(0).end().end()
        .localGet(1);
    b.exportFunc("sumAll", b.func(fn(of(I64), I64), of(I64, I32), sum));
    return b.build();
  }

  static long expected(int k, long x) {
    return ((x * (k + 1)) + k) ^ k;
  }

  @Test
  void everyModeGivesTheSameResults() {
    List<Object> eager = results(CompilationMode.EAGER);
    assertEquals(Val.i32(6765), eager.get(0));
    assertEquals(Val.i64(2001), eager.get(1));
    assertEquals(Val.i32(9592), eager.get(2));
    long sum = 0;
    for (int k = 0; k < 16; k++) {
      assertEquals(Val.i64(expected(k, 3)), eager.get(3 + k));
      sum += expected(k, 3);
    }
    assertEquals(Val.i64(sum), eager.get(19));
    assertEquals(eager, results(CompilationMode.LAZY_TRANSLATION));
    assertEquals(eager, results(CompilationMode.LAZY));
  }

  @Test
  void lazyModeCompilesAndInstantiatesAnInvalidBodyButItsCallsFail() {
    Engine engine = Wasm.engine(CompilationMode.LAZY);
    Module m = Module.compile(engine, Wasm.invalidBody());
    Instance i = new Linker<Void>(engine).instantiate(Store.of(engine), m);
    for (int n = 0; n < 3; n++) { // every call, not only the first
      InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> i.getFunc("bad").call());
      assertEquals("type mismatch", e.getMessage());
      assertThrows(InvalidModuleException.class, () -> i.getFunc("callsBad").call(), "from the guest");
      assertEquals(7, i.getFunc("good").call()[0].i32(), "the store stays usable");
    }
    // another instance of the module in another store sees the same
    Instance j = new Linker<Void>(engine).instantiate(Store.of(engine), m);
    assertThrows(InvalidModuleException.class, () -> j.getFunc("bad").call());
    assertThrows(InvalidModuleException.class,
        () -> j.getTypedFunc("callsBad", List.of(), List.of(I32)).callI32());
  }

  @Test
  void theOtherModesRejectAnInvalidBodyWhenCompiling() {
    for (CompilationMode mode : List.of(CompilationMode.EAGER, CompilationMode.LAZY_TRANSLATION)) {
      assertThrows(InvalidModuleException.class, () -> Module.compile(Wasm.engine(mode), Wasm.invalidBody()));
    }
  }

  @Test
  void anInvalidStartFunctionInLazyModeFailsTheInstantiation() {
    WasmBuilder b = new WasmBuilder();
    b.start(b.func(fn(NONE), new Code().i32Const(1)));
    Engine engine = Wasm.engine(CompilationMode.LAZY);
    Module m = Module.compile(engine, b.build());
    assertThrows(InvalidModuleException.class, () -> new Linker<Void>(engine).instantiate(Store.of(engine), m));
  }

  @Test
  void aFunctionNeverCalledIsNeverTranslatedInTheLazyModes() {
    for (CompilationMode mode : List.of(CompilationMode.LAZY, CompilationMode.LAZY_TRANSLATION)) {
      Engine engine = Wasm.engine(mode);
      Module m = Module.compile(engine, manyFunctions(4));
      Instance i = new Linker<Void>(engine).instantiate(Store.of(engine), m);
      i.getFunc("f2").call(Val.i64(1));
      assertTrue(m.code().isTranslated(2), mode.toString());
      assertTrue(!m.code().isTranslated(0) && !m.code().isTranslated(1) && !m.code().isTranslated(3),
          mode.toString());
    }
    Module eager = Module.compile(Wasm.engine(CompilationMode.EAGER), manyFunctions(4));
    for (int k = 0; k < 5; k++) {
      assertTrue(eager.code().isTranslated(k));
    }
  }

  /**
   * Many threads, each with its own store, call the same functions of one shared module at the
   * same moment (a barrier per function): every result is right, and every store runs the one
   * translation of each function. The public API cannot see how often a function was translated,
   * so this looks through package-private doors ({@code Func.instance()}, {@code Module.code()}):
   * two translations would have been two distinct {@link CompiledFunction} objects.
   */
  @ParameterizedTest
  @EnumSource(value = CompilationMode.class, names = {"LAZY", "LAZY_TRANSLATION"})
  void lazyTranslationIsThreadSafe(CompilationMode mode) throws Exception {
    int functions = 48;
    int threads = 8;
    Engine engine = Wasm.engine(mode);
    Module module = Module.compile(engine, manyFunctions(functions));
    CyclicBarrier barrier = new CyclicBarrier(threads);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CompiledFunction[][] seen = new CompiledFunction[threads][functions];
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread thread = new Thread(() -> {
        try {
          Instance instance = new Linker<Void>(engine).instantiate(Store.of(engine), module);
          List<Integer> order = new ArrayList<>();
          for (int k = 0; k < functions; k++) {
            order.add(k);
          }
          Collections.shuffle(order, new Random(42)); // the same order: all threads meet on one function
          for (int k : order) {
            Func f = instance.getFunc("f" + k);
            barrier.await();
            for (long x = -2; x <= 2; x++) {
              long got = f.call(Val.i64(x))[0].i64();
              if (got != expected(k, x)) {
                throw new AssertionError("thread " + id + ": f" + k + "(" + x + ") = " + got);
              }
            }
            seen[id][k] = ((WasmFunction) f.instance()).compiled;
          }
          long sum = 0;
          for (int k = 0; k < functions; k++) {
            sum += expected(k, 5);
          }
          assertEquals(sum, instance.getFunc("sumAll").call(Val.i64(5))[0].i64());
        } catch (Throwable e) {
          failures.add(e);
          barrier.reset();
        }
      });
      thread.start();
      all.add(thread);
    }
    for (Thread t : all) {
      t.join(60_000);
    }
    assertTrue(failures.isEmpty(), failures.toString());
    for (int k = 0; k < functions; k++) {
      CompiledFunction once = module.code().compiled(k);
      for (int t = 0; t < threads; t++) {
        assertSame(once, seen[t][k], "thread " + t + ", function " + k);
      }
    }
  }

  /**
   * With interruption checks or fuel the interpreter runs its own copy of a function's code
   * (back-edges to a loop's check or charge rewritten as negative targets: {@code ~header} to a
   * check alone, {@code ~(header + 2^30)} to a header that charges fuel); the function's {@code
   * ir()}, what other executors and tools read, stays the module's IR.
   */
  @ParameterizedTest
  @CsvSource({"true, false", "true, true", "false, true"})
  void theInterpretersCopyIsNotTheFunctionsIr(boolean epochs, boolean fuel) {
    Engine engine = new Engine(Config.defaults().withExecutor("switch")
        .withEpochInterruption(epochs).withFuel(fuel));
    Module module = Module.compile(engine, Wasm.example("loop.wasm"));
    Store<Void> store = Store.of(engine);
    if (epochs) {
      store.setEpochDeadline(1_000);
    }
    if (fuel) {
      store.setFuel(1_000_000);
    }
    Instance instance = new Linker<Void>(engine).instantiate(store, module);
    Func sum = instance.getFunc("sum");
    assertEquals(2001, sum.call(Val.i32(1000))[0].i64());
    WasmFunction f = (WasmFunction) sum.instance();
    CompiledFunction ir = module.code().compiled(0);
    assertSame(ir, f.ir());
    int[] copy = f.compiled.code();
    int[] code = ir.code();
    int rewritten = 0;
    for (int i = 0; i < code.length; i++) {
      if (copy[i] != code[i]) {
        assertEquals(fuel ? ~(code[i] + (1 << 30)) : ~code[i], copy[i],
            "slot " + i + ": a back-edge to the loop's header");
        rewritten++;
      }
    }
    assertEquals(1, rewritten, "the loop's one back-edge, rewritten in the copy only");
  }

  @Test
  void theModeIsTheEnginesConfig() {
    for (CompilationMode mode : CompilationMode.values()) {
      assertEquals(mode, Module.compile(Wasm.engine(mode), Wasm.adder()).engine().config().compilationMode());
    }
    assertInstanceOf(Module.class, Module.compile(new Engine(), Wasm.adder()));
  }
}
