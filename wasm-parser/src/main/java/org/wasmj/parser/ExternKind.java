package org.wasmj.parser;

/** The kind of an import or export, with its binary code. */
public enum ExternKind {
  FUNC("func"),
  TABLE("table"),
  MEMORY("memory"),
  GLOBAL("global");

  private final String text;

  ExternKind(String text) {
    this.text = text;
  }

  /** The kind's byte in the binary format (its ordinal). */
  public int code() {
    return ordinal();
  }

  @Override
  public String toString() {
    return text;
  }
}
