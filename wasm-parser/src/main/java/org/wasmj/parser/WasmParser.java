package org.wasmj.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  private WasmParser() {}

  /** Decodes {@code bytes} with the Wasm 2.0 features. */
  public static WasmModule parse(byte[] bytes) {
    return parse(bytes, Feature.WASM_2_0);
  }

  /** Decodes a module read fully from {@code in}. */
  public static WasmModule parse(InputStream in, Set<Feature> features) {
    try {
      return parse(in.readAllBytes(), features);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes {@code bytes}; the module keeps a reference to the array, which must not change. */
  public static WasmModule parse(byte[] bytes, Set<Feature> features) {
    try {
      return new Decoder(bytes, features).decode();
    } catch (OutOfMemoryError e) {
      throw new MalformedModuleException("module too large to decode");
    }
  }

  /** One decoding run. */
  private static final class Decoder {
    private final byte[] bytes;
    private final Set<Feature> features;
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

    Decoder(byte[] bytes, Set<Feature> features) {
      this.bytes = bytes;
      this.features = features;
    }

    WasmModule decode() {
      if (bytes.length < 4
          || bytes[0] != 0
          || bytes[1] != 'a'
          || bytes[2] != 's'
          || bytes[3] != 'm') {
        throw new MalformedModuleException("magic header not detected");
      }
      if (bytes.length < 8) {
        throw new MalformedModuleException("unexpected end");
      }
      if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
        throw new MalformedModuleException("unknown binary version");
      }
      WasmReader top = new WasmReader(bytes, 8, bytes.length);
      int lastOrder = 0;
      while (top.hasMore()) {
        int id = top.readByte();
        if (id >= SECTION_ORDER.length) {
          throw new MalformedModuleException("malformed section id", top.position() - 1);
        }
        int size = top.readU32();
        if (size < 0 || size > top.remaining()) {
          throw new MalformedModuleException("length out of bounds", top.position());
        }
        int begin = top.position();
        int end = begin + size;
        if (id != 0) {
          int order = SECTION_ORDER[id];
          if (order <= lastOrder) {
            throw new MalformedModuleException("unexpected content after last section", begin);
          }
          lastOrder = order;
        }
        CodeReader r = new CodeReader(bytes, begin, end, features);
        section(id, r);
        if (r.position() != end) {
          throw new MalformedModuleException("section size mismatch", r.position());
        }
        top.position(end);
      }
      if (definedFunctionTypes.length != bodies.size()) {
        throw new MalformedModuleException("function and code section have inconsistent lengths");
      }
      if (dataCount >= 0 && dataCount != data.size()) {
        throw new MalformedModuleException("data count and data section have inconsistent lengths");
      }
      int[] functionTypes = new int[importedFunctionTypes.size() + definedFunctionTypes.length];
      for (int i = 0; i < importedFunctionTypes.size(); i++) {
        functionTypes[i] = importedFunctionTypes.get(i);
      }
      System.arraycopy(
          definedFunctionTypes, 0, functionTypes, importedFunctionTypes.size(),
          definedFunctionTypes.length);
      return new WasmModule(
          bytes, types, imports, functionTypes, tables, memories, globalTypes, globals, exports,
          start, elements, dataCount, bodies, data, customs, names);
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
        case 8: start = r.readU32(); break;
        case 9: elementSection(r); break;
        case 10: codeSection(r); break;
        case 11: dataSection(r); break;
        case 12: dataCount = r.readU32(); break;
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

    private void functionSection(CodeReader r) {
      int[] typeIndices = new int[r.readCount()];
      for (int i = 0; i < typeIndices.length; i++) {
        typeIndices[i] = r.readU32();
      }
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

    private void codeSection(CodeReader r) {
      int count = r.readCount();
      if (count != definedFunctionTypes.length) {
        throw new MalformedModuleException("function and code section have inconsistent lengths");
      }
      for (int i = 0; i < count; i++) {
        int size = r.readU32();
        if (size < 0 || size > r.remaining()) {
          throw new MalformedModuleException("unexpected end of section or function", r.position());
        }
        bodies.add(new FunctionBody(r.position(), size));
        r.skip(size);
      }
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
