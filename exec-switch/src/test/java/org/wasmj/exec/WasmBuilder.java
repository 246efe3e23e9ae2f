package org.wasmj.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Limits;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Writes small Wasm binaries for tests (there is no text-format parser). Imports come first,
 * then definitions; {@link #func} returns the function's index in the function index space.
 *
 * <pre>{@code
 * WasmBuilder b = new WasmBuilder();
 * int add = b.func(type(I32, I32).to(I32), new Code().localGet(0).localGet(1).op(Opcode.I32_ADD));
 * b.exportFunc("add", add);
 * byte[] wasm = b.build();
 * }</pre>
 */
public final class WasmBuilder {
  private final List<FuncType> types = new ArrayList<>();
  private final Bytes imports = new Bytes();
  private int importCount;
  private int importedFuncs;
  private int importedTables;
  private int importedMemories;
  private int importedGlobals;
  private final Bytes functions = new Bytes();
  private final List<byte[]> bodies = new ArrayList<>();
  private final Bytes tables = new Bytes();
  private int tableCount;
  private final Bytes memories = new Bytes();
  private int memoryCount;
  private final Bytes globals = new Bytes();
  private int globalCount;
  private final Bytes exports = new Bytes();
  private int exportCount;
  private int start = -1;
  private final Bytes elements = new Bytes();
  private int elementCount;
  private final Bytes data = new Bytes();
  private int dataCount;
  private boolean dataCountSection;
  private String moduleName;
  private final List<String[]> functionNames = new ArrayList<>();

  /** {@code params -> results}. */
  public static FuncType type(ValType[] params, ValType... results) {
    return FuncType.of(params, results);
  }

  /** The parameter list {@code types}, for {@link #type}. */
  public static ValType[] params(ValType... types) {
    return types;
  }

  /** The index of {@code t} in the type section, added if new. */
  public int typeIndex(FuncType t) {
    int i = types.indexOf(t);
    if (i < 0) {
      types.add(t);
      i = types.size() - 1;
    }
    return i;
  }

  /** Adds a type even if an equal one exists (for tests of type identity); returns its index. */
  public int distinctType(FuncType t) {
    types.add(t);
    return types.size() - 1;
  }

  private void beforeDefinitions() {
    if (!bodies.isEmpty() || tableCount + memoryCount + globalCount > 0) {
      throw new IllegalStateException("imports must come before definitions");
    }
  }

  private void importHeader(String module, String name, int kind) {
    beforeDefinitions();
    imports.name(module).name(name).b(kind);
    importCount++;
  }

  /** Imports a function; returns its function index. */
  public int importFunc(String module, String name, FuncType t) {
    importHeader(module, name, 0);
    imports.u32(typeIndex(t));
    return importedFuncs++;
  }

  /** Imports a table; returns its table index. */
  public int importTable(String module, String name, ValType elem, long min, long max) {
    importHeader(module, name, 1);
    imports.b(elem.code()).limits(min, max);
    return importedTables++;
  }

  /** Imports a memory; returns its memory index. */
  public int importMemory(String module, String name, long min, long max) {
    importHeader(module, name, 2);
    imports.limits(min, max);
    return importedMemories++;
  }

  /** Imports a global; returns its global index. */
  public int importGlobal(String module, String name, ValType t, boolean mutable) {
    importHeader(module, name, 3);
    imports.b(t.code()).b(mutable ? 1 : 0);
    return importedGlobals++;
  }

  /** Defines a function with no locals besides its parameters; returns its function index. */
  public int func(FuncType t, Code body) {
    return func(t, new ValType[0], body);
  }

  /** Defines a function with {@code locals}; the final {@code end} is added. Returns its index. */
  public int func(FuncType t, ValType[] locals, Code body) {
    functions.u32(typeIndex(t));
    return rawBody(locals, body.bytes());
  }

  /** Defines a function of type index {@code typeIndex}. */
  public int func(int typeIndex, ValType[] locals, Code body) {
    functions.u32(typeIndex);
    return rawBody(locals, body.bytes());
  }

  private int rawBody(ValType[] locals, byte[] code) {
    Bytes b = new Bytes();
    b.u32(locals.length);
    for (ValType l : locals) {
      b.u32(1).b(l.code());
    }
    b.raw(code).b(0x0B);
    bodies.add(b.toByteArray());
    return importedFuncs + bodies.size() - 1;
  }

  /** Defines a table; returns its index. */
  public int table(ValType elem, long min, long max) {
    tables.b(elem.code()).limits(min, max);
    return importedTables + tableCount++;
  }

  /** Defines a memory; returns its index. */
  public int memory(long min, long max) {
    memories.limits(min, max);
    return importedMemories + memoryCount++;
  }

  /** Defines a global initialized by the constant expression {@code init} (its end is added). */
  public int global(ValType t, boolean mutable, Code init) {
    globals.b(t.code()).b(mutable ? 1 : 0).raw(init.bytes()).b(0x0B);
    return importedGlobals + globalCount++;
  }

  private WasmBuilder export(String name, int kind, int index) {
    exports.name(name).b(kind).u32(index);
    exportCount++;
    return this;
  }

  /** Exports function {@code index} as {@code name}. */
  public WasmBuilder exportFunc(String name, int index) {
    return export(name, 0, index);
  }

  /** Exports table {@code index} as {@code name}. */
  public WasmBuilder exportTable(String name, int index) {
    return export(name, 1, index);
  }

  /** Exports memory {@code index} as {@code name}. */
  public WasmBuilder exportMemory(String name, int index) {
    return export(name, 2, index);
  }

  /** Exports global {@code index} as {@code name}. */
  public WasmBuilder exportGlobal(String name, int index) {
    return export(name, 3, index);
  }

  /** Makes function {@code index} the start function. */
  public WasmBuilder start(int index) {
    start = index;
    return this;
  }

  /** An active segment putting {@code funcs} into table 0 at {@code offset}. */
  public WasmBuilder elem(int offset, int... funcs) {
    elements.u32(0).raw(new Code().i32Const(offset).bytes()).b(0x0B).u32(funcs.length);
    for (int f : funcs) {
      elements.u32(f);
    }
    elementCount++;
    return this;
  }

  /** A declarative segment, so that function bodies may take {@code ref.func} of {@code funcs}. */
  public WasmBuilder declare(int... funcs) {
    elements.u32(3).b(0).u32(funcs.length);
    for (int f : funcs) {
      elements.u32(f);
    }
    elementCount++;
    return this;
  }

  /** An active segment writing {@code bytes} into memory 0 at {@code offset}. */
  public WasmBuilder data(int offset, byte[] bytes) {
    data.u32(0).raw(new Code().i32Const(offset).bytes()).b(0x0B).u32(bytes.length).raw(bytes);
    dataCount++;
    return this;
  }

  /** A passive data segment (for {@code memory.init}); adds the data count section. */
  public WasmBuilder passiveData(byte[] bytes) {
    data.u32(1).u32(bytes.length).raw(bytes);
    dataCount++;
    dataCountSection = true;
    return this;
  }

  /** Gives the module a name in the name section. */
  public WasmBuilder name(String name) {
    moduleName = name;
    return this;
  }

  /** Names function {@code index} in the name section. */
  public WasmBuilder funcName(int index, String name) {
    functionNames.add(new String[] {Integer.toString(index), name});
    return this;
  }

  /** The binary. */
  public byte[] build() {
    Bytes out = new Bytes();
    out.raw(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    if (!types.isEmpty()) {
      Bytes s = new Bytes().u32(types.size());
      for (FuncType t : types) {
        s.b(0x60).u32(t.paramCount());
        for (ValType v : t.params()) {
          s.b(v.code());
        }
        s.u32(t.resultCount());
        for (ValType v : t.results()) {
          s.b(v.code());
        }
      }
      out.section(1, s);
    }
    if (importCount > 0) {
      out.section(2, new Bytes().u32(importCount).raw(imports.toByteArray()));
    }
    if (!bodies.isEmpty()) {
      out.section(3, new Bytes().u32(bodies.size()).raw(functions.toByteArray()));
    }
    if (tableCount > 0) {
      out.section(4, new Bytes().u32(tableCount).raw(tables.toByteArray()));
    }
    if (memoryCount > 0) {
      out.section(5, new Bytes().u32(memoryCount).raw(memories.toByteArray()));
    }
    if (globalCount > 0) {
      out.section(6, new Bytes().u32(globalCount).raw(globals.toByteArray()));
    }
    if (exportCount > 0) {
      out.section(7, new Bytes().u32(exportCount).raw(exports.toByteArray()));
    }
    if (start >= 0) {
      out.section(8, new Bytes().u32(start));
    }
    if (elementCount > 0) {
      out.section(9, new Bytes().u32(elementCount).raw(elements.toByteArray()));
    }
    if (dataCountSection) {
      out.section(12, new Bytes().u32(dataCount));
    }
    if (!bodies.isEmpty()) {
      Bytes s = new Bytes().u32(bodies.size());
      for (byte[] body : bodies) {
        s.u32(body.length).raw(body);
      }
      out.section(10, s);
    }
    if (dataCount > 0) {
      out.section(11, new Bytes().u32(dataCount).raw(data.toByteArray()));
    }
    if (moduleName != null || !functionNames.isEmpty()) {
      Bytes s = new Bytes().name("name");
      if (moduleName != null) {
        s.b(0).u32(utf8(moduleName).length + lebSize(utf8(moduleName).length)).name(moduleName);
      }
      if (!functionNames.isEmpty()) {
        Bytes map = new Bytes().u32(functionNames.size());
        for (String[] n : functionNames) {
          map.u32(Integer.parseInt(n[0])).name(n[1]);
        }
        s.b(1).u32(map.size()).raw(map.toByteArray());
      }
      out.section(0, s);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int lebSize(long v) {
    int n = 1;
    while ((v >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  /** A byte buffer with the binary format's encodings. */
  static class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes b(int v) {
      out.write(v);
      return this;
    }

    Bytes raw(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    Bytes u32(long v) {
      do {
        int b = (int) (v & 0x7F);
        v >>>= 7;
        out.write(v != 0 ? b | 0x80 : b);
      } while (v != 0);
      return this;
    }

    Bytes s64(long v) {
      while (true) {
        int b = (int) (v & 0x7F);
        v >>= 7;
        if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
          out.write(b);
          return this;
        }
        out.write(b | 0x80);
      }
    }

    Bytes name(String s) {
      byte[] bytes = utf8(s);
      return u32(bytes.length).raw(bytes);
    }

    Bytes limits(long min, long max) {
      return max == Limits.NO_MAX ? b(0).u32(min) : b(1).u32(min).u32(max);
    }

    Bytes section(int id, Bytes content) {
      return b(id).u32(content.size()).raw(content.toByteArray());
    }

    int size() {
      return out.size();
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Instructions of a function body or constant expression (without the final {@code end}). */
  public static final class Code {
    private final Bytes out = new Bytes();

    /** The opcode {@code op} (its prefix and code); immediates follow with the other methods. */
    public Code op(Opcode op) {
      if (op.prefix() != 0) {
        out.b(op.prefix()).u32(op.code());
      } else {
        out.b(op.code());
      }
      return this;
    }

    /** An unsigned LEB128 immediate. */
    public Code u32(long v) {
      out.u32(v);
      return this;
    }

    /** A signed LEB128 immediate. */
    public Code s64(long v) {
      out.s64(v);
      return this;
    }

    /** A raw byte. */
    public Code b(int v) {
      out.b(v);
      return this;
    }

    /** Raw bytes. */
    public Code raw(byte[] bytes) {
      out.raw(bytes);
      return this;
    }

    public Code localGet(int i) {
      return op(Opcode.LOCAL_GET).u32(i);
    }

    public Code localSet(int i) {
      return op(Opcode.LOCAL_SET).u32(i);
    }

    public Code localTee(int i) {
      return op(Opcode.LOCAL_TEE).u32(i);
    }

    public Code globalGet(int i) {
      return op(Opcode.GLOBAL_GET).u32(i);
    }

    public Code globalSet(int i) {
      return op(Opcode.GLOBAL_SET).u32(i);
    }

    public Code i32Const(int v) {
      return op(Opcode.I32_CONST).s64(v);
    }

    public Code i64Const(long v) {
      return op(Opcode.I64_CONST).s64(v);
    }

    public Code f32Const(int bits) {
      op(Opcode.F32_CONST);
      for (int i = 0; i < 4; i++) {
        out.b(bits >>> (8 * i) & 0xFF);
      }
      return this;
    }

    public Code f64Const(long bits) {
      op(Opcode.F64_CONST);
      for (int i = 0; i < 8; i++) {
        out.b((int) (bits >>> (8 * i)) & 0xFF);
      }
      return this;
    }

    /** A constant of type {@code t} with raw bits {@code bits}. */
    public Code constant(ValType t, long bits) {
      switch (t) {
        case I32: return i32Const((int) bits);
        case I64: return i64Const(bits);
        case F32: return f32Const((int) bits);
        case F64: return f64Const(bits);
        default: throw new IllegalArgumentException(t.toString());
      }
    }

    public Code call(int f) {
      return op(Opcode.CALL).u32(f);
    }

    /** {@code call_indirect} of type index {@code typeIndex} through table {@code table}. */
    public Code callIndirect(int typeIndex, int table) {
      return op(Opcode.CALL_INDIRECT).u32(typeIndex).u32(table);
    }

    /** {@code block} with an empty block type (0x40) or one result ({@code t}). */
    public Code block(ValType t) {
      return op(Opcode.BLOCK).b(t == null ? 0x40 : t.code());
    }

    public Code loop(ValType t) {
      return op(Opcode.LOOP).b(t == null ? 0x40 : t.code());
    }

    public Code ifThen(ValType t) {
      return op(Opcode.IF).b(t == null ? 0x40 : t.code());
    }

    public Code elseThen() {
      return op(Opcode.ELSE);
    }

    public Code end() {
      return op(Opcode.END);
    }

    public Code br(int depth) {
      return op(Opcode.BR).u32(depth);
    }

    public Code brIf(int depth) {
      return op(Opcode.BR_IF).u32(depth);
    }

    public Code drop() {
      return op(Opcode.DROP);
    }

    /** A load or store with alignment exponent {@code align} and {@code offset}, memory 0. */
    public Code mem(Opcode op, int align, long offset) {
      return op(op).u32(align).u32(offset);
    }

    public byte[] bytes() {
      return out.toByteArray();
    }
  }
}
