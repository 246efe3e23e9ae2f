package org.wasmj.exec;

import org.wasmj.parser.ExternKind;

/**
 * What a module imports: {@code module}/{@code name}, its kind and its type, a
 * {@link org.wasmj.parser.FuncType}, {@link org.wasmj.parser.TableType},
 * {@link org.wasmj.parser.MemoryType} or {@link org.wasmj.parser.GlobalType}.
 */
public record ImportType(String module, String name, ExternKind kind, Object type) {
  @Override
  public String toString() {
    return module + "::" + name + ": " + (kind == ExternKind.FUNC ? "func " : "") + type;
  }
}
