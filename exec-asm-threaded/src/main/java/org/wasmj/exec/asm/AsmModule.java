package org.wasmj.exec.asm;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.wasmj.exec.asm.FunctionCompiler.Fallback;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.InternalAccess;
import org.wasmj.exec.internal.LoopEntry;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.NativeCode;
import org.wasmj.ir.Op;

/**
 * What the asm and tiered executors keep per compiled module: the class loader of its generated
 * classes, what was compiled and what left to the interpreter (and why), and for tiering one
 * {@link MutableCallSite} per function, through which compiled callers reach it: it points at an
 * interpreter stub until the function is compiled, then at the compiled code.
 *
 * <p>Classes: {@code F<k>} is function {@code k}'s entry; for {@code asm} it is the compiled code
 * (or an interpreter stub for a {@link Fallback}); for {@code tiered} it is always the stub, and
 * {@code C<k>} ({@code W<k>} in a wide module) the compiled code made when {@code k} gets hot,
 * with entries at its loop headers for interpreter frames to jump into
 * ({@link org.wasmj.exec.internal.LoopEntry}).
 *
 * <p>Tiering never makes the guest wait for code generation: a hot function is queued on the
 * executor's {@link CompileQueue} and keeps running in the interpreter until its class is ready.
 *
 * @implNote Thread-safe: classes are generated under the loader's per-class lock; the per-function
 *     state changes under the lock of {@link #state}.
 */
public final class AsmModule {
  private static final byte NOT_GENERATED = 0;
  private static final byte COMPILED = 1;
  private static final byte INTERPRETED = 2;
  private static final byte QUEUED = 3;
  /** Tests only: {@code compileHot} leaves the countdown as it is, as a racing decrement may. */
  static volatile boolean loseWakeUps;

  /** Functions queued at each level of {@link #roundsToCompile} before it doubles. */
  static final int BUDGET_STEP = 128;
  /** The most countdowns a function ever runs out before it is compiled (the budget's cap). */
  static final int MOST_ROUNDS = 16;
  /**
   * Functions of a wide module ({@link AsmExecutor#wide}) queued after the first budget step are
   * compiled to {@link ModuleClassLoader#LATE} classes, which the {@code wasmj} launcher keeps in
   * HotSpot's C1 code: the functions that turn hot first are the hottest, and on Yosys C2's time
   * on the later ones, which run less, did not pay back (RATIONALE.md, "Tiering").
   */
  static final int LATE_AFTER = BUDGET_STEP;

  final ModuleCode code;
  final boolean tiered;
  /**
   * Tiering: a compiled function's class kind, {@link ModuleClassLoader#COMPILED} or {@code W}
   * (but {@link ModuleClassLoader#LATE} for the {@link #late} ones: {@link #compiledKind(int)}).
   */
  private final String compiledKind;
  /** Tiering, wide modules: per function, true if it was queued late ({@link #LATE_AFTER}). */
  private final boolean[] late;
  /** Tiering: the executor's threshold for a module of this size ({@link AsmExecutor#moduleThreshold}). */
  private final int threshold;
  private final AsmExecutor executor;
  private final ModuleClassLoader loader;
  private final byte[] state;
  /** Per function: the countdowns it has run out so far (under the lock of {@link #state}). */
  private final byte[] rounds;
  /**
   * Tiering, per function: {@link #NOT_CALLED} until its first call ({@link #firstCall}), then
   * {@link #ORDINARY} (queued when hot) or {@link #HEAVY} (compiled at once, {@link #firstCall}).
   */
  private final byte[] heavy;
  private static final byte NOT_CALLED = 0;
  private static final byte ORDINARY = 1;
  private static final byte HEAVY = 2;
  /** Functions queued for compilation so far (under the lock of {@link #state}). */
  private int admitted;
  private final MutableCallSite[] callSites;
  /** Per function: {@link #outlinedCallSite}, made on first use (under the lock of this). */
  private final MutableCallSite[] outlinedSites;
  /** Per function: 0 not asked yet, 1 called inline, 2 out of line ({@link #outlined}). */
  private final byte[] outlined;
  private final AtomicInteger compiled = new AtomicInteger();
  private final AtomicInteger split = new AtomicInteger();
  private final AtomicInteger compiledLate = new AtomicInteger();
  private final AtomicInteger loopEntries = new AtomicInteger();
  private final AtomicInteger loopEntriesDropped = new AtomicInteger();
  private final AtomicLong generationNanos = new AtomicLong();
  private final Map<Fallback, AtomicInteger> fallbacks = new EnumMap<>(Fallback.class);

  private AsmModule(ModuleCode code, AsmExecutor executor) {
    this.code = code;
    this.executor = executor;
    this.tiered = executor.tiered;
    this.threshold = AsmExecutor.moduleThreshold(executor.threshold, code.functionCount());
    this.compiledKind = AsmExecutor.wide(code.functionCount())
        ? ModuleClassLoader.WIDE : ModuleClassLoader.COMPILED;
    this.state = new byte[code.functionCount()];
    this.late = new boolean[tiered && compiledKind.equals(ModuleClassLoader.WIDE)
        ? code.functionCount() : 0];
    this.rounds = new byte[tiered ? code.functionCount() : 0];
    this.heavy = new byte[tiered ? code.functionCount() : 0];
    this.callSites = new MutableCallSite[tiered ? code.functionCount() : 0];
    this.outlinedSites = new MutableCallSite[tiered ? code.functionCount() : 0];
    this.outlined = new byte[code.functionCount()];
    for (Fallback f : Fallback.values()) {
      fallbacks.put(f, new AtomicInteger());
    }
    this.loader = new ModuleClassLoader(this, AsmModule.class.getClassLoader());
    Module generated = loader.getUnnamedModule();
    InternalAccess.exportTo(generated);
    AsmModule.class.getModule().addExports("org.wasmj.exec.asm.rt", generated);
  }

  /** The module's state for {@code executor}, made on first use. */
  static AsmModule of(ModuleCode code, AsmExecutor executor) {
    Object data = code.executorData;
    if (data instanceof AsmModule) {
      return (AsmModule) data;
    }
    synchronized (code) {
      if (!(code.executorData instanceof AsmModule)) {
        code.executorData = new AsmModule(code, executor);
      }
      return (AsmModule) code.executorData;
    }
  }

  /**
   * The native code of {@code f} for the {@code asm} executor, generating its class first if
   * needed; {@code null} if the function runs in the interpreter (always, or until it is hot).
   */
  public static NativeCode nativeCode(FunctionCode f) {
    NativeCode n = f.nativeCode;
    if (n != null) {
      return n;
    }
    AsmModule m = (AsmModule) f.module.executorData;
    if (m == null || m.tiered || m.state(f.definedIndex) == INTERPRETED) {
      return null;
    }
    m.loader.functionClass(ModuleClassLoader.ENTRY, f.definedIndex);
    return f.nativeCode;
  }

  private byte state(int k) {
    synchronized (state) {
      return state[k];
    }
  }

  private void setState(int k, byte s) {
    synchronized (state) {
      state[k] = s;
    }
  }

  /** Generates every function's class now ({@code asm}, eager mode). */
  void generateAll() {
    for (int k = 0; k < state.length; k++) {
      loader.functionClass(ModuleClassLoader.ENTRY, k);
    }
  }

  /**
   * Tiering: {@code f} turned hot in the interpreter (in a loop of it, if {@code inLoop}). Queues
   * its compilation, unless it is queued or compiled already; the guest goes on meanwhile. At a
   * function's first call ({@link FunctionCode#FIRST_CALL}): compiles it now if it has a heavy
   * SIMD loop ({@link #firstCall}), else starts its usual countdown, this call counted.
   */
  void hot(FunctionCode f, boolean inLoop) {
    int k = f.definedIndex;
    f.countdown = Integer.MAX_VALUE; // quiet until its code is ready or the queue refuses it
    byte kind = heavy[k];
    if (kind == NOT_CALLED) { // racy: threads calling it first at once compute the same
      kind = firstCall(k);
      heavy[k] = kind;
      int countdown = countdown(code.module().bodies().get(k).length()) - 1;
      if (kind == ORDINARY && countdown > 0) {
        f.countdown = countdown;
        return;
      } // else a heavy loop, or a threshold of 1: hot at its first call
    }
    boolean now = kind == HEAVY;
    synchronized (state) {
      if (state[k] == QUEUED || state[k] == COMPILED && f.nativeCode == null) {
        f.countdown = recheck(); // its code is on the way: ask again
        return;
      }
      if (state[k] != NOT_GENERATED) {
        return;
      }
      if (!now && threshold > 1 && rounds[k] + 1 < roundsToCompile(admitted)) {
        rounds[k]++; // at most MOST_ROUNDS - 1
        f.countdown = countdown(code.module().bodies().get(k).length()); // run on
        return;
      }
      state[k] = QUEUED;
      if (late.length > 0) {
        late[k] = admitted >= LATE_AFTER;
      }
      admitted++;
    }
    if (now) {
      compileHot(f); // on the guest's thread, as asm would have at its first call
    } else if (!executor.queue.submit(() -> compileHot(f), inLoop)) {
      synchronized (state) {
        state[k] = NOT_GENERATED;
        admitted--;
      }
      f.countdown = threshold; // ask again later
    } else if (f.loopEntry == null) {
      f.countdown = recheck();
    }
  }

  /**
   * At defined function {@code k}'s first call: {@link #HEAVY} if it is compiled now, on the
   * guest's thread, without the budget, because one of its inner loops makes so many SIMD memory
   * accesses that its class will have a heavy chunk ({@link Chunks#innerLoopAccesses}, {@link
   * JitDirectives#wantedFor}: MATMUL's); else {@link #ORDINARY}. Such a loop then matures in
   * compiled code right away, as on {@code asm}, instead of after seconds in the interpreter,
   * while the interpreter's own methods and the rest of the program fill C2's queue; a long queue
   * at its maturity makes C2 read a longer window of its profile, and MATMUL's chunk compiled at
   * the slow level (docs/RATIONALE.md, "Session 19 (branch tier19)"). Only a function whose body
   * declares a {@code v128} local has its IR read (the local declarations are a few bytes); a
   * scalar program's are ordinary without that. Never in a wide module ({@link AsmExecutor#wide}),
   * whose classes the directives for heavy chunks do not reach, nor with a threshold of 1.
   */
  private byte firstCall(int k) {
    return threshold > 1 && compiledKind.equals(ModuleClassLoader.COMPILED) && code.declaresV128(k)
        && JitDirectives.wantedFor(
            Chunks.c1Values(Chunks.innerLoopAccesses(code.transientIr(k).code()), 0))
        ? HEAVY : ORDINARY;
  }

  /**
   * The countdown of a function whose code is queued or being made. {@code compileHot} wakes a
   * frame looping in the interpreter with a countdown of 0, but the interpreter's decrement is a
   * plain read and write, which can write its old count back over that 0; with a count of
   * {@code Integer.MAX_VALUE} such a frame (spidermonkey's JS interpreter loop, in some runs)
   * then never entered its compiled code. So while the code is on the way the function asks
   * again every so often, and a lost wake-up costs at most that many more iterations.
   */
  private int recheck() {
    return Math.max(threshold, 100);
  }

  /** The calls plus loop iterations after which a function of {@code bodyBytes} bytes is hot. */
  int countdown(int bodyBytes) {
    return AsmExecutor.countdown(threshold, bodyBytes);
  }

  /**
   * The budget: how many times a function's countdown must run out before it is compiled, once
   * {@code admitted} functions of its module have been queued: 1 for the first
   * {@link #BUDGET_STEP}, 2 for the next as many, then 4, 8, at most {@link #MOST_ROUNDS}. The
   * functions that turn hot first are the hottest; a module whose run spreads over thousands of
   * functions (Yosys: 34,004) would otherwise have each compiled by us and then by HotSpot's C1,
   * twice, and C2, for a few thousand calls apiece. A threshold of 1 keeps its meaning (every
   * function at its first call): {@link #hot} applies no budget then. See RATIONALE.md,
   * "Tiering".
   */
  static int roundsToCompile(int admitted) {
    int level = admitted / BUDGET_STEP;
    return level >= 31 ? MOST_ROUNDS : Math.min(MOST_ROUNDS, 1 << level);
  }

  /**
   * Generates hot function {@code f}'s class and points its callers at it; an interpreter frame
   * looping in it enters at its next loop header. A failure leaves it to the interpreter.
   */
  private void compileHot(FunctionCode f) {
    int k = f.definedIndex;
    try {
      Class<?> c = loader.functionClass(compiledKind(k), k);
      if (state(k) == COMPILED) {
        MutableCallSite site;
        MutableCallSite outlined;
        synchronized (this) {
          site = callSites[k];
          outlined = outlinedSites[k];
        }
        if (site != null) {
          site.setTarget(entry(c, k));
        }
        if (outlined != null) {
          outlined.setTarget(entry(c, k, FunctionCompiler.OUTLINED));
        }
      }
    } catch (RuntimeException | LinkageError | VirtualMachineError e) {
      // The generator must not fail, but if it does the function runs on, interpreted.
      fallbacks.get(Fallback.GENERATION_FAILED).incrementAndGet();
      setState(k, INTERPRETED);
      return;
    }
    if (f.loopEntry != null && !loseWakeUps) {
      f.countdown = 0; // a frame looping in the interpreter enters at its next iteration
    }
  }


  /** Tiering: the kind of defined function {@code k}'s compiled class. */
  String compiledKind(int k) {
    if (late.length == 0) {
      return compiledKind;
    }
    synchronized (state) {
      return late[k] ? ModuleClassLoader.LATE : compiledKind;
    }
  }

  /** The class bytes of defined function {@code k} as entry ({@code F}) or compiled code ({@code C}). */
  byte[] generate(String kind, int k) {
    long start = System.nanoTime();
    boolean awaitDirectives = false;
    try {
      boolean stubOnly = tiered && kind.equals(ModuleClassLoader.ENTRY);
      FunctionCompiler compiler = new FunctionCompiler(code.module(),
          ModuleClassLoader.internalName(kind, k), k, code.transientIr(k), tiered);
      compiler.outlinedCallee = this::outlined;
      if (stubOnly) {
        return compiler.stub();
      }
      FunctionCompiler.Result r = compiler.compile(tiered);
      if (r.fallback() != null) {
        fallbacks.get(r.fallback()).incrementAndGet();
        setState(k, INTERPRETED);
      } else {
        compiled.incrementAndGet();
        if (kind.equals(ModuleClassLoader.LATE)) {
          compiledLate.incrementAndGet();
        }
        if (r.chunks() > 1) {
          split.incrementAndGet();
          boolean heavyChunks = JitDirectives.wantedFor(compiler.mostC1Values());
          if (kind.equals(ModuleClassLoader.ENTRY) || heavyChunks) {
            JitDirectives.request(); // asm's chunks: their compiles are to block; C1's rule
          }
          // a tiered class with heavy chunks is defined, so published, once the directives are given
          awaitDirectives = tiered && heavyChunks && executor.queue.threads() > 0;
        }
        if (compiler.hasLoopEntries()) {
          loopEntries.incrementAndGet();
        } else if (compiler.loopEntriesDropped()) {
          loopEntriesDropped.incrementAndGet();
        }
        setState(k, COMPILED);
      }
      return r.bytes();
    } finally {
      generationNanos.addAndGet(System.nanoTime() - start);
      if (awaitDirectives) {
        JitDirectives.awaitRequested(); // on our compiler thread, or the guest's (firstCall)
      }
    }
  }

  /** Attaches the native code (and loop entry) of a compiled function once its class is defined. */
  void defined(String kind, int k, Class<?> c) {
    boolean compiledClass = tiered ? kind.equals(compiledKind(k)) : true;
    if (!compiledClass || state(k) != COMPILED) {
      return;
    }
    Object instance;
    try {
      instance = c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate generated " + c.getName(), e);
    }
    FunctionCode f = code.function(k);
    if (instance instanceof LoopEntry) {
      f.loopEntry = (LoopEntry) instance;
    }
    f.nativeCode = (NativeCode) instance;
  }

  /** Links a tiered call site of generated code that calls function {@code k}. */
  public static CallSite callSite(Class<?> caller, int k) {
    return ((ModuleClassLoader) caller.getClassLoader()).module.callSite(k);
  }

  private MutableCallSite callSite(int k) {
    return site(callSites, k, "invoke");
  }

  /**
   * {@code sites[k]}, made on first use: a call site of function {@code k}'s method {@code entry}
   * in its compiled class if it has one by then, else in its entry class (which {@code compileHot}
   * retargets).
   */
  private synchronized MutableCallSite site(MutableCallSite[] sites, int k, String entry) {
    if (sites[k] == null) {
      Class<?> c = state(k) == COMPILED
          ? loader.functionClass(compiledKind(k), k)
          : loader.functionClass(ModuleClassLoader.ENTRY, k);
      sites[k] = new MutableCallSite(entry(c, k, entry));
    }
    return sites[k];
  }

  /**
   * Links a tiered chunk's call of function {@code k}, which has a loop: as {@link #callSite}, to
   * the function's {@link FunctionCompiler#OUTLINED} entry, which C2 does not inline (see
   * docs/RATIONALE.md, "A loop is not inlined into a chunk").
   */
  public static CallSite outlinedCallSite(Class<?> caller, int k) {
    return ((ModuleClassLoader) caller.getClassLoader()).module.outlinedSite(k);
  }

  private MutableCallSite outlinedSite(int k) {
    return site(outlinedSites, k, FunctionCompiler.OUTLINED);
  }

  /**
   * True if chunks call defined function {@code k} out of line ({@link FunctionCompiler#OUTLINED}):
   * if it has a loop. Decided once, when first asked, from its IR if it is translated by then (a
   * function no one ran yet is not translated to find out; it is called inline); the class of
   * {@code k} and of every caller ask here, so they agree.
   */
  private boolean outlined(int k) {
    synchronized (outlined) {
      if (outlined[k] == 0) {
        outlined[k] = code.isTranslated(k) && Op.loops(code.transientIr(k).code())
            ? (byte) 2 : 1;
      }
      return outlined[k] == 2;
    }
  }

  private MethodHandle entry(Class<?> c, int k) {
    return entry(c, k, "invoke");
  }

  private MethodHandle entry(Class<?> c, int k, String name) {
    MethodType type = MethodType.fromMethodDescriptorString(
        FunctionCompiler.descriptor(code.module().functionType(code.function(k).functionIndex())),
        loader);
    try {
      return MethodHandles.publicLookup().findStatic(c, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated " + c.getName() + " has no " + name + type, e);
    }
  }

  /**
   * Functions compiled to classes (split, with loop entries), functions left to the interpreter
   * by reason, functions waiting in the compile queue, the countdowns a function must now run out
   * to be compiled ({@link #roundsToCompile}), and the time spent generating classes.
   */
  Map<String, Integer> statistics() {
    Map<String, Integer> s = new LinkedHashMap<>();
    s.put("compiled", compiled.get());
    s.put("compiled.split", split.get());
    if (tiered) {
      s.put("compiled.loop_entries", loopEntries.get());
      s.put("compiled.loop_entries_too_large", loopEntriesDropped.get());
      if (late.length > 0) {
        s.put("compiled.late", compiledLate.get());
      }
    }
    fallbacks.forEach((reason, n) -> s.put("interpreted." + reason.name().toLowerCase(), n.get()));
    int notYet = 0;
    int queued = 0;
    synchronized (state) {
      for (byte b : state) {
        if (b == NOT_GENERATED) {
          notYet++;
        } else if (b == QUEUED) {
          queued++;
        }
      }
    }
    s.put(tiered ? "interpreted.not_hot_yet" : "not_generated_yet", notYet);
    if (tiered) {
      s.put("queued", queued);
      s.put("threshold", threshold);
      synchronized (state) {
        s.put("rounds_to_compile", roundsToCompile(admitted));
      }
    }
    s.put("generation.ms", (int) (generationNanos.get() / 1_000_000));
    return s;
  }
}
