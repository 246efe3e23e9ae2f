package org.wasmj;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A WebAssembly feature that decoding and validation can switch on or off. Named profiles give
 * the usual sets: {@link #WASM_1_0}, {@link #WASM_2_0}, and 2.0 plus each proposal.
 *
 * <pre>{@code
 * Set<Feature> features = Feature.with(Feature.WASM_2_0, Feature.MULTI_MEMORY);
 * }</pre>
 */
public enum Feature {
  /** Importing and exporting mutable globals (in 1.0). */
  MUTABLE_GLOBALS,
  /** {@code i32.extend8_s} and friends (2.0). */
  SIGN_EXTENSION,
  /** {@code i32.trunc_sat_f32_s} and friends (2.0). */
  SATURATING_FLOAT_TO_INT,
  /** Multiple results for functions and blocks, block parameters (2.0). */
  MULTI_VALUE,
  /** {@code memory.copy}, {@code memory.fill}, passive segments, data count (2.0). */
  BULK_MEMORY,
  /** {@code funcref}/{@code externref} values, multiple tables, {@code table.*} (2.0). */
  REFERENCE_TYPES,
  /** 128-bit SIMD, the {@code 0xFD} prefix (2.0). */
  SIMD,
  /** {@code return_call}, {@code return_call_indirect} (proposal). */
  TAIL_CALL,
  /** More than one memory (proposal). */
  MULTI_MEMORY,
  /** {@code i32/i64.add/sub/mul} in constant expressions (proposal). */
  EXTENDED_CONST;

  /** The WebAssembly 1.0 (MVP) feature set. */
  public static final Set<Feature> WASM_1_0 =
      Collections.unmodifiableSet(EnumSet.of(MUTABLE_GLOBALS));

  /** The WebAssembly 2.0 feature set. */
  public static final Set<Feature> WASM_2_0 =
      Collections.unmodifiableSet(
          EnumSet.of(
              MUTABLE_GLOBALS,
              SIGN_EXTENSION,
              SATURATING_FLOAT_TO_INT,
              MULTI_VALUE,
              BULK_MEMORY,
              REFERENCE_TYPES,
              SIMD));

  /** Every feature wasmj implements. */
  public static final Set<Feature> ALL = Collections.unmodifiableSet(EnumSet.allOf(Feature.class));

  /** Returns a new mutable set: {@code profile} plus {@code extra}. */
  public static EnumSet<Feature> with(Set<Feature> profile, Feature... extra) {
    EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
    set.addAll(profile);
    Collections.addAll(set, extra);
    return set;
  }
}
