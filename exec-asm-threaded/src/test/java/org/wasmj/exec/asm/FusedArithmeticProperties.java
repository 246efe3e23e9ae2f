package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmParser;

/**
 * The arithmetic pairs the translator fuses, on {@code switch}, {@code asm} whole and split and
 * {@code tiered}, against Java's int arithmetic (Wasm's i32): a shift then a mask ({@link
 * Op#I32_SHR_U_AND_RRII}; shift counts past 31 wrap, as {@code i32.shr_u}'s do) and a multiply
 * then an add ({@link Op#I32_MUL_ADD_RRRR}; wrapping), in each order and each way the result
 * leaves (returned, into a local, into another add, into the multiply's own operand's local).
 */
class FusedArithmeticProperties {
  /** {shift count, mask} of each {@code shr_and_<k>}. */
  private static final int[][] SHIFT_MASKS = {
      {0, -1}, {3, 7}, {31, 1}, {32, 0xFF}, {35, 0x7FFFFFFF}, {5, Integer.MIN_VALUE}, {16, 0xFFFF}};
  /** The multiply-add functions, {@code ma_<k>(a, b, c)}. */
  private static final int MULTIPLY_ADDS = 5;

  private static final byte[] WASM = module();
  private static final List<Instance> INSTANCES = List.of(
      ExecutorConfigs.eagerInstance("switch", WASM, false),
      ExecutorConfigs.eagerInstance("asm", WASM, false),
      ExecutorConfigs.eagerInstance("asm", WASM, true),
      ExecutorConfigs.eagerInstance("tiered", WASM, false));

  /**
   * {@code shr_and_<k>(a, b, c)}: {@code (a >>> s) & m}; {@code and_shr_<k>}: the same with the
   * mask first ({@code m & (a >>> s)}), kept in a local before it is returned; {@code ma_<k>}: see
   * {@link #multiplyAdd}.
   */
  private static byte[] module() {
    ModuleBuilder b = new ModuleBuilder();
    byte[] three = {ModuleBuilder.I32, ModuleBuilder.I32, ModuleBuilder.I32};
    byte[] i32 = {ModuleBuilder.I32};
    for (int k = 0; k < SHIFT_MASKS.length; k++) {
      ByteArrayOutputStream shift = new ByteArrayOutputStream();
      shift.writeBytes(new byte[] {0x20, 0, 0x41});
      ModuleBuilder.s32(shift, SHIFT_MASKS[k][0]);
      shift.write(0x76); // i32.shr_u
      ByteArrayOutputStream mask = new ByteArrayOutputStream();
      mask.write(0x41);
      ModuleBuilder.s32(mask, SHIFT_MASKS[k][1]);
      ByteArrayOutputStream f = new ByteArrayOutputStream();
      f.writeBytes(shift.toByteArray());
      f.writeBytes(mask.toByteArray());
      f.write(0x71); // i32.and
      b.funcTyped("shr_and_" + k, three, i32, 0, f.toByteArray());
      ByteArrayOutputStream g = new ByteArrayOutputStream();
      g.writeBytes(mask.toByteArray());
      g.writeBytes(shift.toByteArray());
      g.writeBytes(new byte[] {0x71, 0x21, 3, 0x20, 3}); // i32.and; local.set 3; local.get 3
      b.funcTyped("and_shr_" + k, three, i32, 1, g.toByteArray());
    }
    byte[][] bodies = {
        {0x20, 2, 0x20, 0, 0x20, 1, 0x6C, 0x6A}, // c + a * b, returned
        {0x20, 0, 0x20, 1, 0x6C, 0x20, 2, 0x6A, 0x21, 3, 0x20, 3}, // a * b + c into a local
        {0x20, 0, 0x20, 1, 0x6C, 0x20, 2, 0x6A}, // a * b + c, returned
        {0x20, 0, 0x20, 1, 0x6C, 0x20, 0, 0x6A, 0x21, 0, 0x20, 0}, // a = a * b + a
        {0x20, 0, 0x20, 1, 0x6C, 0x20, 2, 0x6A, 0x41, 5, 0x6A}, // (a * b + c) + 5
    };
    for (int k = 0; k < MULTIPLY_ADDS; k++) {
      b.funcTyped("ma_" + k, three, i32, 1, bodies[k]);
    }
    return b.build();
  }

  /** What {@code ma_<k>(a, b, c)} returns. */
  private static int multiplyAdd(int k, int a, int b, int c) {
    switch (k) {
      case 3: return a * b + a;
      case 4: return a * b + c + 5;
      default: return a * b + c;
    }
  }

  @Property(tries = 300)
  void aShiftThenAMaskIsTheUnfusedPair(@ForAll @From("ints") int a) {
    for (int k = 0; k < SHIFT_MASKS.length; k++) {
      int expected = (a >>> SHIFT_MASKS[k][0]) & SHIFT_MASKS[k][1];
      for (Instance in : INSTANCES) {
        assertEquals(expected, in.getFunc("shr_and_" + k).call(Val.i32(a), Val.i32(0), Val.i32(0))[0].i32(),
            "shr_and_" + k + " of " + a);
        assertEquals(expected, in.getFunc("and_shr_" + k).call(Val.i32(a), Val.i32(0), Val.i32(0))[0].i32(),
            "and_shr_" + k + " of " + a);
      }
    }
  }

  @Property(tries = 300)
  void aMultiplyThenAnAddIsTheUnfusedPair(@ForAll @From("ints") int a, @ForAll @From("ints") int b,
      @ForAll @From("ints") int c) {
    for (int k = 0; k < MULTIPLY_ADDS; k++) {
      for (Instance in : INSTANCES) {
        assertEquals(multiplyAdd(k, a, b, c),
            in.getFunc("ma_" + k).call(Val.i32(a), Val.i32(b), Val.i32(c))[0].i32(),
            "ma_" + k + " of " + a + ", " + b + ", " + c);
      }
    }
  }

  @Example
  void everyPairIsOneFusedOpWhereItsResultLeavesTheStack() throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(WASM, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    for (int k = 0; k < code.functionCount(); k++) {
      int[] ir = code.compiled(k).code();
      int fused = 0;
      for (int pc = 0; pc < ir.length; pc += Op.size(ir, pc)) {
        Op op = Op.of(ir[pc]);
        fused += op == Op.I32_SHR_U_AND_RRII || op == Op.I32_MUL_ADD_RRRR ? 1 : 0;
      }
      // ma_2 returns a sum that a conditional return could still need: its add stays apart
      boolean unfused = k == 2 * SHIFT_MASKS.length + 2;
      assertEquals(unfused ? 0 : 1, fused, "function " + k);
    }
    assertTrue(code.functionCount() == 2 * SHIFT_MASKS.length + MULTIPLY_ADDS);
  }

  /** ints with few or many bits set, or random. */
  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(Arbitraries.of(0, 1, -1, 2, 7, 0x80, 0xFFFF, Integer.MIN_VALUE,
        Integer.MAX_VALUE, 0x10000, 46341), Arbitraries.integers());
  }
}
