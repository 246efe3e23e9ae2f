package org.wasmj.exec.asm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.wasmj.ir.Op;
import org.wasmj.parser.FuncType;

/**
 * Plans how a function too large for one JVM method is cut into chunks of consecutive
 * instructions, and says which registers an instruction reads and writes (a chunk copies those it
 * uses in and those it writes out). Everything here is linear in the function's size.
 */
final class Chunks {
  private Chunks() {}

  /** Estimated bytecode per chunk when splitting (well under the 8,000 bytes: the estimate is rough). */
  static final int BUDGET = 5000;

  /** Upper estimate of the bytecode copying one register into its local, or back into the frame. */
  private static final int COPY = 11;

  /** Upper estimate of the bytecode unpacking a copied-in v128 half into its lane locals. */
  private static final int LANES = 18;

  /**
   * Cuts the function into ranges {@code [from, to)} of about {@code budget} estimated bytecode
   * bytes each (its instructions, the registers it copies in and out, its entries), preferring
   * cuts outside loops, so that a loop's iterations stay within a chunk, or else (in the chunk's
   * second half) after an instruction that does not fall through, so that control does not fall
   * into the next chunk in the middle of a block (an interpreter's handler, say). In a function with lane
   * locals ({@link Registers#hasLaneLocals}: a SIMD kernel's f32x4 accumulators stay in them
   * through a loop only if the loop is whole in a chunk), a cut that would fall inside loops is
   * moved back to the header of the outermost that began in the chunk's last three quarters, or
   * else, if the loop began at the chunk's start, the chunk may grow to half as much again to
   * hold it whole. A chunk is also cut before C1 would run out of virtual registers on it by
   * {@link #c1Values} (a hard limit: no stretch past it). {@code null} if one instruction alone is
   * too large for a method HotSpot compiles.
   */
  static List<int[]> plan(FunctionCompiler c, int budget) {
    int[] code = c.code();
    int n = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      n++;
    }
    int[] pcs = new int[n + 1];
    int[] index = new int[code.length + 1];
    for (int pc = 0, i = 0; pc < code.length; pc += Op.size(code, pc), i++) {
      pcs[i] = pc;
      index[pc] = i;
    }
    pcs[n] = code.length;
    index[code.length] = n;
    // inLoop[i] > 0: a cut just before instruction i would split a loop (a backward branch spans it).
    int[] delta = new int[n + 1];
    boolean[] target = new boolean[code.length + 1];
    List<int[]> loops = new ArrayList<>(); // {header, index after the backward branch}
    for (int[] branch : c.branches()) {
      int i = index[branch[0]];
      for (int k = 1; k < branch.length; k++) {
        int t = branch[k];
        target[t] = true;
        if (t <= branch[0]) {
          delta[index[t] + 1]++;
          delta[i + 1]--;
          loops.add(new int[] {index[t], i + 1});
        }
      }
    }
    int[] inLoop = new int[n];
    for (int i = 0, running = 0; i < n; i++) {
      running += delta[i];
      inLoop[i] = running;
    }
    Traffic traffic = new Traffic(c);
    List<int[]> chunks = new ArrayList<>();
    int start = 0;
    long size = 0;
    int goodCut = -1;
    int jumpCut = -1; // the last index after an instruction that does not fall through
    int stretchEnd = -1; // growing the chunk to hold a loop: the index after it
    boolean holdLoops = c.hasLaneLocals(); // (only lane locals gain: other functions' plans stay)
    long values = 0; // C1's virtual registers for the chunk's code (C1_VALUES)
    for (int i = 0; i < n; i++) {
      int cost = cost(c, pcs[i], target, traffic);
      int v = c1Values(c, pcs[i], cost);
      boolean c1Over = values + v > C1_BUDGET;
      boolean over = i > start && (size + cost > budget || c1Over);
      boolean withinStretch = size + cost <= budget * 3L / 2 && !c1Over;
      if (over && i < stretchEnd && withinStretch) {
        over = false; // holding a loop
      }
      int cut = goodCut > start + (i - start) / 4 ? goodCut
          : !holdLoops && jumpCut > start + (i - start) / 2 ? jumpCut : i;
      if (over && cut == i && holdLoops) { // a cut here would split the loops around i
        int header = loopHeader(loops, start + (i - start) / 4, i); // cut before a loop
        if (header >= 0) {
          cut = header;
        } else if (stretchEnd < 0 && withinStretch && loopEnd(loops, start, i) > i) {
          stretchEnd = loopEnd(loops, start, i);
          over = false; // it began at the chunk's start: hold it rather than cut into it
        }
      }
      if (over) {
        stretchEnd = -1;
        chunks.add(new int[] {pcs[start], pcs[cut]});
        start = cut;
        traffic.nextChunk();
        size = 0;
        values = 0;
        for (int j = start; j <= i; j++) {
          cost = cost(c, pcs[j], target, traffic);
          v = c1Values(c, pcs[j], cost);
          size += cost;
          values += v;
        }
        size -= cost;
        values -= v;
        goodCut = -1;
        jumpCut = -1;
      }
      if (i == start && cost > FunctionCompiler.HUGE_METHOD_LIMIT - 1000) {
        return null; // even alone in a chunk, with the chunk's own code
      }
      if (inLoop[i] == 0) {
        goodCut = i;
      }
      if (i > start && !Op.of(code[pcs[i - 1]]).fallsThrough()) {
        jumpCut = i;
      }
      size += cost;
      values += v;
    }
    chunks.add(new int[] {pcs[start], code.length});
    return chunks;
  }

  /**
   * The header of the outermost loop (of {@code loops}: {header, index after it}) that holds
   * instruction {@code i} and begins after {@code after}, or -1.
   */
  private static int loopHeader(List<int[]> loops, int after, int i) {
    int header = -1;
    for (int[] loop : loops) {
      if (loop[0] > after && loop[0] <= i && i < loop[1] && (header < 0 || loop[0] < header)) {
        header = loop[0];
      }
    }
    return header;
  }

  /** The index after the loops that begin at {@code start} and hold instruction {@code i}, or -1. */
  private static int loopEnd(List<int[]> loops, int start, int i) {
    int end = -1;
    for (int[] loop : loops) {
      if (loop[0] == start && i < loop[1]) {
        end = Math.max(end, loop[1]);
      }
    }
    return end;
  }

  /**
   * The most virtual registers C1 gives one compile ({@code LIR_Opr::vreg_limit} in HotSpot's
   * {@code c1_LIR.hpp}, JDK 17 and 25); a method needing more is not compiled by C1 at all ("out of
   * virtual registers", then {@code not compilable at tier 3}): it runs in the bytecode interpreter
   * until C2 compiles it, thousands of calls later. Its register allocator also takes numbers
   * for the pieces it splits live ranges into, so a plan keeps a chunk's estimate under this.
   */
  static final int C1_VALUES = 10_000;

  /** The most of {@link #C1_VALUES} a plan gives a chunk's estimate (the estimate is rough). */
  static final int C1_BUDGET = C1_VALUES * 9 / 10;

  /**
   * C1's virtual registers for one inline {@code VarHandle} access of a {@code byte[]} view at its
   * profiling tier, with type profiling as HotSpot's default {@code -XX:TypeProfileLevel=111} has
   * it (its guard, index check and method-handle call sites profiled): a generated method of
   * nothing but {@code long} gets ran out at 112-115 of them (at 137 with {@code TypeProfileLevel=0}).
   */
  static final int VARHANDLE_VALUES = 90;

  /**
   * An estimate of C1's virtual registers for the instruction at {@code pc}, whose estimated
   * bytecode in the chunk is {@code cost}: its inline {@code VarHandle} accesses' and 0.3 an
   * estimated byte for the rest, fitted to MATMUL's chunks as planned before this estimate (C1
   * compiled those of 64-74 accesses and 5,000-7,400 estimated bytes, 7,800-8,200 by this
   * estimate; it gave up on the one of 94 and 7,450, 10,700, in every JVM).
   */
  static int c1Values(FunctionCompiler c, int pc, int cost) {
    Op op = Op.of(c.code()[pc]);
    return c1Values(op.simd() == null ? 0 : SimdEmitters.varHandleAccesses(op), cost);
  }

  /**
   * The estimate of C1's virtual registers for code of {@code bytes} (estimated or generated) with
   * {@code varHandleAccesses} inline {@code VarHandle} accesses.
   */
  static int c1Values(int varHandleAccesses, int bytes) {
    return varHandleAccesses * VARHANDLE_VALUES + bytes * 3 / 10;
  }

  /**
   * The most inline {@code VarHandle} accesses ({@link SimdEmitters#varHandleAccesses}) of the
   * SIMD ops of one innermost loop of {@code code} (from a backward branch's target to the branch,
   * with no other backward branch inside), read from the IR without planning or generating
   * anything. A loop within C1's budget is planned whole into one chunk, and one past it is cut
   * into chunks near the budget, so over {@code C1_BUDGET / 2 / VARHANDLE_VALUES} its class will
   * have a heavy chunk ({@link JitDirectives#wantedFor}) either way: MATMUL's inner loop has 65
   * (its chunk), its scale loop 128 (two chunks). A function without SIMD memory accesses is 0
   * after one pass.
   */
  static int innerLoopAccesses(int[] code) {
    int total = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      total += accesses(code, pc);
    }
    if (total == 0) {
      return 0;
    }
    int[] before = new int[code.length + 1]; // accesses of the ops before each pc
    List<int[]> loops = new ArrayList<>(); // {header, back edge}
    int sum = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      before[pc] = sum;
      sum += accesses(code, pc);
      for (int t : Op.targets(code, pc)) {
        if (t <= pc) {
          loops.add(new int[] {t, pc});
        }
      }
    }
    int most = 0;
    for (int[] loop : loops) {
      boolean inner = true;
      for (int[] other : loops) {
        if (other[0] >= loop[0] && other[1] <= loop[1]
            && (other[0] != loop[0] || other[1] != loop[1])) {
          inner = false;
          break;
        }
      }
      if (inner) {
        most = Math.max(most, before[loop[1]] + accesses(code, loop[1]) - before[loop[0]]);
      }
    }
    return most;
  }

  private static int accesses(int[] code, int pc) {
    Op op = Op.of(code[pc]);
    return op.simd() == null ? 0 : SimdEmitters.varHandleAccesses(op);
  }

  /** The estimated bytecode the instruction at {@code pc} adds to its chunk. */
  private static int cost(FunctionCompiler c, int pc, boolean[] target, Traffic traffic) {
    return estimate(c, pc) + (target[pc] ? 4 : 0) + traffic.add(pc);
  }

  /**
   * The registers the current chunk copies in and out, by chunk number (so that starting a chunk
   * clears nothing).
   */
  private static final class Traffic implements Operands {
    private final FunctionCompiler c;
    private final int[] used;
    private final int[] written;
    private int chunk = 1;
    private int cost;

    Traffic(FunctionCompiler c) {
      this.c = c;
      this.used = new int[c.ir.registerCount()];
      this.written = new int[c.ir.registerCount()];
    }

    void nextChunk() {
      chunk++;
    }

    /** Counts the registers of the instruction at {@code pc}; returns the copying it adds. */
    int add(int pc) {
      cost = 0;
      operands(c, pc, this);
      return cost;
    }

    @Override
    public void register(int r, boolean write) {
      if (c.isConstant(r)) {
        return; // an immediate, not copied
      }
      if (used[r] != chunk) {
        used[r] = chunk;
        cost += COPY + (c.hasLaneLocals(r) || c.hasIntLaneLocals(r) ? LANES : 0);
      }
      if (write && written[r] != chunk) {
        written[r] = chunk;
        cost += COPY;
      }
    }
  }

  /** The most instructions a tail block has before its last. */
  private static final int TAIL_LENGTH = 24;

  /** The most targets of a tail block's {@code br_table} (its entry table is one string constant). */
  private static final int TAIL_TARGETS = 4096;

  /**
   * If a tail block starts at {@code pc}, the pc of its last instruction, else -1. A tail block
   * is a short run of instructions (no SIMD op, no call but a direct one, branches only forward)
   * ending in a {@code br_table}, a {@code br} or a return: an interpreter's loop head, which its
   * handlers spread over many chunks all branch back to, or a function's epilogue and the tests
   * before it. A chunk branching to one in another chunk runs a copy of it (see {@code
   * FunctionCompiler.tailCopy}), so going from handler to handler is one move between chunks,
   * not two (or none when the next is in the same chunk), and returning is none.
   */
  static int tailEnd(FunctionCompiler c, int pc) {
    int[] code = c.code();
    int from = pc;
    for (int i = 0; i <= TAIL_LENGTH && pc < code.length; i++, pc += Op.size(code, pc)) {
      Op op = Op.of(code[pc]);
      switch (op) {
        case BR_TABLE_RI:
          return code[pc + 2] >= 2 && code[pc + 2] <= TAIL_TARGETS ? pc : -1;
        case RETURN:
        case RETURN_R:
        case RETURN_SPAN_RI:
          return pc;
        case BR_T:
          return code[pc + 1] > from && code[pc + 1] <= pc ? -1 : pc; // (a loop)
        case COPY_RR:
        case CONST32_RI:
        case CONST64_RL:
        case SELECT_RRRR:
        case COUNT_LOOP:
        case GLOBAL_GET_RX:
        case GLOBAL_SET_XR:
        case CALL_XR:
        case I32_SHR_U_AND_RRII:
        case I32_MUL_ADD_RRRR:
        case I32_SHL_ADD_RRIR:
          break;
        default:
          int[] targets = c.targets(pc);
          if (targets.length > 0) {
            if (targets[0] >= from && targets[0] <= pc) {
              return -1; // a loop
            }
          } else if (op.wasm() == null || op.simd() != null || op.shape().indexOf('x') >= 0) {
            return -1;
          }
      }
    }
    return -1;
  }

  /**
   * The most estimated bytecode of the tail blocks' copies in one chunk, on top of its budget
   * (a chunk of 5,000 estimated bytes stays under HotSpot's 8,000 with its copies).
   */
  static final int TAIL_COPIES = 1500;

  /** A function of more chunks than this copies at most {@link #TAIL_COPIES_MANY} per chunk. */
  static final int FEW_CHUNKS = 8;

  /**
   * The most estimated bytecode of tail copies per chunk in a function of many chunks: enough
   * for an interpreter's dispatch and an epilogue, not for every error path (HotSpot compiles
   * what is copied again in every chunk).
   */
  static final int TAIL_COPIES_MANY = 300;

  /** The estimated bytecode of a copy of the tail block {@code [from, end]} ({@link #tailEnd}). */
  static int tailCost(FunctionCompiler c, int from, int end) {
    int[] code = c.code();
    int cost = 0;
    for (int pc = from; pc <= end; pc += Op.size(code, pc)) {
      cost += code[pc] == org.wasmj.ir.OpCodes.BR_TABLE_RI ? 40 : estimate(c, pc); // a look-up
    }
    return cost;
  }

  /** A rough upper estimate of the whole function's bytecode in one method, zeroing its registers included. */
  static long estimate(FunctionCompiler c) {
    int[] code = c.code();
    long total = 5L * c.ir.registerCount();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      total += estimate(c, pc);
    }
    return total;
  }

  /** A rough upper estimate of an instruction's bytecode (a branch's exit from a chunk included). */
  static int estimate(FunctionCompiler c, int pc) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    switch (op) {
      case BR_TABLE_RI:
        return 24 + 8 * code[pc + 2]; // a tableswitch entry, maybe an exit
      case CALL_XR: {
        FuncType t = c.module.functionType(code[pc + 1]);
        return 24 + 10 * (t.paramSlotCount() + t.resultSlotCount());
      }
      case CALL_INDIRECT_XXRR: {
        FuncType t = c.module.types().get(code[pc + 1]);
        return 32 + 10 * (t.paramSlotCount() + t.resultSlotCount());
      }
      case RETURN_SPAN_RI:
        return 8 + 10 * code[pc + 2];
      case CHECK_INTERRUPT: // a countdown, the test, the slow path (FunctionCompiler.checkInterrupt)
        return 32;
      default:
        if (op.simd() != null) {
          return SimdEmitters.estimate(c, pc);
        }
        return op.wasm() != null && op.wasm().immediates() == org.wasmj.parser.Opcode.Imm.MEMARG ? 28 : 16;
    }
  }

  /** Receives the registers an instruction reads or writes (a register may come twice). */
  @FunctionalInterface
  interface Operands {
    void register(int r, boolean written);
  }

  /** Marks the registers the instruction at {@code pc} reads and writes. */
  static void operands(FunctionCompiler c, int pc, BitSet read, BitSet write) {
    operands(c, pc, (r, written) -> (written ? write : read).set(r));
  }

  /** Passes the registers the instruction at {@code pc} reads and writes to {@code to}. */
  static void operands(FunctionCompiler c, int pc, Operands to) {
    int[] code = c.code();
    Op op = Op.of(code[pc]);
    switch (op) {
      case CALL_XR:
        span(c.module.functionType(code[pc + 1]), code[pc + 2], to);
        return;
      case CALL_INDIRECT_XXRR:
        span(c.module.types().get(code[pc + 1]), code[pc + 3], to);
        to.register(code[pc + 4], false);
        return;
      case RETURN_SPAN_RI:
        for (int r = code[pc + 1]; r < code[pc + 1] + code[pc + 2]; r++) {
          to.register(r, false);
        }
        return;
      default:
        String shape = op.shape();
        int at = pc + 1;
        for (int i = 0; i < shape.length(); i++) {
          char k = shape.charAt(i);
          if (k == 'd') {
            to.register(code[at], true);
          } else if (k == 'r') {
            to.register(code[at], false);
          } else if (k == 'V') { // a v128: two registers
            to.register(code[at], true);
            to.register(code[at] + 1, true);
          } else if (k == 'v') {
            to.register(code[at], false);
            to.register(code[at] + 1, false);
          }
          at += k == 'l' ? 2 : 1;
        }
    }
  }

  private static void span(FuncType t, int base, Operands to) {
    for (int i = 0; i < t.paramSlotCount(); i++) {
      to.register(base + i, false);
    }
    for (int i = 0; i < t.resultSlotCount(); i++) {
      to.register(base + i, true);
    }
  }
}
