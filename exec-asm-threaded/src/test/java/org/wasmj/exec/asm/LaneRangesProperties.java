package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmParser;

/**
 * Integer lane ops that {@link LaneRanges} lets {@code asm} emit as one JVM instruction per half
 * (adds that cannot carry, shifts that stay in their lanes, narrows with nothing to saturate),
 * shuffles that compute only the bytes a constant mask keeps and i32x4 max_s with a zero vector give
 * the interpreter's bits: {@code ranges.wat}'s widen-sum-narrow and clamp code as clang writes it,
 * and the same ops where nothing or only one path's range is known, on {@code asm} whole and split
 * into chunks at every cut, against {@code switch}, over random bytes and the bytes at the edges
 * (0, 0x7F, 0x80, 0xFF); {@code i8x16.lt_u} against constants, inline where their bytes are at
 * most 0x80 (and computing only the bit of each byte that a mask keeps); histogram's range counts
 * ({@code counts}), whose byte-wise ops compute only the bytes a shuffle and a mask read, and range
 * tests fused with their add or sub ({@code bands}, {@code counts}); and the analysis does pick those forms where the ranges
 * allow, and only there.
 */
class LaneRangesProperties {
  private static final byte[] RANGES = InterruptionTest.resource("ranges.wasm");

  private static final Instance SWITCH = ExecutorConfigs.eagerInstance("switch", RANGES, false);
  private static final Instance ASM = ExecutorConfigs.eagerInstance("asm", RANGES, false);
  private static final Instance SPLIT = ExecutorConfigs.eagerInstance("asm", RANGES, true);


  @Property(tries = 1000)
  void laneOpsAreTheInterpreters(@ForAll @Size(48) List<@net.jqwik.api.From("bytes") Byte> memory,
      @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 0, max = 3) int loops) {
    List<Long> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int k = 0; k < memory.size(); k++) {
        in.getMemory("mem").writeByte(k, memory.get(k));
      }
      for (int half = 0; half < 2; half++) {
        for (int flag = 0; flag < 2; flag++) {
          results.add(in.getFunc("sums").call(Val.i32(flag), Val.i32(half))[0].i64());
          results.add(in.getFunc("joins").call(Val.i32(flag), Val.i32(loops), Val.i32(half))[0].i64());
          results.add(in.getFunc("masks").call(Val.i32(flag), Val.i32(half))[0].i64());
        }
        results.add(in.getFunc("sharpen").call(Val.i32(half))[0].i64());
        results.add(in.getFunc("shifts").call(Val.i32(n), Val.i32(half))[0].i64());
        results.add(in.getFunc("extends").call(Val.i32(half))[0].i64());
        results.add(in.getFunc("maxzero").call(Val.i32(half))[0].i64());
        results.add(in.getFunc("below").call(Val.i32(half))[0].i64());
        results.add(in.getFunc("counts").call(Val.i32(half))[0].i64());
        results.add(in.getFunc("bands").call(Val.i32(half))[0].i64());
      }
    }
    int each = results.size() / 3;
    assertEquals(results.subList(0, each), results.subList(each, 2 * each), "asm");
    assertEquals(results.subList(0, each), results.subList(2 * each, 3 * each), "asm split");
  }

  /** Function {@code k}'s answers at each instruction of {@code op}, in order. */
  private static List<Boolean> answers(int k, Op op, java.util.function.BiPredicate<LaneRanges, Integer> q)
      throws Exception {
    return atEach(k, op, (c, pc) -> q.test(c.laneRanges(), pc));
  }

  @Example
  void theRangesAreKnownWhereTheCodeMakesThemAndOnlyThere() throws Exception {
    // sums: the four adds of widened bytes; the masked narrow packs, the other saturates
    assertEquals(List.of(true, true, true, true),
        answers(1, Op.I16X8_ADD_VVV, (r, pc) -> r.addStaysInLanes(pc, 16)));
    assertEquals(List.of(true, false), answers(1, Op.I8X16_NARROW_I16X8_U_VVV,
        (r, pc) -> r.within(pc, 0, 16, 0xFF) && r.within(pc, 1, 16, 0xFF)));
    // sharpen: every shift by 1 stays in its lane; the last clamp has no lower bound
    assertEquals(List.of(true, true, true, true), answers(2, Op.I32X4_SHL_VVR,
        (r, pc) -> r.shiftCount(pc) == 1 && r.within(pc, 0, 32, 0x7FFFFFFF >> 1)));
    assertEquals(List.of(true, false), answers(2, Op.I16X8_NARROW_I32X4_U_VVV,
        (r, pc) -> r.within(pc, 0, 32, 0xFFFF) && r.within(pc, 1, 32, 0xFFFF)));
    assertEquals(List.of(true), answers(2, Op.I8X16_NARROW_I16X8_U_VVV,
        (r, pc) -> r.within(pc, 0, 16, 0xFF) && r.within(pc, 1, 16, 0xFF)));
    // shifts: by 23 in its lane, by 25 past it, by a variable: no count
    assertEquals(List.of(true, false, false), answers(3, Op.I32X4_SHL_VVR,
        (r, pc) -> r.shiftCount(pc) >= 0 && r.within(pc, 0, 32, (1L << (32 - r.shiftCount(pc))) - 1)));
    // extends: the unsigned sums cannot carry, the signed one may
    assertEquals(List.of(true, true, false), answers(4, Op.I16X8_ADD_VVV, (r, pc) -> r.addStaysInLanes(pc, 16)));
    assertEquals(List.of(true), answers(4, Op.I32X4_ADD_VVV, (r, pc) -> r.addStaysInLanes(pc, 32)));
    // joins: nothing known after the join nor in the loop
    assertEquals(List.of(false, false), answers(5, Op.I16X8_ADD_VVV, (r, pc) -> r.addStaysInLanes(pc, 16)));
    // masks: a shuffle whose result is also read whole, and one only masked by a constant
    ModuleCode code = new ModuleCode(WasmParser.parse(RANGES, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F6", 6, code.compiled(6), false);
    List<Integer> demanded = new ArrayList<>();
    for (int pc = 0; pc < c.code().length; pc += Op.size(c.code(), pc)) {
      if (Op.of(c.code()[pc]) == Op.I8X16_SHUFFLE_VVVLL) {
        demanded.add(c.laneRanges().demanded(c, pc));
      }
    }
    assertEquals(List.of(0xFFFF, 0x1913), demanded);
    // counts: the splats, adds, sub and lt_u of the range tests are read in bytes 0-3 through
    // a shuffle and a mask, the last test's in bytes 0-7 (its shuffle takes byte 5)
    for (Op op : List.of(Op.I32X4_SPLAT_VR, Op.I8X16_ADD_VVV, Op.I8X16_SUB_VVV, Op.I8X16_LT_U_VVV)) {
      List<Integer> expected = op == Op.I32X4_SPLAT_VR || op == Op.I8X16_ADD_VVV ? List.of(0xF, 0x2D)
          : op == Op.I8X16_SUB_VVV ? List.of(0xF) : List.of(0xF, 0xF, 0x2D);
      assertEquals(expected, demanded(9, op), op.toString());
    }
    // and of their bits: counts' lt_u results are masked by 1 (bit 0 of each byte), by 3 (two
    // bits) and by 0xFF; below's by 1, 2 and 4 (the last one the general compare)
    assertEquals(List.of(0x01, 0x03, 0xFF), demandedBits(9, Op.I8X16_LT_U_VVV));
    assertEquals(List.of(0x01, 0x02, 0x04), demandedBits(8, Op.I8X16_LT_U_VVV));
  }

  /** {@link LaneRanges#demandedBits} at each instruction of {@code op} in function {@code k}, in order. */
  private static List<Integer> demandedBits(int k, Op op) throws Exception {
    return atEach(k, op, (c, pc) -> c.laneRanges().demandedBits(c, pc));
  }

  /** {@link LaneRanges#demanded} at each instruction of {@code op} in function {@code k}, in order. */
  private static List<Integer> demanded(int k, Op op) throws Exception {
    return atEach(k, op, (c, pc) -> c.laneRanges().demanded(c, pc));
  }

  /** {@code question} asked at each instruction of {@code op} in function {@code k} of ranges.wat, in order. */
  private static <T> List<T> atEach(int k, Op op,
      java.util.function.BiFunction<FunctionCompiler, Integer, T> question) throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(RANGES, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F" + k, k, code.compiled(k), false);
    List<T> out = new ArrayList<>();
    for (int pc = 0; pc < c.code().length; pc += Op.size(c.code(), pc)) {
      if (Op.of(c.code()[pc]) == op) {
        out.add(question.apply(c, pc));
      }
    }
    return out;
  }

  /** Bytes at the edges of the lane ranges, or random. */
  @Provide
  Arbitrary<Byte> bytes() {
    return Arbitraries.oneOf(Arbitraries.of((byte) 0, (byte) 0x7F, (byte) 0x80, (byte) 0xFF),
        Arbitraries.bytes());
  }
}
