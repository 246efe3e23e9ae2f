package org.wasmj.parser;

import java.util.List;

/**
 * A decoded (not yet validated) WebAssembly module. Function bodies, constant expressions, data
 * and custom sections are byte ranges of {@link #bytes()}, decoded when needed.
 *
 * <p>Index spaces (functions, tables, memories, globals) hold the imports first, then the
 * definitions: {@link #functionType(int)} works over the whole function index space.
 *
 * <pre>{@code
 * WasmModule m = WasmParser.parse(bytes);
 * for (Export e : m.exports()) System.out.println(e.name() + ": " + e.kind());
 * }</pre>
 *
 * @implNote Immutable and safe to share between threads, provided the caller does not modify
 *     {@link #bytes()}.
 */
public final class WasmModule {
  private final byte[] bytes;
  private final List<FuncType> types;
  private final List<Import> imports;
  private final int[] functionTypeIndices; // whole function index space
  private final List<TableType> tables; // whole table index space
  private final List<MemoryType> memories; // whole memory index space
  private final List<GlobalType> globalTypes; // whole global index space
  private final List<Global> globals; // definitions only
  private final List<Export> exports;
  private final int startFunction;
  private final List<ElementSegment> elements;
  private final int dataCount;
  private final List<FunctionBody> bodies;
  private final List<DataSegment> data;
  private final List<CustomSection> customSections;
  private final NameSection names;
  private final int importedFunctions;
  private final int importedTables;
  private final int importedMemories;
  private final int importedGlobals;

  /** Assembled by {@link WasmParser}. */
  WasmModule(
      byte[] bytes,
      List<FuncType> types,
      List<Import> imports,
      int[] functionTypeIndices,
      List<TableType> tables,
      List<MemoryType> memories,
      List<GlobalType> globalTypes,
      List<Global> globals,
      List<Export> exports,
      int startFunction,
      List<ElementSegment> elements,
      int dataCount,
      List<FunctionBody> bodies,
      List<DataSegment> data,
      List<CustomSection> customSections,
      NameSection names) {
    this.bytes = bytes;
    this.types = List.copyOf(types);
    this.imports = List.copyOf(imports);
    this.functionTypeIndices = functionTypeIndices;
    this.tables = List.copyOf(tables);
    this.memories = List.copyOf(memories);
    this.globalTypes = List.copyOf(globalTypes);
    this.globals = List.copyOf(globals);
    this.exports = List.copyOf(exports);
    this.startFunction = startFunction;
    this.elements = List.copyOf(elements);
    this.dataCount = dataCount;
    this.bodies = List.copyOf(bodies);
    this.data = List.copyOf(data);
    this.customSections = List.copyOf(customSections);
    this.names = names;
    int f = 0, t = 0, m = 0, g = 0;
    for (Import i : imports) {
      switch (i.kind()) {
        case FUNC: f++; break;
        case TABLE: t++; break;
        case MEMORY: m++; break;
        case GLOBAL: g++; break;
        default: throw new AssertionError(i.kind());
      }
    }
    this.importedFunctions = f;
    this.importedTables = t;
    this.importedMemories = m;
    this.importedGlobals = g;
  }

  /**
   * This module without the bytes of its function bodies, for an engine that has translated every
   * body already and wants to keep less memory: the copy of {@link #bytes()} leaves out the code
   * section's bodies, and the byte ranges after them are moved accordingly. The bodies of the copy
   * are empty ranges: it can no longer be validated or translated.
   */
  public WasmModule withoutFunctionBodies() {
    if (bodies.isEmpty()) {
      return this;
    }
    int cutStart = bodies.get(0).offset();
    FunctionBody last = bodies.get(bodies.size() - 1);
    int cutEnd = last.offset() + last.length();
    int cut = cutEnd - cutStart;
    byte[] trimmed = new byte[bytes.length - cut];
    System.arraycopy(bytes, 0, trimmed, 0, cutStart);
    System.arraycopy(bytes, cutEnd, trimmed, cutStart, bytes.length - cutEnd);
    java.util.function.IntUnaryOperator at = o -> o >= cutEnd ? o - cut : o;
    java.util.function.UnaryOperator<ConstExpr> expr =
        e -> e == null ? null : new ConstExpr(at.applyAsInt(e.offset()), e.length());
    List<Global> g = new java.util.ArrayList<>();
    for (Global x : globals) {
      g.add(new Global(x.type(), expr.apply(x.init())));
    }
    List<ElementSegment> el = new java.util.ArrayList<>();
    for (ElementSegment e : elements) {
      ConstExpr[] items = null;
      if (e.initExprs() != null) {
        items = new ConstExpr[e.initExprs().length];
        for (int i = 0; i < items.length; i++) {
          items[i] = expr.apply(e.initExprs()[i]);
        }
      }
      el.add(new ElementSegment(e.mode(), e.tableIndex(), expr.apply(e.offset()), e.type(),
          e.functionIndices(), items));
    }
    List<DataSegment> d = new java.util.ArrayList<>();
    for (DataSegment x : data) {
      d.add(new DataSegment(x.mode(), x.memoryIndex(), expr.apply(x.offset()),
          at.applyAsInt(x.dataOffset()), x.length()));
    }
    List<CustomSection> c = new java.util.ArrayList<>();
    for (CustomSection x : customSections) {
      c.add(new CustomSection(x.name(), at.applyAsInt(x.offset()), x.length()));
    }
    List<FunctionBody> noBodies = java.util.Collections.nCopies(bodies.size(), new FunctionBody(cutStart, 0));
    return new WasmModule(trimmed, types, imports, functionTypeIndices, tables, memories,
        globalTypes, g, exports, startFunction, el, dataCount, noBodies, d, c, names);
  }

  /** The module's bytes, which the byte ranges of this model point into. Do not modify. */
  public byte[] bytes() {
    return bytes;
  }

  /** The type section. */
  public List<FuncType> types() {
    return types;
  }

  /** The imports, in declaration order. */
  public List<Import> imports() {
    return imports;
  }

  /** Number of functions, imported and defined. */
  public int functionCount() {
    return functionTypeIndices.length;
  }

  /** Number of imported functions; defined function {@code i} has index {@code importedFunctionCount() + i}. */
  public int importedFunctionCount() {
    return importedFunctions;
  }

  /** Number of imported tables. */
  public int importedTableCount() {
    return importedTables;
  }

  /** Number of imported memories. */
  public int importedMemoryCount() {
    return importedMemories;
  }

  /** Number of imported globals. */
  public int importedGlobalCount() {
    return importedGlobals;
  }

  /**
   * The type index of function {@code funcIndex} (imports first). The index may be out of range
   * of {@link #types()} in a module that has not been validated.
   */
  public int functionTypeIndex(int funcIndex) {
    return functionTypeIndices[funcIndex];
  }

  /** The type of function {@code funcIndex}; only for validated modules. */
  public FuncType functionType(int funcIndex) {
    return types.get(functionTypeIndices[funcIndex]);
  }

  /** All tables, imported first. */
  public List<TableType> tables() {
    return tables;
  }

  /** All memories, imported first. */
  public List<MemoryType> memories() {
    return memories;
  }

  /** The types of all globals, imported first. */
  public List<GlobalType> globalTypes() {
    return globalTypes;
  }

  /** The globals the module defines (global index {@code importedGlobalCount() + i}). */
  public List<Global> globals() {
    return globals;
  }

  /** The exports. */
  public List<Export> exports() {
    return exports;
  }

  /**
   * The start function's index, or -1 if there is none; an index of 2^31 or more (which names no
   * function) is negative, 2^32 - 1 as {@link Integer#MIN_VALUE}.
   */
  public int startFunction() {
    return startFunction;
  }

  /** The element segments. */
  public List<ElementSegment> elements() {
    return elements;
  }

  /**
   * The data count section's value, or -1 if there is none; a count of 2^31 or more, which no data
   * section can match, is {@link Integer#MAX_VALUE}.
   */
  public int dataCount() {
    return dataCount;
  }

  /** The bodies of the defined functions: body {@code i} is function {@code importedFunctionCount() + i}. */
  public List<FunctionBody> bodies() {
    return bodies;
  }

  /** The data segments. */
  public List<DataSegment> data() {
    return data;
  }

  /** Every custom section (the {@code name} section included), in order. */
  public List<CustomSection> customSections() {
    return customSections;
  }

  /** The decoded {@code name} section, or {@link NameSection#EMPTY}. */
  public NameSection names() {
    return names;
  }
}
