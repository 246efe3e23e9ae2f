package org.wasmj.ir;

import org.wasmj.parser.Opcode;

/**
 * How a SIMD op's two 64-bit halves are computed, which says what its {@link SimdSemantics}
 * method takes and returns. A v128 value is two registers, {@code lo} (bytes 0..7, lanes in
 * little-endian order) then {@code hi} (bytes 8..15); most ops work on each half alone, so their
 * method computes one half and executors call it twice. Every SIMD {@link Op} has one form,
 * derived from its Wasm instruction by {@link #of}.
 *
 * <pre>{@code
 * SimdForm.of(Opcode.I32X4_ADD);  // BINARY: lo = i32x4Add(a.lo, b.lo), hi = i32x4Add(a.hi, b.hi)
 * }</pre>
 */
public enum SimdForm {
  /** {@code v128.const}: both halves are immediates. */
  CONST,
  /** {@code i8x16.shuffle}: {@code half = f(a.lo, a.hi, b.lo, b.hi, lanes)}, the lane bytes of the half. */
  SHUFFLE,
  /** {@code i8x16.swizzle}: {@code half = f(a.lo, a.hi, s.half)}. */
  SWIZZLE,
  /** {@code extract_lane}: {@code x = f(half, laneInHalf)}, the half that holds the lane. */
  EXTRACT,
  /** {@code replace_lane}: {@code half = f(half, x, laneInHalf)}, the other half unchanged. */
  REPLACE,
  /** {@code splat}: {@code lo = hi = f(x)}. */
  SPLAT,
  /** Lane-wise on one operand: {@code half = f(a.half)}. */
  UNARY,
  /** Lane-wise on two operands: {@code half = f(a.half, b.half)}. */
  BINARY,
  /** {@code v128.bitselect}: {@code half = f(a.half, b.half, c.half)}. */
  TERNARY,
  /** Shifts: {@code half = f(a.half, count)}. */
  SHIFT,
  /** {@code any_true}, {@code all_true}, {@code bitmask}: {@code i32 = f(a.lo, a.hi)}. */
  REDUCE,
  /** Widening of the low half: {@code lo = f(a.lo, 0)}, {@code hi = f(a.lo, 1)}. */
  EXTEND_LOW,
  /** Widening of the high half: {@code lo = f(a.hi, 0)}, {@code hi = f(a.hi, 1)}. */
  EXTEND_HIGH,
  /** Widening multiply of the low halves: {@code lo = f(a.lo, b.lo, 0)}, {@code hi = f(a.lo, b.lo, 1)}. */
  EXTMUL_LOW,
  /** Widening multiply of the high halves: as {@link #EXTMUL_LOW} on {@code a.hi, b.hi}. */
  EXTMUL_HIGH,
  /** Narrowing: {@code lo = f(a.lo, a.hi)}, {@code hi = f(b.lo, b.hi)}. */
  NARROW,
  /** Two lanes to the low half, zeros above: {@code lo = f(a.lo, a.hi)}, {@code hi = 0}. */
  ZERO,
  /** {@code v128.load}: 16 bytes. */
  LOAD,
  /** {@code v128.load8x8_s} and the like: 8 bytes {@code x}, then {@code lo = f(x, 0)}, {@code hi = f(x, 1)}. */
  LOAD_EXTEND,
  /** {@code v128.loadN_splat}: N bits {@code x}, then {@code lo = hi = f(x)}. */
  LOAD_SPLAT,
  /** {@code v128.load32_zero}, {@code v128.load64_zero}: {@code lo} = the value zero-extended, {@code hi = 0}. */
  LOAD_ZERO,
  /** {@code v128.loadN_lane}: N bits {@code x} into a lane: {@code half = f(half, x, laneInHalf)}. */
  LOAD_LANE,
  /** {@code v128.store}: 16 bytes. */
  STORE,
  /** {@code v128.storeN_lane}: stores {@code f(half, laneInHalf)}, N bits. */
  STORE_LANE;

  /** The form of SIMD instruction {@code w}, or {@code null} if {@code w} is no SIMD instruction. */
  public static SimdForm of(Opcode w) {
    if (w == null || w.prefix() != 0xFD) {
      return null;
    }
    String t = w.text();
    switch (w.immediates()) {
      case V128: return CONST;
      case SHUFFLE: return SHUFFLE;
      case LANE: return t.contains("extract") ? EXTRACT : REPLACE;
      case MEMARG_LANE: return t.contains("store") ? STORE_LANE : LOAD_LANE;
      case MEMARG:
        if (t.equals("v128.load")) {
          return LOAD;
        } else if (t.equals("v128.store")) {
          return STORE;
        }
        return t.endsWith("splat") ? LOAD_SPLAT : t.endsWith("zero") ? LOAD_ZERO : LOAD_EXTEND;
      default:
        break;
    }
    if (t.endsWith("splat")) {
      return SPLAT;
    } else if (t.equals("i8x16.swizzle")) {
      return SWIZZLE;
    } else if (t.contains("extend_low") || t.contains("promote_low") || t.contains("convert_low")) {
      return EXTEND_LOW;
    } else if (t.contains("extend_high")) {
      return EXTEND_HIGH;
    } else if (t.contains("extmul_low")) {
      return EXTMUL_LOW;
    } else if (t.contains("extmul_high")) {
      return EXTMUL_HIGH;
    } else if (t.contains("narrow")) {
      return NARROW;
    } else if (t.endsWith("_zero")) {
      return ZERO;
    } else if (w.results()[0] != org.wasmj.parser.ValType.V128) {
      return REDUCE;
    } else if (w.params().length == 3) {
      return TERNARY;
    } else if (w.params().length == 1) {
      return UNARY;
    }
    return w.params()[1] == org.wasmj.parser.ValType.I32 ? SHIFT : BINARY;
  }

  /**
   * Lanes in a v128 for a lane-indexed op ({@code extract_lane}, {@code replace_lane}, the lane
   * loads and stores): 16, 8, 4 or 2; the lane's half is {@code lane < n/2 ? lo : hi}.
   */
  public static int laneCount(Opcode w) {
    return 128 / accessBits(w);
  }

  /**
   * Bits a SIMD memory op accesses (128 for {@code v128.load}/{@code store}, 64 for the extending
   * loads, N for the others), or for a lane-indexed op its lane width.
   */
  public static int accessBits(Opcode w) {
    String t = w.text();
    if (t.equals("v128.load") || t.equals("v128.store")) {
      return 128;
    } else if (t.startsWith("v128.load") && t.contains("x")) {
      return 64; // load8x8_s and the like
    } else if (t.startsWith("v128.")) {
      return Integer.parseInt(t.replaceAll("^v128\\.(load|store)(\\d+)_.*$", "$2"));
    }
    return Integer.parseInt(t.substring(1, t.indexOf('x')));
  }
}
