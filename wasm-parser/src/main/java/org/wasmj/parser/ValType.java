package org.wasmj.parser;

/** A WebAssembly value type, with its binary code and text name. */
public enum ValType {
  I32(0x7F, "i32"),
  I64(0x7E, "i64"),
  F32(0x7D, "f32"),
  F64(0x7C, "f64"),
  V128(0x7B, "v128"),
  FUNCREF(0x70, "funcref"),
  EXTERNREF(0x6F, "externref");

  private static final ValType[] BY_CODE = new ValType[128];

  static {
    for (ValType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final String text;

  ValType(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The type's byte in the binary format. */
  public int code() {
    return code;
  }

  /** True for {@code funcref} and {@code externref}. */
  public boolean isReference() {
    return this == FUNCREF || this == EXTERNREF;
  }

  /** True for {@code i32}, {@code i64}, {@code f32}, {@code f64}. */
  public boolean isNumber() {
    return ordinal() <= F64.ordinal();
  }

  /** The type for a binary code, or {@code null} if the byte is no value type. */
  public static ValType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
