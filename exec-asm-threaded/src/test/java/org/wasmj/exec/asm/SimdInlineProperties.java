package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.ir.Semantics;
import org.wasmj.ir.SimdForm;
import org.wasmj.ir.SimdSemantics;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * The ops that {@code asm} emits inline ({@link SimdEmitters.Inline}) give what their
 * {@link SimdSemantics} methods give, bit for bit: lane extract/replace and splat for every lane
 * type and lane, and the inline arithmetic, narrowing and shifts (by any count), on random halves
 * rich in the lanes that matter (NaNs of both signs and payloads, infinities, zeros, subnormals; i16
 * lanes at the narrowing edges); and the fused forms: f32x4 multiply-add, i16x8 lane-by-lane
 * division by a constant. Also a typed host function taking and returning v128s from asm code.
 */
class SimdInlineProperties {
  private static final byte V_PREFIX = (byte) 0xFD;
  private static final Opcode[] EXTRACTS = {
    Opcode.I8X16_EXTRACT_LANE_S, Opcode.I8X16_EXTRACT_LANE_U, Opcode.I16X8_EXTRACT_LANE_S,
    Opcode.I16X8_EXTRACT_LANE_U, Opcode.I32X4_EXTRACT_LANE, Opcode.I64X2_EXTRACT_LANE,
    Opcode.F32X4_EXTRACT_LANE, Opcode.F64X2_EXTRACT_LANE,
  };
  private static final Opcode[] REPLACES = {
    Opcode.I8X16_REPLACE_LANE, Opcode.I16X8_REPLACE_LANE, Opcode.I32X4_REPLACE_LANE,
    Opcode.I64X2_REPLACE_LANE, Opcode.F32X4_REPLACE_LANE, Opcode.F64X2_REPLACE_LANE,
  };
  private static final Opcode[] SPLATS = {
    Opcode.I8X16_SPLAT, Opcode.I16X8_SPLAT, Opcode.I32X4_SPLAT, Opcode.I64X2_SPLAT,
    Opcode.F32X4_SPLAT, Opcode.F64X2_SPLAT,
  };
  private static final byte V128 = 0x7B;
  /** {divisor, mask or -1}: those laneDivide emits as SWAR (3 and 1,023 as BLUR) and one it cannot (5). */
  private static final int[][] LANE_DIVIDES = {{3, 1023}, {1, -1}, {2, -1}, {7, 0x3FF}, {255, 0xFF}, {3, -1}, {5, -1}};
  private static final Set<Opcode> ARITHMETIC = inlineArithmetic();

  private static final Map<String, TypedFunc> FUNCS = new TreeMap<>();

  static {
    ModuleBuilder b = new ModuleBuilder();
    List<String> names = new ArrayList<>();
    List<byte[]> params = new ArrayList<>();
    List<Byte> results = new ArrayList<>();
    for (Opcode w : ARITHMETIC) {
      for (int half = 0; half < 2; half++) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        v128FromParams(body, 0);
        boolean two = SimdForm.of(w) == SimdForm.BINARY || SimdForm.of(w) == SimdForm.NARROW;
        if (two) {
          v128FromParams(body, 2);
        }
        byte[] p = two ? types(4, ModuleBuilder.I64) : types(2, ModuleBuilder.I64);
        if (SimdForm.of(w) == SimdForm.SHIFT) { // the count: i32 parameter 2
          body.write(0x20);
          body.write(2);
          p = new byte[] {ModuleBuilder.I64, ModuleBuilder.I64, ModuleBuilder.I32};
        }
        simd(body, w);
        extractHalf(body, half);
        add(b, names, params, results, w.text() + "/" + half, p, ModuleBuilder.I64, body);
      }
    }
    for (Opcode w : EXTRACTS) {
      for (int lane = 0; lane < SimdForm.laneCount(w); lane++) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        v128FromParams(body, 0);
        simd(body, w);
        body.write(lane);
        add(b, names, params, results, w.text() + "/" + lane, types(2, ModuleBuilder.I64), code(w.results()[0]), body);
      }
    }
    for (Opcode w : REPLACES) {
      for (int lane = 0; lane < SimdForm.laneCount(w); lane++) {
        for (int half = 0; half < 2; half++) {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          v128FromParams(body, 0);
          body.write(0x20); // local.get 2: the scalar
          body.write(2);
          simd(body, w);
          body.write(lane);
          extractHalf(body, half);
          byte[] p = {ModuleBuilder.I64, ModuleBuilder.I64, code(w.params()[1])};
          add(b, names, params, results, w.text() + "/" + lane + "/" + half, p, ModuleBuilder.I64, body);
        }
      }
    }
    for (Opcode w : SPLATS) {
      for (int half = 0; half < 2; half++) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x20);
        body.write(0);
        simd(body, w);
        extractHalf(body, half);
        add(b, names, params, results, w.text() + "/" + half, new byte[] {code(w.params()[0])}, ModuleBuilder.I64, body);
      }
    }
    // f32x4.mul then the f32x4.add of its product, fused (SimdEmitters.Inline.mulAdd): the add
    // writing the product's register, or (the product added second) that register written after
    int inner = names.size();
    byte[] v128s = {V128, V128, V128};
    for (int variant = 0; variant < 2; variant++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int[] order = variant == 0 ? new int[] {0, 1, -1, 2} : new int[] {2, 0, 1, -1};
      for (int k : order) {
        if (k < 0) {
          simd(body, Opcode.F32X4_MUL);
        } else {
          body.write(0x20);
          body.write(k);
        }
      }
      simd(body, Opcode.F32X4_ADD);
      if (variant == 1) { // a product the add does not write, then its register written
        body.writeBytes(new byte[] {0x20, 0, 0x20, 1});
        simd(body, Opcode.F32X4_MUL);
        body.write(0x1A); // drop
      }
      add(b, names, params, results, "muladd-inner/" + variant, v128s, V128, body);
    }
    for (int variant = 0; variant < 2; variant++) {
      for (int half = 0; half < 2; half++) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int v = 0; v < 3; v++) {
          v128FromParams(body, 2 * v);
        }
        body.write(0x10); // call
        ModuleBuilder.u32(body, inner + variant);
        extractHalf(body, half);
        add(b, names, params, results, "muladd/" + variant + "/" + half, types(6, ModuleBuilder.I64),
            ModuleBuilder.I64, body);
      }
    }
    // i16x8 lanes divided one by one by a constant (SimdEmitters.Inline.laneDivide), masked or not
    int divides = names.size();
    for (int[] dm : LANE_DIVIDES) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(0x41); // i32.const C; local.set 1: a constant register
      ModuleBuilder.s32(body, dm[0]);
      body.writeBytes(new byte[] {0x21, 1});
      for (int k = 0; k < 8; k++) {
        body.writeBytes(new byte[] {0x20, 0});
        simd(body, Opcode.I16X8_EXTRACT_LANE_U);
        body.write(k);
        if (dm[1] >= 0) {
          body.write(0x41);
          ModuleBuilder.s32(body, dm[1]);
          body.write(0x71); // i32.and
        }
        body.writeBytes(new byte[] {0x20, 1, 0x6E}); // i32.div_u
        simd(body, k == 0 ? Opcode.I16X8_SPLAT : Opcode.I16X8_REPLACE_LANE);
        if (k > 0) {
          body.write(k);
        }
      }
      b.funcTyped("divide-inner/" + dm[0] + "/" + dm[1], new byte[] {V128}, new byte[] {V128}, 1, body.toByteArray());
      names.add("divide-inner/" + dm[0] + "/" + dm[1]);
      params.add(new byte[] {V128});
      results.add(V128);
    }
    for (int i = 0; i < LANE_DIVIDES.length; i++) {
      for (int half = 0; half < 2; half++) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        v128FromParams(body, 0);
        body.write(0x10);
        ModuleBuilder.u32(body, divides + i);
        extractHalf(body, half);
        add(b, names, params, results, "divide/" + i + "/" + half, types(2, ModuleBuilder.I64),
            ModuleBuilder.I64, body);
      }
    }
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    Instance instance = new Linker<Void>(engine).instantiate(new Store<>(engine, null), Module.compile(engine, b.build()));
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).contains("-inner/")) {
        continue; // v128 parameters: called by the module only
      }
      List<ValType> ps = new ArrayList<>();
      for (byte t : params.get(i)) {
        ps.add(type(t));
      }
      FUNCS.put(names.get(i), instance.getTypedFunc(names.get(i), ps, List.of(type(results.get(i)))));
    }
  }

  private static Set<Opcode> inlineArithmetic() {
    Set<Opcode> ops = EnumSet.copyOf(SimdEmitters.Inline.BINARY);
    ops.add(Opcode.I32X4_ABS);
    ops.addAll(SimdEmitters.Inline.SHIFTS);
    ops.add(Opcode.I8X16_NARROW_I16X8_U);
    ops.add(Opcode.I16X8_NARROW_I32X4_U);
    return ops;
  }

  private static void add(ModuleBuilder b, List<String> names, List<byte[]> params, List<Byte> results,
      String name, byte[] p, byte result, ByteArrayOutputStream body) {
    b.funcTyped(name, p, new byte[] {result}, 0, body.toByteArray());
    names.add(name);
    params.add(p);
    results.add(result);
  }

  private static byte[] types(int n, byte t) {
    byte[] types = new byte[n];
    java.util.Arrays.fill(types, t);
    return types;
  }

  /** Pushes the v128 whose halves are i64 parameters {@code first} (low) and {@code first + 1}. */
  private static void v128FromParams(ByteArrayOutputStream body, int first) {
    body.write(0x20);
    body.write(first);
    simd(body, Opcode.I64X2_SPLAT);
    body.write(0x20);
    body.write(first + 1);
    simd(body, Opcode.I64X2_REPLACE_LANE);
    body.write(1);
  }

  private static void extractHalf(ByteArrayOutputStream body, int half) {
    simd(body, Opcode.I64X2_EXTRACT_LANE);
    body.write(half);
  }

  private static void simd(ByteArrayOutputStream body, Opcode w) {
    body.write(V_PREFIX);
    ModuleBuilder.u32(body, w.code());
  }

  private static byte code(ValType t) {
    switch (t) {
      case I32: return ModuleBuilder.I32;
      case I64: return ModuleBuilder.I64;
      case F32: return ModuleBuilder.F32;
      default: return ModuleBuilder.F64;
    }
  }

  private static ValType type(byte code) {
    switch (code) {
      case ModuleBuilder.I32: return ValType.I32;
      case ModuleBuilder.I64: return ValType.I64;
      case ModuleBuilder.F32: return ValType.F32;
      default: return ValType.F64;
    }
  }

  private static Object invoke(String method, Class<?>[] types, Object... args) {
    try {
      Method m = SimdSemantics.class.getMethod(method, types);
      return m.invoke(null, args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(method, e);
    }
  }

  private static long call(String name, long... args) {
    return FUNCS.get(name).call(args)[0];
  }

  @Property(tries = 1000)
  void inlineArithmeticIsSimdSemantics(@ForAll("arithmetic") Opcode w, @ForAll("halves") long aLo,
      @ForAll("halves") long aHi, @ForAll("halves") long bLo, @ForAll("halves") long bHi,
      @ForAll int count) {
    String method = Semantics.methodName(w);
    for (int half = 0; half < 2; half++) {
      long a = half == 0 ? aLo : aHi;
      long b = half == 0 ? bLo : bHi;
      if (SimdForm.of(w) == SimdForm.NARROW) { // each half of the result from one operand
        long expected = (long) invoke(method, new Class<?>[] {long.class, long.class},
            half == 0 ? aLo : bLo, half == 0 ? aHi : bHi);
        assertEquals(expected, call(w.text() + "/" + half, aLo, aHi, bLo, bHi), w.text() + " half " + half);
      } else if (SimdForm.of(w) == SimdForm.BINARY) {
        long expected = (long) invoke(method, new Class<?>[] {long.class, long.class}, a, b);
        assertEquals(expected, call(w.text() + "/" + half, aLo, aHi, bLo, bHi), w.text() + " half " + half);
      } else if (SimdForm.of(w) == SimdForm.SHIFT) {
        long expected = (long) invoke(method, new Class<?>[] {long.class, int.class}, a, count);
        assertEquals(expected, call(w.text() + "/" + half, aLo, aHi, count), w.text() + " half " + half);
      } else {
        long expected = (long) invoke(method, new Class<?>[] {long.class}, a);
        assertEquals(expected, call(w.text() + "/" + half, aLo, aHi), w.text() + " half " + half);
      }
    }
  }

  /** A typed host function with v128 parameters between others (two slots each) and a v128 result, called from asm code. */
  @net.jqwik.api.Example
  void v128PassesToAndFromATypedHostFunction() {
    byte[] p = {ModuleBuilder.I32, V128, ModuleBuilder.I64, V128};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x20, 0}); // i32
    v128FromParams(body, 1);
    body.writeBytes(new byte[] {0x20, 3}); // i64
    v128FromParams(body, 4);
    body.writeBytes(new byte[] {0x10, 0}); // call the import
    extractHalf(body, 1);
    byte[] wasm = new ModuleBuilder().importTyped("host", "v", p, new byte[] {V128})
        .funcTyped("call", new byte[] {ModuleBuilder.I32, ModuleBuilder.I64, ModuleBuilder.I64, ModuleBuilder.I64,
            ModuleBuilder.I64, ModuleBuilder.I64}, new byte[] {ModuleBuilder.I64}, 0, body.toByteArray())
        .build();
    Engine engine = new Engine(Config.defaults().withExecutor("asm"));
    Linker<Void> linker = new Linker<>(engine);
    linker.funcWrap("host", "v", org.wasmj.exec.HostType.I32, org.wasmj.exec.HostType.V128,
        org.wasmj.exec.HostType.I64, org.wasmj.exec.HostType.V128, org.wasmj.exec.HostType.V128,
        (caller, a, v, b, w) -> org.wasmj.exec.Val.v128(0, v.high() + a + b + w.bits() + 1000 * w.high()));
    Instance i = linker.instantiate(new Store<>(engine, null), Module.compile(engine, wasm));
    TypedFunc f = i.getTypedFunc("call", List.of(ValType.I32, ValType.I64, ValType.I64, ValType.I64, ValType.I64,
        ValType.I64), List.of(ValType.I64));
    assertEquals(3 + 20 + 5 + 7 + 1000 * 9, f.call(3, 10, 20, 5, 7, 9)[0]);
  }

  @Property(tries = 1000)
  void fusedMultiplyAddIsMulThenAdd(@ForAll("halves") long aLo, @ForAll("halves") long aHi,
      @ForAll("halves") long bLo, @ForAll("halves") long bHi, @ForAll("halves") long cLo,
      @ForAll("halves") long cHi) {
    Class<?>[] two = {long.class, long.class};
    long[] a = {aLo, aHi};
    long[] b = {bLo, bHi};
    long[] c = {cLo, cHi};
    for (int half = 0; half < 2; half++) {
      long product = (long) invoke(Semantics.methodName(Opcode.F32X4_MUL), two, a[half], b[half]);
      String add = Semantics.methodName(Opcode.F32X4_ADD);
      long[] expected = {(long) invoke(add, two, product, c[half]), (long) invoke(add, two, c[half], product)};
      for (int variant = 0; variant < 2; variant++) {
        assertEquals(expected[variant], call("muladd/" + variant + "/" + half, aLo, aHi, bLo, bHi, cLo, cHi),
            "variant " + variant + " half " + half);
      }
    }
  }

  /** Every u16 lane value, four per half, through every divisor and mask (the multiplier and shift are exact). */
  @net.jqwik.api.Example
  void laneByLaneDivisionIsExactForEveryLaneValue() {
    for (int x = 0; x < 0x10000; x += 8) {
      long lo = 0;
      long hi = 0;
      for (int k = 0; k < 4; k++) {
        lo |= (long) (x + k) << (16 * k);
        hi |= (long) (x + 4 + k) << (16 * k);
      }
      laneByLaneDivisionIsLaneByLane(lo, hi);
    }
  }

  @Property(tries = 1000)
  void laneByLaneDivisionIsLaneByLane(@ForAll("halves") long lo, @ForAll("halves") long hi) {
    for (int i = 0; i < LANE_DIVIDES.length; i++) {
      int divisor = LANE_DIVIDES[i][0];
      int mask = LANE_DIVIDES[i][1];
      long[] h = {lo, hi};
      for (int half = 0; half < 2; half++) {
        long expected = 0;
        for (int k = 0; k < 4; k++) {
          int lane = (int) (h[half] >>> (16 * k)) & 0xFFFF;
          expected |= (long) Integer.divideUnsigned(lane & mask, divisor) << (16 * k);
        }
        assertEquals(expected, call("divide/" + i + "/" + half, lo, hi), "divide by " + divisor + " mask " + mask);
      }
    }
  }

  @Property(tries = 1000)
  void inlineLaneOpsAreSimdSemantics(@ForAll("halves") long lo, @ForAll("halves") long hi,
      @ForAll("halves") long scalar) {
    for (Opcode w : EXTRACTS) {
      int lanes = SimdForm.laneCount(w);
      for (int lane = 0; lane < lanes; lane++) {
        long h = lane < lanes / 2 ? lo : hi;
        boolean wide = w.results()[0] == ValType.I64 || w.results()[0] == ValType.F64;
        Object r = invoke(Semantics.methodName(w), new Class<?>[] {long.class, int.class}, h, lane % (lanes / 2));
        long expected = wide ? (long) r : (int) r;
        long actual = call(w.text() + "/" + lane, lo, hi);
        assertEquals(expected, wide ? actual : (int) actual, w.text() + " lane " + lane);
      }
    }
    for (Opcode w : REPLACES) {
      int lanes = SimdForm.laneCount(w);
      boolean wide = w.params()[1] == ValType.I64 || w.params()[1] == ValType.F64;
      long x = wide ? scalar : (int) scalar;
      for (int lane = 0; lane < lanes; lane++) {
        int half = lane < lanes / 2 ? 0 : 1;
        long replaced = (long) invoke(Semantics.methodName(w),
            new Class<?>[] {long.class, wide ? long.class : int.class, int.class},
            half == 0 ? lo : hi, wide ? (Object) x : (Object) (int) x, lane % (lanes / 2));
        long[] expected = half == 0 ? new long[] {replaced, hi} : new long[] {lo, replaced};
        for (int k = 0; k < 2; k++) {
          assertEquals(expected[k], call(w.text() + "/" + lane + "/" + k, lo, hi, x), w.text() + " lane " + lane);
        }
      }
    }
    for (Opcode w : SPLATS) {
      boolean wide = w.params()[0] == ValType.I64 || w.params()[0] == ValType.F64;
      long x = wide ? scalar : (int) scalar;
      long expected = (long) invoke(Semantics.methodName(w), new Class<?>[] {wide ? long.class : int.class},
          wide ? (Object) x : (Object) (int) x);
      for (int k = 0; k < 2; k++) {
        assertEquals(expected, call(w.text() + "/" + k, x), w.text());
      }
    }
  }

  @Provide
  Arbitrary<Opcode> arithmetic() {
    return Arbitraries.of(ARITHMETIC);
  }

  /** Halves of random bits, or of two f32 lanes or one f64 lane from the values floats go wrong on. */
  @Provide
  Arbitrary<Long> halves() {
    Arbitrary<Integer> f32 = Arbitraries.oneOf(
        Arbitraries.of(0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF812345, 0x7FBFFFFF, 0x7F800000, 0xFF800000,
            0, 0x80000000, 1, 0x807FFFFF, 0x3F800000, 0xBF800000, 0x7F7FFFFF),
        Arbitraries.integers());
    Arbitrary<Long> f64 = Arbitraries.oneOf(
        Arbitraries.of(0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF0000000000001L, 0xFFF4000000000123L,
            0x7FF0000000000000L, 0xFFF0000000000000L, 0L, 0x8000000000000000L, 1L, 0x3FF0000000000000L),
        Arbitraries.longs());
    // i16 lanes at the edges of narrowing (and, paired, i32 lanes at theirs)
    Arbitrary<Integer> i16 = Arbitraries.oneOf(
        Arbitraries.of(0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFF80, 0xFF7F, 0xFFFF, 0x1FF),
        Arbitraries.integers().between(0, 0xFFFF));
    Arbitrary<Long> i16s = net.jqwik.api.Combinators.combine(i16, i16, i16, i16)
        .as((w, x, y, z) -> (w & 0xFFFFL) | (x & 0xFFFFL) << 16 | (y & 0xFFFFL) << 32 | (long) z << 48);
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        i16s,
        f64,
        net.jqwik.api.Combinators.combine(f32, f32).as((x, y) -> (x & 0xFFFFFFFFL) | (long) y << 32));
  }
}
