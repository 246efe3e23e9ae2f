package org.wasmj.exec.asm;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.LoopRegion;

/**
 * Tiering of the loop nests of a module's huge functions: those of {@link #BODY_BYTES} bytes or more,
 * whose whole compilation the size term of {@link AsmExecutor#countdown} puts off for so many
 * calls and loop passes that most never get it, and whose chunk methods, when they do, each run
 * too little to be compiled by HotSpot soon (docs/RATIONALE.md, "Tiering"). Such a function's
 * countdown runs out every {@link #ROUNDS} × threshold passes (its whole-function countdown goes
 * on in steps of that size); where it runs out at a loop header, the nest around the header is
 * compiled alone, as one chunk method ({@link FunctionCompiler#region}), on the compile queue,
 * if it calls no function that runs interpreted (the outermost nest that fits, else one inside it),
 * and the interpreter runs it at that nest's headers from then on ({@link Regions}). Once a
 * function has a region its countdown is 1, so that the interpreter offers every loop header to
 * it.
 *
 * @implNote Thread-safe. A function's counts are updated without synchronization (a lost update
 *     only delays); which headers were sampled, under the lock of its state.
 */
final class RegionTiering {
  /** Functions with a body of at least this many bytes have their loop nests compiled alone. */
  static final int BODY_BYTES = 20_000;
  /**
   * The thresholds of loop passes between two samples of a huge function's loop headers (Yosys:
   * 1 against 4, see docs/RATIONALE.md, "Session 15 (branch region15)").
   */
  static final int ROUNDS = 1;
  /** Tests: {@link #BODY_BYTES} of modules prepared from now on (0: the default). */
  static volatile int bodyBytesForTests;
  /** Tests: the loop passes between two samples in modules prepared from now on (0: the default). */
  static volatile int passesForTests;

  private final AsmModule module;
  private final int passes;
  /** Per defined function: its state if huge, else null. */
  private final State[] states;
  private final AtomicInteger compiled = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  /** A huge function's counts. */
  private static final class State {
    /** Passes and calls left of the whole-function countdown. */
    long owed;
    /** Passes left before the next sample. */
    long untilSample;
    /** The countdown given to the interpreter last. */
    int given;
    /** Loop headers sampled (queued, compiled or refused). */
    final Set<Integer> sampled = new HashSet<>();
    /**
     * The compiler of its regions, kept from one to the next: its analyses of the whole function
     * (registers, liveness, branches) are most of a region's cost on a huge function.
     */
    FunctionCompiler compiler;
  }

  /** For {@code module}, whose tiering threshold is {@code threshold}. */
  RegionTiering(AsmModule module, int threshold, int functions,
      java.util.function.IntUnaryOperator bodyBytes) {
    this.module = module;
    int bytes = bodyBytesForTests > 0 ? bodyBytesForTests : BODY_BYTES;
    this.passes = passesForTests > 0 ? passesForTests
        : (int) Math.min(Integer.MAX_VALUE / 2, (long) ROUNDS * Math.max(1, threshold));
    this.states = new State[functions];
    for (int k = 0; k < states.length; k++) {
      if (bodyBytes.applyAsInt(k) >= bytes) {
        states[k] = new State();
      }
    }
  }

  /**
   * The first countdown of defined function {@code k}, whose whole-function countdown is
   * {@code whole}.
   */
  int firstCountdown(int k, int whole) {
    State s = states[k];
    if (s == null) {
      return whole;
    }
    s.owed = whole;
    s.untilSample = passes;
    s.given = (int) Math.min(whole, passes);
    return s.given;
  }

  /**
   * {@code f}'s countdown ran out, at the loop header at {@code pc} (-1: at a call). Returns
   * false if {@code f} is not huge (tiering goes on as for any function); else counts, maybe
   * queues the nest around {@code pc}, tells {@link AsmModule#hotWhole} if the whole-function
   * countdown ran out too, and sets the next countdown.
   */
  boolean ranOut(FunctionCode f, int pc) {
    State s = states[f.definedIndex];
    if (s == null) {
      return false;
    }
    int given = Math.max(1, s.given);
    s.owed -= given;
    s.untilSample -= given;
    if (pc >= 0 && s.untilSample <= 0) {
      s.untilSample = passes;
      boolean fresh;
      synchronized (s) {
        fresh = s.sampled.add(pc);
      }
      if (fresh && !module.queueRegion(f, pc)) {
        synchronized (s) {
          s.sampled.remove(pc); // the queue is full: sample again later
        }
      }
    }
    if (s.owed <= 0) {
      module.hotWhole(f, pc >= 0); // sets f.countdown: what the whole function waits for now
      int next = f.countdown;
      s.owed = next <= 0 ? 1 : next;
    }
    s.given = (int) Math.max(1, Math.min(s.owed, f.loopRegion != null ? 1 : s.untilSample));
    f.countdown = s.given;
    return true;
  }

  /**
   * Generates the class {@code className} of the nest around loop header {@code pc} of {@code f},
   * with a compiler {@code newCompiler} makes (or the one its last nest was made with): the
   * outermost nest whose method HotSpot compiles, or the next inside it; installs it for the
   * interpreter. Runs on the compile queue.
   */
  void compile(FunctionCode f, int pc, java.util.function.Supplier<FunctionCompiler> newCompiler,
      String className) {
    State s = states[f.definedIndex];
    synchronized (s) { // (one compiler: one nest at a time)
      if (s.compiler == null) {
        s.compiler = newCompiler.get();
      }
      FunctionCompiler compiler = s.compiler;
      for (int[] nest : Chunks.nests(compiler, pc)) {
        if (Chunks.estimate(compiler, nest[0], nest[1]) >= 2 * FunctionCompiler.HUGE_METHOD_LIMIT
            || callsInterpreted(compiler, nest[0], nest[1])) {
          continue;
        }
        byte[] bytes = compiler.region(className, nest[0], nest[1]);
        if (bytes == null) {
          continue;
        }
        LoopRegion region = module.defineRegion(className, bytes);
        LoopRegion old = f.loopRegion;
        f.loopRegion = (old == null ? Regions.NONE : (Regions) old).with(nest[0], nest[1], region);
        compiled.incrementAndGet();
        f.countdown = 0; // the frame that sampled it runs it at its next loop header
        return;
      }
    }
    refused.incrementAndGet();
  }

  /**
   * True if {@code [from, to)} calls through a table or a defined function not compiled yet: each
   * such call from compiled code is a crossing into the interpreter ({@code Interpreter.invokeAt}),
   * dearer than the interpreter's own call; on Yosys nests with them made the guest slower.
   */
  private boolean callsInterpreted(FunctionCompiler c, int from, int to) {
    int[] code = c.code();
    int imported = c.module.importedFunctionCount();
    for (int pc = from; pc < to; pc += org.wasmj.ir.Op.size(code, pc)) {
      if (code[pc] == org.wasmj.ir.OpCodes.CALL_INDIRECT_XXRR) {
        return true;
      }
      if (code[pc] == org.wasmj.ir.OpCodes.CALL_XR && code[pc + 1] >= imported
          && module.code.function(code[pc + 1] - imported).nativeCode == null) {
        return true;
      }
    }
    return false;
  }

  /** Nests compiled; sampled headers with no nest to compile (too large, or calling the interpreter). */
  void statistics(java.util.Map<String, Integer> to) {
    int huge = 0;
    for (State s : states) {
      huge += s == null ? 0 : 1;
    }
    to.put("regions.functions", huge);
    to.put("regions.compiled", compiled.get());
    to.put("regions.refused", refused.get());
  }
}
