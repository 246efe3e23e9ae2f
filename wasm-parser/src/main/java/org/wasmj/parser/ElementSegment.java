package org.wasmj.parser;

/**
 * An element segment. Its items are given either as function indices ({@link #functionIndices},
 * the compact legacy forms) or as constant expressions ({@link #initExprs}); exactly one is
 * non-null.
 *
 * @param mode active, passive or declarative
 * @param tableIndex the table an active segment initializes (0 otherwise)
 * @param offset the offset expression of an active segment, else {@code null}
 * @param type {@link ValType#FUNCREF} or {@link ValType#EXTERNREF}
 * @param functionIndices item function indices, or {@code null}
 * @param initExprs item expressions, or {@code null}
 */
public record ElementSegment(
    SegmentMode mode,
    int tableIndex,
    ConstExpr offset,
    ValType type,
    int[] functionIndices,
    ConstExpr[] initExprs) {

  /** Number of items. */
  public int size() {
    return functionIndices != null ? functionIndices.length : initExprs.length;
  }
}
