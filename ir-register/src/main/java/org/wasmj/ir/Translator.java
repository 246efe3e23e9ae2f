package org.wasmj.ir;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;
import org.wasmj.validator.BodyWalker;
import org.wasmj.validator.FunctionValidator;
import org.wasmj.validator.InstructionVisitor;

/**
 * Translates a function body from Wasm's stack code to the register IR while the validator
 * walks it: an {@link InstructionVisitor}, so validation and translation are one pass.
 *
 * <p>The value stack is simulated: each entry is a local's register, a temporary's register or a
 * constant. {@code local.get} emits nothing; an op writes its result into the temporary of its
 * stack slot (register {@code locals + height}); a {@code local.set} right after the op that
 * produced its operand retargets that op's result to the local; constants become immediates
 * where an immediate form exists, else a {@code const} into a temporary; an integer compare
 * followed by {@code br_if} or {@code if} becomes one compare-and-branch. Calls find their
 * arguments in the temporaries of the slots they occupy, a contiguous span where the callee's
 * frame begins. Before a local is overwritten, stack entries that still read it are copied out.
 * A {@code br} to a return becomes the return; a {@code copy} into the register a return then
 * returns (an if's or a block's result, returned at once) becomes a return of the copy's source.
 *
 * <pre>{@code
 * CompiledFunction f = new Translator().translate(validator.functionValidator(), 0);
 * System.out.print(f); // @0: r0 <- i32.add r0 r1 ...
 * }</pre>
 *
 * <p>Every instruction of Wasm 2.0 is translated, with tail calls and multiple memories. A v128
 * takes two consecutive registers (low half, high half) wherever it lives: a local, a
 * temporary, a call's argument span, a block's results.
 *
 * @implNote Not thread-safe; reusable across functions, one per thread.
 */
public final class Translator implements InstructionVisitor {
  private static final int LOCAL = 0;
  private static final int TEMP = 1;
  private static final int CONST = 2;
  /**
   * An {@code i32.add} not emitted yet, of the registers {@code value} and {@code operand}
   * ({@code SUM_RR}) or of register {@code value} and the constant {@code operand}
   * ({@code SUM_RI}): a load or store on it takes the add into its address. Its registers are
   * locals or its own slot's temporary, so nothing overwrites them while it waits (a local is
   * preserved like a {@code local.get}).
   */
  private static final int SUM_RR = 3;
  private static final int SUM_RI = 4;

  /** Wasm instruction → its register form, immediate form, memory-0 form, other-memory form. */
  private static final Map<Opcode, Op> REGISTER_FORM = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> IMMEDIATE_FORM = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> MEMORY0_FORM = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> MEMORY_X_FORM = new EnumMap<>(Opcode.class);
  /** Memory-0 access → its form with the address {@code r1 + r2} / {@code r + #i}. */
  private static final Map<Opcode, Op> MEMORY0_SUM_RR_FORM = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> MEMORY0_SUM_RI_FORM = new EnumMap<>(Opcode.class);
  /** SIMD instruction (other than a plain memarg load or store) → its op; on memory x. */
  private static final Map<Opcode, Op> SIMD_FORM = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> SIMD_X_FORM = new EnumMap<>(Opcode.class);
  /** Integer compare → compare-and-branch with a register / an immediate right operand. */
  private static final Map<Opcode, Op> BRANCH_RR = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> BRANCH_RI = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Opcode> NEGATION = new EnumMap<>(Opcode.class);
  /** Binary ops whose operands can be swapped: {@code a op b == b mirror(op) a}. */
  private static final Map<Opcode, Opcode> MIRROR = new EnumMap<>(Opcode.class);
  /** Conditional branch → the branch on the negated condition (same operands and target). */
  private static final Map<Op, Op> NEGATED_BRANCH = new EnumMap<>(Op.class);
  /** Loads from memory 0 whose address is one immediate (a constant base and the offset). */
  private static final Map<Opcode, Op> MEMORY0_CONSTANT_FORM = new EnumMap<>(Opcode.class);

  static {
    for (Op op : Op.values()) {
      Opcode w = op.wasm();
      if (w == null) {
        continue;
      }
      String shape = op.shape();
      if (w.prefix() == 0xFD && w.immediates() != Opcode.Imm.MEMARG) { // a SIMD op: simd() != null
        (shape.endsWith("x") ? SIMD_X_FORM : SIMD_FORM).put(w, op);
        continue;
      }
      if (w.immediates() == Opcode.Imm.MEMARG) {
        boolean load = op.hasResult();
        if (shape.endsWith("x")) {
          MEMORY_X_FORM.put(w, op);
        } else if (shape.equals(load ? "drri" : "rrri")) {
          MEMORY0_SUM_RR_FORM.put(w, op);
        } else if (shape.equals(load ? "drii" : "riri")) {
          MEMORY0_SUM_RI_FORM.put(w, op);
        } else if (shape.equals("di")) {
          MEMORY0_CONSTANT_FORM.put(w, op);
        } else {
          MEMORY0_FORM.put(w, op);
        }
      } else if (shape.equals("rrt")) {
        BRANCH_RR.put(w, op);
      } else if (shape.equals("rit")) {
        BRANCH_RI.put(w, op);
      } else if (shape.equals("dr") || shape.equals("drr")) {
        REGISTER_FORM.put(w, op);
      } else {
        IMMEDIATE_FORM.put(w, op);
      }
    }
    for (String type : new String[] {"I32_", "I64_"}) {
      for (String symmetric : new String[] {"ADD", "MUL", "AND", "OR", "XOR", "EQ", "NE"}) {
        Opcode o = Opcode.valueOf(type + symmetric);
        MIRROR.put(o, o);
      }
      String[][] reversed = {{"LT_S", "GT_S"}, {"LT_U", "GT_U"}, {"LE_S", "GE_S"}, {"LE_U", "GE_U"}};
      for (String[] r : reversed) {
        MIRROR.put(Opcode.valueOf(type + r[0]), Opcode.valueOf(type + r[1]));
        MIRROR.put(Opcode.valueOf(type + r[1]), Opcode.valueOf(type + r[0]));
      }
    }
    String[][] pairs = {{"EQ", "NE"}, {"LT_S", "GE_S"}, {"LT_U", "GE_U"}, {"GT_S", "LE_S"}, {"GT_U", "LE_U"}};
    for (String type : new String[] {"I32_", "I64_"}) {
      for (String[] p : pairs) {
        Opcode a = Opcode.valueOf(type + p[0]);
        Opcode b = Opcode.valueOf(type + p[1]);
        NEGATION.put(a, b);
        NEGATION.put(b, a);
      }
    }
    NEGATED_BRANCH.put(Op.BR_EQZ_RT, Op.BR_NEZ_RT);
    NEGATED_BRANCH.put(Op.BR_NEZ_RT, Op.BR_EQZ_RT);
    NEGATED_BRANCH.put(Op.BR_I64_EQZ_RT, Op.BR_I64_NEZ_RT);
    NEGATED_BRANCH.put(Op.BR_I64_NEZ_RT, Op.BR_I64_EQZ_RT);
    NEGATED_BRANCH.put(Op.BR_I32_AND_NEZ_RIT, Op.BR_I32_AND_EQZ_RIT);
    NEGATED_BRANCH.put(Op.BR_I32_AND_EQZ_RIT, Op.BR_I32_AND_NEZ_RIT);
    NEGATED_BRANCH.put(Op.BR_I32_SHR_U_AND_NEZ_RRIT, Op.BR_I32_SHR_U_AND_EQZ_RRIT);
    NEGATED_BRANCH.put(Op.BR_I32_SHR_U_AND_EQZ_RRIT, Op.BR_I32_SHR_U_AND_NEZ_RRIT);
    NEGATED_BRANCH.put(Op.COPY_BR_NEZ_RRRT, Op.COPY_BR_EQZ_RRRT);
    NEGATED_BRANCH.put(Op.COPY_BR_EQZ_RRRT, Op.COPY_BR_NEZ_RRRT);
    for (Map<Opcode, Op> forms : List.of(BRANCH_RR, BRANCH_RI)) {
      forms.forEach((compare, op) -> NEGATED_BRANCH.put(op, forms.get(NEGATION.get(compare))));
    }
  }

  private final CodeWriter out = new CodeWriter();
  private final boolean countLoops;
  private final boolean rotateLoops;
  private final boolean alikeWithCounts;
  private int[] kind = new int[16];
  private long[] value = new long[16]; // register, or the constant's bits
  private long[] operand = new long[16]; // a SUM's second register or constant
  private ValType[] type = new ValType[16];
  /** Per stack slot: the register of its temporary; valid up to {@code height} inclusive. */
  private int[] slotReg = new int[17];
  /** Per local: its register (a v128 takes two); the last entry is the locals' register count. */
  private int[] localReg = new int[16];
  private int height;
  private int maxRegisters;
  private int locals;
  private int paramRegisters;
  private FuncType function;
  /** Code index of the last instruction emitted, or -1 after a label (code reached from elsewhere). */
  private int lastStart = -1;
  private boolean reachable;

  // The condition popped by br_if/if: a register, or a compare to fuse into the branch.
  private Opcode condCompare; // null: the i32 in condA
  private int condA;
  private int condB;
  private boolean condImmediate;
  /** With {@code condCompare} {@code I32_AND} (a bit test of {@code condA} with mask {@code condB}): true if the condition is that no bit is set. */
  private boolean condNoBitSet;
  /** With {@code condCompare} {@code I32_AND}: the register {@code condA} is shifted right by first, or -1 (no shift). */
  private int condShift = -1;
  /**
   * The code index of the {@code i32.shr_u} (register count) right before the last {@code i32.and}
   * with a constant emitted, if the and read its temporary alone; else -1: a bit test on that
   * and takes both back ({@link Op#BR_I32_SHR_U_AND_NEZ_RRIT}).
   */
  private int shiftBeforeAnd = -1;
  /**
   * If the last numeric op emitted was an {@code i32.eqz} of a bit test's temporary: the code index
   * of that {@code i32.and}, right before the {@code eqz} (so that a branch on it can take back
   * both); else -1.
   */
  private int bitTestBeforeEqz = -1;
  /**
   * The code index of the instruction that last wrote a local ({@code local.set}/{@code tee}) and
   * where the code ended after it, or -1 once a label (or a take-back of it) came since: an add
   * there may fuse with a branch on the local right after it ({@link Op#I32_ADD_BR_NEZ_RRIT}).
   */
  private int localWriteStart = -1;
  private int localWriteEnd;
  /** The add that the popped condition's branch may take in ({@code localWriteStart}), or -1. */
  private int condAdd = -1;
  /** The copy into a local that the popped condition's branch may take in ({@code localWriteStart}), or -1. */
  private int condCopy = -1;

  // The control stack: one frame per open block, loop, if/else, and the function itself.
  private static final int FUNCTION = 0;
  private static final int BLOCK = 1;
  private static final int LOOP = 2;
  private static final int IF = 3;
  private static final int ELSE = 4;
  private int[] frameKind = new int[8];
  private int[] frameHeight = new int[8]; // value-stack height below the frame's params
  private FuncType[] frameType = new FuncType[8];
  private int[] frameStart = new int[8]; // loop: code index of its first instruction
  /**
   * Loop: an inner loop began before this loop's first instruction of its own (its
   * {@code count_loop} aside), so its head is the inner loop's: never rotated (see {@link #rotate}).
   */
  private boolean[] frameHeadShared = new boolean[8];
  /** The loop this frame is in, innermost first (0, the function's frame, if none). */
  private int[] frameOuterLoop = new int[8];
  private int[] frameElseFixup = new int[8]; // if: the slot of its branch to else/end, else -1
  private boolean[] frameBranchedTo = new boolean[8];
  private int[][] frameFixups = new int[8][]; // slots to patch with the frame's end (~slot: a br's)
  private int[] frameFixupCount = new int[8];
  private int frames;
  /**
   * Pairs of code slots (target, source): branch targets copied from another branch's once every
   * target is known (a rotated loop's exit jumps where the loop's head test does).
   */
  private int[] sameTarget = new int[8];
  private int sameTargets;

  /**
   * The {@code br} instructions (their target slots) that jump to the current end of the code,
   * where a block just ended: if a {@code return} comes next, they become that return.
   */
  private int[] jumpsHere = new int[8];
  private int jumpsHereCount;
  private int jumpsHerePosition = -1;

  /**
   * The code index of the last {@code copy} emitted (not a v128's), or -1; unlike {@code
   * lastStart}, kept across labels: a return of the copy's destination right after it returns
   * its source instead (see {@link #returnInstead}).
   */
  private int copyStart = -1;
  /**
   * The target slots of the forward {@code br}s right after a {@code copy}, ascending: if such a
   * br becomes a return of the copy's destination, the copy returns its source.
   */
  private int[] brsAfterCopy = new int[8];
  private int brsAfterCopyCount;

  /**
   * The code index of the instruction before a block's end at {@code fallThroughPosition} (the
   * current end of the code), or -1: the end was reached from it and otherwise only by forward
   * {@code br}s, which a return right here takes over ({@link #threadJumpsHere}), so that the
   * return is reached from it alone (see {@link #resultIntoFirst}).
   */
  private int fallThroughStart = -1;
  private int fallThroughPosition = -1;

  /** The type of local 0, which register 0 holds, or null when the function has no locals. */
  private ValType firstLocalType;

  /** Loops open at this point of the code. */
  private int loops;
  /**
   * No stack entry below this one reads a local (is a {@code local.get} or a sum of one): what
   * {@link #block} and {@link #preserve} look for, so they start here, and a function that keeps
   * many values on the stack across many blocks or local writes is not quadratic to translate.
   */
  private int firstLoose;
  /** Stack entries from {@link #firstLoose} on past which {@link #preserve} copies out them all. */
  private static final int MAX_LOOSE = 1024;
  /**
   * Constants read as register operands inside loops: their slot contents, in register order.
   * They get registers of their own, set once at the function's entry (see {@link #translate}),
   * instead of a {@code const} into a temporary on every use.
   */
  private long[] pooled = new long[8];
  private int pooledCount;
  /** At most this many pooled constants per function (each costs an instruction per call). */
  private static final int MAX_POOLED = 32;
  /** Register numbers standing for pooled constants until the frame layout is known. */
  private static final int POOL_BASE = 1 << 24;

  /** A translator for executors that do not tier. */
  public Translator() {
    this(false);
  }

  /**
   * A translator; with {@code countLoops}, every loop starts with {@link Op#COUNT_LOOP}, so that
   * a tiering executor's interpreter counts iterations, and loops are not rotated; without, they
   * are (see {@link #Translator(boolean, boolean)}).
   */
  public Translator(boolean countLoops) {
    this(countLoops, !countLoops);
  }

  /**
   * A translator; {@code countLoops} as {@link #Translator(boolean)}; {@code rotateLoops}: rotate
   * top-tested loops where it can (see {@link #rotate}), the same loops with {@code countLoops}
   * or without, so that every executor, tiering ones included, runs the same instructions but
   * for {@link Op#COUNT_LOOP} and consumes the same fuel.
   */
  public Translator(boolean countLoops, boolean rotateLoops) {
    this(countLoops, rotateLoops, countLoops);
  }

  /**
   * A translator as {@link #Translator(boolean, boolean)}; with {@code alikeWithCounts}, loops
   * are rotated only where code with {@code count_loop}s rotates them too (not a loop whose head
   * is an inner loop's), so that code metering fuel is the same with {@code countLoops} or
   * without but for the {@code count_loop}s; without it (and {@code countLoops}), those are
   * rotated too.
   */
  public Translator(boolean countLoops, boolean rotateLoops, boolean alikeWithCounts) {
    this.countLoops = countLoops;
    this.rotateLoops = rotateLoops;
    this.alikeWithCounts = alikeWithCounts || countLoops;
  }

  /** Validates and translates defined function {@code definedIndex} in one pass. */
  public CompiledFunction translate(FunctionValidator validator, int definedIndex) {
    validator.validate(definedIndex, this);
    return result();
  }

  /**
   * Translates defined function {@code definedIndex}, whose body is {@code bytes[body.offset(),
   * body.offset() + body.length())}, as {@code walker} walks it: a {@link FunctionValidator}
   * validates it in the same pass; an {@link org.wasmj.validator.UncheckedWalker} does not, and
   * an invalid body then gives code that computes garbage (within its own registers).
   */
  public CompiledFunction translate(BodyWalker walker, int definedIndex, byte[] bytes,
      FunctionBody body) {
    walker.walk(definedIndex, bytes, body, this);
    return result();
  }

  /**
   * The function just translated. If constants were pooled, a second pass over the code makes
   * room for their registers, after the locals: temporaries move up, and {@code const}
   * instructions that set the pooled registers are put in front (branch targets move with the
   * code).
   */
  private CompiledFunction result() {
    for (int i = 0; i < sameTargets; i += 2) {
      out.patch(sameTarget[i], out.get(sameTarget[i + 1]));
    }
    int[] code = out.toArray();
    if (pooledCount > 0) {
      code = withPool(code);
    }
    return new CompiledFunction(code, maxRegisters + pooledCount, paramRegisters, locals);
  }

  /** {@code code} with the pooled constants' registers after the locals, set by a prologue. */
  private int[] withPool(int[] code) {
    CodeWriter prologue = new CodeWriter();
    for (int k = 0; k < pooledCount; k++) {
      long v = pooled[k];
      if ((int) v == v) {
        prologue.op(Op.CONST32_RI);
        prologue.emit(locals + k);
        prologue.emit((int) v);
      } else {
        prologue.op(Op.CONST64_RL);
        prologue.emit(locals + k);
        prologue.emit64(v);
      }
    }
    int shift = prologue.position();
    int[] result = java.util.Arrays.copyOf(prologue.toArray(), shift + code.length);
    for (int pc = 0; pc < code.length; ) {
      Op op = Op.of(code[pc]);
      result[shift + pc] = code[pc];
      int at = pc + 1;
      for (char k : op.kinds) {
        int v = code[at];
        if (k == 'd' || k == 'r' || k == 'V' || k == 'v') {
          v = v >= POOL_BASE ? locals + v - POOL_BASE : v >= locals ? v + pooledCount : v;
        } else if (k == 't') {
          v += shift;
        } else if (k == 'l') {
          result[shift + at] = v;
          at++;
          v = code[at];
        }
        result[shift + at] = v;
        at++;
      }
      if (op == Op.BR_TABLE_RI) {
        for (int i = 0; i < code[pc + 2]; i++, at++) {
          result[shift + at] = code[at] + shift;
        }
      }
      pc = at;
    }
    return result;
  }

  @Override
  public void beginFunction(int funcIndex, FuncType type, ValType[] declaredLocals) {
    out.reset();
    function = type;
    int count = type.paramCount() + declaredLocals.length;
    if (localReg.length <= count) {
      localReg = new int[count + 1];
    }
    int reg = 0;
    firstLocalType = null;
    for (int i = 0; i < count; i++) {
      localReg[i] = reg;
      if (i == type.paramCount()) {
        paramRegisters = reg;
      }
      ValType t = i < type.paramCount() ? type.param(i) : declaredLocals[i - type.paramCount()];
      if (i == 0) {
        firstLocalType = t;
      }
      reg += width(t);
    }
    if (count == type.paramCount()) {
      paramRegisters = reg;
    }
    localReg[count] = reg;
    locals = reg;
    slotReg[0] = reg;
    maxRegisters = reg;
    height = 0;
    firstLoose = 0;
    noTakeBack();
    reachable = true;
    frames = 0;
    sameTargets = 0;
    loops = 0;
    pooledCount = 0;
    jumpsHereCount = 0;
    jumpsHerePosition = -1;
    copyStart = -1;
    brsAfterCopyCount = 0;
    pushFrame(FUNCTION, type);
  }

  @Override
  public void endFunction() {}

  // ---- the simulated value stack ----

  private void push(int k, long v, ValType t) {
    if (height == kind.length) {
      kind = Arrays.copyOf(kind, height * 2);
      value = Arrays.copyOf(value, height * 2);
      operand = Arrays.copyOf(operand, height * 2);
      type = Arrays.copyOf(type, height * 2);
      slotReg = Arrays.copyOf(slotReg, height * 2 + 1);
    }
    kind[height] = k;
    value[height] = v;
    type[height] = t;
    slotReg[height + 1] = slotReg[height] + width(t);
    height++;
    maxRegisters = Math.max(maxRegisters, slotReg[height]);
  }

  /** Registers a value of type {@code t} takes: two for a v128, else one. */
  private static int width(ValType t) {
    return t == ValType.V128 ? 2 : 1;
  }

  /** Swaps two stack entries (only their description: nothing is emitted). */
  private void swap(int a, int b) {
    int k = kind[a];
    long v = value[a];
    long o = operand[a];
    ValType t = type[a];
    kind[a] = kind[b];
    value[a] = value[b];
    operand[a] = operand[b];
    type[a] = type[b];
    kind[b] = k;
    value[b] = v;
    operand[b] = o;
    type[b] = t;
    firstLoose = Math.min(firstLoose, Math.min(a, b)); // near the top: costs no scanning
  }

  /** Pushes the result of an op about to be emitted: the temporary of the next slot. */
  private int pushResult(ValType t) {
    int reg = tempOf(height);
    push(TEMP, reg, t);
    return reg;
  }

  /** The register of stack slot {@code slot}'s temporary ({@code slot <= height}). */
  private int tempOf(int slot) {
    return slotReg[slot];
  }

  /** The register of the {@code i}-th value frame {@code f}'s label carries. */
  private int labelReg(int f, int i) {
    int reg = slotReg[frameHeight[f]];
    for (int j = 0; j < i; j++) {
      reg += width(frameKind[f] == LOOP ? frameType[f].param(j) : frameType[f].result(j));
    }
    return reg;
  }

  /**
   * The register holding stack entry {@code slot}, materializing a constant or a sum into its
   * temporary.
   */
  private int register(int slot) {
    if (kind[slot] == CONST && loops > 0) {
      int pooledRegister = pool(value[slot]);
      if (pooledRegister >= 0) {
        return pooledRegister;
      }
    }
    if (kind[slot] >= CONST) {
      materialize(slot);
    }
    return (int) value[slot];
  }

  /** The register of pooled constant {@code v} (placeholder numbering), or -1 if the pool is full. */
  private int pool(long v) {
    for (int k = 0; k < pooledCount; k++) {
      if (pooled[k] == v) {
        return POOL_BASE + k;
      }
    }
    if (pooledCount == MAX_POOLED) {
      return -1;
    }
    if (pooledCount == pooled.length) {
      pooled = Arrays.copyOf(pooled, pooledCount * 2);
    }
    pooled[pooledCount] = v;
    return POOL_BASE + pooledCount++;
  }

  private boolean isSum(int slot) {
    return kind[slot] == SUM_RR || kind[slot] == SUM_RI;
  }

  /** True if stack entry {@code slot} is a {@code local.get} or a sum (see {@link #firstLoose}). */
  private boolean readsALocal(int slot) {
    return kind[slot] == LOCAL || isSum(slot);
  }

  /**
   * True if stack entry {@code slot} reads the local in register {@code reg} (a {@code local.get}
   * or a sum of it).
   */
  private boolean reads(int slot, int reg) {
    switch (kind[slot]) {
      case LOCAL:
        return value[slot] == reg;
      case SUM_RR:
        return value[slot] == reg || operand[slot] == reg;
      case SUM_RI:
        return value[slot] == reg;
      default:
        return false;
    }
  }

  /** Pops the top entry into a register. */
  private int popRegister() {
    int reg = register(height - 1);
    height--;
    return reg;
  }

  /**
   * Code from here on may be reached from elsewhere (a label), or follows a call: no instruction
   * before it is taken back into a fused one.
   */
  private void noTakeBack() {
    lastStart = -1;
    localWriteStart = -1;
    fallThroughPosition = -1;
  }

  /** Drops the code from {@code index} on, an instruction a later one subsumes. */
  private void takeBack(int index) {
    out.truncate(index);
    lastStart = -1;
    if (copyStart >= index) {
      copyStart = -1;
    }
    while (brsAfterCopyCount > 0 && brsAfterCopy[brsAfterCopyCount - 1] >= index) {
      brsAfterCopyCount--;
    }
    if (localWriteStart >= index) {
      localWriteStart = -1;
    }
    if (fallThroughPosition >= index) { // (the jumps to it may not have become returns)
      fallThroughPosition = -1;
    }
  }

  private int start(Op op) {
    lastStart = out.op(op);
    return lastStart;
  }

  private void constant(int reg, long bits, ValType t) {
    if (t == ValType.I64 || t == ValType.F64 || (int) bits != bits) {
      start(Op.CONST64_RL);
      out.emit(reg);
      out.emit64(bits);
    } else {
      start(Op.CONST32_RI);
      out.emit(reg);
      out.emit((int) bits);
    }
  }

  private void copy(int dst, int src, ValType t) {
    if (t == ValType.V128) {
      start(Op.V128_COPY_VV);
    } else {
      copyStart = start(Op.COPY_RR);
    }
    out.emit(dst);
    out.emit(src);
  }

  /** Copies out stack entries that read the local in register {@code reg} before it is overwritten. */
  private void preserve(int reg) {
    int start = Math.min(firstLoose, height);
    // more entries than real code ever keeps: all are copied out, so that a hostile function's
    // local writes each cost as much as the stack above the last such copy (not quadratic)
    boolean all = height - start > MAX_LOOSE;
    int stillLoose = height;
    for (int slot = start; slot < height; slot++) {
      if (reads(slot, reg) || all && readsALocal(slot)) {
        materialize(slot);
      } else if (stillLoose == height && readsALocal(slot)) {
        stillLoose = slot;
      }
    }
    firstLoose = stillLoose;
  }

  /** Emits what puts stack entry {@code slot} into register {@code reg} (nothing if it is there). */
  private void moveTo(int slot, int reg) {
    moveTo(slot, reg, false);
  }

  /**
   * As {@link #moveTo(int, int)}; if {@code last} (the entry leaves the stack or becomes {@code
   * reg}'s, so nothing reads its operands again), a sum of a product or a left shift just
   * computed takes the multiply or shift in ({@link Op#I32_MUL_ADD_RRRR}, {@link
   * Op#I32_SHL_ADD_RRIR}).
   */
  private void moveTo(int slot, int reg, boolean last) {
    if (kind[slot] == CONST) {
      constant(reg, value[slot], type[slot]);
    } else if (last && kind[slot] == SUM_RR && lastWroteAddend(tempOf(slot))
        && (value[slot] == tempOf(slot) || operand[slot] == tempOf(slot))) {
      fuseAdd(reg, (int) (value[slot] == tempOf(slot) ? operand[slot] : value[slot]));
    } else if (isSum(slot)) {
      start(kind[slot] == SUM_RR ? Op.I32_ADD_RRR : Op.I32_ADD_RRI);
      out.emit(reg);
      out.emit((int) value[slot]);
      out.emit((int) operand[slot]);
    } else if (value[slot] != reg) {
      copy(reg, (int) value[slot], type[slot]);
    }
  }

  /**
   * True if the last instruction is {@code op}, wrote register {@code reg} and nothing came after
   * it (not even a label): a fused op may take it back, if {@code reg} is a temporary only the
   * fused op reads.
   */
  private boolean lastWrote(int reg, Op op) {
    return lastStart >= 0 && out.get(lastStart) == op.ordinal() && out.get(lastStart + 1) == reg
        && out.position() == lastStart + op.size();
  }

  /**
   * True if the last instruction is an {@code i32.mul} or an {@code i32.shl} by a constant into
   * register {@code reg} that {@link #fuseAdd} may take back.
   */
  private boolean lastWroteAddend(int reg) {
    return lastWrote(reg, Op.I32_MUL_RRR) || lastWrote(reg, Op.I32_SHL_RRI);
  }

  /**
   * Takes back the last instruction, an {@code i32.mul} or {@code i32.shl} by a constant into a
   * temporary, and emits {@code d <- a * b + other} or {@code d <- (a << #k) + other} in its place.
   */
  private void fuseAdd(int d, int other) {
    boolean product = out.get(lastStart) == Op.I32_MUL_RRR.ordinal();
    int a = out.get(lastStart + 2);
    int b = out.get(lastStart + 3);
    takeBack(lastStart);
    start(product ? Op.I32_MUL_ADD_RRRR : Op.I32_SHL_ADD_RRIR);
    out.emit(d);
    out.emit(a);
    out.emit(b);
    out.emit(other);
  }

  /** Makes stack entry {@code slot} a temporary in its own slot's register. */
  private void materialize(int slot) {
    int reg = tempOf(slot);
    moveTo(slot, reg, true);
    kind[slot] = TEMP;
    value[slot] = reg;
  }

  /** Materializes the top {@code n} entries: a contiguous span of registers from the returned one. */
  private int span(int n) {
    for (int slot = height - n; slot < height; slot++) {
      materialize(slot);
    }
    return tempOf(height - n);
  }

  /** True if the last instruction wrote the top entry's temporary (so it can be retargeted or fused). */
  private boolean topIsLastResult() {
    int top = height - 1;
    return lastStart >= 0
        && kind[top] == TEMP
        && Op.of(out.get(lastStart)).hasResult()
        && out.get(lastStart + 1) == value[top];
  }

  // ---- instructions ----

  @Override
  public void op(Opcode op) {
    if (!reachable) {
      return;
    }
    switch (op) {
      case NOP:
        return;
      case UNREACHABLE:
        start(Op.UNREACHABLE);
        reachable = false;
        return;
      case RETURN:
        emitReturn();
        reachable = false;
        return;
      case REF_IS_NULL: // references are ids, null is 0
        numeric(Opcode.I64_EQZ, ValType.I32);
        return;
      default:
        if (op.prefix() == 0xFD) {
          simd(SIMD_FORM.get(op), 0, 0);
          return;
        }
        numeric(op, op.results()[0]);
    }
  }

  private void numeric(Opcode op, ValType resultType) {
    if (op == Opcode.I32_EQZ && negateLastCompare()) {
      return;
    }
    int bitTest = op == Opcode.I32_EQZ && topIsLastResult()
        && out.get(lastStart) == Op.I32_AND_RRI.ordinal() ? lastStart : -1;
    if (op == Opcode.I32_ADD && deferAdd()) {
      return;
    }
    Op form = REGISTER_FORM.get(op);
    int arity = form.shape().length() - 1;
    int first = height - arity;
    if (arity == 2 && kind[first] == CONST && kind[first + 1] != CONST && MIRROR.containsKey(op)
        && IMMEDIATE_FORM.containsKey(MIRROR.get(op))) {
      // c op x is x op' c: swap so that the constant becomes the immediate (only then: a swapped
      // temporary sits in the other slot, whose register must not receive a constant)
      op = MIRROR.get(op);
      form = REGISTER_FORM.get(op);
      swap(first, first + 1);
    }
    Op immediate = IMMEDIATE_FORM.get(op);
    boolean useImmediate = immediate != null && kind[height - 1] == CONST;
    if (fuseWithLast(op, first, useImmediate, resultType)) {
      bitTestBeforeEqz = bitTest;
      return;
    }
    if (op == Opcode.I32_AND && useImmediate) {
      shiftBeforeAnd = kind[first] == TEMP && lastWrote((int) value[first], Op.I32_SHR_U_RRR) ? lastStart : -1;
    }
    int lhs = register(first);
    int rhs = arity == 2 && !useImmediate ? register(first + 1) : 0;
    long imm = value[height - 1];
    height = first;
    int result = pushResult(resultType);
    start(useImmediate ? immediate : form);
    out.emit(result);
    out.emit(lhs);
    if (useImmediate) {
      if (immediate.shape().endsWith("l")) {
        out.emit64(imm);
      } else {
        out.emit((int) imm);
      }
    } else if (arity == 2) {
      out.emit(rhs);
    }
    bitTestBeforeEqz = bitTest;
  }

  /**
   * Emits binary {@code op} of the entries from {@code first} on fused with the instruction just
   * emitted, if that computed one of its operands into a temporary nothing else reads: a shift
   * then a mask ({@link Op#I32_SHR_U_AND_RRII}), a multiply or a left shift by a constant then an
   * add ({@link Op#I32_MUL_ADD_RRRR}, {@link Op#I32_SHL_ADD_RRIR}). Returns false, having emitted
   * nothing, otherwise.
   */
  private boolean fuseWithLast(Opcode op, int first, boolean useImmediate, ValType resultType) {
    if (op == Opcode.I32_AND && useImmediate && kind[first] == TEMP
        && lastWrote((int) value[first], Op.I32_SHR_U_RRI)) {
      int r = out.get(lastStart + 2);
      int shift = out.get(lastStart + 3);
      int mask = (int) value[first + 1];
      takeBack(lastStart);
      height = first;
      start(Op.I32_SHR_U_AND_RRII);
      out.emit(pushResult(resultType));
      out.emit(r);
      out.emit(shift);
      out.emit(mask);
      return true;
    }
    if (op == Opcode.I32_ADD && !useImmediate && kind[first + 1] != CONST) {
      int product = kind[first + 1] == TEMP && lastWroteAddend((int) value[first + 1])
          ? first + 1 : kind[first] == TEMP && lastWroteAddend((int) value[first]) ? first : -1;
      int otherSlot = product == first ? first + 1 : first;
      if (product < 0 || kind[otherSlot] != LOCAL && kind[otherSlot] != TEMP) {
        return false;
      }
      int other = (int) value[otherSlot]; // a register already: nothing to emit
      height = first;
      fuseAdd(pushResult(resultType), other);
      return true;
    }
    return false;
  }

  /**
   * {@code i32.add} of the top two entries becomes a sum entry instead of an instruction, if its
   * operands are registers that nothing can overwrite while it waits (locals, or the temporary of
   * the slot the sum takes) and at most one is a constant.
   */
  private boolean deferAdd() {
    int first = height - 2;
    if (isSum(first)) {
      materialize(first); // now the temporary of its own slot
    }
    int k2 = kind[first + 1];
    if (isSum(first + 1) || (kind[first] == CONST && k2 == CONST)
        || (k2 == TEMP && value[first + 1] != tempOf(first))
        || (kind[first] == TEMP && value[first] != tempOf(first))) {
      return false;
    }
    if (kind[first] == CONST) {
      swap(first, first + 1);
    }
    boolean immediate = kind[first + 1] == CONST;
    operand[first] = immediate ? (int) value[first + 1] : value[first + 1];
    kind[first] = immediate ? SUM_RI : SUM_RR;
    type[first] = ValType.I32;
    firstLoose = Math.min(firstLoose, first);
    height = first + 1;
    return true;
  }

  /**
   * {@code i32.eqz} of an integer compare just computed into the top entry: the compare is
   * negated in place ({@code eq; eqz} is {@code ne}), so a branch on it can still fuse.
   */
  private boolean negateLastCompare() {
    if (!topIsLastResult()) {
      return false;
    }
    Op last = Op.of(out.get(lastStart));
    Opcode w = last.wasm();
    if (w == null || !NEGATION.containsKey(w)) {
      return false;
    }
    Op negated = (last.shape().equals("dri") ? IMMEDIATE_FORM : REGISTER_FORM).get(NEGATION.get(w));
    if (negated == null || !negated.shape().equals(last.shape())) {
      return false;
    }
    out.patch(lastStart, negated.ordinal());
    return true;
  }

  @Override
  public void local(Opcode op, int index, ValType t) {
    if (!reachable) {
      return;
    }
    int reg = localReg[index];
    if (op == Opcode.LOCAL_GET) {
      pushLocal(reg, t);
      return;
    }
    preserve(reg);
    int top = height - 1;
    if (topIsLastResult()) {
      out.patch(lastStart + 1, reg); // the producing op writes the local directly
    } else {
      moveTo(top, reg, true);
    }
    localWriteStart = lastStart;
    localWriteEnd = out.position();
    lastStart = -1;
    height--;
    if (op == Opcode.LOCAL_TEE) {
      pushLocal(reg, t);
    }
  }

  /** Pushes a read of the local in {@code reg}: the one place a {@code LOCAL} entry is made. */
  private void pushLocal(int reg, ValType t) {
    if (height < firstLoose) {
      firstLoose = height;
    }
    push(LOCAL, reg, t);
  }

  @Override
  public void i32Const(int v) {
    pushConstant(v, ValType.I32);
  }

  @Override
  public void i64Const(long v) {
    pushConstant(v, ValType.I64);
  }

  @Override
  public void f32Const(int bits) {
    pushConstant(bits, ValType.F32);
  }

  @Override
  public void f64Const(long bits) {
    pushConstant(bits, ValType.F64);
  }

  @Override
  public void refNull(ValType t) {
    pushConstant(0, t);
  }

  private void pushConstant(long bits, ValType t) {
    if (reachable) {
      push(CONST, bits, t);
    }
  }

  @Override
  public void refFunc(int funcIndex) {
    if (!reachable) {
      return;
    }
    int result = pushResult(ValType.FUNCREF);
    start(Op.REF_FUNC_RX);
    out.emit(result);
    out.emit(funcIndex);
  }

  @Override
  public void drop(ValType t) {
    if (reachable) {
      height--;
    }
  }

  @Override
  public void select(ValType t) {
    if (!reachable) {
      return;
    }
    int cond = register(height - 1);
    int ifFalse = register(height - 2);
    int ifTrue = register(height - 3);
    height -= 3;
    int result = pushResult(t);
    if (t == ValType.V128) {
      start(Op.V128_SELECT_VVVR);
      out.emit(result);
      out.emit(ifTrue);
      out.emit(ifFalse);
      out.emit(cond);
      return;
    }
    start(Op.SELECT_RRRR);
    out.emit(result);
    out.emit(ifTrue);
    out.emit(ifFalse);
    out.emit(cond);
  }

  @Override
  public void global(Opcode op, int index, ValType t) {
    if (!reachable) {
      return;
    }
    boolean v128 = t == ValType.V128;
    if (op == Opcode.GLOBAL_GET) {
      int result = pushResult(t);
      start(v128 ? Op.V128_GLOBAL_GET_VX : Op.GLOBAL_GET_RX);
      out.emit(result);
      out.emit(index);
    } else {
      int v = popRegister();
      start(v128 ? Op.V128_GLOBAL_SET_XV : Op.GLOBAL_SET_XR);
      out.emit(index);
      out.emit(v);
    }
  }

  // ---- memories and tables ----

  @Override
  public void memory(Opcode op, int memIndex, int align, long offset) {
    if (!reachable) {
      return;
    }
    Op ir = (memIndex == 0 ? MEMORY0_FORM : MEMORY_X_FORM).get(op);
    if (memIndex == 0 && addressFused(op, (int) offset)) {
      return;
    }
    Op constant = memIndex == 0 ? MEMORY0_CONSTANT_FORM.get(op) : null;
    if (constant != null && kind[height - 1] == CONST
        && (value[height - 1] & 0xFFFFFFFFL) + offset <= Integer.MAX_VALUE) { // else it traps: unfused
      int address = (int) ((value[height - 1] & 0xFFFFFFFFL) + offset);
      height--;
      int result = pushResult(op.results()[0]);
      start(constant);
      out.emit(result);
      out.emit(address);
      return;
    }
    if (op.results().length == 1) { // a load
      int base = popRegister();
      int result = pushResult(op.results()[0]);
      start(ir);
      out.emit(result);
      out.emit(base);
    } else {
      int v = register(height - 1);
      int base = register(height - 2);
      height -= 2;
      start(ir);
      out.emit(base);
      out.emit(v);
    }
    out.emit((int) offset);
    if (memIndex != 0) {
      out.emit(memIndex);
    }
  }

  /**
   * A load or store on memory 0 whose address is a sum entry, or (a load) the result of an
   * {@code i32.add} just emitted, which is taken back: one instruction with the add in its
   * address (a fused shift-and-add just emitted is split again for it, the same two dispatches).
   * Returns false if there is no such add.
   */
  private boolean addressFused(Opcode op, int offset) {
    boolean load = op.results().length == 1;
    if (!MEMORY0_SUM_RR_FORM.containsKey(op)) {
      return false; // no fused forms for this access (both forms exist for the same accesses)
    }
    int slot = height - (load ? 1 : 2);
    int a;
    int b;
    boolean immediate;
    if (isSum(slot)) {
      a = (int) value[slot];
      b = (int) operand[slot];
      immediate = kind[slot] == SUM_RI;
    } else if (load && topIsLastResult()
        && (out.get(lastStart) == Op.I32_ADD_RRR.ordinal() || out.get(lastStart) == Op.I32_ADD_RRI.ordinal())) {
      a = out.get(lastStart + 2);
      b = out.get(lastStart + 3);
      immediate = out.get(lastStart) == Op.I32_ADD_RRI.ordinal();
      takeBack(lastStart);
    } else if (load && topIsLastResult() && out.get(lastStart) == Op.I32_SHL_ADD_RRIR.ordinal()) {
      // the shift goes back apart, into the free register above the top, and the add into the load
      int r = out.get(lastStart + 2);
      int shift = out.get(lastStart + 3);
      a = out.get(lastStart + 4);
      b = tempOf(height);
      immediate = false;
      takeBack(lastStart);
      start(Op.I32_SHL_RRI);
      out.emit(b);
      out.emit(r);
      out.emit(shift);
    } else {
      return false;
    }
    Op fused = (immediate ? MEMORY0_SUM_RI_FORM : MEMORY0_SUM_RR_FORM).get(op);
    if (load) {
      height--;
      int result = pushResult(op.results()[0]);
      start(fused);
      out.emit(result);
      out.emit(a);
      out.emit(b);
    } else {
      int v = register(height - 1);
      height -= 2;
      start(fused);
      out.emit(a);
      out.emit(b);
      out.emit(v);
    }
    out.emit(offset);
    return true;
  }

  @Override
  public void memoryIndex(Opcode op, int memIndex) {
    if (!reachable) {
      return;
    }
    switch (op) {
      case MEMORY_SIZE: {
        int result = pushResult(ValType.I32);
        start(Op.MEMORY_SIZE_RX);
        out.emit(result);
        out.emit(memIndex);
        return;
      }
      case MEMORY_GROW: {
        int delta = popRegister();
        int result = pushResult(ValType.I32);
        start(Op.MEMORY_GROW_RRX);
        out.emit(result);
        out.emit(delta);
        out.emit(memIndex);
        return;
      }
      default: // MEMORY_FILL
        threeOperands(Op.MEMORY_FILL_RRRX);
        out.emit(memIndex);
    }
  }

  /** Pops three operands and starts {@code op} with them (its index operands follow). */
  private void threeOperands(Op op) {
    int n = register(height - 1);
    int b = register(height - 2);
    int a = register(height - 3);
    height -= 3;
    start(op);
    out.emit(a);
    out.emit(b);
    out.emit(n);
  }

  @Override
  public void memoryCopy(int dstMem, int srcMem) {
    if (reachable) {
      threeOperands(Op.MEMORY_COPY_RRRXX);
      out.emit(dstMem);
      out.emit(srcMem);
    }
  }

  @Override
  public void memoryInit(int dataIndex, int memIndex) {
    if (reachable) {
      threeOperands(Op.MEMORY_INIT_RRRXX);
      out.emit(dataIndex);
      out.emit(memIndex);
    }
  }

  @Override
  public void dataDrop(int dataIndex) {
    if (reachable) {
      start(Op.DATA_DROP_X);
      out.emit(dataIndex);
    }
  }

  @Override
  public void table(Opcode op, int table) {
    if (!reachable) {
      return;
    }
    switch (op) {
      case TABLE_GET: {
        int index = popRegister();
        int result = pushResult(ValType.FUNCREF); // a register's type matters only for constants
        start(Op.TABLE_GET_RRX);
        out.emit(result);
        out.emit(index);
        out.emit(table);
        return;
      }
      case TABLE_SET: {
        int v = register(height - 1);
        int index = register(height - 2);
        height -= 2;
        start(Op.TABLE_SET_RRX);
        out.emit(index);
        out.emit(v);
        out.emit(table);
        return;
      }
      case TABLE_SIZE: {
        int result = pushResult(ValType.I32);
        start(Op.TABLE_SIZE_RX);
        out.emit(result);
        out.emit(table);
        return;
      }
      case TABLE_GROW: {
        int n = register(height - 1);
        int init = register(height - 2);
        height -= 2;
        int result = pushResult(ValType.I32);
        start(Op.TABLE_GROW_RRRX);
        out.emit(result);
        out.emit(init);
        out.emit(n);
        out.emit(table);
        return;
      }
      default: // TABLE_FILL
        threeOperands(Op.TABLE_FILL_RRRX);
        out.emit(table);
    }
  }

  @Override
  public void tableCopy(int dstTable, int srcTable) {
    if (reachable) {
      threeOperands(Op.TABLE_COPY_RRRXX);
      out.emit(dstTable);
      out.emit(srcTable);
    }
  }

  @Override
  public void tableInit(int elemIndex, int table) {
    if (reachable) {
      threeOperands(Op.TABLE_INIT_RRRXX);
      out.emit(elemIndex);
      out.emit(table);
    }
  }

  @Override
  public void elemDrop(int elemIndex) {
    if (reachable) {
      start(Op.ELEM_DROP_X);
      out.emit(elemIndex);
    }
  }

  // ---- calls ----

  @Override
  public void call(Opcode op, int funcIndex, FuncType t) {
    if (!reachable) {
      return;
    }
    int base = span(t.paramCount());
    start(op == Opcode.CALL ? Op.CALL_XR : Op.RETURN_CALL_XR);
    out.emit(funcIndex);
    out.emit(base);
    afterCall(op == Opcode.RETURN_CALL, t);
  }

  @Override
  public void callIndirect(Opcode op, int typeIndex, FuncType t, int tableIndex) {
    if (!reachable) {
      return;
    }
    int index = register(height - 1);
    height--;
    int base = span(t.paramCount()); // the index is a local or the temporary above the span
    start(op == Opcode.CALL_INDIRECT ? Op.CALL_INDIRECT_XXRR : Op.RETURN_CALL_INDIRECT_XXRR);
    out.emit(typeIndex);
    out.emit(tableIndex);
    out.emit(base);
    out.emit(index);
    afterCall(op == Opcode.RETURN_CALL_INDIRECT, t);
  }

  private void afterCall(boolean tail, FuncType t) {
    noTakeBack();
    height -= t.paramCount();
    if (tail) {
      reachable = false;
      return;
    }
    for (int i = 0; i < t.resultCount(); i++) {
      pushResult(t.result(i));
    }
  }

  // ---- structured control ----

  @Override
  public void block(Opcode op, FuncType blockType) {
    if (!reachable) {
      pushFrame(BLOCK, blockType); // kept only to match the end that closes it
      return;
    }
    if (op == Opcode.IF) {
      popCondition();
    }
    // Locals still on the stack are copied out now, so later preservation copies never have to
    // run on only one path; block parameters move into their own slots' registers.
    int params = height - blockType.paramCount();
    for (int slot = Math.min(firstLoose, params); slot < height; slot++) {
      if (readsALocal(slot) || slot >= params) {
        materialize(slot);
      }
    }
    firstLoose = height;
    if (op == Opcode.LOOP) {
      // open loops only, inside out; they start in nesting order, so none outside one that
      // began earlier begins here, and one already marked had those outside it marked with it
      // (a deep nest of loops and blocks was quadratic to translate)
      for (int g = innermostLoop(frames - 1); g > 0 && firstOwnInstruction(g) >= out.position();
          g = frameOuterLoop[g]) {
        if (out.position() == firstOwnInstruction(g)) {
          if (frameHeadShared[g]) {
            break;
          }
          frameHeadShared[g] = true;
        }
      }
    }
    pushFrame(op == Opcode.BLOCK ? BLOCK : op == Opcode.LOOP ? LOOP : IF, blockType);
    if (op == Opcode.LOOP) {
      loops++;
    }
    if (op == Opcode.LOOP && countLoops) {
      start(Op.COUNT_LOOP); // the loop's start (after its test if rotated): every pass runs it
    }
    if (op == Opcode.IF) {
      frameElseFixup[frames - 1] = branchOnCondition(false);
    }
    noTakeBack();
  }

  @Override
  public void elseBranch() {
    int f = frames - 1;
    if (reachable) {
      int results = frameType[f].resultCount();
      for (int i = 0; i < results; i++) {
        materialize(height - results + i);
      }
      addFixup(f, ~forwardBr()); // a br: may become a return (see threadJumpsHere)
      frameBranchedTo[f] = true; // the end is reached from the then-arm
    }
    if (frameElseFixup[f] >= 0) {
      out.patch(frameElseFixup[f], out.position());
      reachable = true;
    }
    frameElseFixup[f] = -1;
    frameKind[f] = ELSE;
    height = frameHeight[f];
    for (int i = 0; i < frameType[f].paramCount(); i++) {
      pushResult(frameType[f].param(i));
    }
    noTakeBack();
  }

  @Override
  public void end() {
    int f = frames - 1;
    if (frameKind[f] == FUNCTION) {
      if (reachable) {
        emitReturn();
      }
      frames--;
      reachable = false;
      return;
    }
    int results = frameType[f].resultCount();
    if (reachable) {
      for (int i = 0; i < results; i++) {
        materialize(height - results + i);
      }
    }
    boolean onlyBrs = frameElseFixup[f] < 0;
    if (frameElseFixup[f] >= 0) {
      out.patch(frameElseFixup[f], out.position()); // an if without else: false goes here
    }
    for (int i = 0; i < frameFixupCount[f]; i++) {
      int slot = frameFixups[f][i];
      if (slot < 0) { // the target of a br
        slot = ~slot;
        jumpHere(slot);
      } else {
        onlyBrs = false;
      }
      out.patch(slot, out.position());
    }
    int fallThrough = reachable && onlyBrs ? instructionBefore() : -1;
    boolean reachableAfter = reachable || frameBranchedTo[f] || frameElseFixup[f] >= 0;
    if (frameKind[f] == LOOP) {
      loops--;
    }
    height = frameHeight[f];
    for (int i = 0; i < results; i++) {
      pushResult(frameType[f].result(i));
    }
    frames--;
    reachable = reachableAfter;
    noTakeBack();
    fallThroughStart = fallThrough;
    fallThroughPosition = out.position();
  }

  @Override
  public void br(Opcode op, int depth) {
    if (!reachable) {
      return;
    }
    int f = frames - 1 - depth;
    if (op == Opcode.BR) {
      branch(f);
      reachable = false;
      return;
    }
    if (kind[height - 1] == CONST) { // br_if on a constant: always or never taken
      long taken = value[height - 1];
      height--;
      if (taken != 0) {
        branch(f);
      }
      reachable = true;
      noTakeBack();
      return;
    }
    popCondition();
    if (frameKind[f] == FUNCTION || !valuesInPlace(f)) {
      int skip = branchOnCondition(false); // skip the moves and the branch when false
      branch(f);
      out.patch(skip, out.position());
      reachable = true;
    } else {
      target(f, branchOnCondition(true));
    }
    noTakeBack();
  }

  @Override
  public void brTable(int[] depths, int defaultDepth) {
    if (!reachable) {
      return;
    }
    int index = popRegister();
    int n = depths.length + 1;
    start(Op.BR_TABLE_RI);
    out.emit(index);
    out.emit(n);
    int first = out.position();
    for (int i = 0; i < n; i++) {
      out.emit(-1);
    }
    int[] pads = new int[frames]; // per frame: its landing pad, once emitted
    Arrays.fill(pads, -1);
    for (int i = 0; i < n; i++) {
      int f = frames - 1 - (i < depths.length ? depths[i] : defaultDepth);
      if (frameKind[f] != FUNCTION && valuesInPlace(f)) {
        target(f, first + i);
        continue;
      }
      if (pads[f] < 0) {
        pads[f] = out.position();
        branch(f); // moves the values and jumps (or returns)
      }
      out.patch(first + i, pads[f]);
    }
    reachable = false;
  }

  /** Moves the values frame {@code f}'s label carries into place and jumps there. */
  private void branch(int f) {
    if (frameKind[f] == FUNCTION) {
      emitReturn();
      return;
    }
    int n = labelArity(f);
    for (int i = 0; i < n; i++) {
      moveTo(height - n + i, labelReg(f, i));
    }
    if (frameKind[f] == LOOP && rotate(f)) {
      return;
    }
    int slot = forwardBr();
    if (frameKind[f] == LOOP) {
      out.patch(slot, frameStart[f]);
    } else {
      frameBranchedTo[f] = true;
      addFixup(f, ~slot); // a br: may become a return (see threadJumpsHere)
    }
  }

  /**
   * Loop rotation, for a jump back to loop {@code f} whose first instruction is a conditional
   * branch (a top-tested loop: {@code loop (br_if $exit (cond)) ... (br $loop)}): the jump runs
   * that test itself, negated, and goes on after the loop's test when it holds; else it jumps
   * where the test would have. A pass through the loop then takes one branch instead of two.
   * With {@link Op#COUNT_LOOP}, the loop's {@code count_loop} moves after its test (on the first
   * rotation), where every pass through the rotated loop passes it; so the code is the same as
   * without {@code count_loop}s but for those, which cost no fuel: executors that count loops and
   * those that do not consume the same fuel (see {@link Instrumenter}). Never for a loop whose
   * head is an inner loop's where code with {@code count_loop}s must be alike (that would have to
   * move the inner loop's {@code count_loop} too) or whose test jumps to its head itself (which
   * would then skip the {@code count_loop}), nor without {@code rotateLoops}.
   */
  private boolean rotate(int f) {
    int head = frameStart[f];
    boolean counted = countLoops && out.get(head) == Op.COUNT_LOOP.ordinal();
    int testAt = counted ? firstOwnInstruction(f) : head; // the loop's test, if it starts with one
    if (!rotateLoops || (frameHeadShared[f] && alikeWithCounts) || testAt >= out.position()) {
      return false;
    }
    Op test = Op.of(out.get(testAt));
    Op negated = NEGATED_BRANCH.get(test);
    if (negated == null || (alikeWithCounts && out.get(testAt + test.size() - 1) == head)) {
      return false;
    }
    if (counted) { // [count_loop][test] -> [test][count_loop]
      for (int i = 0; i < test.size(); i++) {
        out.patch(head + i, out.get(testAt + i));
      }
      out.patch(head + test.size(), Op.COUNT_LOOP.ordinal());
      moveSlot(head + test.size(), head + test.size() - 1);
    }
    int last = head + test.size() - 1; // the test's target
    start(negated);
    for (int i = head + 1; i < last; i++) {
      out.emit(out.get(i));
    }
    out.emit(last + 1);
    start(Op.BR_T);
    int exit = out.emit(out.get(last));
    if (sameTargets == sameTarget.length) {
      sameTarget = Arrays.copyOf(sameTarget, sameTargets * 2);
    }
    sameTarget[sameTargets++] = exit;
    sameTarget[sameTargets++] = last;
    return true;
  }

  /** Frame {@code f} if it is a loop, else the loop it is in (0 if none). */
  private int innermostLoop(int f) {
    return frameKind[f] == LOOP ? f : frameOuterLoop[f];
  }

  /** Where loop {@code f}'s own first instruction goes or went: after its {@code count_loop}, if any. */
  private int firstOwnInstruction(int f) {
    return frameStart[f] + (countLoops ? Op.COUNT_LOOP.size() : 0);
  }

  /** A branch target slot moved from {@code from} to {@code to}: the fixups waiting on it follow. */
  private void moveSlot(int from, int to) {
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < frameFixupCount[f]; i++) {
        if (frameFixups[f][i] == from) {
          frameFixups[f][i] = to;
        }
      }
      if (frameElseFixup[f] == from) {
        frameElseFixup[f] = to;
      }
    }
    for (int i = 0; i < sameTargets; i++) {
      if (sameTarget[i] == from) {
        sameTarget[i] = to;
      }
    }
  }

  private void target(int f, int slot) {
    if (frameKind[f] == LOOP) {
      out.patch(slot, frameStart[f]);
    } else {
      frameBranchedTo[f] = true;
      addFixup(f, slot);
    }
  }

  private boolean valuesInPlace(int f) {
    int n = labelArity(f);
    for (int i = 0; i < n; i++) {
      int slot = height - n + i;
      if (kind[slot] >= CONST || value[slot] != labelReg(f, i)) {
        return false;
      }
    }
    return true;
  }

  private int labelArity(int f) {
    return frameKind[f] == LOOP ? frameType[f].paramCount() : frameType[f].resultCount();
  }

  /**
   * Pops the i32 condition of {@code br_if}/{@code if}. If the last instruction computed it with
   * an integer compare, that instruction is taken back and fused into the branch; so is a bit
   * test ({@code i32.and} with a constant, and the {@code i32.eqz} of one). Only the top entry's
   * temporary is taken back, which nothing but the branch reads.
   */
  private void popCondition() {
    int top = height - 1;
    Op last = topIsLastResult() ? Op.of(out.get(lastStart)) : null;
    Opcode w = last == null ? null : last.wasm();
    boolean eqzOfBitTest = last == Op.I32_EQZ_RR && bitTestBeforeEqz >= 0
        && bitTestBeforeEqz + Op.I32_AND_RRI.size() == lastStart
        && out.get(bitTestBeforeEqz) == Op.I32_AND_RRI.ordinal()
        && out.get(bitTestBeforeEqz + 1) == out.get(lastStart + 2);
    condShift = -1;
    if (last == Op.I32_AND_RRI || eqzOfBitTest) {
      int and = eqzOfBitTest ? bitTestBeforeEqz : lastStart;
      condCompare = Opcode.I32_AND;
      condNoBitSet = eqzOfBitTest;
      condA = out.get(and + 2);
      condB = out.get(and + 3);
      condImmediate = true;
      int shift = shiftBeforeAnd;
      if (shift >= 0 && shift + Op.I32_SHR_U_RRR.size() == and
          && out.get(shift) == Op.I32_SHR_U_RRR.ordinal() && out.get(shift + 1) == condA) {
        condA = out.get(shift + 2);
        condShift = out.get(shift + 3);
        and = shift;
      }
      takeBack(and);
    } else if (w == Opcode.I32_EQZ || w == Opcode.I64_EQZ
        || (w != null && NEGATION.containsKey(w) && (last.shape().equals("drr") || last.shape().equals("dri")))) {
      condCompare = w;
      condA = out.get(lastStart + 2);
      condImmediate = last.shape().equals("dri");
      condB = last.shape().length() == 3 ? out.get(lastStart + 3) : 0;
      takeBack(lastStart);
    } else {
      condCompare = null;
      condA = register(top);
    }
    condAdd = -1;
    condCopy = -1;
    int add = localWriteStart;
    if (add >= 0 && localWriteEnd == out.position() && add + Op.COPY_RR.size() == localWriteEnd
        && out.get(add) == Op.COPY_RR.ordinal() && (condCompare == null || condCompare == Opcode.I32_EQZ)) {
      condCopy = add; // the copy goes first: a branch on its destination reads what it copied
    }
    if (add >= 0 && localWriteEnd == out.position() && add + Op.I32_ADD_RRI.size() == localWriteEnd
        && out.get(add) == Op.I32_ADD_RRI.ordinal()) {
      int d = out.get(add + 1); // a local: the add stays, fused with the branch on it
      Opcode w2 = condCompare;
      if (w2 == null ? kind[top] == LOCAL && condA == d
          : w2 == Opcode.I32_EQZ ? condA == d
          : (w2 == Opcode.I32_EQ || w2 == Opcode.I32_NE) && !condImmediate && (condA == d || condB == d)) {
        if (condA != d) { // a symmetric compare: the add's result first
          condB = condA;
          condA = d;
        }
        condAdd = add;
      }
    }
    height--;
  }

  /** Emits a branch taken when the popped condition is {@code whenTrue}; returns its target slot. */
  private int branchOnCondition(boolean whenTrue) {
    Opcode w = condCompare;
    if (condAdd >= 0 && out.position() == condAdd + Op.I32_ADD_RRI.size()) {
      boolean nonZero = w == null ? whenTrue : w == Opcode.I32_EQZ && !whenTrue;
      boolean notEqual = w == Opcode.I32_NE ? whenTrue : w == Opcode.I32_EQ && !whenTrue;
      if (nonZero || notEqual) {
        int add = condAdd;
        int d = out.get(add + 1);
        int r = out.get(add + 2);
        int imm = out.get(add + 3);
        takeBack(add);
        start(nonZero ? Op.I32_ADD_BR_NEZ_RRIT : Op.I32_ADD_BR_NE_RRIRT);
        out.emit(d);
        out.emit(r);
        out.emit(imm);
        if (notEqual) {
          out.emit(condB);
        }
        return out.emit(-1);
      }
    }
    if (w == null || w == Opcode.I32_EQZ || w == Opcode.I64_EQZ) {
      boolean zero = (w != null) == whenTrue; // branch when the i32/i64 is zero
      if (condCopy >= 0 && out.position() == condCopy + Op.COPY_RR.size()) {
        int d = out.get(condCopy + 1);
        int s = out.get(condCopy + 2);
        takeBack(condCopy);
        start(zero ? Op.COPY_BR_EQZ_RRRT : Op.COPY_BR_NEZ_RRRT);
        out.emit(d);
        out.emit(s);
        out.emit(condA);
        return out.emit(-1);
      }
      start(w == Opcode.I64_EQZ
          ? (zero ? Op.BR_I64_EQZ_RT : Op.BR_I64_NEZ_RT)
          : (zero ? Op.BR_EQZ_RT : Op.BR_NEZ_RT));
      out.emit(condA);
      return out.emit(-1);
    }
    if (w == Opcode.I32_AND) {
      boolean anySet = whenTrue != condNoBitSet;
      if (condShift >= 0) {
        start(anySet ? Op.BR_I32_SHR_U_AND_NEZ_RRIT : Op.BR_I32_SHR_U_AND_EQZ_RRIT);
        out.emit(condA);
        out.emit(condShift);
      } else {
        start(anySet ? Op.BR_I32_AND_NEZ_RIT : Op.BR_I32_AND_EQZ_RIT);
        out.emit(condA);
      }
      out.emit(condB);
      return out.emit(-1);
    }
    if (!whenTrue) {
      w = NEGATION.get(w);
    }
    start((condImmediate ? BRANCH_RI : BRANCH_RR).get(w));
    out.emit(condA);
    out.emit(condB);
    return out.emit(-1);
  }

  private void pushFrame(int frameKindValue, FuncType t) {
    if (frames == frameKind.length) {
      int n = frames * 2;
      frameKind = Arrays.copyOf(frameKind, n);
      frameHeight = Arrays.copyOf(frameHeight, n);
      frameType = Arrays.copyOf(frameType, n);
      frameStart = Arrays.copyOf(frameStart, n);
      frameHeadShared = Arrays.copyOf(frameHeadShared, n);
      frameOuterLoop = Arrays.copyOf(frameOuterLoop, n);
      frameElseFixup = Arrays.copyOf(frameElseFixup, n);
      frameBranchedTo = Arrays.copyOf(frameBranchedTo, n);
      frameFixups = Arrays.copyOf(frameFixups, n);
      frameFixupCount = Arrays.copyOf(frameFixupCount, n);
    }
    frameKind[frames] = frameKindValue;
    frameHeight[frames] = Math.max(0, height - t.paramCount()); // height is 0 in dead code
    frameType[frames] = t;
    frameStart[frames] = out.position();
    frameHeadShared[frames] = false;
    frameOuterLoop[frames] = frames == 0 ? 0 : innermostLoop(frames - 1);
    frameElseFixup[frames] = -1;
    frameBranchedTo[frames] = false;
    frameFixupCount[frames] = 0;
    frames++;
  }

  /** True if the last {@code copy} emitted ({@link #copyStart}) ends where the code ends now. */
  private boolean copyJustBefore() {
    return copyStart >= 0 && copyStart + Op.COPY_RR.size() == out.position();
  }

  /**
   * Emits a {@code br} whose target is patched later, and returns its target slot; notes the
   * {@code copy} right before it, if any (see {@link #threadJumpsHere}).
   */
  private int forwardBr() {
    boolean afterCopy = copyJustBefore();
    start(Op.BR_T);
    int slot = out.emit(-1);
    if (afterCopy) {
      if (brsAfterCopyCount == brsAfterCopy.length) {
        brsAfterCopy = Arrays.copyOf(brsAfterCopy, brsAfterCopyCount * 2);
      }
      brsAfterCopy[brsAfterCopyCount++] = slot;
    }
    return slot;
  }

  private void addFixup(int f, int slot) {
    if (frameFixups[f] == null) {
      frameFixups[f] = new int[4];
    } else if (frameFixupCount[f] == frameFixups[f].length) {
      frameFixups[f] = Arrays.copyOf(frameFixups[f], frameFixupCount[f] * 2);
    }
    frameFixups[f][frameFixupCount[f]++] = slot;
  }

  /**
   * Returns the function's results from the top of the stack. Leaves the stack entries as they
   * are, since a conditional return ({@code br_if}, {@code br_table}) runs on one path only.
   */
  private void emitReturn() {
    int results = function.resultCount();
    if (results == 0) {
      threadJumpsHere(Op.RETURN, 0);
      start(Op.RETURN);
      return;
    }
    int top = height - 1;
    if (results == 1 && type[top] != ValType.V128) {
      int reg = kind[top] >= CONST ? tempOf(top) : (int) value[top];
      moveTo(top, reg);
      threadJumpsHere(Op.RETURN_R, reg);
      // copy reg <- src; return reg: return src
      if (copyJustBefore() && out.get(copyStart + 1) == reg) {
        if (lastStart == copyStart || localWriteStart == copyStart) { // no label since: it goes
          int src = out.get(copyStart + 2);
          takeBack(copyStart);
          reg = src;
        } else { // a label between: the copy returns, the return stays for the jumps to it
          returnInstead(copyStart);
        }
      }
      reg = resultIntoFirst(reg);
      start(Op.RETURN_R);
      out.emit(reg);
      return;
    }
    for (int slot = height - results; slot < height; slot++) {
      moveTo(slot, tempOf(slot));
    }
    start(Op.RETURN_SPAN_RI);
    out.emit(tempOf(height - results));
    out.emit(tempOf(height) - tempOf(height - results)); // registers: a v128 counts two
  }

  /**
   * For a {@code return reg} about to be emitted, of the one result: if the instruction right
   * before it computed {@code reg} (a temporary) and nothing else reaches the return, that
   * instruction writes register 0 instead and 0 is returned: {@code r1 <- i32.add r1 r2; return
   * r1} becomes {@code r0 <- i32.add r1 r2; return r0}. The return's copy then has nothing to
   * move, which the interpreter skips (a store and a reload the caller's next read of the result
   * waited for). Register 0 is local 0's, dead at a return; an instruction reads its operands
   * before it writes its result. Only when local 0 has the result's type: a register keeps one
   * type, so {@code asm} keeps an i32 local that a loop counts with in an {@code int} (an i64
   * result written there would make it a {@code long}), and without locals register 0 is a
   * temporary some other value may use.
   */
  private int resultIntoFirst(int reg) {
    if (reg == 0 || firstLocalType != function.result(0)) {
      return reg;
    }
    boolean jumpsLeft = jumpsHerePosition == out.position() && jumpsHereCount > 0;
    int at = jumpsLeft ? -1 : instructionBefore();
    if (at < 0) {
      return reg;
    }
    Op op = Op.of(out.get(at));
    if (!op.hasResult() || !op.fallsThrough() || op.shape().indexOf('t') >= 0
        || op.shape().charAt(0) != 'd' || at + op.size() != out.position()
        || out.get(at + 1) != reg) {
      return reg;
    }
    out.patch(at + 1, 0);
    return 0;
  }

  /**
   * The code index of the instruction that falls through to the current end of the code, with
   * nothing else reaching it but {@code br}s a return here takes over: the last instruction if no
   * label came after it, else an inner block end's ({@link #fallThroughStart}); or -1.
   */
  private int instructionBefore() {
    return lastStart >= 0 ? lastStart
        : fallThroughPosition == out.position() ? fallThroughStart : -1;
  }

  /** Notes that the {@code br} whose target is in {@code slot} jumps to the current end of the code. */
  private void jumpHere(int slot) {
    if (jumpsHerePosition != out.position()) {
      jumpsHerePosition = out.position();
      jumpsHereCount = 0;
    }
    if (jumpsHereCount == jumpsHere.length) {
      jumpsHere = Arrays.copyOf(jumpsHere, jumpsHereCount * 2);
    }
    jumpsHere[jumpsHereCount++] = slot;
  }

  /**
   * Jump threading, for a return about to be emitted: a {@code br} to it becomes the return
   * itself ({@code RETURN_R r} takes the br's two slots; {@code RETURN} is followed by an
   * {@code UNREACHABLE} that never runs). The then-arm of an {@code if} with a result, which ends
   * in a {@code br} over the else-arm to the function's return, returns at once.
   */
  private void threadJumpsHere(Op ret, int reg) {
    if (jumpsHerePosition != out.position()) {
      return;
    }
    for (int i = 0; i < jumpsHereCount; i++) {
      int slot = jumpsHere[i];
      out.patch(slot - 1, ret.ordinal());
      out.patch(slot, ret == Op.RETURN_R ? reg : Op.UNREACHABLE.ordinal());
      int copy = slot - Op.BR_T.size() + 1 - Op.COPY_RR.size(); // if one is right before
      if (ret == Op.RETURN_R && Arrays.binarySearch(brsAfterCopy, 0, brsAfterCopyCount, slot) >= 0
          && out.get(copy) == Op.COPY_RR.ordinal() && out.get(copy + 1) == reg) {
        returnInstead(copy);
      }
    }
    jumpsHereCount = 0;
  }

  /**
   * Copy elision: the {@code copy d <- s} at {@code copy}, which falls through to a {@code return
   * d}, becomes {@code return s} (the copy's last slot an {@code unreachable} that never runs).
   * An if's or a block's result returned at once is then one op instead of two, as Wasmi elides
   * such copies. The {@code return d} stays where it is for whatever jumps to it.
   */
  private void returnInstead(int copy) {
    int src = out.get(copy + 2);
    out.patch(copy, Op.RETURN_R.ordinal());
    out.patch(copy + 1, src);
    out.patch(copy + 2, Op.UNREACHABLE.ordinal());
  }

  // ---- SIMD ----

  /**
   * Emits SIMD op {@code op}: its register operands popped in order, its result (if any) pushed,
   * then {@code immediates} 32-bit immediates from {@code imm} (lane index; offset then lane).
   */
  private void simd(Op op, int immediates, long imm) {
    String shape = op.shape();
    int sources = 0;
    for (int i = 0; i < shape.length(); i++) {
      char c = shape.charAt(i);
      sources += c == 'r' || c == 'v' ? 1 : 0;
    }
    int first = height - sources;
    int[] regs = new int[sources];
    for (int i = 0; i < sources; i++) {
      regs[i] = register(first + i);
    }
    height = first;
    int result = op.hasResult() ? pushResult(op.wasm().results()[0]) : -1;
    start(op);
    if (result >= 0) {
      out.emit(result);
    }
    for (int r : regs) {
      out.emit(r);
    }
    for (int i = 0; i < immediates; i++) {
      out.emit((int) (imm >>> (32 * i)));
    }
  }

  @Override
  public void v128Const(long low, long high) {
    if (reachable) {
      int result = pushResult(ValType.V128);
      start(Op.V128_CONST_VLL);
      out.emit(result);
      out.emit64(low);
      out.emit64(high);
    }
  }

  @Override
  public void memoryLane(Opcode op, int mem, int align, long offset, int lane) {
    if (reachable) {
      simd((mem == 0 ? SIMD_FORM : SIMD_X_FORM).get(op), 2, (offset & 0xFFFFFFFFL) | (long) lane << 32);
      if (mem != 0) {
        out.emit(mem);
      }
    }
  }

  @Override
  public void lane(Opcode op, int lane) {
    if (reachable) {
      simd(SIMD_FORM.get(op), 1, lane);
    }
  }

  @Override
  public void shuffle(byte[] lanes) {
    if (reachable) {
      simd(Op.I8X16_SHUFFLE_VVVLL, 0, 0);
      long lo = 0;
      long hi = 0;
      for (int i = 0; i < 8; i++) {
        lo |= (lanes[i] & 0xFFL) << (8 * i);
        hi |= (lanes[i + 8] & 0xFFL) << (8 * i);
      }
      out.emit64(lo);
      out.emit64(hi);
    }
  }
}
