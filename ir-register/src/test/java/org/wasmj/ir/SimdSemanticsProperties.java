package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Every SIMD lane op of {@link SimdSemantics}, applied to whole v128s as its {@link SimdForm}
 * says (as the executors do), against a scalar reference model written here: the v128 split into
 * lanes, each lane computed with plain Java arithmetic or the scalar {@link Semantics}. Each try
 * checks every op, so each op gets the property's 1,000 tries; lanes are biased toward edge values
 * (0, ±1, the signed and unsigned extremes, NaNs, infinities, ±0, values near the saturation bounds).
 */
class SimdSemanticsProperties {
  /** The SIMD instructions computed by SimdSemantics alone (no memory access). */
  private static final List<Opcode> OPS = new ArrayList<>();

  static {
    for (Opcode w : Opcode.values()) {
      SimdForm form = SimdForm.of(w);
      if (form != null && !w.text().startsWith("v128.load") && !w.text().startsWith("v128.store")
          && form != SimdForm.CONST) {
        OPS.add(w);
      }
    }
  }

  /** One try's inputs: three v128s, a scalar, a lane index, 16 shuffle indices. */
  record Inputs(long[] a, long[] b, long[] c, long x, int lane, byte[] shuffle) {}

  @Test
  void everyLaneOpIsChecked() {
    assertEquals(236 - 23, OPS.size()); // all SIMD instructions but the 22 memory ops and v128.const
  }

  @Property(tries = 1000)
  void everyLaneOpMatchesTheScalarModel(@ForAll("inputs") Inputs in) throws Throwable {
    for (Opcode w : OPS) {
      long[] expected = Reference.apply(w, in);
      long[] actual = viaHalves(w, in);
      assertArrayEquals(expected, actual, () -> w.text() + " of " + show(in));
    }
  }

  @Property(tries = 1000)
  void memoryOpsMoveTheRightBits(@ForAll("v128") long[] v, @ForAll long x, @ForAll("lane") int lane)
      throws Throwable {
    // loads that widen: the 8 loaded bytes are the low half extended
    for (String[] p : new String[][] {{"v128Load8x8S", "i16x8ExtendLowI8x16S"}, {"v128Load8x8U", "i16x8ExtendLowI8x16U"},
        {"v128Load16x4S", "i32x4ExtendLowI16x8S"}, {"v128Load16x4U", "i32x4ExtendLowI16x8U"},
        {"v128Load32x2S", "i64x2ExtendLowI32x4S"}, {"v128Load32x2U", "i64x2ExtendLowI32x4U"}}) {
      for (int part = 0; part < 2; part++) {
        assertEquals(call(p[1], x, part), call(p[0], x, part), p[0]);
      }
    }
    int l8 = lane & 7;
    assertEquals(SimdSemantics.i8x16ReplaceLane(v[0], (int) x, l8), SimdSemantics.v128Load8Lane(v[0], (int) x, l8));
    assertEquals((byte) (v[0] >>> (8 * l8)), (byte) SimdSemantics.v128Store8Lane(v[0], l8));
    assertEquals((short) (v[0] >>> (16 * (l8 & 3))), (short) SimdSemantics.v128Store16Lane(v[0], l8 & 3));
    assertEquals((int) (v[1] >>> (32 * (l8 & 1))), SimdSemantics.v128Store32Lane(v[1], l8 & 1));
    assertEquals(v[1], SimdSemantics.v128Store64Lane(v[1], 0));
    assertEquals(SimdSemantics.i16x8Splat((int) x), SimdSemantics.v128Load16Splat((int) x));
  }

  private static long call(String name, long x, int part) throws Throwable {
    return (long) MethodHandles.lookup().findStatic(SimdSemantics.class, name,
        MethodType.methodType(long.class, long.class, int.class)).invoke(x, part);
  }

  // ---- the system under test, driven through the forms ----

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private static final java.util.Map<Opcode, MethodHandle> METHODS = new java.util.EnumMap<>(Opcode.class);

  private static MethodHandle method(Opcode w) {
    return METHODS.computeIfAbsent(w, SimdSemanticsProperties::find);
  }

  private static MethodHandle find(Opcode w) {
    for (var m : SimdSemantics.class.getMethods()) {
      if (m.getName().equals(Semantics.methodName(w))) {
        try {
          return LOOKUP.unreflect(m);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no SimdSemantics method for " + w.text());
  }

  private static boolean narrow(ValType t) {
    return t == ValType.I32 || t == ValType.F32;
  }

  /** {@code w} on the inputs as an executor computes it: {lo, hi}, or {scalar} for scalar results. */
  static long[] viaHalves(Opcode w, Inputs in) throws Throwable {
    MethodHandle m = method(w);
    long[] a = in.a;
    long[] b = in.b;
    SimdForm form = SimdForm.of(w);
    int half = form == SimdForm.EXTRACT || form == SimdForm.REPLACE ? SimdForm.laneCount(w) / 2 : 1;
    switch (form) {
      case SHUFFLE: {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 8; i++) {
          lo |= (in.shuffle[i] & 0xFFL) << (8 * i);
          hi |= (in.shuffle[i + 8] & 0xFFL) << (8 * i);
        }
        return new long[] {(long) m.invoke(a[0], a[1], b[0], b[1], lo), (long) m.invoke(a[0], a[1], b[0], b[1], hi)};
      }
      case SWIZZLE:
        return new long[] {(long) m.invoke(a[0], a[1], b[0]), (long) m.invoke(a[0], a[1], b[1])};
      case EXTRACT: {
        int lane = in.lane % (2 * half);
        Object r = m.invoke(lane < half ? a[0] : a[1], lane % half);
        return new long[] {r instanceof Integer ? (long) (int) r : (long) r};
      }
      case REPLACE: {
        int lane = in.lane % (2 * half);
        Object x = narrow(w.params()[1]) ? (Object) (int) in.x : (Object) in.x;
        long h = (long) m.invokeWithArguments(lane < half ? a[0] : a[1], x, lane % half);
        return lane < half ? new long[] {h, a[1]} : new long[] {a[0], h};
      }
      case SPLAT: {
        long h = narrow(w.params()[0]) ? (long) m.invoke((int) in.x) : (long) m.invoke(in.x);
        return new long[] {h, h};
      }
      case UNARY:
        return new long[] {(long) m.invoke(a[0]), (long) m.invoke(a[1])};
      case BINARY:
        return new long[] {(long) m.invoke(a[0], b[0]), (long) m.invoke(a[1], b[1])};
      case TERNARY:
        return new long[] {(long) m.invoke(a[0], b[0], in.c[0]), (long) m.invoke(a[1], b[1], in.c[1])};
      case SHIFT:
        return new long[] {(long) m.invoke(a[0], (int) in.x), (long) m.invoke(a[1], (int) in.x)};
      case REDUCE:
        return new long[] {(int) m.invoke(a[0], a[1])};
      case EXTEND_LOW:
      case EXTEND_HIGH: {
        long h = form == SimdForm.EXTEND_LOW ? a[0] : a[1];
        return new long[] {(long) m.invoke(h, 0), (long) m.invoke(h, 1)};
      }
      case EXTMUL_LOW:
      case EXTMUL_HIGH: {
        int k = form == SimdForm.EXTMUL_LOW ? 0 : 1;
        return new long[] {(long) m.invoke(a[k], b[k], 0), (long) m.invoke(a[k], b[k], 1)};
      }
      case NARROW:
        return new long[] {(long) m.invoke(a[0], a[1]), (long) m.invoke(b[0], b[1])};
      case ZERO:
        return new long[] {(long) m.invoke(a[0], a[1]), 0};
      default:
        throw new AssertionError(form);
    }
  }

  // ---- the reference model: lanes ----

  /** The reference semantics, lane by lane. */
  static final class Reference {
    private Reference() {}

    static long[] lanes(long[] v, int bits, boolean signed) {
      int n = 128 / bits;
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        int bit = i * bits;
        long x = (bit < 64 ? v[0] : v[1]) >>> (bit & 63);
        if (bits < 64) {
          x &= (1L << bits) - 1;
          if (signed) {
            x = x << (64 - bits) >> (64 - bits);
          }
        }
        r[i] = x;
      }
      return r;
    }

    static long[] pack(long[] lanes, int bits) {
      long[] v = new long[2];
      for (int i = 0; i < lanes.length; i++) {
        int bit = i * bits;
        long x = bits == 64 ? lanes[i] : lanes[i] & ((1L << bits) - 1);
        v[bit >>> 6] |= x << (bit & 63);
      }
      return v;
    }

    private static long sat(long v, long min, long max) {
      return Math.max(min, Math.min(max, v));
    }

    private static long ones(boolean c) {
      return c ? -1 : 0;
    }

    static long[] apply(Opcode w, Inputs in) {
      String text = w.text();
      String shape = text.substring(0, text.indexOf('.'));
      String name = text.substring(text.indexOf('.') + 1);
      long[] a = in.a;
      long[] b = in.b;
      switch (text) {
        case "v128.not": return new long[] {~a[0], ~a[1]};
        case "v128.and": return new long[] {a[0] & b[0], a[1] & b[1]};
        case "v128.andnot": return new long[] {a[0] & ~b[0], a[1] & ~b[1]};
        case "v128.or": return new long[] {a[0] | b[0], a[1] | b[1]};
        case "v128.xor": return new long[] {a[0] ^ b[0], a[1] ^ b[1]};
        case "v128.bitselect": {
          long[] c = in.c;
          return new long[] {a[0] & c[0] | b[0] & ~c[0], a[1] & c[1] | b[1] & ~c[1]};
        }
        case "v128.any_true": return new long[] {a[0] != 0 || a[1] != 0 ? 1 : 0};
        case "i8x16.swizzle": {
          long[] x = lanes(a, 8, false);
          long[] s = lanes(b, 8, false);
          long[] r = new long[16];
          for (int i = 0; i < 16; i++) {
            r[i] = s[i] < 16 ? x[(int) s[i]] : 0;
          }
          return pack(r, 8);
        }
        case "i8x16.shuffle": {
          long[] x = lanes(a, 8, false);
          long[] y = lanes(b, 8, false);
          long[] r = new long[16];
          for (int i = 0; i < 16; i++) {
            int k = in.shuffle[i];
            r[i] = k < 16 ? x[k] : y[k - 16];
          }
          return pack(r, 8);
        }
        default:
          break;
      }
      int bits = Integer.parseInt(shape.substring(1, shape.indexOf('x')));
      int n = 128 / bits;
      boolean isFloat = shape.charAt(0) == 'f';
      if (name.equals("splat")) {
        long[] r = new long[n];
        java.util.Arrays.fill(r, in.x);
        return pack(r, bits);
      }
      if (name.startsWith("extract_lane")) {
        long v = lanes(a, bits, !name.endsWith("_u"))[in.lane % n];
        return new long[] {bits == 32 ? (int) v : v};
      }
      if (name.equals("replace_lane")) {
        long[] r = lanes(a, bits, false);
        r[in.lane % n] = in.x;
        return pack(r, bits);
      }
      if (name.equals("all_true") || name.equals("bitmask")) {
        long[] x = lanes(a, bits, true);
        int mask = 0;
        boolean all = true;
        for (int i = 0; i < n; i++) {
          mask |= (x[i] < 0 ? 1 : 0) << i;
          all &= x[i] != 0;
        }
        return new long[] {name.equals("bitmask") ? mask : all ? 1 : 0};
      }
      if (name.contains("_i") || name.contains("_f") || name.equals("dot_i16x8_s")) {
        return conversion(shape, name, bits, a, b);
      }
      return isFloat ? floatOp(bits, name, a, b) : intOp(bits, name, a, b, in.x);
    }

    private static long[] intOp(int bits, String name, long[] a, long[] b, long count) {
      int n = 128 / bits;
      long[] x = lanes(a, bits, true);
      long[] y = lanes(b, bits, true);
      long[] xu = lanes(a, bits, false);
      long[] yu = lanes(b, bits, false);
      long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
      long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
      long umax = bits == 64 ? -1 : (1L << bits) - 1;
      int shift = (int) (count & (bits - 1));
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        r[i] = switch (name) {
          case "add" -> x[i] + y[i];
          case "sub" -> x[i] - y[i];
          case "mul" -> x[i] * y[i];
          case "neg" -> -x[i];
          case "abs" -> Math.abs(x[i]);
          case "popcnt" -> Long.bitCount(xu[i]);
          case "add_sat_s" -> sat(x[i] + y[i], min, max);
          case "add_sat_u" -> Math.min(xu[i] + yu[i], umax);
          case "sub_sat_s" -> sat(x[i] - y[i], min, max);
          case "sub_sat_u" -> Math.max(xu[i] - yu[i], 0);
          case "min_s" -> Math.min(x[i], y[i]);
          case "max_s" -> Math.max(x[i], y[i]);
          case "min_u" -> Long.compareUnsigned(xu[i], yu[i]) < 0 ? xu[i] : yu[i];
          case "max_u" -> Long.compareUnsigned(xu[i], yu[i]) > 0 ? xu[i] : yu[i];
          case "avgr_u" -> (xu[i] + yu[i] + 1) >>> 1;
          case "q15mulr_sat_s" -> sat((x[i] * y[i] + 0x4000) >> 15, min, max);
          case "shl" -> x[i] << shift;
          case "shr_s" -> x[i] >> shift;
          case "shr_u" -> xu[i] >>> shift;
          case "eq" -> ones(x[i] == y[i]);
          case "ne" -> ones(x[i] != y[i]);
          case "lt_s" -> ones(x[i] < y[i]);
          case "gt_s" -> ones(x[i] > y[i]);
          case "le_s" -> ones(x[i] <= y[i]);
          case "ge_s" -> ones(x[i] >= y[i]);
          case "lt_u" -> ones(Long.compareUnsigned(xu[i], yu[i]) < 0);
          case "gt_u" -> ones(Long.compareUnsigned(xu[i], yu[i]) > 0);
          case "le_u" -> ones(Long.compareUnsigned(xu[i], yu[i]) <= 0);
          case "ge_u" -> ones(Long.compareUnsigned(xu[i], yu[i]) >= 0);
          default -> throw new AssertionError("no model for i" + bits + " " + name);
        };
      }
      return pack(r, bits);
    }

    private static long[] floatOp(int bits, String name, long[] a, long[] b) {
      int n = 128 / bits;
      long[] x = lanes(a, bits, false);
      long[] y = lanes(b, bits, false);
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        r[i] = bits == 32 ? f32((int) x[i], (int) y[i], name) : f64(x[i], y[i], name);
      }
      return pack(r, bits);
    }

    private static long f32(int p, int q, String name) {
      float u = Float.intBitsToFloat(p);
      float v = Float.intBitsToFloat(q);
      return switch (name) {
        case "add" -> Semantics.f32Add(p, q);
        case "sub" -> Semantics.f32Sub(p, q);
        case "mul" -> Semantics.f32Mul(p, q);
        case "div" -> Semantics.f32Div(p, q);
        case "min" -> Semantics.f32Min(p, q);
        case "max" -> Semantics.f32Max(p, q);
        case "pmin" -> v < u ? q : p;
        case "pmax" -> u < v ? q : p;
        case "abs" -> Semantics.f32Abs(p);
        case "neg" -> Semantics.f32Neg(p);
        case "sqrt" -> Semantics.f32Sqrt(p);
        case "ceil" -> Semantics.f32Ceil(p);
        case "floor" -> Semantics.f32Floor(p);
        case "trunc" -> Semantics.f32Trunc(p);
        case "nearest" -> Semantics.f32Nearest(p);
        case "eq" -> ones(u == v);
        case "ne" -> ones(u != v);
        case "lt" -> ones(u < v);
        case "gt" -> ones(u > v);
        case "le" -> ones(u <= v);
        case "ge" -> ones(u >= v);
        default -> throw new AssertionError("no model for f32 " + name);
      };
    }

    private static long f64(long p, long q, String name) {
      double u = Double.longBitsToDouble(p);
      double v = Double.longBitsToDouble(q);
      return switch (name) {
        case "add" -> Semantics.f64Add(p, q);
        case "sub" -> Semantics.f64Sub(p, q);
        case "mul" -> Semantics.f64Mul(p, q);
        case "div" -> Semantics.f64Div(p, q);
        case "min" -> Semantics.f64Min(p, q);
        case "max" -> Semantics.f64Max(p, q);
        case "pmin" -> v < u ? q : p;
        case "pmax" -> u < v ? q : p;
        case "abs" -> Semantics.f64Abs(p);
        case "neg" -> Semantics.f64Neg(p);
        case "sqrt" -> Semantics.f64Sqrt(p);
        case "ceil" -> Semantics.f64Ceil(p);
        case "floor" -> Semantics.f64Floor(p);
        case "trunc" -> Semantics.f64Trunc(p);
        case "nearest" -> Semantics.f64Nearest(p);
        case "eq" -> ones(u == v);
        case "ne" -> ones(u != v);
        case "lt" -> ones(u < v);
        case "gt" -> ones(u > v);
        case "le" -> ones(u <= v);
        case "ge" -> ones(u >= v);
        default -> throw new AssertionError("no model for f64 " + name);
      };
    }

    /** Ops between lane shapes: extend, extmul, extadd_pairwise, narrow, dot, conversions. */
    private static long[] conversion(String shape, String name, int bits, long[] a, long[] b) {
      int n = 128 / bits;
      boolean signed = name.endsWith("_s") || name.endsWith("_s_zero") || name.equals("dot_i16x8_s");
      long[] r = new long[n];
      if (name.startsWith("extend_") || name.startsWith("extmul_")) {
        int offset = name.contains("_low_") ? 0 : n;
        long[] x = lanes(a, bits / 2, signed);
        long[] y = lanes(b, bits / 2, signed);
        for (int i = 0; i < n; i++) {
          r[i] = name.startsWith("extend_") ? x[offset + i] : x[offset + i] * y[offset + i];
        }
      } else if (name.startsWith("extadd_pairwise")) {
        long[] x = lanes(a, bits / 2, signed);
        for (int i = 0; i < n; i++) {
          r[i] = x[2 * i] + x[2 * i + 1];
        }
      } else if (name.equals("dot_i16x8_s")) {
        long[] x = lanes(a, 16, true);
        long[] y = lanes(b, 16, true);
        for (int i = 0; i < n; i++) {
          r[i] = x[2 * i] * y[2 * i] + x[2 * i + 1] * y[2 * i + 1];
        }
      } else if (name.startsWith("narrow")) {
        long[] x = lanes(a, bits * 2, true);
        long[] y = lanes(b, bits * 2, true);
        long min = signed ? -(1L << (bits - 1)) : 0;
        long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        for (int i = 0; i < n; i++) {
          r[i] = sat(i < n / 2 ? x[i] : y[i - n / 2], min, max);
        }
      } else {
        return floatConversion(shape + "." + name, a);
      }
      return pack(r, bits);
    }

    private static long[] floatConversion(String text, long[] a) {
      long[] x32 = lanes(a, 32, false);
      long[] x64 = lanes(a, 64, false);
      long[] r32 = new long[4];
      long[] r64 = new long[2];
      switch (text) {
        case "i32x4.trunc_sat_f32x4_s":
          for (int i = 0; i < 4; i++) r32[i] = Semantics.i32TruncSatF32S((int) x32[i]);
          return pack(r32, 32);
        case "i32x4.trunc_sat_f32x4_u":
          for (int i = 0; i < 4; i++) r32[i] = Semantics.i32TruncSatF32U((int) x32[i]);
          return pack(r32, 32);
        case "f32x4.convert_i32x4_s":
          for (int i = 0; i < 4; i++) r32[i] = Semantics.f32ConvertI32S((int) x32[i]);
          return pack(r32, 32);
        case "f32x4.convert_i32x4_u":
          for (int i = 0; i < 4; i++) r32[i] = Semantics.f32ConvertI32U((int) x32[i]);
          return pack(r32, 32);
        case "i32x4.trunc_sat_f64x2_s_zero":
          for (int i = 0; i < 2; i++) r32[i] = Semantics.i32TruncSatF64S(x64[i]);
          return pack(r32, 32);
        case "i32x4.trunc_sat_f64x2_u_zero":
          for (int i = 0; i < 2; i++) r32[i] = Semantics.i32TruncSatF64U(x64[i]);
          return pack(r32, 32);
        case "f32x4.demote_f64x2_zero":
          for (int i = 0; i < 2; i++) r32[i] = Semantics.f32DemoteF64(x64[i]);
          return pack(r32, 32);
        case "f64x2.promote_low_f32x4":
          for (int i = 0; i < 2; i++) r64[i] = Semantics.f64PromoteF32((int) x32[i]);
          return pack(r64, 64);
        case "f64x2.convert_low_i32x4_s":
          for (int i = 0; i < 2; i++) r64[i] = Semantics.f64ConvertI32S((int) x32[i]);
          return pack(r64, 64);
        case "f64x2.convert_low_i32x4_u":
          for (int i = 0; i < 2; i++) r64[i] = Semantics.f64ConvertI32U((int) x32[i]);
          return pack(r64, 64);
        default:
          throw new AssertionError("no model for " + text);
      }
    }
  }

  // ---- generators ----

  private static final long[] EDGE_64 = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE,
      0x7FF8000000000000L, 0xFFF8000000000001L, 0x7FF0000000000000L, 0xFFF0000000000000L,
      0x8000000000000000L, 0x3FF0000000000000L, 0x41E0000000000000L, 0xC1E0000000000000L,
      0x41F0000000000000L, 0x0000000000000001L};
  private static final int[] EDGE_32 = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE,
      0x7FC00000, 0xFFC00001, 0x7FA00000, 0x7F800000, 0xFF800000, 0x80000000, 0x3F800000,
      0x3F000000, 0x4F000000, 0xCF000000, 0x4F800000, 0x00000001};
  private static final int[] EDGE_16 = {0, 1, 0xFFFF, 0x8000, 0x7FFF, 0x7F, 0x80, 0xFF, 0x100, 0xFF80};
  private static final int[] EDGE_8 = {0, 1, 0xFF, 0x80, 0x7F};

  /** A half: random, or lanes of one width each random or an edge value. */
  private static Arbitrary<Long> half() {
    Arbitrary<Long> random = Arbitraries.longs();
    Arbitrary<Long> edges64 = Arbitraries.of(box(EDGE_64));
    Arbitrary<Long> lanes32 = Combinators.combine(lane32(), lane32()).as((x, y) -> (x & 0xFFFFFFFFL) | (long) y << 32);
    Arbitrary<Long> lanes16 = Combinators.combine(lane16(), lane16(), lane16(), lane16())
        .as((p, q, r, s) -> (p & 0xFFFFL) | (q & 0xFFFFL) << 16 | (r & 0xFFFFL) << 32 | (long) s << 48);
    Arbitrary<Long> lanes8 = Arbitraries.of(box8()).list().ofSize(8).map(l -> {
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h |= (l.get(i) & 0xFFL) << (8 * i);
      }
      return h;
    });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, random), net.jqwik.api.Tuple.of(2, edges64),
        net.jqwik.api.Tuple.of(3, lanes32), net.jqwik.api.Tuple.of(2, lanes16), net.jqwik.api.Tuple.of(2, lanes8));
  }

  private static Arbitrary<Integer> lane32() {
    return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(box(EDGE_32)),
        Arbitraries.floats().map(Float::floatToRawIntBits));
  }

  private static Arbitrary<Integer> lane16() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.of(box(EDGE_16)));
  }

  private static Long[] box(long[] v) {
    Long[] r = new Long[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[i];
    }
    return r;
  }

  private static Integer[] box(int[] v) {
    Integer[] r = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[i];
    }
    return r;
  }

  private static Integer[] box8() {
    Integer[] r = new Integer[EDGE_8.length + 8];
    for (int i = 0; i < EDGE_8.length; i++) {
      r[i] = EDGE_8[i];
    }
    for (int i = 0; i < 8; i++) {
      r[EDGE_8.length + i] = 0x11 * (i + 2) & 0xFF;
    }
    return r;
  }

  @Provide
  Arbitrary<long[]> v128() {
    return Combinators.combine(half(), half()).as((lo, hi) -> new long[] {lo, hi});
  }

  @Provide
  Arbitrary<Integer> lane() {
    return Arbitraries.integers().between(0, 15);
  }

  @Provide
  Arbitrary<Inputs> inputs() {
    Arbitrary<Long> scalar = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(box(EDGE_64)),
        Arbitraries.integers().between(-130, 130).map(i -> (long) i));
    Arbitrary<byte[]> shuffle = Arbitraries.integers().between(0, 31).list().ofSize(16).map(l -> {
      byte[] s = new byte[16];
      for (int i = 0; i < 16; i++) {
        s[i] = (byte) (int) l.get(i);
      }
      return s;
    });
    return Combinators.combine(v128(), v128(), v128(), scalar, lane(), shuffle).as(Inputs::new);
  }

  private static String show(Inputs in) {
    return String.format("a=%016x:%016x b=%016x:%016x c=%016x:%016x x=%d lane=%d", in.a[1], in.a[0],
        in.b[1], in.b[0], in.c[1], in.c[0], in.x, in.lane);
  }

  @Test
  void theModelSeesLanesLittleEndian() {
    long[] v = {0x0706050403020100L, 0x0F0E0D0C0B0A0908L};
    assertEquals(15, Reference.lanes(v, 8, false)[15]);
    assertArrayEquals(v, Reference.pack(Reference.lanes(v, 16, true), 16));
    assertTrue(SimdSemantics.i8x16AllTrue(v[0] | 1, v[1]) == 1);
  }
}
