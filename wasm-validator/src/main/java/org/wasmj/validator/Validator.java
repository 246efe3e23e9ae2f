package org.wasmj.validator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmj.Feature;
import org.wasmj.InvalidModuleException;
import org.wasmj.parser.CodeReader;
import org.wasmj.parser.ConstExpr;
import org.wasmj.parser.DataSegment;
import org.wasmj.parser.ElementSegment;
import org.wasmj.parser.Export;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Global;
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
 * Validates a {@link WasmModule} for a set of {@link Feature}s: {@link #validateModule()} checks
 * everything but function bodies, {@link #functionValidator()} gives validators of single bodies.
 *
 * <pre>{@code
 * Validator.validate(module, Feature.WASM_2_0); // throws InvalidModuleException
 * }</pre>
 *
 * @implNote After {@link #validateModule()} a {@code Validator} is read-only, so any number of
 *     {@link FunctionValidator}s may work on it from different threads.
 */
public final class Validator {
  final WasmModule module;
  final Set<Feature> features;
  private final boolean[] declaredReferences;
  private boolean moduleValidated;

  /** A validator of {@code module} under {@code features}. */
  public Validator(WasmModule module, Set<Feature> features) {
    this.module = module;
    this.features = Set.copyOf(features);
    this.declaredReferences = new boolean[module.functionCount()];
  }

  /** Validates the module and every function body. */
  public static void validate(WasmModule module, Set<Feature> features) {
    Validator v = new Validator(module, features);
    v.validateModule();
    FunctionValidator f = v.functionValidator();
    for (int i = 0; i < module.bodies().size(); i++) {
      f.validate(i, null);
    }
  }

  /** The module being validated. */
  public WasmModule module() {
    return module;
  }

  /** A new validator of function bodies; each is single-threaded and reusable. */
  public FunctionValidator functionValidator() {
    if (!moduleValidated) {
      validateModule();
    }
    return new FunctionValidator(this);
  }

  /**
   * A new walker of function bodies that does not validate them, for input known to be valid
   * (see {@link UncheckedWalker}); each is single-threaded and reusable.
   */
  public UncheckedWalker uncheckedWalker() {
    if (!moduleValidated) {
      validateModule();
    }
    return new UncheckedWalker(this);
  }

  /** True if {@code ref.func funcIndex} may appear in a body (the function is in C.refs). */
  public boolean isDeclaredReference(int funcIndex) {
    return funcIndex >= 0 && funcIndex < declaredReferences.length && declaredReferences[funcIndex];
  }

  boolean has(Feature f) {
    return features.contains(f);
  }

  /** Checks everything except function bodies. */
  public void validateModule() {
    List<FuncType> types = module.types();
    // Once per function, in the bytecode interpreter at a cold start (a loop that runs once is
    // never compiled): each type's arity is checked once, and a function's index only read.
    boolean multiValue = has(Feature.MULTI_VALUE);
    boolean[] arityOk = new boolean[types.size()];
    for (int t = 0; t < arityOk.length; t++) {
      arityOk[t] = multiValue || types.get(t).resultCount() <= 1;
    }
    for (int f = 0, n = module.functionCount(); f < n; f++) {
      int t = module.functionTypeIndex(f);
      if (t < 0 || t >= arityOk.length) {
        throw invalid("unknown type");
      }
      if (!arityOk[t]) {
        throw invalid("invalid result arity");
      }
    }
    if (module.tables().size() > 1 && !has(Feature.REFERENCE_TYPES)) {
      throw invalid("multiple tables");
    }
    for (TableType t : module.tables()) {
      checkLimits(t.limits(), 0xFFFFFFFFL, "table size must be at most 2^32-1");
    }
    if (module.memories().size() > 1 && !has(Feature.MULTI_MEMORY)) {
      throw invalid("multiple memories");
    }
    for (MemoryType m : module.memories()) {
      checkLimits(m.limits(), MemoryType.MAX_PAGES, "memory size must be at most 65536 pages (4GiB)");
    }
    for (Import i : module.imports()) {
      if (i.type() instanceof GlobalType
          && ((GlobalType) i.type()).mutable()
          && !has(Feature.MUTABLE_GLOBALS)) {
        throw invalid("mutable global import");
      }
    }
    int importedGlobals = module.importedGlobalCount();
    for (Global g : module.globals()) {
      constExpr(g.init(), g.type().valueType(), importedGlobals);
    }
    Set<String> names = new HashSet<>();
    for (Export e : module.exports()) {
      if (!names.add(e.name())) {
        throw invalid("duplicate export name");
      }
      int count;
      switch (e.kind()) {
        case FUNC: count = module.functionCount(); break;
        case TABLE: count = module.tables().size(); break;
        case MEMORY: count = module.memories().size(); break;
        case GLOBAL: count = module.globalTypes().size(); break;
        default: throw new AssertionError(e.kind());
      }
      if (e.index() < 0 || e.index() >= count) {
        throw invalid("unknown " + (e.kind() == org.wasmj.parser.ExternKind.FUNC ? "function" : e.kind()));
      }
      if (e.kind() == org.wasmj.parser.ExternKind.GLOBAL
          && module.globalTypes().get(e.index()).mutable()
          && !has(Feature.MUTABLE_GLOBALS)) {
        throw invalid("mutable global export");
      }
      if (e.kind() == org.wasmj.parser.ExternKind.FUNC) {
        declaredReferences[e.index()] = true;
      }
    }
    int start = module.startFunction();
    if (start != -1) {
      if (start < 0 || start >= module.functionCount()) {
        throw invalid("unknown function");
      }
      FuncType t = module.functionType(start);
      if (t.paramCount() != 0 || t.resultCount() != 0) {
        throw invalid("start function");
      }
    }
    for (ElementSegment e : module.elements()) {
      if (e.mode() == SegmentMode.ACTIVE) {
        if (e.tableIndex() < 0 || e.tableIndex() >= module.tables().size()) {
          throw invalid("unknown table " + Integer.toUnsignedString(e.tableIndex()));
        }
        constExpr(e.offset(), ValType.I32, importedGlobals);
        if (module.tables().get(e.tableIndex()).elementType() != e.type()) {
          throw invalid("type mismatch");
        }
      }
      if (e.functionIndices() != null) {
        int functions = module.functionCount();
        for (int f : e.functionIndices()) {
          if (f < 0 || f >= functions) {
            throw invalid("unknown function " + Integer.toUnsignedString(f));
          }
          declaredReferences[f] = true;
        }
      } else {
        for (ConstExpr init : e.initExprs()) {
          constExpr(init, e.type(), importedGlobals);
        }
      }
    }
    for (DataSegment d : module.data()) {
      if (d.mode() == SegmentMode.ACTIVE) {
        if (d.memoryIndex() < 0 || d.memoryIndex() >= module.memories().size()) {
          throw invalid("unknown memory " + Integer.toUnsignedString(d.memoryIndex()));
        }
        constExpr(d.offset(), ValType.I32, importedGlobals);
      }
    }
    moduleValidated = true;
  }

  private static void checkLimits(Limits limits, long bound, String tooLarge) {
    if (limits.min() > bound || (limits.hasMax() && limits.max() > bound)) {
      throw invalid(tooLarge);
    }
    if (limits.hasMax() && limits.min() > limits.max()) {
      throw invalid("size minimum must not be greater than maximum");
    }
  }

  /**
   * Checks that {@code expr} is a constant expression of type {@code expected}; {@code ref.func}
   * operands join C.refs. Only the first {@code visibleGlobals} globals may be read.
   */
  private void constExpr(ConstExpr expr, ValType expected, int visibleGlobals) {
    CodeReader r =
        new CodeReader(module.bytes(), expr.offset(), expr.offset() + expr.length(), features);
    ValType[] stack = new ValType[8];
    int sp = 0;
    boolean extended = has(Feature.EXTENDED_CONST);
    while (true) {
      Opcode op = r.readOpcode();
      ValType pushed;
      switch (op) {
        case END:
          if (sp != 1 || stack[0] != expected) {
            throw invalid("type mismatch");
          }
          return;
        case I32_CONST: r.readS32(); pushed = ValType.I32; break;
        case I64_CONST: r.readS64(); pushed = ValType.I64; break;
        case F32_CONST: r.readF32Bits(); pushed = ValType.F32; break;
        case F64_CONST: r.readF64Bits(); pushed = ValType.F64; break;
        case V128_CONST:
          requireFeature(Feature.SIMD, op);
          r.skip(16);
          pushed = ValType.V128;
          break;
        case REF_NULL: pushed = r.readRefType(); break;
        case REF_FUNC: {
          int f = r.readU32();
          if (f < 0 || f >= module.functionCount()) {
            throw invalid("unknown function " + Integer.toUnsignedString(f));
          }
          declaredReferences[f] = true;
          pushed = ValType.FUNCREF;
          break;
        }
        case GLOBAL_GET: {
          int g = r.readU32();
          if (g < 0 || g >= visibleGlobals) {
            throw invalid("unknown global " + Integer.toUnsignedString(g));
          }
          GlobalType t = module.globalTypes().get(g);
          if (t.mutable()) {
            throw invalid("constant expression required");
          }
          pushed = t.valueType();
          break;
        }
        case I32_ADD: case I32_SUB: case I32_MUL:
        case I64_ADD: case I64_SUB: case I64_MUL:
          if (!extended) {
            throw invalid("constant expression required");
          }
          ValType t = op.params()[0];
          if (sp < 2 || stack[sp - 1] != t || stack[sp - 2] != t) {
            throw invalid("type mismatch");
          }
          sp -= 2;
          pushed = t;
          break;
        default:
          throw invalid("constant expression required");
      }
      if (sp == stack.length) {
        stack = java.util.Arrays.copyOf(stack, sp * 2);
      }
      stack[sp++] = pushed;
    }
  }

  void requireFeature(Feature f, Opcode op) {
    if (!features.contains(f)) {
      throw invalid(op.text() + " requires the " + f.name().toLowerCase().replace('_', '-') + " feature");
    }
  }

  static InvalidModuleException invalid(String message) {
    return new InvalidModuleException(message);
  }
}
