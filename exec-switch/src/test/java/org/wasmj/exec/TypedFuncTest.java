package org.wasmj.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmj.exec.Wasm.F32;
import static org.wasmj.exec.Wasm.F64;
import static org.wasmj.exec.Wasm.I32;
import static org.wasmj.exec.Wasm.I64;
import static org.wasmj.exec.Wasm.NONE;
import static org.wasmj.exec.Wasm.fn;
import static org.wasmj.exec.Wasm.of;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.Opcode;

class TypedFuncTest {
  private final Instance instance = instance();

  private static Instance instance() {
    WasmBuilder b = new WasmBuilder();
    b.exportFunc("addI32", b.func(fn(of(I32, I32), I32), new Code().localGet(0).localGet(1).op(Opcode.I32_ADD)));
    b.exportFunc("addI64", b.func(fn(of(I64, I64), I64), new Code().localGet(0).localGet(1).op(Opcode.I64_ADD)));
    b.exportFunc("mulF32", b.func(fn(of(F32, F32), F32), new Code().localGet(0).localGet(1).op(Opcode.F32_MUL)));
    b.exportFunc("mulF64", b.func(fn(of(F64, F64), F64), new Code().localGet(0).localGet(1).op(Opcode.F64_MUL)));
    b.exportFunc("widen", b.func(fn(of(I32), I64), new Code().localGet(0).op(Opcode.I64_EXTEND_I32_S)));
    b.exportFunc("widenU", b.func(fn(of(I32), I64), new Code().localGet(0).op(Opcode.I64_EXTEND_I32_U)));
    b.exportFunc("pair", b.func(fn(of(I32), I32, I64),
        new Code().localGet(0).localGet(0).op(Opcode.I64_EXTEND_I32_S).i64Const(1).op(Opcode.I64_SHL)));
    b.exportFunc("nothing", b.func(fn(NONE), new Code()));
    b.exportFunc("trap", b.func(fn(NONE, I32), new Code().op(Opcode.UNREACHABLE)));
    return Wasm.instantiate(b.build());
  }

  private TypedFunc typed(String name, List<org.wasmj.parser.ValType> params, List<org.wasmj.parser.ValType> results) {
    return instance.getTypedFunc(name, params, results);
  }

  @Test
  void callsReturningOneValueOfEachType() {
    assertEquals(-1, typed("addI32", List.of(I32, I32), List.of(I32)).callI32(Integer.MAX_VALUE, Integer.MIN_VALUE));
    assertEquals(Long.MIN_VALUE, typed("addI64", List.of(I64, I64), List.of(I64)).callI64(Long.MAX_VALUE, 1));
    assertEquals(7.5f, typed("mulF32", List.of(F32, F32), List.of(F32))
        .callF32(Float.floatToRawIntBits(2.5f), Float.floatToRawIntBits(3f)));
    assertEquals(-0.0, typed("mulF64", List.of(F64, F64), List.of(F64))
        .callF64(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(-1)));
  }

  @Test
  void rawCallsReturnEverySlot() {
    assertArrayEquals(new long[] {-3, -6}, typed("pair", List.of(I32), List.of(I32, I64)).call(-3));
    assertArrayEquals(new long[0], typed("nothing", List.of(), List.of()).call());
  }

  @Test
  void anI32ArgumentIsItsLow32BitsWhateverTheUpperOnes() {
    TypedFunc widen = typed("widen", List.of(I32), List.of(I64));
    assertEquals(-1L, widen.callI64(-1L));
    assertEquals(-1L, widen.callI64(0xFFFFFFFFL));
    assertEquals(-1L, widen.callI64(0x12345678FFFFFFFFL));
    TypedFunc widenU = typed("widenU", List.of(I32), List.of(I64));
    assertEquals(0xFFFFFFFFL, widenU.callI64(-1L));
    assertEquals(5, typed("addI32", List.of(I32, I32), List.of(I32)).callI32(0x100000002L, 3));
  }

  @Test
  void theArgumentCountIsChecked() {
    TypedFunc add = typed("addI32", List.of(I32, I32), List.of(I32));
    assertEquals("expected 2 arguments for (i32, i32) -> (i32), got 1",
        assertThrows(IllegalArgumentException.class, () -> add.callI32(1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> add.call(1, 2, 3));
  }

  @Test
  void theTypeIsCheckedOnce() {
    assertThrows(IllegalArgumentException.class, () -> typed("addI32", List.of(I64, I64), List.of(I64)));
    assertThrows(IllegalArgumentException.class, () -> typed("addI32", List.of(I32, I32), List.of()));
    TypedFunc t = typed("addI32", List.of(I32, I32), List.of(I32));
    assertSame(instance.getFunc("addI32"), t.func());
  }

  @Test
  void aShortcutForAnotherResultTypeIsRejected() {
    TypedFunc nothing = typed("nothing", List.of(), List.of());
    assertThrows(IllegalStateException.class, nothing::callI32);
    assertThrows(IllegalStateException.class, nothing::callF64);
    TypedFunc pair = typed("pair", List.of(I32), List.of(I32, I64));
    assertThrows(IllegalStateException.class, () -> pair.callI32(1));
    TypedFunc addI64 = typed("addI64", List.of(I64, I64), List.of(I64));
    assertThrows(IllegalStateException.class, () -> addI64.callI32(1, 2));
    assertThrows(IllegalStateException.class, () -> addI64.callF64(1, 2));
    TypedFunc mulF32 = typed("mulF32", List.of(F32, F32), List.of(F32));
    assertThrows(IllegalStateException.class, () -> mulF32.callI32(1, 2));
  }

  @Test
  void referenceParametersAreRejected() {
    // a raw funcref slot is a store-internal id; a made-up one used to reach call_indirect unchecked
    WasmBuilder b = new WasmBuilder();
    b.table(Wasm.FUNCREF, 1, 1);
    int type = b.typeIndex(fn(NONE));
    b.exportFunc("callThrough", b.func(fn(of(Wasm.FUNCREF)),
        new Code().i32Const(0).localGet(0).op(Opcode.TABLE_SET).u32(0).i32Const(0).callIndirect(type, 0)));
    b.exportFunc("id", b.func(fn(of(Wasm.EXTERNREF), Wasm.EXTERNREF), new Code().localGet(0)));
    Instance i = Wasm.instantiate(b.build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> i.getTypedFunc("callThrough", List.of(Wasm.FUNCREF), List.of()));
    assertTrue(e.getMessage().contains("Func.call"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> i.getTypedFunc("id", List.of(Wasm.EXTERNREF), List.of(Wasm.EXTERNREF)));
    assertEquals(0, i.getFunc("id").call(Val.externref(null))[0].bits());
  }

  @Test
  void trapsPassThrough() {
    TypedFunc trap = typed("trap", List.of(), List.of(I32));
    assertEquals(TrapKind.UNREACHABLE, assertThrows(TrapException.class, trap::callI32).kind());
    assertEquals(2, typed("addI32", List.of(I32, I32), List.of(I32)).callI32(1, 1));
  }
}
