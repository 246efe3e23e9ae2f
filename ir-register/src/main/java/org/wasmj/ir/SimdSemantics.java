package org.wasmj.ir;

/**
 * Wasm's SIMD semantics, defined once, on 64-bit halves: a v128 is two {@code long}s, {@code lo}
 * (bytes 0..7) and {@code hi} (bytes 8..15), each holding its lanes in little-endian order (lane 0
 * in the lowest bits). One static method per SIMD instruction, named after its text name in
 * camelCase as in {@link Semantics} ({@code i32x4.add} is {@link #i32x4Add}); what it takes and
 * returns is given by the instruction's {@link SimdForm}: most compute one half from the same
 * half of their operands, and executors call them once per half.
 *
 * <p>Floats are raw bits, with the scalar NaN policy of {@link Semantics} lane by lane: {@code add},
 * {@code sub}, {@code mul}, {@code div}, {@code min}, {@code max} give the positive canonical NaN
 * for a NaN lane, rounding and {@code sqrt} quiet a NaN operand's payload, {@code abs}/{@code neg}
 * touch the sign only, and {@code pmin}/{@code pmax} return one operand's bits as the spec says.
 *
 * <pre>{@code
 * long lo = SimdSemantics.i32x4Add(aLo, bLo);
 * long hi = SimdSemantics.i32x4Add(aHi, bHi);
 * }</pre>
 *
 * @implNote Stateless. The common ops are a few arithmetic instructions on the whole half (SWAR),
 *     small enough for C2 to inline; the others loop over the half's lanes.
 */
public final class SimdSemantics {
  private SimdSemantics() {}

  private static final long LOW_BITS_8 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH_BITS_8 = 0x8080808080808080L;
  private static final long LOW_BITS_16 = 0x7FFF7FFF7FFF7FFFL;
  private static final long HIGH_BITS_16 = 0x8000800080008000L;
  private static final long LOW_32 = 0xFFFFFFFFL;

  // ---- lane access ----

  private static int i8(long h, int lane) {
    return (byte) (h >>> (lane << 3));
  }

  private static int u8(long h, int lane) {
    return (int) (h >>> (lane << 3)) & 0xFF;
  }

  private static int i16(long h, int lane) {
    return (short) (h >>> (lane << 4));
  }

  private static int u16(long h, int lane) {
    return (int) (h >>> (lane << 4)) & 0xFFFF;
  }

  private static int lo32(long h) {
    return (int) h;
  }

  private static int hi32(long h) {
    return (int) (h >>> 32);
  }

  /** A half of two 32-bit lanes. */
  private static long pack32(int lane0, int lane1) {
    return (lane0 & LOW_32) | (long) lane1 << 32;
  }

  private static long put8(long r, int lane, int v) {
    return r | (long) (v & 0xFF) << (lane << 3);
  }

  private static long put16(long r, int lane, int v) {
    return r | (long) (v & 0xFFFF) << (lane << 4);
  }

  private static int sat(int v, int min, int max) {
    return v < min ? min : v > max ? max : v;
  }

  // ---- splat, extract, replace ----

  public static long i8x16Splat(int x) { return (x & 0xFFL) * 0x0101010101010101L; }

  public static long i16x8Splat(int x) { return (x & 0xFFFFL) * 0x0001000100010001L; }

  public static long i32x4Splat(int x) { return pack32(x, x); }

  public static long i64x2Splat(long x) { return x; }

  public static long f32x4Splat(int x) { return pack32(x, x); }

  public static long f64x2Splat(long x) { return x; }

  public static int i8x16ExtractLaneS(long h, int lane) { return i8(h, lane); }

  public static int i8x16ExtractLaneU(long h, int lane) { return u8(h, lane); }

  public static int i16x8ExtractLaneS(long h, int lane) { return i16(h, lane); }

  public static int i16x8ExtractLaneU(long h, int lane) { return u16(h, lane); }

  public static int i32x4ExtractLane(long h, int lane) { return (int) (h >>> (lane << 5)); }

  public static long i64x2ExtractLane(long h, int lane) { return h; }

  public static int f32x4ExtractLane(long h, int lane) { return (int) (h >>> (lane << 5)); }

  public static long f64x2ExtractLane(long h, int lane) { return h; }

  public static long i8x16ReplaceLane(long h, int x, int lane) {
    int s = lane << 3;
    return h & ~(0xFFL << s) | (x & 0xFFL) << s;
  }

  public static long i16x8ReplaceLane(long h, int x, int lane) {
    int s = lane << 4;
    return h & ~(0xFFFFL << s) | (x & 0xFFFFL) << s;
  }

  public static long i32x4ReplaceLane(long h, int x, int lane) {
    return lane == 0 ? h & ~LOW_32 | (x & LOW_32) : h & LOW_32 | (long) x << 32;
  }

  public static long i64x2ReplaceLane(long h, long x, int lane) { return x; }

  public static long f32x4ReplaceLane(long h, int x, int lane) { return i32x4ReplaceLane(h, x, lane); }

  public static long f64x2ReplaceLane(long h, long x, int lane) { return x; }

  // ---- shuffles ----

  /** Byte {@code i} (0..15) of the v128 {@code (lo, hi)}. */
  private static long byteOf(long lo, long hi, int i) {
    return ((i < 8 ? lo : hi) >>> ((i & 7) << 3)) & 0xFF;
  }

  /** {@code i8x16.swizzle}: one half of the result, from that half of the index vector {@code s}. */
  public static long i8x16Swizzle(long lo, long hi, long s) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      int i = u8(s, k);
      if (i < 16) {
        r |= byteOf(lo, hi, i) << (k << 3);
      }
    }
    return r;
  }

  /**
   * {@code i8x16.shuffle}: one half of the result; {@code lanes} holds that half's eight lane
   * indices (0..31, one per byte: 0..15 pick from {@code a}, 16..31 from {@code b}).
   */
  public static long i8x16Shuffle(long aLo, long aHi, long bLo, long bHi, long lanes) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      int i = u8(lanes, k);
      long b = i < 16 ? byteOf(aLo, aHi, i) : byteOf(bLo, bHi, i - 16);
      r |= b << (k << 3);
    }
    return r;
  }

  // ---- bitwise ----

  public static long v128Not(long a) { return ~a; }

  public static long v128And(long a, long b) { return a & b; }

  public static long v128Andnot(long a, long b) { return a & ~b; }

  public static long v128Or(long a, long b) { return a | b; }

  public static long v128Xor(long a, long b) { return a ^ b; }

  public static long v128Bitselect(long a, long b, long c) { return a & c | b & ~c; }

  public static int v128AnyTrue(long lo, long hi) { return (lo | hi) != 0 ? 1 : 0; }

  // ---- reductions ----

  /** True if no byte of {@code h} is zero. */
  private static boolean noZeroByte(long h) {
    return ((h - 0x0101010101010101L) & ~h & HIGH_BITS_8) == 0;
  }

  private static boolean noZero16(long h) {
    return ((h - 0x0001000100010001L) & ~h & HIGH_BITS_16) == 0;
  }

  public static int i8x16AllTrue(long lo, long hi) { return noZeroByte(lo) && noZeroByte(hi) ? 1 : 0; }

  public static int i16x8AllTrue(long lo, long hi) { return noZero16(lo) && noZero16(hi) ? 1 : 0; }

  public static int i32x4AllTrue(long lo, long hi) {
    return lo32(lo) != 0 && hi32(lo) != 0 && lo32(hi) != 0 && hi32(hi) != 0 ? 1 : 0;
  }

  public static int i64x2AllTrue(long lo, long hi) { return lo != 0 && hi != 0 ? 1 : 0; }

  /** The top bit of each byte of {@code h}, gathered into the low 8 bits. */
  private static int bytesMask(long h) {
    return (int) ((((h & HIGH_BITS_8) >>> 7) * 0x0102040810204080L) >>> 56);
  }

  public static int i8x16Bitmask(long lo, long hi) { return bytesMask(lo) | bytesMask(hi) << 8; }

  private static int mask16(long h) {
    return (int) (h >>> 15 & 1 | h >>> 30 & 2 | h >>> 45 & 4 | h >>> 60 & 8);
  }

  public static int i16x8Bitmask(long lo, long hi) { return mask16(lo) | mask16(hi) << 4; }

  public static int i32x4Bitmask(long lo, long hi) {
    return (int) (lo >>> 31 & 1 | lo >>> 62 & 2 | hi >>> 29 & 4 | hi >>> 60 & 8);
  }

  public static int i64x2Bitmask(long lo, long hi) { return (int) (lo >>> 63 | hi >>> 63 << 1); }

  // ---- lane-wise compares without loops (SWAR): high = the top bit of every lane ----

  /** Lanes whose top bit is set in {@code x} become all ones, the others zero. */
  private static long expand(long x, long high, int width) {
    return ((x & high) >>> (width - 1)) * ((1L << width) - 1);
  }

  /** All ones in the lanes where {@code a < b}, unsigned. */
  private static long ltU(long a, long b, long high, int width) {
    long d = (a | high) - (b & ~high); // no borrow crosses a lane
    return expand((~a & b) | (~(a ^ b) & ~d), high, width);
  }

  /** All ones in the lanes where {@code a == b}. */
  private static long eqLanes(long a, long b, long high, int width) {
    long x = a ^ b;
    long nonzero = ((x & ~high) + ~high | x) & high;
    return expand(nonzero ^ high, high, width);
  }

  // ---- i8x16 ----

  public static long i8x16Add(long a, long b) {
    return ((a & LOW_BITS_8) + (b & LOW_BITS_8)) ^ ((a ^ b) & HIGH_BITS_8);
  }

  public static long i8x16Sub(long a, long b) {
    return ((a | HIGH_BITS_8) - (b & LOW_BITS_8)) ^ ((a ^ ~b) & HIGH_BITS_8);
  }

  public static long i8x16Neg(long a) { return i8x16Sub(0, a); }

  public static long i8x16Abs(long a) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r = put8(r, k, Math.abs(i8(a, k)));
    }
    return r;
  }

  public static long i8x16Popcnt(long a) {
    long x = a - ((a >>> 1) & 0x5555555555555555L);
    x = (x & 0x3333333333333333L) + ((x >>> 2) & 0x3333333333333333L);
    return (x + (x >>> 4)) & 0x0F0F0F0F0F0F0F0FL;
  }

  public static long i8x16AddSatS(long a, long b) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r = put8(r, k, sat(i8(a, k) + i8(b, k), -128, 127));
    }
    return r;
  }

  public static long i8x16AddSatU(long a, long b) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r = put8(r, k, Math.min(u8(a, k) + u8(b, k), 255));
    }
    return r;
  }

  public static long i8x16SubSatS(long a, long b) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r = put8(r, k, sat(i8(a, k) - i8(b, k), -128, 127));
    }
    return r;
  }

  public static long i8x16SubSatU(long a, long b) {
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r = put8(r, k, Math.max(u8(a, k) - u8(b, k), 0));
    }
    return r;
  }

  public static long i8x16MinS(long a, long b) { return b ^ ((a ^ b) & i8x16LtS(a, b)); }

  public static long i8x16MinU(long a, long b) { return b ^ ((a ^ b) & i8x16LtU(a, b)); }

  public static long i8x16MaxS(long a, long b) { return a ^ ((a ^ b) & i8x16LtS(a, b)); }

  public static long i8x16MaxU(long a, long b) { return a ^ ((a ^ b) & i8x16LtU(a, b)); }

  public static long i8x16AvgrU(long a, long b) {
    return (a | b) - (((a ^ b) >>> 1) & LOW_BITS_8); // per byte: (x + y + 1) >> 1
  }

  public static long i8x16Shl(long a, int n) {
    int s = n & 7;
    return (a << s) & ((0xFFL << s & 0xFF) * 0x0101010101010101L);
  }

  public static long i8x16ShrU(long a, int n) {
    int s = n & 7;
    return (a >>> s) & ((0xFFL >>> s) * 0x0101010101010101L);
  }

  public static long i8x16ShrS(long a, int n) {
    int s = n & 7;
    long r = 0;
    for (int k = 0; k < 8; k++) {
      r = put8(r, k, i8(a, k) >> s);
    }
    return r;
  }

  public static long i8x16NarrowI16x8S(long lo, long hi) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put8(r, k, sat(i16(lo, k), -128, 127));
      r = put8(r, k + 4, sat(i16(hi, k), -128, 127));
    }
    return r;
  }

  public static long i8x16NarrowI16x8U(long lo, long hi) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put8(r, k, sat(i16(lo, k), 0, 255));
      r = put8(r, k + 4, sat(i16(hi, k), 0, 255));
    }
    return r;
  }

  public static long i8x16Eq(long a, long b) { return eqLanes(a, b, HIGH_BITS_8, 8); }

  public static long i8x16Ne(long a, long b) { return ~i8x16Eq(a, b); }

  public static long i8x16LtS(long a, long b) { return ltU(a ^ HIGH_BITS_8, b ^ HIGH_BITS_8, HIGH_BITS_8, 8); }

  public static long i8x16LtU(long a, long b) { return ltU(a, b, HIGH_BITS_8, 8); }

  public static long i8x16GtS(long a, long b) { return i8x16LtS(b, a); }

  public static long i8x16GtU(long a, long b) { return i8x16LtU(b, a); }

  public static long i8x16LeS(long a, long b) { return ~i8x16LtS(b, a); }

  public static long i8x16LeU(long a, long b) { return ~i8x16LtU(b, a); }

  public static long i8x16GeS(long a, long b) { return ~i8x16LtS(a, b); }

  public static long i8x16GeU(long a, long b) { return ~i8x16LtU(a, b); }

  // ---- i16x8 ----

  public static long i16x8Add(long a, long b) {
    return ((a & LOW_BITS_16) + (b & LOW_BITS_16)) ^ ((a ^ b) & HIGH_BITS_16);
  }

  public static long i16x8Sub(long a, long b) {
    return ((a | HIGH_BITS_16) - (b & LOW_BITS_16)) ^ ((a ^ ~b) & HIGH_BITS_16);
  }

  public static long i16x8Neg(long a) { return i16x8Sub(0, a); }

  public static long i16x8Mul(long a, long b) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, u16(a, k) * u16(b, k));
    }
    return r;
  }

  public static long i16x8Abs(long a) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, Math.abs(i16(a, k)));
    }
    return r;
  }

  public static long i16x8AddSatS(long a, long b) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, sat(i16(a, k) + i16(b, k), -32768, 32767));
    }
    return r;
  }

  public static long i16x8AddSatU(long a, long b) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, Math.min(u16(a, k) + u16(b, k), 0xFFFF));
    }
    return r;
  }

  public static long i16x8SubSatS(long a, long b) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, sat(i16(a, k) - i16(b, k), -32768, 32767));
    }
    return r;
  }

  public static long i16x8SubSatU(long a, long b) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, Math.max(u16(a, k) - u16(b, k), 0));
    }
    return r;
  }

  public static long i16x8MinS(long a, long b) { return b ^ ((a ^ b) & i16x8LtS(a, b)); }

  public static long i16x8MinU(long a, long b) { return b ^ ((a ^ b) & i16x8LtU(a, b)); }

  public static long i16x8MaxS(long a, long b) { return a ^ ((a ^ b) & i16x8LtS(a, b)); }

  public static long i16x8MaxU(long a, long b) { return a ^ ((a ^ b) & i16x8LtU(a, b)); }

  public static long i16x8AvgrU(long a, long b) {
    return (a | b) - (((a ^ b) >>> 1) & LOW_BITS_16);
  }

  public static long i16x8Q15mulrSatS(long a, long b) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, sat((i16(a, k) * i16(b, k) + 0x4000) >> 15, -32768, 32767));
    }
    return r;
  }

  public static long i16x8Shl(long a, int n) {
    int s = n & 15;
    return (a << s) & ((0xFFFFL << s & 0xFFFF) * 0x0001000100010001L);
  }

  public static long i16x8ShrU(long a, int n) {
    int s = n & 15;
    return (a >>> s) & ((0xFFFFL >>> s) * 0x0001000100010001L);
  }

  public static long i16x8ShrS(long a, int n) {
    int s = n & 15;
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, i16(a, k) >> s);
    }
    return r;
  }

  public static long i16x8NarrowI32x4S(long lo, long hi) {
    return put16(put16(put16(put16(0, 0, sat(lo32(lo), -32768, 32767)), 1, sat(hi32(lo), -32768, 32767)),
        2, sat(lo32(hi), -32768, 32767)), 3, sat(hi32(hi), -32768, 32767));
  }

  public static long i16x8NarrowI32x4U(long lo, long hi) {
    return put16(put16(put16(put16(0, 0, sat(lo32(lo), 0, 0xFFFF)), 1, sat(hi32(lo), 0, 0xFFFF)),
        2, sat(lo32(hi), 0, 0xFFFF)), 3, sat(hi32(hi), 0, 0xFFFF));
  }

  /** Four i8 lanes of {@code h} (the low four for part 0, the high four for 1), widened to i16. */
  private static long extend8S(long h, int part) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, i8(h, 4 * part + k));
    }
    return r;
  }

  private static long extend8U(long h, int part) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, u8(h, 4 * part + k));
    }
    return r;
  }

  public static long i16x8ExtendLowI8x16S(long h, int part) { return extend8S(h, part); }

  public static long i16x8ExtendHighI8x16S(long h, int part) { return extend8S(h, part); }

  public static long i16x8ExtendLowI8x16U(long h, int part) { return extend8U(h, part); }

  public static long i16x8ExtendHighI8x16U(long h, int part) { return extend8U(h, part); }

  private static long extmul8S(long a, long b, int part) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, i8(a, 4 * part + k) * i8(b, 4 * part + k));
    }
    return r;
  }

  private static long extmul8U(long a, long b, int part) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, u8(a, 4 * part + k) * u8(b, 4 * part + k));
    }
    return r;
  }

  public static long i16x8ExtmulLowI8x16S(long a, long b, int part) { return extmul8S(a, b, part); }

  public static long i16x8ExtmulHighI8x16S(long a, long b, int part) { return extmul8S(a, b, part); }

  public static long i16x8ExtmulLowI8x16U(long a, long b, int part) { return extmul8U(a, b, part); }

  public static long i16x8ExtmulHighI8x16U(long a, long b, int part) { return extmul8U(a, b, part); }

  public static long i16x8ExtaddPairwiseI8x16S(long a) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, i8(a, 2 * k) + i8(a, 2 * k + 1));
    }
    return r;
  }

  public static long i16x8ExtaddPairwiseI8x16U(long a) {
    long r = 0;
    for (int k = 0; k < 4; k++) {
      r = put16(r, k, u8(a, 2 * k) + u8(a, 2 * k + 1));
    }
    return r;
  }

  public static long i16x8Eq(long a, long b) { return eqLanes(a, b, HIGH_BITS_16, 16); }

  public static long i16x8Ne(long a, long b) { return ~i16x8Eq(a, b); }

  public static long i16x8LtS(long a, long b) { return ltU(a ^ HIGH_BITS_16, b ^ HIGH_BITS_16, HIGH_BITS_16, 16); }

  public static long i16x8LtU(long a, long b) { return ltU(a, b, HIGH_BITS_16, 16); }

  public static long i16x8GtS(long a, long b) { return i16x8LtS(b, a); }

  public static long i16x8GtU(long a, long b) { return i16x8LtU(b, a); }

  public static long i16x8LeS(long a, long b) { return ~i16x8LtS(b, a); }

  public static long i16x8LeU(long a, long b) { return ~i16x8LtU(b, a); }

  public static long i16x8GeS(long a, long b) { return ~i16x8LtS(a, b); }

  public static long i16x8GeU(long a, long b) { return ~i16x8LtU(a, b); }

  // ---- i32x4 ----

  public static long i32x4Add(long a, long b) {
    return ((a & ~LOW_32) + (b & ~LOW_32)) | ((a + b) & LOW_32);
  }

  public static long i32x4Sub(long a, long b) {
    return ((a & ~LOW_32) - (b & ~LOW_32)) | ((a - b) & LOW_32);
  }

  public static long i32x4Mul(long a, long b) { return pack32(lo32(a) * lo32(b), hi32(a) * hi32(b)); }

  public static long i32x4Neg(long a) { return i32x4Sub(0, a); }

  public static long i32x4Abs(long a) { return pack32(Math.abs(lo32(a)), Math.abs(hi32(a))); }

  public static long i32x4MinS(long a, long b) {
    return pack32(Math.min(lo32(a), lo32(b)), Math.min(hi32(a), hi32(b)));
  }

  public static long i32x4MinU(long a, long b) {
    return pack32(Integer.compareUnsigned(lo32(a), lo32(b)) < 0 ? lo32(a) : lo32(b),
        Integer.compareUnsigned(hi32(a), hi32(b)) < 0 ? hi32(a) : hi32(b));
  }

  public static long i32x4MaxS(long a, long b) {
    return pack32(Math.max(lo32(a), lo32(b)), Math.max(hi32(a), hi32(b)));
  }

  public static long i32x4MaxU(long a, long b) {
    return pack32(Integer.compareUnsigned(lo32(a), lo32(b)) > 0 ? lo32(a) : lo32(b),
        Integer.compareUnsigned(hi32(a), hi32(b)) > 0 ? hi32(a) : hi32(b));
  }

  public static long i32x4Shl(long a, int n) { return pack32(lo32(a) << n, hi32(a) << n); }

  public static long i32x4ShrS(long a, int n) { return pack32(lo32(a) >> n, hi32(a) >> n); }

  public static long i32x4ShrU(long a, int n) { return pack32(lo32(a) >>> n, hi32(a) >>> n); }

  public static long i32x4DotI16x8S(long a, long b) {
    return pack32(i16(a, 0) * i16(b, 0) + i16(a, 1) * i16(b, 1),
        i16(a, 2) * i16(b, 2) + i16(a, 3) * i16(b, 3));
  }

  public static long i32x4ExtendLowI16x8S(long h, int part) { return pack32(i16(h, 2 * part), i16(h, 2 * part + 1)); }

  public static long i32x4ExtendHighI16x8S(long h, int part) { return i32x4ExtendLowI16x8S(h, part); }

  public static long i32x4ExtendLowI16x8U(long h, int part) { return pack32(u16(h, 2 * part), u16(h, 2 * part + 1)); }

  public static long i32x4ExtendHighI16x8U(long h, int part) { return i32x4ExtendLowI16x8U(h, part); }

  public static long i32x4ExtmulLowI16x8S(long a, long b, int part) {
    return pack32(i16(a, 2 * part) * i16(b, 2 * part), i16(a, 2 * part + 1) * i16(b, 2 * part + 1));
  }

  public static long i32x4ExtmulHighI16x8S(long a, long b, int part) { return i32x4ExtmulLowI16x8S(a, b, part); }

  public static long i32x4ExtmulLowI16x8U(long a, long b, int part) {
    return pack32(u16(a, 2 * part) * u16(b, 2 * part), u16(a, 2 * part + 1) * u16(b, 2 * part + 1));
  }

  public static long i32x4ExtmulHighI16x8U(long a, long b, int part) { return i32x4ExtmulLowI16x8U(a, b, part); }

  public static long i32x4ExtaddPairwiseI16x8S(long a) {
    return pack32(i16(a, 0) + i16(a, 1), i16(a, 2) + i16(a, 3));
  }

  public static long i32x4ExtaddPairwiseI16x8U(long a) {
    return pack32(u16(a, 0) + u16(a, 1), u16(a, 2) + u16(a, 3));
  }

  private static long cmp32(boolean c0, boolean c1) {
    return (c0 ? LOW_32 : 0) | (c1 ? ~LOW_32 : 0);
  }

  public static long i32x4Eq(long a, long b) { return cmp32(lo32(a) == lo32(b), hi32(a) == hi32(b)); }

  public static long i32x4Ne(long a, long b) { return ~i32x4Eq(a, b); }

  public static long i32x4LtS(long a, long b) { return cmp32(lo32(a) < lo32(b), hi32(a) < hi32(b)); }

  public static long i32x4LtU(long a, long b) {
    return cmp32(Integer.compareUnsigned(lo32(a), lo32(b)) < 0, Integer.compareUnsigned(hi32(a), hi32(b)) < 0);
  }

  public static long i32x4GtS(long a, long b) { return i32x4LtS(b, a); }

  public static long i32x4GtU(long a, long b) { return i32x4LtU(b, a); }

  public static long i32x4LeS(long a, long b) { return ~i32x4LtS(b, a); }

  public static long i32x4LeU(long a, long b) { return ~i32x4LtU(b, a); }

  public static long i32x4GeS(long a, long b) { return ~i32x4LtS(a, b); }

  public static long i32x4GeU(long a, long b) { return ~i32x4LtU(a, b); }

  public static long i32x4TruncSatF32x4S(long a) {
    return pack32(Semantics.i32TruncSatF32S(lo32(a)), Semantics.i32TruncSatF32S(hi32(a)));
  }

  public static long i32x4TruncSatF32x4U(long a) {
    return pack32(Semantics.i32TruncSatF32U(lo32(a)), Semantics.i32TruncSatF32U(hi32(a)));
  }

  public static long i32x4TruncSatF64x2SZero(long lo, long hi) {
    return pack32(Semantics.i32TruncSatF64S(lo), Semantics.i32TruncSatF64S(hi));
  }

  public static long i32x4TruncSatF64x2UZero(long lo, long hi) {
    return pack32(Semantics.i32TruncSatF64U(lo), Semantics.i32TruncSatF64U(hi));
  }

  // ---- i64x2 ----

  public static long i64x2Add(long a, long b) { return a + b; }

  public static long i64x2Sub(long a, long b) { return a - b; }

  public static long i64x2Mul(long a, long b) { return a * b; }

  public static long i64x2Neg(long a) { return -a; }

  public static long i64x2Abs(long a) { return Math.abs(a); }

  public static long i64x2Shl(long a, int n) { return a << n; }

  public static long i64x2ShrS(long a, int n) { return a >> n; }

  public static long i64x2ShrU(long a, int n) { return a >>> n; }

  public static long i64x2Eq(long a, long b) { return a == b ? -1 : 0; }

  public static long i64x2Ne(long a, long b) { return a != b ? -1 : 0; }

  public static long i64x2LtS(long a, long b) { return a < b ? -1 : 0; }

  public static long i64x2GtS(long a, long b) { return a > b ? -1 : 0; }

  public static long i64x2LeS(long a, long b) { return a <= b ? -1 : 0; }

  public static long i64x2GeS(long a, long b) { return a >= b ? -1 : 0; }

  public static long i64x2ExtendLowI32x4S(long h, int part) { return part == 0 ? lo32(h) : hi32(h); }

  public static long i64x2ExtendHighI32x4S(long h, int part) { return i64x2ExtendLowI32x4S(h, part); }

  public static long i64x2ExtendLowI32x4U(long h, int part) { return part == 0 ? h & LOW_32 : h >>> 32; }

  public static long i64x2ExtendHighI32x4U(long h, int part) { return i64x2ExtendLowI32x4U(h, part); }

  public static long i64x2ExtmulLowI32x4S(long a, long b, int part) {
    return part == 0 ? (long) lo32(a) * lo32(b) : (long) hi32(a) * hi32(b);
  }

  public static long i64x2ExtmulHighI32x4S(long a, long b, int part) { return i64x2ExtmulLowI32x4S(a, b, part); }

  public static long i64x2ExtmulLowI32x4U(long a, long b, int part) {
    return part == 0 ? (a & LOW_32) * (b & LOW_32) : (a >>> 32) * (b >>> 32);
  }

  public static long i64x2ExtmulHighI32x4U(long a, long b, int part) { return i64x2ExtmulLowI32x4U(a, b, part); }

  // ---- f32x4 ----

  public static long f32x4Abs(long a) { return a & 0x7FFFFFFF7FFFFFFFL; }

  public static long f32x4Neg(long a) { return a ^ 0x8000000080000000L; }

  public static long f32x4Sqrt(long a) { return pack32(Semantics.f32Sqrt(lo32(a)), Semantics.f32Sqrt(hi32(a))); }

  public static long f32x4Ceil(long a) { return pack32(Semantics.f32Ceil(lo32(a)), Semantics.f32Ceil(hi32(a))); }

  public static long f32x4Floor(long a) { return pack32(Semantics.f32Floor(lo32(a)), Semantics.f32Floor(hi32(a))); }

  public static long f32x4Trunc(long a) { return pack32(Semantics.f32Trunc(lo32(a)), Semantics.f32Trunc(hi32(a))); }

  public static long f32x4Nearest(long a) {
    return pack32(Semantics.f32Nearest(lo32(a)), Semantics.f32Nearest(hi32(a)));
  }

  public static long f32x4Add(long a, long b) {
    float x = Float.intBitsToFloat((int) a) + Float.intBitsToFloat((int) b);
    float y = Float.intBitsToFloat((int) (a >>> 32)) + Float.intBitsToFloat((int) (b >>> 32));
    int lo = x != x ? 0x7FC00000 : Float.floatToRawIntBits(x);
    int hi = y != y ? 0x7FC00000 : Float.floatToRawIntBits(y);
    return (lo & LOW_32) | (long) hi << 32;
  }

  public static long f32x4Sub(long a, long b) {
    float x = Float.intBitsToFloat((int) a) - Float.intBitsToFloat((int) b);
    float y = Float.intBitsToFloat((int) (a >>> 32)) - Float.intBitsToFloat((int) (b >>> 32));
    int lo = x != x ? 0x7FC00000 : Float.floatToRawIntBits(x);
    int hi = y != y ? 0x7FC00000 : Float.floatToRawIntBits(y);
    return (lo & LOW_32) | (long) hi << 32;
  }

  public static long f32x4Mul(long a, long b) {
    float x = Float.intBitsToFloat((int) a) * Float.intBitsToFloat((int) b);
    float y = Float.intBitsToFloat((int) (a >>> 32)) * Float.intBitsToFloat((int) (b >>> 32));
    int lo = x != x ? 0x7FC00000 : Float.floatToRawIntBits(x);
    int hi = y != y ? 0x7FC00000 : Float.floatToRawIntBits(y);
    return (lo & LOW_32) | (long) hi << 32;
  }

  public static long f32x4Div(long a, long b) {
    float x = Float.intBitsToFloat((int) a) / Float.intBitsToFloat((int) b);
    float y = Float.intBitsToFloat((int) (a >>> 32)) / Float.intBitsToFloat((int) (b >>> 32));
    int lo = x != x ? 0x7FC00000 : Float.floatToRawIntBits(x);
    int hi = y != y ? 0x7FC00000 : Float.floatToRawIntBits(y);
    return (lo & LOW_32) | (long) hi << 32;
  }

  public static long f32x4Min(long a, long b) {
    return pack32(Semantics.f32Min(lo32(a), lo32(b)), Semantics.f32Min(hi32(a), hi32(b)));
  }

  public static long f32x4Max(long a, long b) {
    return pack32(Semantics.f32Max(lo32(a), lo32(b)), Semantics.f32Max(hi32(a), hi32(b)));
  }

  private static int pmin32(int a, int b) {
    return Float.intBitsToFloat(b) < Float.intBitsToFloat(a) ? b : a;
  }

  private static int pmax32(int a, int b) {
    return Float.intBitsToFloat(a) < Float.intBitsToFloat(b) ? b : a;
  }

  public static long f32x4Pmin(long a, long b) { return pack32(pmin32(lo32(a), lo32(b)), pmin32(hi32(a), hi32(b))); }

  public static long f32x4Pmax(long a, long b) { return pack32(pmax32(lo32(a), lo32(b)), pmax32(hi32(a), hi32(b))); }

  private static long fcmp32(int c0, int c1) {
    return cmp32(c0 != 0, c1 != 0);
  }

  public static long f32x4Eq(long a, long b) { return fcmp32(Semantics.f32Eq(lo32(a), lo32(b)), Semantics.f32Eq(hi32(a), hi32(b))); }

  public static long f32x4Ne(long a, long b) { return fcmp32(Semantics.f32Ne(lo32(a), lo32(b)), Semantics.f32Ne(hi32(a), hi32(b))); }

  public static long f32x4Lt(long a, long b) { return fcmp32(Semantics.f32Lt(lo32(a), lo32(b)), Semantics.f32Lt(hi32(a), hi32(b))); }

  public static long f32x4Gt(long a, long b) { return fcmp32(Semantics.f32Gt(lo32(a), lo32(b)), Semantics.f32Gt(hi32(a), hi32(b))); }

  public static long f32x4Le(long a, long b) { return fcmp32(Semantics.f32Le(lo32(a), lo32(b)), Semantics.f32Le(hi32(a), hi32(b))); }

  public static long f32x4Ge(long a, long b) { return fcmp32(Semantics.f32Ge(lo32(a), lo32(b)), Semantics.f32Ge(hi32(a), hi32(b))); }

  public static long f32x4ConvertI32x4S(long a) {
    return pack32(Semantics.f32ConvertI32S(lo32(a)), Semantics.f32ConvertI32S(hi32(a)));
  }

  public static long f32x4ConvertI32x4U(long a) {
    return pack32(Semantics.f32ConvertI32U(lo32(a)), Semantics.f32ConvertI32U(hi32(a)));
  }

  public static long f32x4DemoteF64x2Zero(long lo, long hi) {
    return pack32(Semantics.f32DemoteF64(lo), Semantics.f32DemoteF64(hi));
  }

  // ---- f64x2 ----

  public static long f64x2Abs(long a) { return Semantics.f64Abs(a); }

  public static long f64x2Neg(long a) { return Semantics.f64Neg(a); }

  public static long f64x2Sqrt(long a) { return Semantics.f64Sqrt(a); }

  public static long f64x2Ceil(long a) { return Semantics.f64Ceil(a); }

  public static long f64x2Floor(long a) { return Semantics.f64Floor(a); }

  public static long f64x2Trunc(long a) { return Semantics.f64Trunc(a); }

  public static long f64x2Nearest(long a) { return Semantics.f64Nearest(a); }

  public static long f64x2Add(long a, long b) { return Semantics.f64Add(a, b); }

  public static long f64x2Sub(long a, long b) { return Semantics.f64Sub(a, b); }

  public static long f64x2Mul(long a, long b) { return Semantics.f64Mul(a, b); }

  public static long f64x2Div(long a, long b) { return Semantics.f64Div(a, b); }

  public static long f64x2Min(long a, long b) { return Semantics.f64Min(a, b); }

  public static long f64x2Max(long a, long b) { return Semantics.f64Max(a, b); }

  public static long f64x2Pmin(long a, long b) {
    return Double.longBitsToDouble(b) < Double.longBitsToDouble(a) ? b : a;
  }

  public static long f64x2Pmax(long a, long b) {
    return Double.longBitsToDouble(a) < Double.longBitsToDouble(b) ? b : a;
  }

  public static long f64x2Eq(long a, long b) { return -(long) Semantics.f64Eq(a, b); }

  public static long f64x2Ne(long a, long b) { return -(long) Semantics.f64Ne(a, b); }

  public static long f64x2Lt(long a, long b) { return -(long) Semantics.f64Lt(a, b); }

  public static long f64x2Gt(long a, long b) { return -(long) Semantics.f64Gt(a, b); }

  public static long f64x2Le(long a, long b) { return -(long) Semantics.f64Le(a, b); }

  public static long f64x2Ge(long a, long b) { return -(long) Semantics.f64Ge(a, b); }

  public static long f64x2PromoteLowF32x4(long h, int part) {
    return Semantics.f64PromoteF32(part == 0 ? lo32(h) : hi32(h));
  }

  public static long f64x2ConvertLowI32x4S(long h, int part) {
    return Semantics.f64ConvertI32S(part == 0 ? lo32(h) : hi32(h));
  }

  public static long f64x2ConvertLowI32x4U(long h, int part) {
    return Semantics.f64ConvertI32U(part == 0 ? lo32(h) : hi32(h));
  }

  // ---- memory: what the loads and stores do with the bits they move ----

  public static long v128Load8x8S(long x, int part) { return extend8S(x, part); }

  public static long v128Load8x8U(long x, int part) { return extend8U(x, part); }

  public static long v128Load16x4S(long x, int part) { return i32x4ExtendLowI16x8S(x, part); }

  public static long v128Load16x4U(long x, int part) { return i32x4ExtendLowI16x8U(x, part); }

  public static long v128Load32x2S(long x, int part) { return i64x2ExtendLowI32x4S(x, part); }

  public static long v128Load32x2U(long x, int part) { return i64x2ExtendLowI32x4U(x, part); }

  public static long v128Load8Splat(int x) { return i8x16Splat(x); }

  public static long v128Load16Splat(int x) { return i16x8Splat(x); }

  public static long v128Load32Splat(int x) { return i32x4Splat(x); }

  public static long v128Load64Splat(long x) { return x; }

  public static long v128Load8Lane(long h, int x, int lane) { return i8x16ReplaceLane(h, x, lane); }

  public static long v128Load16Lane(long h, int x, int lane) { return i16x8ReplaceLane(h, x, lane); }

  public static long v128Load32Lane(long h, int x, int lane) { return i32x4ReplaceLane(h, x, lane); }

  public static long v128Load64Lane(long h, long x, int lane) { return x; }

  public static int v128Store8Lane(long h, int lane) { return i8x16ExtractLaneS(h, lane); }

  public static int v128Store16Lane(long h, int lane) { return i16x8ExtractLaneS(h, lane); }

  public static int v128Store32Lane(long h, int lane) { return i32x4ExtractLane(h, lane); }

  public static long v128Store64Lane(long h, int lane) { return h; }
}
