package org.wasmj.parser;

/** How an element or data segment is used. */
public enum SegmentMode {
  /** Copied into a table or memory at instantiation. */
  ACTIVE,
  /** Kept for {@code table.init} / {@code memory.init}. */
  PASSIVE,
  /** Element segments only: declares functions for {@code ref.func}; dropped at once. */
  DECLARATIVE
}
