package org.wasmj.exec.loopswitch;

import static org.wasmj.exec.internal.MemoryInstance.INT;
import static org.wasmj.exec.internal.MemoryInstance.LONG;
import static org.wasmj.exec.internal.MemoryInstance.SHORT;
import static org.wasmj.exec.internal.MemoryInstance.i32Load;
import static org.wasmj.exec.internal.MemoryInstance.i32Store;
import static org.wasmj.exec.internal.MemoryInstance.i64Load;
import static org.wasmj.exec.internal.MemoryInstance.i64Store;
import static org.wasmj.exec.internal.MemoryInstance.load16S;
import static org.wasmj.exec.internal.MemoryInstance.load16U;
import static org.wasmj.exec.internal.MemoryInstance.load8S;
import static org.wasmj.exec.internal.MemoryInstance.load8U;
import static org.wasmj.exec.internal.MemoryInstance.store16;
import static org.wasmj.exec.internal.MemoryInstance.store8;

import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.FunctionInstance;
import org.wasmj.exec.internal.HostFunction;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.LoopEntry;
import org.wasmj.exec.internal.StoreState;
import org.wasmj.exec.internal.TableInstance;
import org.wasmj.exec.internal.Tiering;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;
import org.wasmj.ir.Semantics;

/**
 * The loop-switch interpreter: one dispatch loop over the register IR.
 *
 * <p>All frames of a store live on one {@code long[]} value stack ({@link Stack}): a frame is a
 * window of registers starting at {@code fp}. A call's arguments already sit in a contiguous
 * span of the caller's registers, where the callee's frame begins, so calls copy nothing; the
 * callee returns its results in its first registers, which are the caller's span. A call to an
 * interpreted function is a Java call of {@link #run} for the callee's frame (its return a Java
 * return, the caller's frame values kept in its own Java frame) up to {@link #NEST_LIMIT} nested;
 * deeper calls keep their return addresses in {@link Stack#frames} instead, so the Java stack
 * holds at most that many frames of {@code run} whatever the Wasm depth, which is bounded
 * ({@code call stack exhausted}).
 *
 * <p>Dispatch has two levels. {@link #runInFrame} runs the frequent ops that need nothing but the
 * frame's registers, the code and memory 0 (moves, branches, loads and stores, the common numeric
 * ops) in a loop that makes no calls, so that C2 keeps its five values in machine registers; it
 * returns at any other op. {@link #run} handles those (calls, returns, globals, tiering counts)
 * and sends the rare ones to {@link #cold}. Each method stays far below HotSpot's 8,000-byte
 * limit. Case labels are {@link OpCodes}; the numeric cases between the GENERATED markers come
 * from the {@code Op} table ({@code DispatchGenerator} in the tests).
 *
 * @implNote Stateless: all state is in the store's {@link Stack}, so one interpreter serves any
 *     number of stores on any threads (one thread per store at a time). Public only for the asm
 *     executor, which runs the functions it does not compile here (the package is exported to it
 *     alone).
 */
public final class Interpreter {
  /**
   * {@code runInFrame} leaves a loop for {@code run} at every this many passes of its header
   * (a power of two), besides when the countdown runs out: see the {@code COUNT_LOOP} case.
   */
  private static final int LOOP_EXIT_PERIOD = 4096;

  /**
   * {@code run} runs {@link #warmUp} at every this many passes of a loop header (a multiple of
   * {@link #LOOP_EXIT_PERIOD}).
   */
  private static final int WARM_UP_PERIOD = 8 * LOOP_EXIT_PERIOD;

  /**
   * Added to a rewritten back-edge's header pc when the header charges fuel ({@link #interpreted}):
   * a back-edge to a check alone is then told by one compare of its target, without reading the
   * header's ops. Above every pc (a function's code is an {@code int[]} far shorter than this).
   */
  private static final int CHARGED = 1 << 30;

  /**
   * Interpreted calls nested on the Java stack (one frame of {@link #run} each) at most; deeper
   * ones are pushed on {@link Stack#frames}. Measured: a nested call takes 144 bytes of Java stack
   * in C2's code, some 270 while cold, so 200 hold in 60 KiB (RATIONALE.md, "Session 21 (branch
   * rec21)").
   */
  static final int NEST_LIMIT = 200;

  private Interpreter() {}

  /** The value stack and frame stack of one store, reused by every call into it. */
  static final class Stack {
    long[] slots = new long[1024];
    /**
     * Per frame pushed by {@link #push} (past {@code NEST_LIMIT}): the return pc in its caller and
     * the caller's fp. A frame entered from the host or nested on the Java stack is only counted.
     */
    int[] frames = new int[64];
    /** Per frame: the calling function. */
    WasmFunction[] callers = new WasmFunction[32];
    /** Frames in use. */
    int depth;
    /**
     * {@code run}'s invocations nested on the Java stack for Wasm calls, as the last {@code run}
     * to call out (a host function, native code) left it: a call back into the interpreter nests
     * above them. Restored by {@code invoke} on the way out.
     */
    int nested;
    /** First slot free for a call from the host (raised while a host function runs). */
    int top;
    /** Compiled code's arguments for a call into other code ({@link #argBuffer}). */
    final long[] args = new long[ARG_BUFFER_SLOTS];
    final int maxDepth;
    final int maxSlots;

    Stack(StoreState store) {
      this.maxDepth = store.maxCallDepth;
      this.maxSlots = store.maxStackSlots;
    }

    /** Makes room for {@code needed} slots, or exhausts the stack. */
    long[] grow(int needed) {
      if (needed > maxSlots || needed < 0) {
        throw exhausted();
      }
      int size = (int) Math.min(maxSlots, Math.max(needed, 2L * slots.length));
      try {
        slots = java.util.Arrays.copyOf(slots, size);
      } catch (OutOfMemoryError e) {
        throw exhausted();
      }
      return slots;
    }

    /**
     * Calls into the interpreter from now on start above frame {@code depth}, whose registers end
     * at {@code top}, and nest above {@code nested}: set before {@code run} calls out (a host
     * function, native code, a store callback that may call back in), restored by {@code invoke}.
     */
    void startCallsAt(int depth, int top, int nested) {
      this.depth = depth;
      this.top = top;
      this.nested = nested;
    }

    /** Throws {@code call stack exhausted} if a frame at {@code depth} is past the limit. */
    void checkDepth(int depth) {
      if (depth >= maxDepth) {
        throw exhausted();
      }
    }

    /** Pushes a frame: the return pc and fp in {@code caller}. */
    void push(int depth, int returnPc, int fp, WasmFunction caller) {
      checkDepth(depth);
      if (2 * depth + 2 > frames.length) {
        frames = java.util.Arrays.copyOf(frames, Math.max(2 * depth + 2, frames.length * 2));
        callers = java.util.Arrays.copyOf(callers, frames.length / 2);
      }
      frames[2 * depth] = returnPc;
      frames[2 * depth + 1] = fp;
      callers[depth] = caller;
    }
  }

  static ExhaustionException exhausted() {
    return new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
  }

  static Stack stackOf(StoreState store) {
    Object s = store.executorState;
    if (s == null) {
      s = new Stack(store);
      store.executorState = s;
    }
    return (Stack) s;
  }

  /** Runs {@code f} with {@code args}; writes its results. */
  public static void invoke(WasmFunction f, long[] args, long[] results) {
    invoke(f, args, results, f.instance.store.hostCallDepth);
  }

  /**
   * Runs {@code f} with {@code args} as if called at call depth {@code depth} (from compiled
   * code, which counts its own frames); writes its results.
   */
  public static void invoke(WasmFunction f, long[] args, long[] results, int depth) {
    Stack st = stackOf(f.instance.store);
    int entryDepth = st.depth;
    int entryTop = st.top;
    int entryNested = st.nested;
    try {
      int fp = runFrom(st, f, args, 0, args.length, depth);
      System.arraycopy(st.slots, fp, results, 0, results.length);
    } finally {
      st.startCallsAt(entryDepth, entryTop, entryNested);
    }
  }

  /**
   * Runs {@code f} with its arguments read from {@code args[from ..]} as if called at call depth
   * {@code depth} (from compiled code); returns its first result slot (0 if it has none). Its
   * further result slots, if any, are lost: for functions with at most one, without allocating.
   */
  public static long invokeAt(WasmFunction f, long[] args, int from, int depth) {
    Stack st = stackOf(f.instance.store);
    int entryDepth = st.depth;
    int entryTop = st.top;
    int entryNested = st.nested;
    try {
      int fp = runFrom(st, f, args, from, f.type.paramSlotCount(), depth);
      return f.type.resultSlotCount() == 0 ? 0 : st.slots[fp];
    } finally {
      st.startCallsAt(entryDepth, entryTop, entryNested);
    }
  }

  /**
   * Slots of {@link #ARG_BUFFER_SLOTS} that compiled code of {@code store} may fill with a
   * callee's arguments just before it calls {@link #invokeAt} or {@code NativeCode.callAt} with
   * them (which read them first): reused by every such call, so allocation-free.
   */
  public static long[] argBuffer(StoreState store) {
    return stackOf(store).args;
  }

  /** The size of {@link #argBuffer}: more than any function with a JVM method of its own takes (255 JVM slots). */
  public static final int ARG_BUFFER_SLOTS = 256;

  /**
   * Counts {@code f}'s frame with {@code n} argument slots from {@code args[from ..]} above the
   * frames in use and runs it until it returns; returns its frame pointer (its results are at
   * {@code st.slots[fp ..]}). The caller restores the stack's depth and top.
   */
  private static int runFrom(Stack st, WasmFunction f, long[] args, int from, int n, int depth) {
    CompiledFunction c = f.compiled;
    if (c == null) {
      c = interpreted(f);
    }
    int fp = st.top;
    long[] s = st.slots;
    if (fp + c.registerCount() > s.length) {
      s = st.grow(fp + c.registerCount());
    }
    System.arraycopy(args, from, s, fp, n);
    java.util.Arrays.fill(s, fp + c.paramCount(), fp + c.localCount(), 0L);
    int start = Math.max(st.depth, depth);
    st.checkDepth(start); // run's entry frame: its return ends the run, nothing reads a record
    st.depth = start + 1;
    run(st, st.slots, f, f.instance, memoryOf(f.instance), c.code(), fp, 0, start + 1, st.nested);
    return fp;
  }

  /** Keeps {@code code}, function {@code index}'s of {@code inst}, for its direct calls. */
  private static void remember(InstanceState inst, int index, int[] code) {
    int[][] codes = inst.interpreterCodes;
    if (codes == null) {
      codes = new int[inst.functions.length][];
      inst.interpreterCodes = codes;
    }
    codes[index] = code;
  }

  private static byte[] memoryOf(InstanceState inst) {
    return inst.memoryOrNone.bytes; // no branch: a memory-less instance has an empty one
  }

  /**
   * Runs {@code fn} from {@code pc} in its frame at {@code fp} (the frame {@code depth - 1}, only
   * counted, by {@link #runFrom} or a nested call: its return ends this run) until it returns; {@code s},
   * {@code inst}, {@code mem} and {@code code} are the stack's slots, {@code fn}'s instance, its
   * memory 0 and its code; {@code nested} counts the invocations below this one on the Java stack.
   * Returns the stack's slots as it left them (grown, perhaps). A trap leaving it names the Wasm
   * functions of the frames it unwinds.
   */
  private static long[] run(Stack st, long[] s, WasmFunction fn, InstanceState inst, byte[] mem,
      int[] code, int fp, int pc, int depth, int nested) {
    int entryFrame = depth - 1;
    try {
      while (true) {
        try {
          pc = runInFrame(s, fp, code, pc, mem, fn);
        } catch (IndexOutOfBoundsException e) { // a load or store past the end of memory 0
          throw outOfBounds();
        } catch (ArithmeticException e) { // an integer division by 0, its only source there
          throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        // Declared here, set by every call case: no value of them lives from one pass of the
        // loop to the next (C2 would keep them in stack slots across runInFrame's call).
        FunctionInstance callee;
        int[] known = null; // a direct call's callee code, if the instance has it at hand
        int base; // where a callee's frame starts
        int next; // the pc to return to, or -1 for a tail call
        returns: {
        switch (code[pc]) {
          case OpCodes.UNREACHABLE:
            throw new TrapException(TrapKind.UNREACHABLE);
          case OpCodes.RETURN:
            break returns;
          case OpCodes.RETURN_R: { // the translator leaves a result in register 0 when it can
            int r = code[pc + 1];
            if (r != 0) {
              s[fp] = s[fp + r];
            }
            break returns;
          }
          case OpCodes.RETURN_SPAN_RI:
            System.arraycopy(s, fp + code[pc + 1], s, fp, code[pc + 2]);
            break returns;
          case OpCodes.COUNT_LOOP: {
            int countdown = --fn.code.countdown;
            if (countdown > 0 || !loopHot(st, fn, fp, pc, depth, nested)) {
              if ((countdown & WARM_UP_PERIOD - 1) == WARM_UP_PERIOD - 1) {
                warmUp();
              }
              pc++;
              continue;
            }
            s = st.slots; // compiled code ran the rest of the frame; its results are in place
            break returns;
          }
          case OpCodes.CHECK_INTERRUPT: // runInFrame saw a stop requested
            // The deadline callback may call into this store: its frames go above this one.
            st.startCallsAt(depth, fp + fn.compiled.registerCount(), nested);
            inst.store.checkStop(); // traps, or the deadline callback extended the deadline
            s = st.slots; // the callback's calls may have grown the stack
            mem = memoryOf(inst); // or a memory
            pc++;
            continue;
          case OpCodes.FUEL_I: // runInFrame found too little fuel left
            st.startCallsAt(depth, fp + fn.compiled.registerCount(), nested); // (as above)
            inst.store.consumeFuel(code[pc + 1]); // traps, or (a resumable call) waits for fuel
            s = st.slots;
            mem = memoryOf(inst);
            pc += 2;
            continue;
          case OpCodes.CALL_XR: {
            int index = code[pc + 1];
            callee = inst.functions[index];
            if (callee == fn) { // a call to itself: its code is at hand, and the callee's
              known = code; // first dispatch waits for no load (the test is a predicted branch)
            } else {
              int[][] codes = inst.interpreterCodes; // (the callee's code, one load after index)
              if (codes != null) {
                known = codes[index];
              }
            }
            base = fp + code[pc + 2];
            next = pc + 3;
            break;
          }
          case OpCodes.CALL_INDIRECT_XXRR:
            callee = inst.indirect(code[pc + 1], code[pc + 2], (int) s[fp + code[pc + 4]]);
            base = fp + code[pc + 3];
            next = pc + 5;
            break;
          case OpCodes.RETURN_CALL_XR:
            callee = inst.functions[code[pc + 1]];
            System.arraycopy(s, fp + code[pc + 2], s, fp, callee.type.paramSlotCount());
            base = fp;
            next = -1;
            break;
          case OpCodes.RETURN_CALL_INDIRECT_XXRR:
            callee = inst.indirect(code[pc + 1], code[pc + 2], (int) s[fp + code[pc + 4]]);
            System.arraycopy(s, fp + code[pc + 3], s, fp, callee.type.paramSlotCount());
            base = fp;
            next = -1;
            break;
          default:
            pc = cold(code, pc, s, fp, inst);
            mem = memoryOf(inst); // a memory may have grown
            continue;
        }
        // A call. A callee whose code is known (itself, or kept in interpreterCodes) in a module
        // only the interpreter runs has no native code to look for and no calls to count: the
        // countdown's decrement was a store on every call that the next call's load waited for,
        // and the native code's load the end of the chain functions[i] -> code -> nativeCode
        // (RATIONALE.md, session 23).
        boolean counted = known == null || !inst.interpretedOnly;
        if (!counted
            || callee instanceof WasmFunction && ((WasmFunction) callee).code.nativeCode == null) {
          WasmFunction w = (WasmFunction) callee;
          CompiledFunction c = w.compiled;
          if (c == null) {
            c = interpreted(w);
          }
          if (counted && --w.code.countdown <= 0) {
            tierUp(w);
          }
          if (base + c.registerCount() > s.length) {
            s = st.grow(base + c.registerCount());
          }
          boolean nest = false;
          if (next >= 0) {
            if (nested < NEST_LIMIT) {
              st.checkDepth(depth);
              nest = true;
            } else {
              st.push(depth++, next, fp, fn);
            }
          }
          for (int i = base + c.paramCount(), end = base + c.localCount(); i < end; i++) {
            s[i] = 0;
          }
          InstanceState calleeInst;
          int[] calleeCode = known; // c.code(), by a shorter chain of loads
          if (calleeCode == null) {
            calleeInst = w.instance;
            calleeCode = c.code();
            if (calleeInst == inst && code[pc] == OpCodes.CALL_XR) {
              remember(inst, code[pc + 1], calleeCode);
            }
          } else {
            calleeInst = inst; // (only this instance's callees are kept) not w.instance, a load later
          }
          int entryPc = 0;
          // The entry's check and charge (Instrumenter puts them first) pass here, one dispatch
          // each less a call; a stop requested or too little fuel leaves pc at the op, which then
          // runs as before.
          if (calleeCode[0] == OpCodes.CHECK_INTERRUPT && calleeInst.store.stopWord() == 0) {
            entryPc = 1;
          }
          if (calleeCode[entryPc] == OpCodes.FUEL_I) { // as its case in runInFrame
            StoreState store = calleeInst.store;
            long left = store.fuel - calleeCode[entryPc + 1];
            if (left >= 0) {
              store.fuel = left;
              entryPc += 2;
            }
          }
          if (nest) { // the callee's frame on the Java stack: its return is run's
            // the callee may have grown the stack: its slots come back in a register, where
            // st.slots would be a load the frame's next register access waits for
            s = run(st, s, w, calleeInst, calleeInst == inst ? mem : memoryOf(calleeInst),
                calleeCode, base, entryPc, depth + 1, nested + 1);
            mem = memoryOf(inst); // or a memory
            pc = next;
            continue;
          }
          fp = base;
          fn = w;
          code = calleeCode;
          pc = entryPc;
          if (calleeInst != inst) {
            inst = calleeInst;
            mem = memoryOf(inst);
          }
          continue;
        }
        // A host function, or one with native code: called with its arguments copied out.
        st.startCallsAt(depth, fp + fn.compiled.registerCount(), nested);
        callExternal(callee, inst, st, base, depth);
        s = st.slots; // a nested call may have grown the stack
        mem = memoryOf(inst);
        if (next >= 0) {
          pc = next;
          continue;
        }
        } // returns: a return, or a host call in tail position (its results are the frame's)
        int frame = --depth;
        if (frame == entryFrame) {
          st.depth = depth;
          return s;
        }
        pc = st.frames[2 * frame];
        fp = st.frames[2 * frame + 1];
        fn = st.callers[frame];
        code = fn.compiled.code();
        inst = fn.instance;
        mem = memoryOf(inst); // the callee may have grown a memory
      }
    } catch (TrapException trap) { // name the frames it unwinds, innermost first
      trap.appendFrame(fn.name());
      for (int frame = depth - 1; frame > entryFrame; frame--) {
        trap.appendFrame(st.callers[frame].name());
      }
      throw trap;
    }
  }

  /**
   * Runs the ops that need nothing but the frame at {@code fp}, the code and memory 0 (moves,
   * branches, loads, stores, the frequent numeric ops) from {@code pc} on; returns the pc of the
   * first other op. Kept apart from {@link #run}, whose loop holds a dozen values and calls out:
   * in a loop with calls C2 keeps {@code s}, {@code fp}, {@code code} and {@code pc} in stack
   * slots and reloads them for every op, while here they stay in machine registers (measured:
   * 1.3-2x faster on loops, and fib gains too).
   *
   * <p>So that the loop really makes no calls, it calls nothing C2 could leave a call: past
   * 18,000 nodes in one compilation C2 stops inlining ordinary methods, which this many cases
   * reach. Loads and stores use the {@code VarHandle}s inline (force-inlined whatever the budget)
   * with the bounds check the VarHandle or array makes (an {@link IndexOutOfBoundsException} is
   * the memory trap, in {@link #run}); only the wrap-around of {@code base + offset} past 2 GiB
   * is checked here. {@code DispatchSizeTest} lists what may be called.
   */
  private static int runInFrame(long[] s, int fp, int[] code, int pc, byte[] mem,
      WasmFunction fn) {
    while (true) {
      long taken; // a conditional branch's: negative if it is taken
      int address; // a 32- or 64-bit access's, and the pc after it: see the access tails
      int after;
      long value; // a store's
      checkedBackEdge: {
      oneOperandBranch: {
      twoOperandBranch: {
      load32: {
      load64: {
      store32: {
      store64: {
      switch (code[pc]) {
        case OpCodes.GLOBAL_GET_RX:
          s[fp + code[pc + 1]] = fn.instance.globals[code[pc + 2]].value;
          pc += 3;
          continue;
        case OpCodes.GLOBAL_SET_XR:
          fn.instance.globals[code[pc + 1]].value = s[fp + code[pc + 2]];
          pc += 3;
          continue;
        case OpCodes.COUNT_LOOP: {
          FunctionCode counted = fn.code;
          int countdown = counted.countdown;
          // Leaves for run when the countdown runs out (run asks for compilation), and also at
          // every 4,096th pass, which run just counts and comes back from: one branch that a
          // program with loops takes both ways from its first milliseconds, so C2 never compiles
          // the way out as a trap that the first hot loop would spring (see RATIONALE.md).
          if ((countdown - 2 | (countdown & LOOP_EXIT_PERIOD - 1) - 1) < 0) {
            return pc;
          }
          counted.countdown = countdown - 1;
          pc++;
          continue;
        }
        case OpCodes.CHECK_INTERRUPT: // the stop word, as compiled code tests it
          if (fn.instance.store.stopWord() != 0) {
            return pc; // run checks exactly: traps, or calls the deadline callback
          }
          pc++;
          continue;
        case OpCodes.FUEL_I: { // StoreState.consumeFuel, inline
          StoreState store = fn.instance.store;
          long left = store.fuel - code[pc + 1];
          if (left < 0) {
            return pc; // run traps
          }
          store.fuel = left;
          pc += 2;
          continue;
        }
        case OpCodes.COPY_RR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]];
          pc += 3;
          continue;
        case OpCodes.CONST32_RI:
          s[fp + code[pc + 1]] = code[pc + 2];
          pc += 3;
          continue;
        case OpCodes.CONST64_RL:
          s[fp + code[pc + 1]] = (code[pc + 2] & 0xFFFFFFFFL) | (long) code[pc + 3] << 32;
          pc += 4;
          continue;
        case OpCodes.SELECT_RRRR: {
          int c = (int) s[fp + code[pc + 4]];
          long first = (c | -c) >> 31; // all ones if c != 0
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] & first | s[fp + code[pc + 3]] & ~first;
          pc += 5;
          continue;
        }
        case OpCodes.BR_T:
          pc = code[pc + 1];
          if (pc < 0) {
            break checkedBackEdge;
          }
          continue;
        case OpCodes.BR_EQZ_RT:
          taken = (s[fp + code[pc + 1]] & 0xFFFFFFFFL) - 1;
          break oneOperandBranch;
        case OpCodes.BR_NEZ_RT:
          taken = -(s[fp + code[pc + 1]] & 0xFFFFFFFFL);
          break oneOperandBranch;
        case OpCodes.COPY_BR_NEZ_RRRT: // a copy, then a branch on a register read after it
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]];
          taken = -(s[fp + code[pc + 3]] & 0xFFFFFFFFL);
          pc += 2; // the target at pc + 2, as the tail takes it
          break oneOperandBranch;
        case OpCodes.COPY_BR_EQZ_RRRT:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]];
          taken = (s[fp + code[pc + 3]] & 0xFFFFFFFFL) - 1;
          pc += 2;
          break oneOperandBranch;
        case OpCodes.BR_I64_EQZ_RT: {
          long a = s[fp + code[pc + 1]];
          taken = ~(a | -a);
          break oneOperandBranch;
        }
        case OpCodes.BR_I64_NEZ_RT: {
          long a = s[fp + code[pc + 1]];
          taken = a | -a;
          break oneOperandBranch;
        }
        case OpCodes.BR_I32_AND_NEZ_RIT: // a bit test: the and's result is not kept
          taken = -(s[fp + code[pc + 1]] & code[pc + 2] & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_AND_EQZ_RIT:
          taken = (s[fp + code[pc + 1]] & code[pc + 2] & 0xFFFFFFFFL) - 1;
          break twoOperandBranch;
        case OpCodes.BR_I32_SHR_U_AND_NEZ_RRIT: // a bit test at a position in a register
          taken = -((int) s[fp + code[pc + 1]] >>> (int) s[fp + code[pc + 2]] & code[pc + 3] & 0xFFFFFFFFL);
          pc++; // the target at pc + 3, as the tail takes it
          break twoOperandBranch;
        case OpCodes.BR_I32_SHR_U_AND_EQZ_RRIT:
          taken = ((int) s[fp + code[pc + 1]] >>> (int) s[fp + code[pc + 2]] & code[pc + 3] & 0xFFFFFFFFL) - 1;
          pc++;
          break twoOperandBranch;
        case OpCodes.I32_ADD_BR_NEZ_RRIT: { // a counter's step, then the test on it (the sum is a local)
          int sum = (int) s[fp + code[pc + 2]] + code[pc + 3];
          s[fp + code[pc + 1]] = sum;
          taken = -(sum & 0xFFFFFFFFL);
          pc++; // the target at pc + 3, as the tail takes it
          break twoOperandBranch;
        }
        case OpCodes.I32_ADD_BR_NE_RRIRT: { // r2 read after the add
          int sum = (int) s[fp + code[pc + 2]] + code[pc + 3];
          s[fp + code[pc + 1]] = sum;
          taken = -((sum ^ s[fp + code[pc + 4]]) & 0xFFFFFFFFL);
          pc += 2;
          break twoOperandBranch;
        }
        case OpCodes.I32_SHR_U_AND_RRII: // a bit field (the shift's result is not kept)
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >>> code[pc + 3] & code[pc + 4];
          pc += 5;
          continue;
        case OpCodes.I32_MUL_ADD_RRRR: // the product is not kept
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] * (int) s[fp + code[pc + 3]] + (int) s[fp + code[pc + 4]];
          pc += 5;
          continue;
        case OpCodes.I32_SHL_ADD_RRIR: // an element's address (the shifted index is not kept)
          s[fp + code[pc + 1]] = ((int) s[fp + code[pc + 2]] << code[pc + 3]) + (int) s[fp + code[pc + 4]];
          pc += 5;
          continue;
        case OpCodes.BR_TABLE_RI: { // an index past the last is the last (the default)
          int last = code[pc + 2] - 1;
          int i = (int) s[fp + code[pc + 1]];
          pc = code[pc + 3 + (Math.min(i ^ Integer.MIN_VALUE, last ^ Integer.MIN_VALUE) ^ Integer.MIN_VALUE)];
          continue;
        }
        case OpCodes.I32_LOAD_RRI:
        case OpCodes.F32_LOAD_RRI:
        case OpCodes.I64_LOAD32_S_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            after = pc + 4;
            break load32;
          }
        case OpCodes.I64_LOAD_RRI:
        case OpCodes.F64_LOAD_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            after = pc + 4;
            break load64;
          }
        case OpCodes.I32_LOAD8_S_RRI:
        case OpCodes.I64_LOAD8_S_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = mem[i];
            pc += 4;
            continue;
          }
        case OpCodes.I32_LOAD_RI: // a constant address, below 2 GiB
          address = code[pc + 2];
          after = pc + 3;
          break load32;
        case OpCodes.I32_LOAD8_U_RI:
          s[fp + code[pc + 1]] = mem[code[pc + 2]] & 0xFF;
          pc += 3;
          continue;
        case OpCodes.I32_LOAD8_U_RRI:
        case OpCodes.I64_LOAD8_U_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = mem[i] & 0xFF;
            pc += 4;
            continue;
          }
        case OpCodes.I32_LOAD16_S_RRI:
        case OpCodes.I64_LOAD16_S_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = (short) SHORT.get(mem, i);
            pc += 4;
            continue;
          }
        case OpCodes.I32_LOAD16_U_RRI:
        case OpCodes.I64_LOAD16_U_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = (short) SHORT.get(mem, i) & 0xFFFF;
            pc += 4;
            continue;
          }
        case OpCodes.I64_LOAD32_U_RRI:
          {
            int b = (int) s[fp + code[pc + 2]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = (int) INT.get(mem, i) & 0xFFFFFFFFL;
            pc += 4;
            continue;
          }
        case OpCodes.I32_LOAD_RRRI:
        case OpCodes.F32_LOAD_RRRI:
          {
            int b = (int) s[fp + code[pc + 2]] + (int) s[fp + code[pc + 3]], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            after = pc + 5;
            break load32;
          }
        case OpCodes.I64_LOAD_RRRI:
        case OpCodes.F64_LOAD_RRRI:
          {
            int b = (int) s[fp + code[pc + 2]] + (int) s[fp + code[pc + 3]], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            after = pc + 5;
            break load64;
          }
        case OpCodes.I32_LOAD8_U_RRRI:
          {
            int b = (int) s[fp + code[pc + 2]] + (int) s[fp + code[pc + 3]], o = code[pc + 4], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = mem[i] & 0xFF;
            pc += 5;
            continue;
          }
        case OpCodes.I32_LOAD_RRII:
        case OpCodes.F32_LOAD_RRII:
          {
            int b = (int) s[fp + code[pc + 2]] + code[pc + 3], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            after = pc + 5;
            break load32;
          }
        case OpCodes.I64_LOAD_RRII:
        case OpCodes.F64_LOAD_RRII:
          {
            int b = (int) s[fp + code[pc + 2]] + code[pc + 3], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            after = pc + 5;
            break load64;
          }
        case OpCodes.I32_LOAD8_U_RRII:
          {
            int b = (int) s[fp + code[pc + 2]] + code[pc + 3], o = code[pc + 4], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            s[fp + code[pc + 1]] = mem[i] & 0xFF;
            pc += 5;
            continue;
          }
        case OpCodes.I32_STORE_RRI:
        case OpCodes.F32_STORE_RRI:
        case OpCodes.I64_STORE32_RRI:
          {
            int b = (int) s[fp + code[pc + 1]], o = code[pc + 3];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            value = s[fp + code[pc + 2]];
            after = pc + 4;
            break store32;
          }
        case OpCodes.I64_STORE_RRI:
        case OpCodes.F64_STORE_RRI:
          {
            int b = (int) s[fp + code[pc + 1]], o = code[pc + 3];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            value = s[fp + code[pc + 2]];
            after = pc + 4;
            break store64;
          }
        case OpCodes.I32_STORE8_RRI:
        case OpCodes.I64_STORE8_RRI:
          {
            int b = (int) s[fp + code[pc + 1]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            mem[i] = (byte) s[fp + code[pc + 2]];
            pc += 4;
            continue;
          }
        case OpCodes.I32_STORE16_RRI:
        case OpCodes.I64_STORE16_RRI:
          {
            int b = (int) s[fp + code[pc + 1]], o = code[pc + 3], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            SHORT.set(mem, i, (short) s[fp + code[pc + 2]]);
            pc += 4;
            continue;
          }
        case OpCodes.I32_STORE_RRRI:
        case OpCodes.F32_STORE_RRRI:
          {
            int b = (int) s[fp + code[pc + 1]] + (int) s[fp + code[pc + 2]], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            value = s[fp + code[pc + 3]];
            after = pc + 5;
            break store32;
          }
        case OpCodes.I64_STORE_RRRI:
        case OpCodes.F64_STORE_RRRI:
          {
            int b = (int) s[fp + code[pc + 1]] + (int) s[fp + code[pc + 2]], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            value = s[fp + code[pc + 3]];
            after = pc + 5;
            break store64;
          }
        case OpCodes.I32_STORE8_RRRI:
          {
            int b = (int) s[fp + code[pc + 1]] + (int) s[fp + code[pc + 2]], o = code[pc + 4], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            mem[i] = (byte) s[fp + code[pc + 3]];
            pc += 5;
            continue;
          }
        case OpCodes.I32_STORE_RIRI:
        case OpCodes.F32_STORE_RIRI:
          {
            int b = (int) s[fp + code[pc + 1]] + code[pc + 2], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            value = s[fp + code[pc + 3]];
            after = pc + 5;
            break store32;
          }
        case OpCodes.I64_STORE_RIRI:
        case OpCodes.F64_STORE_RIRI:
          {
            int b = (int) s[fp + code[pc + 1]] + code[pc + 2], o = code[pc + 4];
            address = b + o;
            if ((b | o | address) < 0) {
              throw outOfBounds();
            }
            value = s[fp + code[pc + 3]];
            after = pc + 5;
            break store64;
          }
        case OpCodes.I32_STORE8_RIRI:
          {
            int b = (int) s[fp + code[pc + 1]] + code[pc + 2], o = code[pc + 4], i = b + o;
            if ((b | o | i) < 0) {
              throw outOfBounds();
            }
            mem[i] = (byte) s[fp + code[pc + 3]];
            pc += 5;
            continue;
          }
        case OpCodes.I32_DIV_S_RRR: { // a divisor of 0 throws ArithmeticException: the trap in run
          int a = (int) s[fp + code[pc + 2]], b = (int) s[fp + code[pc + 3]];
          if (((a ^ Integer.MIN_VALUE) | (b + 1)) == 0) { // MIN_VALUE / -1: only a trap takes it
            throw integerOverflow();
          }
          s[fp + code[pc + 1]] = a / b;
          pc += 4;
          continue;
        }
        case OpCodes.I32_REM_U_RRR: // as I32_DIV_S
          s[fp + code[pc + 1]] =
              (int) ((s[fp + code[pc + 2]] & 0xFFFFFFFFL) % (s[fp + code[pc + 3]] & 0xFFFFFFFFL));
          pc += 4;
          continue;
        case OpCodes.I32_EXTEND8_S_RR:
          s[fp + code[pc + 1]] = (byte) s[fp + code[pc + 2]];
          pc += 3;
          continue;
        // BEGIN GENERATED HOT (DispatchGenerator; do not edit)
        case OpCodes.BR_I32_EQ_RRT:
          taken = ((s[fp + code[pc + 1]] ^ s[fp + code[pc + 2]]) & 0xFFFFFFFFL) - 1;
          break twoOperandBranch;
        case OpCodes.BR_I32_NE_RRT:
          taken = -((s[fp + code[pc + 1]] ^ s[fp + code[pc + 2]]) & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_LT_S_RRT:
          taken = (long) (int) s[fp + code[pc + 1]] - (int) s[fp + code[pc + 2]];
          break twoOperandBranch;
        case OpCodes.BR_I32_LT_U_RRT:
          taken = (s[fp + code[pc + 1]] & 0xFFFFFFFFL) - (s[fp + code[pc + 2]] & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_GT_S_RRT:
          taken = (long) (int) s[fp + code[pc + 2]] - (int) s[fp + code[pc + 1]];
          break twoOperandBranch;
        case OpCodes.BR_I32_GT_U_RRT:
          taken = (s[fp + code[pc + 2]] & 0xFFFFFFFFL) - (s[fp + code[pc + 1]] & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_LE_S_RRT:
          taken = ~((long) (int) s[fp + code[pc + 2]] - (int) s[fp + code[pc + 1]]);
          break twoOperandBranch;
        case OpCodes.BR_I32_LE_U_RRT:
          taken = ~((s[fp + code[pc + 2]] & 0xFFFFFFFFL) - (s[fp + code[pc + 1]] & 0xFFFFFFFFL));
          break twoOperandBranch;
        case OpCodes.BR_I32_GE_S_RRT:
          taken = ~((long) (int) s[fp + code[pc + 1]] - (int) s[fp + code[pc + 2]]);
          break twoOperandBranch;
        case OpCodes.BR_I32_GE_U_RRT:
          taken = ~((s[fp + code[pc + 1]] & 0xFFFFFFFFL) - (s[fp + code[pc + 2]] & 0xFFFFFFFFL));
          break twoOperandBranch;
        case OpCodes.BR_I32_EQ_RIT:
          taken = ((s[fp + code[pc + 1]] ^ code[pc + 2]) & 0xFFFFFFFFL) - 1;
          break twoOperandBranch;
        case OpCodes.BR_I32_NE_RIT:
          taken = -((s[fp + code[pc + 1]] ^ code[pc + 2]) & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_LT_S_RIT:
          taken = (long) (int) s[fp + code[pc + 1]] - code[pc + 2];
          break twoOperandBranch;
        case OpCodes.BR_I32_LT_U_RIT:
          taken = (s[fp + code[pc + 1]] & 0xFFFFFFFFL) - (code[pc + 2] & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_GT_S_RIT:
          taken = (long) code[pc + 2] - (int) s[fp + code[pc + 1]];
          break twoOperandBranch;
        case OpCodes.BR_I32_GT_U_RIT:
          taken = (code[pc + 2] & 0xFFFFFFFFL) - (s[fp + code[pc + 1]] & 0xFFFFFFFFL);
          break twoOperandBranch;
        case OpCodes.BR_I32_LE_S_RIT:
          taken = ~((long) code[pc + 2] - (int) s[fp + code[pc + 1]]);
          break twoOperandBranch;
        case OpCodes.BR_I32_LE_U_RIT:
          taken = ~((code[pc + 2] & 0xFFFFFFFFL) - (s[fp + code[pc + 1]] & 0xFFFFFFFFL));
          break twoOperandBranch;
        case OpCodes.BR_I32_GE_S_RIT:
          taken = ~((long) (int) s[fp + code[pc + 1]] - code[pc + 2]);
          break twoOperandBranch;
        case OpCodes.BR_I32_GE_U_RIT:
          taken = ~((s[fp + code[pc + 1]] & 0xFFFFFFFFL) - (code[pc + 2] & 0xFFFFFFFFL));
          break twoOperandBranch;
        case OpCodes.BR_I64_EQ_RRT: {
          long a = s[fp + code[pc + 1]], b = s[fp + code[pc + 2]];
          taken = ~(a ^ b | -(a ^ b));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_NE_RRT: {
          long a = s[fp + code[pc + 1]], b = s[fp + code[pc + 2]];
          taken = a ^ b | -(a ^ b);
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_LT_S_RRT: {
          long a = s[fp + code[pc + 1]], b = s[fp + code[pc + 2]];
          taken = (a - b ^ (a ^ b) & (a - b ^ a));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_LT_U_RRT: {
          long a = s[fp + code[pc + 1]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 2]] ^ Long.MIN_VALUE;
          taken = (a - b ^ (a ^ b) & (a - b ^ a));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_GT_S_RRT: {
          long a = s[fp + code[pc + 1]], b = s[fp + code[pc + 2]];
          taken = (b - a ^ (b ^ a) & (b - a ^ b));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_GT_U_RRT: {
          long a = s[fp + code[pc + 1]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 2]] ^ Long.MIN_VALUE;
          taken = (b - a ^ (b ^ a) & (b - a ^ b));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_LE_S_RRT: {
          long a = s[fp + code[pc + 1]], b = s[fp + code[pc + 2]];
          taken = ~(b - a ^ (b ^ a) & (b - a ^ b));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_LE_U_RRT: {
          long a = s[fp + code[pc + 1]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 2]] ^ Long.MIN_VALUE;
          taken = ~(b - a ^ (b ^ a) & (b - a ^ b));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_GE_S_RRT: {
          long a = s[fp + code[pc + 1]], b = s[fp + code[pc + 2]];
          taken = ~(a - b ^ (a ^ b) & (a - b ^ a));
          break twoOperandBranch;
        }
        case OpCodes.BR_I64_GE_U_RRT: {
          long a = s[fp + code[pc + 1]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 2]] ^ Long.MIN_VALUE;
          taken = ~(a - b ^ (a ^ b) & (a - b ^ a));
          break twoOperandBranch;
        }
        case OpCodes.I32_EQZ_RR:
          s[fp + code[pc + 1]] = ((s[fp + code[pc + 2]] & 0xFFFFFFFFL) - 1) >>> 63;
          pc += 3;
          continue;
        case OpCodes.I32_EQ_RRR:
          s[fp + code[pc + 1]] = (((s[fp + code[pc + 2]] ^ s[fp + code[pc + 3]]) & 0xFFFFFFFFL) - 1) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_EQ_RRI:
          s[fp + code[pc + 1]] = (((s[fp + code[pc + 2]] ^ code[pc + 3]) & 0xFFFFFFFFL) - 1) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_NE_RRR:
          s[fp + code[pc + 1]] = (-((s[fp + code[pc + 2]] ^ s[fp + code[pc + 3]]) & 0xFFFFFFFFL)) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_NE_RRI:
          s[fp + code[pc + 1]] = (-((s[fp + code[pc + 2]] ^ code[pc + 3]) & 0xFFFFFFFFL)) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LT_S_RRR:
          s[fp + code[pc + 1]] = ((long) (int) s[fp + code[pc + 2]] - (int) s[fp + code[pc + 3]]) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LT_S_RRI:
          s[fp + code[pc + 1]] = ((long) (int) s[fp + code[pc + 2]] - code[pc + 3]) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LT_U_RRR:
          s[fp + code[pc + 1]] = ((s[fp + code[pc + 2]] & 0xFFFFFFFFL) - (s[fp + code[pc + 3]] & 0xFFFFFFFFL)) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LT_U_RRI:
          s[fp + code[pc + 1]] = ((s[fp + code[pc + 2]] & 0xFFFFFFFFL) - (code[pc + 3] & 0xFFFFFFFFL)) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GT_S_RRR:
          s[fp + code[pc + 1]] = ((long) (int) s[fp + code[pc + 3]] - (int) s[fp + code[pc + 2]]) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GT_S_RRI:
          s[fp + code[pc + 1]] = ((long) code[pc + 3] - (int) s[fp + code[pc + 2]]) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GT_U_RRR:
          s[fp + code[pc + 1]] = ((s[fp + code[pc + 3]] & 0xFFFFFFFFL) - (s[fp + code[pc + 2]] & 0xFFFFFFFFL)) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GT_U_RRI:
          s[fp + code[pc + 1]] = ((code[pc + 3] & 0xFFFFFFFFL) - (s[fp + code[pc + 2]] & 0xFFFFFFFFL)) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LE_S_RRR:
          s[fp + code[pc + 1]] = (~((long) (int) s[fp + code[pc + 3]] - (int) s[fp + code[pc + 2]])) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LE_S_RRI:
          s[fp + code[pc + 1]] = (~((long) code[pc + 3] - (int) s[fp + code[pc + 2]])) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LE_U_RRR:
          s[fp + code[pc + 1]] = (~((s[fp + code[pc + 3]] & 0xFFFFFFFFL) - (s[fp + code[pc + 2]] & 0xFFFFFFFFL))) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_LE_U_RRI:
          s[fp + code[pc + 1]] = (~((code[pc + 3] & 0xFFFFFFFFL) - (s[fp + code[pc + 2]] & 0xFFFFFFFFL))) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GE_S_RRR:
          s[fp + code[pc + 1]] = (~((long) (int) s[fp + code[pc + 2]] - (int) s[fp + code[pc + 3]])) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GE_S_RRI:
          s[fp + code[pc + 1]] = (~((long) (int) s[fp + code[pc + 2]] - code[pc + 3])) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GE_U_RRR:
          s[fp + code[pc + 1]] = (~((s[fp + code[pc + 2]] & 0xFFFFFFFFL) - (s[fp + code[pc + 3]] & 0xFFFFFFFFL))) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I32_GE_U_RRI:
          s[fp + code[pc + 1]] = (~((s[fp + code[pc + 2]] & 0xFFFFFFFFL) - (code[pc + 3] & 0xFFFFFFFFL))) >>> 63;
          pc += 4;
          continue;
        case OpCodes.I64_EQZ_RR: {
          long a = s[fp + code[pc + 2]];
          s[fp + code[pc + 1]] = (~(a | -a)) >>> 63;
          pc += 3;
          continue;
        }
        case OpCodes.I32_ADD_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] + (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_ADD_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] + code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_SUB_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] - (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_SUB_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] - code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_MUL_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] * (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_MUL_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] * code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_AND_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] & (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_AND_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] & code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_OR_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] | (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_OR_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] | code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_XOR_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] ^ (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_XOR_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] ^ code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_SHL_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] << (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_SHL_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] << code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_SHR_S_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >> (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_SHR_S_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >> code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_SHR_U_RRR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >>> (int) s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I32_SHR_U_RRI:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >>> code[pc + 3];
          pc += 4;
          continue;
        case OpCodes.I32_ROTL_RRR:
          s[fp + code[pc + 1]] = Integer.rotateLeft((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
          pc += 4;
          continue;
        case OpCodes.I32_ROTL_RRI:
          s[fp + code[pc + 1]] = Integer.rotateLeft((int) s[fp + code[pc + 2]], code[pc + 3]);
          pc += 4;
          continue;
        case OpCodes.I64_ADD_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] + s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_ADD_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] + ((code[pc + 3] & 0xFFFFFFFFL) | (long) code[pc + 4] << 32);
          pc += 5;
          continue;
        case OpCodes.I64_SUB_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] - s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_SUB_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] - ((code[pc + 3] & 0xFFFFFFFFL) | (long) code[pc + 4] << 32);
          pc += 5;
          continue;
        case OpCodes.I64_MUL_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] * s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_MUL_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] * ((code[pc + 3] & 0xFFFFFFFFL) | (long) code[pc + 4] << 32);
          pc += 5;
          continue;
        case OpCodes.I64_AND_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] & s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_AND_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] & ((code[pc + 3] & 0xFFFFFFFFL) | (long) code[pc + 4] << 32);
          pc += 5;
          continue;
        case OpCodes.I64_OR_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] | s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_OR_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] | ((code[pc + 3] & 0xFFFFFFFFL) | (long) code[pc + 4] << 32);
          pc += 5;
          continue;
        case OpCodes.I64_XOR_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] ^ s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_XOR_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] ^ ((code[pc + 3] & 0xFFFFFFFFL) | (long) code[pc + 4] << 32);
          pc += 5;
          continue;
        case OpCodes.I64_SHL_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] << s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_SHL_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] << code[pc + 3];
          pc += 5;
          continue;
        case OpCodes.I64_SHR_S_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >> s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_SHR_S_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >> code[pc + 3];
          pc += 5;
          continue;
        case OpCodes.I64_SHR_U_RRR:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >>> s[fp + code[pc + 3]];
          pc += 4;
          continue;
        case OpCodes.I64_SHR_U_RRI:
          s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >>> code[pc + 3];
          pc += 5;
          continue;
        case OpCodes.I64_ROTL_RRR:
          s[fp + code[pc + 1]] = Long.rotateLeft(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
          pc += 4;
          continue;
        case OpCodes.I64_ROTL_RRI:
          s[fp + code[pc + 1]] = Long.rotateLeft(s[fp + code[pc + 2]], (int) code[pc + 3]);
          pc += 5;
          continue;
        case OpCodes.F32_ADD_RRR: {
          float r = Float.intBitsToFloat((int) s[fp + code[pc + 2]]) + Float.intBitsToFloat((int) s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FC00000 : Float.floatToRawIntBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.F32_SUB_RRR: {
          float r = Float.intBitsToFloat((int) s[fp + code[pc + 2]]) - Float.intBitsToFloat((int) s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FC00000 : Float.floatToRawIntBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.F32_MUL_RRR: {
          float r = Float.intBitsToFloat((int) s[fp + code[pc + 2]]) * Float.intBitsToFloat((int) s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FC00000 : Float.floatToRawIntBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.F64_ADD_RRR: {
          double r = Double.longBitsToDouble(s[fp + code[pc + 2]]) + Double.longBitsToDouble(s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FF8000000000000L : Double.doubleToRawLongBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.F64_SUB_RRR: {
          double r = Double.longBitsToDouble(s[fp + code[pc + 2]]) - Double.longBitsToDouble(s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FF8000000000000L : Double.doubleToRawLongBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.F64_MUL_RRR: {
          double r = Double.longBitsToDouble(s[fp + code[pc + 2]]) * Double.longBitsToDouble(s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FF8000000000000L : Double.doubleToRawLongBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.F64_DIV_RRR: {
          double r = Double.longBitsToDouble(s[fp + code[pc + 2]]) / Double.longBitsToDouble(s[fp + code[pc + 3]]);
          s[fp + code[pc + 1]] = r != r ? 0x7FF8000000000000L : Double.doubleToRawLongBits(r);
          pc += 4;
          continue;
        }
        case OpCodes.I32_WRAP_I64_RR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]];
          pc += 3;
          continue;
        case OpCodes.I64_EXTEND_I32_S_RR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]];
          pc += 3;
          continue;
        case OpCodes.I64_EXTEND_I32_U_RR:
          s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] & 0xFFFFFFFFL;
          pc += 3;
          continue;
        // END GENERATED HOT
        default:
          return pc;
      }
      } // store64 (one access site for all forms: each inlines a long chain of VarHandle code, and
        // past 18,000 nodes C2 leaves the rest of the chain a call, in whichever cases it parses last)
      LONG.set(mem, address, value);
      pc = after;
      continue;
      } // store32
      INT.set(mem, address, (int) value);
      pc = after;
      continue;
      } // load64
      s[fp + code[pc + 1]] = (long) LONG.get(mem, address);
      pc = after;
      continue;
      } // load32
      s[fp + code[pc + 1]] = (int) INT.get(mem, address);
      pc = after;
      continue;
      } // twoOperandBranch: the target at pc + 3
      pc = taken < 0 ? code[pc + 3] : pc + 4;
      if (pc >= 0) {
        continue;
      }
      break checkedBackEdge;
      } // oneOperandBranch: the target at pc + 2
      pc = taken < 0 ? code[pc + 2] : pc + 3;
      if (pc >= 0) {
        continue;
      }
      } // checkedBackEdge: pc is ~(a loop header's pc), plus CHARGED if the header charges fuel:
        // its check and its charge run here, see interpreted()
      pc = ~pc;
      if (pc < CHARGED) { // a check_interrupt alone
        if (fn.instance.store.stopWord() != 0) {
          return pc; // run checks exactly
        }
        pc++;
        continue;
      }
      pc -= CHARGED;
      if (code[pc] == OpCodes.CHECK_INTERRUPT) {
        if (fn.instance.store.stopWord() != 0) {
          return pc; // run checks exactly
        }
        pc++;
      }
      StoreState store = fn.instance.store; // the fuel op's case
      long left = store.fuel - code[pc + 1];
      if (left < 0) {
        return pc; // run traps
      }
      store.fuel = left;
      pc += 2;
    }
  }

  /**
   * Runs {@link #warmUpCode} through {@link #runInFrame}, so that its profile counts every case. C2
   * compiles the cases of a {@code switch} that its profile has never seen as traps, and the
   * first time one runs it throws the whole compiled method away, and the guest goes on in C1's
   * code until C2 has compiled it again, seconds on a busy machine: a big program (Yosys) reaches
   * new ops for seconds after C2's first compile. HotSpot profiles a method only in the short
   * while between C1's profiling compile and C2's, so {@code run} repeats this every
   * {@link #WARM_UP_PERIOD} passes of a loop header: a few hundred ops in some 10^5 passes.
   * Returns true if it ran to the end.
   */
  static boolean warmUp() {
    long[] s = new long[2];
    byte[] mem = new byte[16];
    int[] code = WarmUp.CODE;
    int pc = 0;
    try {
      while (code[pc] != OpCodes.RETURN) {
        s[1] = 1;
        pc = runInFrame(s, 0, code, pc, mem, null);
        if (code[pc] != OpCodes.RETURN) {
          pc += Op.size(code, pc); // an op runInFrame leaves to run or cold: not warmed up
        }
      }
      return true;
    } catch (RuntimeException e) { // not expected (DispatchSizeTest); it only profiles less
      return false;
    }
  }

  /**
   * What {@link #warmUp} runs, made at its first run rather than when the interpreter is loaded
   * (a run that never warms up, as short ones do not, does not pay for it).
   */
  private static final class WarmUp {
    static final int[] CODE = warmUpCode();
  }

  /**
   * Every op whose operands are registers, immediates and targets once (except the fuel charge,
   * which needs a store), then {@code return}: results go to register 0, sources read register 1
   * (which holds 1: no division by zero, every address within 16 bytes), immediates are 1 and
   * every target is the next op, so the code runs straight through. The ops {@link #runInFrame}
   * does not run are skipped by {@link #warmUp}.
   */
  static int[] warmUpCode() {
    int[] code = new int[4096];
    int n = 0;
    for (Op op : Op.values()) {
      String shape = op.shape();
      if (shape.isEmpty() || !shape.matches("[drilt]+") || op == Op.FUEL_I) {
        continue;
      }
      int next = n + op.size() + (op == Op.BR_TABLE_RI ? 1 : 0);
      code[n++] = op.ordinal();
      for (char k : shape.toCharArray()) {
        code[n++] = k == 'd' ? 0 : k == 't' ? next : 1;
        if (k == 'l') {
          code[n++] = 0;
        }
      }
      if (op == Op.BR_TABLE_RI) {
        code[n++] = next; // its one target, the default
      }
    }
    code[n++] = OpCodes.RETURN;
    return java.util.Arrays.copyOf(code, n);
  }

  /**
   * {@code f}'s IR as this interpreter runs it: with interruption checks or fuel, each back-edge
   * to a loop header's {@code check_interrupt} or {@code fuel} (a {@code br} or conditional
   * branch) jumps to {@code ~header} instead ({@code ~(header + CHARGED)} if the header's ops
   * include the charge), and {@link #runInFrame} tests the stop word and
   * charges the run's fuel as it takes it: every pass of a loop still passes one check and one
   * charge, exactly as the ops would (entering the loop, the ops themselves), but not one more
   * dispatch. A private copy, made once per function and instance ({@code f.compiled}, which
   * {@code f.ir()} does not return), and only with checks or fuel: compiled code and other
   * executors read the module's IR, and the layout, so every pc, is the same.
   */
  private static CompiledFunction interpreted(WasmFunction f) {
    DispatchPriming.start(); // long before runInFrame is hot enough for C2
    CompiledFunction c = f.ir();
    if (f.code.module.interrupts() || f.code.module.fuel()) { // (else nothing to branch to)
      c = withCheckedBackEdges(c);
    }
    f.compiled = c;
    return c;
  }

  /** {@code c} with its back-edges to a {@code check_interrupt} or {@code fuel} rewritten ({@link #interpreted}), or {@code c} if it has none. */
  private static CompiledFunction withCheckedBackEdges(CompiledFunction c) {
    int[] code = c.code();
    int[] copy = null;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      String shape = Op.of(code[pc]).shape();
      int t = shape.indexOf('t');
      if (t < 0) { // not a branch (br_table's targets are not in its shape: left as they are)
        continue;
      }
      int slot = pc + 1 + t;
      int target = code[slot];
      if (target >= 0 && target <= pc
          && (code[target] == OpCodes.CHECK_INTERRUPT || code[target] == OpCodes.FUEL_I)) {
        if (copy == null) {
          copy = code.clone();
        }
        int charge = code[target] == OpCodes.FUEL_I ? target : target + 1; // a check's size is 1
        copy[slot] = code[charge] == OpCodes.FUEL_I ? ~(target + CHARGED) : ~target;
      }
    }
    return copy == null ? c
        : new CompiledFunction(copy, c.registerCount(), c.paramCount(), c.localCount());
  }

  private static TrapException integerOverflow() {
    return new TrapException(TrapKind.INTEGER_OVERFLOW);
  }

  private static TrapException outOfBounds() {
    return new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
  }

  /** Asks the module's tiering executor to compile {@code f}, and counts down afresh. */
  private static void tierUp(WasmFunction f) {
    Tiering hook = f.code.module.tiering;
    if (hook != null) {
      hook.hot(f.code, false);
    } else {
      f.code.countdown = Integer.MAX_VALUE;
    }
  }

  /**
   * A loop header of {@code fn}'s frame at {@code fp} is hot: if the function has compiled code
   * to enter there, runs the rest of the frame in it and returns true (its results are then in
   * the frame's first registers); else (none yet, or it declines this header) tells the tiering
   * executor or asks again at the next header, and returns false.
   */
  private static boolean loopHot(Stack st, WasmFunction fn, int fp, int pc, int depth,
      int nested) {
    FunctionCode fc = fn.code;
    LoopEntry entry = fc.loopEntry;
    if (entry == null) {
      Tiering hook = fc.module.tiering;
      if (hook != null) {
        hook.hot(fc, true);
      } else {
        fc.countdown = Integer.MAX_VALUE;
      }
      return false;
    }
    int savedDepth = st.depth;
    int savedTop = st.top;
    // calls the compiled code makes into the interpreter start above this frame
    st.startCallsAt(depth, fp + fn.compiled.registerCount(), nested);
    long[] results = entry.enter(st.slots, fp, fn.instance, st.maxDepth - depth, pc);
    if (results == null) { // not from this header: ask again at the next one
      st.depth = savedDepth;
      st.top = savedTop;
      fc.countdown = 1;
      return false;
    }
    System.arraycopy(results, 0, st.slots, fp, results.length);
    return true;
  }

  /**
   * Calls a host function or a function with native code, with the arguments at {@code base};
   * its results go back there. Native code reads and writes the slots in place
   * ({@code NativeCode.callAt}); a host function gets arrays of its own.
   */
  private static void callExternal(FunctionInstance f, InstanceState caller, Stack st, int base,
      int depth) {
    if (f instanceof WasmFunction) {
      WasmFunction w = (WasmFunction) f;
      long[] slots = st.slots;
      w.code.nativeCode.callAt(w.instance, slots, base, depth);
      if (st.slots != slots) { // a nested call grew the stack: the results are in the old array
        System.arraycopy(slots, base, st.slots, base, f.type.resultSlotCount());
      }
      return;
    }
    long[] args = new long[f.type.paramSlotCount()];
    System.arraycopy(st.slots, base, args, 0, args.length);
    long[] results;
    StoreState store = caller.store;
    int saved = store.hostCallDepth;
    store.hostCallDepth = depth;
    try {
      results = ((HostFunction) f).call(caller, args);
    } finally {
      store.hostCallDepth = saved;
      if (store.interruptible && Thread.currentThread().isInterrupted()) {
        store.requestStop(); // the next check sees it at once, not when the watcher looks
      }
    }
    System.arraycopy(results, 0, st.slots, base, f.type.resultSlotCount());
  }

  /**
   * The ops that are rare in hot loops: numeric ops other than the common integer and float
   * arithmetic, other memories, bulk memory, tables; SIMD goes on to {@link SimdInterpreter}. Kept
   * out of {@link #run} so that it stays small enough for C2 to compile well. Returns the next pc.
   */
  private static int cold(int[] code, int pc, long[] s, int fp, InstanceState inst) {
    switch (code[pc]) {
      // BEGIN GENERATED COLD (DispatchGenerator; do not edit)
      case OpCodes.I64_EQ_RRR: {
        long a = s[fp + code[pc + 2]], b = s[fp + code[pc + 3]];
        s[fp + code[pc + 1]] = (~(a ^ b | -(a ^ b))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_NE_RRR: {
        long a = s[fp + code[pc + 2]], b = s[fp + code[pc + 3]];
        s[fp + code[pc + 1]] = (a ^ b | -(a ^ b)) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_LT_S_RRR: {
        long a = s[fp + code[pc + 2]], b = s[fp + code[pc + 3]];
        s[fp + code[pc + 1]] = ((a - b ^ (a ^ b) & (a - b ^ a))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_LT_U_RRR: {
        long a = s[fp + code[pc + 2]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 3]] ^ Long.MIN_VALUE;
        s[fp + code[pc + 1]] = ((a - b ^ (a ^ b) & (a - b ^ a))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_GT_S_RRR: {
        long a = s[fp + code[pc + 2]], b = s[fp + code[pc + 3]];
        s[fp + code[pc + 1]] = ((b - a ^ (b ^ a) & (b - a ^ b))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_GT_U_RRR: {
        long a = s[fp + code[pc + 2]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 3]] ^ Long.MIN_VALUE;
        s[fp + code[pc + 1]] = ((b - a ^ (b ^ a) & (b - a ^ b))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_LE_S_RRR: {
        long a = s[fp + code[pc + 2]], b = s[fp + code[pc + 3]];
        s[fp + code[pc + 1]] = (~(b - a ^ (b ^ a) & (b - a ^ b))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_LE_U_RRR: {
        long a = s[fp + code[pc + 2]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 3]] ^ Long.MIN_VALUE;
        s[fp + code[pc + 1]] = (~(b - a ^ (b ^ a) & (b - a ^ b))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_GE_S_RRR: {
        long a = s[fp + code[pc + 2]], b = s[fp + code[pc + 3]];
        s[fp + code[pc + 1]] = (~(a - b ^ (a ^ b) & (a - b ^ a))) >>> 63;
        return pc + 4;
      }
      case OpCodes.I64_GE_U_RRR: {
        long a = s[fp + code[pc + 2]] ^ Long.MIN_VALUE, b = s[fp + code[pc + 3]] ^ Long.MIN_VALUE;
        s[fp + code[pc + 1]] = (~(a - b ^ (a ^ b) & (a - b ^ a))) >>> 63;
        return pc + 4;
      }
      case OpCodes.F32_EQ_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Eq((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_NE_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Ne((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_LT_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Lt((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_GT_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Gt((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_LE_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Le((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_GE_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Ge((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_EQ_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Eq(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_NE_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Ne(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_LT_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Lt(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_GT_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Gt(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_LE_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Le(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_GE_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Ge(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I32_CLZ_RR:
        s[fp + code[pc + 1]] = Semantics.i32Clz((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_CTZ_RR:
        s[fp + code[pc + 1]] = Semantics.i32Ctz((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_POPCNT_RR:
        s[fp + code[pc + 1]] = Semantics.i32Popcnt((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_DIV_U_RRR:
        s[fp + code[pc + 1]] = Semantics.i32DivU((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I32_REM_S_RRR:
        s[fp + code[pc + 1]] = Semantics.i32RemS((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I32_ROTR_RRR:
        s[fp + code[pc + 1]] = Integer.rotateRight((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I32_ROTR_RRI:
        s[fp + code[pc + 1]] = Integer.rotateRight((int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 4;
      case OpCodes.I64_CLZ_RR:
        s[fp + code[pc + 1]] = Semantics.i64Clz(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_CTZ_RR:
        s[fp + code[pc + 1]] = Semantics.i64Ctz(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_POPCNT_RR:
        s[fp + code[pc + 1]] = Semantics.i64Popcnt(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_DIV_S_RRR:
        s[fp + code[pc + 1]] = Semantics.i64DivS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I64_DIV_U_RRR:
        s[fp + code[pc + 1]] = Semantics.i64DivU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I64_REM_S_RRR:
        s[fp + code[pc + 1]] = Semantics.i64RemS(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I64_REM_U_RRR:
        s[fp + code[pc + 1]] = Semantics.i64RemU(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I64_ROTR_RRR:
        s[fp + code[pc + 1]] = Long.rotateRight(s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I64_ROTR_RRI:
        s[fp + code[pc + 1]] = Long.rotateRight(s[fp + code[pc + 2]], (int) code[pc + 3]);
        return pc + 5;
      case OpCodes.F32_ABS_RR:
        s[fp + code[pc + 1]] = Semantics.f32Abs((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_NEG_RR:
        s[fp + code[pc + 1]] = Semantics.f32Neg((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_CEIL_RR:
        s[fp + code[pc + 1]] = Semantics.f32Ceil((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_FLOOR_RR:
        s[fp + code[pc + 1]] = Semantics.f32Floor((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_TRUNC_RR:
        s[fp + code[pc + 1]] = Semantics.f32Trunc((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_NEAREST_RR:
        s[fp + code[pc + 1]] = Semantics.f32Nearest((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_SQRT_RR:
        s[fp + code[pc + 1]] = Semantics.f32Sqrt((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_DIV_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Div((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_MIN_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Min((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_MAX_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Max((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F32_COPYSIGN_RRR:
        s[fp + code[pc + 1]] = Semantics.f32Copysign((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_ABS_RR:
        s[fp + code[pc + 1]] = Semantics.f64Abs(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_NEG_RR:
        s[fp + code[pc + 1]] = Semantics.f64Neg(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_CEIL_RR:
        s[fp + code[pc + 1]] = Semantics.f64Ceil(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_FLOOR_RR:
        s[fp + code[pc + 1]] = Semantics.f64Floor(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_TRUNC_RR:
        s[fp + code[pc + 1]] = Semantics.f64Trunc(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_NEAREST_RR:
        s[fp + code[pc + 1]] = Semantics.f64Nearest(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_SQRT_RR:
        s[fp + code[pc + 1]] = Semantics.f64Sqrt(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_MIN_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Min(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_MAX_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Max(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.F64_COPYSIGN_RRR:
        s[fp + code[pc + 1]] = Semantics.f64Copysign(s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      case OpCodes.I32_TRUNC_F32_S_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncF32S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_F32_U_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncF32U((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_F64_S_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncF64S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_F64_U_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncF64U(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_F32_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncF32S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_F32_U_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncF32U((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_F64_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncF64S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_F64_U_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncF64U(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_CONVERT_I32_S_RR:
        s[fp + code[pc + 1]] = Semantics.f32ConvertI32S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_CONVERT_I32_U_RR:
        s[fp + code[pc + 1]] = Semantics.f32ConvertI32U((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_CONVERT_I64_S_RR:
        s[fp + code[pc + 1]] = Semantics.f32ConvertI64S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_CONVERT_I64_U_RR:
        s[fp + code[pc + 1]] = Semantics.f32ConvertI64U(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_DEMOTE_F64_RR:
        s[fp + code[pc + 1]] = Semantics.f32DemoteF64(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_CONVERT_I32_S_RR:
        s[fp + code[pc + 1]] = Semantics.f64ConvertI32S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_CONVERT_I32_U_RR:
        s[fp + code[pc + 1]] = Semantics.f64ConvertI32U((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_CONVERT_I64_S_RR:
        s[fp + code[pc + 1]] = Semantics.f64ConvertI64S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_CONVERT_I64_U_RR:
        s[fp + code[pc + 1]] = Semantics.f64ConvertI64U(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_PROMOTE_F32_RR:
        s[fp + code[pc + 1]] = Semantics.f64PromoteF32((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_REINTERPRET_F32_RR:
        s[fp + code[pc + 1]] = Semantics.i32ReinterpretF32((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_REINTERPRET_F64_RR:
        s[fp + code[pc + 1]] = Semantics.i64ReinterpretF64(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F32_REINTERPRET_I32_RR:
        s[fp + code[pc + 1]] = Semantics.f32ReinterpretI32((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.F64_REINTERPRET_I64_RR:
        s[fp + code[pc + 1]] = Semantics.f64ReinterpretI64(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_EXTEND16_S_RR:
        s[fp + code[pc + 1]] = Semantics.i32Extend16S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_EXTEND8_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64Extend8S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_EXTEND16_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64Extend16S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_EXTEND32_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64Extend32S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_SAT_F32_S_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncSatF32S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_SAT_F32_U_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncSatF32U((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_SAT_F64_S_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncSatF64S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I32_TRUNC_SAT_F64_U_RR:
        s[fp + code[pc + 1]] = Semantics.i32TruncSatF64U(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_SAT_F32_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncSatF32S((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_SAT_F32_U_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncSatF32U((int) s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_SAT_F64_S_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncSatF64S(s[fp + code[pc + 2]]);
        return pc + 3;
      case OpCodes.I64_TRUNC_SAT_F64_U_RR:
        s[fp + code[pc + 1]] = Semantics.i64TruncSatF64U(s[fp + code[pc + 2]]);
        return pc + 3;
      // END GENERATED COLD
      case OpCodes.I32_LOAD_RRIX:
      case OpCodes.F32_LOAD_RRIX:
      case OpCodes.I64_LOAD32_S_RRIX:
        s[fp + code[pc + 1]] = i32Load(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 5;
      case OpCodes.I64_LOAD_RRIX:
      case OpCodes.F64_LOAD_RRIX:
        s[fp + code[pc + 1]] = i64Load(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 5;
      case OpCodes.I32_LOAD8_S_RRIX:
      case OpCodes.I64_LOAD8_S_RRIX:
        s[fp + code[pc + 1]] = load8S(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 5;
      case OpCodes.I32_LOAD8_U_RRIX:
      case OpCodes.I64_LOAD8_U_RRIX:
        s[fp + code[pc + 1]] = load8U(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 5;
      case OpCodes.I32_LOAD16_S_RRIX:
      case OpCodes.I64_LOAD16_S_RRIX:
        s[fp + code[pc + 1]] = load16S(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 5;
      case OpCodes.I32_LOAD16_U_RRIX:
      case OpCodes.I64_LOAD16_U_RRIX:
        s[fp + code[pc + 1]] = load16U(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]);
        return pc + 5;
      case OpCodes.I64_LOAD32_U_RRIX:
        s[fp + code[pc + 1]] =
            i32Load(memX(inst, code, pc), (int) s[fp + code[pc + 2]], code[pc + 3]) & 0xFFFFFFFFL;
        return pc + 5;
      case OpCodes.I32_STORE_RRIX:
      case OpCodes.F32_STORE_RRIX:
      case OpCodes.I64_STORE32_RRIX:
        i32Store(memX(inst, code, pc), (int) s[fp + code[pc + 1]], code[pc + 3], (int) s[fp + code[pc + 2]]);
        return pc + 5;
      case OpCodes.I64_STORE_RRIX:
      case OpCodes.F64_STORE_RRIX:
        i64Store(memX(inst, code, pc), (int) s[fp + code[pc + 1]], code[pc + 3], s[fp + code[pc + 2]]);
        return pc + 5;
      case OpCodes.I32_STORE8_RRIX:
      case OpCodes.I64_STORE8_RRIX:
        store8(memX(inst, code, pc), (int) s[fp + code[pc + 1]], code[pc + 3], (int) s[fp + code[pc + 2]]);
        return pc + 5;
      case OpCodes.I32_STORE16_RRIX:
      case OpCodes.I64_STORE16_RRIX:
        store16(memX(inst, code, pc), (int) s[fp + code[pc + 1]], code[pc + 3], (int) s[fp + code[pc + 2]]);
        return pc + 5;
      case OpCodes.MEMORY_SIZE_RX:
        s[fp + code[pc + 1]] = inst.memories[code[pc + 2]].pages();
        return pc + 3;
      case OpCodes.MEMORY_GROW_RRX:
        s[fp + code[pc + 1]] = inst.memories[code[pc + 3]].grow((int) s[fp + code[pc + 2]]);
        return pc + 4;
      case OpCodes.MEMORY_FILL_RRRX:
        inst.memories[code[pc + 4]].fill(
            (int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 5;
      case OpCodes.MEMORY_COPY_RRRXX:
        inst.memories[code[pc + 4]].copyFrom(inst.memories[code[pc + 5]],
            (int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 6;
      case OpCodes.MEMORY_INIT_RRRXX:
        inst.memoryInit(code[pc + 5], code[pc + 4],
            (int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 6;
      case OpCodes.DATA_DROP_X:
        inst.dropData(code[pc + 1]);
        return pc + 2;
      case OpCodes.REF_FUNC_RX:
        s[fp + code[pc + 1]] = inst.functions[code[pc + 2]].ref;
        return pc + 3;
      case OpCodes.TABLE_GET_RRX:
        s[fp + code[pc + 1]] = inst.tables[code[pc + 3]].get((int) s[fp + code[pc + 2]]);
        return pc + 4;
      case OpCodes.TABLE_SET_RRX:
        inst.tables[code[pc + 3]].set((int) s[fp + code[pc + 1]], s[fp + code[pc + 2]]);
        return pc + 4;
      case OpCodes.TABLE_SIZE_RX:
        s[fp + code[pc + 1]] = inst.tables[code[pc + 2]].size();
        return pc + 3;
      case OpCodes.TABLE_GROW_RRRX:
        s[fp + code[pc + 1]] =
            inst.tables[code[pc + 4]].grow((int) s[fp + code[pc + 3]], s[fp + code[pc + 2]]);
        return pc + 5;
      case OpCodes.TABLE_FILL_RRRX:
        inst.tables[code[pc + 4]].fill(
            (int) s[fp + code[pc + 1]], s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 5;
      case OpCodes.TABLE_COPY_RRRXX: {
        TableInstance dst = inst.tables[code[pc + 4]];
        dst.copyFrom(inst.tables[code[pc + 5]],
            (int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 6;
      }
      case OpCodes.TABLE_INIT_RRRXX:
        inst.tableInit(code[pc + 5], code[pc + 4],
            (int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]]);
        return pc + 6;
      case OpCodes.ELEM_DROP_X:
        inst.dropElements(code[pc + 1]);
        return pc + 2;
      case OpCodes.FUEL_SCALED_RI:
        inst.store.consumeFuel((s[fp + code[pc + 1]] & 0xFFFFFFFFL) >>> code[pc + 2]);
        return pc + 3;
      case OpCodes.FUEL_MEMORY_GROW_RX:
        inst.store.consumeFuel(inst.memories[code[pc + 2]].growCost((int) s[fp + code[pc + 1]]));
        return pc + 3;
      case OpCodes.FUEL_TABLE_GROW_RX:
        inst.store.consumeFuel(inst.tables[code[pc + 2]].growCost((int) s[fp + code[pc + 1]]));
        return pc + 3;
      default:
        return SimdInterpreter.exec(code, pc, s, fp, inst);
    }
  }

  private static byte[] memX(InstanceState inst, int[] code, int pc) {
    return inst.memories[code[pc + 4]].bytes;
  }
}
