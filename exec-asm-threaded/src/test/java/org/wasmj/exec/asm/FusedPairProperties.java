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
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.ir.Op;

/**
 * The pairs of session 17's fusions, on {@code switch}, {@code asm} whole and split and
 * {@code tiered}, against Java's int arithmetic (Wasm's i32): a shift then a mask ({@link
 * Op#I32_SHR_U_AND_RRII}; shift counts past 31 wrap, as {@code i32.shr_u}'s do) and a multiply
 * then an add ({@link Op#I32_MUL_ADD_RRRR}; wrapping), in each order and each way the result
 * leaves (returned, into a local, into another add, into the multiply's own operand's local); and
 * a bit test at a position in a register ({@code (a >>> n) & mask}, then {@code br_if} or {@code
 * if} on it or on its {@code i32.eqz}: {@link Op#BR_I32_SHR_U_AND_NEZ_RRIT}), also as the head
 * test of a rotated loop; a copy into a local right before a branch on a register ({@link
 * Op#COPY_BR_NEZ_RRRT}, {@link Op#COPY_BR_EQZ_RRRT}: {@code walk}, {@code walkOut}, {@code
 * copyIf}), the register read after the copy. Session 20's: a shift left by a constant then an
 * add ({@link Op#I32_SHL_ADD_RRIR}: {@code sa<form>_<k>}), also as a load's address ({@code
 * slot}, where the load takes the add in and the shift is split off again).
 */
class FusedPairProperties {
  /** {shift count, mask} of each {@code shr_and_<k>}. */
  private static final int[][] SHIFT_MASKS = {
      {0, -1}, {3, 7}, {31, 1}, {32, 0xFF}, {35, 0x7FFFFFFF}, {5, Integer.MIN_VALUE}, {16, 0xFFFF}};
  /** The multiply-add functions, {@code ma_<k>(a, b, c)}. */
  private static final int MULTIPLY_ADDS = 5;
  /** The masks of the bit tests at a position in a register, {@code bit<form>_<j>(a, n, 0)}. */
  private static final int[] BIT_MASKS = {1, 3, Integer.MIN_VALUE, -1, 0};
  /** Per mask: br_if on the and, br_if on its eqz, if on the and, if on its eqz. */
  private static final int FORMS = FusedBranchProperties.FORMS;
  /** The counts of {@code sa<form>_<k>(a, b, c)}'s left shifts. */
  private static final int[] SHIFT_ADD_COUNTS = {0, 2, 31, 32, 35};
  /** Per count: a + (b << k) into a local, (b << k) + a into a local, a = a + (a << k), plus 5. */
  private static final int SHIFT_ADD_FORMS = 4;

  private static final byte[] WASM = module();
  private static final List<Instance> INSTANCES = ExecutorConfigs.eagerInstances(WASM);

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
    for (int j = 0; j < BIT_MASKS.length; j++) {
      ByteArrayOutputStream test = new ByteArrayOutputStream();
      test.writeBytes(new byte[] {0x20, 0, 0x20, 1, 0x76, 0x41}); // a >>> n & mask
      ModuleBuilder.s32(test, BIT_MASKS[j]);
      test.write(0x71);
      for (int form = 0; form < FORMS; form++) {
        b.funcTyped("bit" + form + "_" + j, three, i32, 0,
            FusedBranchProperties.branchOn(test.toByteArray(), form));
      }
      // block; loop; a >>> n & mask; br_if 1; n += 1; n < 40: br_if 0; end; end; n
      ByteArrayOutputStream loop = new ByteArrayOutputStream();
      loop.writeBytes(new byte[] {0x02, 0x40, 0x03, 0x40});
      loop.writeBytes(test.toByteArray());
      loop.writeBytes(new byte[] {0x0D, 1, 0x20, 1, 0x41, 1, 0x6A, 0x22, 1, 0x41, 40, 0x49, 0x0D, 0,
          0x0B, 0x0B, 0x20, 1});
      b.funcTyped("bitloop_" + j, three, i32, 0, loop.toByteArray());
    }
    // walk(a, 0, 0): passes until a >>> 1 ... is 0: loop; n += 1; t = a >>> 1; a = t; br_if 0 (a)
    b.funcTyped("walk", three, i32, 1, new byte[] {0x03, 0x40, 0x20, 1, 0x41, 1, 0x6A, 0x21, 1,
        0x20, 0, 0x41, 1, 0x76, 0x21, 3, 0x20, 3, 0x21, 0, 0x20, 0, 0x0D, 0, 0x0B, 0x20, 1});
    // walkOut: block; loop; n += 1; t = a >>> 1; a = t; a == 0: br_if 1; br 0; end; end; n
    b.funcTyped("walkOut", three, i32, 1, new byte[] {0x02, 0x40, 0x03, 0x40, 0x20, 1, 0x41, 1,
        0x6A, 0x21, 1, 0x20, 0, 0x41, 1, 0x76, 0x21, 3, 0x20, 3, 0x21, 0, 0x20, 0, 0x45, 0x0D, 1,
        0x0C, 0, 0x0B, 0x0B, 0x20, 1});
    // copyIf(a, b, 0): d = a; if b (then return d + 1) end; d
    b.funcTyped("copyIf", three, i32, 1, new byte[] {0x20, 0, 0x21, 3, 0x20, 1, 0x04, 0x40, 0x20, 3,
        0x41, 1, 0x6A, 0x0F, 0x0B, 0x20, 3});
    for (int k = 0; k < SHIFT_ADD_COUNTS.length; k++) {
      byte count = (byte) SHIFT_ADD_COUNTS[k];
      byte[][] forms = {
          {0x20, 0, 0x20, 1, 0x41, count, 0x74, 0x6A, 0x21, 3, 0x20, 3}, // a + (b << k), set
          {0x20, 1, 0x41, count, 0x74, 0x20, 0, 0x6A, 0x21, 3, 0x20, 3}, // (b << k) + a, set
          {0x20, 0, 0x20, 0, 0x41, count, 0x74, 0x6A, 0x21, 0, 0x20, 0}, // a = a + (a << k)
          {0x20, 0, 0x20, 1, 0x41, count, 0x74, 0x6A, 0x41, 5, 0x6A}, // a + (b << k) + 5, returned
      };
      for (int form = 0; form < SHIFT_ADD_FORMS; form++) {
        b.funcTyped("sa" + form + "_" + k, three, i32, 1, forms[form]);
      }
    }
    // slot(a, b, c): i32.store (c + b * 4) a; i32.load (c + (b << 2))
    b.withMemory(1).funcTyped("slot", three, i32, 0, new byte[] {0x20, 2, 0x20, 1, 0x41, 4, 0x6C, 0x6A,
        0x20, 0, 0x36, 2, 0, 0x20, 2, 0x20, 1, 0x41, 2, 0x74, 0x6A, 0x28, 2, 0});
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

  @Property(tries = 300)
  void aBitTestAtAPositionInARegisterBranchesAsUnfused(@ForAll @From("ints") int a,
      @ForAll @From("counts") int n) {
    for (int j = 0; j < BIT_MASKS.length; j++) {
      boolean set = (a >>> n & BIT_MASKS[j]) != 0;
      int first = n; // the loop: from n on, to the first position with a bit of the mask set or 40
      while ((a >>> first & BIT_MASKS[j]) == 0 && Integer.compareUnsigned(++first, 40) < 0) {
        continue;
      }
      for (Instance in : INSTANCES) {
        for (int form = 0; form < FORMS; form++) {
          boolean eqz = form % 2 == 1;
          assertEquals(set != eqz ? 1 : 0,
              in.getFunc("bit" + form + "_" + j).call(Val.i32(a), Val.i32(n), Val.i32(0))[0].i32(),
              "bit" + form + "_" + j + " of " + a + ", " + n);
        }
        assertEquals(first, in.getFunc("bitloop_" + j).call(Val.i32(a), Val.i32(n), Val.i32(0))[0].i32(),
            "bitloop_" + j + " of " + a + ", " + n);
      }
    }
  }

  @Property(tries = 300)
  void aCopyThenABranchIsTheUnfusedPair(@ForAll @From("ints") int a, @ForAll @From("ints") int b) {
    int passes = 32 - Integer.numberOfLeadingZeros(a); // a >>> 1 until 0: its bit length, at least 1
    for (Instance in : INSTANCES) {
      assertEquals(Math.max(1, passes), in.getFunc("walk").call(Val.i32(a), Val.i32(0), Val.i32(0))[0].i32());
      assertEquals(Math.max(1, passes), in.getFunc("walkOut").call(Val.i32(a), Val.i32(0), Val.i32(0))[0].i32());
      assertEquals(b != 0 ? a + 1 : a, in.getFunc("copyIf").call(Val.i32(a), Val.i32(b), Val.i32(0))[0].i32());
    }
  }

  @Property(tries = 300)
  void aShiftLeftThenAnAddIsTheUnfusedPair(@ForAll @From("ints") int a, @ForAll @From("ints") int b) {
    for (int k = 0; k < SHIFT_ADD_COUNTS.length; k++) {
      int n = SHIFT_ADD_COUNTS[k];
      int[] expected = {a + (b << n), a + (b << n), a + (a << n), a + (b << n) + 5};
      for (Instance in : INSTANCES) {
        for (int form = 0; form < SHIFT_ADD_FORMS; form++) {
          assertEquals(expected[form],
              in.getFunc("sa" + form + "_" + k).call(Val.i32(a), Val.i32(b), Val.i32(0))[0].i32(),
              "sa" + form + "_" + k + " of " + a + ", " + b);
        }
      }
    }
  }

  @Property(tries = 100)
  void aShiftedIndexAddressesTheSlotAMultipliedOneDoes(@ForAll @From("ints") int a,
      @ForAll @From("indexes") int b, @ForAll @From("indexes") int c) {
    for (Instance in : INSTANCES) {
      assertEquals(a, in.getFunc("slot").call(Val.i32(a), Val.i32(b), Val.i32(c))[0].i32(),
          "slot of " + a + ", " + b + ", " + c);
    }
  }

  @Example
  void everyPairIsOneFusedOpWhereItsResultLeavesTheStack() throws Exception {
    int[][] functions = FusedBranchProperties.irOf(WASM);
    for (int k = 0; k < functions.length; k++) {
      int[] ir = functions[k];
      int fused = 0;
      for (int pc = 0; pc < ir.length; pc += Op.size(ir, pc)) {
        Op op = Op.of(ir[pc]);
        fused += op == Op.I32_SHR_U_AND_RRII || op == Op.I32_MUL_ADD_RRRR
            || op == Op.BR_I32_SHR_U_AND_NEZ_RRIT || op == Op.BR_I32_SHR_U_AND_EQZ_RRIT
            || op == Op.COPY_BR_NEZ_RRRT || op == Op.COPY_BR_EQZ_RRRT || op == Op.I32_SHL_ADD_RRIR
            || op == Op.I32_LOAD_RRRI ? 1 : 0;
        assertTrue(op != Op.I32_SHR_U_RRR, "function " + k + ": " + op);
      }
      // ma_2 returns a sum that a conditional return could still need: its add stays apart
      if (k == 2 * SHIFT_MASKS.length + 2) {
        assertEquals(0, fused, "function " + k);
      } else {
        assertTrue(fused >= 1, "function " + k + ": nothing fused");
      }
    }
    assertEquals(2 * SHIFT_MASKS.length + MULTIPLY_ADDS + BIT_MASKS.length * (FORMS + 1) + 3
        + SHIFT_ADD_COUNTS.length * SHIFT_ADD_FORMS + 1, functions.length);
  }

  /** Shift counts: in range, or any (i32.shr_u takes them modulo 32). */
  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 40), Arbitraries.integers());
  }

  /** Word indexes and byte offsets that keep {@code slot}'s address inside its one page. */
  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, 4000);
  }

  /** ints with few or many bits set, or random. */
  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(Arbitraries.of(0, 1, -1, 2, 7, 0x80, 0xFFFF, Integer.MIN_VALUE,
        Integer.MAX_VALUE, 0x10000, 46341), Arbitraries.integers());
  }
}
