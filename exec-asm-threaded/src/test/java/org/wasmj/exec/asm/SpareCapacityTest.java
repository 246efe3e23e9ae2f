package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Memory;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;

/**
 * A memory's array may be longer than its size (spare capacity, so that a grow need not copy):
 * every reader keeps to the size. {@code spare-capacity.wasm} grows its two memories a page at a
 * time from 1 page to 9 (arrays of exactly the size: {@code MemoryInstance.EXACT_REPLACEMENTS})
 * and to 10 (an array of 18): on every executor (switch, asm
 * whole and split, tiered), each scalar and SIMD load and store of memory 0 and memory 1, at a
 * register, sum or constant address, and {@code memory.fill/copy/init}, works at the last
 * address where its bytes fit and traps {@code out of bounds memory access} one byte further,
 * inside the array; and so does the host's {@link Memory}.
 */
class SpareCapacityTest {
  private static final byte[] WASM = InterruptionTest.resource("spare-capacity.wasm");
  private static final int PAGE = 65536;

  /** Every export {@code <op>/<memory>} of one access (param: address) and its width in bytes. */
  private static final Map<String, Integer> WIDTHS = widths();

  private static Map<String, Integer> widths() {
    Map<String, Integer> w = new LinkedHashMap<>();
    for (String op : List.of("i32.load8_s", "i32.load8_u", "i64.load8_s", "i64.load8_u",
        "i32.store8", "i64.store8", "v128.load8_splat", "v128.load8_lane", "v128.store8_lane")) {
      w.put(op, 1);
    }
    for (String op : List.of("i32.load16_s", "i32.load16_u", "i64.load16_s", "i64.load16_u",
        "i32.store16", "i64.store16", "v128.load16_splat", "v128.load16_lane", "v128.store16_lane")) {
      w.put(op, 2);
    }
    for (String op : List.of("i32.load", "f32.load", "i64.load32_s", "i64.load32_u", "i32.store",
        "f32.store", "i64.store32", "v128.load32_splat", "v128.load32_zero", "v128.load32_lane",
        "v128.store32_lane")) {
      w.put(op, 4);
    }
    for (String op : List.of("i64.load", "f64.load", "i64.store", "f64.store", "v128.load8x8_s",
        "v128.load16x4_u", "v128.load32x2_s", "v128.load64_splat", "v128.load64_zero",
        "v128.load64_lane", "v128.store64_lane")) {
      w.put(op, 8);
    }
    w.put("v128.load", 16);
    w.put("v128.store", 16);
    return w;
  }

  /** The instances to test, by name: made anew for each use. */
  private static Map<String, Supplier<Instance>> executors() {
    Map<String, Supplier<Instance>> all = new LinkedHashMap<>();
    all.put("switch", () -> ExecutorConfigs.eagerInstance("switch", WASM, false));
    all.put("asm", () -> ExecutorConfigs.eagerInstance("asm", WASM, false));
    all.put("asm split", () -> ExecutorConfigs.eagerInstance("asm", WASM, true));
    all.put("tiered", () -> ExecutorConfigs.eagerInstance("tiered", WASM, false));
    all.put("tiered (threshold 2)", () -> {
      Engine engine = new Engine(Config.defaults().withExecutor("tiered")
          .withTieringThreshold(2).withCompilerThreads(0));
      return new Linker<Void>(engine).instantiate(Store.of(engine), Module.compile(engine, WASM));
    });
    return all;
  }

  @Test
  void everyAccessKeepsToTheSizeNotTheArraysLength() {
    executors().forEach((executor, make) -> {
      Instance in = make.get();
      for (int m = 0; m < 2; m++) {
        checkAccesses(in, executor, m, PAGE);
        for (int pages = 1; pages <= MemoryInstance.EXACT_REPLACEMENTS; pages++) {
          assertEquals(pages, i32(in, "grow/" + m, 1), executor);
          assertEquals((pages + 1) * PAGE, memory(in, m).bytes.length, executor + ": exact");
        }
        checkAccesses(in, executor, m, 9 * PAGE);
        assertEquals(9, i32(in, "grow/" + m, 1), executor);
        assertEquals(10, i32(in, "size/" + m), executor);
        MemoryInstance grown = memory(in, m);
        assertEquals(10 * PAGE, grown.size, executor);
        assertEquals(18 * PAGE, grown.bytes.length, executor + ": spare capacity"); // (else untested)
        checkAccesses(in, executor, m, 10 * PAGE);
      }
      // memory 0's other address forms, at 10 pages
      int size = 10 * PAGE;
      for (String op : List.of("i32.load", "i64.load", "i32.load8_u", "i32.store", "i64.store",
          "i32.store8")) {
        int n = WIDTHS.get(op);
        String where = executor + ": " + op;
        assertEquals("ok", outcome(in, "sum/" + op, size - n - 100, 100), where + " (sum)");
        assertEquals(oob(), outcome(in, "sum/" + op, size - n - 99, 100), where + " (sum)");
        assertEquals("ok", outcome(in, "sumc/" + op, size - n - 16), where + " (sum, constant)");
        assertEquals(oob(), outcome(in, "sumc/" + op, size - n - 15), where + " (sum, constant)");
      }
      assertEquals("ok", outcome(in, "const/i32.load"), executor);
      assertEquals(oob(), outcome(in, "const/i32.load+1"), executor);
      assertEquals("ok", outcome(in, "const/i32.load8_u"), executor);
      assertEquals(oob(), outcome(in, "const/i32.load8_u+1"), executor);
    });
  }

  private static void checkAccesses(Instance in, String executor, int m, int size) {
    WIDTHS.forEach((op, n) -> {
      String name = op + "/" + m;
      String where = executor + ": " + name + " at a size of " + size / PAGE + " pages";
      assertEquals("ok", outcome(in, name, size - n), where);
      assertEquals(oob(), outcome(in, name, size - n + 1), where);
      assertEquals(oob(), outcome(in, name, size), where);
    });
    String where = executor + ": memory " + m + " at a size of " + size / PAGE + " pages";
    for (String bulk : List.of("fill/", "copy-to/", "copy-from/", "init/")) {
      assertEquals("ok", outcome(in, bulk + m, size - 4, 4), where + ", " + bulk);
      assertEquals("ok", outcome(in, bulk + m, size, 0), where + ", " + bulk);
      assertEquals(oob(), outcome(in, bulk + m, size - 3, 4), where + ", " + bulk);
      assertEquals(oob(), outcome(in, bulk + m, size + 1, 0), where + ", " + bulk);
    }
  }

  @Test
  void accessesAfterAGrowInTheFunctionOrACalleeSeeTheNewSize() {
    executors().forEach((executor, make) -> {
      Instance in = make.get();
      for (int k = 0; k < 6; k++) { // 2 to 13 pages: exact arrays to 9, then 18
        assertEquals("ok", outcome(in, "grow-then-load"), executor);
        assertEquals("ok", outcome(in, "call-grow-then-load"), executor);
      }
      assertEquals(13, i32(in, "size/0"), executor);
      assertEquals(18 * PAGE, memory(in, 0).bytes.length, executor + ": spare capacity");
      assertEquals("ok", outcome(in, "loop-grow-store", 5), executor);
      assertEquals(18, i32(in, "size/0"), executor);
      assertEquals(9, in.getMemory("m0").readByte(18L * PAGE - 1), executor);
    });
  }

  @Test
  void theHostsMemoryKeepsToTheSize() {
    Instance in = ExecutorConfigs.eagerInstance("switch", WASM, false);
    for (int k = 0; k <= MemoryInstance.EXACT_REPLACEMENTS; k++) {
      i32(in, "grow/0", 1);
    }
    Memory m = in.getMemory("m0");
    MemoryInstance grown = memory(in, 0);
    assertEquals(18 * PAGE, grown.bytes.length); // spare capacity (else untested)
    long size = 10L * PAGE;
    assertEquals(size, m.dataSize());
    assertEquals(10, m.size());
    m.writeByte(size - 1, (byte) 5);
    assertEquals(5, m.readByte(size - 1));
    m.writeI64(size - 8, -1);
    assertEquals(-1, m.readI32(size - 4));
    List<Runnable> outside = new ArrayList<>(List.of(
        () -> m.readByte(size), () -> m.writeByte(size, (byte) 1), () -> m.readI32(size - 3),
        () -> m.writeI32(size - 3, 1), () -> m.readI64(size - 7), () -> m.writeI64(size - 7, 1),
        () -> m.read(size - 1, 2), () -> m.read(size - 1, new byte[2], 0, 2),
        () -> m.write(size - 1, new byte[2]), () -> m.readF64(size - 4)));
    for (Runnable r : outside) {
      TrapException e = assertThrows(TrapException.class, r::run);
      assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, e.kind());
    }
    assertArrayEquals(new byte[8 * PAGE], java.util.Arrays.copyOfRange(grown.bytes, (int) size, 18 * PAGE),
        "the spare capacity stays zero");
  }

  @Test
  void growDoublesTheArrayUpToTheMaximumAndCopiesOnlyWhenShort() {
    MemoryInstance m = new MemoryInstance(new MemoryType(new Limits(1, 40)), 100);
    byte[] first = m.bytes;
    for (int pages = 1; pages <= MemoryInstance.EXACT_REPLACEMENTS; pages++) {
      assertEquals(pages, m.grow(1)); // the first replacements: exactly the size
      assertEquals((pages + 1) * PAGE, m.bytes.length);
    }
    assertEquals(9, m.grow(1)); // 10 pages in an array of 18: max(2 x 9, 10)
    byte[] spare = m.bytes;
    assertEquals(18 * PAGE, spare.length);
    assertEquals(10, m.grow(8)); // 18 pages: no copy
    assertEquals(spare, m.bytes);
    assertEquals(18, m.grow(1)); // 19 pages in an array of 36
    assertEquals(36 * PAGE, m.bytes.length);
    assertEquals(19, m.grow(18)); // 37 pages in an array of 38: max(2 x 19, 37)
    assertEquals(38 * PAGE, m.bytes.length);
    assertEquals(37, m.grow(2)); // 39 pages: the maximum, 40, caps the array (not 2 x 37)
    assertEquals(40 * PAGE, m.bytes.length);
    assertEquals(39, m.pages());
    assertEquals(-1, m.grow(2));
    assertEquals(39, m.grow(1));
    assertEquals(-1, m.grow(1));
    assertEquals(40 * PAGE, m.size);
    MemoryInstance fixed = new MemoryInstance(new MemoryType(new Limits(3, 3)), 100);
    assertEquals(3 * PAGE, fixed.bytes.length);
    assertEquals(-1, fixed.grow(1));
    assertEquals(1, first.length / PAGE);
  }

  /** The runtime's memory behind export {@code m<m>} ({@code Memory.instance()} is the runtime's). */
  private static MemoryInstance memory(Instance in, int m) {
    try {
      java.lang.reflect.Method instance = Memory.class.getDeclaredMethod("instance");
      instance.setAccessible(true);
      return (MemoryInstance) instance.invoke(in.getMemory("m" + m));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String oob() {
    return TrapKind.MEMORY_OUT_OF_BOUNDS.toString();
  }

  private static int i32(Instance in, String name, int... args) {
    Val[] a = new Val[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = Val.i32(args[i]);
    }
    return in.getFunc(name).call(a)[0].i32();
  }

  private static String outcome(Instance in, String name, int... args) {
    Val[] a = new Val[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = Val.i32(args[i]);
    }
    try {
      in.getFunc(name).call(a);
      return "ok";
    } catch (TrapException e) {
      return e.kind().toString();
    }
  }
}
