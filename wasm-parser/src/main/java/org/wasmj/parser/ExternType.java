package org.wasmj.parser;

/** The type of something a module imports or exports: a function, table, memory or global. */
public sealed interface ExternType permits FuncType.Ref, TableType, MemoryType, GlobalType {
  /** What kind of entity this type describes. */
  ExternKind kind();
}
