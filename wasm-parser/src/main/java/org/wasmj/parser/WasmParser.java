package org.wasmj.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmj.Feature;
import org.wasmj.MalformedModuleException;

/**
 * Decodes the WebAssembly binary format into a {@link WasmModule}. Every section is decoded;
 * function bodies and constant expressions are only delimited (kept as byte ranges) and decoded
 * later by the validator and translator.
 *
 * <pre>{@code
 * WasmModule module = WasmParser.parse(Files.readAllBytes(path), Feature.WASM_2_0);
 * }</pre>
 *
 * <p>From an {@link InputStream} the module is decoded as its bytes arrive, and a
 * {@link BodyListener} is handed each function body as soon as the stream has delivered it, so
 * that a compiler can work on the code section while the rest is still on its way. A stream gives
 * exactly the result, or the error (type, message and offset), that its bytes would give as an
 * array.
 *
 * <p>Any malformation raises {@link MalformedModuleException} with the spec's message; no other
 * exception escapes, whatever the bytes.
 *
 * @implNote Stateless and thread-safe.
 */
public final class WasmParser {
  private static final int[] SECTION_ORDER = {
    /* custom */ 0, /* type */ 1, /* import */ 2, /* function */ 3, /* table */ 4, /* memory */ 5,
    /* global */ 6, /* export */ 7, /* start */ 8, /* element */ 9, /* code */ 11, /* data */ 12,
    /* data count */ 10
  };
  private static final int CODE_SECTION = 10;
  /** The largest {@code byte[]} the JVM reliably allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** First buffer size for a stream that does not say how much it holds. */
  private static final int FIRST_BUFFER = 4096;
  /** Most bytes allocated on a stream's word ({@code available()}) before they arrive. */
  private static final int MAX_HINT = 64 << 20;

  private WasmParser() {}

  /**
   * Receives the function bodies of a module while it is decoded, in order, each as soon as its
   * bytes are read (from a stream) or right after the sections before the code section (from an
   * array). A decoding error found later still fails {@link WasmParser#parse}; what the listener
   * did with the bodies until then is its own business.
   */
  public interface BodyListener {
    /**
     * The code section starts with {@code count} bodies (as many as the function section
     * declared). {@code header} holds every section before it: types, imports, functions,
     * tables, memories, globals, exports, start, elements, data count; no bodies and no data
     * segments yet. Its byte ranges point into {@code header.bytes()}.
     */
    void codeSection(WasmModule header, int count);

    /**
     * Body {@code definedIndex} is complete: {@code bytes[body.offset(), body.offset() +
     * body.length())}, at the offsets it has in the module. The array is the parser's buffer:
     * read it during the call only.
     */
    void body(int definedIndex, byte[] bytes, FunctionBody body);
  }

  /** Decodes {@code bytes} with the Wasm 2.0 features. */
  public static WasmModule parse(byte[] bytes) {
    return parse(bytes, Feature.WASM_2_0);
  }

  /** Decodes {@code bytes}; the module keeps a reference to the array, which must not change. */
  public static WasmModule parse(byte[] bytes, Set<Feature> features) {
    return parse(bytes, features, null);
  }

  /**
   * As {@link #parse(byte[], Set)}, handing each function body to {@code listener} (if not null)
   * once the sections before the code section are decoded.
   */
  public static WasmModule parse(byte[] bytes, Set<Feature> features, BodyListener listener) {
    try {
      return decode(new Decoder(bytes, null, features, listener));
    } catch (IOException e) {
      throw new AssertionError(e); // an array is no stream
    }
  }

  /**
   * Decodes a module read from {@code in} (to its end; not closed) as its bytes arrive.
   *
   * @throws UncheckedIOException if reading fails
   */
  public static WasmModule parse(InputStream in, Set<Feature> features) {
    try {
      return parse(in, features, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes a module read from {@code in} (to its end; not closed) as its bytes arrive, handing
   * each function body to {@code listener} (if not null) as soon as it has been read.
   *
   * @throws IOException if reading fails
   */
  public static WasmModule parse(InputStream in, Set<Feature> features, BodyListener listener)
      throws IOException {
    // what the stream says it holds (a file: all of it), believed up to MAX_HINT; + 1: the end
    // of the stream is seen without growing the buffer
    int hint = Math.max(0, Math.min(in.available(), MAX_HINT));
    byte[] buffer = new byte[Math.max(FIRST_BUFFER, hint + 1)];
    return decode(new Decoder(buffer, in, features, listener));
  }

  private static WasmModule decode(Decoder decoder) throws IOException {
    try {
      return decoder.decode();
    } catch (OutOfMemoryError e) {
      throw new MalformedModuleException("module too large to decode");
    }
  }

  /** One decoding run, over an array or over the bytes a stream has delivered so far. */
  private static final class Decoder {
    /** The stream, or null when {@link #bytes} is the whole module. */
    private final InputStream in;
    /** The module's bytes; from a stream, a buffer whose first {@link #filled} bytes are read. */
    private byte[] bytes;
    private int filled;
    /** True once {@link #filled} is the module's length. */
    private boolean atEnd;
    private final Set<Feature> features;
    private final BodyListener listener;
    private final List<FuncType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> importedFunctionTypes = new ArrayList<>();
    private int[] definedFunctionTypes = new int[0];
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<GlobalType> globalTypes = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private int start = -1;
    private final List<ElementSegment> elements = new ArrayList<>();
    private int dataCount = -1;
    private final List<FunctionBody> bodies = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final List<CustomSection> customs = new ArrayList<>();
    private NameSection names = NameSection.EMPTY;

    Decoder(byte[] bytes, InputStream in, Set<Feature> features, BodyListener listener) {
      this.bytes = bytes;
      this.in = in;
      this.filled = in == null ? bytes.length : 0;
      this.atEnd = in == null;
      this.features = features;
      this.listener = listener;
    }

    /**
     * Reads until the first {@code upTo} bytes of the module are in {@link #bytes}, or the stream
     * ends; true if they are.
     */
    private boolean fill(long upTo) throws IOException {
      while (filled < upTo && !atEnd) {
        if (filled == bytes.length) {
          if (bytes.length == MAX_ARRAY) {
            throw new MalformedModuleException("module too large to decode");
          }
          bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_ARRAY, 2L * bytes.length));
        }
        int n = in.read(bytes, filled, bytes.length - filled);
        if (n < 0) {
          atEnd = true;
        } else {
          filled += n;
        }
      }
      return filled >= upTo;
    }

    WasmModule decode() throws IOException {
      fill(8);
      if (filled < 4
          || bytes[0] != 0
          || bytes[1] != 'a'
          || bytes[2] != 's'
          || bytes[3] != 'm') {
        throw new MalformedModuleException("magic header not detected");
      }
      if (filled < 8) {
        throw new MalformedModuleException("unexpected end");
      }
      if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
        throw new MalformedModuleException("unknown binary version");
      }
      int lastOrder = 0;
      for (int pos = 8; fill(pos + 1); ) {
        int id = bytes[pos] & 0xFF;
        if (id >= SECTION_ORDER.length) {
          throw new MalformedModuleException("malformed section id", pos);
        }
        fill(pos + 6L); // a u32 takes at most 5 bytes, so the size decodes as from the whole module
        WasmReader top = new WasmReader(bytes, pos + 1, filled);
        int size = top.readU32();
        int begin = top.position();
        long end = (long) begin + size;
        // the code section of a stream is read body by body (codeSection checks its length)
        boolean streamed = id == CODE_SECTION && !atEnd && end <= MAX_ARRAY;
        if (size < 0 || (!streamed && !fill(end))) {
          throw new MalformedModuleException("length out of bounds", begin);
        }
        if (id != 0) {
          int order = SECTION_ORDER[id];
          if (order <= lastOrder) {
            if (streamed && !fill(end)) { // the array's first error
              throw new MalformedModuleException("length out of bounds", begin);
            }
            throw new MalformedModuleException("unexpected content after last section", begin);
          }
          lastOrder = order;
        }
        if (id == CODE_SECTION) {
          codeSection(begin, (int) end);
        } else {
          CodeReader r = new CodeReader(bytes, begin, (int) end, features);
          section(id, r);
          if (r.position() != end) {
            throw new MalformedModuleException("section size mismatch", r.position());
          }
        }
        pos = (int) end;
      }
      if (definedFunctionTypes.length != bodies.size()) {
        throw new MalformedModuleException("function and code section have inconsistent lengths");
      }
      if (dataCount >= 0 && dataCount != data.size()) {
        throw new MalformedModuleException("data count and data section have inconsistent lengths");
      }
      byte[] module = bytes.length == filled ? bytes : Arrays.copyOf(bytes, filled);
      return new WasmModule(
          module, types, imports, functionTypes(), tables, memories, globalTypes, globals, exports,
          start, elements, dataCount, bodies, data, customs, names);
    }

    private int[] functionTypes() {
      int[] functionTypes = new int[importedFunctionTypes.size() + definedFunctionTypes.length];
      for (int i = 0; i < importedFunctionTypes.size(); i++) {
        functionTypes[i] = importedFunctionTypes.get(i);
      }
      System.arraycopy(
          definedFunctionTypes, 0, functionTypes, importedFunctionTypes.size(),
          definedFunctionTypes.length);
      return functionTypes;
    }

    private void section(int id, CodeReader r) {
      switch (id) {
        case 0: custom(r); break;
        case 1: typeSection(r); break;
        case 2: importSection(r); break;
        case 3: functionSection(r); break;
        case 4:
          for (int n = r.readCount(); n > 0; n--) {
            tables.add(tableType(r));
          }
          break;
        case 5:
          for (int n = r.readCount(); n > 0; n--) {
            memories.add(new MemoryType(limits(r)));
          }
          break;
        case 6:
          for (int n = r.readCount(); n > 0; n--) {
            GlobalType type = globalType(r);
            globalTypes.add(type);
            globals.add(new Global(type, constExpr(r)));
          }
          break;
        case 7: exportSection(r); break;
        case 8:
          start = r.readU32();
          if (start == -1) { // 2^32 - 1, which names no function, is not "no start function"
            start = Integer.MIN_VALUE;
          }
          break;
        case 9: elementSection(r); break;
        case 11: dataSection(r); break;
        case 12:
          dataCount = r.readU32();
          if (dataCount < 0) { // 2^31 or more, which no data section can match; -1 is "none"
            dataCount = Integer.MAX_VALUE;
          }
          break;
        default: throw new AssertionError(id);
      }
    }

    private void custom(CodeReader r) {
      String name = r.readName();
      int offset = r.position();
      int length = r.limit() - offset;
      customs.add(new CustomSection(name, offset, length));
      if (name.equals("name") && names == NameSection.EMPTY) {
        names = NameDecoder.decode(bytes, offset, r.limit());
      }
      r.position(r.limit());
    }

    private void typeSection(CodeReader r) {
      for (int n = r.readCount(); n > 0; n--) {
        if (r.readByte() != 0x60) {
          throw new MalformedModuleException("integer representation too long", r.position() - 1);
        }
        ValType[] params = valTypes(r);
        ValType[] results = valTypes(r);
        types.add(FuncType.of(params, results));
      }
    }

    private ValType[] valTypes(CodeReader r) {
      ValType[] v = new ValType[r.readCount()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.readValType();
      }
      return v;
    }

    private void importSection(CodeReader r) {
      for (int n = r.readCount(); n > 0; n--) {
        String module = r.readName();
        String name = r.readName();
        int kind = r.readByte();
        ExternType type;
        switch (kind) {
          case 0:
            int typeIndex = r.readU32();
            importedFunctionTypes.add(typeIndex);
            type = new FuncType.Ref(typeIndex);
            break;
          case 1:
            TableType table = tableType(r);
            tables.add(table);
            type = table;
            break;
          case 2:
            MemoryType memory = new MemoryType(limits(r));
            memories.add(memory);
            type = memory;
            break;
          case 3:
            GlobalType global = globalType(r);
            globalTypes.add(global);
            type = global;
            break;
          default:
            throw new MalformedModuleException("malformed import kind", r.position() - 1);
        }
        imports.add(new Import(module, name, type));
      }
    }

    /**
     * The defined functions' type indices. Indices of one or two bytes (under 16,384 types) are
     * read in place, the rest (and any error) by the reader: the loop runs once per function, in
     * the bytecode interpreter at a cold start (Yosys: 34,004), where a call per index is dear.
     */
    private void functionSection(CodeReader r) {
      int[] typeIndices = new int[r.readCount()];
      int pos = r.position();
      int limit = r.limit();
      for (int i = 0; i < typeIndices.length; i++) {
        if (pos < limit - 1) { // two bytes to read, whichever form
          int b = bytes[pos];
          if (b >= 0) {
            typeIndices[i] = b;
            pos++;
            continue;
          }
          int b1 = bytes[pos + 1];
          if (b1 >= 0) {
            typeIndices[i] = (b & 0x7F) | b1 << 7;
            pos += 2;
            continue;
          }
        }
        r.position(pos);
        typeIndices[i] = r.readU32();
        pos = r.position();
      }
      r.position(pos);
      definedFunctionTypes = typeIndices;
    }

    private TableType tableType(CodeReader r) {
      ValType element = r.readRefType();
      return new TableType(element, limits(r));
    }

    private Limits limits(CodeReader r) {
      int flags = r.readByte();
      if (flags > 1) {
        throw new MalformedModuleException("integer too large", r.position() - 1);
      }
      long min = r.readU32() & 0xFFFFFFFFL;
      long max = flags == 1 ? r.readU32() & 0xFFFFFFFFL : Limits.NO_MAX;
      return new Limits(min, max);
    }

    private GlobalType globalType(CodeReader r) {
      ValType type = r.readValType();
      int mutability = r.readByte();
      if (mutability > 1) {
        throw new MalformedModuleException("malformed mutability", r.position() - 1);
      }
      return new GlobalType(type, mutability == 1);
    }

    private ConstExpr constExpr(CodeReader r) {
      int begin = r.position();
      Opcode op;
      do {
        op = r.readOpcode();
        r.skipImmediates(op);
      } while (op != Opcode.END);
      return new ConstExpr(begin, r.position() - begin);
    }

    private void exportSection(CodeReader r) {
      ExternKind[] kinds = ExternKind.values();
      for (int n = r.readCount(); n > 0; n--) {
        String name = r.readName();
        int kind = r.readByte();
        if (kind >= kinds.length) {
          throw new MalformedModuleException("malformed export kind", r.position() - 1);
        }
        exports.add(new Export(name, kinds[kind], r.readU32()));
      }
    }

    private void elementSection(CodeReader r) {
      for (int n = r.readCount(); n > 0; n--) {
        int flags = r.readU32();
        if (flags < 0 || flags > 7) {
          throw new MalformedModuleException("malformed elements segment kind", r.position());
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTable = (flags & 2) != 0;
        boolean expressions = (flags & 4) != 0;
        SegmentMode mode =
            !passiveOrDeclarative
                ? SegmentMode.ACTIVE
                : explicitTable ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        int table = 0;
        ConstExpr offset = null;
        if (mode == SegmentMode.ACTIVE) {
          if (explicitTable) {
            table = r.readU32();
          }
          offset = constExpr(r);
        }
        ValType type = ValType.FUNCREF;
        if (passiveOrDeclarative || explicitTable) {
          if (expressions) {
            type = r.readRefType();
          } else if (r.readByte() != 0x00) {
            throw new MalformedModuleException("malformed element kind", r.position() - 1);
          }
        }
        int count = r.readCount();
        if (expressions) {
          ConstExpr[] init = new ConstExpr[count];
          for (int i = 0; i < count; i++) {
            init[i] = constExpr(r);
          }
          elements.add(new ElementSegment(mode, table, offset, type, null, init));
        } else {
          int[] functions = new int[count];
          for (int i = 0; i < count; i++) {
            functions[i] = r.readU32();
          }
          elements.add(new ElementSegment(mode, table, offset, type, functions, null));
        }
      }
    }

    /**
     * The code section {@code [begin, end)}, read body by body: each body is handed to the
     * listener as soon as its bytes are in. Errors are those of the whole section decoded at
     * once: a stream that ends inside the section is {@code length out of bounds} at its start,
     * whatever came before.
     */
    private void codeSection(int begin, int end) throws IOException {
      try {
        codeEntries(begin, end);
      } catch (MalformedModuleException e) {
        if (!fill(end)) {
          throw new MalformedModuleException("length out of bounds", begin);
        }
        throw e;
      }
    }

    private void codeEntries(int begin, int end) throws IOException {
      CodeReader r = entryReader(begin, end);
      int count = r.readU32();
      if (count < 0 || count > end - r.position()) { // as readCount over the whole section
        throw new MalformedModuleException("unexpected end", r.position());
      }
      if (count != definedFunctionTypes.length) {
        throw new MalformedModuleException("function and code section have inconsistent lengths");
      }
      if (listener != null) {
        listener.codeSection(new WasmModule(bytes, types, imports, functionTypes(), tables,
            memories, globalTypes, globals, exports, start, elements, dataCount, List.of(),
            List.of(), customs, names), count);
      }
      int pos = r.position();
      for (int i = 0; i < count; i++) {
        FunctionBody body = in == null ? entry(pos, end) : null;
        if (body == null) { // from a stream, or an entry the short path leaves to the reader
          r = entryReader(pos, end);
          int size = r.readU32();
          if (size < 0 || size > end - r.position()) {
            throw new MalformedModuleException("unexpected end of section or function",
                r.position());
          }
          body = new FunctionBody(r.position(), size);
        }
        pos = body.offset() + body.length();
        if (!fill(pos)) {
          throw new MalformedModuleException("length out of bounds", begin);
        }
        bodies.add(body);
        if (listener != null) {
          listener.body(i, bytes, body);
        }
      }
      if (pos != end) {
        throw new MalformedModuleException("section size mismatch", pos);
      }
    }

    /**
     * The code section's entry at {@code pos} of a module whose bytes are all there, when its size
     * is a LEB128 of up to three bytes (bodies of up to 2 MiB) and the body ends by {@code end};
     * else null, and the caller reads the entry with a {@link CodeReader}, whose errors it then
     * reports. A short path because this runs once per body, in the bytecode interpreter at a
     * cold start (its loop is never hot enough to be compiled): a reader made per entry cost
     * Yosys' 34,004 bodies ~20 ms.
     */
    private FunctionBody entry(int pos, int end) {
      if (pos > end - 3) {
        return null;
      }
      int b = bytes[pos];
      int size = b & 0x7F;
      int at = pos + 1;
      if (b < 0) {
        b = bytes[at++];
        size |= (b & 0x7F) << 7;
        if (b < 0) {
          b = bytes[at++];
          if (b < 0) {
            return null;
          }
          size |= b << 14;
        }
      }
      return size <= end - at ? new FunctionBody(at, size) : null;
    }

    /**
     * A reader of the code section from {@code pos}, with at least the 5 bytes of a u32 to read
     * unless the section or the stream ends first.
     */
    private CodeReader entryReader(int pos, int end) throws IOException {
      fill(Math.min(pos + 5L, end));
      return new CodeReader(bytes, pos, Math.min(end, Math.max(pos, filled)), features);
    }

    private void dataSection(CodeReader r) {
      for (int n = r.readCount(); n > 0; n--) {
        int flags = r.readU32();
        SegmentMode mode;
        int memory = 0;
        ConstExpr offset = null;
        switch (flags) {
          case 0:
            mode = SegmentMode.ACTIVE;
            offset = constExpr(r);
            break;
          case 1:
            mode = SegmentMode.PASSIVE;
            break;
          case 2:
            mode = SegmentMode.ACTIVE;
            memory = r.readU32();
            offset = constExpr(r);
            break;
          default:
            throw new MalformedModuleException("malformed data segment kind", r.position());
        }
        int length = r.readU32();
        if (length < 0 || length > r.remaining()) {
          throw new MalformedModuleException("unexpected end of section or function", r.position());
        }
        data.add(new DataSegment(mode, memory, offset, r.position(), length));
        r.skip(length);
      }
    }
  }

  /** Decodes the {@code name} custom section; any malformation gives {@link NameSection#EMPTY}. */
  private static final class NameDecoder {
    static NameSection decode(byte[] bytes, int offset, int limit) {
      try {
        WasmReader r = new WasmReader(bytes, offset, limit);
        String moduleName = null;
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        while (r.hasMore()) {
          int id = r.readByte();
          int size = r.readU32();
          if (size < 0 || size > r.remaining()) {
            return NameSection.EMPTY;
          }
          int end = r.position() + size;
          WasmReader sub = new WasmReader(bytes, r.position(), end);
          if (id == 0) {
            moduleName = sub.readName();
          } else if (id == 1) {
            functions = nameMap(sub);
          } else if (id == 2) {
            Map<Integer, Map<Integer, String>> map = new HashMap<>();
            for (int n = sub.readCount(); n > 0; n--) {
              int function = sub.readU32();
              map.put(function, nameMap(sub));
            }
            locals = Map.copyOf(map);
          }
          r.position(end);
        }
        return new NameSection(moduleName, functions, locals);
      } catch (MalformedModuleException e) {
        return NameSection.EMPTY;
      }
    }

    private static Map<Integer, String> nameMap(WasmReader r) {
      Map<Integer, String> map = new HashMap<>();
      for (int n = r.readCount(); n > 0; n--) {
        int index = r.readU32();
        map.put(index, r.readName());
      }
      return Map.copyOf(map);
    }
  }
}
