package org.wasmj.parser;

/**
 * A table's type.
 *
 * @param elementType {@link ValType#FUNCREF} or {@link ValType#EXTERNREF}
 * @param limits size in elements
 */
public record TableType(ValType elementType, Limits limits) implements ExternType {
  @Override
  public ExternKind kind() {
    return ExternKind.TABLE;
  }

  @Override
  public String toString() {
    return "table " + limits + " " + elementType;
  }
}
