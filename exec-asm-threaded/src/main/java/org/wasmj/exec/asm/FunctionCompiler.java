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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Registers are locals: {@code int} for those that only ever hold 32-bit values (i32, f32
 * bits), {@code long} for the others (i32 values sign-extended), and none for constants set at
 * the entry, which are read as immediates ({@link Registers}); and beside its bits local a
 * {@code float} or {@code double} local for a register that f32 or f64 arithmetic, compares and
 * truncations read, which those ops use (their results' NaNs canonicalised only in the bits), so
 * a float value flowing between them, around a loop too, is never moved to integer registers.
 * Loads and stores of 16 to 64 bits are calls of {@code MemoryCalls}, whose {@code VarHandle}
 * accesses C2 inlines, on memory 0's {@code byte[]}, kept in a local and reloaded after calls and
 * {@code memory.grow}; an access out of bounds throws
 * {@code IndexOutOfBoundsException} (or fails the explicit check a static offset needs), which one
 * handler per method turns into the {@code out of bounds memory access} trap. Calls to the
 * module's own functions are {@code invokestatic}s of their classes, which the module's class
 * loader generates on first resolution. Numeric ops that are one JVM instruction are emitted
 * inline ({@link Emitters}); the others call {@code Semantics}, the same code the interpreter runs.
 *
 * <p>A function whose method would exceed HotSpot's 8,000-byte limit is <em>split</em>: its
 * registers live in a {@code long[]} frame, and its code in several static methods ("chunks")
 * of consecutive instructions, cut preferably outside loops. A chunk copies the registers it
 * uses into locals on entry and the ones it writes back on exit (only those live there: {@link
 * Liveness}), so inside a chunk the code is as above; a branch out of the chunk returns the id of the entry point it leads to, and
 * {@code invoke} calls the chunk holding that entry, unless it leads to a short tail block (an
 * interpreter's dispatch, an epilogue), of which the chunk runs a copy ({@link #tailCopy}). Functions with tail calls, and those beyond
 * the limits of class files or the size budget ({@link JvmLimits}, checked before generating),
 * are left to the interpreter ({@link Fallback}). Stack map frames are written as the code is
 * emitted ({@link Frames}), so that generating a class costs time linear in its size.
 *
 * @implNote Not thread-safe; one per class generation.
 */
final class FunctionCompiler {
  static final String INSTANCE = "org/wasmj/exec/internal/InstanceState";
  static final String INSTANCE_DESC = "L" + INSTANCE + ";";
  static final String RT = "org/wasmj/exec/asm/rt/Rt";
  static final String NATIVE_CODE = "org/wasmj/exec/internal/NativeCode";
  static final String MEMORY = "org/wasmj/exec/internal/MemoryInstance";
  static final String STORE = "org/wasmj/exec/internal/StoreState";
  static final String TABLE = "org/wasmj/exec/internal/TableInstance";
  static final String GLOBAL = "org/wasmj/exec/internal/GlobalInstance";
  static final String FUNCTION = "org/wasmj/exec/internal/FunctionInstance";
  static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
  private static final String MEMORY_CALLS = "org/wasmj/exec/asm/rt/MemoryCalls";
  /** The bootstrap of tiered call sites: {@code Rt.linkCall}. */
  private static final org.objectweb.asm.Handle LINK_CALL = new org.objectweb.asm.Handle(H_INVOKESTATIC,
      RT, "linkCall", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
          + "Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;", false);
  /**
   * The entry of a function with a loop that chunks call ({@link #outlinedCallee}): {@code
   * invoke}'s forwarder, longer than HotSpot's {@code FreqInlineSize} (325 bytes of bytecode),
   * so that C2 calls it rather than inlining the function's loop into the chunk.
   */
  static final String OUTLINED = "invokeOut";
  /** {@link #OUTLINED} of {@link #INVOKE_FUEL}, for callers that pass their fuel. */
  static final String OUTLINED_FUEL = "invokeFuelOut";
  /** Bytecode length {@link #OUTLINED} is padded to (with {@code nop}s, which no tier runs). */
  static final int OUTLINED_LENGTH = 400;

  /** The bootstrap of tiered calls kept out of line ({@link #outlinedCallee}): {@code Rt.linkOutlinedCall}. */
  private static final org.objectweb.asm.Handle LINK_OUTLINED_CALL = new org.objectweb.asm.Handle(
      H_INVOKESTATIC, RT, "linkOutlinedCall", "(Ljava/lang/invoke/MethodHandles$Lookup;"
          + "Ljava/lang/String;Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;", false);
  /** The bootstrap of the interruption checks' guard: {@code Rt.linkNoStop}. */
  private static final org.objectweb.asm.Handle LINK_NO_STOP = new org.objectweb.asm.Handle(
      H_INVOKESTATIC, RT, "linkNoStop", "(Ljava/lang/invoke/MethodHandles$Lookup;"
          + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
    /** The most bytecode HotSpot compiles in one method (HugeMethodLimit). */
  static final int HUGE_METHOD_LIMIT = 8000;

  /**
   * The most invoke instructions (calls, memory accesses wider than a byte) in a method made for a
   * whole function (or its loop entries) in one piece; one with more is split like a function over
   * {@link #HUGE_METHOD_LIMIT}. C1 inlines most of what they call, and gives up profiling a method
   * that needs more than about 10,000 values ("out of virtual registers"); tiered HotSpot then
   * leaves the method in C1's unprofiled code for good: it never reaches C2. Of the generated
   * methods over 3,000 bytes in ARGON2, Yosys and the SIMD kernels, C1 profiled every one with up
   * to 127 invokes and gave up on every one with 146 or more, whatever its size (4,134 to 7,116
   * bytes). ARGON2's compression function (159): 40 ms per run whole, 30 ms split. Measured when
   * memory accesses were inline {@code VarHandle}s, which C1 inlined; they are calls now
   * ({@link #memoryCall}) and still counted, so functions split as they did.
   */
  static final int WHOLE_METHOD_INVOKES = 128;

  /** Why a function is left to the interpreter. */
  enum Fallback {
    /** It makes tail calls, which the JVM cannot; the interpreter's are proper. */
    TAIL_CALL,
    /**
     * Over the size budget, or even split into chunks a method would exceed 8,000 bytes (one
     * huge instruction), or the class its constant pool.
     */
    TOO_LARGE,
    /** Its parameters take more JVM descriptor slots than a typed entry can have (about 250). */
    TOO_MANY_PARAMS,
    /** Generating its class failed unexpectedly (a bug): it runs on in the interpreter. */
    GENERATION_FAILED,
  }

  /**
   * The outcome: a class of generated code ({@code chunks} methods; 1 unless split), or a stub
   * that calls the interpreter ({@code fallback} says why).
   */
  record Result(byte[] bytes, Fallback fallback, int chunks) {}

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
  /** Register → the slot of its {@code float} local, or -1 ({@link Registers#hasFloatLocal}). */
  private int[] floatSlots;
  /** Register → the slot of its {@code double} local, or -1 ({@link Registers#hasDoubleLocal}). */
  private int[] doubleSlots;
  /** v128 half register → the slot of its lane 0 {@code float} local (lane 1's is next), or -1. */
  private int[] laneSlots;
  /** v128 half register → the slot of its lane 0 {@code int} local (lane 1's is next), or -1 ({@link Registers#hasIntLanes}). */
  private int[] intLaneSlots;
  /** Where v128 halves' bits may be out of date ({@link LaneBits}); null if no register has lane locals. */
  private LaneBits laneBits;
  /** What is known of v128 lanes ({@link LaneRanges}); made on first use by a SIMD op. */
  private LaneRanges laneRanges;
  private ByteChains byteChains;
  /** While emitting an instruction: the halves whose {@code long} local is out of date, or null. */
  private java.util.BitSet staleNow;
  /**
   * In a chunk whose first instruction {@link LaneBits} does not enter afresh: the halves it has
   * stale there, which the chunk loaded up to date from the frame, not written since
   * {@link #freshFrom}; null once control may come from elsewhere ({@link #lanesBefore}).
   */
  private java.util.BitSet fresh;
  /** The instruction up to which {@link #fresh} follows the writes. */
  private int freshFrom;
  /** The first local slot after the registers' (whole-method modes). */
  private int localsEnd;
  /** What is known of the registers (constants); made once, for the first class generated. */
  private Registers registers;
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

  /**
   * Defined functions (by defined index) that chunks call out of line, through their
   * {@link #OUTLINED} entry (with tiering, {@link AsmModule#outlinedCallSite}), which their classes
   * have; null: none. One answer per function for all classes of a module (the callers' and the
   * function's own). See docs/RATIONALE.md, "A loop is not inlined into a chunk".
   */
  java.util.function.IntPredicate outlinedCallee;

  /** With tiering, calls go through a mutable call site per callee (see {@link AsmModule}). */
  private final boolean mutableCalls;

  /**
   * Also generate an entry at every loop header ({@code COUNT_LOOP}) for interpreter frames to
   * jump into (on-stack replacement): the static {@code osr} method, and {@code LoopEntry.enter}
   * calling it. Tiering asks for it; it is dropped when the function has no loop header or the
   * method would be too large for HotSpot to compile.
   */
  private boolean loopEntries;
  /** Chunks of a split {@code osr} method (whose {@code invoke} is whole), or null. */
  private List<int[]> osrChunks;
  /** The method being generated returns its results boxed in a {@code long[]} ({@code osr}). */
  private boolean boxedReturns;
  /** Bytecode length of the last {@code osr} method generated, 0 if none. */
  private int osrLength;
  /** Invoke instructions in the last {@code osr} methods generated (the most in one), 0 if none. */
  private int osrInvokes;
  /** The largest estimate of C1's virtual registers of one of the last {@code osr} methods generated. */
  private int osrC1Values;
  static final String LOOP_ENTRY = "org/wasmj/exec/internal/LoopEntry";
  /** {@code long[] osr(long[] frame, int fp, InstanceState, int budget, int pc)}. */
  static final String OSR_DESC = "([JI" + "Lorg/wasmj/exec/internal/InstanceState;" + "II)[J";

  FunctionCompiler(WasmModule module, String className, int definedIndex, CompiledFunction ir,
      boolean mutableCalls) {
    this.mutableCalls = mutableCalls;
    this.module = module;
    this.className = className;
    this.definedIndex = definedIndex;
    this.type = module.functionType(module.importedFunctionCount() + definedIndex);
    this.ir = ir;
    this.code = ir.code();
    this.hasMemory = !module.memories().isEmpty();
    this.passesFuel = !mutableCalls && meters(code);
  }

  /**
   * The class for the function, or a stub calling the interpreter and the reason; with
   * {@code loopEntries}, the class also has loop-header entries if it can (see {@link #loopEntries}).
   */
  Result compile(boolean loopEntries) {
    this.loopEntries = loopEntries && hasLoopHeaders();
    loopEntriesDropped = false;
    osrChunks = null;
    Result r = compile();
    if (!this.loopEntries || r.fallback() != null
        || (osrLength <= HUGE_METHOD_LIMIT && osrInvokes <= WHOLE_METHOD_INVOKES
            && osrC1Values <= Chunks.C1_BUDGET)) {
      return r;
    }
    if (r.chunks() == 1) { // invoke fits whole; the osr method, with its prologue, is split
      for (int budget = Chunks.BUDGET; budget >= 250; budget /= 2) {
        osrChunks = Chunks.plan(this, budget);
        if (osrChunks == null || osrChunks.size() > JvmLimits.MAX_CHUNKS) {
          break;
        }
        try {
          byte[] bytes = generate(Mode.WHOLE, null);
          if (largestMethod <= HUGE_METHOD_LIMIT && osrLength <= HUGE_METHOD_LIMIT) {
            return new Result(bytes, null, 1);
          }
        } catch (RuntimeException e) {
          if (!(e instanceof MethodTooLargeException || e instanceof ClassTooLargeException)) {
            throw e; // (caught by type, these would be loaded at every start: see method)
          }
          // smaller chunks
        }
      }
      osrChunks = null;
    }
    this.loopEntries = false; // HotSpot would never compile it: no entry beats a slow one
    loopEntriesDropped = true;
    return compile();
  }

  /** True if the IR counts loop iterations, i.e. has loop headers to enter at. */
  private boolean hasLoopHeaders() {
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (code[pc] == OpCodes.COUNT_LOOP) {
        return true;
      }
    }
    return false;
  }

  /** True if the last class {@link #compile} made has no loop-header entries it was asked for. */
  boolean loopEntriesDropped() {
    return loopEntriesDropped;
  }

  private boolean loopEntriesDropped;

  /** True if the last class {@link #compile} made has loop-header entries. */
  boolean hasLoopEntries() {
    return loopEntries;
  }

  /** The class for the function, or a stub calling the interpreter and the reason. */
  Result compile() {
    if (hasTailCalls()) {
      return fallback(Fallback.TAIL_CALL);
    }
    Fallback beyond = JvmLimits.check(this);
    if (beyond != null) {
      return fallback(beyond);
    }
    try {
      int forced = forcedChunkBudget;
      if (forced > 0) {
        List<int[]> chunks = Chunks.plan(this, forced);
        if (chunks != null && chunks.size() <= JvmLimits.MAX_CHUNKS) {
          return new Result(generate(Mode.SPLIT, chunks), null, chunks.size());
        } // else compile as usual
      }
      for (boolean copies = true; fitsOneMethod(); copies = false) {
        loudCopiesAllowed = copies; // (a function that fits only without them is compiled so)
        try {
          byte[] bytes = generate(Mode.WHOLE, null);
          if (largestMethod <= HUGE_METHOD_LIMIT && mostInvokes <= WHOLE_METHOD_INVOKES
              && mostC1Values <= Chunks.C1_BUDGET) {
            return new Result(bytes, null, 1);
          }
        } catch (RuntimeException e) {
          if (!(e instanceof MethodTooLargeException)) {
            throw e;
          }
          // without copies, else split below
        } finally {
          loudCopiesAllowed = true;
        }
        if (!copies || !madeLoudCopies) {
          break;
        }
      }
      for (int budget = Chunks.BUDGET; budget >= 250; budget /= 2) {
        List<int[]> chunks = Chunks.plan(this, budget);
        if (chunks == null || chunks.size() > JvmLimits.MAX_CHUNKS) {
          break;
        }
        try {
          byte[] bytes = generate(Mode.SPLIT, chunks);
          if (largestMethod <= HUGE_METHOD_LIMIT) {
            return new Result(bytes, null, chunks.size());
          }
        } catch (RuntimeException e) {
          if (!(e instanceof MethodTooLargeException)) {
            throw e;
          }
          // the estimate was wrong: smaller chunks
        }
      }
    } catch (RuntimeException e) {
      if (!(e instanceof ClassTooLargeException)) {
        throw e;
      }
      // too many constants for one class: smaller chunks would not help
    }
    return fallback(Fallback.TOO_LARGE);
  }

  private Result fallback(Fallback why) {
    return new Result(stub(), why, 0);
  }

  /**
   * Whether to try the whole function in one method: its locals fit, and its estimated bytecode
   * (zeroing its registers included) is not far beyond 8,000 bytes.
   */
  private boolean fitsOneMethod() {
    long locals = JvmLimits.paramSlots(type) + 8;
    for (int r = 0; r < ir.registerCount(); r++) {
      locals += registers().localSlots(r);
    }
    return locals <= JvmLimits.LOCALS && Chunks.estimate(this) < 2 * HUGE_METHOD_LIMIT;
  }

  /**
   * A class whose {@code invoke} runs the function in the interpreter; for a function with no
   * typed entry ({@link JvmLimits#hasTypedEntry}), an empty class, as its callers never call it.
   */
  byte[] stub() {
    return generate(JvmLimits.hasTypedEntry(type) ? Mode.STUB : Mode.EMPTY, null);
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

  /**
   * How {@code invoke} is made: the whole function in it, split into chunks, or an interpreter
   * stub; or no {@code invoke} at all.
   */
  private enum Mode {
    WHOLE,
    SPLIT,
    STUB,
    EMPTY
  }

  /** Bytecode length of the largest method generated last. */
  private int largestMethod;
  /** The most invoke instructions in one method generated last ({@link #WHOLE_METHOD_INVOKES}). */
  private int mostInvokes;
  /** The largest estimate of C1's virtual registers of one method generated last ({@link Chunks#c1Values}). */
  private int mostC1Values;

  /** The largest estimate of C1's virtual registers of one method of the class made last. */
  int mostC1Values() {
    return mostC1Values;
  }

  private byte[] generate(Mode mode, List<int[]> chunks) {
    inChunk = false;
    largestMethod = 0;
    mostInvokes = 0;
    mostC1Values = 0;
    osrLength = 0;
    osrInvokes = 0;
    osrC1Values = 0;
    heavyChunks = null;
    splitChunks = null;
    declinedHeaders = false;
    noControlLocals();
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS); // frames: Frames writes them
    classWriter = cw;
    staticInts.clear();
    boolean osr = loopEntries && (mode == Mode.WHOLE || mode == Mode.SPLIT);
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object",
        mode == Mode.EMPTY ? null
            : osr ? new String[] {NATIVE_CODE, LOOP_ENTRY} : new String[] {NATIVE_CODE});
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    if (mode == Mode.EMPTY) {
      cw.visitEnd();
      return cw.toByteArray();
    }
    bridge(cw);
    bridgeAt(cw);
    if (passesFuel) {
      fuelEntries(cw, mode == Mode.WHOLE);
    }
    mv = method(cw, ACC_PUBLIC | ACC_STATIC, passesFuel && mode == Mode.WHOLE ? INVOKE_FUEL
        : "invoke", passesFuel && mode == Mode.WHOLE ? fuelDescriptor(type) : descriptor(type));
    mv.visitCode();
    fuelParam = passesFuel && mode == Mode.WHOLE;
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
    fuelParam = false;
    endMethod();
    if (mode != Mode.STUB) {
      mv = method(cw, ACC_PRIVATE | ACC_STATIC, "deeper", descriptor(type));
      mv.visitCode();
      deeperBody();
      endMethod();
    }
    if (outlinedCallee != null && outlinedCallee.test(definedIndex)) {
      outlinedEntry(cw, OUTLINED, "invoke", descriptor(type));
      if (passesFuel) {
        outlinedEntry(cw, OUTLINED_FUEL, INVOKE_FUEL, fuelDescriptor(type));
      }
    }
    if (mode == Mode.SPLIT) {
      driveMethod(cw, chunks, CHUNK);
      chunkMethods(cw, chunks, CHUNK);
    }
    if (osr) {
      if (mode == Mode.SPLIT) {
        declinedTable(cw);
      }
      loopEntryBridge(cw);
      int invokeLength = largestMethod;
      int invokeInvokes = mostInvokes;
      int invokeC1Values = mostC1Values;
      largestMethod = 0;
      mostInvokes = 0;
      mostC1Values = 0;
      mv = method(cw, ACC_PRIVATE | ACC_STATIC, "osr", OSR_DESC);
      mv.visitCode();
      boxedReturns = true;
      if (mode == Mode.SPLIT) {
        osrDriver(cw, CHUNK);
        endMethod();
      } else if (osrChunks == null) {
        osrBody();
        endMethod();
      } else { // the whole function plus the registers' prologue would be too large
        assignEntries(osrChunks);
        osrDriver(cw, OSR_CHUNK);
        endMethod();
        driveMethod(cw, osrChunks, OSR_CHUNK);
        chunkMethods(cw, osrChunks, OSR_CHUNK);
      }
      boxedReturns = false;
      osrLength = Math.max(osrLength, largestMethod);
      osrInvokes = mostInvokes;
      osrC1Values = mostC1Values;
      largestMethod = invokeLength; // the osr methods are judged apart (see compile)
      mostInvokes = invokeInvokes;
      mostC1Values = invokeC1Values;
    }
    staticIntsInit(cw);
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** An out-of-line entry {@code name}: {@code nop}s, then a call of {@code target} with the same arguments. */
  private void outlinedEntry(ClassWriter cw, String name, String target, String desc) {
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
    m.visitCode();
    org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(desc);
    for (int i = 0; i < OUTLINED_LENGTH - 3 * params.length - 4; i++) {
      m.visitInsn(NOP);
    }
    int slot = 0;
    for (org.objectweb.asm.Type p : params) {
      m.visitVarInsn(p.getOpcode(ILOAD), slot);
      slot += p.getSize();
    }
    m.visitMethodInsn(INVOKESTATIC, className, target, desc, false);
    m.visitInsn(org.objectweb.asm.Type.getReturnType(desc).getOpcode(IRETURN));
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /**
   * Prefix of a split function's chunk methods, {@code chunk<k>}: a HotSpot method pattern
   * ({@code chunk*}) takes them and none of the class's other methods ({@link JitDirectives}).
   */
  static final String CHUNK = "chunk";
  /** Prefix of the chunk methods of a function's OSR entry when it is split apart, {@code osrChunk<k>}. */
  static final String OSR_CHUNK = "osrChunk";

  /** The method running the chunks {@code <prefix><k>}: {@code drive}, or {@code osrDrive}. */
  private static String driver(String prefix) {
    return prefix.equals(CHUNK) ? "drive" : "osrDrive";
  }

  /** The chunk methods {@code <prefix><k>} of a split function. */
  private void chunkMethods(ClassWriter cw, List<int[]> chunks, String prefix) {
    chunkPrefix = prefix;
    if (prefix.equals(CHUNK)) {
      heavyChunks = new boolean[chunks.size()];
      splitChunks = chunks;
    }
    for (int k = 0; k < chunks.size(); k++) {
      mv = method(cw, ACC_PRIVATE | ACC_STATIC, prefix + k, CHUNK_DESC);
      mv.visitCode();
      chunk(chunks, k);
      int values = endMethod();
      if (prefix.equals(CHUNK)) {
        heavyChunks[k] = JitDirectives.wantedFor(values);
      }
    }
  }

  /**
   * Per chunk method ({@code chunk<k>}) of the split function last generated: whether it is heavy
   * in C1's virtual registers ({@link JitDirectives#wantedFor}, the SIMD kernels' loops), or null.
   */
  private boolean[] heavyChunks;
  /** The chunks of the split function last generated (those of {@link #heavyChunks}), or null. */
  private List<int[]> splitChunks;

  /**
   * A method of the class, whose stack map frames {@link Frames} writes as it is emitted.
   *
   * <p>This class does not name ASM's exception types in a {@code catch}, nor hand a {@code
   * Frames} on as a {@code MethodVisitor}: either makes the verifier record a check that JDK 25's
   * AOT cache replays when it loads this class at start, loading ASM classes from the jar on
   * every run, even one that generates no code (docs/RATIONALE.md, "Start-up").
   */
  private static MethodVisitor method(ClassWriter cw, int access, String name, String descriptor) {
    return Frames.method(cw, access, name, descriptor);
  }

  /** {@code ASTORE} of an object of type {@code internalName} (which the frames need). */
  private void storeObject(int slot, String internalName) {
    ((Frames) mv).nextObject(internalName);
    mv.visitVarInsn(ASTORE, slot);
  }

  /** Ends the method being generated; returns its estimate of C1's virtual registers ({@link Chunks#c1Values}). */
  private int endMethod() {
    staleNow = null; // (LaneBits: set per instruction)
    Label end = new Label();
    mv.visitLabel(end);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    largestMethod = Math.max(largestMethod, end.getOffset());
    mostInvokes = Math.max(mostInvokes, ((Frames) mv).invokes());
    int values = Chunks.c1Values(((Frames) mv).varHandleAccesses(), end.getOffset());
    mostC1Values = Math.max(mostC1Values, values);
    return values;
  }

  // ---- calling conventions ----

  /**
   * The JVM descriptor of {@code invoke} for Wasm type {@code t}: a v128 parameter is two
   * {@code long}s (low, high half); a function with one result slot returns it, with more (a
   * v128 result takes two) a {@code long[]}.
   */
  static String descriptor(FuncType t) {
    StringBuilder sb = new StringBuilder("(").append(slotKinds(t.params()));
    sb.append(INSTANCE_DESC).append("I)");
    if (t.resultSlotCount() == 0) {
      sb.append('V');
    } else if (t.resultSlotCount() == 1) {
      sb.append(isInt(t.result(0)) ? 'I' : 'J');
    } else {
      sb.append("[J");
    }
    return sb.toString();
  }

  /**
   * The JVM type of each 64-bit slot of {@code types}, one letter per slot: {@code I} for i32 and
   * f32, {@code J} for the rest, a v128 taking two {@code J}s. Slot {@code k} is register {@code k}
   * of a parameter span.
   */
  static String slotKinds(ValType[] types) {
    StringBuilder sb = new StringBuilder();
    for (ValType t : types) {
      sb.append(t == ValType.V128 ? "JJ" : isInt(t) ? "I" : "J");
    }
    return sb.toString();
  }

  /** i32 and f32 travel as {@code int}; the rest as {@code long}. */
  static boolean isInt(ValType t) {
    return t == ValType.I32 || t == ValType.F32;
  }

  /** {@code long[] call(InstanceState, long[] args, int depth)}: unboxes, invokes, boxes. */
  private void bridge(ClassWriter cw) {
    MethodVisitor m = method(cw, ACC_PUBLIC, "call", "(" + INSTANCE_DESC + "[JI)[J");
    m.visitCode();
    invokeFromSlots(m, -1, 3);
    boxResults(m);
    m.visitInsn(ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /**
   * In a bridge method (the instance in local 1, a {@code long[]} of raw slots in local 2):
   * calls {@code invoke} with the arguments read from that array, from index 0 or, if {@code
   * baseLocal >= 0}, from the index in that local, and the budget for the call depth in local
   * {@code depthLocal}; leaves {@code invoke}'s result on the stack.
   */
  private void invokeFromSlots(MethodVisitor m, int baseLocal, int depthLocal) {
    String kinds = slotKinds(type.params());
    for (int i = 0; i < kinds.length(); i++) {
      m.visitVarInsn(ALOAD, 2);
      if (baseLocal < 0) {
        pushInt(m, i);
      } else {
        m.visitVarInsn(ILOAD, baseLocal);
        if (i > 0) {
          pushInt(m, i);
          m.visitInsn(IADD);
        }
      }
      m.visitInsn(LALOAD);
      if (kinds.charAt(i) == 'I') {
        m.visitInsn(L2I);
      }
    }
    m.visitVarInsn(ALOAD, 1);
    m.visitVarInsn(ALOAD, 1);
    m.visitVarInsn(ILOAD, depthLocal);
    m.visitMethodInsn(INVOKESTATIC, RT, "budget", "(" + INSTANCE_DESC + "I)I", false);
    m.visitMethodInsn(INVOKESTATIC, className, "invoke", descriptor(type), false);
  }

  /**
   * {@code void callAt(InstanceState, long[] slots, int base, int depth)}: invokes with the
   * arguments at {@code slots[base ..]} and stores the results there; allocates nothing but for
   * more than one result (which {@code invoke} returns in an array).
   */
  private void bridgeAt(ClassWriter cw) {
    MethodVisitor m = method(cw, ACC_PUBLIC, "callAt", "(" + INSTANCE_DESC + "[JII)V");
    m.visitCode();
    int results = type.resultSlotCount();
    if (results == 1) { // where the result goes, under the arguments
      m.visitVarInsn(ALOAD, 2);
      m.visitVarInsn(ILOAD, 3);
    }
    invokeFromSlots(m, 3, 4);
    if (results == 1) {
      if (isInt(type.result(0))) {
        m.visitInsn(I2L);
      }
      m.visitInsn(LASTORE);
    } else if (results > 1) {
      m.visitInsn(ICONST_0);
      m.visitVarInsn(ALOAD, 2);
      m.visitVarInsn(ILOAD, 3);
      pushInt(m, results);
      m.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
          "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** Turns {@code invoke}'s return value on the stack into a {@code long[]}. */
  private void boxResults(MethodVisitor m) {
    if (type.resultSlotCount() == 0) {
      m.visitFieldInsn(GETSTATIC, RT, "NONE", "[J");
    } else if (type.resultSlotCount() == 1) {
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

  /**
   * A fallback function's {@code invoke}: runs the interpreter. With at most one result, the
   * arguments go through the store's argument buffer and the result comes back as a
   * {@code long} ({@code Rt.interpretAt}): nothing allocated; else arrays.
   */
  private void stubBody() {
    if (type.resultSlotCount() > 1) {
      boxedCall("interpret");
      return;
    }
    String kinds = slotKinds(type.params());
    int slot = JvmLimits.paramSlots(type); // the instance; the budget after it
    mv.visitVarInsn(ALOAD, slot);
    mv.visitMethodInsn(INVOKESTATIC, RT, "argBuffer", "(" + INSTANCE_DESC + ")[J", false);
    storeParams(kinds, -1);
    mv.visitVarInsn(ALOAD, slot);
    pushInt(mv, definedIndex);
    mv.visitVarInsn(ILOAD, slot + 1);
    mv.visitMethodInsn(INVOKESTATIC, RT, "interpretAt", "([J" + INSTANCE_DESC + "II)J", false);
    if (type.resultSlotCount() == 0) {
      mv.visitInsn(POP2);
      mv.visitInsn(RETURN);
    } else if (isInt(type.result(0))) {
      mv.visitInsn(L2I);
      mv.visitInsn(IRETURN);
    } else {
      mv.visitInsn(LRETURN);
    }
  }

  /**
   * Stores the method's parameters (of slot kinds {@code kinds}, {@code I} or {@code J}), each as
   * one raw slot, into the {@code long[]} in JVM local {@code arrayLocal} or, if it is negative,
   * on top of the stack, which stays there; returns the first JVM local after them.
   */
  private int storeParams(String kinds, int arrayLocal) {
    int local = 0;
    for (int i = 0; i < kinds.length(); i++) {
      if (arrayLocal < 0) {
        mv.visitInsn(DUP);
      } else {
        mv.visitVarInsn(ALOAD, arrayLocal);
      }
      pushInt(mv, i);
      if (kinds.charAt(i) == 'I') {
        mv.visitVarInsn(ILOAD, local++);
        mv.visitInsn(I2L);
      } else {
        mv.visitVarInsn(LLOAD, local);
        local += 2;
      }
      mv.visitInsn(LASTORE);
    }
    return local;
  }

  /**
   * {@code deeper}, the slow path of the depth check: boxes the arguments, calls {@code
   * Rt.deeper}, which runs the function on a thread with a fresh stack or finds the call stack
   * exhausted, and returns its results.
   */
  private void deeperBody() {
    boxedCall("deeper");
  }

  /** Boxes the arguments, calls {@code Rt.<method>(inst, definedIndex, args, budget)} and returns its results. */
  private void boxedCall(String method) {
    String kinds = slotKinds(type.params());
    pushInt(mv, kinds.length());
    mv.visitIntInsn(NEWARRAY, T_LONG);
    int slot = storeParams(kinds, -1);
    int args = slot + 2;
    storeObject(args, "[J");
    mv.visitVarInsn(ALOAD, slot);
    pushInt(mv, definedIndex);
    mv.visitVarInsn(ALOAD, args);
    mv.visitVarInsn(ILOAD, slot + 1);
    mv.visitMethodInsn(INVOKESTATIC, RT, method, "(" + INSTANCE_DESC + "I[JI)[J", false);
    returnBoxed(mv);
  }

  /** Returns the value on the stack, of {@code invoke}'s return type ({@link #descriptor}). */
  private void returnInvokes(MethodVisitor m) {
    if (type.resultSlotCount() == 0) {
      m.visitInsn(RETURN);
    } else if (type.resultSlotCount() == 1) {
      m.visitInsn(isInt(type.result(0)) ? IRETURN : LRETURN);
    } else {
      m.visitInsn(ARETURN);
    }
  }

  /** Returns the {@code long[]} results on the stack in {@code invoke}'s return type. */
  private void returnBoxed(MethodVisitor m) {
    if (type.resultSlotCount() == 0) {
      m.visitInsn(POP);
      m.visitInsn(RETURN);
    } else if (type.resultSlotCount() == 1) {
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
    int params = JvmLimits.paramSlots(type);
    instSlot = params;
    depthSlot = params + 1;
    int fuel = fuelParam ? 2 : 0; // the fuel parameter's slots (invokeFuel)
    memSlot = params + 2 + fuel;
    tmpSlot = params + 3 + fuel;
    regBase = params + 4 + fuel;
    assignLocals();
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
    outOfBounds = new Label();
    checkDepth();
    initVectorLocals();
    // Parameters into their registers, every other register zeroed.
    int slot = 0;
    String kinds = slotKinds(type.params());
    for (int i = 0; i < kinds.length(); i++) {
      if (kinds.charAt(i) == 'I') {
        mv.visitVarInsn(ILOAD, slot++);
        storeI(i);
      } else {
        mv.visitVarInsn(LLOAD, slot);
        slot += 2;
        storeL(i);
      }
    }
    for (int r = kinds.length(); r < ir.registerCount(); r++) {
      if (registers.isConstant(r)) {
        continue;
      }
      if (registers.isWide(r)) {
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, reg(r));
      } else {
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, reg(r));
      }
      if (floatSlots[r] >= 0) {
        mv.visitInsn(FCONST_0);
        mv.visitVarInsn(FSTORE, floatSlots[r]);
      }
      if (doubleSlots[r] >= 0) {
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, doubleSlots[r]);
      }
      for (int lane = 0; laneSlots[r] >= 0 && !registers.isVectorHalf(r) && lane < 2; lane++) {
        mv.visitInsn(FCONST_0);
        mv.visitVarInsn(FSTORE, laneSlots[r] + lane);
      }
      for (int lane = 0; intLaneSlots[r] >= 0 && lane < 2; lane++) {
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, intLaneSlots[r] + lane);
      }
    }
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, tmpSlot);
    reloadMemory();
    controlLocals(localsEnd);
    planDeferredCharges();
    planFundedLoops();
    planLoudCopies();
    mv.visitLabel(start);
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      FundedLoop loop = fundedLoops == null ? null : fundedLoops.get(pc);
      if (loop != null) {
        fundingTest(loop);
        fundedCopy(loop);
      }
      if (labels[pc] != null) {
        mv.visitLabel(labels[pc]);
      }
      instruction(pc);
    }
    fundedLoops = null;
    noDeferredCharges();
    loudCopies();
    fuelReturnTail();
    if (labels[code.length] != null) {
      mv.visitLabel(labels[code.length]);
    }
    // (after the body's own handlers, which come first in the table: a funded loop's)
    mv.visitTryCatchBlock(start, end, handler, "java/lang/IndexOutOfBoundsException");
    endOfBody(end, handler);
    leaveFuelOnExceptions(start);
    nameInTraps(start);
  }

  /**
   * A handler over everything from {@code start} so far: a trap passing through this function
   * gets its name appended to the backtrace, then goes on. The name is looked up then: names come
   * from the module, and could be longer than a class file's strings may be.
   */
  private void nameInTraps(Label start) {
    Label end = new Label();
    Label handler = new Label();
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, handler, "org/wasmj/TrapException");
    mv.visitLabel(handler);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ALOAD, instSlot);
    pushInt(definedIndex);
    mv.visitMethodInsn(INVOKESTATIC, RT, "appendFrame",
        "(Lorg/wasmj/TrapException;" + INSTANCE_DESC + "I)V", false);
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

  // ---- loop-header entries (on-stack replacement) ----

  /**
   * {@code LoopEntry.enter}: calls the static {@code osr}, with the budget of the current thread;
   * or declines (returns null) at a loop header in a heavy chunk ({@link #declinedTable}).
   */
  private void loopEntryBridge(ClassWriter cw) {
    MethodVisitor m = method(cw, ACC_PUBLIC, "enter", OSR_DESC);
    m.visitCode();
    if (declinedHeaders) {
      Label enter = new Label();
      m.visitFieldInsn(GETSTATIC, className, DECLINED, "[I");
      m.visitVarInsn(ILOAD, 5);
      m.visitMethodInsn(INVOKESTATIC, RT, "declines", "([II)Z", false);
      m.visitJumpInsn(IFEQ, enter);
      m.visitInsn(ACONST_NULL);
      m.visitInsn(ARETURN);
      m.visitLabel(enter);
    }
    m.visitVarInsn(ALOAD, 1);
    m.visitVarInsn(ILOAD, 2);
    m.visitVarInsn(ALOAD, 3);
    m.visitVarInsn(ALOAD, 3);
    m.visitVarInsn(ILOAD, 4);
    m.visitMethodInsn(INVOKESTATIC, RT, "budgetOf", "(" + INSTANCE_DESC + "I)I", false);
    m.visitVarInsn(ILOAD, 5);
    m.visitMethodInsn(INVOKESTATIC, className, "osr", OSR_DESC, false);
    m.visitInsn(ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /**
   * {@code osr} of a whole function: the interpreter's registers {@code frame[fp + r]} into the
   * locals, then a jump to the loop header at {@code pc}, then the function's code as in
   * {@link #body}. A trap is named by the interpreter frame it replaces, not here.
   */
  private void osrBody() {
    regsSlot = -1;
    int frame = 0;
    int fp = 1;
    instSlot = 2;
    depthSlot = 3;
    int entryPc = 4;
    memSlot = 5;
    tmpSlot = 6;
    regBase = 7;
    assignLocals();
    chunkFrom = 0;
    chunkTo = code.length;
    labels = new Label[code.length + 1];
    java.util.List<Integer> headers = new java.util.ArrayList<>();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      for (int target : targets(pc)) {
        if (labels[target] == null) {
          labels[target] = new Label();
        }
      }
      if (code[pc] == OpCodes.COUNT_LOOP) {
        headers.add(pc);
        if (labels[pc] == null) {
          labels[pc] = new Label();
        }
      }
    }
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(start, end, handler, "java/lang/IndexOutOfBoundsException");
    outOfBounds = new Label();
    for (int r = 0; r < ir.registerCount(); r++) {
      if (registers.isConstant(r)) {
        continue;
      }
      mv.visitVarInsn(ALOAD, frame);
      mv.visitVarInsn(ILOAD, fp);
      pushInt(r);
      mv.visitInsn(IADD);
      mv.visitInsn(LALOAD);
      storeL(r);
    }
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, tmpSlot);
    reloadMemory();
    controlLocals(localsEnd);
    mv.visitLabel(start);
    int[] keys = new int[headers.size()];
    Label[] to = new Label[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = headers.get(i);
      to[i] = labels[keys[i]];
    }
    mv.visitVarInsn(ILOAD, entryPc);
    mv.visitLookupSwitchInsn(to[0], keys, to); // the interpreter enters at a loop header only
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
    leaveFuelOnExceptions(start);
  }

  /**
   * {@code osr} of a split function: the interpreter's registers become the chunks' frame, and
   * {@link #driver} runs them from the entry at loop header {@code pc} (every loop header
   * is an entry; the class's {@code LOOPS} table maps the one to the other).
   */
  private void osrDriver(ClassWriter cw, String prefix) {
    int frame = 0;
    int fp = 1;
    int inst = 2;
    int budget = 3;
    int pc = 4;
    int regs = 5;
    mv.visitVarInsn(ALOAD, frame);
    mv.visitVarInsn(ILOAD, fp);
    mv.visitInsn(DUP);
    pushInt(ir.registerCount());
    mv.visitInsn(IADD);
    mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "copyOfRange", "([JII)[J", false);
    storeObject(regs, "[J");
    mv.visitVarInsn(ALOAD, regs);
    mv.visitVarInsn(ALOAD, inst);
    mv.visitVarInsn(ILOAD, budget);
    mv.visitFieldInsn(GETSTATIC, className, "LOOPS", "[I");
    mv.visitVarInsn(ILOAD, pc);
    mv.visitMethodInsn(INVOKESTATIC, RT, "loopEntry", "([II)I", false);
    mv.visitMethodInsn(INVOKESTATIC, className, driver(prefix), DRIVE_DESC, false);
    mv.visitVarInsn(ALOAD, regs);
    pushInt(type.resultSlotCount());
    mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "copyOf", "([JI)[J", false);
    mv.visitInsn(ARETURN);
    loopTable(cw);
  }

  /** The static field of the loop headers at which {@code enter} declines ({@link #declinedTable}). */
  static final String DECLINED = "DECLINED";
  /** How many times in all a class's {@code enter} declines, at most ({@link #declinedTable}). */
  static final int DECLINES = 1 << 16;
  /** The class being generated has a {@link #DECLINED} table. */
  private boolean declinedHeaders;

  /**
   * The static {@code int[] DECLINED}, if any loop header is in a loop that a heavy chunk ({@link
   * #heavyChunks}) holds whole ({@link #inLoopOfItsChunk}): how many more times {@code enter} may decline ({@link #DECLINES}), then those
   * headers' pcs in order ({@code Rt.declines}). An interpreter frame entering there would run
   * the rest of a loop pass as one call of the chunk, which shifts the chunk's back-edge counts
   * against HotSpot's compile thresholds: C2 then compiles MATMUL's loop with a profile a few
   * dozen iterations off {@code asm}'s, and its register allocation, chaotic in the profile, lands
   * on the slow level in about half the JVMs (benchmarks/README.md, "Session 18"). Declined, the
   * frame goes on in the interpreter to its next loop header outside such chunks (the next pass
   * of an outer loop), and the heavy chunks are only ever called whole, as on {@code asm}.
   */
  private void declinedTable(ClassWriter cw) {
    if (heavyChunks == null) {
      return;
    }
    StringBuilder table = new StringBuilder();
    table.append((char) (DECLINES >>> 16)).append((char) DECLINES);
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (code[pc] == OpCodes.COUNT_LOOP && entryIds[pc] >= 0 && heavyChunks[entryIds[pc] >>> 16]
          && inLoopOfItsChunk(pc)) {
        table.append((char) (pc >>> 16)).append((char) pc);
      }
    }
    if (table.length() > 2 && table.length() * 3L <= 65535) {
      staticInts(cw, DECLINED, table.toString());
      declinedHeaders = true;
    }
  }

  /**
   * True if loop header {@code pc} is in a loop that its chunk holds whole (a backward branch over
   * it, from and to that chunk): the driver calls the chunk when the loop begins, and the loop's
   * passes run within that call. (A header whose loop goes back through the driver starts a call
   * of its chunk at every pass.)
   */
  private boolean inLoopOfItsChunk(int pc) {
    int k = chunkOf(splitChunks, pc);
    for (int[] branch : branches()) {
      for (int i = 1; i < branch.length; i++) {
        if (branch[i] <= pc && pc <= branch[0] && chunkOf(splitChunks, branch[0]) == k
            && chunkOf(splitChunks, branch[i]) == k) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The static {@code int[] LOOPS}: each loop header's pc and its entry id, by pc, decoded at
   * class initialization from a string constant (two chars an int).
   */
  private void loopTable(ClassWriter cw) {
    StringBuilder table = new StringBuilder();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (code[pc] == OpCodes.COUNT_LOOP) {
        for (int v : new int[] {pc, entryIds[pc]}) {
          table.append((char) (v >>> 16)).append((char) v);
        }
      }
    }
    if (table.length() * 3L > 65535) { // may not fit a constant: no loop entries (see compile)
      osrLength = Integer.MAX_VALUE;
      return;
    }
    staticInts(cw, "LOOPS", table.toString());
  }

  /** Static {@code int[]} fields of the class being generated, by name: their ints, two chars each. */
  private final java.util.Map<String, String> staticInts = new java.util.LinkedHashMap<>();

  /** Declares the static {@code int[]} field {@code name}, set to {@code ints} (two chars an int) at class initialization. */
  private void staticInts(ClassWriter cw, String name, String ints) {
    cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, name, "[I", null, null).visitEnd();
    staticInts.put(name, ints);
  }

  /** The class initializer setting the {@link #staticInts} fields, if there are any. */
  private void staticIntsInit(ClassWriter cw) {
    if (staticInts.isEmpty()) {
      return;
    }
    MethodVisitor init = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    init.visitCode();
    for (java.util.Map.Entry<String, String> field : staticInts.entrySet()) {
      init.visitLdcInsn(field.getValue());
      init.visitMethodInsn(INVOKESTATIC, RT, "ints", "(Ljava/lang/String;)[I", false);
      init.visitFieldInsn(PUTSTATIC, className, field.getKey(), "[I");
    }
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  // ---- split functions ----

  /** A chunk: {@code int chunk<k>(long[] frame, InstanceState, int depth, int entry)} → next entry or -1. */
  private static final String CHUNK_DESC = "([J" + INSTANCE_DESC + "II)I";

  /** Split mode: whether a pc is a branch target, so gets a label; computed once per function. */
  private boolean[] isTarget;

  /**
   * Gives every entry point (chunk starts, targets of branches between chunks) an id:
   * {@code chunk << 16 | n}, the chunk's n-th entry (its start is entry 0). The driver switches on
   * the chunk, the chunk on its entry, so neither switch grows with the other's count.
   */
  private void assignEntries(List<int[]> chunks) {
    entryIds = new int[code.length + 1];
    java.util.Arrays.fill(entryIds, -1);
    isTarget = new boolean[code.length + 1];
    boolean[] entry = new boolean[code.length + 1];
    for (int[] c : chunks) {
      entry[c[0]] = true;
    }
    if (loopEntries) {
      for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
        if (code[pc] == OpCodes.COUNT_LOOP) {
          entry[pc] = true;
        }
      }
    }
    for (int[] branch : branches()) {
      int k = chunkOf(chunks, branch[0]);
      for (int i = 1; i < branch.length; i++) {
        isTarget[branch[i]] = true;
        if (chunkOf(chunks, branch[i]) != k) {
          entry[branch[i]] = true;
        }
      }
    }
    tailBlocks(chunks, entry);
    for (int k = 0; k < chunks.size(); k++) {
      int n = 0;
      for (int pc = chunks.get(k)[0]; pc < chunks.get(k)[1]; pc++) {
        if (entry[pc]) {
          entryIds[pc] = k << 16 | n++;
        }
      }
    }
    slots = new int[ir.registerCount()];
    java.util.Arrays.fill(slots, -1);
    floatSlots = slots.clone();
    doubleSlots = slots.clone();
    laneSlots = slots.clone();
    intLaneSlots = slots.clone();
  }

  private Liveness liveness;
  private boolean livenessComputed;

  /**
   * The registers live at any of {@code pcs} (a chunk's entries or exits; after a byte chain's op), or all
   * registers if the function is too large for {@link Liveness}.
   */
  java.util.BitSet liveAt(java.util.Collection<Integer> pcs) {
    if (!livenessComputed) {
      liveness = Liveness.of(this);
      livenessComputed = true;
    }
    java.util.BitSet live = new java.util.BitSet();
    if (liveness == null) {
      live.set(0, ir.registerCount());
      return live;
    }
    for (int pc : pcs) {
      liveness.addLiveAt(pc, live, ir.registerCount());
    }
    return live;
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

  /** {@code invoke} of a split function: a frame with the parameters, run by {@code drive}. */
  private void driver(List<int[]> chunks) {
    assignEntries(chunks);
    int params = JvmLimits.paramSlots(type);
    instSlot = params;
    depthSlot = params + 1;
    int frame = params + 2;
    checkDepth();
    takeFrame(frame);
    storeParams(slotKinds(type.params()), frame);
    Label done = new Label();
    Label trapsFrom = new Label();
    mv.visitLabel(trapsFrom);
    mv.visitVarInsn(ALOAD, frame);
    mv.visitVarInsn(ALOAD, instSlot);
    mv.visitVarInsn(ILOAD, depthSlot);
    mv.visitInsn(ICONST_0);
    mv.visitMethodInsn(INVOKESTATIC, className, driver(CHUNK), DRIVE_DESC, false);
    mv.visitJumpInsn(GOTO, done);
    nameInTraps(trapsFrom);
    mv.visitLabel(done);
    if (type.resultSlotCount() == 0) {
      giveBackFrame(frame);
      mv.visitInsn(RETURN);
      return;
    }
    mv.visitVarInsn(ALOAD, frame);
    if (type.resultSlotCount() == 1) {
      mv.visitInsn(ICONST_0);
      mv.visitInsn(LALOAD);
      giveBackFrame(frame);
      if (isInt(type.result(0))) {
        mv.visitInsn(L2I);
        mv.visitInsn(IRETURN);
      } else {
        mv.visitInsn(LRETURN);
      }
    } else {
      pushInt(type.resultSlotCount());
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "copyOf", "([JI)[J", false);
      giveBackFrame(frame);
      mv.visitInsn(ARETURN);
    }
  }

  /** Declared locals a split function's reused frame zeroes one store each; more, with {@code Arrays.fill}. */
  private static final int UNROLLED_ZEROING = 8;

  /**
   * A split function's frame into local {@code frame}: the instance's spare frame of this
   * function ({@code InstanceState.spareFrames}) with its declared locals zeroed, or a new one if
   * a call in progress has it (recursion, a call that trapped, the first call). A frame is taken
   * out before use and put back by a call that returns normally ({@link #giveBackFrame}), so no
   * two calls ever share one; the parameters and temporaries need no zeroing, as they are
   * written before they are read, nor do the declared locals not live at the function's start
   * (written before read on every path: spidermonkey's hot split functions have 19 and 20, all
   * dead there). Saves allocating and zeroing a frame per call (hundreds of
   * bytes; spidermonkey called two split functions 21 million times, 7 GB of frames a run).
   */
  private void takeFrame(int frame) {
    Label fresh = new Label();
    Label ready = new Label();
    spareFrames();
    mv.visitInsn(AALOAD);
    storeObject(frame, "[J");
    mv.visitVarInsn(ALOAD, frame);
    mv.visitJumpInsn(IFNULL, fresh);
    spareFrames();
    mv.visitInsn(ACONST_NULL);
    mv.visitInsn(AASTORE);
    int from = ir.paramCount();
    int to = ir.localCount();
    java.util.BitSet read = liveAt(List.of(0)); // (every register if too large for Liveness)
    read.clear(0, from);
    read.clear(to, ir.registerCount());
    if (read.cardinality() < to - from && read.cardinality() <= UNROLLED_ZEROING) {
      for (int r = read.nextSetBit(0); r >= 0; r = read.nextSetBit(r + 1)) {
        mv.visitVarInsn(ALOAD, frame);
        pushInt(r);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LASTORE);
      }
    } else if (to - from > UNROLLED_ZEROING) {
      mv.visitVarInsn(ALOAD, frame);
      pushInt(from);
      pushInt(to);
      mv.visitInsn(LCONST_0);
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([JIIJ)V", false);
    } else {
      for (int r = from; r < to; r++) {
        mv.visitVarInsn(ALOAD, frame);
        pushInt(r);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LASTORE);
      }
    }
    mv.visitJumpInsn(GOTO, ready);
    mv.visitLabel(fresh);
    pushInt(ir.registerCount());
    mv.visitMethodInsn(INVOKESTATIC, RT, "newFrame", "(I)[J", false);
    storeObject(frame, "[J");
    mv.visitLabel(ready);
  }

  /** Puts the frame in local {@code frame} back as the instance's spare frame of this function. */
  private void giveBackFrame(int frame) {
    spareFrames();
    mv.visitVarInsn(ALOAD, frame);
    mv.visitInsn(AASTORE);
  }

  /** Pushes {@code inst.spareFrames} and this function's index in it. */
  private void spareFrames() {
    mv.visitVarInsn(ALOAD, instSlot);
    mv.visitFieldInsn(GETFIELD, INSTANCE, "spareFrames", "[[J");
    pushInt(definedIndex);
  }

  /** {@code void drive(long[] frame, InstanceState, int budget, int entry)}, and {@code osrDrive}. */
  private static final String DRIVE_DESC = "([J" + INSTANCE_DESC + "II)V";

  /**
   * {@link #driver}: runs the chunks {@code <prefix><k>} over {@code frame} from
   * {@code entry}, each returning the entry to go on at, until one returns (-1). The chunks have
   * no exception handlers: an array index out of bounds in a chunk is a memory access, and
   * becomes the trap here, once for all chunks.
   */
  private void driveMethod(ClassWriter cw, List<int[]> chunks, String prefix) {
    mv = method(cw, ACC_PRIVATE | ACC_STATIC, driver(prefix), DRIVE_DESC);
    mv.visitCode();
    int entry = 3;
    Label loop = new Label();
    Label done = new Label();
    Label boundsFrom = new Label();
    Label boundsTo = new Label();
    Label bounds = new Label();
    mv.visitTryCatchBlock(boundsFrom, boundsTo, bounds, "java/lang/IndexOutOfBoundsException");
    Label[] calls = new Label[chunks.size()];
    for (int k = 0; k < calls.length; k++) {
      calls[k] = new Label();
    }
    mv.visitLabel(loop);
    mv.visitVarInsn(ILOAD, entry);
    pushInt(16);
    mv.visitInsn(IUSHR); // the chunk; -1 (returned) gives 65535: done
    mv.visitTableSwitchInsn(0, calls.length - 1, done, calls);
    mv.visitLabel(boundsFrom);
    for (int k = 0; k < calls.length; k++) {
      mv.visitLabel(calls[k]);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(ILOAD, 2);
      mv.visitVarInsn(ILOAD, entry);
      mv.visitMethodInsn(INVOKESTATIC, className, prefix + k, CHUNK_DESC, false);
      mv.visitVarInsn(ISTORE, entry);
      mv.visitJumpInsn(GOTO, loop);
    }
    mv.visitLabel(boundsTo);
    mv.visitLabel(bounds);
    mv.visitInsn(POP);
    mv.visitMethodInsn(INVOKESTATIC, RT, "outOfBounds", "()Lorg/wasmj/TrapException;", false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(done);
    mv.visitInsn(RETURN);
    endMethod();
  }

  /**
   * Chunk {@code k}: its registers into locals, its entry switch, its code, its exits. Every exit
   * stores its entry id and goes to one block writing the chunk's written registers back. Only
   * the registers live at one of its entries are loaded (the others start as 0, which no path
   * reads), and only those live at one of its exits' targets are written back.
   */
  private void chunk(List<int[]> chunks, int k) {
    inChunk = true;
    chunkFrom = chunks.get(k)[0];
    chunkTo = chunks.get(k)[1];
    regsSlot = 0;
    instSlot = 1;
    depthSlot = 2;
    int entrySlot = CHUNK_ENTRY_SLOT;
    memSlot = 4;
    tmpSlot = 5;
    regBase = 6;
    java.util.BitSet read = new java.util.BitSet();
    java.util.BitSet write = new java.util.BitSet();
    for (int pc = chunkFrom; pc < chunkTo; pc += Op.size(code, pc)) {
      Chunks.operands(this, pc, read, write);
    }
    java.util.List<Integer> copies = tailCopies(chunks.size());
    for (int from : copies) {
      for (int pc = from; pc <= tailEnds[from]; pc += Op.size(code, pc)) {
        Chunks.operands(this, pc, read, write);
      }
    }
    read.andNot(registers().constants()); // immediates: never in the frame
    write.andNot(registers.constants());
    java.util.BitSet used = (java.util.BitSet) read.clone();
    used.or(write);
    int next = regBase;
    for (int r = used.nextSetBit(0); r >= 0; r = used.nextSetBit(r + 1)) {
      next = assignLocal(r, next);
    }
    written = write.stream().toArray();
    labels = new Label[chunkTo - chunkFrom + 1];
    exits = new java.util.TreeMap<>();
    java.util.List<Integer> entries = new java.util.ArrayList<>();
    for (int pc = chunkFrom; pc < chunkTo; pc++) {
      if (entryIds[pc] >= 0) {
        entries.add(pc);
      }
      if (isTarget[pc] || entryIds[pc] >= 0) {
        labels[pc - chunkFrom] = new Label();
      }
    }
    outOfBounds = new Label();
    reloadMemory();
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, tmpSlot);
    noControlLocals();
    initVectorLocals();
    java.util.BitSet load = liveAt(entries);
    for (int r = used.nextSetBit(0); r >= 0; r = used.nextSetBit(r + 1)) {
      if (load.get(r)) {
        mv.visitVarInsn(ALOAD, regsSlot);
        pushInt(r);
        mv.visitInsn(LALOAD);
      } else { // written before it is read from every entry: a local the verifier sees assigned
        mv.visitInsn(LCONST_0);
      }
      storeL(r);
    }
    Label reenter = new Label(); // a tail copy going to an entry of this chunk
    if (!copies.isEmpty()) {
      mv.visitLabel(reenter);
    }
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
    fresh = laneBits != null && !laneBits.entered(chunkFrom) ? laneBits.staleAt(chunkFrom) : null;
    freshFrom = chunkFrom;
    for (int pc = chunkFrom; pc < chunkTo; pc += Op.size(code, pc)) {
      if (labels[pc - chunkFrom] != null) {
        mv.visitLabel(labels[pc - chunkFrom]);
      }
      instruction(pc);
    }
    fresh = null;
    if (chunkTo < code.length) {
      mv.visitJumpInsn(GOTO, label(chunkTo)); // falls through into the next chunk
    }
    // Where the exits lead: a copy of a tail block leads on to its branches' targets.
    java.util.List<Integer> exitTargets = new java.util.ArrayList<>();
    for (int pc : exits.keySet()) {
      if (!copies.contains(pc)) {
        exitTargets.add(pc);
      }
    }
    for (int from : copies) {
      for (int pc = from; pc <= tailEnds[from]; pc += Op.size(code, pc)) {
        for (int t : targets(pc)) {
          if (t < from || t > tailEnds[from]) {
            exitTargets.add(t);
          }
        }
      }
    }
    java.util.BitSet liveAfter = liveAt(exitTargets);
    written = java.util.Arrays.stream(written).filter(liveAfter::get).toArray();
    Label writeBack = new Label();
    java.util.Set<Integer> emitted = new java.util.HashSet<>();
    while (emitted.size() < exits.size()) { // (a copy may add exits: its branches')
      int exit = -1;
      for (int pc : exits.keySet()) {
        if (!emitted.contains(pc)) {
          exit = pc;
          break;
        }
      }
      emitted.add(exit);
      mv.visitLabel(exits.get(exit));
      if (copies.contains(exit)) {
        tailCopy(exit, k, reenter, writeBack);
        continue;
      }
      pushInt(entryIds[exit]);
      if (written.length == 0) {
        mv.visitInsn(IRETURN);
      } else {
        mv.visitVarInsn(ISTORE, tmpSlot);
        mv.visitJumpInsn(GOTO, writeBack);
      }
    }
    staleNow = null; // every exit settled the stale halves
    if (written.length > 0 && !exits.isEmpty()) {
      mv.visitLabel(writeBack);
      for (int r : written) {
        mv.visitVarInsn(ALOAD, regsSlot);
        pushInt(r);
        loadL(r);
        mv.visitInsn(LASTORE);
      }
      mv.visitVarInsn(ILOAD, tmpSlot);
      mv.visitInsn(IRETURN);
    }
    mv.visitLabel(outOfBounds);
    mv.visitMethodInsn(INVOKESTATIC, RT, "outOfBounds", "()Lorg/wasmj/TrapException;", false);
    mv.visitInsn(ATHROW);
    inChunk = false;
    for (int r = used.nextSetBit(0); r >= 0; r = used.nextSetBit(r + 1)) {
      slots[r] = -1;
      floatSlots[r] = -1;
      doubleSlots[r] = -1;
      laneSlots[r] = -1;
      intLaneSlots[r] = -1;
    }
  }

  // ---- split functions: tail blocks copied into the chunks that branch to them ----

  /**
   * Split mode: pc → the pc of the {@code br_table} or return ending the tail block that starts
   * there ({@link Chunks#tailEnd}) and that a branch from another chunk reaches, else -1; null if none.
   */
  private int[] tailEnds;
  /** While a tail block's copy is emitted: its branch targets within it → their labels there. */
  private java.util.Map<Integer, Label> copyLabels;
  /** The class being generated, and the prefix of the chunk methods being emitted. */
  private ClassWriter classWriter;
  private String chunkPrefix;

  /**
   * Finds the tail blocks a branch from another chunk reaches, and makes every target of
   * their {@code br_table}s an entry, so that a copy in any chunk can go to any of them. Not in
   * functions with lane locals (whose exits settle v128 bits first).
   */
  private void tailBlocks(List<int[]> chunks, boolean[] entry) {
    tailEnds = null;
    if (hasLaneLocals()) {
      return;
    }
    for (int k = 0; k < chunks.size(); k++) {
      int[] chunk = chunks.get(k);
      for (int pc = chunk[0]; pc <= chunk[1] && pc < code.length; pc += Op.size(code, pc)) {
        int[] to = pc == chunk[1] ? new int[] {pc} : targets(pc); // (the fall-through at its end)
        for (int t : to) {
          if ((t < chunk[0] || t >= chunk[1]) && (tailEnds == null || tailEnds[t] < 0)) {
            int end = Chunks.tailEnd(this, t);
            if (end >= 0) {
              if (tailEnds == null) {
                tailEnds = new int[code.length + 1];
                java.util.Arrays.fill(tailEnds, -1);
              }
              tailEnds[t] = end;
              for (int p = t; p <= end; p += Op.size(code, p)) {
                for (int u : targets(p)) {
                  if (u < t || u > end) { // (a copy leaves for it)
                    entry[u] = true;
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * The tail blocks outside the chunk being emitted that it branches (or falls) to and copies:
   * the smallest first, up to {@link Chunks#TAIL_COPIES} estimated bytes in all, or {@link
   * Chunks#TAIL_COPIES_MANY} in a function of many chunks (where the copies' JIT cost adds up).
   */
  private List<Integer> tailCopies(int chunkCount) {
    List<Integer> copies = new java.util.ArrayList<>();
    if (tailEnds == null) {
      return copies;
    }
    for (int pc = chunkFrom; pc <= chunkTo && pc < code.length; pc += Op.size(code, pc)) {
      int[] to = pc == chunkTo ? new int[] {pc} : targets(pc);
      for (int t : to) {
        if ((t < chunkFrom || t >= chunkTo) && tailEnds[t] >= 0 && !copies.contains(t)) {
          copies.add(t);
        }
      }
    }
    copies.sort(java.util.Comparator.comparingInt((Integer t) -> Chunks.tailCost(this, t, tailEnds[t]))
        .thenComparingInt(t -> t));
    int total = 0;
    for (int i = 0; i < copies.size(); i++) {
      total += Chunks.tailCost(this, copies.get(i), tailEnds[copies.get(i)]);
      if (total > (chunkCount > Chunks.FEW_CHUNKS ? Chunks.TAIL_COPIES_MANY : Chunks.TAIL_COPIES)) {
        return copies.subList(0, i);
      }
    }
    return copies;
  }

  /**
   * At the exit to the tail block at {@code from}: the block's code, then its return, or its
   * {@code br_table} as a look-up of the target's entry id (the class's {@code int[]} of them for
   * this {@code br_table}); an entry of this chunk ({@code k}) is reached through its entry switch
   * ({@code reenter}), with the registers still in locals; any other leaves the chunk as every
   * exit does ({@code writeBack}). Saves one of the two moves between chunks per dispatch, and
   * the move to return.
   */
  private void tailCopy(int from, int k, Label reenter, Label writeBack) {
    int end = tailEnds[from];
    copyLabels = new java.util.HashMap<>();
    for (int pc = from; pc <= end; pc += Op.size(code, pc)) {
      for (int t : targets(pc)) {
        if (t > from && t <= end) {
          copyLabels.putIfAbsent(t, new Label());
        }
      }
    }
    for (int pc = from; pc < end; pc += Op.size(code, pc)) {
      if (copyLabels.containsKey(pc)) {
        mv.visitLabel(copyLabels.get(pc));
      }
      instruction(pc);
    }
    if (copyLabels.containsKey(end)) {
      mv.visitLabel(copyLabels.get(end));
    }
    copyLabels = null;
    if (code[end] != OpCodes.BR_TABLE_RI) {
      instruction(end); // a return, or a br: to this chunk, a copy, or an exit
      return;
    }
    int n = code[end + 2];
    String table = chunkPrefix + "D" + end;
    if (!staticInts.containsKey(table)) {
      StringBuilder ids = new StringBuilder();
      for (int t : targets(end)) {
        ids.append((char) (entryIds[t] >>> 16)).append((char) entryIds[t]);
      }
      staticInts(classWriter, table, ids.toString());
    }
    loadI(code[end + 1]);
    mv.visitVarInsn(ISTORE, tmpSlot);
    Label inRange = new Label();
    mv.visitVarInsn(ILOAD, tmpSlot);
    pushInt(Integer.MIN_VALUE);
    mv.visitInsn(IXOR);
    pushInt((n - 1) ^ Integer.MIN_VALUE);
    mv.visitJumpInsn(IF_ICMPLT, inRange); // unsigned below n - 1; else the last target
    pushInt(n - 1);
    mv.visitVarInsn(ISTORE, tmpSlot);
    mv.visitLabel(inRange);
    mv.visitFieldInsn(GETSTATIC, className, table, "[I");
    mv.visitVarInsn(ILOAD, tmpSlot);
    mv.visitInsn(IALOAD);
    mv.visitVarInsn(ISTORE, tmpSlot);
    mv.visitVarInsn(ILOAD, tmpSlot);
    pushInt(16);
    mv.visitInsn(IUSHR);
    pushInt(k);
    Label away = new Label();
    mv.visitJumpInsn(IF_ICMPNE, away);
    mv.visitVarInsn(ILOAD, tmpSlot);
    mv.visitVarInsn(ISTORE, CHUNK_ENTRY_SLOT);
    mv.visitJumpInsn(GOTO, reenter);
    mv.visitLabel(away);
    if (written.length == 0) {
      mv.visitVarInsn(ILOAD, tmpSlot);
      mv.visitInsn(IRETURN);
    } else {
      mv.visitJumpInsn(GOTO, writeBack);
    }
  }

  /** A chunk method's parameter holding the entry id to start at ({@link #CHUNK_DESC}). */
  private static final int CHUNK_ENTRY_SLOT = 3;

  /** Branch targets of the instruction at {@code pc}. */
  int[] targets(int pc) {
    return Op.targets(code, pc);
  }

  private int reg(int r) {
    return slots[r];
  }

  /** Whole-method modes: every register but the constants gets a local, by its width, from {@link #regBase}. */
  private void assignLocals() {
    registers();
    slots = new int[ir.registerCount()];
    java.util.Arrays.fill(slots, -1);
    floatSlots = slots.clone();
    doubleSlots = slots.clone();
    laneSlots = slots.clone();
    intLaneSlots = slots.clone();
    int next = regBase;
    for (int r = 0; r < slots.length; r++) {
      if (!registers.isConstant(r)) {
        next = assignLocal(r, next);
      }
    }
    localsEnd = next;
  }

  /** Gives register {@code r} its locals from slot {@code next} on; returns the next free slot. */
  private int assignLocal(int r, int next) {
    slots[r] = next;
    next += registers.isWide(r) ? 2 : 1;
    if (registers.hasFloatLocal(r)) {
      floatSlots[r] = next++;
    }
    if (registers.hasDoubleLocal(r)) {
      doubleSlots[r] = next;
      next += 2;
    }
    if (registers.hasLaneLocals(r) && registers.isVectorHalf(r)) { // one local for both halves
      boolean high = !registers.isVectorPair(r);
      if (high && laneSlots[r - 1] >= 0) {
        laneSlots[r] = laneSlots[r - 1];
      } else {
        laneSlots[r] = next++;
      }
    } else if (registers.hasLaneLocals(r)) {
      laneSlots[r] = next;
      next += 2;
    }
    if (registers.hasIntLanes(r)) {
      intLaneSlots[r] = next;
      next += 2;
    }
    return next;
  }

  /**
   * Too deep for this thread? Then {@code deeper} runs the call on a thread with a fresh stack, or
   * finds the call stack exhausted, before anything else. A generated function gets the calls it
   * may still nest on the current thread, its budget ({@code maxCallDepth} minus its depth, less
   * the store's stack floor), and passes one less to its callees: the check is a compare with
   * zero, no loads.
   */
  private void checkDepth() {
    Label deepEnough = new Label();
    mv.visitVarInsn(ILOAD, depthSlot);
    mv.visitJumpInsn(IFGE, deepEnough);
    fuelParameterToStore();
    int slot = 0;
    for (char k : slotKinds(type.params()).toCharArray()) {
      mv.visitVarInsn(k == 'I' ? ILOAD : LLOAD, slot);
      slot += k == 'I' ? 1 : 2;
    }
    mv.visitVarInsn(ALOAD, instSlot);
    mv.visitVarInsn(ILOAD, depthSlot);
    mv.visitMethodInsn(INVOKESTATIC, className, "deeper", descriptor(type), false);
    if (fuelParam) { // deeper left the fuel in the store; the caller reads fuelBack
      mv.visitVarInsn(ALOAD, instSlot);
      storeFuelToFuelBack(mv);
    }
    returnInvokes(mv);
    mv.visitLabel(deepEnough);
  }

  void loadL(int r) {
    if (registers.isConstant(r)) {
      pushLong(registers.constant(r));
      return;
    }
    if (floatValued(r)) {
      floatValuedBits(r);
      if (!registers.isWide(r)) {
        mv.visitInsn(I2L);
      }
      return;
    }
    if (staleNow != null && staleNow.get(r) && (laneSlots[r] >= 0 || intLaneSlots[r] >= 0)) {
      packLanes(r);
      return;
    }
    if (registers.isWide(r)) {
      mv.visitVarInsn(LLOAD, reg(r));
    } else {
      mv.visitVarInsn(ILOAD, reg(r));
      mv.visitInsn(I2L);
    }
  }

  void loadI(int r) {
    if (registers.isConstant(r)) {
      pushInt((int) registers.constant(r));
      return;
    }
    if (floatValued(r) && !registers.isWide(r)) {
      floatValuedBits(r);
      return;
    }
    if (registers.isWide(r)) {
      loadL(r);
      mv.visitInsn(L2I);
    } else {
      mv.visitVarInsn(ILOAD, reg(r));
    }
  }

  /** True if register {@code r} is a constant set at the entry: read as an immediate, never stored. */
  boolean isConstant(int r) {
    return registers().isConstant(r);
  }

  /** What is known of the lanes of the v128 values SIMD ops read, found on first use. */
  LaneRanges laneRanges() {
    if (laneRanges == null) {
      laneRanges = LaneRanges.of(this);
    }
    return laneRanges;
  }

  /** The byte-lane chains of the function's SIMD code ({@link ByteChains}), found on first use. */
  ByteChains byteChains() {
    if (byteChains == null) {
      byteChains = ByteChains.of(this);
    }
    return byteChains;
  }

  /** True if the instruction at {@code pc} is in the chunk being emitted. */
  boolean chunkHolds(int pc) {
    return pc >= chunkFrom && pc < chunkTo;
  }

  /** What is known of the registers, found on first use. */
  private Registers registers() {
    if (registers == null) {
      registers = Registers.of(this);
      laneBits = LaneBits.of(this, registers);
    }
    return registers;
  }

  /** Pushes register {@code r}'s f32 value as a {@code float}: its float local if it has one. */
  void loadF(int r) {
    if (registers.isConstant(r)) {
      pushFloatBits((int) registers.constant(r));
    } else if (floatSlots[r] >= 0) {
      mv.visitVarInsn(FLOAD, floatSlots[r]);
    } else {
      loadI(r);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    }
  }

  /** Pushes register {@code r}'s f64 value as a {@code double}: its double local if it has one. */
  void loadD(int r) {
    if (registers.isConstant(r)) {
      pushDoubleBits(registers.constant(r));
    } else if (doubleSlots[r] >= 0) {
      mv.visitVarInsn(DLOAD, doubleSlots[r]);
    } else {
      loadL(r);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    }
  }

  /** Pushes the {@code float} of {@code bits} (a NaN by its bits, so its payload is exact). */
  private void pushFloatBits(int bits) {
    float f = Float.intBitsToFloat(bits);
    if (bits == 0) {
      mv.visitInsn(FCONST_0);
    } else if (f != f) {
      pushInt(bits);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    } else {
      mv.visitLdcInsn(f);
    }
  }

  /** Pushes the {@code double} of {@code bits} (a NaN by its bits, so its payload is exact). */
  private void pushDoubleBits(long bits) {
    double d = Double.longBitsToDouble(bits);
    if (bits == 0) {
      mv.visitInsn(DCONST_0);
    } else if (d != d) {
      pushLong(bits);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    } else {
      mv.visitLdcInsn(d);
    }
  }

  /** Stores the {@code long} on the stack in register {@code r}, and its float locals. */
  void storeL(int r) {
    storeL(r, true, true);
  }

  /** Stores the {@code int} on the stack in register {@code r}, and its float locals. */
  void storeI(int r) {
    storeI(r, true, true);
  }

  /**
   * Stores a value of type {@code t} (on the stack as {@code int} if {@link #isInt}, else
   * {@code long}) in register {@code r}, and in its float local if an f32, its double local if an
   * f64: a typed write leaves the other locals stale, as nothing reads them before a write of
   * their type (see {@link Registers}).
   */
  void storeTyped(int r, ValType t) {
    if (isInt(t)) {
      storeI(r, t == ValType.F32, false);
    } else {
      storeL(r, false, t == ValType.F64);
    }
  }

  /** True if register {@code r} is float-valued ({@link Registers#isFloatValued}) and has its float (double) local here. */
  private boolean floatValued(int r) {
    return registers.isFloatValued(r)
        && (registers.isWide(r) ? doubleSlots[r] >= 0 : floatSlots[r] >= 0);
  }

  /**
   * Pushes the bits of float-valued register {@code r} ({@link Registers#isFloatValued}): its
   * float (double) local, canonicalised; its bits local is not kept up to date.
   */
  private void floatValuedBits(int r) {
    if (registers.isWide(r)) {
      mv.visitVarInsn(DLOAD, doubleSlots[r]);
      mv.visitMethodInsn(INVOKESTATIC, RT, "f64Bits", "(D)J", false);
    } else {
      mv.visitVarInsn(FLOAD, floatSlots[r]);
      mv.visitMethodInsn(INVOKESTATIC, RT, "f32Bits", "(F)I", false);
    }
  }

  /**
   * Stores an f32 arithmetic result, the {@code float} on the stack, in register {@code r}: as
   * it is in the float local, its NaN canonicalised ({@code Rt.f32Bits}) in the bits local.
   */
  void storeFloatResult(int r) {
    if (floatValued(r)) { // its bits are read from the float
      mv.visitVarInsn(FSTORE, floatSlots[r]);
      return;
    }
    if (floatSlots[r] >= 0) {
      mv.visitInsn(DUP);
      mv.visitVarInsn(FSTORE, floatSlots[r]);
    }
    mv.visitMethodInsn(INVOKESTATIC, RT, "f32Bits", "(F)I", false);
    storeI(r, false, false);
  }

  /** As {@link #storeFloatResult}, for an f64 result, a {@code double} ({@code Rt.f64Bits}). */
  void storeDoubleResult(int r) {
    if (floatValued(r)) { // (as storeFloatResult)
      mv.visitVarInsn(DSTORE, doubleSlots[r]);
      return;
    }
    if (doubleSlots[r] >= 0) {
      mv.visitInsn(DUP2);
      mv.visitVarInsn(DSTORE, doubleSlots[r]);
    }
    mv.visitMethodInsn(INVOKESTATIC, RT, "f64Bits", "(D)J", false);
    storeL(r, false, false);
  }

  /** {@code d <- s}: the bits, and the float locals of {@code d} from those of {@code s}. */
  void copy(int d, int s) {
    loadL(s);
    storeL(d, false, false);
    if (floatSlots[d] >= 0) {
      loadF(s);
      mv.visitVarInsn(FSTORE, floatSlots[d]);
    }
    if (doubleSlots[d] >= 0) {
      loadD(s);
      mv.visitVarInsn(DSTORE, doubleSlots[d]);
    }
    if (laneSlots[d] >= 0 && registers.isVectorHalf(d)) {
      loadL(d);
      vectorHalf(d);
      return;
    }
    for (int lane = 0; laneSlots[d] >= 0 && lane < 2; lane++) {
      loadLane(s, lane);
      mv.visitVarInsn(FSTORE, laneSlots[d] + lane);
    }
    for (int lane = 0; intLaneSlots[d] >= 0 && intLanesLive(d) && lane < 2; lane++) {
      loadL(s); // (not s's int lanes: they are kept only where read, LaneBits)
      intLaneOfBits(lane);
      mv.visitVarInsn(ISTORE, intLaneSlots[d] + lane);
    }
  }

  /**
   * Stores the {@code long} on the stack in v128 half register {@code r}'s bits local only: its
   * int lanes are stored next ({@link #replaceIntLane}).
   */
  void storeHalfBits(int r) {
    storeL(r, false, false);
  }

  /** True if the instruction at {@code pc} reads and writes int lanes ({@link LaneBits#intLaneOp}). */
  boolean intLaneOp(int pc) {
    return laneBits != null && laneBits.intLaneOp(pc);
  }

  /**
   * True if the instruction at {@code pc} computes v128 register {@code d}'s result lane by lane
   * into its int lane locals: an int lane op ({@link #intLaneOp}) into a register whose two halves
   * have them here.
   */
  boolean writesIntLanes(int pc, int d) {
    return intLaneOp(pc) && hasIntLanes(d) && hasIntLanes(d + 1);
  }

  /** True if v128 half register {@code r} has int lane locals here ({@link Registers#hasIntLanes}). */
  boolean hasIntLanes(int r) {
    return intLaneSlots[r] >= 0;
  }

  /**
   * Pushes i32 lane {@code lane} (0: the low 32 bits, 1: the high) of v128 half register
   * {@code r} as an {@code int}: its int lane local if it has one, else from its bits.
   */
  void loadIntLane(int r, int lane) {
    if (!registers.isConstant(r) && intLaneSlots[r] >= 0) {
      mv.visitVarInsn(ILOAD, intLaneSlots[r] + lane);
      return;
    }
    loadL(r);
    intLaneOfBits(lane);
  }

  /**
   * Stores the {@code int} on the stack in int lane local {@code lane} of v128 half register
   * {@code r} (which has them): an i32x4 lane result; its bits are left out of date
   * ({@link LaneBits}) once both lanes are stored.
   */
  void storeIntLane(int r, int lane) {
    mv.visitVarInsn(ISTORE, intLaneSlots[r] + lane);
    if (lane == 1) {
      staleNow.set(r);
    }
  }

  /**
   * Stores the {@code int} on the stack in int lane local {@code lane} of v128 half register
   * {@code r} (which has them) after its bits were stored: the same lane, computed directly (so
   * that C2 need not see through the packing), the bits left up to date.
   */
  void replaceIntLane(int r, int lane) {
    mv.visitVarInsn(ISTORE, intLaneSlots[r] + lane);
  }

  /** True if v128 half register {@code r} has lane locals ({@link Registers#hasLaneLocals}). */
  boolean hasLanes(int r) {
    return laneSlots[r] >= 0;
  }

  /** True if some register has lane locals ({@link Registers#hasLaneLocals}). */
  boolean hasLaneLocals() {
    registers();
    return laneBits != null;
  }

  /** True if v128 half register {@code r} gets lane locals where it is used (for estimates, before emitting). */
  boolean hasLaneLocals(int r) {
    return registers().hasLaneLocals(r);
  }

  /** True if v128 half register {@code r} gets int lane locals where it is used (for estimates, before emitting). */
  boolean hasIntLaneLocals(int r) {
    return registers().hasIntLanes(r);
  }

  /**
   * Pushes lane {@code lane} (0: the low 32 bits, 1: the high) of v128 half register {@code r}
   * as a {@code float}: its lane local if it has one, else from its bits.
   */
  void loadLane(int r, int lane) {
    if (laneSlots[r] >= 0 && registers.isVectorHalf(r)) {
      mv.visitVarInsn(ALOAD, laneSlots[r]);
      VectorLanes.lane(this, (registers.isVectorPair(r) ? 0 : 2) + lane);
      return;
    }
    if (laneSlots[r] >= 0) {
      mv.visitVarInsn(FLOAD, laneSlots[r] + lane);
      return;
    }
    loadL(r);
    laneOfBits(lane);
  }

  /** The {@code long} on the stack → its lane {@code lane} (0: the low 32 bits, 1: the high) as a {@code float}. */
  private void laneOfBits(int lane) {
    intLaneOfBits(lane);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
  }

  /** A v128 half's {@code long} on the stack → its i32 lane {@code lane} (0: the low 32 bits, 1: the high). */
  private void intLaneOfBits(int lane) {
    if (lane == 1) {
      pushInt(32);
      mv.visitInsn(LUSHR);
    }
    mv.visitInsn(L2I);
  }

  /**
   * Stores the float on the stack in lane local {@code lane} of v128 half register {@code r}
   * (which has lane locals): an f32x4 arithmetic result; its bits are left out of date
   * ({@link LaneBits}) once both lanes are stored.
   */
  void storeLane(int r, int lane) {
    if (registers.isVectorHalf(r)) {
      throw new IllegalStateException("lane by lane into a vector register: " + r);
    }
    mv.visitVarInsn(FSTORE, laneSlots[r] + lane);
    if (lane == 1) {
      staleNow.set(r);
    }
  }

  /**
   * Stores the {@code int} on the stack, f32 bits, in all four lanes of v128 register {@code d}
   * and returns true, if both its halves have float lane locals and nothing else beside their
   * bits (no int lanes, no vector local): the lanes get the float itself, so that C2 sees one
   * value, not four unpacked from the packed bits; the bits are stored as well, up to date.
   * Else emits nothing and returns false.
   */
  boolean storeSplat32(int d) {
    for (int r = d; r <= d + 1; r++) {
      if (laneSlots[r] < 0 || intLaneSlots[r] >= 0 || registers.isVectorHalf(r)) {
        return false;
      }
    }
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    for (int k = 0; k < 4; k++) {
      if (k < 3) {
        mv.visitInsn(DUP);
      }
      mv.visitVarInsn(FSTORE, laneSlots[d + k / 2] + k % 2);
    }
    mv.visitInsn(I2L);
    pushLong(0xFFFFFFFFL);
    mv.visitInsn(LAND);
    mv.visitInsn(DUP2);
    pushInt(32);
    mv.visitInsn(LSHL);
    mv.visitInsn(LOR);
    mv.visitInsn(DUP2);
    storeL(d + 1, false, false);
    storeL(d, false, false);
    return true;
  }

  /** Pushes the bits of v128 half {@code r} from its lane locals, each NaN canonicalised ({@code Rt.f32x2Bits}). */
  private void packLanes(int r) {
    if (intLaneSlots[r] >= 0) {
      mv.visitVarInsn(ILOAD, intLaneSlots[r]);
      mv.visitInsn(I2L);
      pushLong(0xFFFFFFFFL);
      mv.visitInsn(LAND);
      mv.visitVarInsn(ILOAD, intLaneSlots[r] + 1);
      mv.visitInsn(I2L);
      pushInt(32);
      mv.visitInsn(LSHL);
      mv.visitInsn(LOR);
      return;
    }
    if (registers.isVectorHalf(r)) {
      mv.visitVarInsn(ALOAD, laneSlots[r]);
      VectorLanes.half(this, registers.isVectorPair(r) ? 0 : 1);
      return;
    }
    mv.visitVarInsn(FLOAD, laneSlots[r]);
    mv.visitVarInsn(FLOAD, laneSlots[r] + 1);
    mv.visitMethodInsn(INVOKESTATIC, RT, "f32x2Bits", "(FF)J", false);
  }

  // ---- the optional vector path (VectorPath, Registers#isVectorPair) ----

  /**
   * On for generated code to keep f32x4 registers in Vector API locals, where the JVM has the
   * module ({@link VectorPath}); tests turn it off and on to compare the two paths.
   */
  static volatile boolean vectorLanes = VectorPath.AVAILABLE;

  /** Every vector local of this method (or chunk) set to zero lanes: before anything writes a half. */
  private void initVectorLocals() {
    for (int r = 0; r < laneSlots.length; r++) {
      if (laneSlots[r] >= 0 && registers.isVectorHalf(r) && (r == 0 || laneSlots[r - 1] != laneSlots[r])) {
        VectorLanes.zero(mv);
        storeObject(laneSlots[r], VectorLanes.FLOAT_VECTOR);
      }
    }
  }

  /** The {@code long} on the stack into the lanes of vector half {@code r} (its vector local updated). */
  private void vectorHalf(int r) {
    mv.visitVarInsn(ALOAD, laneSlots[r]);
    VectorLanes.withHalf(this, registers.isVectorPair(r) ? 0 : 1);
    storeObject(laneSlots[r], VectorLanes.FLOAT_VECTOR);
  }

  /** True if v128 register {@code v} keeps its lanes in a vector local here ({@link Registers#isVectorPair}). */
  boolean isVector(int v) {
    return laneSlots[v] >= 0 && registers.isVectorPair(v) && laneSlots[v + 1] == laneSlots[v];
  }

  /** Pushes v128 register {@code v} as a {@code FloatVector}: its vector local, else made from its bits. */
  void loadVector(int v) {
    if (isVector(v)) {
      mv.visitVarInsn(ALOAD, laneSlots[v]);
      return;
    }
    VectorLanes.of(this, v);
  }

  /**
   * Stores the {@code FloatVector} on the stack, an f32x4 arithmetic result, in v128 register
   * {@code v}'s vector local ({@link #isVector}); its bits are left out of date ({@link LaneBits}).
   */
  void storeVector(int v) {
    storeObject(laneSlots[v], VectorLanes.FLOAT_VECTOR);
    staleNow.set(v);
    staleNow.set(v + 1);
  }

  /** Brings v128 half {@code r}'s {@code long} local up to date if it is not ({@link LaneBits}). */
  void settle(int r) {
    if (staleNow != null && staleNow.get(r) && (laneSlots[r] >= 0 || intLaneSlots[r] >= 0)) { // (else not in this chunk)
      packLanes(r);
      storeL(r, false, false);
    }
  }

  /** Settles the stale halves among {@code halves}. */
  private void settle(java.util.BitSet halves) {
    for (int r = halves.nextSetBit(0); r >= 0; r = halves.nextSetBit(r + 1)) {
      if (staleNow.get(r)) {
        settle(r);
      }
    }
  }

  /**
   * Before the instruction at {@code pc} (not fused into one before it): the stale halves from
   * {@link LaneBits}, and the settling its branches need: those whose bits are live at a target
   * in the chunk, those of registers live at a target outside it ({@link #lanesOut}).
   */
  private void lanesBefore(int pc) {
    staleNow = laneBits.staleAt(pc);
    if (fresh != null) {
      freshen(pc);
    }
    int[] targets = targets(pc);
    if (targets.length == 0 || staleNow.isEmpty()) {
      return;
    }
    java.util.BitSet need = new java.util.BitSet();
    for (int t : targets) {
      need.or(t >= chunkFrom && t < chunkTo ? laneBits.liveAt(t) : lanesOut(t));
    }
    settle(need);
  }

  /**
   * Takes the halves of {@link #fresh} out of {@link #staleNow} at {@code pc}: {@link LaneBits}
   * is made once for the whole function, so at a chunk's first instruction it has the halves that
   * f32x4 arithmetic in the chunk before left stale; but the chunk starts with every register's
   * {@code long} loaded from the frame (the exit before settled it) and its lanes unpacked from
   * that, so until a write or an instruction control may also reach from elsewhere (where
   * LaneBits starts afresh) those bits are up to date. Without this, MATMUL's chunk after its
   * inner loop packed the 128 lanes it had just unpacked, to store the row.
   */
  private void freshen(int pc) {
    if (pc < freshFrom || pc >= chunkTo || pc != chunkFrom && laneBits.entered(pc)) {
      fresh = null;
      return;
    }
    for (int p = freshFrom; p < pc; p += Op.size(code, p)) {
      Chunks.operands(this, p, (r, written) -> {
        if (written) {
          fresh.clear(r);
        }
      });
    }
    freshFrom = pc;
    staleNow.andNot(fresh);
    if (fresh.isEmpty()) {
      fresh = null;
    }
  }

  /**
   * The halves with lane locals to settle on an edge out of the chunk to {@code t}: those of
   * registers live there. The chunk's exits write back the registers live at any exit's target,
   * the next chunk loads (and unpacks into lanes) only those live at its entry, so a register
   * dead at {@code t} is never read from the frame before a write: packing its lanes (a call of
   * {@code Rt.f32x2Bits} per half, which C2 cannot drop when it did not inline it) was waste.
   */
  private java.util.BitSet lanesOut(int t) {
    java.util.BitSet out = liveAt(List.of(t));
    out.and(laneBits.lanes());
    return out;
  }

  /**
   * After the instruction (or fused instructions) from {@code pc}: if control falls through to
   * an instruction where {@link LaneBits} starts afresh (a target, a loop header) or out of the
   * chunk, the settling that edge needs.
   */
  private void lanesAfter(int pc) {
    int next = fusedFrom == pc && fusedTo > pc ? fusedTo : pc + Op.size(code, pc);
    int last = pc;
    while (last + Op.size(code, last) < next) {
      last += Op.size(code, last);
    }
    if (staleNow.isEmpty() || !Op.of(code[last]).fallsThrough()) {
      return;
    }
    if (next >= chunkTo) {
      settle(lanesOut(next));
    } else if (laneBits.entered(next)) {
      settle(laneBits.liveAt(next));
    }
  }

  /**
   * Stores the {@code long} on the stack in register {@code r}; also, if it has them and if
   * asked, in its float local (the low 32 bits as a float) and its double local; with the float
   * local, in a v128 half's lane locals (each 32 bits as a float).
   */
  private void storeL(int r, boolean asFloat, boolean asDouble) {
    if (staleNow != null) {
      staleNow.clear(r);
    }
    if (!registers.isWide(r)) {
      mv.visitInsn(L2I); // a 32-bit value (see Registers): its slot held it sign-extended
      storeI(r, asFloat, asDouble);
      return;
    }
    if (asDouble && doubleSlots[r] >= 0) {
      mv.visitInsn(DUP2);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
      mv.visitVarInsn(DSTORE, doubleSlots[r]);
    }
    if (asFloat && floatSlots[r] >= 0) {
      mv.visitInsn(DUP2);
      mv.visitInsn(L2I);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
      mv.visitVarInsn(FSTORE, floatSlots[r]);
    }
    if (asFloat && laneSlots[r] >= 0 && registers.isVectorHalf(r)) {
      mv.visitInsn(DUP2);
      vectorHalf(r);
    }
    boolean floatLanes = asFloat && laneSlots[r] >= 0 && !registers.isVectorHalf(r) && floatLanesLive(r);
    for (int lane = 0; floatLanes && lane < 2; lane++) { // a v128 half's lanes, if they may be read
      mv.visitInsn(DUP2);
      laneOfBits(lane);
      mv.visitVarInsn(FSTORE, laneSlots[r] + lane);
    }
    boolean intLanes = asFloat && intLaneSlots[r] >= 0 && intLanesLive(r);
    for (int lane = 0; intLanes && lane < 2; lane++) { // its i32 lanes, if they may be read
      mv.visitInsn(DUP2);
      intLaneOfBits(lane);
      mv.visitVarInsn(ISTORE, intLaneSlots[r] + lane);
    }
    mv.visitVarInsn(LSTORE, reg(r));
  }

  /** As {@link #storeL(int, boolean, boolean)}, for an {@code int} on the stack. */
  private void storeI(int r, boolean asFloat, boolean asDouble) {
    if (registers.isWide(r)) {
      mv.visitInsn(I2L);
      storeL(r, asFloat, asDouble);
      return;
    }
    if (asFloat && floatSlots[r] >= 0) {
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
      mv.visitVarInsn(FSTORE, floatSlots[r]);
    }
    if (asDouble && doubleSlots[r] >= 0) { // (a narrow register has none: see Registers)
      mv.visitInsn(DUP);
      mv.visitInsn(I2L);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
      mv.visitVarInsn(DSTORE, doubleSlots[r]);
    }
    mv.visitVarInsn(ISTORE, reg(r));
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

  /**
   * Where a branch to {@code pc} goes: its label, or in split mode an exit out of the chunk (in
   * a tail block's copy, to its own labels first).
   */
  Label label(int pc) {
    if (copyLabels != null && copyLabels.containsKey(pc)) {
      return copyLabels.get(pc);
    }
    if (pc == redirectFrom) {
      return redirectTo;
    }
    if (pc >= chunkFrom && pc < chunkTo) {
      return labels[pc - chunkFrom];
    }
    return exits.computeIfAbsent(pc, t -> new Label());
  }

  /** {@code return} with no value. */
  void returnVoid() {
    if (boxedReturns && regsSlot < 0) {
      mv.visitFieldInsn(GETSTATIC, RT, "NONE", "[J");
      mv.visitInsn(ARETURN);
    } else if (regsSlot < 0) {
      mv.visitInsn(RETURN);
    } else {
      mv.visitInsn(ICONST_M1);
      mv.visitInsn(IRETURN);
    }
  }

  /** {@code return} of the function's one result, in register {@code r}. */
  void returnValue(int r) {
    if (boxedReturns && regsSlot < 0) {
      returnSpan(r, 1);
    } else if (regsSlot < 0) {
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
      storeObject(memSlot, "[B");
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
    if (pc > fusedFrom && pc < fusedTo) { // emitted with an instruction before it
      return;
    }
    lanePc = pc;
    try {
      instructionAt(pc);
    } finally {
      lanePc = -1;
    }
  }

  /**
   * The instruction being emitted, or -1 outside instructions (entries, exits): a write of a half
   * with int lanes there unpacks them only if they may be read after it ({@link #intLanesLive}).
   */
  private int lanePc = -1;

  /**
   * True if the int lanes of v128 half {@code r} may be read after the instruction being emitted
   * (or any it may be fused with) before a write ({@link LaneBits}); always outside instructions.
   */
  boolean intLanesLive(int r) {
    return lanePc < 0 || laneBits == null || laneBits.intLanesLiveAfter(lanePc, FUSED_MAX, r);
  }

  /**
   * True if the float lanes of v128 half {@code r} may be read after the instruction being
   * emitted (or any it may be fused with) before a write ({@link LaneBits}); always outside
   * instructions.
   */
  private boolean floatLanesLive(int r) {
    return lanePc < 0 || laneBits == null || laneBits.floatLanesLiveAfter(lanePc, FUSED_MAX, r);
  }

  /**
   * True if the f32x4 arithmetic at {@code pc} computes its result's bits directly, not its
   * lanes: nothing reads them as lanes before a write ({@link LaneBits#bitsDirect}).
   */
  boolean bitsDirect(int pc) {
    return laneBits != null && laneBits.bitsDirect(pc);
  }

  /**
   * True if the bits of v128 half {@code r} may be read after the instruction being emitted (or
   * any it may be fused with) before a write ({@link LaneBits#liveAt}); always outside
   * instructions, before a branch or at a chunk's end. Where they may not, a write of its int
   * lanes ({@link #replaceIntLane}) need not compute them.
   */
  boolean bitsLive(int r) {
    if (lanePc < 0 || laneBits == null) {
      return true;
    }
    int pc = lanePc;
    for (int k = 0; k < FUSED_MAX; k++) {
      if (targets(pc).length > 0 || !Op.of(code[pc]).fallsThrough()) {
        return true;
      }
      pc += Op.size(code, pc);
      if (pc >= chunkTo || laneBits.liveAt(pc).get(r)) {
        return true;
      }
    }
    return false;
  }

  /** The most instructions one emitter emits together ({@link #fuse}): a load, a multiply and an add. */
  private static final int FUSED_MAX = 3;

  private void instructionAt(int pc) {
    if (flushBefore != null && flushBefore[pc] > 0) {
      chargeNow(flushBefore[pc]); // the deferred charge of the run this instruction is in
      pendingCharge = 0;
    }
    if (laneBits != null) {
      lanesBefore(pc);
    }
    if (deferredCharge != null && deferredCharge[pc]) {
      pendingCharge = code[pc + 1];
    } else if (pendingCharge > 0 && targets(pc).length == 1 && Op.of(code[pc]).fallsThrough()) {
      branchWithCharge(pc);
    } else {
      instructionWithFuel(pc);
    }
    if (laneBits != null) {
      lanesAfter(pc);
    }
    int op = code[pc];
    if (pollSlot >= 0 && needsStoreFuel(op) && !returns(op)) {
      // Code it ran (a host function, a deadline callback) may have moved the epoch or the
      // deadline: the next loop header tests, as every header does in the interpreter.
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ISTORE, pollSlot);
    }
  }

  private static boolean returns(int op) {
    return op == OpCodes.RETURN || op == OpCodes.RETURN_R || op == OpCodes.RETURN_SPAN_RI;
  }

  // ---- host controls: the ops of org.wasmj.ir.Instrumenter ----

  /** Loop-header checks between two tests of the store's interruption state. */
  static final int POLL_INTERVAL = 1024;
  /** The countdown (an {@code int} local) to the next loop header that tests, or -1: each tests. */
  private int pollSlot = -1;
  /**
   * The store's fuel kept in a {@code long} local, or -1: each charge reads and writes the
   * store's. The local holds -1 while the store holds the fuel (during a call).
   */
  private int fuelSlot = -1;

  /**
   * The locals of the host controls, in slots from {@code free} on, set before the code's first
   * label: the fuel, the {@link #INVOKE_FUEL} parameter in its body, else read from the store if
   * the function is metered and loops (in a function without loops, reading and writing the store
   * around its calls and returns costs more than charging the store's fuel: fib x1.9 against x1.7
   * with fuel, ControlPairs; passing it to callees, x1.4); the countdown of
   * loop-header checks, if there are any (0: the first one tests). Only whole methods (invoke,
   * osr) have them: a split function leaves and re-enters its chunks, and a countdown starting
   * again at each entry might never run out.
   */
  private void controlLocals(int free) {
    noControlLocals();
    boolean metered = false;
    boolean headerChecks = false;
    boolean passesOn = false;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      metered |= code[pc] == OpCodes.FUEL_I;
      headerChecks |= code[pc] == OpCodes.CHECK_INTERRUPT && loopHeader(pc);
      passesOn |= passesFuelTo(pc);
    }
    if (fuelParam) {
      fuelSlot = depthSlot + 1;
      if (passesOn) {
        instanceNotNull();
      }
      if (!boxedReturns && regsSlot < 0 && type.results().length <= 1
          && type.resultSlotCount() == type.results().length) { // (not a v128)
        fuelReturn = new Label();
        resultSlot = free;
        free += 2;
        if (type.results().length == 1 && isInt(type.result(0))) {
          mv.visitInsn(ICONST_0);
          mv.visitVarInsn(ISTORE, resultSlot);
        } else if (type.results().length == 1) {
          mv.visitInsn(LCONST_0);
          mv.visitVarInsn(LSTORE, resultSlot);
        }
      }
    } else if (metered && Op.loops(code)) {
      fuelSlot = free;
      free += 2;
      loadStoreFuel();
    }
    if (headerChecks && fuelSlot >= 0) { // (else the checks are branch-free: guardedCheck)
      pollSlot = free;
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ISTORE, pollSlot);
    }
  }

  /**
   * True if the check at {@code pc} is a loop header's: after the entry, or at the entry when a
   * loop starts there (its first pass tests exactly, as an entry's, the others count down).
   */
  private boolean loopHeader(int pc) {
    if (pc > 0) {
      return true;
    }
    for (int[] branch : branches()) {
      for (int i = 1; i < branch.length; i++) {
        if (branch[i] == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * In {@link #INVOKE_FUEL}'s body of a function that passes its fuel on: a null check of the
   * instance at the entry (it is never null), so that C2 knows it is not null from there on.
   * Such a body may touch the instance only after its first call (fib: in the callee's
   * {@link #fuelReturn} store of {@code fuelBack}); where C2 inlines that callee, the callee
   * null-checks the instance for its store and the caller null-checks it again for its read of
   * {@code fuelBack}, and with two checked copies of one reference C2 stored and then loaded
   * the field again rather than use the value stored (one store-to-load round trip per inlined
   * call on the fuel's chain: asm FIB fuel x1.18-1.21 against x1.07-1.13 with the check on JDK
   * 25, x1.10-1.14 against x1.08-1.12 on 17; benchmarks/README.md, session 10, branch fuel7).
   */
  private void instanceNotNull() {
    loadInstance();
    mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "requireNonNull",
        "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    mv.visitInsn(POP);
  }

  /**
   * In {@link #INVOKE_FUEL}'s body of a function with at most one result: the one way out, where
   * every return goes (the result in {@link #resultSlot}), which leaves the fuel in {@code
   * fuelBack} and returns. One store for all returns, so that where C2 inlines the function the
   * caller's read of {@code fuelBack} right after it is the value stored, not a load.
   */
  private Label fuelReturn;
  private int resultSlot = -1;

  /** Emits {@link #fuelReturn}, if the method has one (after its last instruction). */
  private void fuelReturnTail() {
    if (fuelReturn == null) {
      return;
    }
    mv.visitLabel(fuelReturn);
    loadInstance();
    mv.visitVarInsn(LLOAD, fuelSlot);
    mv.visitFieldInsn(PUTFIELD, INSTANCE, "fuelBack", "J");
    if (type.results().length == 0) {
      returnVoid();
    } else if (isInt(type.result(0))) {
      mv.visitVarInsn(ILOAD, resultSlot);
      mv.visitInsn(IRETURN);
    } else {
      mv.visitVarInsn(LLOAD, resultSlot);
      mv.visitInsn(LRETURN);
    }
  }

  /** A method without the locals of {@link #controlLocals}: every check tests, every charge is the store's. */
  private void noControlLocals() {
    loudNests = null; // (planned by body alone)
    loudExits = null;
    fuelReturn = null;
    resultSlot = -1;
    pollSlot = -1;
    fuelSlot = -1;
    noDeferredCharges();
  }

  // ---- funded loops ----

  /** Off for tests that compare funded loops with charged ones. */
  static volatile boolean fundLoops = true;

  /**
   * A loop whose passes can be counted on entry ({@link #planFundedLoops}): its header's charge
   * at {@code head} ({@code cost} a pass), its end (after the {@code br} out that follows its
   * back-edge), the register counted ({@code counter}) up or down by {@code 2^shift} ({@code
   * step} {@code ±2^shift}, or the register {@code stepReg} holding 1 or -1, {@code shift} 0) to
   * {@code bound} (a register, or the constant {@code boundImm} if {@code boundReg} is -1), the
   * counter's update ({@code update}), and the label of its uncharged copy.
   */
  private static final class FundedLoop {
    int head;
    int end;
    int cost;
    int counter;
    int step;
    int shift;
    int update;
    int stepReg = -1;
    int boundReg = -1;
    int boundImm;
    /** The loop's code ends in a {@code br} out (else it falls through to {@code end}). */
    boolean exits;
    final Label copy = new Label();
  }

  /** The funded loops of the method being emitted, by head; null if none. */
  private Map<Integer, FundedLoop> fundedLoops;

  /**
   * Finds the loops (in a whole function that keeps its fuel in a local) whose passes can be
   * counted when they are entered: one charged run a pass ({@code fuel #c} at a back-edge target,
   * then integer and float ops and memory-0 loads and stores, nothing else branching or jumping
   * in, no call nor anything else that needs the store's fuel), ending in its back-edge {@code
   * br_nez r}, {@code i32.ne r b} or {@code i32.ne r #k} to the header (then, in a rotated loop, a
   * {@code br} out), where {@code r} is written once a pass, by {@code r <- r ± 2^j} or {@code
   * r <- r + s} ({@code s} unwritten in the loop), and {@code b} is unwritten; or ending in an
   * add-and-branch op that makes that step and test at once ({@link #fusedStep}): it leaves after
   * exactly {@code (((bound - r) * sign(step)) mod 2^32) / 2^j} passes, when that division is
   * exact (the byte {@code memmove} and {@code memset} loops compilers emit, MATRIX_MUL's
   * unrolled f32 loop). Entered with fuel for all of them ({@link #fundingTest}, which pays them
   * all), such a loop runs in an uncharged copy ({@link #fundedCopy}) that keeps no fuel: a trap
   * in it gives back the passes not made, so it leaves the fuel the charged loop would, and the
   * test, which could never fail, is gone (C2 may then count the loop: {@code memset}).
   */
  private void planFundedLoops() {
    fundedLoops = null;
    if (!fundLoops || fuelSlot < 0 || flushBefore != null || deferredCharge != null) {
      return;
    }
    registers();
    if (laneBits != null) {
      return;
    }
    int n = code.length;
    boolean[] target = new boolean[n + 1];
    for (int[] branch : branches()) {
      for (int i = 1; i < branch.length; i++) {
        target[branch[i]] = true;
      }
    }
    for (int head = 0; head < n; head += Op.size(code, head)) {
      if (code[head] == OpCodes.FUEL_I && target[head]) {
        FundedLoop loop = fundedLoop(head, target);
        if (loop != null) {
          if (fundedLoops == null) {
            fundedLoops = new HashMap<>();
          }
          fundedLoops.put(head, loop);
          if (labels[loop.end] == null) {
            labels[loop.end] = new Label();
          }
        }
      }
    }
  }

  /** Instructions at most in a funded loop's body (its copy is emitted twice). */
  private static final int FUNDED_LOOP_SIZE = 24;

  /** The funded loop at {@code head} ({@link #planFundedLoops}), or null. */
  private FundedLoop fundedLoop(int head, boolean[] target) {
    int pc = head + Op.size(code, head);
    int count = 0;
    while (pc < code.length && targets(pc).length == 0) {
      Op op = Op.of(code[pc]);
      String name = op.name();
      boolean scalar = (name.startsWith("I32_") || name.startsWith("I64_")
          || name.startsWith("F32_") || name.startsWith("F64_")) && op.wasm() != null
          && op.simd() == null && op.shape().indexOf('x') < 0 && op.shape().indexOf('V') < 0
          && op.shape().indexOf('v') < 0;
      if (target[pc] || !(scalar || op == Op.COUNT_LOOP) || needsStoreFuel(code[pc])
          || ++count > FUNDED_LOOP_SIZE) {
        return null;
      }
      pc += Op.size(code, pc);
    }
    if (pc >= code.length || target[pc] || targets(pc).length != 1 || targets(pc)[0] != head) {
      return null;
    }
    int back = pc;
    FundedLoop loop = new FundedLoop();
    loop.head = head;
    loop.end = back + Op.size(code, back);
    if (loop.end < code.length && code[loop.end] == OpCodes.BR_T) { // a rotated loop's way out
      loop.end += Op.size(code, loop.end);
      loop.exits = true;
    }
    loop.cost = code[head + 1];
    Op test = Op.of(code[back]);
    int a = code[back + 1];
    if (test == Op.BR_NEZ_RT) {
      loop.counter = a;
    } else if (test == Op.COPY_BR_NEZ_RRRT) { // a copy, then the test: the copy must not write the counter
      loop.counter = code[back + 3];
      if (a == loop.counter) {
        return null;
      }
    } else if (test == Op.BR_I32_NE_RIT) {
      loop.counter = a;
      loop.boundImm = code[back + 2];
    } else if (test == Op.BR_I32_NE_RRT) {
      int b = code[back + 2];
      boolean aWritten = writes(head, back, a) > 0;
      loop.counter = aWritten ? a : b;
      loop.boundReg = aWritten ? b : a;
      if (writes(head, back, loop.boundReg) > 0) {
        return null;
      }
    } else if (test == Op.I32_ADD_BR_NEZ_RRIT || test == Op.I32_ADD_BR_NE_RRIRT) {
      return fusedStep(loop, back);
    } else {
      return null;
    }
    if (writes(head, back, loop.counter) != 1) {
      return null;
    }
    for (pc = head; pc < back; pc += Op.size(code, pc)) {
      if (Op.of(code[pc]).shape().startsWith("d") && code[pc + 1] == loop.counter) {
        break;
      }
    }
    loop.update = pc;
    Op update = Op.of(code[pc]);
    if (code[pc + 2] == loop.counter && (update == Op.I32_ADD_RRI || update == Op.I32_SUB_RRI)
        && powerOfTwoStep(code[pc + 3])) {
      loop.step = update == Op.I32_ADD_RRI ? code[pc + 3] : -code[pc + 3];
      loop.shift = Integer.numberOfTrailingZeros(code[pc + 3]);
    } else if (update == Op.I32_ADD_RRR
        && (code[pc + 2] == loop.counter) != (code[pc + 3] == loop.counter)) {
      loop.stepReg = code[pc + 2] == loop.counter ? code[pc + 3] : code[pc + 2];
      if (writes(head, back, loop.stepReg) > 0) {
        return null;
      }
    } else {
      return null;
    }
    return loop;
  }

  /**
   * {@code loop} (head and end set) whose back-edge at {@code back} also steps its counter: an
   * add-and-branch op {@code r <- r + 2^j; r != 0} or {@code r != b} ({@code b} unwritten in the
   * loop), the counter written nowhere else; or null.
   */
  private FundedLoop fusedStep(FundedLoop loop, int back) {
    int counter = code[back + 1];
    int step = code[back + 3];
    if (code[back + 2] != counter || !powerOfTwoStep(step) || writes(loop.head, back, counter) > 0) {
      return null;
    }
    if (Op.of(code[back]) == Op.I32_ADD_BR_NE_RRIRT) {
      loop.boundReg = code[back + 4];
      if (loop.boundReg == counter || writes(loop.head, back, loop.boundReg) > 0) {
        return null;
      }
    }
    loop.counter = counter;
    loop.update = back;
    loop.step = step;
    loop.shift = Integer.numberOfTrailingZeros(step);
    return loop;
  }

  /**
   * True if a counter stepping by {@code k} may be funded: {@code ±2^j}, {@code j < 31} (a count
   * of passes is then a shift of the distance to the bound, exact when the distance is a multiple).
   */
  private static boolean powerOfTwoStep(int k) {
    return k != 0 && k != Integer.MIN_VALUE && Integer.bitCount(Math.abs(k)) == 1;
  }

  /** How many instructions in {@code [from, to)} write register {@code r}. */
  private int writes(int from, int to, int r) {
    int[] n = {0};
    for (int pc = from; pc < to; pc += Op.size(code, pc)) {
      Chunks.operands(this, pc, (written, isWrite) -> {
        if (isWrite && written == r) {
          n[0]++;
        }
      });
    }
    return n[0];
  }

  /**
   * Entering {@code loop} from before it: on to its uncharged copy (which follows), the fuel for
   * all its passes paid at once, if the fuel pays for every pass it will make, else to its
   * charged header. Its passes: the distance {@code (bound - counter) * sign(step)} as an unsigned
   * 32-bit count, shifted right by {@code shift}; a distance of 0 (2^32, or 2^(32-shift) passes)
   * or one not a multiple of the step (a loop that never ends) takes the charged loop, as does a
   * step register holding neither 1 nor -1.
   */
  private void fundingTest(FundedLoop loop) {
    Label charged = label(loop.head);
    if (loop.stepReg >= 0) {
      Label one = new Label();
      loadI(loop.stepReg);
      mv.visitInsn(ICONST_1);
      mv.visitJumpInsn(IF_ICMPEQ, one);
      loadI(loop.stepReg);
      mv.visitInsn(ICONST_M1);
      mv.visitJumpInsn(IF_ICMPNE, charged);
      mv.visitLabel(one);
    }
    distance(loop);
    mv.visitJumpInsn(IFEQ, charged);
    if (loop.shift > 0) {
      distance(loop);
      pushInt((1 << loop.shift) - 1);
      mv.visitInsn(IAND);
      mv.visitJumpInsn(IFNE, charged);
    }
    for (int pay = 0; pay < 2; pay++) { // (the test, then the payment: no value on the stack at a branch)
      mv.visitVarInsn(LLOAD, fuelSlot);
      passes(loop);
      pushLong(loop.cost);
      mv.visitInsn(LMUL);
      mv.visitInsn(LSUB);
      if (pay == 0) {
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, charged);
      } else {
        mv.visitVarInsn(LSTORE, fuelSlot);
      }
    }
  }

  /** Pushes the passes {@code loop} has still to make, from its counter now (a {@code long}). */
  private void passes(FundedLoop loop) {
    distance(loop);
    mv.visitInsn(I2L);
    pushLong(0xFFFFFFFFL);
    mv.visitInsn(LAND);
    if (loop.shift > 0) {
      pushInt(loop.shift);
      mv.visitInsn(LUSHR);
    }
  }

  /** Pushes {@code (bound - counter) * sign(step)} (an {@code int}). */
  private void distance(FundedLoop loop) {
    if (loop.boundReg >= 0) {
      loadI(loop.boundReg);
    } else {
      pushInt(loop.boundImm);
    }
    loadI(loop.counter);
    mv.visitInsn(ISUB);
    if (loop.stepReg >= 0) {
      loadI(loop.stepReg);
      mv.visitInsn(IMUL);
    } else if (loop.step < 0) {
      mv.visitInsn(INEG);
    }
  }

  /**
   * {@code loop}'s uncharged copy, before the loop itself (where the funding test goes on, the
   * fuel for all passes paid): it runs the body as the loop does, its back-edge to the copy, with
   * no fuel in it. An exception in pass k of n (a trap) gives back the n - k passes not made,
   * so that the fuel left is the charged loop's: {@link #passes} from the counter, less one
   * before the counter's update in that pass (two handlers, one each side of the update, and two
   * ways to the method's {@link #outOfBounds} for its bounds checks), then on to the method's own
   * handlers. (Funded loops once subtracted each pass's charge in the copy:
   * Temurin 25 kept the fuel in an XMM register, MATRIX_MUL fuel x1.155; benchmarks/README.md,
   * session 14, branch fuel14.)
   */
  private void fundedCopy(FundedLoop loop) {
    Label updated = new Label();
    Label end = new Label();
    Label[] thrown = {new Label(), new Label()}; // before the update, after it
    Label[] outside = {new Label(), new Label()};
    Label shared = outOfBounds;
    mv.visitTryCatchBlock(loop.copy, updated, thrown[0], "java/lang/Throwable");
    mv.visitTryCatchBlock(updated, end, thrown[1], "java/lang/Throwable");
    outOfBounds = outside[0];
    mv.visitLabel(loop.copy);
    redirectFrom = loop.head;
    redirectTo = loop.copy;
    for (int pc = loop.head + Op.size(code, loop.head); pc < loop.end; pc += Op.size(code, pc)) {
      instruction(pc);
      if (pc == loop.update) {
        mv.visitLabel(updated);
        outOfBounds = outside[1];
      }
    }
    redirectFrom = -1;
    outOfBounds = shared;
    if (!loop.exits) {
      mv.visitJumpInsn(GOTO, labels[loop.end]);
    }
    mv.visitLabel(end);
    for (int way = 0; way < 4; way++) {
      boolean beforeUpdate = way % 2 == 0; // thrown[0], outside[0]: the counter not yet stepped
      mv.visitLabel(way < 2 ? thrown[way] : outside[way - 2]);
      mv.visitVarInsn(LLOAD, fuelSlot);
      passes(loop);
      if (beforeUpdate) {
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LSUB);
      }
      pushLong(loop.cost);
      mv.visitInsn(LMUL);
      mv.visitInsn(LADD);
      mv.visitVarInsn(LSTORE, fuelSlot);
      if (way < 2) {
        mv.visitInsn(ATHROW);
      } else {
        mv.visitJumpInsn(GOTO, shared);
      }
    }
  }

  // ---- fuel charges tested late ----

  /**
   * Per position of a {@code fuel} op whose charge is deferred ({@link #planDeferredCharges}):
   * true; null when none is.
   */
  private boolean[] deferredCharge;
  /** Per position: the deferred charge to make before the instruction there, or 0. */
  private int[] flushBefore;
  /** While emitting a deferred run's pure start: its cost, not charged yet; else 0. */
  private int pendingCharge;

  private void noDeferredCharges() {
    deferredCharge = null;
    mergeable = null;
    flushBefore = null;
    pendingCharge = 0;
  }

  /**
   * In a whole function's {@code invoke} that keeps its fuel in a local and has no loops (in
   * loops it measured no better): the runs whose charge
   * waits until their first instruction that is not pure (one that could trap, call, write
   * anything but registers, or leave the method), made just before it, or, on a conditional
   * branch taken before it, together with the charge of the run it jumps to ({@link
   * #branchWithCharge}; only forward, and not into a loop's head). Exact: until then only registers change, which a trap or a call does not
   * let anyone see, so an out-of-fuel trap there leaves the fuel, memory and globals as one at the
   * run's start would. What it saves is a test and a subtraction per taken branch: fib's entry run
   * ({@code n < 2}) and its recursive run cost one charge, not two (ControlPairs asm FIB fuel:
   * see the commit). A run only defers if it has such a branch, ends at an instruction nothing
   * jumps to, and is no such branch's target (which is charged with the branch's run).
   */
  private void planDeferredCharges() {
    noDeferredCharges();
    if (fuelSlot < 0 || Op.loops(code)) { // (in loops, measured no better: PRIME_SIEVE fuel x1.11 against x1.07)
      return;
    }
    int n = code.length;
    boolean[] loopHead = new boolean[n + 1];
    for (int pc = 0; pc < n; pc += Op.size(code, pc)) {
      for (int t : targets(pc)) {
        loopHead[t] |= t <= pc;
      }
    }
    int[] end = new int[n];
    mergeable = new boolean[n + 1];
    boolean any = false;
    for (int pc = 0; pc < n; pc += Op.size(code, pc)) {
      if (code[pc] != OpCodes.FUEL_I) {
        continue;
      }
      int p = pc + Op.size(code, pc);
      boolean branches = false;
      while (p < n && labels[p] == null && pure(Op.of(code[p]))) {
        int[] t = targets(p);
        // Only forward, into a run no loop starts at: going on after its charge from elsewhere
        // would enter a loop past its head, which C2 then compiles as an irregular loop
        // (PRIME_SIEVE fuel x1.05 -> x1.27).
        if (t.length == 1 && t[0] > p && t[0] < n && !loopHead[t[0]]
            && code[t[0]] == OpCodes.FUEL_I) {
          branches = true;
          mergeable[t[0]] = true;
        }
        p += Op.size(code, p);
      }
      if (branches && p < n && labels[p] == null) {
        end[pc] = p;
        any = true;
      }
    }
    if (!any) {
      return;
    }
    deferredCharge = new boolean[n + 1];
    flushBefore = new int[n + 1];
    for (int pc = 0; pc < n; pc += Op.size(code, pc)) {
      if (end[pc] > 0 && !mergeable[pc]) {
        deferredCharge[pc] = true;
        flushBefore[end[pc]] = code[pc + 1];
      }
      if (mergeable[pc] && labels[afterCharge(pc)] == null) {
        labels[afterCharge(pc)] = new Label(); // where a merged charge goes on
      }
    }
  }

  /** Per position: true if a run starts there whose charge a deferred run's branch may make with its own. */
  private boolean[] mergeable;

  /**
   * True if an instruction of {@code op} only computes registers, or branches conditionally: it
   * cannot trap, call, or write memory, tables or globals.
   */
  private static boolean pure(Op op) {
    return Pure.OPS.contains(op);
  }

  /** {@link #pure}'s ops, named once, when fuel planning first asks (the IR's names say what an op does). */
  private static final class Pure {
    static final java.util.Set<Op> OPS = java.util.EnumSet.noneOf(Op.class);

    static {
      for (Op op : Op.values()) {
        String name = op.name();
        if ((name.startsWith("I32_") || name.startsWith("I64_") || name.startsWith("F32_")
            || name.startsWith("F64_") || name.startsWith("BR_") || name.startsWith("COPY")
            || name.startsWith("CONST") || name.startsWith("SELECT"))
            && op != Op.BR_T && op != Op.BR_TABLE_RI && op.simd() == null && !name.contains("LOAD")
            && !name.contains("STORE") && !name.contains("DIV") && !name.contains("REM")
            && !name.contains("TRUNC") && !name.contains("ATOMIC")) {
          OPS.add(op);
        }
      }
    }
  }

  /** A charge of {@code cost} now ({@code fuel}'s emitter): traps before going on if too little is left. */
  private void chargeNow(long cost) {
    beginFuelCharge();
    pushLong(cost);
    endFuelCharge();
  }

  /**
   * A conditional branch in a deferred run: taken, it charges the deferred run's cost and, if its
   * target starts with a charge, that one's too, with one subtraction and one test, then goes on
   * after the target's charge; not taken, the run goes on with its charge still deferred.
   */
  private void branchWithCharge(int pc) {
    int target = targets(pc)[0];
    Label taken = new Label();
    Label notTaken = new Label();
    redirectFrom = target;
    redirectTo = taken;
    instructionWithFuel(pc);
    redirectFrom = -1;
    mv.visitJumpInsn(GOTO, notTaken);
    mv.visitLabel(taken);
    Label after = target > pc && mergeable[target] ? labels[afterCharge(target)] : null;
    if (after != null) {
      long both = (long) pendingCharge + code[target + 1];
      Label paid = new Label();
      mv.visitVarInsn(LLOAD, fuelSlot);
      pushLong(both);
      mv.visitInsn(LSUB);
      mv.visitVarInsn(LSTORE, fuelSlot);
      mv.visitVarInsn(LLOAD, fuelSlot);
      mv.visitInsn(LCONST_0);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFGE, after);
      // too little for both: charge them one by one, so the trap comes at the right one
      mv.visitVarInsn(LLOAD, fuelSlot);
      pushLong(both);
      mv.visitInsn(LADD);
      mv.visitVarInsn(LSTORE, fuelSlot);
      chargeNow(pendingCharge);
      chargeNow(code[target + 1]);
      mv.visitJumpInsn(GOTO, after);
    } else {
      chargeNow(pendingCharge);
      mv.visitJumpInsn(GOTO, label(target));
    }
    mv.visitLabel(notTaken);
  }

  /** The instruction after the {@code fuel} op at {@code pc}. */
  private int afterCharge(int pc) {
    return pc + Op.size(code, pc);
  }

  /** While a branch of {@link #branchWithCharge} is emitted: its target, and the label it goes to instead. */
  private int redirectFrom = -1;
  private Label redirectTo;

  /**
   * {@code check_interrupt} at {@code pc}. The entry's check (and each check of a method without
   * a countdown: a chunk) tests the store's stop request, one opaque read ({@code
   * StoreState.stopRequested}: the epoch reaching the deadline sets it at once, an interrupt of
   * the thread within milliseconds), and calls {@code checkStop} (which checks exactly, and traps
   * or asks the deadline callback) if it is set. A loop header's check (the entry's too, if a
   * loop starts there, so that an endless loop never waits for the watcher) tests exactly ({@code
   * interruptPending}, then {@code checkInterrupt}) at the first header passed in the call and the
   * first after each call out (what the callee did to the epoch, the deadline or its own thread's
   * interrupt status is seen at once, as in the interpreter), then, once a test found nothing
   * pending, every {@link #POLL_INTERVAL}th: a deadline or interrupt that another thread brings
   * stops a loop within that many iterations (each bounded: calls check at their entry), and while
   * a deadline stays passed (a callback that extends it by 0) every check asks. All of it is
   * skipped while {@code StoreState.noStopSite} says no stop was requested lately: C2 compiles the
   * check to nothing then (a loop header's countdown cost MATRIX_MUL x1.47 and PRIME_SIEVE x1.3,
   * ControlPairs), and a request deoptimizes the code at once.
   */
  void checkInterrupt(int pc) {
    if (fuelSlot < 0 && loopHeader(pc) && loudNest(pc) >= 0) {
      leaveForLoudCopy(pc);
      return;
    }
    if (fuelSlot < 0) {
      guardedCheck(loopHeader(pc));
      return;
    }
    Label done = new Label();
    mv.visitInvokeDynamicInsn("noStop", "()Z", LINK_NO_STOP);
    mv.visitJumpInsn(IFNE, done); // no stop requested lately: C2 compiles the check away
    boolean counted = pollSlot >= 0 && loopHeader(pc);
    Label clear = counted ? new Label() : done;
    if (counted) {
      mv.visitIincInsn(pollSlot, -1);
      mv.visitVarInsn(ILOAD, pollSlot);
      mv.visitJumpInsn(IFGT, done);
    }
    loadStore();
    mv.visitMethodInsn(INVOKEVIRTUAL, STORE, counted ? "interruptPending" : "stopRequested", "()Z",
        false);
    mv.visitJumpInsn(IFEQ, clear);
    storeFuel(); // the deadline callback may read or set it
    loadStore();
    mv.visitMethodInsn(INVOKEVIRTUAL, STORE, counted ? "checkInterrupt" : "checkStop", "()V",
        false);
    loadStoreFuel();
    reloadMemory(); // the deadline callback is host code: it may have grown memory
    if (counted) {
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(clear);
      pushInt(POLL_INTERVAL);
      mv.visitVarInsn(ISTORE, pollSlot);
    }
    mv.visitLabel(done);
  }

  // ---- loop-header checks that leave for a loud copy of their loop nest ----

  /**
   * Whether {@link #body} may give its loop-header checks loud copies ({@link #planLoudCopies});
   * {@link #compile()} clears it for a second try when the method with them is too large.
   */
  private boolean loudCopiesAllowed = true;
  /** True if the last {@link #body} made loud copies. */
  private boolean madeLoudCopies;
  /**
   * While {@link #body} is emitted with loud copies: its loop nests, each {@code [first pc, last
   * pc]} (a maximal run of overlapping loops, from a header to the last branch back to a header
   * in it); else null.
   */
  private List<int[]> loudNests;
  /** The loud paths taken so far ({@link #leaveForLoudCopy}), each emitted with its nest's copy. */
  private List<LoudExit> loudExits;

  /** A loop-header check's loud path: its label, the pc after the check, and the nest's index. */
  private record LoudExit(Label label, int after, int nest) {}

  /**
   * In a whole method of a function with memory and no fuel local: finds the loop nests that
   * load or store memory, whose header checks then leave for a copy of their nest when a stop was
   * requested lately ({@link #leaveForLoudCopy}). A header check that read memory 0's array
   * again after it and went on in the loop (as {@link #guardedCheck} does) gives C2 a second
   * definition of the array in the loop, even while the read is compiled out or never taken:
   * C2's type flow sees the local stored in the loop, and asm PRIME_SIEVE's marking loop then
   * kept two bounds checks and an unfused read-modify-write (epoch x1.05-1.12 against none;
   * without the read x1.0, unsound).
   * The copy reads the array again after each of its checks, and leaves for the code after the
   * nest: the nest itself never stores the array.
   */
  private void planLoudCopies() {
    loudNests = null;
    loudExits = null;
    madeLoudCopies = false;
    if (!loudCopiesAllowed || !hasMemory || fuelSlot >= 0 || hasLaneLocals()) {
      return;
    }
    boolean checks = false;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      checks |= code[pc] == OpCodes.CHECK_INTERRUPT && loopHeader(pc);
    }
    if (!checks) {
      return;
    }
    List<int[]> loops = new java.util.ArrayList<>();
    for (int[] branch : branches()) { // (made once per function; this runs at each generate)
      for (int k = 1; k < branch.length; k++) {
        if (branch[k] <= branch[0]) {
          loops.add(new int[] {branch[k], branch[0]});
        }
      }
    }
    if (loops.isEmpty()) {
      return;
    }
    loops.sort(java.util.Comparator.comparingInt((int[] l) -> l[0]));
    List<int[]> nests = new java.util.ArrayList<>();
    for (int[] l : loops) {
      int[] last = nests.isEmpty() ? null : nests.get(nests.size() - 1);
      if (last != null && l[0] <= last[1]) {
        last[1] = Math.max(last[1], l[1]);
      } else {
        nests.add(l.clone());
      }
    }
    nests.removeIf(n -> !accessesMemory(n)); // (a nest that never reads the array gains nothing)
    if (nests.isEmpty()) {
      return;
    }
    for (int[] n : nests) { // where a copy goes on after its last instruction
      int next = n[1] + Op.size(code, n[1]);
      if (labels[next] == null) {
        labels[next] = new Label();
      }
    }
    loudNests = nests;
    loudExits = new java.util.ArrayList<>();
  }

  /** The index in {@link #loudNests} of the nest holding {@code pc}, or -1 (none, or no copies). */
  private int loudNest(int pc) {
    for (int k = 0; loudNests != null && k < loudNests.size(); k++) {
      if (loudNests.get(k)[0] <= pc && pc <= loudNests.get(k)[1]) {
        return k;
      }
    }
    return -1;
  }

  /** True if an instruction in {@code nest} ({@code [first pc, last pc]}) loads or stores memory. */
  private boolean accessesMemory(int[] nest) {
    for (int pc = nest[0]; pc <= nest[1]; pc += Op.size(code, pc)) {
      org.wasmj.parser.Opcode w = Op.of(code[pc]).wasm();
      if (w != null && w.immediates() == org.wasmj.parser.Opcode.Imm.MEMARG) {
        return true;
      }
    }
    return false;
  }

  /**
   * A loop header's check at {@code pc} in a nest with a loud copy: nothing while {@code
   * StoreState.noStopSite} says no stop was requested lately (C2 compiles the test to nothing and
   * never parses the loud path), else on to the loud path: the exact check ({@code
   * Rt.loopCheck}), memory 0's array read again (the deadline callback is host code: it may have
   * grown memory), and on in the nest's copy after this check.
   */
  private void leaveForLoudCopy(int pc) {
    int nest = loudNest(pc);
    Label loud = new Label();
    loudExits.add(new LoudExit(loud, pc + Op.size(code, pc), nest));
    mv.visitInvokeDynamicInsn("noStop", "()Z", LINK_NO_STOP);
    mv.visitJumpInsn(IFEQ, loud);
  }

  /**
   * After the function's code: each loud path ({@link #leaveForLoudCopy}), then a copy of each
   * nest a loud path goes to, whose branches within the nest stay in the copy, whose checks are
   * {@link #guardedCheck}'s, and which goes on after the nest in the function's code.
   */
  private void loudCopies() {
    if (loudNests == null) {
      return;
    }
    List<LoudExit> exits = loudExits;
    List<int[]> nests = loudNests;
    loudNests = null;
    loudExits = null;
    if (exits.isEmpty()) {
      return;
    }
    madeLoudCopies = true;
    if (labels[code.length] == null) {
      labels[code.length] = new Label();
    }
    mv.visitJumpInsn(GOTO, labels[code.length]); // (the code ends in a return: never taken)
    for (int k = 0; k < nests.size(); k++) {
      int[] nest = nests.get(k);
      java.util.Map<Integer, Label> copy = new java.util.HashMap<>();
      boolean used = false;
      for (LoudExit e : exits) {
        if (e.nest() == k) {
          used = true;
          copy.putIfAbsent(e.after(), new Label());
        }
      }
      if (!used) {
        continue;
      }
      for (int pc = nest[0]; pc <= nest[1]; pc += Op.size(code, pc)) {
        for (int t : targets(pc)) {
          if (t >= nest[0] && t <= nest[1]) {
            copy.putIfAbsent(t, new Label());
          }
        }
      }
      for (LoudExit e : exits) {
        if (e.nest() == k) {
          mv.visitLabel(e.label());
          loadInstance();
          mv.visitMethodInsn(INVOKESTATIC, RT, "loopCheck", "(" + INSTANCE_DESC + ")V", false);
          reloadMemory();
          mv.visitJumpInsn(GOTO, copy.get(e.after()));
        }
      }
      copyLabels = copy;
      fusedFrom = -1; // (what the function's code fused last is no concern of the copy)
      fusedTo = -1;
      for (int pc = nest[0]; pc <= nest[1]; pc += Op.size(code, pc)) {
        if (copy.containsKey(pc)) {
          mv.visitLabel(copy.get(pc));
        }
        instruction(pc);
      }
      copyLabels = null;
      mv.visitJumpInsn(GOTO, labels[nest[1] + Op.size(code, nest[1])]);
    }
  }

  /** The bootstrap of {@link #guardedCheck}'s call sites: {@code Rt.linkCheck}. */
  private static final org.objectweb.asm.Handle LINK_CHECK = new org.objectweb.asm.Handle(
      H_INVOKESTATIC, RT, "linkCheck", "(Ljava/lang/invoke/MethodHandles$Lookup;"
          + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);

  /**
   * A check without a fuel local to save around it: one {@code invokedynamic} ({@code
   * Rt.linkCheck}) that is nothing while {@code StoreState.noStopSite} says no stop was requested
   * lately, else {@code Rt.loopCheck} (exact, every time) at a loop header, {@code
   * Rt.entryCheck} (the store's stop request) at an entry. No branch, no countdown, no dead slow
   * path in the method: with them, even folded away, C2 compiled MATRIX_MUL's inner loop worse
   * (values spilled to the stack, x1.13-1.27 with ControlPairs' epoch against none; with this
   * form x1.0). An entry's check takes memory 0's array and returns it (the deadline callback
   * may have grown memory); a loop header's returns nothing, and the array is read again from
   * the instance after it: an array that came back through the call site each pass was a new
   * value to C2 (cast from the handle's {@code Object}), so the loop's bounds checks were not
   * hoisted nor merged (PRIME_SIEVE's sieve loop read the array's length and checked it twice a
   * pass: epoch x1.12-1.21 against none; MATRIX_MUL x1.25 in some JVMs), while the field reads
   * are loop-invariant where the loop calls nothing (epoch x0.99-1.04 on every kernel). A whole
   * method's loop nests that access memory check by {@link #leaveForLoudCopy} instead, so that
   * the nest never stores the array; their copies check here.
   */
  private void guardedCheck(boolean header) {
    String name = header ? "loopCheck" : "entryCheck";
    loadInstance();
    if (header && hasMemory) {
      mv.visitInvokeDynamicInsn(name, "(" + INSTANCE_DESC + ")V", LINK_CHECK);
      reloadMemory();
    } else if (hasMemory) {
      mv.visitVarInsn(ALOAD, memSlot);
      mv.visitInvokeDynamicInsn(name, "(" + INSTANCE_DESC + "[B)[B", LINK_CHECK);
      storeObject(memSlot, "[B");
    } else {
      mv.visitInvokeDynamicInsn(name, "(" + INSTANCE_DESC + ")V", LINK_CHECK);
    }
  }

  /** Starts a fuel charge ({@code fuel} and its kin): pushes the fuel local, or the store. */
  void beginFuelCharge() {
    if (fuelSlot >= 0) {
      mv.visitVarInsn(LLOAD, fuelSlot);
    } else {
      loadStore();
    }
  }

  /**
   * Ends a fuel charge whose cost ({@code long}) is on the stack above what
   * {@link #beginFuelCharge} pushed: {@code Rt.chargeFuel} into the local, or
   * {@code store.consumeFuel}.
   */
  void endFuelCharge() {
    if (fuelSlot >= 0) {
      loadInstance();
      mv.visitMethodInsn(INVOKESTATIC, RT, "chargeFuel", "(JJ" + INSTANCE_DESC + ")J", false);
      mv.visitVarInsn(LSTORE, fuelSlot);
    } else {
      mv.visitMethodInsn(INVOKEVIRTUAL, STORE, "consumeFuel", "(J)V", false);
    }
  }

  /**
   * True if the op at hand may run code that reads or sets the store's fuel, or leaves the
   * method: the fuel local goes to the store before it (and comes back after it).
   */
  private static boolean needsStoreFuel(int op) {
    switch (op) {
      case OpCodes.CALL_XR: // guest or host code
      case OpCodes.CALL_INDIRECT_XXRR:
      case OpCodes.MEMORY_GROW_RRX: // a ResourceLimiter
      case OpCodes.TABLE_GROW_RRRX:
      case OpCodes.MEMORY_FILL_RRRX: // interruption checks: a deadline callback
      case OpCodes.MEMORY_COPY_RRRXX:
      case OpCodes.MEMORY_INIT_RRRXX:
      case OpCodes.RETURN:
      case OpCodes.RETURN_R:
      case OpCodes.RETURN_SPAN_RI:
        return true;
      default:
        return false;
    }
  }

  /** The op at {@code pc}, the fuel local in the store around it if {@link #needsStoreFuel}. */
  private void instructionWithFuel(int pc) {
    int op = code[pc];
    if (fuelSlot < 0 || !needsStoreFuel(op)) {
      Emitters.of(Op.of(op)).emit(this, pc);
      if (passesFuelTo(pc)) { // the callee left its fuel in fuelBack: the store holds ours
        loadStore();
        loadInstance();
        mv.visitFieldInsn(GETFIELD, INSTANCE, "fuelBack", "J");
        mv.visitFieldInsn(PUTFIELD, STORE, "fuel", "J");
      }
      return;
    }
    if (returns(op) && fuelParam && fuelReturn != null && op != OpCodes.RETURN_SPAN_RI) {
      if (op == OpCodes.RETURN_R) { // the result into its local, then the one way out
        if (isInt(type.result(0))) {
          loadI(code[pc + 1]);
          mv.visitVarInsn(ISTORE, resultSlot);
        } else {
          loadL(code[pc + 1]);
          mv.visitVarInsn(LSTORE, resultSlot);
        }
      }
      mv.visitJumpInsn(GOTO, fuelReturn);
      return;
    }
    if (returns(op) && fuelParam) { // back to a caller that reads fuelBack (INVOKE_FUEL)
      loadInstance();
      mv.visitVarInsn(LLOAD, fuelSlot);
      mv.visitFieldInsn(PUTFIELD, INSTANCE, "fuelBack", "J");
      Emitters.of(Op.of(op)).emit(this, pc);
      return;
    }
    boolean passes = passesFuelTo(pc);
    if (!passes) {
      storeFuel();
    } // else call pushes the fuel local as the callee's, and leaves -1 in it
    Emitters.of(Op.of(op)).emit(this, pc);
    if (passes) {
      loadInstance();
      mv.visitFieldInsn(GETFIELD, INSTANCE, "fuelBack", "J");
      mv.visitVarInsn(LSTORE, fuelSlot);
    } else if (!returns(op)) {
      loadStoreFuel();
    }
  }

  /** The fuel local into the store, leaving -1 in the local (the store holds it); if there is one. */
  private void storeFuel() {
    if (fuelSlot >= 0) {
      loadStore();
      mv.visitVarInsn(LLOAD, fuelSlot);
      mv.visitFieldInsn(PUTFIELD, STORE, "fuel", "J");
      mv.visitLdcInsn(-1L);
      mv.visitVarInsn(LSTORE, fuelSlot);
    }
  }

  /** The store's fuel into the fuel local, if there is one. */
  private void loadStoreFuel() {
    if (fuelSlot >= 0) {
      loadStore();
      mv.visitFieldInsn(GETFIELD, STORE, "fuel", "J");
      mv.visitVarInsn(LSTORE, fuelSlot);
    }
  }

  /**
   * An exception handler over the code from {@code start} so far, before any other handler
   * that covers it: an exception leaving the method takes the fuel local to the store
   * ({@code Rt.leaveFuel}: unless -1, as when it came out of a call), then goes on.
   */
  private void leaveFuelOnExceptions(Label start) {
    if (fuelSlot < 0) {
      return;
    }
    Label end = new Label();
    Label handler = new Label();
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
    mv.visitLabel(handler);
    loadInstance();
    mv.visitVarInsn(LLOAD, fuelSlot);
    mv.visitMethodInsn(INVOKESTATIC, RT, "leaveFuel", "(" + INSTANCE_DESC + "J)V", false);
    mv.visitInsn(ATHROW);
  }

  private void loadStore() {
    loadInstance();
    mv.visitFieldInsn(GETFIELD, INSTANCE, "store", "L" + STORE + ";");
  }

  // ---- fuel passed to callees ----

  /**
   * {@code invoke}'s twin that a metered function's callers in generated code call: the same
   * parameters and a {@code long} more, the caller's fuel, which the callee keeps in a local (no
   * store round trip at its entry); on its way out, by a return or an exception, it leaves its
   * fuel in the store, where the caller reads it back. Its parameters take two slots more than
   * {@code invoke}'s, which a method handle would take ({@link JvmLimits#hasTypedEntry}): it is
   * only called directly. Only in a class that meters fuel and calls its callees directly (not
   * {@code tiered}'s mutable call sites, which link to {@code invoke}).
   */
  static final String INVOKE_FUEL = "invokeFuel";

  /**
   * Whether typed calls pass the fuel local to {@link #INVOKE_FUEL} (and every class of the
   * module has one): the module meters fuel and calls are direct.
   */
  private final boolean passesFuel;
  /** The method being emitted is a whole function's {@link #INVOKE_FUEL}: its fuel is a parameter. */
  private boolean fuelParam;

  /** True if the instrumented {@code code} charges fuel (every run starts with a charge). */
  private static boolean meters(int[] code) {
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (code[pc] == OpCodes.FUEL_I) {
        return true;
      }
    }
    return false;
  }

  /** {@link #descriptor} with the caller's fuel, a {@code long}, after the depth budget. */
  static String fuelDescriptor(FuncType t) {
    String d = descriptor(t);
    int end = d.indexOf(')');
    return d.substring(0, end) + "J" + d.substring(end);
  }

  /**
   * The entry of a metered class that is not the function's body: for a whole function, {@code
   * invoke}, which passes the store's fuel to {@link #INVOKE_FUEL} (which has the body); else
   * {@link #INVOKE_FUEL}, which puts its fuel in the store and calls {@code invoke}.
   */
  private void fuelEntries(ClassWriter cw, boolean whole) {
    MethodVisitor m = whole ? method(cw, ACC_PUBLIC | ACC_STATIC, "invoke", descriptor(type))
        : method(cw, ACC_PUBLIC | ACC_STATIC, INVOKE_FUEL, fuelDescriptor(type));
    m.visitCode();
    int params = JvmLimits.paramSlots(type);
    if (!whole) {
      m.visitVarInsn(ALOAD, params);
      m.visitFieldInsn(GETFIELD, INSTANCE, "store", "L" + STORE + ";");
      m.visitVarInsn(LLOAD, params + 2);
      m.visitFieldInsn(PUTFIELD, STORE, "fuel", "J");
    }
    int slot = 0;
    for (char k : slotKinds(type.params()).toCharArray()) {
      m.visitVarInsn(k == 'I' ? ILOAD : LLOAD, slot);
      slot += k == 'I' ? 1 : 2;
    }
    m.visitVarInsn(ALOAD, params);
    m.visitVarInsn(ILOAD, params + 1);
    if (whole) {
      m.visitVarInsn(ALOAD, params);
      m.visitFieldInsn(GETFIELD, INSTANCE, "store", "L" + STORE + ";");
      m.visitFieldInsn(GETFIELD, STORE, "fuel", "J");
      m.visitMethodInsn(INVOKESTATIC, className, INVOKE_FUEL, fuelDescriptor(type), false);
      m.visitVarInsn(ALOAD, params); // the fuel it left, into the store
      m.visitFieldInsn(GETFIELD, INSTANCE, "store", "L" + STORE + ";");
      m.visitVarInsn(ALOAD, params);
      m.visitFieldInsn(GETFIELD, INSTANCE, "fuelBack", "J");
      m.visitFieldInsn(PUTFIELD, STORE, "fuel", "J");
    } else {
      m.visitMethodInsn(INVOKESTATIC, className, "invoke", descriptor(type), false);
      m.visitVarInsn(ALOAD, params);
      storeFuelToFuelBack(m);
    }
    returnInvokes(m);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /**
   * The store's fuel into {@code fuelBack} of the instance on the stack of {@code m}, which
   * it pops: on the way back to a caller of {@link #INVOKE_FUEL} after code that left the fuel in
   * the store.
   */
  private static void storeFuelToFuelBack(MethodVisitor m) {
    m.visitInsn(DUP);
    m.visitFieldInsn(GETFIELD, INSTANCE, "store", "L" + STORE + ";");
    m.visitFieldInsn(GETFIELD, STORE, "fuel", "J");
    m.visitFieldInsn(PUTFIELD, INSTANCE, "fuelBack", "J");
  }

  /** In {@link #INVOKE_FUEL}'s body, before it leaves for {@code deeper}: its fuel into the store. */
  private void fuelParameterToStore() {
    if (fuelParam) {
      loadStore();
      mv.visitVarInsn(LLOAD, depthSlot + 1);
      mv.visitFieldInsn(PUTFIELD, STORE, "fuel", "J");
    }
  }

  /** True if the op at {@code pc} is a call that passes the fuel to its callee ({@link #call}). */
  private boolean passesFuelTo(int pc) {
    if (!passesFuel || code[pc] != OpCodes.CALL_XR) {
      return false;
    }
    int funcIndex = code[pc + 1];
    return funcIndex >= module.importedFunctionCount()
        && JvmLimits.hasTypedEntry(module.functionType(funcIndex));
  }

  /**
   * Pushes the fuel for a callee's {@link #INVOKE_FUEL}: the fuel local, leaving -1 in it (the
   * callee leaves its fuel in the store, by a return or an exception), or the store's.
   */
  private void pushFuelArgument() {
    if (fuelSlot >= 0) {
      mv.visitVarInsn(LLOAD, fuelSlot);
      mv.visitLdcInsn(-1L);
      mv.visitVarInsn(LSTORE, fuelSlot);
    } else {
      loadStore();
      mv.visitFieldInsn(GETFIELD, STORE, "fuel", "J");
    }
  }

  // ---- memory ----

  /**
   * Leaves the checked index of {@code base + offset} in {@link #tmpSlot}, for scalar access
   * {@code o} at {@code pc}: its base is its base register, or for the sum forms the 32-bit sum
   * they name (see {@link #address(int, int)}).
   */
  boolean address(Op o, int pc, int offset) {
    int base = pc + (o.hasResult() ? 2 : 1);
    if (!isSumAddress(o) || offset < 0) { // a negative offset is out of bounds whatever the base
      return address(code[base], offset);
    }
    loadI(code[base]); // the base is an i32.add: of two registers, or of a register and #i
    if (o.shape().charAt(base - pc) == 'r') {
      loadI(code[base + 1]);
    } else {
      pushInt(code[base + 1]);
    }
    mv.visitInsn(IADD);
    checkIndex(offset);
    return true;
  }

  /**
   * Leaves the checked index of {@code base + offset} in {@link #tmpSlot}: the sum of an unsigned
   * base and an unsigned offset must not wrap (a negative or wrapped index fails; the upper bound
   * is the VarHandle's or the array's own check).
   */
  boolean address(int baseReg, int offset) {
    if (offset < 0) { // a static offset of 2 GiB or more is out of bounds of any byte[] memory
      mv.visitMethodInsn(INVOKESTATIC, RT, "outOfBounds", "()Lorg/wasmj/TrapException;", false);
      mv.visitInsn(ATHROW);
      return false;
    }
    loadI(baseReg);
    checkIndex(offset);
    return true;
  }

  /** With the base on the operand stack: its sum with {@code offset} checked, into {@link #tmpSlot}. */
  private void checkIndex(int offset) {
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
  }

  void loadMemoryArray(Op o, int pc) {
    if (o.shape().endsWith("x")) {
      element("memories", MEMORY, code[pc + o.size() - 1]); // the memory index is last
      mv.visitFieldInsn(GETFIELD, MEMORY, "bytes", "[B");
    } else {
      mv.visitVarInsn(ALOAD, memSlot);
    }
  }

  /** True for the memory-0 forms whose address is a sum ({@code _RRRI}, {@code _RRII}, {@code _RIRI}). */
  private static boolean isSumAddress(Op o) {
    String shape = o.shape();
    return o.simd() == null
        && (shape.equals("drri") || shape.equals("drii") || shape.equals("rrri") || shape.equals("riri"));
  }

  /**
   * A load or store (memory 0, memory {@code x} for the {@code _RRIX} forms, memory 0 with a sum
   * address for the {@code _RRRI}, {@code _RRII}, {@code _RIRI} forms).
   */
  void memoryAccess(Op o, int pc) {
    boolean load = o.hasResult();
    boolean sum = isSumAddress(o);
    if (o.shape().equals("di")) { // a constant address below 2 GiB: the array's check alone
      pushInt(code[pc + 2]);
      mv.visitVarInsn(ISTORE, tmpSlot);
    } else if (!address(o, pc, code[pc + (sum ? 4 : 3)])) {
      return;
    }
    int value = pc + (sum ? 3 : 2); // a store's value register
    int bits = o.wasm().access().bytes() * 8;
    boolean unsigned = o.wasm().access().zeroExtends();
    loadMemoryArray(o, pc);
    mv.visitVarInsn(ILOAD, tmpSlot);
    String jvm = bits == 16 ? "S" : bits == 32 ? "I" : "J";
    if (load) {
      if (bits == 8) {
        mv.visitInsn(BALOAD);
      } else {
        memoryCall(true, jvm);
      }
      if (unsigned && bits < 32) {
        pushInt(bits == 8 ? 0xFF : 0xFFFF);
        mv.visitInsn(IAND);
      }
      ValType result = o.wasm().results()[0];
      if (unsigned && bits == 32) {
        mv.visitInsn(I2L);
        pushLong(0xFFFFFFFFL);
        mv.visitInsn(LAND);
      } else if (bits < 64 && !isInt(result)) {
        mv.visitInsn(I2L); // i64.load8_s and kin: sign- or (masked above) zero-extended
      }
      storeTyped(code[pc + 1], result);
    } else if (bits == 64) {
      loadL(code[value]);
      memoryCall(false, "J");
    } else {
      loadI(code[value]);
      if (bits == 8) {
        mv.visitInsn(BASTORE);
      } else {
        if (bits == 16) {
          mv.visitInsn(I2S);
        }
        memoryCall(false, jvm);
      }
    }
  }

  /**
   * A call of the {@code MemoryCalls} method that gets ({@code get}) or sets a value of JVM type
   * {@code jvm} ({@code S}, {@code I} or {@code J}) in memory: {@code getInt([BI)I}, {@code
   * setLong([BIJ)V}, ... (a {@code VarHandle} view's descriptors). Every scalar
   * access wider than a byte is such a call, not an inline {@code VarHandle} access: C2 inlines it
   * into the same load or store, while the code that runs before C2 gets to a method does not pay
   * for the {@code VarHandle}'s generality. HotSpot's bytecode interpreter links a {@code
   * VarHandle} access through its guard and method-handle frames (30 against 25 ns for a call),
   * and C1's profiling tier inlines it with its checks (7.3 ns an access, against 0.6 for an array
   * access; a call of the C2-compiled method costs about 1.5), into about 90 virtual registers
   * that made C1 give up on big methods, and with compile time: Yosys' C1 thread 3.1-3.5 s, with
   * calls 1.7-2.0 s (docs/RATIONALE.md, "The asm executor", Session 12).
   */
  private void memoryCall(boolean get, String jvm) {
    String type = jvm.equals("S") ? "Short" : jvm.equals("I") ? "Int" : "Long";
    mv.visitMethodInsn(INVOKESTATIC, MEMORY_CALLS, (get ? "get" : "set") + type,
        get ? "([BI)" + jvm : "([BI" + jvm + ")V", false);
  }

  // ---- calls ----

  /** True while a chunk method of a split function is emitted ({@link #chunk}). */
  private boolean inChunk;

  /**
   * Calls function {@code funcIndex} with the arguments in registers {@code base ..}, which get
   * its results: a JVM call of its typed entry, or a boxed call through the runtime for imports
   * and for functions too wide for a typed entry.
   */
  void call(int funcIndex, int base) {
    FuncType t = module.functionType(funcIndex);
    int imported = module.importedFunctionCount();
    if (funcIndex < imported || !JvmLimits.hasTypedEntry(t)) { // boxed, through the runtime
      loadInstance();
      pushInt(funcIndex);
      boxRegisters(base, t.paramSlotCount());
      mv.visitVarInsn(ILOAD, depthSlot);
      mv.visitMethodInsn(INVOKESTATIC, RT, "call", "(" + INSTANCE_DESC + "I[JI)[J", false);
      unboxResults(base, t.resultSlotCount());
    } else {
      String kinds = slotKinds(t.params());
      for (int i = 0; i < kinds.length(); i++) {
        if (kinds.charAt(i) == 'I') {
          loadI(base + i);
        } else {
          loadL(base + i);
        }
      }
      loadInstance();
      mv.visitVarInsn(ILOAD, depthSlot);
      mv.visitInsn(ICONST_1);
      mv.visitInsn(ISUB); // the callee's budget
      boolean outlined = inChunk && outlinedCallee != null
          && outlinedCallee.test(funcIndex - imported);
      if (passesFuel) {
        pushFuelArgument();
        mv.visitMethodInsn(INVOKESTATIC,
            ModuleClassLoader.internalName(ModuleClassLoader.ENTRY, funcIndex - imported),
            outlined ? OUTLINED_FUEL : INVOKE_FUEL, fuelDescriptor(t), false);
      } else if (outlined) {
        if (mutableCalls) {
          mv.visitInvokeDynamicInsn("call", descriptor(t), LINK_OUTLINED_CALL, funcIndex - imported);
        } else {
          mv.visitMethodInsn(INVOKESTATIC,
              ModuleClassLoader.internalName(ModuleClassLoader.ENTRY, funcIndex - imported),
              OUTLINED, descriptor(t), false);
        }
      } else if (mutableCalls) {
        mv.visitInvokeDynamicInsn("call", descriptor(t), LINK_CALL, funcIndex - imported);
      } else {
        mv.visitMethodInsn(INVOKESTATIC,
            ModuleClassLoader.internalName(ModuleClassLoader.ENTRY, funcIndex - imported),
            "invoke", descriptor(t), false);
      }
      if (t.resultSlotCount() == 1) {
        if (isInt(t.result(0))) {
          storeI(base);
        } else {
          storeL(base);
        }
      } else if (t.resultSlotCount() > 1) {
        unboxResults(base, t.resultSlotCount());
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

  /** Pushes the checked index that {@link #address} left. */
  void loadIndex() {
    mv.visitVarInsn(ILOAD, tmpSlot);
  }

  /**
   * Jumps to the out-of-bounds trap if the checked index is negative: for accesses that reach
   * past the index by a second array access ({@code index + 8}), which a negative index (an
   * address of 2 GiB or more, with offset 0) could otherwise bring back in bounds.
   */
  void requireNonNegativeIndex() {
    mv.visitVarInsn(ILOAD, tmpSlot);
    mv.visitJumpInsn(IFLT, outOfBounds);
  }

  long imm64(int at) {
    return (code[at] & 0xFFFFFFFFL) | (long) code[at + 1] << 32;
  }

  /** The instructions after {@code fusedFrom} and before {@code fusedTo} were emitted with it ({@link #fuse}). */
  private int fusedFrom = -1;
  private int fusedTo = -1;

  /**
   * True if the instruction at {@code pc} can be emitted together with the ones before it: it is
   * in the chunk being emitted and nothing jumps or enters there.
   */
  boolean fusible(int pc) {
    return pc < chunkTo && labels[pc - chunkFrom] == null;
  }

  /**
   * Marks the ({@link #fusible}) instructions after {@code from} and before {@code to} as emitted
   * with the one at {@code from}: they emit nothing themselves.
   */
  void fuse(int from, int to) {
    fusedFrom = from;
    fusedTo = to;
  }

  /** The value of constant register {@code r} ({@link #isConstant}). */
  long constant(int r) {
    return registers().constant(r);
  }

  int[] code() {
    return code;
  }
}
