package org.wasmj.exec.asm;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;
import java.util.List;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;

/**
 * Compiles one function's register IR to a JVM class: a static method {@code invoke} with the
 * Wasm signature in JVM types (i32 and f32 bits as {@code int}, i64, f64 bits and references as
 * {@code long}, then the instance and the call-depth budget), and a {@code NativeCode} bridge that others
 * call with boxed slots. Every IR instruction's bytecode follows the previous one's, and IR
 * branches become JVM jumps, so nothing is dispatched at run time.
 *
 * <p>Registers are {@code long} locals (i32 values sign-extended): C2 removes the
 * {@code l2i}/{@code i2l} pairs between integer ops and the int/float bit moves between float ops.
 * Loads and stores are inline {@code VarHandle} accesses on memory 0's {@code byte[]}, kept in a
 * local and reloaded after calls and {@code memory.grow}; an access out of bounds throws
 * {@code IndexOutOfBoundsException} (or fails the explicit check a static offset needs), which one
 * handler per method turns into the {@code out of bounds memory access} trap. Calls to the
 * module's own functions are {@code invokestatic}s of their classes, which the module's class
 * loader generates on first resolution. Numeric ops that are one JVM instruction are emitted
 * inline ({@link Emitters}); the others call {@code Semantics}, the same code the interpreter runs.
 *
 * <p>A function whose method would exceed HotSpot's 8,000-byte limit is <em>split</em>: its
 * registers live in a {@code long[]} frame, and its code in several static methods ("chunks")
 * of consecutive instructions, cut preferably outside loops. A chunk copies the registers it
 * uses into locals on entry and the ones it writes back on exit, so inside a chunk the code is as
 * above; a branch out of the chunk returns the id of the entry point it leads to, and
 * {@code invoke} calls the chunk holding that entry. Only functions with tail calls, or
 * with a single instruction too large for a method, are left to the interpreter ({@link Fallback}).
 *
 * @implNote Not thread-safe; one per class generation.
 */
final class FunctionCompiler {
  static final String INSTANCE = "org/wasmj/exec/internal/InstanceState";
  static final String INSTANCE_DESC = "L" + INSTANCE + ";";
  static final String RT = "org/wasmj/exec/asm/rt/Rt";
  static final String NATIVE_CODE = "org/wasmj/exec/internal/NativeCode";
  static final String MEMORY = "org/wasmj/exec/internal/MemoryInstance";
  static final String TABLE = "org/wasmj/exec/internal/TableInstance";
  static final String GLOBAL = "org/wasmj/exec/internal/GlobalInstance";
  static final String FUNCTION = "org/wasmj/exec/internal/FunctionInstance";
  static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
  /** The bootstrap of tiered call sites: {@code Rt.linkCall}. */
  private static final org.objectweb.asm.Handle LINK_CALL = new org.objectweb.asm.Handle(H_INVOKESTATIC,
      RT, "linkCall", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
          + "Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;", false);
  /** The most bytecode HotSpot compiles in one method (HugeMethodLimit). */
  static final int HUGE_METHOD_LIMIT = 8000;

  /** Why a function is left to the interpreter. */
  enum Fallback {
    /** It makes tail calls, which the JVM cannot; the interpreter's are proper. */
    TAIL_CALL,
    /** Even split into chunks, a method would exceed 8,000 bytes (one huge instruction). */
    TOO_LARGE,
  }

  /**
   * The outcome: a class of generated code ({@code chunks} methods; 1 unless split), or a stub
   * that calls the interpreter ({@code fallback} says why).
   */
  record Result(byte[] bytes, Fallback fallback, int chunks) {}

  /** Estimated bytecode per chunk when splitting (well under the limit: the estimate is rough). */
  private static final int CHUNK_BUDGET = 5000;

  /**
   * Tests set this to split every function into chunks of this budget, so that the split form
   * runs the whole spec suite and the differential tests; 0 in production.
   */
  static volatile int forcedChunkBudget;

  final WasmModule module;
  final FuncType type;
  private final String className;
  private final int definedIndex;
  final CompiledFunction ir;
  private final int[] code;
  private MethodVisitor mv;
  int depthSlot;
  private int instSlot;
  private int memSlot;
  private int tmpSlot;
  private int regBase;
  /** Register → its JVM local slot (split mode: only the chunk's registers have one). */
  private int[] slots;
  /** Split mode: the chunk being emitted ({@code [from, to)}), its written registers, its exits. */
  private int chunkFrom;
  private int chunkTo;
  private int[] written;
  private java.util.Map<Integer, Label> exits;
  private int[] entryIds; // pc → global entry id, or -1
  private int regsSlot; // split mode: the long[] frame
  private Label[] labels;
  private Label outOfBounds;
  private final boolean hasMemory;

  /** With tiering, calls go through a mutable call site per callee (see {@link AsmModule}). */
  private final boolean mutableCalls;

  /** The function's name in a trap's backtrace. */
  private final String functionName;

  FunctionCompiler(WasmModule module, String className, int definedIndex, String functionName,
      CompiledFunction ir, boolean mutableCalls) {
    this.mutableCalls = mutableCalls;
    this.functionName = functionName;
    this.module = module;
    this.className = className;
    this.definedIndex = definedIndex;
    this.type = module.functionType(module.importedFunctionCount() + definedIndex);
    this.ir = ir;
    this.code = ir.code();
    this.hasMemory = !module.memories().isEmpty();
  }

  /** The class for the function, or a stub calling the interpreter and the reason. */
  Result compile() {
    if (hasTailCalls()) {
      return new Result(generate(Mode.STUB, null), Fallback.TAIL_CALL, 0);
    }
    int forced = forcedChunkBudget;
    if (forced > 0) {
      try {
        List<int[]> chunks = Chunks.plan(this, forced);
        return new Result(generate(Mode.SPLIT, chunks), null, chunks.size());
      } catch (MethodTooLargeException | ClassTooLargeException e) {
        // too many chunks for one class: compile as usual
      }
    }
    if (paramSlots(type) + 8 + 2L * ir.registerCount() <= 65535
        && Chunks.estimate(this) < 2 * HUGE_METHOD_LIMIT) { // far larger: split at once
      try {
        byte[] bytes = generate(Mode.WHOLE, null);
        if (largestMethod <= HUGE_METHOD_LIMIT) {
          return new Result(bytes, null, 1);
        }
      } catch (MethodTooLargeException | ClassTooLargeException e) {
        // split below
      }
    }
    for (int budget = CHUNK_BUDGET; budget >= 250; budget /= 2) {
      List<int[]> chunks = Chunks.plan(this, budget);
      if (chunks == null) {
        break;
      }
      try {
        byte[] bytes = generate(Mode.SPLIT, chunks);
        if (largestMethod <= HUGE_METHOD_LIMIT) {
          return new Result(bytes, null, chunks.size());
        }
      } catch (MethodTooLargeException | ClassTooLargeException e) {
        // smaller chunks
      }
    }
    return new Result(generate(Mode.STUB, null), Fallback.TOO_LARGE, 0);
  }

  /** A class whose {@code invoke} runs the function in the interpreter. */
  byte[] stub() {
    return generate(Mode.STUB, null);
  }

  private boolean hasTailCalls() {
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      int op = code[pc];
      if (op == OpCodes.RETURN_CALL_XR || op == OpCodes.RETURN_CALL_INDIRECT_XXRR) {
        return true;
      }
    }
    return false;
  }

  /** How {@code invoke} is made: the whole function in it, split into chunks, or an interpreter stub. */
  private enum Mode {
    WHOLE,
    SPLIT,
    STUB
  }

  /** Bytecode length of the largest method generated last. */
  private int largestMethod;

  private byte[] generate(Mode mode, List<int[]> chunks) {
    largestMethod = 0;
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object"; // frames never merge two of our classes; never load classes here
      }
    };
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object",
        new String[] {NATIVE_CODE});
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    bridge(cw);
    mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "invoke", descriptor(type), null, null);
    mv.visitCode();
    switch (mode) {
      case STUB:
        stubBody();
        break;
      case WHOLE:
        body();
        break;
      default:
        driver(chunks);
    }
    endMethod();
    if (mode == Mode.SPLIT) {
      for (int k = 0; k < chunks.size(); k++) {
        mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + k, CHUNK_DESC, null, null);
        mv.visitCode();
        chunk(chunks, k);
        endMethod();
      }
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private void endMethod() {
    Label end = new Label();
    mv.visitLabel(end);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    largestMethod = Math.max(largestMethod, end.getOffset());
  }

  // ---- calling conventions ----

  /** The JVM descriptor of {@code invoke} for Wasm type {@code t}. */
  static String descriptor(FuncType t) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < t.paramCount(); i++) {
      sb.append(isInt(t.param(i)) ? 'I' : 'J');
    }
    sb.append(INSTANCE_DESC).append("I)");
    if (t.resultCount() == 0) {
      sb.append('V');
    } else if (t.resultCount() == 1) {
      sb.append(isInt(t.result(0)) ? 'I' : 'J');
    } else {
      sb.append("[J");
    }
    return sb.toString();
  }

  /** i32 and f32 travel as {@code int}; the rest as {@code long}. */
  static boolean isInt(ValType t) {
    return t == ValType.I32 || t == ValType.F32;
  }

  private static int paramSlots(FuncType t) {
    int n = 0;
    for (int i = 0; i < t.paramCount(); i++) {
      n += isInt(t.param(i)) ? 1 : 2;
    }
    return n;
  }

  /** {@code long[] call(InstanceState, long[] args, int depth)}: unboxes, invokes, boxes. */
  private void bridge(ClassWriter cw) {
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "call",
        "(" + INSTANCE_DESC + "[JI)[J", null, null);
    m.visitCode();
    for (int i = 0; i < type.paramCount(); i++) {
      m.visitVarInsn(ALOAD, 2);
      pushInt(m, i);
      m.visitInsn(LALOAD);
      if (isInt(type.param(i))) {
        m.visitInsn(L2I);
      }
    }
    m.visitVarInsn(ALOAD, 1);
    m.visitVarInsn(ALOAD, 1); // the callee's budget: maxCallDepth - (depth + 1)
    m.visitFieldInsn(GETFIELD, INSTANCE, "store", "Lorg/wasmj/exec/internal/StoreState;");
    m.visitFieldInsn(GETFIELD, "org/wasmj/exec/internal/StoreState", "maxCallDepth", "I");
    m.visitVarInsn(ILOAD, 3);
    m.visitInsn(ISUB);
    m.visitInsn(ICONST_1);
    m.visitInsn(ISUB);
    m.visitMethodInsn(INVOKESTATIC, className, "invoke", descriptor(type), false);
    boxResults(m);
    m.visitInsn(ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** Turns {@code invoke}'s return value on the stack into a {@code long[]}. */
  private void boxResults(MethodVisitor m) {
    if (type.resultCount() == 0) {
      m.visitFieldInsn(GETSTATIC, RT, "NONE", "[J");
    } else if (type.resultCount() == 1) {
      if (isInt(type.result(0))) {
        m.visitInsn(I2L);
      }
      int slot = 5;
      m.visitVarInsn(LSTORE, slot);
      m.visitInsn(ICONST_1);
      m.visitIntInsn(NEWARRAY, T_LONG);
      m.visitInsn(DUP);
      m.visitInsn(ICONST_0);
      m.visitVarInsn(LLOAD, slot);
      m.visitInsn(LASTORE);
    }
  }

  /** A fallback function's {@code invoke}: boxes its arguments and runs the interpreter. */
  private void stubBody() {
    int slot = 0;
    pushInt(mv, type.paramCount());
    mv.visitIntInsn(NEWARRAY, T_LONG);
    for (int i = 0; i < type.paramCount(); i++) {
      mv.visitInsn(DUP);
      pushInt(mv, i);
      if (isInt(type.param(i))) {
        mv.visitVarInsn(ILOAD, slot++);
        mv.visitInsn(I2L);
      } else {
        mv.visitVarInsn(LLOAD, slot);
        slot += 2;
      }
      mv.visitInsn(LASTORE);
    }
    int args = slot + 2;
    mv.visitVarInsn(ASTORE, args);
    mv.visitVarInsn(ALOAD, slot);
    pushInt(mv, definedIndex);
    mv.visitVarInsn(ALOAD, args);
    mv.visitVarInsn(ILOAD, slot + 1);
    mv.visitMethodInsn(INVOKESTATIC, RT, "interpret", "(" + INSTANCE_DESC + "I[JI)[J", false);
    returnBoxed(mv);
  }

  /** Returns the {@code long[]} results on the stack in {@code invoke}'s return type. */
  private void returnBoxed(MethodVisitor m) {
    if (type.resultCount() == 0) {
      m.visitInsn(POP);
      m.visitInsn(RETURN);
    } else if (type.resultCount() == 1) {
      m.visitInsn(ICONST_0);
      m.visitInsn(LALOAD);
      if (isInt(type.result(0))) {
        m.visitInsn(L2I);
        m.visitInsn(IRETURN);
      } else {
        m.visitInsn(LRETURN);
      }
    } else {
      m.visitInsn(ARETURN);
    }
  }

  // ---- the function body ----

  private void body() {
    regsSlot = -1;
    int params = paramSlots(type);
    instSlot = params;
    depthSlot = params + 1;
    memSlot = params + 2;
    tmpSlot = params + 3;
    regBase = params + 4;
    slots = new int[ir.registerCount()];
    for (int r = 0; r < slots.length; r++) {
      slots[r] = regBase + 2 * r;
    }
    chunkFrom = 0;
    chunkTo = code.length;
    labels = new Label[code.length + 1];
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      for (int target : targets(pc)) {
        if (labels[target] == null) {
          labels[target] = new Label();
        }
      }
    }
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(start, end, handler, "java/lang/IndexOutOfBoundsException");
    outOfBounds = new Label();
    checkDepth();
    // Parameters into their registers, every other register zeroed.
    int slot = 0;
    for (int i = 0; i < type.paramCount(); i++) {
      if (isInt(type.param(i))) {
        mv.visitVarInsn(ILOAD, slot++);
        mv.visitInsn(I2L);
      } else {
        mv.visitVarInsn(LLOAD, slot);
        slot += 2;
      }
      mv.visitVarInsn(LSTORE, reg(i));
    }
    for (int r = type.paramCount(); r < ir.registerCount(); r++) {
      mv.visitInsn(LCONST_0);
      mv.visitVarInsn(LSTORE, reg(r));
    }
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, tmpSlot);
    reloadMemory();
    mv.visitLabel(start);
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (labels[pc] != null) {
        mv.visitLabel(labels[pc]);
      }
      instruction(pc);
    }
    if (labels[code.length] != null) {
      mv.visitLabel(labels[code.length]);
    }
    endOfBody(end, handler);
    nameInTraps(start);
  }

  /**
   * A handler over everything from {@code start} so far: a trap passing through this function
   * gets its name appended to the backtrace, then goes on.
   */
  private void nameInTraps(Label start) {
    Label end = new Label();
    Label handler = new Label();
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, handler, "org/wasmj/TrapException");
    mv.visitLabel(handler);
    mv.visitInsn(DUP);
    mv.visitLdcInsn(functionName);
    mv.visitMethodInsn(INVOKEVIRTUAL, "org/wasmj/TrapException", "appendFrame",
        "(Ljava/lang/String;)V", false);
    mv.visitInsn(ATHROW);
  }

  /** The shared out-of-bounds trap, then the handler turning array bound failures into it. */
  private void endOfBody(Label end, Label handler) {
    mv.visitLabel(outOfBounds);
    mv.visitMethodInsn(INVOKESTATIC, RT, "outOfBounds", "()Lorg/wasmj/TrapException;", false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(end);
    mv.visitLabel(handler);
    mv.visitInsn(POP);
    mv.visitMethodInsn(INVOKESTATIC, RT, "outOfBounds", "()Lorg/wasmj/TrapException;", false);
    mv.visitInsn(ATHROW);
  }

  // ---- split functions ----

  /** A chunk: {@code int c<k>(long[] frame, InstanceState, int depth, int entry)} → next entry or -1. */
  private static final String CHUNK_DESC = "([J" + INSTANCE_DESC + "II)I";

  /**
   * Gives every entry point (chunk starts, targets of branches between chunks) an id:
   * {@code chunk << 16 | n}, the chunk's n-th entry (its start is entry 0). The driver switches on
   * the chunk, the chunk on its entry, so neither switch grows with the other's count.
   */
  private void assignEntries(List<int[]> chunks) {
    entryIds = new int[code.length + 1];
    java.util.Arrays.fill(entryIds, -1);
    boolean[] entry = new boolean[code.length + 1];
    for (int[] c : chunks) {
      entry[c[0]] = true;
    }
    for (int[] branch : branches()) {
      int k = chunkOf(chunks, branch[0]);
      for (int i = 1; i < branch.length; i++) {
        if (chunkOf(chunks, branch[i]) != k) {
          entry[branch[i]] = true;
        }
      }
    }
    for (int k = 0; k < chunks.size(); k++) {
      int n = 0;
      for (int pc = chunks.get(k)[0]; pc < chunks.get(k)[1]; pc++) {
        if (entry[pc]) {
          entryIds[pc] = k << 16 | n++;
        }
      }
    }
  }

  private static int chunkOf(List<int[]> chunks, int pc) {
    int lo = 0;
    int hi = chunks.size() - 1;
    while (lo < hi) { // the first chunk that ends after pc
      int mid = (lo + hi) >>> 1;
      if (pc < chunks.get(mid)[1]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private List<int[]> branches;

  /** Every branch instruction: its pc, then its targets; computed once per function. */
  List<int[]> branches() {
    if (branches == null) {
      branches = new java.util.ArrayList<>();
      for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
        int[] t = targets(pc);
        if (t.length > 0) {
          int[] b = new int[t.length + 1];
          b[0] = pc;
          System.arraycopy(t, 0, b, 1, t.length);
          branches.add(b);
        }
      }
    }
    return branches;
  }

  /** {@code invoke} of a split function: a frame, then chunk after chunk until one returns. */
  private void driver(List<int[]> chunks) {
    assignEntries(chunks);
    int params = paramSlots(type);
    instSlot = params;
    depthSlot = params + 1;
    int frame = params + 2;
    int entry = params + 3;
    checkDepth();
    pushInt(ir.registerCount());
    mv.visitIntInsn(NEWARRAY, T_LONG);
    mv.visitVarInsn(ASTORE, frame);
    int slot = 0;
    for (int i = 0; i < type.paramCount(); i++) {
      mv.visitVarInsn(ALOAD, frame);
      pushInt(i);
      if (isInt(type.param(i))) {
        mv.visitVarInsn(ILOAD, slot++);
        mv.visitInsn(I2L);
      } else {
        mv.visitVarInsn(LLOAD, slot);
        slot += 2;
      }
      mv.visitInsn(LASTORE);
    }
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, entry);
    Label loop = new Label();
    Label done = new Label();
    Label trapsFrom = new Label();
    mv.visitLabel(trapsFrom);
    Label[] calls = new Label[chunks.size()];
    for (int k = 0; k < calls.length; k++) {
      calls[k] = new Label();
    }
    mv.visitLabel(loop);
    mv.visitVarInsn(ILOAD, entry);
    pushInt(16);
    mv.visitInsn(IUSHR); // the chunk; -1 (returned) gives 65535: done
    mv.visitTableSwitchInsn(0, calls.length - 1, done, calls);
    for (int k = 0; k < calls.length; k++) {
      mv.visitLabel(calls[k]);
      mv.visitVarInsn(ALOAD, frame);
      mv.visitVarInsn(ALOAD, instSlot);
      mv.visitVarInsn(ILOAD, depthSlot);
      mv.visitVarInsn(ILOAD, entry);
      mv.visitMethodInsn(INVOKESTATIC, className, "c" + k, CHUNK_DESC, false);
      mv.visitVarInsn(ISTORE, entry);
      mv.visitJumpInsn(GOTO, loop);
    }
    Label doneCalling = new Label();
    mv.visitLabel(doneCalling);
    mv.visitJumpInsn(GOTO, done);
    nameInTraps(trapsFrom);
    mv.visitLabel(done);
    if (type.resultCount() == 0) {
      mv.visitInsn(RETURN);
      return;
    }
    mv.visitVarInsn(ALOAD, frame);
    if (type.resultCount() == 1) {
      mv.visitInsn(ICONST_0);
      mv.visitInsn(LALOAD);
      if (isInt(type.result(0))) {
        mv.visitInsn(L2I);
        mv.visitInsn(IRETURN);
      } else {
        mv.visitInsn(LRETURN);
      }
    } else {
      pushInt(type.resultCount());
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "copyOf", "([JI)[J", false);
      mv.visitInsn(ARETURN);
    }
  }

  /** Chunk {@code k}: its registers into locals, its entry switch, its code, its exits. */
  private void chunk(List<int[]> chunks, int k) {
    chunkFrom = chunks.get(k)[0];
    chunkTo = chunks.get(k)[1];
    regsSlot = 0;
    instSlot = 1;
    depthSlot = 2;
    int entrySlot = 3;
    memSlot = 4;
    tmpSlot = 5;
    regBase = 6;
    java.util.BitSet read = new java.util.BitSet();
    java.util.BitSet write = new java.util.BitSet();
    for (int pc = chunkFrom; pc < chunkTo; pc += Op.size(code, pc)) {
      Chunks.operands(this, pc, read, write);
    }
    java.util.BitSet used = (java.util.BitSet) read.clone();
    used.or(write);
    slots = new int[ir.registerCount()];
    java.util.Arrays.fill(slots, -1);
    int n = 0;
    for (int r = used.nextSetBit(0); r >= 0; r = used.nextSetBit(r + 1)) {
      slots[r] = regBase + 2 * n++;
    }
    written = write.stream().toArray();
    labels = new Label[chunkTo - chunkFrom + 1];
    exits = new java.util.TreeMap<>();
    java.util.List<Integer> entries = new java.util.ArrayList<>();
    for (int pc = chunkFrom; pc < chunkTo; pc++) {
      if (entryIds[pc] >= 0) {
        entries.add(pc);
        labels[pc - chunkFrom] = new Label();
      }
    }
    for (int[] branch : branches()) {
      for (int i = 1; i < branch.length; i++) {
        int t = branch[i];
        if (t >= chunkFrom && t < chunkTo && labels[t - chunkFrom] == null) {
          labels[t - chunkFrom] = new Label();
        }
      }
    }
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(start, end, handler, "java/lang/IndexOutOfBoundsException");
    outOfBounds = new Label();
    reloadMemory();
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, tmpSlot);
    for (int r = used.nextSetBit(0); r >= 0; r = used.nextSetBit(r + 1)) {
      mv.visitVarInsn(ALOAD, regsSlot);
      pushInt(r);
      mv.visitInsn(LALOAD);
      mv.visitVarInsn(LSTORE, slots[r]);
    }
    mv.visitLabel(start);
    if (entries.size() > 1) {
      Label[] to = new Label[entries.size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = labels[entries.get(i) - chunkFrom];
      }
      mv.visitVarInsn(ILOAD, entrySlot);
      pushInt(0xFFFF);
      mv.visitInsn(IAND);
      mv.visitTableSwitchInsn(0, to.length - 1, to[0], to);
    }
    for (int pc = chunkFrom; pc < chunkTo; pc += Op.size(code, pc)) {
      if (labels[pc - chunkFrom] != null) {
        mv.visitLabel(labels[pc - chunkFrom]);
      }
      instruction(pc);
    }
    if (chunkTo < code.length) {
      mv.visitJumpInsn(GOTO, label(chunkTo)); // falls through into the next chunk
    }
    // Copy label keys first: emitting an exit does not create new ones.
    for (java.util.Map.Entry<Integer, Label> exit : new java.util.TreeMap<>(exits).entrySet()) {
      mv.visitLabel(exit.getValue());
      for (int r : written) {
        mv.visitVarInsn(ALOAD, regsSlot);
        pushInt(r);
        mv.visitVarInsn(LLOAD, slots[r]);
        mv.visitInsn(LASTORE);
      }
      pushInt(entryIds[exit.getKey()]);
      mv.visitInsn(IRETURN);
    }
    endOfBody(end, handler);
  }

  /** Branch targets of the instruction at {@code pc}. */
  int[] targets(int pc) {
    Op op = Op.of(code[pc]);
    if (op == Op.BR_TABLE_RI) {
      int[] t = new int[code[pc + 2]];
      System.arraycopy(code, pc + 3, t, 0, t.length);
      return t;
    }
    String shape = op.shape();
    int t = shape.indexOf('t');
    return t < 0 ? new int[0] : new int[] {code[pc + 1 + t]};
  }

  private int reg(int r) {
    return slots[r];
  }

  /**
   * Too deep? Then {@code call stack exhausted}, before anything else. A generated function gets
   * the calls it may still nest, its budget ({@code maxCallDepth} minus its depth), and passes one
   * less to its callees: the check is a compare with zero, no loads.
   */
  private void checkDepth() {
    Label deepEnough = new Label();
    mv.visitVarInsn(ILOAD, depthSlot);
    mv.visitJumpInsn(IFGE, deepEnough);
    mv.visitMethodInsn(INVOKESTATIC, RT, "exhausted", "()Lorg/wasmj/ExhaustionException;", false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(deepEnough);
  }

  void loadL(int r) {
    mv.visitVarInsn(LLOAD, reg(r));
  }

  void loadI(int r) {
    mv.visitVarInsn(LLOAD, reg(r));
    mv.visitInsn(L2I);
  }

  void storeL(int r) {
    mv.visitVarInsn(LSTORE, reg(r));
  }

  void storeI(int r) {
    mv.visitInsn(I2L);
    mv.visitVarInsn(LSTORE, reg(r));
  }

  void pushInt(int v) {
    pushInt(mv, v);
  }

  static void pushInt(MethodVisitor m, int v) {
    if (v >= -1 && v <= 5) {
      m.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      m.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      m.visitIntInsn(SIPUSH, v);
    } else {
      m.visitLdcInsn(v);
    }
  }

  void pushLong(long v) {
    if (v == 0 || v == 1) {
      mv.visitInsn((int) (LCONST_0 + v));
    } else {
      mv.visitLdcInsn(v);
    }
  }

  MethodVisitor mv() {
    return mv;
  }

  /** Where a branch to {@code pc} goes: its label, or in split mode an exit out of the chunk. */
  Label label(int pc) {
    if (pc >= chunkFrom && pc < chunkTo) {
      return labels[pc - chunkFrom];
    }
    return exits.computeIfAbsent(pc, t -> new Label());
  }

  /** {@code return} with no value. */
  void returnVoid() {
    if (regsSlot < 0) {
      mv.visitInsn(RETURN);
    } else {
      mv.visitInsn(ICONST_M1);
      mv.visitInsn(IRETURN);
    }
  }

  /** {@code return} of the function's one result, in register {@code r}. */
  void returnValue(int r) {
    if (regsSlot < 0) {
      if (isInt(type.result(0))) {
        loadI(r);
        mv.visitInsn(IRETURN);
      } else {
        loadL(r);
        mv.visitInsn(LRETURN);
      }
    } else {
      returnSpan(r, 1);
    }
  }

  /** {@code return} of {@code n} results from registers {@code first ..}. */
  void returnSpan(int first, int n) {
    if (regsSlot < 0) {
      boxRegisters(first, n);
      mv.visitInsn(ARETURN);
      return;
    }
    for (int i = 0; i < n; i++) { // results go to frame[0 ..]; the locals hold the values
      mv.visitVarInsn(ALOAD, regsSlot);
      pushInt(i);
      loadL(first + i);
      mv.visitInsn(LASTORE);
    }
    mv.visitInsn(ICONST_M1);
    mv.visitInsn(IRETURN);
  }

  void reloadMemory() {
    if (hasMemory) {
      mv.visitVarInsn(ALOAD, instSlot);
      mv.visitFieldInsn(GETFIELD, INSTANCE, "memory0", "L" + MEMORY + ";");
      mv.visitFieldInsn(GETFIELD, MEMORY, "bytes", "[B");
      mv.visitVarInsn(ASTORE, memSlot);
    }
  }

  void loadInstance() {
    mv.visitVarInsn(ALOAD, instSlot);
  }

  /** Pushes {@code inst.<array>[index]}. */
  void element(String field, String elementType, int index) {
    loadInstance();
    mv.visitFieldInsn(GETFIELD, INSTANCE, field, "[L" + elementType + ";");
    pushInt(index);
    mv.visitInsn(AALOAD);
  }

  private void instruction(int pc) {
    Emitters.of(Op.of(code[pc])).emit(this, pc);
  }

  // ---- memory ----

  /**
   * Leaves the checked index of {@code base + offset} in {@link #tmpSlot}: the sum of an unsigned
   * base (the access's base register, or the 32-bit sum its sum forms name) and an unsigned
   * offset must not wrap (a negative or wrapped index fails; the upper bound is the VarHandle's
   * or the array's own check).
   */
  boolean address(Op o, int pc, int offset) {
    if (offset < 0) { // a static offset of 2 GiB or more is out of bounds of any byte[] memory
      mv.visitMethodInsn(INVOKESTATIC, RT, "outOfBounds", "()Lorg/wasmj/TrapException;", false);
      mv.visitInsn(ATHROW);
      return false;
    }
    int base = pc + (o.hasResult() ? 2 : 1);
    loadI(code[base]);
    if (isSumAddress(o)) { // the base is an i32.add: of two registers, or of a register and #i
      if (o.shape().charAt(base - pc) == 'r') {
        loadI(code[base + 1]);
      } else {
        pushInt(code[base + 1]);
      }
      mv.visitInsn(IADD);
    }
    if (offset != 0) {
      pushInt(offset);
      mv.visitInsn(IADD);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ISTORE, tmpSlot);
      pushInt(offset);
      mv.visitJumpInsn(IF_ICMPLT, outOfBounds); // wrapped around, or negative
    } else {
      mv.visitVarInsn(ISTORE, tmpSlot);
    }
    return true;
  }

  void loadMemoryArray(Op o, int pc) {
    if (o.shape().endsWith("x")) {
      element("memories", MEMORY, code[pc + 4]);
      mv.visitFieldInsn(GETFIELD, MEMORY, "bytes", "[B");
    } else {
      mv.visitVarInsn(ALOAD, memSlot);
    }
  }

  /** Per load/store op: bits accessed, and whether a narrow load zero-extends. */
  private static final int[] ACCESS_BITS = new int[Op.values().length];
  private static final boolean[] ACCESS_UNSIGNED = new boolean[Op.values().length];

  static {
    for (Op o : Op.values()) {
      if (o.wasm() != null && o.wasm().immediates() == org.wasmj.parser.Opcode.Imm.MEMARG) {
        String name = o.wasm().text(); // e.g. i64.load16_u
        boolean wide = name.charAt(1) == '6';
        String suffix = name.substring(name.indexOf('.') + (o.hasResult() ? 5 : 6));
        ACCESS_BITS[o.ordinal()] =
            suffix.isEmpty() ? (wide ? 64 : 32) : Integer.parseInt(suffix.replaceAll("_.*", ""));
        ACCESS_UNSIGNED[o.ordinal()] = suffix.endsWith("_u");
      }
    }
  }

  /** True for the memory-0 forms whose address is a sum ({@code _RRRI}, {@code _RRII}, {@code _RIRI}). */
  private static boolean isSumAddress(Op o) {
    return o.shape().length() == 4 && !o.shape().endsWith("x");
  }

  /**
   * A load or store (memory 0, memory {@code x} for the {@code _RRIX} forms, memory 0 with a sum
   * address for the {@code _RRRI}, {@code _RRII}, {@code _RIRI} forms).
   */
  void memoryAccess(Op o, int pc) {
    boolean load = o.hasResult();
    boolean sum = isSumAddress(o);
    if (!address(o, pc, code[pc + (sum ? 4 : 3)])) {
      return;
    }
    int value = pc + (sum ? 3 : 2); // a store's value register
    int bits = ACCESS_BITS[o.ordinal()];
    boolean unsigned = ACCESS_UNSIGNED[o.ordinal()];
    if (bits != 8) {
      mv.visitFieldInsn(GETSTATIC, RT, bits == 16 ? "SHORT" : bits == 32 ? "INT" : "LONG",
          "L" + VAR_HANDLE + ";");
    }
    loadMemoryArray(o, pc);
    mv.visitVarInsn(ILOAD, tmpSlot);
    String jvm = bits == 16 ? "S" : bits == 32 ? "I" : "J";
    if (load) {
      if (bits == 8) {
        mv.visitInsn(BALOAD);
      } else {
        mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "get", "([BI)" + jvm, false);
      }
      if (unsigned && bits < 32) {
        pushInt(bits == 8 ? 0xFF : 0xFFFF);
        mv.visitInsn(IAND);
      }
      if (bits == 64) {
        storeL(code[pc + 1]);
      } else if (unsigned && bits == 32) {
        mv.visitInsn(I2L);
        pushLong(0xFFFFFFFFL);
        mv.visitInsn(LAND);
        storeL(code[pc + 1]);
      } else {
        storeI(code[pc + 1]);
      }
    } else if (bits == 64) {
      loadL(code[value]);
      mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set", "([BIJ)V", false);
    } else {
      loadI(code[value]);
      if (bits == 8) {
        mv.visitInsn(BASTORE);
      } else {
        if (bits == 16) {
          mv.visitInsn(I2S);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set", "([BI" + jvm + ")V", false);
      }
    }
  }

  // ---- calls ----

  void call(int funcIndex, int base) {
    FuncType t = module.functionType(funcIndex);
    int imported = module.importedFunctionCount();
    if (funcIndex < imported) {
      loadInstance();
      pushInt(funcIndex);
      boxRegisters(base, t.paramCount());
      mv.visitVarInsn(ILOAD, depthSlot);
      mv.visitMethodInsn(INVOKESTATIC, RT, "call", "(" + INSTANCE_DESC + "I[JI)[J", false);
      unboxResults(base, t.resultCount());
    } else {
      for (int i = 0; i < t.paramCount(); i++) {
        if (isInt(t.param(i))) {
          loadI(base + i);
        } else {
          loadL(base + i);
        }
      }
      loadInstance();
      mv.visitVarInsn(ILOAD, depthSlot);
      mv.visitInsn(ICONST_1);
      mv.visitInsn(ISUB); // the callee's budget
      if (mutableCalls) {
        mv.visitInvokeDynamicInsn("call", descriptor(t), LINK_CALL, funcIndex - imported);
      } else {
        mv.visitMethodInsn(INVOKESTATIC,
            ModuleClassLoader.internalName(ModuleClassLoader.ENTRY, funcIndex - imported),
            "invoke", descriptor(t), false);
      }
      if (t.resultCount() == 1) {
        if (isInt(t.result(0))) {
          storeI(base);
        } else {
          storeL(base);
        }
      } else if (t.resultCount() > 1) {
        unboxResults(base, t.resultCount());
      }
    }
    reloadMemory();
  }

  /** Pushes a new {@code long[]} of registers {@code first .. first+n-1}. */
  void boxRegisters(int first, int n) {
    pushInt(n);
    mv.visitIntInsn(NEWARRAY, T_LONG);
    for (int i = 0; i < n; i++) {
      mv.visitInsn(DUP);
      pushInt(i);
      loadL(first + i);
      mv.visitInsn(LASTORE);
    }
  }

  /** Pops a {@code long[]} of {@code n} results into registers {@code first ..}. */
  void unboxResults(int first, int n) {
    for (int i = 0; i < n; i++) {
      if (i < n - 1) {
        mv.visitInsn(DUP);
      }
      pushInt(i);
      mv.visitInsn(LALOAD);
      storeL(first + i);
    }
    if (n == 0) {
      mv.visitInsn(POP);
    }
  }

  long imm64(int at) {
    return (code[at] & 0xFFFFFFFFL) | (long) code[at + 1] << 32;
  }

  int[] code() {
    return code;
  }
}
