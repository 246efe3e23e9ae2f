package org.wasmj.exec;

import org.wasmj.parser.ExternKind;

/**
 * What a module exports: a name, its kind and its type, a {@link org.wasmj.parser.FuncType},
 * {@link org.wasmj.parser.TableType}, {@link org.wasmj.parser.MemoryType} or
 * {@link org.wasmj.parser.GlobalType}.
 */
public record ExportType(String name, ExternKind kind, Object type) {
  @Override
  public String toString() {
    return name + ": " + (kind == ExternKind.FUNC ? "func " : "") + type;
  }
}
