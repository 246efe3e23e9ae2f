package org.wasmj.parser;

/**
 * A global's type.
 *
 * @param valueType the type of its value
 * @param mutable whether {@code global.set} may change it
 */
public record GlobalType(ValType valueType, boolean mutable) implements ExternType {
  @Override
  public ExternKind kind() {
    return ExternKind.GLOBAL;
  }

  @Override
  public String toString() {
    return mutable ? "global (mut " + valueType + ")" : "global " + valueType;
  }
}
