package org.wasmj.validator;

import static org.wasmj.validator.ShortPath.MEMORY_ACCESSES;
import static org.wasmj.validator.ShortPath.PLAIN_SIGNATURES;
import static org.wasmj.validator.ShortPath.STORE;
import static org.wasmj.validator.ShortPath.leb;
import static org.wasmj.validator.Validator.invalid;

import java.util.Arrays;
import java.util.List;
import org.wasmj.Feature;
import org.wasmj.MalformedModuleException;
import org.wasmj.parser.CodeReader;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;

/**
 * Walks a function body for a visitor (the translator) without validating it: the walk of
 * {@code Module.compileUnchecked}, for input known to be valid. It decodes every instruction (a
 * malformed body is still a {@link MalformedModuleException}) and hands the visitor what it
 * needs: block, call and local types, the shape of the operand stack.
 *
 * <p>It tracks the <em>height</em> of the operand stack, not the types on it, and checks only
 * what keeps the code it feeds to the visitor within bounds, each an O(1) check per instruction:
 * that every index (local, global, function, type, table, memory, element and data segment,
 * label) names something that exists, that no instruction pops below its block's stack and that
 * blocks end with as many values as they declare, that {@code else} belongs to an {@code if}, that
 * a tail call returns what its caller returns, and that tables hold what {@code call_indirect},
 * {@code table.init} and {@code table.copy} expect. It does <em>not</em> check operand types
 * (an {@code f64} may reach an {@code i32.add}, a number a {@code funcref} slot), alignment, the
 * mutability of a global set, that {@code ref.func} names a declared function, that select's
 * operands are numbers, or that features are enabled. {@code drop} and untyped {@code select}
 * report {@code i32}: the operand types are unknown.
 *
 * <p>A body that handles {@code v128} values (in its parameters, results or locals, through an
 * instruction of the SIMD proposal, a global, a call or a block type) is validated after all: the
 * walk starts over with a {@link FunctionValidator}. A v128 takes two registers where any other
 * value takes one, so the translator needs every operand's type right to keep registers in
 * bounds. The visitor then sees {@code beginFunction} a second time for the same body.
 *
 * <pre>{@code
 * CompiledFunction f = new Translator().translate(validator.uncheckedWalker(), 0,
 *     module.bytes(), module.bodies().get(0));
 * }</pre>
 *
 * @implNote Not thread-safe: its stacks are reused between bodies. Use one per thread.
 */
public final class UncheckedWalker implements BodyWalker {
  private static final int IMPLICIT = 0; // function frame
  private static final int BLOCK = 1;
  private static final int LOOP = 2;
  private static final int IF = 3;
  private static final int ELSE = 4;

  /**
   * Per opcode: how many operands it pops and results it pushes, from its signature or, for the
   * few whose types vary, given here; -1 for the instructions the walker handles one by one.
   */
  private static final int[] POPS = new int[Opcode.values().length];
  private static final int[] PUSHES = new int[Opcode.values().length];

  static {
    for (Opcode op : Opcode.values()) {
      POPS[op.ordinal()] = op.hasSignature() ? op.params().length : -1;
      PUSHES[op.ordinal()] = op.hasSignature() ? op.results().length : -1;
    }
    effect(Opcode.REF_IS_NULL, 1, 1);
    effect(Opcode.TABLE_GET, 1, 1);
    effect(Opcode.TABLE_SET, 2, 0);
    effect(Opcode.TABLE_GROW, 2, 1);
    effect(Opcode.TABLE_FILL, 3, 0);
    effect(Opcode.MEMORY_FILL, 3, 0);
  }

  private static void effect(Opcode op, int pops, int pushes) {
    POPS[op.ordinal()] = pops;
    PUSHES[op.ordinal()] = pushes;
  }

  /** Thrown inside a walk that meets a v128: the body is validated instead. */
  private static final RuntimeException V128_MET = new RuntimeException("v128", null, false, false) {
    private static final long serialVersionUID = 1L;
  };

  private final Validator validator;
  private final WasmModule module;
  /** Per type index: true if it has a v128 parameter or result. */
  private final boolean[] typeHasV128;
  /** Per global index: true if it holds a v128. */
  private final boolean[] globalIsV128;
  /** Validates the bodies that handle v128 values; made when first needed. */
  private FunctionValidator checked;
  private final List<FuncType> types;
  private final int functionCount;
  private final int globalCount;
  private final int tableCount;
  private final int memoryCount;
  private final int elementCount;
  private final boolean simd;
  private final FuncType[] singleResult = new FuncType[ValType.values().length];
  private final Locals locals = new Locals();
  /** Whether the frequent instructions take the short path ({@link #step}); tests compare both. */
  private final boolean shortPath;

  private int sp; // the operand stack's height
  private int[] ctrlKind = new int[16];
  private int[] ctrlHeight = new int[16];
  private boolean[] ctrlUnreachable = new boolean[16];
  private FuncType[] ctrlType = new FuncType[16];
  private int csp;
  private int[] brTargets = new int[16];

  UncheckedWalker(Validator validator) {
    this(validator, true);
  }

  /** A walker; {@code shortPath}: take the short path ({@link #step}), else always the long one. */
  UncheckedWalker(Validator validator, boolean shortPath) {
    this.shortPath = shortPath;
    this.validator = validator;
    this.module = validator.module;
    this.types = module.types();
    this.functionCount = module.functionCount();
    this.globalCount = module.globalTypes().size();
    this.tableCount = module.tables().size();
    this.memoryCount = module.memories().size();
    this.elementCount = module.elements().size();
    this.simd = validator.has(Feature.SIMD);
    this.typeHasV128 = new boolean[types.size()];
    for (int i = 0; i < typeHasV128.length; i++) {
      typeHasV128[i] = hasV128(types.get(i));
    }
    this.globalIsV128 = new boolean[globalCount];
    for (int i = 0; i < globalCount; i++) {
      globalIsV128[i] = module.globalTypes().get(i).valueType() == ValType.V128;
    }
    for (ValType t : ValType.values()) {
      singleResult[t.ordinal()] = FuncType.of(new ValType[0], new ValType[] {t});
    }
  }

  @Override
  public void walk(int definedIndex, byte[] bytes, FunctionBody body, InstructionVisitor v) {
    try {
      walkUnchecked(definedIndex, bytes, body, v);
    } catch (RuntimeException e) {
      if (e != V128_MET) {
        throw e;
      }
      if (checked == null) {
        checked = validator.functionValidator();
      }
      checked.validate(definedIndex, bytes, body, v);
    }
  }

  private void walkUnchecked(int definedIndex, byte[] bytes, FunctionBody body,
      InstructionVisitor v) {
    int funcIndex = module.importedFunctionCount() + definedIndex;
    FuncType type = module.functionType(funcIndex);
    CodeReader r =
        new CodeReader(bytes, body.offset(), body.offset() + body.length(), validator.features);
    ValType[] declared = locals.read(r, type);
    if (typeHasV128[module.functionTypeIndex(funcIndex)]
        || Arrays.asList(declared).contains(ValType.V128)) {
      throw V128_MET;
    }
    if (v != null) {
      v.beginFunction(funcIndex, type, declared);
    }
    sp = 0;
    csp = 0;
    pushCtrl(IMPLICIT, type);
    if (shortPath) {
      int end = body.offset() + body.length();
      int p = r.position();
      while (csp > 0) {
        p = step(r, bytes, p, end, v, type);
      }
      r.position(p);
    } else {
      while (csp > 0) {
        instruction(r, r.readOpcode(), v, type);
      }
    }
    if (r.hasMore()) {
      throw new MalformedModuleException("section size mismatch", r.position());
    }
    if (v != null) {
      v.endFunction();
    }
  }

  /**
   * Walks instructions from {@code bytes[p]} (the body ends at {@code end}) up to and including the
   * first that takes the long path, or to the end of the body, and returns the position after
   * them: {@code FunctionValidator.step}'s short path without the types. The frequent
   * instructions ({@link ShortPath}'s tables, local accesses, {@code i32.const}, {@code br_if},
   * {@code call}, {@code end}, blocks of the empty type) are read in place when their immediates
   * are short and the stack holds what they pop; anything else, an error or a {@code v128}
   * included, goes through the reader and {@link #instruction}. It returns after each instruction
   * of the long path so that HotSpot compiles it early (called often, not looping once per body).
   */
  private int step(CodeReader r, byte[] bytes, int p, int end, InstructionVisitor v, FuncType fn) {
    while (csp > 0 && p < end) {
      int b = bytes[p] & 0xFF;
      int height = ctrlHeight[csp - 1];
      int sig = PLAIN_SIGNATURES[b];
      if (sig != 0) {
        int pops = sig & 0xFF;
        if (sp - pops < height) {
          break;
        }
        sp += 1 - pops;
        if (v != null) {
          v.op(Opcode.fromByte(b));
        }
        p++;
        continue;
      }
      if (b == 0x0B) { // end of a block with exactly its results on the stack
        if (sp != height + ctrlType[csp - 1].resultCount()) {
          break;
        }
        csp--;
        if (v != null) {
          v.end();
        }
        p++;
        continue;
      }
      if (p + 1 >= end) {
        break;
      }
      int imm = bytes[p + 1]; // the first byte of the immediate
      switch (b) {
        case 0x41: { // i32.const
          long read = leb(bytes, p + 1, end);
          if (read < 0) {
            break;
          }
          sp++;
          if (v != null) {
            v.i32Const(ShortPath.signed(read, p + 1));
          }
          p = (int) (read >>> 32);
          continue;
        }
        case 0x20: // local.get
          if (imm < 0 || imm >= locals.count) {
            break;
          }
          sp++;
          if (v != null) {
            v.local(Opcode.LOCAL_GET, imm, locals.types[imm]);
          }
          p += 2;
          continue;
        case 0x21: // local.set
        case 0x22: // local.tee
          if (imm < 0 || imm >= locals.count || sp <= height) {
            break;
          }
          if (b == 0x21) {
            sp--;
          }
          if (v != null) {
            v.local(b == 0x21 ? Opcode.LOCAL_SET : Opcode.LOCAL_TEE, imm, locals.types[imm]);
          }
          p += 2;
          continue;
        case 0x0D: // br_if
          if (imm < 0 || imm >= csp || sp - 1 - labelArity(csp - 1 - imm) < height) {
            break;
          }
          sp--;
          if (v != null) {
            v.br(Opcode.BR_IF, imm);
          }
          p += 2;
          continue;
        case 0x02: // block, loop and if of the empty block type
        case 0x03:
        case 0x04:
          if (imm != 0x40 || b == 0x04 && sp <= height) {
            break;
          }
          if (b == 0x04) {
            sp--;
          }
          pushCtrl(b == 0x02 ? BLOCK : b == 0x03 ? LOOP : IF, FuncType.EMPTY);
          if (v != null) {
            v.block(Opcode.fromByte(b), FuncType.EMPTY);
          }
          p += 2;
          continue;
        case 0x10: { // call
          long read = leb(bytes, p + 1, end);
          int f = (int) read;
          if (read < 0 || f >= functionCount || typeHasV128[module.functionTypeIndex(f)]) {
            break;
          }
          FuncType t = module.functionType(f);
          if (sp - t.paramCount() < height) {
            break;
          }
          sp += t.resultCount() - t.paramCount();
          if (v != null) {
            v.call(Opcode.CALL, f, t);
          }
          p = (int) (read >>> 32);
          continue;
        }
        default: {
          int access = MEMORY_ACCESSES[b];
          // a load or store of memory 0 with an alignment of at most the natural one: imm is the
          // memarg's flags (the alignment exponent), the offset follows
          if (access == 0 || imm < 0 || imm > (access & 0xFF) || memoryCount == 0) {
            break;
          }
          long read = leb(bytes, p + 2, end);
          int pops = (access & STORE) != 0 ? 2 : 1;
          if (read < 0 || sp - pops < height) {
            break;
          }
          sp += (access & STORE) != 0 ? -2 : 0;
          if (v != null) {
            v.memory(Opcode.fromByte(b), 0, imm, (int) read);
          }
          p = (int) (read >>> 32);
          continue;
        }
      }
      break;
    }
    if (csp == 0) {
      return p;
    }
    r.position(p);
    instruction(r, r.readOpcode(), v, fn);
    return r.position();
  }

  private static boolean hasV128(FuncType t) {
    return Arrays.asList(t.params()).contains(ValType.V128)
        || Arrays.asList(t.results()).contains(ValType.V128);
  }

  // ---- the operand stack's height and the control stack ----

  /** Pops {@code n} operands; below the block's stack only where the block is unreachable. */
  private void pop(int n) {
    int base = ctrlHeight[csp - 1];
    if (sp - n >= base) {
      sp -= n;
    } else if (ctrlUnreachable[csp - 1]) {
      sp = base;
    } else {
      throw invalid("type mismatch");
    }
  }

  /** Checks that {@code n} operands could be popped, without popping them. */
  private void peek(int n) {
    int saved = sp;
    pop(n);
    sp = saved;
  }

  private void pushCtrl(int kind, FuncType type) {
    if (csp == ctrlKind.length) {
      int n = csp * 2;
      ctrlKind = Arrays.copyOf(ctrlKind, n);
      ctrlHeight = Arrays.copyOf(ctrlHeight, n);
      ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, n);
      ctrlType = Arrays.copyOf(ctrlType, n);
    }
    ctrlKind[csp] = kind;
    ctrlHeight[csp] = sp;
    ctrlUnreachable[csp] = false;
    ctrlType[csp] = type;
    csp++;
    if (kind != IMPLICIT) {
      sp += type.paramCount();
    }
  }

  private FuncType popCtrl() {
    FuncType type = ctrlType[csp - 1];
    pop(type.resultCount());
    if (sp != ctrlHeight[csp - 1]) {
      throw invalid("type mismatch");
    }
    csp--;
    return type;
  }

  private void unreachable() {
    sp = ctrlHeight[csp - 1];
    ctrlUnreachable[csp - 1] = true;
  }

  private int frameOf(int depth) {
    if (depth < 0 || depth >= csp) {
      throw invalid("unknown label");
    }
    return csp - 1 - depth;
  }

  /** How many values a branch to {@code frame} carries: a loop's params, else the results. */
  private int labelArity(int frame) {
    FuncType t = ctrlType[frame];
    return ctrlKind[frame] == LOOP ? t.paramCount() : t.resultCount();
  }

  // ---- instructions ----

  private void instruction(CodeReader r, Opcode op, InstructionVisitor v, FuncType fn) {
    if (op.prefix() == 0xFD) { // SIMD: v128 operands or results
      validator.requireFeature(Feature.SIMD, op);
      throw V128_MET;
    }
    switch (op.immediates()) {
      case NONE:
        simple(op, v, fn);
        return;
      case BLOCK_TYPE: {
        FuncType bt = blockType(r.readBlockType());
        if (hasV128(bt)) {
          throw V128_MET;
        }
        if (op == Opcode.IF) {
          pop(1);
        }
        pop(bt.paramCount());
        pushCtrl(op == Opcode.BLOCK ? BLOCK : op == Opcode.LOOP ? LOOP : IF, bt);
        if (v != null) {
          v.block(op, bt);
        }
        return;
      }
      case LABEL: {
        int depth = r.readU32();
        int arity = labelArity(frameOf(depth));
        if (op == Opcode.BR) {
          pop(arity);
          unreachable();
        } else {
          pop(1);
          peek(arity);
        }
        if (v != null) {
          v.br(op, depth);
        }
        return;
      }
      case LABEL_TABLE:
        brTable(r, v);
        return;
      case FUNC: {
        int f = r.readU32();
        if (f < 0 || f >= functionCount) {
          throw invalid("unknown function " + Integer.toUnsignedString(f));
        }
        if (op == Opcode.REF_FUNC) {
          sp++;
          if (v != null) {
            v.refFunc(f);
          }
          return;
        }
        if (typeHasV128[module.functionTypeIndex(f)]) {
          throw V128_MET;
        }
        FuncType t = module.functionType(f);
        call(op == Opcode.RETURN_CALL, t, fn);
        if (v != null) {
          v.call(op, f, t);
        }
        return;
      }
      case TYPE_AND_TABLE: {
        int typeIndex = r.readU32();
        int table = r.readU32();
        if (table(table).elementType() != ValType.FUNCREF) {
          throw invalid("type mismatch");
        }
        if (typeIndex < 0 || typeIndex >= types.size()) {
          throw invalid("unknown type");
        }
        if (typeHasV128[typeIndex]) {
          throw V128_MET;
        }
        FuncType t = types.get(typeIndex);
        pop(1);
        call(op == Opcode.RETURN_CALL_INDIRECT, t, fn);
        if (v != null) {
          v.callIndirect(op, typeIndex, t, table);
        }
        return;
      }
      case LOCAL: {
        int i = r.readU32();
        ValType t = locals.type(i);
        if (op != Opcode.LOCAL_GET) {
          pop(1);
        }
        if (op != Opcode.LOCAL_SET) {
          sp++;
        }
        if (v != null) {
          v.local(op, i, t);
        }
        return;
      }
      case GLOBAL: {
        int g = r.readU32();
        if (g < 0 || g >= globalCount) {
          throw invalid("unknown global " + Integer.toUnsignedString(g));
        }
        if (globalIsV128[g]) {
          throw V128_MET;
        }
        if (op == Opcode.GLOBAL_GET) {
          sp++;
        } else {
          pop(1);
        }
        if (v != null) {
          v.global(op, g, module.globalTypes().get(g).valueType());
        }
        return;
      }
      case TABLE: {
        int table = r.readU32();
        table(table);
        signature(op);
        if (v != null) {
          v.table(op, table);
        }
        return;
      }
      case MEMARG:
        r.readMemarg();
        memory(r.memargMemory());
        signature(op);
        if (v != null) {
          v.memory(op, r.memargMemory(), r.memargAlign(), r.memargOffset());
        }
        return;
      case MEMORY: {
        int m = r.readMemoryIndex();
        memory(m);
        signature(op);
        if (v != null) {
          v.memoryIndex(op, m);
        }
        return;
      }
      case I32: {
        int value = r.readS32();
        sp++;
        if (v != null) {
          v.i32Const(value);
        }
        return;
      }
      case I64: {
        long value = r.readS64();
        sp++;
        if (v != null) {
          v.i64Const(value);
        }
        return;
      }
      case F32: {
        int bits = r.readF32Bits();
        sp++;
        if (v != null) {
          v.f32Const(bits);
        }
        return;
      }
      case F64: {
        long bits = r.readF64Bits();
        sp++;
        if (v != null) {
          v.f64Const(bits);
        }
        return;
      }
      case SELECT_TYPES: {
        if (r.readCount() != 1) {
          throw invalid("invalid result arity");
        }
        ValType t = r.readValType();
        if (t == ValType.V128) {
          throw V128_MET;
        }
        pop(3);
        sp++;
        if (v != null) {
          v.select(t);
        }
        return;
      }
      case REF_TYPE: {
        ValType t = r.readRefType();
        sp++;
        if (v != null) {
          v.refNull(t);
        }
        return;
      }
      case ELEM: {
        int e = elem(r.readU32());
        if (v != null) {
          v.elemDrop(e);
        }
        return;
      }
      case DATA: {
        int d = data(r.readU32());
        if (v != null) {
          v.dataDrop(d);
        }
        return;
      }
      case DATA_AND_MEMORY: {
        int d = r.readU32();
        int m = r.readMemoryIndex();
        memory(m);
        data(d);
        pop(3);
        if (v != null) {
          v.memoryInit(d, m);
        }
        return;
      }
      case MEMORY_PAIR: {
        int dst = r.readMemoryIndex();
        int src = r.readMemoryIndex();
        memory(dst);
        memory(src);
        pop(3);
        if (v != null) {
          v.memoryCopy(dst, src);
        }
        return;
      }
      case ELEM_AND_TABLE: {
        int e = r.readU32();
        int t = r.readU32();
        ValType elementType = table(t).elementType();
        if (module.elements().get(elem(e)).type() != elementType) {
          throw invalid("type mismatch");
        }
        pop(3);
        if (v != null) {
          v.tableInit(e, t);
        }
        return;
      }
      case TABLE_PAIR: {
        int dst = r.readU32();
        int src = r.readU32();
        if (table(dst).elementType() != table(src).elementType()) {
          throw invalid("type mismatch");
        }
        pop(3);
        if (v != null) {
          v.tableCopy(dst, src);
        }
        return;
      }
      default:
        throw new AssertionError(op.immediates());
    }
  }

  private void simple(Opcode op, InstructionVisitor v, FuncType fn) {
    switch (op) {
      case UNREACHABLE:
        unreachable();
        break;
      case NOP:
        break;
      case ELSE: {
        if (ctrlKind[csp - 1] != IF) {
          throw invalid("else without if");
        }
        pushCtrl(ELSE, popCtrl());
        if (v != null) {
          v.elseBranch();
        }
        return;
      }
      case END: {
        int results = popCtrl().resultCount(); // before sp is read: popCtrl lowers it
        sp += results;
        if (v != null) {
          v.end();
        }
        return;
      }
      case RETURN:
        pop(fn.resultCount());
        unreachable();
        break;
      case DROP:
        pop(1);
        if (v != null) {
          v.drop(ValType.I32);
        }
        return;
      case SELECT:
        pop(3);
        sp++;
        if (v != null) {
          v.select(ValType.I32);
        }
        return;
      default:
        signature(op);
        break;
    }
    if (v != null) {
      v.op(op);
    }
  }

  /** Pops and pushes as {@code op}'s stack effect says. */
  private void signature(Opcode op) {
    int pops = POPS[op.ordinal()];
    if (pops < 0) {
      throw new AssertionError(op); // the walker handles it one by one
    }
    pop(pops);
    sp += PUSHES[op.ordinal()];
  }

  private void call(boolean tail, FuncType callee, FuncType caller) {
    pop(callee.paramCount());
    if (tail) {
      if (!Arrays.equals(callee.results(), caller.results())) {
        throw invalid("type mismatch");
      }
      unreachable();
    } else {
      sp += callee.resultCount();
    }
  }

  private void brTable(CodeReader r, InstructionVisitor v) {
    int n = r.readCount();
    if (brTargets.length < n) {
      brTargets = new int[Math.max(n, brTargets.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      brTargets[i] = r.readU32();
    }
    int defaultDepth = r.readU32();
    pop(1);
    for (int i = 0; i < n; i++) {
      peek(labelArity(frameOf(brTargets[i])));
    }
    pop(labelArity(frameOf(defaultDepth)));
    unreachable();
    if (v != null) {
      v.brTable(Arrays.copyOf(brTargets, n), defaultDepth);
    }
  }

  private FuncType blockType(long bt) {
    if (bt == CodeReader.BLOCK_EMPTY) {
      return FuncType.EMPTY;
    }
    if (bt < 0) {
      ValType t = CodeReader.blockValueType(bt);
      if (t == null || bt < -64 || (t == ValType.V128 && !simd)) {
        throw new MalformedModuleException("malformed value type");
      }
      return singleResult[t.ordinal()];
    }
    if (bt >= types.size()) {
      throw invalid("unknown type");
    }
    return types.get((int) bt);
  }

  private TableType table(int index) {
    if (index < 0 || index >= tableCount) {
      throw invalid("unknown table " + Integer.toUnsignedString(index));
    }
    return module.tables().get(index);
  }

  private void memory(int index) {
    if (index < 0 || index >= memoryCount) {
      throw invalid("unknown memory " + Integer.toUnsignedString(index));
    }
  }

  private int elem(int index) {
    if (index < 0 || index >= elementCount) {
      throw invalid("unknown elem segment " + Integer.toUnsignedString(index));
    }
    return index;
  }

  /** A data segment index: valid code that names one has a data count section. */
  private int data(int index) {
    if (module.dataCount() < 0) {
      throw new MalformedModuleException("data count section required");
    }
    if (index < 0 || index >= module.dataCount()) {
      throw invalid("unknown data segment " + Integer.toUnsignedString(index));
    }
    return index;
  }
}
