package org.wasmj.exec.internal;

import java.util.List;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.UninstantiableException;
import org.wasmj.UnlinkableException;
import org.wasmj.exec.spi.Callee;
import org.wasmj.exec.spi.GuestInstance;
import org.wasmj.parser.CodeReader;
import org.wasmj.parser.ConstExpr;
import org.wasmj.parser.DataSegment;
import org.wasmj.parser.ElementSegment;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.Import;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.SegmentMode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;

/**
 * An instance at run time: everything its code reaches besides registers. Index spaces hold the
 * imports first, then the definitions, as in the module.
 *
 * <pre>{@code
 * InstanceState instance = InstanceState.instantiate(store, moduleCode, resolvedImports);
 * }</pre>
 *
 * @implNote Belongs to one store; not synchronized. Executors read its arrays directly.
 */
public final class InstanceState implements GuestInstance {
  /** The store the instance lives in. */
  public final StoreState store;
  /** The module's code. */
  public final ModuleCode module;
  /** The function index space. */
  public final FunctionInstance[] functions;
  /** The table index space. */
  public final TableInstance[] tables;
  /** The memory index space. */
  public final MemoryInstance[] memories;
  /** The global index space. */
  public final GlobalInstance[] globals;
  /** Module type index → engine-wide type id (for {@code call_indirect}). */
  public final int[] typeIds;
  /** Memory 0, or {@code null} if the instance has no memory. */
  public final MemoryInstance memory0;
  /**
   * Memory 0, or {@link MemoryInstance#NONE} if the instance has no memory: for an executor that
   * reads memory 0's bytes on every call and return, without a branch (the interpreter's
   * {@code null} test of {@link #memory0} deoptimized its code when a host ran a module without
   * memory and then one with).
   */
  public final MemoryInstance memoryOrNone;
  /**
   * The store's fuel as a metered function of this instance left it on a normal return to a
   * caller in its own generated code (that caller reads it right after the call; {@code asm}'s
   * {@code invokeFuel}): a field of the instance the caller holds, not of the store behind it,
   * so one load less on each side of a call. A store runs on one thread at a time.
   */
  public long fuelBack;
  /** Element segments' items as reference ids; an entry becomes empty when dropped. */
  public final long[][] elements;
  /** Data segments' lengths; an entry becomes 0 when dropped (the bytes stay in the module). */
  public final int[] dataLengths;
  /**
   * Per defined function, a register frame that no call is using, or null: an executor may keep
   * one there when a call returns and take it for the next call instead of allocating one
   * ({@code asm}'s split functions). A store runs on one thread at a time, so no locking.
   */
  public final long[][] spareFrames;
  /**
   * Per function index, the code the interpreter runs for that function of this instance once a
   * direct call has run it, or null (the array too, until then): a call finds its callee's code
   * one load after the index instead of three ({@code functions[i]}, its compiled function, its
   * code), and the callee's first dispatch waits on that chain. Written by {@code switch} only;
   * a store runs on one thread at a time.
   */
  public int[][] interpreterCodes;
  /**
   * The module's {@link ModuleCode#interpretedOnly}, when this instance was made: a callee whose
   * code the interpreter has at hand then has no native code to look for and no calls to count
   * (its countdown, a store on every call, counts for no one).
   */
  public final boolean interpretedOnly;

  /** Resolves the imports and creates the tables and memories; the rest is {@link #instantiate}'s. */
  private InstanceState(StoreState store, ModuleCode module, Object[] imports) {
    WasmModule m = module.module();
    this.store = store;
    this.module = module;
    this.interpretedOnly = module.interpretedOnly();
    this.functions = new FunctionInstance[m.functionCount()];
    this.tables = new TableInstance[m.tables().size()];
    this.memories = new MemoryInstance[m.memories().size()];
    this.globals = new GlobalInstance[m.globalTypes().size()];
    this.typeIds = module.typeIds;
    this.elements = new long[m.elements().size()][];
    this.dataLengths = new int[m.data().size()];
    this.spareFrames = new long[m.functionCount() - m.importedFunctionCount()][];
    for (int i = 0; i < dataLengths.length; i++) {
      dataLengths[i] = m.data().get(i).length();
    }
    List<Import> declared = m.imports();
    if (imports.length != declared.size()) {
      throw new IllegalArgumentException("expected " + declared.size()
          + (declared.size() == 1 ? " import, got " : " imports, got ") + imports.length);
    }
    int f = 0;
    int t = 0;
    int mem = 0;
    int g = 0;
    for (int i = 0; i < imports.length; i++) {
      Import imp = declared.get(i);
      Object value = imports[i];
      switch (imp.kind()) {
        case FUNC:
          FuncType expected = m.types().get(((FuncType.Ref) imp.type()).typeIndex());
          if (!(value instanceof FunctionInstance) || !((FunctionInstance) value).type.equals(expected)) {
            throw incompatible(imp, "func " + expected);
          }
          functions[f++] = (FunctionInstance) value;
          break;
        case TABLE:
          TableType tt = (TableType) imp.type();
          if (!(value instanceof TableInstance)
              || ((TableInstance) value).type().elementType() != tt.elementType()
              || !matches(((TableInstance) value).size(), ((TableInstance) value).type().limits(), tt.limits())) {
            throw incompatible(imp, tt.toString());
          }
          tables[t++] = (TableInstance) value;
          break;
        case MEMORY:
          MemoryType mt = (MemoryType) imp.type();
          if (!(value instanceof MemoryInstance)
              || !matches(((MemoryInstance) value).pages(), ((MemoryInstance) value).type().limits(), mt.limits())) {
            throw incompatible(imp, mt.toString());
          }
          memories[mem++] = (MemoryInstance) value;
          break;
        case GLOBAL:
          GlobalType gt = (GlobalType) imp.type();
          if (!(value instanceof GlobalInstance) || !((GlobalInstance) value).type.equals(gt)) {
            throw incompatible(imp, gt.toString());
          }
          globals[g++] = (GlobalInstance) value;
          break;
        default:
          throw new AssertionError(imp.kind());
      }
    }
    int i = t;
    int k = mem;
    try {
      store.resources.admit(1, memories.length - mem, tables.length - t);
    } catch (TrapException e) { // the limiter failed
      throw new UninstantiableException(e.getMessage(), e);
    }
    try {
      for (; i < tables.length; i++) {
        TableType type = m.tables().get(i);
        if (type.limits().min() > TableInstance.MAX_ELEMENTS) {
          throw new UninstantiableException("table of " + type.limits().min()
              + " elements exceeds the limit of " + TableInstance.MAX_ELEMENTS + " elements");
        }
        tables[i] = new TableInstance(type, 0, store.resources);
        store.track(tables[i]);
      }
      for (; k < memories.length; k++) {
        MemoryType type = m.memories().get(k);
        int limit = Math.min(store.maxMemoryPages, MemoryInstance.MAX_PAGES);
        if (type.limits().min() > limit) {
          throw new UninstantiableException("memory of " + type.limits().min()
              + " pages exceeds the limit of " + limit + " pages");
        }
        memories[k] = new MemoryInstance(type, store.maxMemoryPages, store);
      }
    } catch (UninstantiableException | IllegalArgumentException | TrapException
        | OutOfMemoryError e) {
      // Nothing refers to what was made so far: drop it, so that the heap has room again and the
      // store's count is as before, then say why.
      store.resources.release(1, memories.length - mem, tables.length - t);
      for (int j = t; j < i; j++) {
        tables[j].release();
        tables[j] = null;
      }
      for (int j = mem; j < k; j++) {
        memories[j].release();
        memories[j] = null;
      }
      boolean table = i < tables.length;
      throw failedToCreate(e, table ? "table" : "memory",
          table ? m.tables().get(i).limits().min() : m.memories().get(k).limits().min());
    }
    this.memory0 = memories.length > 0 ? memories[0] : null;
    this.memoryOrNone = memories.length > 0 ? memories[0] : MemoryInstance.NONE;
  }

  /**
   * Instantiates {@code module} in {@code store} with {@code imports} (one per import, in order:
   * a {@link FunctionInstance}, {@link TableInstance}, {@link MemoryInstance} or
   * {@link GlobalInstance}), initializes tables and memories from active segments, and runs the
   * start function.
   *
   * @throws UnlinkableException if an import has the wrong kind or type
   * @throws UninstantiableException if a segment is out of bounds or the start function traps
   *     (the trap is the cause); writes made before it stay, as the spec says
   */
  public static InstanceState instantiate(StoreState store, ModuleCode module, Object[] imports) {
    WasmModule m = module.module();
    InstanceState s = new InstanceState(store, module, imports);
    // Once per function, in the bytecode interpreter at a cold start (a loop that runs once is
    // never compiled): as few calls as it can make.
    int imported = m.importedFunctionCount();
    FuncType[] types = m.types().toArray(new FuncType[0]);
    int[] typeIds = module.typeIds;
    FunctionCode[] codes = module.functions;
    FunctionInstance[] fs = s.functions;
    for (int i = imported; i < fs.length; i++) {
      int t = m.functionTypeIndex(i);
      fs[i] = new WasmFunction(s, codes[i - imported], types[t], typeIds[t]);
    }
    store.registerAll(fs, imported, fs.length);
    for (int i = m.importedGlobalCount(); i < s.globals.length; i++) {
      GlobalType type = m.globalTypes().get(i);
      ConstExpr init = m.globals().get(i - m.importedGlobalCount()).init();
      if (type.valueType() == ValType.V128) {
        s.globals[i] = s.evaluateV128(type, init);
      } else {
        s.globals[i] = new GlobalInstance(type, s.evaluate(init));
      }
      store.track(s.globals[i]);
    }
    for (int i = 0; i < s.elements.length; i++) {
      ElementSegment e = m.elements().get(i);
      long[] items = new long[e.size()];
      // Read once, not twice an item: this loop too runs once per item, interpreted.
      int[] indices = e.functionIndices();
      if (indices != null) {
        for (int k = 0; k < items.length; k++) {
          items[k] = fs[indices[k]].ref;
        }
      } else {
        for (int k = 0; k < items.length; k++) {
          items[k] = s.evaluate(e.initExprs()[k]);
        }
      }
      s.elements[i] = items;
    }
    store.track(s);
    try {
      for (int i = 0; i < s.elements.length; i++) {
        ElementSegment e = m.elements().get(i);
        if (e.mode() == SegmentMode.ACTIVE) {
          s.tables[e.tableIndex()].init(s.elements[i], (int) s.evaluate(e.offset()), 0, s.elements[i].length);
        }
        if (e.mode() != SegmentMode.PASSIVE) {
          s.dropElements(i);
        }
      }
      for (int i = 0; i < s.dataLengths.length; i++) {
        DataSegment d = m.data().get(i);
        if (d.mode() == SegmentMode.ACTIVE) {
          s.memoryInit(d.memoryIndex(), i, (int) s.evaluate(d.offset()), 0, d.length());
          s.dropData(i);
        }
      }
      if (m.startFunction() >= 0) {
        FunctionInstance start = s.functions[m.startFunction()];
        if (start instanceof WasmFunction) {
          store.executor.invoke((WasmFunction) start, new long[0], new long[0]);
        } else {
          ((HostFunction) start).call(s, new long[0]);
        }
      }
    } catch (TrapException trap) {
      throw new UninstantiableException(trap.getMessage(), trap);
    }
    return s;
  }

  /** Said when even the message of a failed instantiation does not fit in the heap. */
  private static final UninstantiableException HEAP_EXHAUSTED =
      new UninstantiableException("out of memory while instantiating");

  /**
   * Why a table or memory ({@code what}, of {@code min} elements or pages) could not be made:
   * {@code e} itself if it says so, else an {@link UninstantiableException} with its message;
   * never an {@link OutOfMemoryError}, even when the heap is still too full to build a message.
   */
  private static UninstantiableException failedToCreate(Throwable e, String what, long min) {
    try {
      if (e instanceof UninstantiableException) {
        return (UninstantiableException) e;
      }
      if (e instanceof IllegalArgumentException) {
        return new UninstantiableException(e.getMessage());
      }
      if (e instanceof TrapException) { // the limiter failed
        return new UninstantiableException(e.getMessage(), e);
      }
      return new UninstantiableException(what + " of " + min
          + (what.equals("table") ? " elements" : " pages") + " cannot be allocated");
    } catch (OutOfMemoryError again) {
      return HEAP_EXHAUSTED;
    }
  }

  /** {@code limits} of an import's actual size {@code size} are within {@code expected}. */
  private static boolean matches(long size, Limits actual, Limits expected) {
    if (size < expected.min()) {
      return false;
    }
    return !expected.hasMax() || (actual.hasMax() && actual.max() <= expected.max());
  }

  private static UnlinkableException incompatible(Import imp, String expected) {
    return new UnlinkableException("incompatible import type: " + imp.module() + "::" + imp.name()
        + " must be " + expected);
  }

  /** A v128 global's initial value: a {@code v128.const} or a {@code global.get} of a v128. */
  private GlobalInstance evaluateV128(GlobalType type, ConstExpr expr) {
    WasmModule m = module.module();
    CodeReader r = new CodeReader(m.bytes(), expr.offset(), expr.offset() + expr.length(), module.features());
    Opcode op = r.readOpcode();
    GlobalInstance g = new GlobalInstance(type, 0);
    if (op == Opcode.V128_CONST) {
      g.value = r.readV128Low();
      g.high = r.readV128High();
    } else if (op == Opcode.GLOBAL_GET) {
      GlobalInstance source = globals[r.readU32()];
      g.value = source.value;
      g.high = source.high;
    } else {
      throw new UnsupportedOperationException("constant expression: " + op.text());
    }
    return g;
  }

  /** Evaluates a constant expression to a raw slot. */
  public long evaluate(ConstExpr expr) {
    WasmModule m = module.module();
    CodeReader r = new CodeReader(m.bytes(), expr.offset(), expr.offset() + expr.length(), module.features());
    long[] stack = new long[8];
    int sp = 0;
    while (true) {
      Opcode op = r.readOpcode();
      if (sp >= stack.length - 1) {
        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
      }
      switch (op) {
        case I32_CONST: stack[sp++] = r.readS32(); break;
        case I64_CONST: stack[sp++] = r.readS64(); break;
        case F32_CONST: stack[sp++] = r.readF32Bits(); break;
        case F64_CONST: stack[sp++] = r.readF64Bits(); break;
        case REF_NULL: r.readRefType(); stack[sp++] = 0; break;
        case REF_FUNC: stack[sp++] = functions[r.readU32()].ref; break;
        case GLOBAL_GET: stack[sp++] = globals[r.readU32()].value; break;
        case I32_ADD: sp--; stack[sp - 1] = (int) stack[sp - 1] + (int) stack[sp]; break;
        case I32_SUB: sp--; stack[sp - 1] = (int) stack[sp - 1] - (int) stack[sp]; break;
        case I32_MUL: sp--; stack[sp - 1] = (int) stack[sp - 1] * (int) stack[sp]; break;
        case I64_ADD: sp--; stack[sp - 1] = stack[sp - 1] + stack[sp]; break;
        case I64_SUB: sp--; stack[sp - 1] = stack[sp - 1] - stack[sp]; break;
        case I64_MUL: sp--; stack[sp - 1] = stack[sp - 1] * stack[sp]; break;
        case END: return stack[sp - 1];
        default: throw new UnsupportedOperationException("constant expression: " + op.text());
      }
    }
  }

  /**
   * The function {@code call_indirect} of module type {@code typeIndex} reaches through table
   * {@code table} at {@code index}; traps {@code undefined element}, {@code uninitialized element}
   * or {@code indirect call type mismatch}.
   */
  @Override
  public FunctionInstance indirect(int typeIndex, int table, int index) {
    long[] elements = tables[table].elements;
    if (index < 0 || index >= elements.length) {
      throw new TrapException(TrapKind.UNDEFINED_ELEMENT);
    }
    long ref = elements[index];
    if (ref == 0) {
      throw new TrapException(TrapKind.INDIRECT_CALL_TO_NULL);
    }
    FunctionInstance f = store.function(ref);
    if (f.typeId != typeIds[typeIndex]) {
      throw new TrapException(TrapKind.BAD_SIGNATURE);
    }
    return f;
  }

  @Override
  public StoreState store() {
    return store;
  }

  @Override
  public ModuleCode module() {
    return module;
  }

  @Override
  public FunctionInstance function(int index) {
    return functions[index];
  }

  @Override
  public long functionRef(int index) {
    return functions[index].ref;
  }

  @Override
  public long[] callHost(Callee host, long[] args, int depth) {
    if (!(host instanceof HostFunction)) {
      throw new IllegalArgumentException("not a host function: " + host);
    }
    int saved = store.hostCallDepth;
    store.hostCallDepth = depth;
    try {
      return ((HostFunction) host).call(this, args);
    } finally {
      store.hostCallDepth = saved;
    }
  }

  @Override
  public MemoryInstance memory(int index) {
    return memories[index];
  }

  @Override
  public TableInstance table(int index) {
    return tables[index];
  }

  @Override
  public GlobalInstance global(int index) {
    return globals[index];
  }

  /** {@code memory.init} of data segment {@code data} into memory {@code mem}. */
  @Override
  public void memoryInit(int mem, int data, int dst, int from, int n) {
    DataSegment d = module.module().data().get(data);
    memories[mem].init(module.module().bytes(), d.dataOffset(), dataLengths[data], dst, from, n);
  }

  /** {@code table.init} of element segment {@code elem} into table {@code table}. */
  @Override
  public void tableInit(int table, int elem, int dst, int from, int n) {
    tables[table].init(elements[elem], dst, from, n);
  }

  /** {@code elem.drop}. */
  @Override
  public void dropElements(int elem) {
    elements[elem] = EMPTY;
  }

  /** {@code data.drop}. */
  @Override
  public void dropData(int data) {
    dataLengths[data] = 0;
  }

  private static final long[] EMPTY = new long[0];
}
