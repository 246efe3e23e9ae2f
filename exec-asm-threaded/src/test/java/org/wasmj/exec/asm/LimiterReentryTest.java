package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.ResourceLimiter;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * A {@link ResourceLimiter} must not call into its store, but one that does (it can: a closure
 * may hold an instance) does not make a memory or table shrink: a growth whose limiter grew the
 * same memory or table meanwhile fails (-1). Before session 23 it went on from the size it had
 * read first, and so undid the inner growth: 101 pages became 2.
 */
class LimiterReentryTest {
  static Stream<String> configNames() {
    return configs().keySet().stream();
  }

  private static Map<String, Config> configs() {
    return ExecutorConfigs.everyExecutor(Config.defaults());
  }

  /** {@code grow(n)}, {@code size()}, and the same for a funcref table (of 4 elements). */
  private static final byte[] WASM = wasm();

  private static byte[] wasm() {
    // (memory 1) (table 4 funcref), no maximum
    // grow(n) = memory.grow n; size() = memory.size
    // tableGrow(n) = table.grow (ref.null func) n; tableSize() = table.size
    return new ModuleBuilder().withMemory(1).withTable()
        .func("grow", 1, 1, 0x20, 0, 0x40, 0)
        .func("size", 0, 1, 0x3F, 0)
        .func("tableGrow", 1, 1, 0xD0, 0x70, 0x20, 0, 0xFC, 15, 0)
        .func("tableSize", 0, 1, 0xFC, 16, 0)
        .build();
  }

  @ParameterizedTest
  @MethodSource("configNames")
  void aGrowthWhoseLimiterGrewTheSameMemoryOrTableFails(String name) {
    Engine engine = new Engine(configs().get(name));
    Store<Void> store = new Store<>(engine, null);
    Instance i = new Linker<Void>(engine).instantiate(store, Module.compile(engine, WASM));
    int[] inner = {0};
    store.setLimiter(new ResourceLimiter() {
      @Override
      public boolean memoryGrowing(long current, long desired, long maximum) {
        if (inner[0]-- > 0) {
          assertEquals(1, i.getFunc("grow").call(Val.i32(100))[0].i32(), name);
        }
        return true;
      }

      @Override
      public boolean tableGrowing(long current, long desired, long maximum) {
        if (inner[0]-- > 0) {
          assertEquals(4, i.getFunc("tableGrow").call(Val.i32(100))[0].i32(), name);
        }
        return true;
      }
    });
    inner[0] = 1;
    assertEquals(-1, i.getFunc("grow").call(Val.i32(1))[0].i32(), name);
    assertEquals(101, i.getFunc("size").call()[0].i32(), name + ": the inner growth stays");
    assertEquals(101, i.getFunc("grow").call(Val.i32(1))[0].i32(), name + ": and growth goes on");
    inner[0] = 1;
    assertEquals(-1, i.getFunc("tableGrow").call(Val.i32(1))[0].i32(), name);
    assertEquals(104, i.getFunc("tableSize").call()[0].i32(), name + ": the inner growth stays");
    assertEquals(104, i.getFunc("tableGrow").call(Val.i32(1))[0].i32(), name);
  }
}
