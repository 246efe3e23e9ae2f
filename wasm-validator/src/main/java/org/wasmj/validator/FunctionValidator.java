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
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;

/**
 * Validates function bodies one at a time with the spec's operand/control-stack algorithm, in
 * one pass, calling an {@link InstructionVisitor} after each instruction it has checked.
 *
 * <pre>{@code
 * FunctionValidator f = validator.functionValidator();
 * for (int i = 0; i < module.bodies().size(); i++) f.validate(i, null);
 * }</pre>
 *
 * @implNote Not thread-safe: its stacks are reused between bodies. Use one per thread.
 */
public final class FunctionValidator implements BodyWalker {
  /** Most locals a function may declare (as wasmtime and the spec tests' implementations). */
  public static final int MAX_LOCALS = Locals.MAX_LOCALS;

  private static final int UNKNOWN = -1;
  private static final int IMPLICIT = 0; // function frame
  private static final int BLOCK = 1;
  private static final int LOOP = 2;
  private static final int IF = 3;
  private static final int ELSE = 4;

  private static final ValType[] TYPES = ValType.values();
  private static final int I32 = ValType.I32.ordinal();

  /**
   * Per opcode, for the plain instructions (no immediates, a fixed signature, no rule of their own:
   * most numeric ones): the types they pop, bottom first, as ordinals; {@code null} for the others.
   * Plain instructions take a short path of array reads in {@link #instruction}: while HotSpot
   * interprets the validator, which it does for much of a short run, every getter and enum
   * {@code switch} on the long path is a call.
   */
  private static final int[][] PLAIN_POPS = new int[Opcode.values().length][];
  /** Per plain opcode (see {@link #PLAIN_POPS}): the types it pushes, as ordinals. */
  private static final int[][] PLAIN_PUSHES = new int[Opcode.values().length][];

  static {
    for (Opcode op : Opcode.values()) {
      if (op.immediates() == Opcode.Imm.NONE && op.hasSignature()) {
        PLAIN_POPS[op.ordinal()] = ordinals(op.params());
        PLAIN_PUSHES[op.ordinal()] = ordinals(op.results());
      }
    }
  }

  private static int[] ordinals(ValType[] types) {
    int[] ordinals = new int[types.length];
    for (int i = 0; i < types.length; i++) {
      ordinals[i] = types[i].ordinal();
    }
    return ordinals;
  }

  private final Validator validator;
  private final WasmModule module;
  private final List<FuncType> types;
  private final FuncType[] singleResult = new FuncType[TYPES.length];
  /** Whether the module has a memory 0; set per body. */
  private boolean hasMemory;

  private int[] vals = new int[64];
  private int sp;
  private int[] ctrlKind = new int[16];
  private int[] ctrlHeight = new int[16];
  private boolean[] ctrlUnreachable = new boolean[16];
  private FuncType[] ctrlType = new FuncType[16];
  private int csp;
  private final Locals locals = new Locals();
  private int[] brTargets = new int[16];

  FunctionValidator(Validator validator) {
    this.validator = validator;
    this.module = validator.module;
    this.types = module.types();
    for (ValType t : TYPES) {
      singleResult[t.ordinal()] = FuncType.of(new ValType[0], new ValType[] {t});
    }
  }

  /**
   * Validates the body of defined function {@code definedIndex} (function index
   * {@code importedFunctionCount() + definedIndex}), calling {@code visitor} (if not null) after
   * each instruction.
   */
  public void validate(int definedIndex, InstructionVisitor visitor) {
    validate(definedIndex, module.bytes(), module.bodies().get(definedIndex), visitor);
  }

  /**
   * As {@link #validate(int, InstructionVisitor)}, the body being {@code bytes[body.offset(),
   * body.offset() + body.length())} (e.g. read from a stream before the module is complete).
   */
  public void validate(int definedIndex, byte[] bytes, FunctionBody body, InstructionVisitor visitor) {
    int funcIndex = module.importedFunctionCount() + definedIndex;
    FuncType type = module.functionType(funcIndex);
    CodeReader r =
        new CodeReader(bytes, body.offset(), body.offset() + body.length(), validator.features);
    ValType[] declared = locals.read(r, type);
    if (visitor != null) {
      visitor.beginFunction(funcIndex, type, declared);
    }
    sp = 0;
    csp = 0;
    hasMemory = !module.memories().isEmpty();
    pushCtrl(IMPLICIT, type);
    int end = body.offset() + body.length();
    int p = r.position();
    while (csp > 0) {
      p = step(r, bytes, p, end, visitor, type);
    }
    r.position(p);
    if (r.hasMore()) {
      throw new MalformedModuleException("section size mismatch", r.position());
    }
    if (visitor != null) {
      visitor.endFunction();
    }
  }

  /**
   * Validates instructions from {@code bytes[p]} (the body ends at {@code end}) up to and including
   * the first that takes the long path, or to the end of the body, and returns the position after
   * them. The most frequent instructions (single-byte numeric ops, loads and stores, local
   * accesses, {@code i32.const}, {@code br_if}, {@code call}, {@code end}, blocks of the empty type:
   * 75-80% of real code) take a short path of array reads here, and only when the operand stack
   * holds exactly the types they pop and their immediates are short; anything else, an error
   * included, goes the long way, through the reader and {@link #instruction}, so that errors are
   * the long path's. Calls are what HotSpot's C1 code (where the launcher keeps this class) and
   * its bytecode interpreter pay most for, and the long path makes several per instruction.
   *
   * <p>It returns after each instruction of the long path, so that it is called often (once every
   * four or five instructions): HotSpot compiles a method after a few hundred calls, where the
   * loop of a method called once per body, as {@link #validate}, runs in the bytecode interpreter
   * until enough iterations ask for an on-stack replacement (docs/RATIONALE.md, "Session 18
   * (branch valid18)").
   */
  private int step(CodeReader r, byte[] bytes, int p, int end, InstructionVisitor v, FuncType fn) {
    while (csp > 0) {
      if (p < end) {
        int b = bytes[p] & 0xFF;
        int sig = PLAIN_SIGNATURES[b];
        if (sig != 0) {
          int pops = sig & 0xFF;
          int arg = (sig >>> 8) & 0xFF;
          int top = sp - 1;
          if (pops == 2
              ? top > ctrlHeight[csp - 1] && vals[top] == arg && vals[top - 1] == arg
              : top >= ctrlHeight[csp - 1] && vals[top] == arg) {
            top -= pops - 1;
            vals[top] = sig >>> 16;
            sp = top + 1;
            if (v != null) {
              v.op(Opcode.fromByte(b));
            }
            p++;
            continue;
          }
        } else if (p + 1 < end) {
          int imm = bytes[p + 1]; // the first byte of the immediate
          switch (b) {
            case 0x41: { // i32.const
              long read = leb(bytes, p + 1, end);
              if (read >= 0 && sp < vals.length) {
                vals[sp++] = I32;
                if (v != null) {
                  v.i32Const(ShortPath.signed(read, p + 1));
                }
                p = (int) (read >>> 32);
                continue;
              }
              break;
            }
            case 0x20: // local.get
              if (imm >= 0 && imm < locals.count && sp < vals.length) {
                ValType t = locals.types[imm];
                vals[sp++] = t.ordinal();
                if (v != null) {
                  v.local(Opcode.LOCAL_GET, imm, t);
                }
                p += 2;
                continue;
              }
              break;
            case 0x21: // local.set
            case 0x22: // local.tee
              if (imm >= 0 && imm < locals.count && sp > ctrlHeight[csp - 1]
                  && vals[sp - 1] == locals.types[imm].ordinal()) {
                if (b == 0x21) {
                  sp--;
                }
                if (v != null) {
                  v.local(b == 0x21 ? Opcode.LOCAL_SET : Opcode.LOCAL_TEE, imm, locals.types[imm]);
                }
                p += 2;
                continue;
              }
              break;
            case 0x0D: // br_if to a label that takes no values
              if (imm >= 0 && imm < csp && sp > ctrlHeight[csp - 1] && vals[sp - 1] == I32
                  && labelArity(csp - 1 - imm) == 0) {
                sp--;
                if (v != null) {
                  v.br(Opcode.BR_IF, imm);
                }
                p += 2;
                continue;
              }
              break;
            case 0x02: // block, loop and if of the empty block type
            case 0x03:
            case 0x04:
              if (imm == 0x40 && (b != 0x04 || sp > ctrlHeight[csp - 1] && vals[sp - 1] == I32)) {
                if (b == 0x04) {
                  sp--;
                }
                pushCtrl(b == 0x02 ? BLOCK : b == 0x03 ? LOOP : IF, FuncType.EMPTY);
                if (v != null) {
                  v.block(Opcode.fromByte(b), FuncType.EMPTY);
                }
                p += 2;
                continue;
              }
              break;
            case 0x10: { // call, its arguments and results all of the exact types
              long read = leb(bytes, p + 1, end);
              int f = (int) read;
              if (read >= 0 && f < module.functionCount() && call(module.functionType(f))) {
                if (v != null) {
                  v.call(Opcode.CALL, f, module.functionType(f));
                }
                p = (int) (read >>> 32);
                continue;
              }
              break;
            }
            default: {
              int access = MEMORY_ACCESSES[b];
              // a load or store of memory 0 with an alignment of at most the natural one: imm is the
              // memarg's flags (the alignment exponent), the offset follows
              if (access != 0 && imm >= 0 && imm <= (access & 0xFF) && hasMemory) {
                long read = leb(bytes, p + 2, end);
                int type = (access >>> 8) & 0xFF;
                int top = sp - 1;
                if (read >= 0 && ((access & STORE) != 0
                    ? top > ctrlHeight[csp - 1] && vals[top] == type && vals[top - 1] == I32
                    : top >= ctrlHeight[csp - 1] && vals[top] == I32)) {
                  if ((access & STORE) != 0) {
                    sp -= 2;
                  } else {
                    vals[top] = type;
                  }
                  if (v != null) {
                    v.memory(Opcode.fromByte(b), 0, imm, (int) read);
                  }
                  p = (int) (read >>> 32);
                  continue;
                }
              }
              break;
            }
          }
        }
        if (b == 0x0B && end()) { // end of a block whose values are exactly its result types
          if (v != null) {
            v.end();
          }
          p++;
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

  /**
   * The short path of a call to a function of type {@code t}: if the operand stack holds exactly
   * its parameter types and has room for its results, pops those and pushes these; else false
   * (nothing changed).
   */
  private boolean call(FuncType t) {
    int n = t.paramCount();
    int base = sp - n;
    if (base < ctrlHeight[csp - 1] || base + t.resultCount() > vals.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (vals[base + i] != t.param(i).ordinal()) {
        return false;
      }
    }
    for (int i = 0; i < t.resultCount(); i++) {
      vals[base + i] = t.result(i).ordinal();
    }
    sp = base + t.resultCount();
    return true;
  }

  /**
   * The short path of {@code end}: if the innermost frame's values are exactly its result types
   * (and it is no {@code if} without {@code else} that must turn its parameters into results), pops
   * the frame, which leaves the results in place; else false (nothing changed).
   */
  private boolean end() {
    int frame = csp - 1;
    FuncType t = ctrlType[frame];
    int n = t.resultCount();
    int base = ctrlHeight[frame];
    if (sp != base + n || ctrlKind[frame] == IF && t.paramCount() + n != 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (vals[base + i] != t.result(i).ordinal()) {
        return false;
      }
    }
    csp = frame;
    return true;
  }

  /** {@link #validate(int, byte[], FunctionBody, InstructionVisitor)}. */
  @Override
  public void walk(int definedIndex, byte[] bytes, FunctionBody body, InstructionVisitor visitor) {
    validate(definedIndex, bytes, body, visitor);
  }

  // ---- operand and control stacks ----

  private void push(int type) {
    if (sp == vals.length) {
      vals = Arrays.copyOf(vals, sp * 2);
    }
    vals[sp++] = type;
  }

  private void push(ValType type) {
    push(type.ordinal());
  }

  private int pop() {
    if (sp == ctrlHeight[csp - 1]) {
      if (ctrlUnreachable[csp - 1]) {
        return UNKNOWN;
      }
      throw invalid("type mismatch");
    }
    return vals[--sp];
  }

  private int pop(ValType expected) {
    int actual = pop();
    if (actual != expected.ordinal() && actual != UNKNOWN) {
      throw invalid("type mismatch");
    }
    return actual;
  }

  private void popParams(FuncType t) {
    for (int i = t.paramCount() - 1; i >= 0; i--) {
      pop(t.param(i));
    }
  }

  private void pushResults(FuncType t) {
    for (int i = 0; i < t.resultCount(); i++) {
      push(t.result(i));
    }
  }

  private void popResults(FuncType t) {
    for (int i = t.resultCount() - 1; i >= 0; i--) {
      pop(t.result(i));
    }
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
      for (int i = 0; i < type.paramCount(); i++) {
        push(type.param(i));
      }
    }
  }

  private FuncType popCtrl() {
    FuncType type = ctrlType[csp - 1];
    popResults(type);
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

  /** The types a branch to {@code depth} carries: a loop's params, else the results. */
  private int labelArity(int frame) {
    FuncType t = ctrlType[frame];
    return ctrlKind[frame] == LOOP ? t.paramCount() : t.resultCount();
  }

  private ValType labelType(int frame, int i) {
    FuncType t = ctrlType[frame];
    return ctrlKind[frame] == LOOP ? t.param(i) : t.result(i);
  }

  private int frameOf(int depth) {
    if (depth < 0 || depth >= csp) {
      throw invalid("unknown label");
    }
    return csp - 1 - depth;
  }

  private void popLabel(int frame) {
    for (int i = labelArity(frame) - 1; i >= 0; i--) {
      pop(labelType(frame, i));
    }
  }

  private void pushLabel(int frame) {
    for (int i = 0; i < labelArity(frame); i++) {
      push(labelType(frame, i));
    }
  }

  // ---- instructions ----

  private void instruction(CodeReader r, Opcode op, InstructionVisitor v, FuncType fn) {
    if (op.feature() != null) {
      validator.requireFeature(op.feature(), op);
    }
    int[] pops = PLAIN_POPS[op.ordinal()];
    if (pops != null) { // as simple(...)'s applySignature, without its calls
      int base = ctrlHeight[csp - 1];
      for (int i = pops.length - 1; i >= 0; i--) {
        if (sp > base) {
          int actual = vals[--sp];
          if (actual != pops[i] && actual != UNKNOWN) {
            throw invalid("type mismatch");
          }
        } else if (!ctrlUnreachable[csp - 1]) {
          throw invalid("type mismatch");
        }
      }
      for (int t : PLAIN_PUSHES[op.ordinal()]) {
        push(t);
      }
      if (v != null) {
        v.op(op);
      }
      return;
    }
    switch (op.immediates()) {
      case NONE:
        simple(op, v, fn);
        return;
      case BLOCK_TYPE: {
        FuncType bt = blockType(r.readBlockType());
        if (op == Opcode.IF) {
          pop(ValType.I32);
        }
        popParams(bt);
        pushCtrl(op == Opcode.BLOCK ? BLOCK : op == Opcode.LOOP ? LOOP : IF, bt);
        if (v != null) {
          v.block(op, bt);
        }
        return;
      }
      case LABEL: {
        int frame = frameOf(r.readU32());
        if (op == Opcode.BR) {
          popLabel(frame);
          unreachable();
        } else {
          pop(ValType.I32);
          popLabel(frame);
          pushLabel(frame);
        }
        if (v != null) {
          v.br(op, csp - 1 - frame);
        }
        return;
      }
      case LABEL_TABLE:
        brTable(r, v);
        return;
      case FUNC: {
        int f = r.readU32();
        if (f < 0 || f >= module.functionCount()) {
          throw invalid("unknown function " + Integer.toUnsignedString(f));
        }
        if (op == Opcode.REF_FUNC) {
          if (!validator.isDeclaredReference(f)) {
            throw invalid("undeclared function reference");
          }
          push(ValType.FUNCREF);
          if (v != null) {
            v.refFunc(f);
          }
          return;
        }
        FuncType t = module.functionType(f);
        popParams(t);
        if (op == Opcode.RETURN_CALL) {
          checkTailCallResults(t, fn);
          unreachable();
        } else {
          pushResults(t);
        }
        if (v != null) {
          v.call(op, f, t);
        }
        return;
      }
      case TYPE_AND_TABLE: {
        int typeIndex = r.readU32();
        int table = r.readU32();
        TableType tt = table(table);
        if (typeIndex < 0 || typeIndex >= types.size()) {
          throw invalid("unknown type");
        }
        if (tt.elementType() != ValType.FUNCREF) {
          throw invalid("type mismatch");
        }
        FuncType t = types.get(typeIndex);
        pop(ValType.I32);
        popParams(t);
        if (op == Opcode.RETURN_CALL_INDIRECT) {
          checkTailCallResults(t, fn);
          unreachable();
        } else {
          pushResults(t);
        }
        if (v != null) {
          v.callIndirect(op, typeIndex, t, table);
        }
        return;
      }
      case LOCAL: {
        int i = r.readU32();
        ValType t = locals.type(i);
        if (op == Opcode.LOCAL_GET) {
          push(t);
        } else if (op == Opcode.LOCAL_SET) {
          pop(t);
        } else {
          pop(t);
          push(t);
        }
        if (v != null) {
          v.local(op, i, t);
        }
        return;
      }
      case GLOBAL: {
        int g = r.readU32();
        if (g < 0 || g >= module.globalTypes().size()) {
          throw invalid("unknown global " + Integer.toUnsignedString(g));
        }
        GlobalType t = module.globalTypes().get(g);
        if (op == Opcode.GLOBAL_GET) {
          push(t.valueType());
        } else {
          if (!t.mutable()) {
            throw invalid("global is immutable");
          }
          pop(t.valueType());
        }
        if (v != null) {
          v.global(op, g, t.valueType());
        }
        return;
      }
      case TABLE:
        tableOp(op, r.readU32(), v);
        return;
      case MEMARG: {
        r.readMemarg();
        memory(r.memargMemory());
        checkAlignment(op, r.memargAlign());
        applySignature(op);
        if (v != null) {
          v.memory(op, r.memargMemory(), r.memargAlign(), r.memargOffset());
        }
        return;
      }
      case MEMARG_LANE: {
        r.readMemarg();
        memory(r.memargMemory());
        checkAlignment(op, r.memargAlign());
        int lane = lane(op, r.readLane());
        applySignature(op);
        if (v != null) {
          v.memoryLane(op, r.memargMemory(), r.memargAlign(), r.memargOffset(), lane);
        }
        return;
      }
      case MEMORY: {
        int m = r.readMemoryIndex();
        memory(m);
        if (op == Opcode.MEMORY_FILL) {
          threeI32();
        } else {
          applySignature(op);
        }
        if (v != null) {
          v.memoryIndex(op, m);
        }
        return;
      }
      case I32:
        int i32 = r.readS32();
        push(ValType.I32);
        if (v != null) {
          v.i32Const(i32);
        }
        return;
      case I64:
        long i64 = r.readS64();
        push(ValType.I64);
        if (v != null) {
          v.i64Const(i64);
        }
        return;
      case F32:
        int f32 = r.readF32Bits();
        push(ValType.F32);
        if (v != null) {
          v.f32Const(f32);
        }
        return;
      case F64:
        long f64 = r.readF64Bits();
        push(ValType.F64);
        if (v != null) {
          v.f64Const(f64);
        }
        return;
      case V128: {
        long low = r.readV128Low();
        long high = r.readV128High();
        push(ValType.V128);
        if (v != null) {
          v.v128Const(low, high);
        }
        return;
      }
      case SHUFFLE: {
        byte[] lanes = new byte[16];
        for (int i = 0; i < 16; i++) {
          int lane = r.readLane();
          if (lane >= 32) {
            throw invalid("invalid lane index");
          }
          lanes[i] = (byte) lane;
        }
        applySignature(op);
        if (v != null) {
          v.shuffle(lanes);
        }
        return;
      }
      case LANE: {
        int lane = lane(op, r.readLane());
        applySignature(op);
        if (v != null) {
          v.lane(op, lane);
        }
        return;
      }
      case SELECT_TYPES: {
        int n = r.readCount();
        if (n != 1) {
          throw invalid("invalid result arity");
        }
        ValType t = r.readValType();
        pop(ValType.I32);
        pop(t);
        pop(t);
        push(t);
        if (v != null) {
          v.select(t);
        }
        return;
      }
      case REF_TYPE: {
        ValType t = r.readRefType();
        push(t);
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
        threeI32();
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
        threeI32();
        if (v != null) {
          v.memoryCopy(dst, src);
        }
        return;
      }
      case ELEM_AND_TABLE: {
        int e = r.readU32();
        int t = r.readU32();
        TableType tt = table(t);
        elem(e);
        if (module.elements().get(e).type() != tt.elementType()) {
          throw invalid("type mismatch");
        }
        threeI32();
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
        threeI32();
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
        FuncType t = popCtrl();
        pushCtrl(ELSE, t);
        if (v != null) {
          v.elseBranch();
        }
        return;
      }
      case END: {
        int kind = ctrlKind[csp - 1];
        FuncType t = popCtrl();
        if (kind == IF && !sameTypes(t)) {
          throw invalid("type mismatch");
        }
        pushResults(t);
        if (v != null) {
          v.end();
        }
        return;
      }
      case RETURN:
        popResults(fn);
        unreachable();
        break;
      case DROP: {
        int t = pop();
        if (v != null) {
          v.drop(t == UNKNOWN ? ValType.I32 : TYPES[t]);
        }
        return;
      }
      case SELECT: {
        pop(ValType.I32);
        int a = pop();
        int b = pop();
        if (isReference(a) || isReference(b)) {
          throw invalid("type mismatch");
        }
        if (a != b && a != UNKNOWN && b != UNKNOWN) {
          throw invalid("type mismatch");
        }
        int t = a == UNKNOWN ? b : a;
        push(t);
        if (v != null) {
          v.select(t == UNKNOWN ? ValType.I32 : TYPES[t]);
        }
        return;
      }
      case REF_IS_NULL: {
        int t = pop();
        if (t != UNKNOWN && !TYPES[t].isReference()) {
          throw invalid("type mismatch");
        }
        push(ValType.I32);
        break;
      }
      default:
        if (!op.hasSignature()) {
          throw new AssertionError(op);
        }
        applySignature(op);
        break;
    }
    if (v != null) {
      v.op(op);
    }
  }

  private static boolean isReference(int t) {
    return t != UNKNOWN && TYPES[t].isReference();
  }

  private static boolean sameTypes(FuncType t) {
    if (t.paramCount() != t.resultCount()) {
      return false;
    }
    for (int i = 0; i < t.paramCount(); i++) {
      if (t.param(i) != t.result(i)) {
        return false;
      }
    }
    return true;
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
    pop(ValType.I32);
    int defaultFrame = frameOf(defaultDepth);
    int arity = labelArity(defaultFrame);
    for (int i = 0; i < n; i++) {
      int frame = frameOf(brTargets[i]);
      if (labelArity(frame) != arity) {
        throw invalid("type mismatch");
      }
      // Check the label's types against the stack without consuming it (popping leaves vals intact).
      int saved = sp;
      popLabel(frame);
      sp = saved;
    }
    popLabel(defaultFrame);
    unreachable();
    if (v != null) {
      v.brTable(Arrays.copyOf(brTargets, n), defaultDepth);
    }
  }

  private void checkTailCallResults(FuncType callee, FuncType caller) {
    if (callee.resultCount() != caller.resultCount()) {
      throw invalid("type mismatch");
    }
    for (int i = 0; i < callee.resultCount(); i++) {
      if (callee.result(i) != caller.result(i)) {
        throw invalid("type mismatch");
      }
    }
  }

  private void tableOp(Opcode op, int index, InstructionVisitor v) {
    ValType elem = table(index).elementType();
    switch (op) {
      case TABLE_GET:
        pop(ValType.I32);
        push(elem);
        break;
      case TABLE_SET:
        pop(elem);
        pop(ValType.I32);
        break;
      case TABLE_SIZE:
        push(ValType.I32);
        break;
      case TABLE_GROW:
        pop(ValType.I32);
        pop(elem);
        push(ValType.I32);
        break;
      case TABLE_FILL:
        pop(ValType.I32);
        pop(elem);
        pop(ValType.I32);
        break;
      default:
        throw new AssertionError(op);
    }
    if (v != null) {
      v.table(op, index);
    }
  }

  private void threeI32() {
    pop(ValType.I32);
    pop(ValType.I32);
    pop(ValType.I32);
  }

  private void applySignature(Opcode op) {
    ValType[] params = op.params();
    for (int i = params.length - 1; i >= 0; i--) {
      pop(params[i]);
    }
    for (ValType t : op.results()) {
      push(t);
    }
  }

  private FuncType blockType(long bt) {
    if (bt == CodeReader.BLOCK_EMPTY) {
      return FuncType.EMPTY;
    }
    if (bt < 0) {
      ValType t = CodeReader.blockValueType(bt);
      if (t == null || bt < -64 || (t == ValType.V128 && !validator.has(Feature.SIMD))) {
        throw new MalformedModuleException("malformed value type");
      }
      return singleResult[t.ordinal()];
    }
    if (bt >= types.size()) {
      throw invalid("unknown type");
    }
    FuncType t = types.get((int) bt);
    if ((t.paramCount() > 0 || t.resultCount() > 1) && !validator.has(Feature.MULTI_VALUE)) {
      throw invalid("invalid result arity");
    }
    return t;
  }

  private TableType table(int index) {
    if (index < 0 || index >= module.tables().size()) {
      throw invalid("unknown table " + Integer.toUnsignedString(index));
    }
    return module.tables().get(index);
  }

  private void memory(int index) {
    if (index < 0 || index >= module.memories().size()) {
      throw invalid("unknown memory " + Integer.toUnsignedString(index));
    }
  }

  private int elem(int index) {
    if (index < 0 || index >= module.elements().size()) {
      throw invalid("unknown elem segment " + Integer.toUnsignedString(index));
    }
    return index;
  }

  private int data(int index) {
    int count = module.dataCount();
    if (count < 0) {
      if (!module.data().isEmpty()) {
        throw new MalformedModuleException("data count section required");
      }
      count = 0;
    }
    if (index < 0 || index >= count) {
      throw invalid("unknown data segment " + Integer.toUnsignedString(index));
    }
    return index;
  }

  private void checkAlignment(Opcode op, int align) {
    if (align > op.access().naturalAlignment()) {
      throw invalid("alignment must not be larger than natural");
    }
  }

  private int lane(Opcode op, int lane) {
    if (lane >= op.lanes()) {
      throw invalid("invalid lane index");
    }
    return lane;
  }
}
