package org.wasmj.parser;

/**
 * An import: {@code module}/{@code name} and what is expected there. Function imports give a
 * {@link FuncType.Ref}, an index into the type section.
 */
public record Import(String module, String name, ExternType type) {
  /** The kind of the imported entity. */
  public ExternKind kind() {
    return type.kind();
  }
}
