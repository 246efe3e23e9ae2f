package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmj.ExhaustionException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.parser.ValType;

/**
 * A split function keeps its registers in a frame on the heap, one per call in a recursion: a
 * deep recursion of one with 40,000 locals (320 KB a frame) fills the heap, which is {@code call
 * stack exhausted} as on {@code switch} (whose value stack is bounded), not an {@code
 * OutOfMemoryError} in the embedder's hands (session 23), and the store goes on.
 */
class HeapFramesTest {
  @Test
  void aRecursionOfHugeFramesExhaustsTheCallStackNotTheHeap() throws Exception {
    ExecutorConfigs.assertOkInChildJvm("96m", Child.class, configs().keySet());
  }

  /** Every executor, eager ({@code tiered} compiles on the second call in one of them). */
  static Map<String, Config> configs() {
    return ExecutorConfigs.everyExecutor(
        Config.defaults().withCompilationMode(CompilationMode.EAGER));
  }

  /**
   * {@code g(n) = n == 0 ? 0 : g(n - 1) + 1} with 40,000 i32 locals, the last one read and
   * written (so that the frame holds them all).
   */
  static byte[] wide() {
    return new ModuleBuilder().funcWithLocals("g", 1, 1, 40_000,
        0x20, 0xC0, 0xB8, 0x02, 0x21, 0xC0, 0xB8, 0x02, // local 40000 = local 40000
        0x20, 0, 0x45, 0x04, 0x7F, 0x41, 0, 0x05, 0x20, 0, 0x41, 1, 0x6B, 0x10, 0, 0x41, 1, 0x6A,
        0x0B).build();
  }

  /**
   * Run in a JVM with a 96 MiB heap: for each of {@link #configs}, {@code g(19999)} (6 GB of
   * frames on {@code asm}) must be exhausted, twice, and {@code g(10)} then return 10; prints
   * "ok: " and the configuration's name. (Not a deeper call after: the interpreter's value stack
   * keeps the size it grew to before the heap ran out — on {@code tiered}, how much of the
   * recursion ran interpreted depends on when the background compile lands — and a 96 MiB heap
   * holding that has not always had room for 100 more frames of 320 KB; CI, session 23.)
   */
  static final class Child {
    private Child() {}

    public static void main(String[] args) {
      List<ValType> i32 = List.of(ValType.I32);
      for (Map.Entry<String, Config> c : configs().entrySet()) {
        Engine engine = new Engine(c.getValue());
        TypedFunc g = new Linker<Void>(engine).instantiate(new Store<>(engine, null),
            Module.compile(engine, wide())).getTypedFunc("g", i32, i32);
        for (int k = 0; k < 2; k++) {
          try {
            g.callI32(19_999);
            throw new AssertionError(c.getKey() + ": returned");
          } catch (ExhaustionException e) {
            assertEquals(ExhaustionException.CALL_STACK_EXHAUSTED, e.getMessage());
          }
        }
        assertEquals(10, g.callI32(10), c.getKey());
        System.out.println("ok: " + c.getKey());
      }
    }
  }
}
