package org.wasmj.exec.asm.rt;

import jdk.incubator.vector.FloatVector;

/**
 * What code generated for the optional vector path ({@code VectorLanes}) needs besides the JDK
 * Vector API itself. Loaded only when that path is on: nothing else refers to this class.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Vectors {
  private Vectors() {}

  /** Four 0.0f lanes (all bits 0): a vector local's value before anything writes it. */
  public static final FloatVector ZERO = FloatVector.zero(FloatVector.SPECIES_128);

  /** {@code bits} (two f32 lanes) with each NaN lane the canonical NaN, as {@link Rt#f32x2Bits} makes it. */
  public static long canonical(long bits) {
    long nan = ((bits & 0x7FFFFFFF7FFFFFFFL) + 0x007FFFFF007FFFFFL & 0x8000000080000000L) >>> 31;
    return bits & ~(nan * 0xFFFFFFFFL) | 0x7FC000007FC00000L & nan * 0xFFFFFFFFL;
  }
}
