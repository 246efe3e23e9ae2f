package org.wasmj.parser;

/**
 * Every WebAssembly instruction wasmj decodes, defined once: prefix, code, immediate shape, text
 * name and, for instructions with a fixed stack effect, the operand signature. The parser,
 * validator, translator and disassembler all work from this table.
 *
 * <p>Constant names are the text names upper-cased with {@code .} replaced by {@code _}:
 * {@code i32.trunc_sat_f32_s} is {@link #I32_TRUNC_SAT_F32_S}. The typed {@code select t} is
 * {@code SELECT_T}.
 *
 * <p>The signature is written {@code "params:results"} with one letter per value: {@code i} i32,
 * {@code l} i64, {@code f} f32, {@code d} f64, {@code v} v128; e.g. {@code "ii:i"} for
 * {@code i32.add}. Instructions whose stack effect depends on immediates or context (control,
 * variables, calls, {@code drop}, {@code select}, memory and table ops with index immediates)
 * have no signature ({@code null}); the validator handles them one by one.
 */
public enum Opcode {
  // TODO(parser): every instruction of Wasm 2.0 + tail-call + multi-memory (the 0xFC and 0xFD
  // prefixes included). The three below show the form.
  UNREACHABLE(0x00, Imm.NONE, "unreachable", null),
  I32_ADD(0x6A, Imm.NONE, "i32.add", "ii:i"),
  I32_TRUNC_SAT_F32_S(0xFC, 0x00, Imm.NONE, "i32.trunc_sat_f32_s", "f:i");

  /** The shape of an instruction's immediates, i.e. what the decoder reads after the opcode. */
  public enum Imm {
    /** Nothing. */
    NONE,
    /** A block type (s33: empty, a value type or a type index). */
    BLOCK_TYPE,
    /** A label index ({@code br}, {@code br_if}). */
    LABEL,
    /** A vector of label indices plus a default ({@code br_table}). */
    LABEL_TABLE,
    /** A function index ({@code call}, {@code return_call}, {@code ref.func}). */
    FUNC,
    /** A type index then a table index ({@code call_indirect}). */
    TYPE_AND_TABLE,
    /** A local index. */
    LOCAL,
    /** A global index. */
    GLOBAL,
    /** A table index ({@code table.get/set/size/grow/fill}). */
    TABLE,
    /** A memarg: alignment flags (bit 6 = memory index follows, with multi-memory) and offset. */
    MEMARG,
    /** A memory index; a reserved zero byte without multi-memory ({@code memory.size/grow/fill}). */
    MEMORY,
    /** An s32 ({@code i32.const}). */
    I32,
    /** An s64 ({@code i64.const}). */
    I64,
    /** 4 bytes of an f32. */
    F32,
    /** 8 bytes of an f64. */
    F64,
    /** 16 bytes ({@code v128.const}). */
    V128,
    /** 16 lane indices ({@code i8x16.shuffle}). */
    SHUFFLE,
    /** One lane index byte. */
    LANE,
    /** A memarg then a lane index byte. */
    MEMARG_LANE,
    /** A vector of value types ({@code select t*}). */
    SELECT_TYPES,
    /** A reference type byte ({@code ref.null}). */
    REF_TYPE,
    /** An element segment index ({@code elem.drop}). */
    ELEM,
    /** A data segment index ({@code data.drop}). */
    DATA,
    /** A data index then a memory index ({@code memory.init}). */
    DATA_AND_MEMORY,
    /** Destination then source memory index ({@code memory.copy}). */
    MEMORY_PAIR,
    /** An element index then a table index ({@code table.init}). */
    ELEM_AND_TABLE,
    /** Destination then source table index ({@code table.copy}). */
    TABLE_PAIR
  }

  private final int prefix;
  private final int code;
  private final Imm immediates;
  private final String text;
  private final ValType[] params;
  private final ValType[] results;

  Opcode(int code, Imm immediates, String text, String signature) {
    this(0, code, immediates, text, signature);
  }

  Opcode(int prefix, int code, Imm immediates, String text, String signature) {
    this.prefix = prefix;
    this.code = code;
    this.immediates = immediates;
    this.text = text;
    if (signature == null) {
      this.params = null;
      this.results = null;
    } else {
      int colon = signature.indexOf(':');
      this.params = types(signature.substring(0, colon));
      this.results = types(signature.substring(colon + 1));
    }
  }

  private static ValType[] types(String letters) {
    ValType[] types = new ValType[letters.length()];
    for (int i = 0; i < types.length; i++) {
      switch (letters.charAt(i)) {
        case 'i': types[i] = ValType.I32; break;
        case 'l': types[i] = ValType.I64; break;
        case 'f': types[i] = ValType.F32; break;
        case 'd': types[i] = ValType.F64; break;
        case 'v': types[i] = ValType.V128; break;
        default: throw new IllegalArgumentException(letters);
      }
    }
    return types;
  }

  /** 0 for single-byte opcodes, else the prefix byte ({@code 0xFC} or {@code 0xFD}). */
  public int prefix() {
    return prefix;
  }

  /** The opcode byte, or for prefixed opcodes the u32 that follows the prefix. */
  public int code() {
    return code;
  }

  /** What follows the opcode in the binary. */
  public Imm immediates() {
    return immediates;
  }

  /** The text-format name, e.g. {@code "i32.add"}. */
  public String text() {
    return text;
  }

  /** True if the stack effect is fixed, given by {@link #params()} and {@link #results()}. */
  public boolean hasSignature() {
    return params != null;
  }

  /** The operand types popped, bottom first; {@code null} without a fixed signature. Do not modify. */
  public ValType[] params() {
    return params;
  }

  /** The result types pushed; {@code null} without a fixed signature. Do not modify. */
  public ValType[] results() {
    return results;
  }

  @Override
  public String toString() {
    return text;
  }
}
