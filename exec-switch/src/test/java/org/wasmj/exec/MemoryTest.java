package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UninstantiableException;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;

/** Memory as the host sees it, next to a guest using it (exec-api's MemoryTest has no guest). */
class MemoryTest {
  private final Engine engine = new Engine();
  private final Store<Void> store = Store.of(engine);

  /** Exports {@code memory} (min..max pages), {@code load(addr)}, {@code store(addr, v)}, {@code size}, {@code grow(n)}. */
  private Instance guest(long min, long max) {
    return guest(engine, store, min, max);
  }

  private static Instance guest(Engine engine, Store<Void> store, long min, long max) {
    WasmBuilder b = new WasmBuilder();
    b.memory(min, max);
    b.exportMemory("memory", 0);
    b.exportFunc("load", b.func(fn(of(I32), I32), new Code().localGet(0).mem(Opcode.I32_LOAD, 2, 0)));
    b.exportFunc("store", b.func(fn(of(I32, I32)), new Code().localGet(0).localGet(1).mem(Opcode.I32_STORE, 2, 0)));
    b.exportFunc("size", b.func(fn(NONE, I32), new Code().op(Opcode.MEMORY_SIZE).b(0)));
    b.exportFunc("grow", b.func(fn(of(I32), I32), new Code().localGet(0).op(Opcode.MEMORY_GROW).b(0)));
    if (min > 0) {
      b.data(100, "wasm".getBytes());
    }
    return new Linker<Void>(engine).instantiate(store, Module.compile(engine, b.build()));
  }

  private static void assertOutOfBounds(Executable e) {
    assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, assertThrows(TrapException.class, e).kind());
  }

  @Test
  void hostAndGuestSeeTheSameBytes() {
    Instance i = guest(1, 2);
    Memory m = i.getMemory("memory");
    assertArrayEquals("wasm".getBytes(), m.read(100, 4), "the data segment");
    i.getFunc("store").call(Val.i32(8), Val.i32(0x01020304));
    assertArrayEquals(new byte[] {4, 3, 2, 1}, m.read(8, 4));
    assertEquals(0x01020304, m.readI32(8));
    m.writeI64(16, 0x1122334455667788L);
    assertEquals(0x55667788, i.getFunc("load").call(Val.i32(16))[0].i32());
    assertEquals(0x11223344, i.getFunc("load").call(Val.i32(20))[0].i32());
    m.writeF32(24, 1.5f);
    assertEquals(Float.floatToRawIntBits(1.5f), i.getFunc("load").call(Val.i32(24))[0].i32());
    m.writeF64(32, -2.0);
    assertEquals(-2.0, m.readF64(32));
    m.writeByte(40, (byte) 0xFF);
    assertEquals((byte) 0xFF, m.readByte(40));
    m.write(48, new byte[] {9, 8, 7});
    byte[] dst = new byte[5];
    m.read(48, dst, 1, 3);
    assertArrayEquals(new byte[] {0, 9, 8, 7, 0}, dst);
  }

  @Test
  void hostAccessesOutOfBoundsTrap() {
    Memory m = guest(1, 2).getMemory("memory");
    assertOutOfBounds(() -> m.readI32(65533));
    assertOutOfBounds(() -> m.readI64(65529));
    assertOutOfBounds(() -> m.readByte(65536));
    assertOutOfBounds(() -> m.readByte(-1));
    assertOutOfBounds(() -> m.writeI32(Long.MAX_VALUE, 1));
    assertOutOfBounds(() -> m.read(65535, 2));
    assertOutOfBounds(() -> m.write(65535, new byte[2]));
    assertOutOfBounds(() -> m.read(0, new byte[10], 0, 65537));
    assertEquals(0, m.readI64(65528), "the last full word is fine");
    assertEquals(0, m.read(65536, 0).length, "an empty read at the end is fine");
  }

  @Test
  void aBadLengthTrapsInsteadOfAllocating() {
    Memory m = guest(1, 2).getMemory("memory");
    assertOutOfBounds(() -> m.read(0, -1));
    assertOutOfBounds(() -> m.read(0, Integer.MAX_VALUE));
    assertOutOfBounds(() -> m.read(0, new byte[4], 0, -1));
  }

  @Test
  void guestAccessesOutOfBoundsTrapAndLeaveTheMemoryUsable() {
    Instance i = guest(1, 2);
    assertOutOfBounds(() -> i.getFunc("load").call(Val.i32(65533)));
    assertOutOfBounds(() -> i.getFunc("store").call(Val.i32(-1), Val.i32(0)));
    assertEquals(0, i.getFunc("load").call(Val.i32(65532))[0].i32());
  }

  @Test
  void growingBeyondTheMaximumGivesMinusOne() {
    Instance i = guest(1, 3);
    Memory m = i.getMemory("memory");
    assertEquals(new Limits(1, 3), m.limits());
    assertEquals(new MemoryType(new Limits(1, 3)), m.type());
    assertEquals(1, m.grow(1));
    assertEquals(2, i.getFunc("size").call()[0].i32(), "the guest sees the host's growth");
    assertEquals(2, i.getFunc("grow").call(Val.i32(1))[0].i32());
    assertEquals(3, m.size(), "the host sees the guest's growth");
    assertEquals(3 * 65536, m.dataSize());
    assertEquals(-1, m.grow(1));
    assertEquals(-1, i.getFunc("grow").call(Val.i32(1))[0].i32());
    assertEquals(3, m.grow(0));
    assertEquals(-1, m.grow(-1));
    m.writeI32(3 * 65536 - 4, 5);
    assertEquals(5, i.getFunc("load").call(Val.i32(3 * 65536 - 4))[0].i32());
    assertEquals(new Limits(1, 3), m.limits(), "the declared limits stay");
  }

  @Test
  void aMemoryWithoutMaximumGrowsUpToTheStoresLimit() {
    Engine small = new Engine(Config.defaults().withMaxMemoryPages(4));
    Store<Void> s = Store.of(small);
    Instance i = guest(small, s, 1, Limits.NO_MAX);
    assertEquals(1, i.getFunc("grow").call(Val.i32(3))[0].i32());
    assertEquals(-1, i.getFunc("grow").call(Val.i32(1))[0].i32());
    assertEquals(-1, i.getMemory("memory").grow(1));
    Memory created = Memory.create(s, new MemoryType(new Limits(0, 100)));
    assertEquals(0, created.grow(4));
    assertEquals(-1, created.grow(1));
  }

  @Test
  void aMemoryLargerThanTheStoresLimitCannotBeCreated() {
    Engine small = new Engine(Config.defaults().withMaxMemoryPages(4));
    Store<Void> s = Store.of(small);
    assertThrows(IllegalArgumentException.class, () -> Memory.create(s, new MemoryType(new Limits(5, 5))));
    UninstantiableException e = assertThrows(UninstantiableException.class,
        () -> guest(small, s, 5, Limits.NO_MAX));
    assertEquals("memory of 5 pages exceeds the limit of 4 pages", e.getMessage());
    guest(small, s, 4, Limits.NO_MAX);
  }

  @Test
  void anInvalidMemoryTypeIsAnIllegalArgumentNotAJvmError() {
    Store<Void> s = Store.of(new Engine());
    for (Limits bad : new Limits[] {new Limits(-1, Limits.NO_MAX), new Limits(-1, -1),
        new Limits(3, 2), new Limits(0, 65537), new Limits(65537, Limits.NO_MAX)}) {
      assertThrows(IllegalArgumentException.class,
          () -> Memory.create(s, new MemoryType(bad)), bad.toString());
    }
    assertThrows(IllegalArgumentException.class, () -> Memory.create(s, null));
    assertEquals(0, Memory.create(s, new MemoryType(new Limits(0, 0))).size());
  }

  @Test
  void aMemoryOfZeroPagesTrapsOnEveryAccess() {
    Instance i = guest(0, 0);
    Memory m = i.getMemory("memory");
    assertEquals(0, m.size());
    assertOutOfBounds(() -> m.readByte(0));
    assertOutOfBounds(() -> i.getFunc("load").call(Val.i32(0)));
    assertEquals(-1, m.grow(1));
  }
}
