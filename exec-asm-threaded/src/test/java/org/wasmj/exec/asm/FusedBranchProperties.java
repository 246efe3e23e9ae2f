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
 * The branches the translator fuses with the instruction before them, on {@code switch}, {@code
 * asm} whole and split and {@code tiered}. Bit tests ({@code i32.and} with a constant, then
 * {@code br_if} or {@code if} on the result or on its {@code i32.eqz}: {@link
 * Op#BR_I32_AND_NEZ_RIT}, {@link Op#BR_I32_AND_EQZ_RIT}) branch exactly when {@code a & mask} is
 * (not) zero, also as the head test of a rotated loop. A counter's step and the branch on it
 * ({@code i32.add; local.tee; br_if}, and against a bound: {@link Op#I32_ADD_BR_NEZ_RRIT}, {@link
 * Op#I32_ADD_BR_NE_RRIRT}) count as the unfused code does and leave the sum in the local.
 */
class FusedBranchProperties {
  private static final int[] MASKS = {0, 1, 8, 0x80, -1, Integer.MIN_VALUE, 0x7FFFFFFF, 0xF0F0, 6};
  /** Per mask: br_if on the and, br_if on its eqz, if on the and, if on its eqz. */
  static final int FORMS = 4;
  /** The counters' steps. */
  private static final int[] STEPS = {1, -1, 3, -7, 0x40000000};
  /** Passes at most of a counting loop. */
  private static final int PASSES = 40;

  private static final byte[] WASM = module();
  private static final List<Instance> INSTANCES = ExecutorConfigs.eagerInstances(WASM);

  /**
   * A body that returns 1 if a branch on the i32 {@code test} leaves (its {@code i32.eqz} for odd
   * {@code form}s), else 0: as {@code block; test; br_if 0} for forms 0 and 1, as {@code test; if}
   * for forms 2 and 3 ({@link #FORMS} in all).
   */
  static byte[] branchOn(byte[] test, int form) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean viaIf = form >= 2;
    if (!viaIf) {
      out.writeBytes(new byte[] {0x02, 0x40}); // block
    }
    out.writeBytes(test);
    if (form % 2 == 1) {
      out.write(0x45); // i32.eqz
    }
    if (viaIf) { // if (then return 1) end; 0
      out.writeBytes(new byte[] {0x04, 0x40, 0x41, 1, 0x0F, 0x0B, 0x41, 0});
    } else { // br_if 0; return 0; end; 1
      out.writeBytes(new byte[] {0x0D, 0, 0x41, 0, 0x0F, 0x0B, 0x41, 1});
    }
    return out.toByteArray();
  }

  /**
   * {@code f<form>_<j>(a)}: 1 if the bit test of {@code a} with mask {@code j} branches, else 0;
   * {@code loop_<j>(a)}: how many times {@code a} shifts right until {@code a & mask} is not zero
   * or {@code a} is (a loop whose head is a bit test, rotated).
   */
  private static byte[] module() {
    ModuleBuilder b = new ModuleBuilder();
    byte[] i32 = {ModuleBuilder.I32};
    for (int j = 0; j < MASKS.length; j++) {
      ByteArrayOutputStream and = new ByteArrayOutputStream();
      and.writeBytes(new byte[] {0x20, 0, 0x41});
      ModuleBuilder.s32(and, MASKS[j]);
      and.write(0x71);
      byte[] test = and.toByteArray();
      for (int form = 0; form < FORMS; form++) {
        b.funcTyped("f" + form + "_" + j, i32, i32, 0, branchOn(test, form));
      }
      ByteArrayOutputStream loop = new ByteArrayOutputStream();
      loop.writeBytes(new byte[] {0x02, 0x40, 0x03, 0x40}); // block; loop
      loop.writeBytes(test);
      loop.writeBytes(new byte[] {0x0D, 1, // br_if 1
          0x20, 0, 0x45, 0x0D, 1, // local.get 0; i32.eqz; br_if 1
          0x20, 0, 0x41, 1, 0x76, 0x21, 0, // a >>>= 1
          0x20, 1, 0x41, 1, 0x6A, 0x21, 1, // n += 1
          0x0C, 0, 0x0B, 0x0B, 0x20, 1}); // br 0; end; end; n
      b.funcTyped("loop_" + j, i32, i32, 1, loop.toByteArray());
    }
    byte[] two = {ModuleBuilder.I32, ModuleBuilder.I32};
    for (int k = 0; k < STEPS.length; k++) {
      ByteArrayOutputStream step = new ByteArrayOutputStream();
      step.writeBytes(new byte[] {0x20, 0, 0x41});
      ModuleBuilder.s32(step, STEPS[k]);
      step.writeBytes(new byte[] {0x6A, 0x22, 0}); // i32.add; local.tee 0
      byte[] add = step.toByteArray();
      for (boolean bound : new boolean[] {false, true}) {
        ByteArrayOutputStream loop = new ByteArrayOutputStream();
        loop.writeBytes(new byte[] {0x02, 0x40, 0x03, 0x40, // block; loop; n += 1; exit at PASSES
            0x20, 2, 0x41, 1, 0x6A, 0x22, 2, 0x41, PASSES, 0x4F, 0x0D, 1});
        loop.writeBytes(add);
        if (bound) {
          loop.writeBytes(new byte[] {0x20, 1, 0x47}); // local.get 1; i32.ne
        }
        loop.writeBytes(new byte[] {0x0D, 0, 0x0B, 0x0B, // br_if 0; end; end; n * 1000 + a % 1000
            0x20, 2, 0x41, (byte) 0xE8, 0x07, 0x6C, 0x20, 0, 0x41, (byte) 0xE8, 0x07, 0x6F, 0x6A});
        b.funcTyped((bound ? "ne_" : "nez_") + k, two, i32, 1, loop.toByteArray());
      }
      ByteArrayOutputStream eq = new ByteArrayOutputStream(); // if (a += step) == b: 1, else a
      eq.writeBytes(add);
      eq.writeBytes(new byte[] {0x20, 1, 0x46, 0x04, 0x40, 0x41, 1, 0x0F, 0x0B, 0x20, 0});
      b.funcTyped("eq_" + k, two, i32, 0, eq.toByteArray());
    }
    return b.build();
  }

  @Property(tries = 300)
  void aBitTestBranchesWhenTheMaskedBitsAre(@ForAll @From("ints") int a) {
    for (int j = 0; j < MASKS.length; j++) {
      boolean set = (a & MASKS[j]) != 0;
      int shifts = 0;
      for (int x = a; (x & MASKS[j]) == 0 && x != 0; x >>>= 1) {
        shifts++;
      }
      for (Instance in : INSTANCES) {
        for (int form = 0; form < FORMS; form++) {
          int want = set == (form % 2 == 0) ? 1 : 0;
          assertEquals(want, in.getFunc("f" + form + "_" + j).call(Val.i32(a))[0].i32(),
              "form " + form + ", mask " + MASKS[j]);
        }
        assertEquals(shifts, in.getFunc("loop_" + j).call(Val.i32(a))[0].i32(), "loop, mask " + MASKS[j]);
      }
    }
  }

  @Property(tries = 300)
  void aCounterStepsAndBranchesAsUnfused(@ForAll @From("ints") int a, @ForAll @From("distances") int d) {
    for (int k = 0; k < STEPS.length; k++) {
      int bound = a + d * STEPS[k];
      for (Instance in : INSTANCES) {
        for (boolean against : new boolean[] {false, true}) {
          int x = a;
          int n = 0;
          while (true) {
            if (++n >= PASSES) {
              break;
            }
            x += STEPS[k];
            if (against ? x == bound : x == 0) {
              break;
            }
          }
          String name = (against ? "ne_" : "nez_") + k;
          assertEquals(n * 1000 + x % 1000, in.getFunc(name).call(Val.i32(a), Val.i32(bound))[0].i32(),
              name + " from " + a);
        }
        int sum = a + STEPS[k];
        assertEquals(sum == bound ? 1 : sum, in.getFunc("eq_" + k).call(Val.i32(a), Val.i32(bound))[0].i32());
      }
    }
  }

  /** The register IR of each function defined in {@code wasm}, translated eagerly. */
  static int[][] irOf(byte[] wasm) throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(wasm, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    int[][] functions = new int[code.functionCount()][];
    for (int k = 0; k < functions.length; k++) {
      functions[k] = code.compiled(k).code();
    }
    return functions;
  }

  @Example
  void everyTestIsOneFusedBranch() throws Exception {
    int[][] functions = irOf(WASM);
    for (int k = 0; k < functions.length; k++) {
      int[] ir = functions[k];
      int fused = 0;
      for (int pc = 0; pc < ir.length; pc += Op.size(ir, pc)) {
        Op op = Op.of(ir[pc]);
        assertTrue(op != Op.I32_AND_RRI && op != Op.I32_EQZ_RR, "function " + k + ": " + op);
        fused += op == Op.BR_I32_AND_NEZ_RIT || op == Op.BR_I32_AND_EQZ_RIT
            || op == Op.I32_ADD_BR_NEZ_RRIT || op == Op.I32_ADD_BR_NE_RRIRT ? 1 : 0;
      }
      assertTrue(fused >= 1, "function " + k + ": no fused branch");
    }
  }

  /** How many steps from the start the bound is: near (reached or passed), or anywhere. */
  @Provide
  Arbitrary<Integer> distances() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-3, PASSES + 3), Arbitraries.integers());
  }

  /** ints with few or many bits set, or random. */
  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(Arbitraries.of(0, 1, -1, 2, 8, 16, 0x80, 0x100, Integer.MIN_VALUE,
        Integer.MAX_VALUE, 0xF000, 0x0F0F), Arbitraries.integers());
  }
}
