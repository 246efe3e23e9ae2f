package org.wasmj.parser;

import java.util.Set;
import org.wasmj.Feature;

/**
 * Decodes instructions: opcodes and their immediates, shape by shape ({@link Opcode.Imm}). Used by
 * the validator, the translator and constant-expression evaluation.
 *
 * <pre>{@code
 * CodeReader r = new CodeReader(bytes, body.offset(), body.offset() + body.length(), features);
 * Opcode op = r.readOpcode();
 * r.skipImmediates(op);
 * }</pre>
 *
 * @implNote Not thread-safe; cheap to create.
 */
public final class CodeReader extends WasmReader {
  /** {@link #readBlockType()} of an empty block type ({@code 0x40}). */
  public static final long BLOCK_EMPTY = -64;

  private final boolean multiMemory;
  private final boolean simd;
  private int memargAlign;
  private int memargMemory;
  private long memargOffset;

  /** A reader of the instructions in {@code bytes[offset, limit)}. */
  public CodeReader(byte[] bytes, int offset, int limit, Set<Feature> features) {
    super(bytes, offset, limit);
    this.multiMemory = features.contains(Feature.MULTI_MEMORY);
    this.simd = features.contains(Feature.SIMD);
  }

  /** The next opcode; {@code "illegal opcode"} if it is none. */
  public Opcode readOpcode() {
    // readByte inline but at the end (where it throws): this runs once per instruction of every
    // walk, much of it while HotSpot still interprets it, where a call costs more than the read.
    int b = pos < limit ? bytes[pos++] & 0xFF : readByte();
    Opcode op = Opcode.fromByte(b);
    if (op != null) {
      return op;
    }
    if (b == 0xFC || b == 0xFD) {
      op = Opcode.fromPrefixed(b, readU32());
      if (op != null) {
        return op;
      }
    }
    throw malformed("illegal opcode");
  }

  /**
   * A block type as an s33: {@link #BLOCK_EMPTY}, another negative value whose low 7 bits are a
   * value type's code, or a type index.
   */
  public long readBlockType() {
    return readS33();
  }

  /** The value type of a negative {@link #readBlockType()} result, or {@code null} if none. */
  public static ValType blockValueType(long blockType) {
    return ValType.fromCode((int) (blockType & 0x7F));
  }

  /** Reads a memarg; see {@link #memargAlign()}, {@link #memargMemory()}, {@link #memargOffset()}. */
  public void readMemarg() {
    int flags = readU32();
    int memory = 0;
    if (multiMemory && (flags & 0x40) != 0) {
      flags &= ~0x40;
      memory = readU32();
    }
    // Without multi-memory, exponents from 32 up are malformed; with it, bit 6 is the memory flag
    // and any exponent below 64 decodes (the validator rejects it as too large).
    if (flags < 0 || flags >= (multiMemory ? 64 : 32)) {
      throw malformed("malformed memop flags");
    }
    memargAlign = flags;
    memargMemory = memory;
    memargOffset = readU32() & 0xFFFFFFFFL;
  }

  /** The alignment exponent of the last memarg. */
  public int memargAlign() {
    return memargAlign;
  }

  /** The memory index of the last memarg (0 unless multi-memory gave one). */
  public int memargMemory() {
    return memargMemory;
  }

  /** The static offset of the last memarg, an unsigned 32-bit value. */
  public long memargOffset() {
    return memargOffset;
  }

  /** A memory index: a reserved zero byte without multi-memory, a u32 with it. */
  public int readMemoryIndex() {
    if (multiMemory) {
      return readU32();
    }
    if (readByte() != 0) {
      throw malformed("zero byte expected");
    }
    return 0;
  }

  /** A lane index byte. */
  public int readLane() {
    return readByte();
  }

  /** A value type byte ({@code v128} only when SIMD is enabled: without it, 0x7B is no type). */
  public ValType readValType() {
    ValType t = ValType.fromCode(readByte());
    if (t == null || (t == ValType.V128 && !simd)) {
      throw malformed("malformed value type");
    }
    return t;
  }

  /** A reference type byte. */
  public ValType readRefType() {
    ValType t = ValType.fromCode(readByte());
    if (t == null || !t.isReference()) {
      throw malformed("malformed reference type");
    }
    return t;
  }

  /** The low 64 bits of a 16-byte immediate; call {@link #readV128High()} right after. */
  public long readV128Low() {
    return readF64Bits();
  }

  /** The high 64 bits of a 16-byte immediate. */
  public long readV128High() {
    return readF64Bits();
  }

  /** Steps over the immediates of {@code op}. */
  public void skipImmediates(Opcode op) {
    switch (op.immediates()) {
      case NONE:
        break;
      case BLOCK_TYPE:
        readBlockType();
        break;
      case LABEL:
      case FUNC:
      case LOCAL:
      case GLOBAL:
      case TABLE:
      case ELEM:
      case DATA:
        readU32();
        break;
      case LABEL_TABLE:
        for (int n = readCount(); n >= 0; n--) {
          readU32();
        }
        break;
      case TYPE_AND_TABLE:
      case ELEM_AND_TABLE:
      case TABLE_PAIR:
        readU32();
        readU32();
        break;
      case MEMARG:
        readMemarg();
        break;
      case MEMARG_LANE:
        readMemarg();
        readLane();
        break;
      case MEMORY:
        readMemoryIndex();
        break;
      case DATA_AND_MEMORY:
        readU32();
        readMemoryIndex();
        break;
      case MEMORY_PAIR:
        readMemoryIndex();
        readMemoryIndex();
        break;
      case I32:
        readS32();
        break;
      case I64:
        readS64();
        break;
      case F32:
        readF32Bits();
        break;
      case F64:
        readF64Bits();
        break;
      case V128:
      case SHUFFLE:
        skip(16);
        break;
      case LANE:
        readLane();
        break;
      case SELECT_TYPES:
        for (int n = readCount(); n > 0; n--) {
          readValType();
        }
        break;
      case REF_TYPE:
        readRefType();
        break;
      default:
        throw new AssertionError(op.immediates());
    }
  }
}
