package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.asm.rt.Rt;

/**
 * f32x4 values through lane locals ({@link Registers#hasLaneLocals}, {@link LaneBits}) give the
 * interpreter's bits: {@code lanes.wat}'s accumulator loops (bits settled every iteration, or left
 * out of date through the loop and computed after it), fused load-mul-adds, selects, an exit out
 * of the middle of a loop, a v128 local never written, a product only stored (its bits computed
 * directly), on {@code asm} whole and split into chunks at every cut, against
 * {@code switch}, with NaN payloads in the inputs; and {@code Rt.f32x2Bits} is two lanes'
 * {@code floatToIntBits}.
 */
class LaneBitsProperties {
  private static final byte[] LANES = InterruptionTest.resource("lanes.wasm");

  private static final Instance SWITCH = ExecutorConfigs.eagerInstance("switch", LANES, false);
  private static final Instance ASM = ExecutorConfigs.eagerInstance("asm", LANES, false);
  private static final Instance SPLIT = ExecutorConfigs.eagerInstance("asm", LANES, true);


  @Property(tries = 1000)
  void accumulatorsAreTheInterpreters(@ForAll("halves") long aLo, @ForAll("halves") long aHi,
      @ForAll("halves") long sLo, @ForAll("halves") long sHi, @ForAll @IntRange(min = 0, max = 6) int n,
      @ForAll @Size(24) List<@net.jqwik.api.From("halves") Long> memory, @ForAll("limits") int limit) {
    List<Long> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int k = 0; k < memory.size(); k++) {
        in.getMemory("mem").writeI64(8L * k, memory.get(k));
      }
      for (int half = 0; half < 2; half++) {
        results.add(in.getFunc("top").call(Val.i64(aLo), Val.i64(aHi), Val.i64(sLo), Val.i64(sHi),
            Val.i32(n), Val.i32(half))[0].i64());
        results.add(in.getFunc("bottom").call(Val.i64(aLo), Val.i64(aHi), Val.i64(sLo), Val.i64(sHi),
            Val.i32(Math.max(n, 1)), Val.i32(half), Val.f32(Float.intBitsToFloat(limit)))[0].i64());
      }
    }
    assertEquals(results.subList(0, 4), results.subList(4, 8), "asm");
    assertEquals(results.subList(0, 4), results.subList(8, 12), "asm split");
  }

  @Property(tries = 1000)
  void splatFactorsAreTheInterpreters(@ForAll("halves") long aLo, @ForAll("halves") long aHi,
      @ForAll @IntRange(min = 0, max = 6) int n, @ForAll("starts") int q,
      @ForAll @IntRange(min = 0, max = 3) int half,
      @ForAll @Size(24) List<@net.jqwik.api.From("halves") Long> memory) {
    List<Object> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int k = 0; k < memory.size(); k++) {
        in.getMemory("mem").writeI64(8L * k, memory.get(k));
      }
      try {
        results.add(in.getFunc("splat").call(Val.i64(aLo), Val.i64(aHi), Val.i32(n), Val.i32(q),
            Val.i32(half))[0].i64());
      } catch (org.wasmj.WasmException e) {
        results.add(e.getMessage());
      }
    }
    assertEquals(results.get(0), results.get(1), "asm");
    assertEquals(results.get(0), results.get(2), "asm split");
  }

  /** Where the splat loop starts: in the written memory, or near its end (a trap within n iterations). */
  @Provide
  Arbitrary<Integer> starts() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 88),
        Arbitraries.integers().between(65536 - 100 - 24 - 16, 65536));
  }

  @Property(tries = 1000)
  void productsOnlyStoredAreTheInterpreters(@ForAll("halves") long sLo, @ForAll("halves") long sHi,
      @ForAll @IntRange(min = 0, max = 12) int n, @ForAll @IntRange(min = 0, max = 1) int half,
      @ForAll @Size(24) List<@net.jqwik.api.From("halves") Long> memory) {
    List<Long> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int k = 0; k < 48; k++) {
        in.getMemory("mem").writeI64(8L * k, k < memory.size() ? memory.get(k) : 0);
      }
      results.add(in.getFunc("scale").call(Val.i64(sLo), Val.i64(sHi), Val.i32(n), Val.i32(half))[0].i64());
      for (int k = 24; k < 48; k++) {
        results.add(in.getMemory("mem").readI64(8L * k));
      }
    }
    assertEquals(results.subList(0, 25), results.subList(25, 50), "asm");
    assertEquals(results.subList(0, 25), results.subList(50, 75), "asm split");
  }

  /** A compiler of {@code LANES}' function {@code index}, to ask its analyses. */
  private static FunctionCompiler compilerOf(int index) throws Exception {
    org.wasmj.exec.internal.ModuleCode code = new org.wasmj.exec.internal.ModuleCode(
        org.wasmj.parser.WasmParser.parse(LANES, Config.DEFAULT_FEATURES), Config.DEFAULT_FEATURES,
        new org.wasmj.exec.internal.TypeRegistry(), true, true, false);
    return new FunctionCompiler(code.module(), "wasmj/gen/F" + index, index, code.compiled(index), false);
  }

  /** The product that only a store reads has its bits computed directly ({@link LaneBits#bitsDirect}). */
  @net.jqwik.api.Example
  void aProductOnlyStoredIsComputedAsBits() throws Exception {
    FunctionCompiler c = compilerOf(5);
    c.hasLaneLocals(0); // the analyses, made on first use
    int[] ir = c.code();
    List<String> direct = new ArrayList<>();
    for (int pc = 0; pc < ir.length; pc += org.wasmj.ir.Op.size(ir, pc)) {
      if (c.bitsDirect(pc)) {
        direct.add(org.wasmj.ir.Op.of(ir[pc]).name());
      }
    }
    assertEquals(List.of("F32X4_MUL_VVV"), direct, "in\n" + c.ir);
  }

  @Property(tries = 200)
  void aV128LocalNeverWrittenReadsAsZeroLanes(@ForAll("halves") long aLo, @ForAll("halves") long aHi) {
    List<Long> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int half = 0; half < 2; half++) {
        results.add(in.getFunc("unset").call(Val.i64(aLo), Val.i64(aHi), Val.i32(half))[0].i64());
      }
    }
    assertEquals(results.subList(0, 2), results.subList(2, 4), "asm");
    assertEquals(results.subList(0, 2), results.subList(4, 6), "asm split");
  }

  @Property(tries = 1000)
  void f32x2BitsIsFloatToIntBitsOfEachLane(@ForAll("halves") long bits) {
    float lo = Float.intBitsToFloat((int) bits);
    float hi = Float.intBitsToFloat((int) (bits >>> 32));
    long expected = Float.floatToIntBits(lo) & 0xFFFFFFFFL | (long) Float.floatToIntBits(hi) << 32;
    assertEquals(expected, Rt.f32x2Bits(lo, hi));
  }

  /** The module really has lane locals: the accumulators, the factor, the loaded value. */
  @net.jqwik.api.Example
  void accumulatorsHaveLaneLocals() throws Exception {
    FunctionCompiler c = compilerOf(1);
    int lanes = 0;
    for (int r = 0; r < c.ir.registerCount(); r++) {
      lanes += c.hasLaneLocals(r) ? 1 : 0;
    }
    assertTrue(lanes >= 6, lanes + " halves with lane locals in\n" + c.ir);
  }

  @Provide
  Arbitrary<Integer> limits() {
    return Arbitraries.of(0x7F800000, 0x3F800000, 0x40000000, 0x41200000, 0);
  }

  /** Halves of two f32 lanes from the values floats go wrong on (NaN payloads, infinities, zeros), or random. */
  @Provide
  Arbitrary<Long> halves() {
    Arbitrary<Integer> f32 = Arbitraries.oneOf(
        Arbitraries.of(0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF812345, 0x7FBFFFFF, 0x7FA00000, 0x7F800000,
            0xFF800000, 0, 0x80000000, 1, 0x807FFFFF, 0x3F800000, 0xBF800000, 0x7F7FFFFF, 0x40490FDB),
        Arbitraries.integers());
    return Arbitraries.oneOf(Arbitraries.longs(),
        Combinators.combine(f32, f32).as((x, y) -> (x & 0xFFFFFFFFL) | (long) y << 32));
  }
}
