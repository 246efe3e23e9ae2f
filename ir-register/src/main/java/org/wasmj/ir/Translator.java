package org.wasmj.ir;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;
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
 * where an immediate variant exists, else a {@code const} into a temporary. Before a local is
 * overwritten, stack entries that still refer to it are copied out (preserved).
 *
 * <pre>{@code
 * CompiledFunction f = new Translator().translate(validator.functionValidator(), 0);
 * System.out.print(f); // @0: r0 <- i32.add r0 r1 ...
 * }</pre>
 *
 * <p><b>Scope today:</b> locals, constants, every scalar numeric instruction, {@code drop},
 * {@code return}, {@code unreachable}, {@code nop}, and structured control flow ({@code block},
 * {@code loop}, {@code if}/{@code else}, {@code br}, {@code br_if}), {@code select}, globals, and loads, stores, size, grow and fill
 * of memory 0. {@code br_table}, calls, other memories, bulk copies and tables are the next step
 * (issue 3); until then they fail with
 * {@link UnsupportedOperationException} (the translator is not yet reachable from any public API).
 *
 * @implNote Not thread-safe; reusable across functions, one per thread.
 */
public final class Translator implements InstructionVisitor {
  private static final int LOCAL = 0;
  private static final int TEMP = 1;
  private static final int CONST = 2;

  /** Wasm numeric opcode → its register form, and (where one exists) its immediate form. */
  private static final Map<Opcode, Op> REGISTER_FORM = new EnumMap<>(Opcode.class);
  private static final Map<Opcode, Op> IMMEDIATE_FORM = new EnumMap<>(Opcode.class);

  static {
    for (Op op : Op.values()) {
      String name = op.name();
      if (name.endsWith("_RRI")) {
        IMMEDIATE_FORM.put(Opcode.valueOf(name.substring(0, name.length() - 4)), op);
      } else if (name.endsWith("_RR") || name.endsWith("_RRR")) {
        String wasm = name.substring(0, name.lastIndexOf('_'));
        if (!wasm.equals("COPY") && !wasm.equals("RETURN")) {
          REGISTER_FORM.put(Opcode.valueOf(wasm), op);
        }
      }
    }
  }

  private final CodeWriter out = new CodeWriter();
  private int[] kind = new int[16];
  private long[] value = new long[16]; // register, or the constant's bits
  private ValType[] type = new ValType[16];
  private int height;
  private int maxHeight;
  private int locals;
  private FuncType function;
  private int lastResultSlot = -1; // code index of the result operand of the last instruction
  private boolean reachable;

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
  private int[] frameElseFixup = new int[8]; // if: the slot of its branch to else/end, else -1
  private boolean[] frameBranchedTo = new boolean[8];
  private int[][] frameFixups = new int[8][]; // slots to patch with the frame's end
  private int[] frameFixupCount = new int[8];
  private int frames;

  /** Validates and translates defined function {@code definedIndex} in one pass. */
  public CompiledFunction translate(FunctionValidator validator, int definedIndex) {
    validator.validate(definedIndex, this);
    return new CompiledFunction(out.toArray(), locals + maxHeight, function.paramCount());
  }

  @Override
  public void beginFunction(int funcIndex, FuncType type, ValType[] declaredLocals) {
    out.reset();
    function = type;
    locals = type.paramCount() + declaredLocals.length;
    height = 0;
    maxHeight = 0;
    lastResultSlot = -1;
    reachable = true;
    frames = 0;
    pushFrame(FUNCTION, type);
  }

  @Override
  public void endFunction() {}

  // ---- the simulated value stack ----

  private void push(int k, long v, ValType t) {
    if (height == kind.length) {
      kind = Arrays.copyOf(kind, height * 2);
      value = Arrays.copyOf(value, height * 2);
      type = Arrays.copyOf(type, height * 2);
    }
    kind[height] = k;
    value[height] = v;
    type[height] = t;
    height++;
    maxHeight = Math.max(maxHeight, height);
  }

  private int tempOf(int slot) {
    return locals + slot;
  }

  /** The register holding stack entry {@code slot}, materializing a constant into its temporary. */
  private int register(int slot) {
    if (kind[slot] == CONST) {
      int reg = tempOf(slot);
      constant(reg, value[slot], type[slot]);
      kind[slot] = TEMP;
      value[slot] = reg;
    }
    return (int) value[slot];
  }

  private void constant(int reg, long bits, ValType t) {
    if (t == ValType.I64 || t == ValType.F64) {
      out.op(Op.CONST64_RL);
      out.emit(reg);
      out.emit64(bits);
    } else {
      out.op(Op.CONST32_RI);
      out.emit(reg);
      out.emit((int) bits);
    }
    lastResultSlot = -1;
  }

  /** Copies out stack entries that read local {@code index} before it is overwritten. */
  private void preserve(int index) {
    for (int slot = 0; slot < height; slot++) {
      if (kind[slot] == LOCAL && value[slot] == index) {
        int reg = tempOf(slot);
        copy(reg, index);
        kind[slot] = TEMP;
        value[slot] = reg;
      }
    }
  }

  private void copy(int dst, int src) {
    out.op(Op.COPY_RR);
    out.emit(dst);
    out.emit(src);
    lastResultSlot = -1;
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
        out.op(Op.UNREACHABLE);
        reachable = false;
        return;
      case RETURN:
        emitReturn();
        return;
      default:
        numeric(op);
    }
  }

  private void numeric(Opcode op) {
    Op form = REGISTER_FORM.get(op);
    if (form == null) {
      throw notYet(op.text());
    }
    int arity = op.params().length;
    int first = height - arity;
    Op immediate = IMMEDIATE_FORM.get(op);
    boolean useImmediate = immediate != null && kind[height - 1] == CONST;
    int[] sources = new int[arity];
    for (int i = 0; i < arity; i++) {
      sources[i] = useImmediate && i == arity - 1 ? 0 : register(first + i);
    }
    height = first;
    int result = tempOf(height);
    out.op(useImmediate ? immediate : form);
    int resultSlot = out.emit(result);
    for (int i = 0; i < arity; i++) {
      if (useImmediate && i == arity - 1) {
        long bits = value[first + i];
        if (immediate.operands().endsWith("l")) {
          out.emit64(bits);
        } else {
          out.emit((int) bits);
        }
      } else {
        out.emit(sources[i]);
      }
    }
    push(TEMP, result, op.results()[0]);
    lastResultSlot = resultSlot;
  }

  @Override
  public void local(Opcode op, int index, ValType t) {
    if (!reachable) {
      return;
    }
    if (op == Opcode.LOCAL_GET) {
      push(LOCAL, index, t);
      lastResultSlot = -1;
      return;
    }
    preserve(index);
    int top = height - 1;
    if (kind[top] == TEMP && lastResultSlot >= 0 && value[top] == tempOf(top)) {
      out.patch(lastResultSlot, index); // the producing op writes the local directly
    } else if (kind[top] == CONST) {
      constant(index, value[top], type[top]);
    } else if (value[top] != index) {
      copy(index, (int) value[top]);
    }
    lastResultSlot = -1;
    height--;
    if (op == Opcode.LOCAL_TEE) {
      push(LOCAL, index, t);
    }
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

  private void pushConstant(long bits, ValType t) {
    if (reachable) {
      push(CONST, bits, t);
    }
  }

  @Override
  public void select(ValType t) {
    if (!reachable) {
      return;
    }
    if (t == ValType.V128) {
      throw notYet("select of v128");
    }
    int cond = register(height - 1);
    int ifFalse = register(height - 2);
    int ifTrue = register(height - 3);
    height -= 3;
    int result = tempOf(height);
    out.op(Op.SELECT_RRRR);
    int resultSlot = out.emit(result);
    out.emit(ifTrue);
    out.emit(ifFalse);
    out.emit(cond);
    push(TEMP, result, t);
    lastResultSlot = resultSlot;
  }

  @Override
  public void global(Opcode op, int index, ValType t) {
    if (!reachable) {
      return;
    }
    if (op == Opcode.GLOBAL_GET) {
      int result = tempOf(height);
      out.op(Op.GLOBAL_GET);
      int resultSlot = out.emit(result);
      out.emit(index);
      push(TEMP, result, t);
      lastResultSlot = resultSlot;
    } else {
      int value = register(height - 1);
      height--;
      out.op(Op.GLOBAL_SET);
      out.emit(index);
      out.emit(value);
      lastResultSlot = -1;
    }
  }

  @Override
  public void memory(Opcode op, int memIndex, int align, long offset) {
    if (!reachable) {
      return;
    }
    if (memIndex != 0 || op.prefix() != 0) {
      throw notYet(op.text() + (memIndex != 0 ? " on memory " + memIndex : ""));
    }
    Op ir = Op.valueOf(op.name());
    if (op.results().length == 1) { // a load
      int base = register(height - 1);
      height--;
      int result = tempOf(height);
      out.op(ir);
      int resultSlot = out.emit(result);
      out.emit(base);
      out.emit((int) offset);
      push(TEMP, result, op.results()[0]);
      lastResultSlot = resultSlot;
    } else {
      int value = register(height - 1);
      int base = register(height - 2);
      height -= 2;
      out.op(ir);
      out.emit(base);
      out.emit(value);
      out.emit((int) offset);
      lastResultSlot = -1;
    }
  }

  @Override
  public void memoryIndex(Opcode op, int memIndex) {
    if (!reachable) {
      return;
    }
    if (memIndex != 0) {
      throw notYet(op.text() + " on memory " + memIndex);
    }
    if (op == Opcode.MEMORY_FILL) {
      int len = register(height - 1);
      int val = register(height - 2);
      int dst = register(height - 3);
      height -= 3;
      out.op(Op.MEMORY_FILL);
      out.emit(dst);
      out.emit(val);
      out.emit(len);
      lastResultSlot = -1;
      return;
    }
    int delta = op == Opcode.MEMORY_GROW ? register(height - 1) : -1;
    if (delta >= 0) {
      height--;
    }
    int result = tempOf(height);
    out.op(op == Opcode.MEMORY_GROW ? Op.MEMORY_GROW : Op.MEMORY_SIZE);
    int resultSlot = out.emit(result);
    if (delta >= 0) {
      out.emit(delta);
    }
    push(TEMP, result, ValType.I32);
    lastResultSlot = resultSlot;
  }

  @Override
  public void drop(ValType t) {
    if (reachable) {
      height--;
      lastResultSlot = -1;
    }
  }

  @Override
  public void end() {
    int f = frames - 1;
    if (frameKind[f] == FUNCTION) {
      if (reachable) {
        emitReturn();
      }
      frames--;
      return;
    }
    int results = frameType[f].resultCount();
    if (reachable) {
      for (int i = 0; i < results; i++) {
        materialize(height - results + i);
      }
    }
    if (frameElseFixup[f] >= 0) {
      out.patch(frameElseFixup[f], out.position()); // an if without else: false goes here
    }
    for (int i = 0; i < frameFixupCount[f]; i++) {
      out.patch(frameFixups[f][i], out.position());
    }
    boolean reachableAfter = reachable || frameBranchedTo[f] || frameElseFixup[f] >= 0;
    height = frameHeight[f];
    for (int i = 0; i < results; i++) {
      push(TEMP, tempOf(height), frameType[f].result(i));
    }
    frames--;
    reachable = reachableAfter;
    lastResultSlot = -1;
  }

  @Override
  public void block(Opcode op, FuncType blockType) {
    if (!reachable) {
      pushFrame(BLOCK, blockType); // kept only to match the end that closes it
      frameBranchedTo[frames - 1] = false;
      return;
    }
    int cond = -1;
    if (op == Opcode.IF) {
      if (blockType.paramCount() > 0) {
        throw notYet("if with block parameters");
      }
      cond = register(height - 1);
      height--;
    }
    // Locals still on the stack are copied out now, so later preservation copies never have to
    // run on only one path; block parameters move into their own slots' registers.
    for (int slot = 0; slot < height; slot++) {
      if (kind[slot] == LOCAL || slot >= height - blockType.paramCount()) {
        materialize(slot);
      }
    }
    pushFrame(op == Opcode.BLOCK ? BLOCK : op == Opcode.LOOP ? LOOP : IF, blockType);
    if (cond >= 0) {
      out.op(Op.BR_EQZ_RT);
      out.emit(cond);
      frameElseFixup[frames - 1] = out.emit(-1);
    }
    lastResultSlot = -1;
  }

  @Override
  public void elseBranch() {
    int f = frames - 1;
    if (reachable) {
      int results = frameType[f].resultCount();
      for (int i = 0; i < results; i++) {
        materialize(height - results + i);
      }
      out.op(Op.BR_T);
      addFixup(f, out.emit(-1));
    }
    if (frameElseFixup[f] >= 0) {
      out.patch(frameElseFixup[f], out.position());
      reachable = true;
    }
    frameElseFixup[f] = -1;
    frameKind[f] = ELSE;
    height = frameHeight[f];
    lastResultSlot = -1;
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
    int cond = register(height - 1);
    height--;
    if (frameKind[f] == FUNCTION || !valuesInPlace(f)) {
      out.op(Op.BR_EQZ_RT); // skip the moves and the branch when the condition is false
      out.emit(cond);
      int skip = out.emit(-1);
      branch(f);
      out.patch(skip, out.position());
      reachable = true;
    } else {
      out.op(Op.BR_NEZ_RT);
      out.emit(cond);
      target(f, out.emit(-1));
    }
    lastResultSlot = -1;
  }

  /** Moves the values frame {@code f}'s label carries into place and jumps there. */
  private void branch(int f) {
    if (frameKind[f] == FUNCTION) {
      emitReturn();
      return;
    }
    int n = labelArity(f);
    for (int i = 0; i < n; i++) {
      moveTo(height - n + i, tempOf(frameHeight[f] + i));
    }
    out.op(Op.BR_T);
    target(f, out.emit(-1));
    lastResultSlot = -1;
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
      if (kind[slot] == CONST || value[slot] != tempOf(frameHeight[f] + i)) {
        return false;
      }
    }
    return true;
  }

  private int labelArity(int f) {
    return frameKind[f] == LOOP ? frameType[f].paramCount() : frameType[f].resultCount();
  }

  /** Emits what puts stack entry {@code slot} into register {@code reg} (nothing if it is there). */
  private void moveTo(int slot, int reg) {
    if (kind[slot] == CONST) {
      constant(reg, value[slot], type[slot]);
    } else if (value[slot] != reg) {
      copy(reg, (int) value[slot]);
    }
  }

  /** Makes stack entry {@code slot} a temporary in its own slot's register. */
  private void materialize(int slot) {
    int reg = tempOf(slot);
    moveTo(slot, reg);
    kind[slot] = TEMP;
    value[slot] = reg;
  }

  private void pushFrame(int frameKindValue, FuncType t) {
    if (frames == frameKind.length) {
      int n = frames * 2;
      frameKind = Arrays.copyOf(frameKind, n);
      frameHeight = Arrays.copyOf(frameHeight, n);
      frameType = Arrays.copyOf(frameType, n);
      frameStart = Arrays.copyOf(frameStart, n);
      frameElseFixup = Arrays.copyOf(frameElseFixup, n);
      frameBranchedTo = Arrays.copyOf(frameBranchedTo, n);
      frameFixups = Arrays.copyOf(frameFixups, n);
      frameFixupCount = Arrays.copyOf(frameFixupCount, n);
    }
    frameKind[frames] = frameKindValue;
    frameHeight[frames] = Math.max(0, height - t.paramCount()); // height is 0 in dead code
    frameType[frames] = t;
    frameStart[frames] = out.position();
    frameElseFixup[frames] = -1;
    frameBranchedTo[frames] = false;
    frameFixupCount[frames] = 0;
    frames++;
  }

  private void addFixup(int f, int slot) {
    if (frameFixups[f] == null) {
      frameFixups[f] = new int[4];
    } else if (frameFixupCount[f] == frameFixups[f].length) {
      frameFixups[f] = Arrays.copyOf(frameFixups[f], frameFixupCount[f] * 2);
    }
    frameFixups[f][frameFixupCount[f]++] = slot;
  }

  private void emitReturn() {
    int results = function.resultCount();
    if (results == 0) {
      out.op(Op.RETURN);
    } else if (results == 1) {
      int reg = register(height - 1);
      out.op(Op.RETURN_R);
      out.emit(reg);
    } else {
      throw notYet("multiple results");
    }
    reachable = false;
  }

  // ---- not translated yet ----

  private static UnsupportedOperationException notYet(String what) {
    return new UnsupportedOperationException("not translated yet: " + what);
  }

  @Override public void brTable(int[] depths, int defaultDepth) { throw notYet("br_table"); }
  @Override public void call(Opcode op, int funcIndex, FuncType t) { throw notYet(op.text()); }
  @Override public void callIndirect(Opcode op, int typeIndex, FuncType t, int table) { throw notYet(op.text()); }
  @Override public void v128Const(long low, long high) { throw notYet("v128.const"); }
  @Override public void memoryLane(Opcode op, int mem, int align, long offset, int lane) { throw notYet(op.text()); }
  @Override public void memoryCopy(int dst, int src) { throw notYet("memory.copy"); }
  @Override public void memoryInit(int data, int mem) { throw notYet("memory.init"); }
  @Override public void dataDrop(int data) { throw notYet("data.drop"); }
  @Override public void table(Opcode op, int table) { throw notYet(op.text()); }
  @Override public void tableCopy(int dst, int src) { throw notYet("table.copy"); }
  @Override public void tableInit(int elem, int table) { throw notYet("table.init"); }
  @Override public void elemDrop(int elem) { throw notYet("elem.drop"); }
  @Override public void refNull(ValType t) { throw notYet("ref.null"); }
  @Override public void refFunc(int funcIndex) { throw notYet("ref.func"); }
  @Override public void lane(Opcode op, int lane) { throw notYet(op.text()); }
  @Override public void shuffle(byte[] lanes) { throw notYet("i8x16.shuffle"); }
}
