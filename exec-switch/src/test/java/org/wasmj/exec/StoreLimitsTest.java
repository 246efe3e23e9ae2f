package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UninstantiableException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;

/** A store's {@link ResourceLimiter}: {@link StoreLimits}, and custom policies. */
class StoreLimitsTest {
  private static final long PAGE = 65536;

  /**
   * {@code memories} memories of {@code pages} pages and {@code tables} funcref tables of
   * {@code elements} elements (no maxima), {@code grow(n)} of memory 0 and {@code growTable(n)} of
   * table 0 when there are some.
   */
  private static byte[] module(int memories, long pages, int tables, long elements) {
    WasmBuilder b = new WasmBuilder();
    for (int m = 0; m < memories; m++) {
      b.memory(pages, Limits.NO_MAX);
    }
    for (int t = 0; t < tables; t++) {
      b.table(ValType.FUNCREF, elements, Limits.NO_MAX);
    }
    if (memories > 0) {
      b.exportFunc("grow", b.func(fn(of(I32), I32),
          new Code().localGet(0).op(Opcode.MEMORY_GROW).b(0)));
      b.exportMemory("memory", 0);
    }
    if (tables > 0) {
      b.exportFunc("growTable", b.func(fn(of(I32), I32), new Code()
          .op(Opcode.REF_NULL).b(ValType.FUNCREF.code()).localGet(0).op(Opcode.TABLE_GROW).u32(0)));
    }
    return b.build();
  }

  private static Instance instantiate(Store<Void> store, byte[] wasm) {
    Engine engine = store.engine();
    return new Linker<Void>(engine).instantiate(store, Module.compile(engine, wasm));
  }

  private static int call(Instance i, String name, int arg) {
    return i.getFunc(name).call(Val.i32(arg))[0].i32();
  }

  @Test
  void memorySizeLimitsEachMemory() {
    Store<Void> store = Store.of(new Engine());
    store.setLimiter(StoreLimits.defaults().withMemorySize(3 * PAGE));
    Instance i = instantiate(store, module(1, 1, 0, 0));
    assertEquals(1, call(i, "grow", 2), "3 pages");
    assertEquals(-1, call(i, "grow", 1), "4 > 3 pages");
    assertEquals(-1, i.getMemory("memory").grow(1), "from the host too");
    assertEquals(3, call(i, "grow", 0));
    Instance j = instantiate(store, module(1, 3, 0, 0));
    assertEquals(-1, call(j, "grow", 1), "each memory has the limit");
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> instantiate(store, module(1, 4, 0, 0)));
    assertEquals("memory of 4 pages exceeds the store's limit of 196608 bytes per memory"
        + " (StoreLimits.memorySize)", e.getMessage());
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
        () -> Memory.create(store, new MemoryType(new Limits(4, 4))));
    assertTrue(host.getMessage().contains("StoreLimits.memorySize"), host.getMessage());
  }

  @Test
  void tableElementsLimitEachTable() {
    Store<Void> store = Store.of(new Engine());
    store.setLimiter(StoreLimits.defaults().withTableElements(100));
    Instance i = instantiate(store, module(0, 0, 1, 10));
    assertEquals(10, call(i, "growTable", 90));
    assertEquals(-1, call(i, "growTable", 1));
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> instantiate(store, module(0, 0, 1, 101)));
    assertEquals("table of 101 elements exceeds the store's limit of 100 elements per table"
        + " (StoreLimits.tableElements)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Table.create(store,
        new TableType(ValType.FUNCREF, new Limits(101, 101)), Val.funcref(null)));
  }

  @Test
  void countsOfInstancesMemoriesAndTablesAreLimitedAndAFailedInstantiationCountsNothing() {
    Store<Void> store = Store.of(new Engine());
    store.setLimiter(StoreLimits.defaults().withInstances(3).withMemories(2).withTables(1));
    instantiate(store, module(1, 0, 0, 0)); // 1 instance, 1 memory
    UninstantiableException memories = assertThrows(UninstantiableException.class,
        () -> instantiate(store, module(2, 0, 0, 0)));
    assertEquals("memory count of 3 exceeds the store's limit of 2 (StoreLimits.memories)",
        memories.getMessage());
    UninstantiableException tables = assertThrows(UninstantiableException.class,
        () -> instantiate(store, module(0, 0, 2, 0)));
    assertEquals("table count of 2 exceeds the store's limit of 1 (StoreLimits.tables)",
        tables.getMessage());
    instantiate(store, module(1, 0, 1, 0)); // 2 instances, 2 memories, 1 table: the refused counted nothing
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
        () -> Memory.create(store, new MemoryType(new Limits(0, 1))));
    assertEquals("memory count of 3 exceeds the store's limit of 2 (StoreLimits.memories)",
        host.getMessage());
    instantiate(store, Wasm.adder()); // 3 instances
    UninstantiableException instances = assertThrows(UninstantiableException.class,
        () -> instantiate(store, Wasm.adder()));
    assertEquals("instance count of 4 exceeds the store's limit of 3 (StoreLimits.instances)",
        instances.getMessage());
    // other stores count for themselves
    instantiate(Store.of(store.engine()), module(2, 0, 2, 0));
  }

  @Test
  void theEnginesLimitOnAllMemoriesOfAStoreStillHolds() {
    Engine engine = new Engine(Config.defaults().withMaxStoreMemoryBytes(4 * PAGE));
    Store<Void> store = Store.of(engine);
    store.setLimiter(StoreLimits.defaults().withMemorySize(100 * PAGE));
    Instance i = instantiate(store, module(1, 1, 0, 0));
    assertEquals(-1, call(i, "grow", 4), "the engine's 4 pages for the store");
    assertEquals(1, call(i, "grow", 3));
  }

  /** Allows a memory to grow to 2 pages and tables to 5 elements, and logs what it was asked. */
  private static class Logging implements ResourceLimiter {
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean memoryGrowing(long current, long desired, long maximum) {
      asked.add("memory " + current + " -> " + desired + " of " + maximum);
      return desired <= 2 * PAGE;
    }

    @Override
    public boolean tableGrowing(long current, long desired, long maximum) {
      asked.add("table " + current + " -> " + desired + " of " + maximum);
      return desired <= 5;
    }
  }

  @Test
  void aCustomLimiterIsAskedBeforeEveryCreationAndGrowth() {
    Store<Void> store = Store.of(new Engine());
    Logging limiter = new Logging();
    store.setLimiter(limiter);
    assertSame(limiter, store.limiter());
    Instance i = instantiate(store, module(1, 1, 1, 2));
    assertEquals(1, call(i, "grow", 1));
    assertEquals(-1, call(i, "grow", 1));
    assertEquals(2, call(i, "grow", 0), "growing by 0 asks nothing");
    assertEquals(2, call(i, "growTable", 3));
    assertEquals(-1, call(i, "growTable", 1));
    long max = (long) MemoryInstanceMax.PAGES * PAGE;
    assertEquals(List.of("table 0 -> 2 of 10000000", "memory 0 -> 65536 of " + max,
        "memory 65536 -> 131072 of " + max, "memory 131072 -> 196608 of " + max,
        "table 2 -> 5 of 10000000", "table 5 -> 6 of 10000000"), limiter.asked);
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> instantiate(store, module(1, 3, 0, 0)));
    assertEquals("memory of 3 pages was refused by the store's ResourceLimiter", e.getMessage());
    store.setLimiter(null);
    assertNull(store.limiter());
    assertEquals(2, call(i, "grow", 1));
  }

  @Test
  void aFailingLimiterIsAHostTrap() {
    Store<Void> store = Store.of(new Engine());
    Instance i = instantiate(store, module(1, 1, 0, 0));
    store.setLimiter(new Logging() {
      @Override
      public boolean memoryGrowing(long current, long desired, long maximum) {
        throw new IllegalStateException("no budget service");
      }
    });
    TrapException trap = assertThrows(TrapException.class, () -> call(i, "grow", 1));
    assertEquals(TrapKind.HOST, trap.kind());
    assertTrue(trap.getCause() instanceof IllegalStateException);
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> instantiate(store, module(1, 1, 0, 0)));
    assertTrue(e.getMessage().contains("no budget service"), e.getMessage());
    store.setLimiter(null);
    assertEquals(1, call(i, "grow", 1), "the store goes on");
  }

  @Test
  void limitsRejectNegativeValues() {
    assertThrows(IllegalArgumentException.class, () -> StoreLimits.defaults().withMemorySize(-1));
    assertThrows(IllegalArgumentException.class, () -> StoreLimits.defaults().withInstances(-1));
    StoreLimits l = StoreLimits.defaults().withMemories(0).withTables(7);
    assertEquals(0, l.memories());
    assertEquals(7, l.tables());
    assertEquals(ResourceLimiter.DEFAULT_COUNT, l.instances());
    assertEquals(Long.MAX_VALUE, l.memorySize());
  }

  /** The most pages a memory holds, whatever it declares (a module-private constant elsewhere). */
  private static final class MemoryInstanceMax {
    static final int PAGES = 32767;
  }
}
