package org.wasmj.exec.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.ir.CompactCode;
import org.wasmj.ir.Instrumenter;
import org.wasmj.ir.Translator;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.BodyWalker;
import org.wasmj.validator.Validator;

/**
 * Validates and translates (eager), or only validates (lazy translation), a module's function
 * bodies as the parser hands them over, while a stream is still being read; then, once the whole
 * module is decoded, validates the module and finishes what is left.
 *
 * <p>The errors are those of the three stages run one after the other (decode everything,
 * validate the module, then each body in order), whatever the order the bytes arrive in: a body
 * walked early against the sections before the code section (which is all a body's validation
 * reads, but for data segments without a data count section, an error either way) gives the same
 * result as against the whole module, so an error met early is only set aside; that body and the
 * ones after it are walked again by {@link #finish}, after the decoder and the module's
 * validation had their say.
 *
 * <p>Bodies validated ahead of lazy translation from a module whose bytes are all there (not a
 * stream) are validated once it has decoded, and when they are many ({@link #SPLIT_BYTES}), on two
 * threads, the caller's and a second one, which take chunks of consecutive bodies ({@link
 * #CHUNK_BYTES}) in turn, so that both finish together. The error is still the first invalid
 * body's in module order ({@link Chunks}).
 *
 * @implNote Used by one thread at a time: one per compilation.
 */
final class BodyCompiler implements WasmParser.BodyListener {
  /**
   * A module whose bodies were handled as the compilation mode asks; {@code spare}: a walker and
   * translator for the first lazy translation, set when ready (by the second validation thread,
   * {@link Helper}), else made by whoever translates first.
   */
  record Compiled(WasmModule module, Validator validator, CompactCode[] compact, boolean unchecked,
      BitSet v128Locals, AtomicReference<Translation> spare) {}

  /** A body walker and a translator, each single-threaded and reusable from body to body. */
  record Translation(BodyWalker walker, Translator translator) {}

  private final Set<Feature> features;
  private final boolean translate;
  private final boolean validate;
  private final boolean checked;
  private final boolean countLoops;
  private final boolean interrupts;
  private final boolean fuel;
  /**
   * Bodies only validated are validated in {@link #finish}, on two threads from this many bytes
   * of code on ({@link #SPLIT_BYTES}); -1: as they arrive, on the caller's.
   */
  private final long splitBytes;
  /** The size of the chunks the two threads share ({@link #CHUNK_BYTES}). */
  private final int chunkBytes;
  /** Walks the bodies as they arrive; null until the code section, and after an error. */
  private BodyWalker walker;
  private Translator translator;
  private CompactCode[] compact;
  /** When translating: the bodies translated so far that declare a {@code v128} local. */
  private final BitSet v128Locals = new BitSet();
  /** Bodies done so far. */
  private int done;
  /** For {@link Compiled#spare}. */
  final AtomicReference<Translation> spare = new AtomicReference<>();

  /**
   * A compiler of bodies that translates them all ({@code translate}), validates them all
   * ({@code validate}) or leaves them for later (neither); {@code checked}: validate while
   * translating (else walk bodies unchecked); {@code countLoops}: {@code COUNT_LOOP} ops;
   * {@code interrupts}, {@code fuel}: the checks and charges of {@link Instrumenter}.
   */
  BodyCompiler(Set<Feature> features, boolean translate, boolean validate, boolean checked,
      boolean countLoops, boolean interrupts, boolean fuel) {
    this(features, translate, validate, checked, countLoops, interrupts, fuel, -1);
  }

  /**
   * As {@link #BodyCompiler(Set, boolean, boolean, boolean, boolean, boolean, boolean)}; with
   * {@code splitBytes} of 0 or more, for a module whose bytes are all there, bodies that are only
   * validated are left to {@link #finish} and there, from {@code splitBytes} bytes of code on
   * ({@link #SPLIT_BYTES}), validated on two threads.
   */
  BodyCompiler(Set<Feature> features, boolean translate, boolean validate, boolean checked,
      boolean countLoops, boolean interrupts, boolean fuel, long splitBytes) {
    this(features, translate, validate, checked, countLoops, interrupts, fuel, splitBytes,
        CHUNK_BYTES);
  }

  /** As the constructor above, the two threads sharing chunks of {@code chunkBytes} (tests). */
  BodyCompiler(Set<Feature> features, boolean translate, boolean validate, boolean checked,
      boolean countLoops, boolean interrupts, boolean fuel, long splitBytes, int chunkBytes) {
    this.chunkBytes = chunkBytes;
    this.splitBytes = validate && !translate && Runtime.getRuntime().availableProcessors() > 1
        ? splitBytes : -1;
    this.interrupts = interrupts;
    this.fuel = fuel;
    this.features = features;
    this.translate = translate;
    this.validate = validate && !translate;
    this.checked = checked;
    this.countLoops = countLoops;
  }

  /**
   * Fewest bytes of code for which the bodies validated ahead are split with a second thread:
   * below, starting it costs more than it saves. The system property {@code
   * wasmj.validation.splitBytes} sets it, for the {@code wasmj} launcher's training run, whose
   * small module must take this path too so that the class-data archive holds its classes (loaded
   * from the jar and verified, {@link Helper} cost 0.7-1.5 ms of a big module's start).
   */
  static final long SPLIT_BYTES = Long.getLong("wasmj.validation.splitBytes", 1 << 20);

  /** Bodies are walked in {@link #finish}, where they may be split with a second thread. */
  private boolean split() {
    return splitBytes >= 0;
  }

  @Override
  public void codeSection(WasmModule header, int count) {
    if (!translate && !validate || split()) {
      return; // split: all in finish
    }
    compact = translate ? new CompactCode[count] : null;
    try {
      walker = walker(new Validator(header, features));
    } catch (WasmException e) {
      // found again, in its turn, by finish
    }
  }

  @Override
  public void body(int definedIndex, byte[] bytes, FunctionBody body) {
    if (walker == null) {
      return;
    }
    try {
      handle(definedIndex, bytes, body);
      done = definedIndex + 1;
    } catch (WasmException e) {
      walker = null; // this body and the rest are walked again by finish
    }
  }

  /**
   * Validates the whole {@code module} (every section now decoded), then handles the bodies not
   * handled yet; throws the first error, as the stages run in turn would.
   */
  Compiled finish(WasmModule module) {
    Validator validator = new Validator(module, features);
    validator.validateModule();
    int n = module.bodies().size();
    if (translate && compact == null) {
      compact = new CompactCode[n]; // no code section
    }
    if ((translate || validate) && done < n) {
      walker = walker(validator);
      if (split()) {
        validateSplit(validator, module, done);
      } else {
        for (int i = done; i < n; i++) {
          handle(i, module.bytes(), module.bodies().get(i));
        }
      }
    }
    walker = null;
    translator = null;
    // Bodies validated ahead (lazy translation) are translated later without validating them
    // again: the unchecked walk gives a valid body the same IR (UncheckedCompileTest) for less
    // work, and leaves FunctionValidator to this one pass, whose profile HotSpot's C2 then
    // compiles once (with the translator as a second visitor it compiled it four times on Yosys).
    return translate
        ? new Compiled(module.withoutFunctionBodies(), null, compact, !checked, v128Locals, spare)
        : new Compiled(module, validator, null, !checked || validate, null, spare);
  }

  /**
   * The translator for code with {@code COUNT_LOOP} ops ({@code countLoops}) and fuel charges
   * ({@code fuel}). Loops are rotated, with {@code COUNT_LOOP} too when fuel is metered, so that
   * the IR, and so the fuel consumed, is the same on every executor but for {@code COUNT_LOOP}
   * (which costs nothing); a tiering executor's code without fuel keeps its loops unrotated, as
   * before rotation could move a {@code COUNT_LOOP}.
   */
  static Translator translator(boolean countLoops, boolean fuel) {
    return new Translator(countLoops, !countLoops || fuel, fuel);
  }

  /**
   * Bodies are shared between the two validation threads in chunks of about this many bytes of
   * code: small enough that both finish within a chunk's time of each other, big enough that
   * taking one (an atomic increment) costs nothing beside walking it.
   */
  static final int CHUNK_BYTES = 128 << 10;

  /**
   * Validates bodies {@code from} to the last: when they span {@link #splitBytes} or more of the
   * code section ({@link Chunks#span}), shared in chunks with a second thread, else all here;
   * throws the first error in module order.
   */
  private void validateSplit(Validator validator, WasmModule module, int from) {
    List<FunctionBody> bodies = module.bodies();
    int n = bodies.size();
    if (Chunks.span(bodies, from, n) < splitBytes) {
      for (int i = from; i < n; i++) {
        walker.walk(i, module.bytes(), bodies.get(i), null);
      }
      return;
    }
    Chunks chunks = new Chunks(module, from, chunkBytes);
    Helper helper = new Helper(walker(validator), chunks, this, validator);
    helper.start();
    chunks.walk(walker);
    helper.await();
    chunks.rethrow();
  }

  /**
   * The walker and translator of the lazy translations to come (bodies validated here are then
   * walked unchecked, {@link #finish}). Made on the second validation thread once its chunks are
   * walked, while the compiling thread goes on to make the module, its instance and the guest's
   * first call: the first translator's classes are initialized then (the IR's op table and the
   * translator's maps, 4-7 ms in HotSpot's bytecode interpreter on Yosys, which were the guest
   * thread's last wait before its first instruction).
   */
  private Translation lazyTranslation(Validator validator) {
    return translation(validator, true, countLoops, fuel);
  }

  /**
   * A walker of {@code validator}'s bodies ({@code unchecked}: one that does not validate them
   * again) and a translator, for lazy translations.
   */
  static Translation translation(Validator validator, boolean unchecked, boolean countLoops,
      boolean fuel) {
    return new Translation(unchecked ? validator.uncheckedWalker() : validator.functionValidator(),
        translator(countLoops, fuel));
  }

  /**
   * A module's bodies from some index on, cut into chunks of consecutive bodies that the
   * validation threads take in order, each the next not taken yet, until all are taken or one
   * failed. The error kept is the lowest-index body's: every chunk that starts before a failed
   * body is taken (chunks are taken in order) and walked to its end or its own first error, so
   * once both threads are done, no body before the one kept is invalid.
   */
  static final class Chunks {
    private final WasmModule module;
    /** The first body of each chunk, then the end (one past the last body). */
    private final int[] starts;
    private final AtomicInteger next = new AtomicInteger();
    /** The lowest index of a body that failed so far; {@link Integer#MAX_VALUE} for none. */
    private volatile int failedAt = Integer.MAX_VALUE;
    /** The error of body {@link #failedAt}. */
    private Throwable failure;

    /**
     * Bodies {@code from} to the last of {@code module}, in chunks of about {@code chunkBytes}:
     * a chunk ends with the first body that ends {@code chunkBytes} or more past the chunk's
     * start. The bodies lie in the code section in order, so the chunks are cut by a binary
     * search of their offsets, not by a walk over all bodies: that loop would run once, in the
     * bytecode interpreter (Yosys: 34,004 bodies, some 3 ms at a cold start).
     */
    Chunks(WasmModule module, int from, int chunkBytes) {
      this.module = module;
      List<FunctionBody> bodies = module.bodies();
      int n = bodies.size();
      int[] s = new int[16];
      int count = 0;
      for (int i = from; i < n; ) {
        if (count == s.length) {
          s = Arrays.copyOf(s, count * 2);
        }
        s[count++] = i;
        long end = (long) bodies.get(i).offset() + chunkBytes;
        i = Math.min(n, firstReaching(bodies, i, n, end) + 1); // the chunk ends with that body
      }
      starts = Arrays.copyOf(s, count + 1);
      starts[count] = n;
    }

    /**
     * The first of bodies {@code lo} to {@code hi - 1} that ends at or past {@code end}, else
     * {@code hi}.
     */
    private static int firstReaching(List<FunctionBody> bodies, int lo, int hi, long end) {
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        FunctionBody b = bodies.get(mid);
        if ((long) b.offset() + b.length() >= end) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    /**
     * The bytes of the code section that bodies {@code from} to {@code n - 1} take (their sizes'
     * encodings included), from the first body's start to the last one's end.
     */
    static long span(List<FunctionBody> bodies, int from, int n) {
      if (from >= n) {
        return 0;
      }
      FunctionBody last = bodies.get(n - 1);
      return (long) last.offset() + last.length() - bodies.get(from).offset();
    }

    /** How many chunks. */
    int count() {
      return starts.length - 1;
    }

    /** Walks chunks with {@code walker} until none is left or a body before them failed. */
    void walk(BodyWalker walker) {
      List<FunctionBody> bodies = module.bodies();
      byte[] bytes = module.bytes();
      for (int c = next.getAndIncrement(); c < count(); c = next.getAndIncrement()) {
        int i = starts[c];
        try {
          for (; i < starts[c + 1] && i < failedAt; i++) {
            walker.walk(i, bytes, bodies.get(i), null);
          }
        } catch (Throwable e) { // kept for the compiling thread, which throws it
          failed(i, e);
        }
        if (i >= failedAt) {
          return; // every later chunk starts after a failed body
        }
      }
    }

    private synchronized void failed(int index, Throwable e) {
      if (index < failedAt) {
        failure = e;
        failedAt = index;
      }
    }

    /** Throws the error of the lowest-index body that failed, if any (all walks ended). */
    synchronized void rethrow() {
      if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      } else if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }
  }

  /**
   * Validates chunks of bodies on a thread of its own, beside the compiling thread; then, if no
   * body failed, makes the compilation's {@link Compiled#spare} while the compiling thread goes
   * on ({@link #lazyTranslation}). (No lambda, no latch: a lambda's bootstrap, or the latch's
   * classes, which the launcher's archive does not hold, would cost more at a cold start.)
   */
  private static final class Helper extends Thread {
    private final BodyWalker walker;
    private final Chunks chunks;
    private final BodyCompiler compiler;
    private final Validator validator;
    /** True once the walk ended (under {@link #lock}: not this, a thread, which join uses). */
    private boolean walked;
    private final Object lock = new Object();

    Helper(BodyWalker walker, Chunks chunks, BodyCompiler compiler, Validator validator) {
      super("wasmj-validate");
      setDaemon(true);
      this.walker = walker;
      this.chunks = chunks;
      this.compiler = compiler;
      this.validator = validator;
    }

    @Override
    public void run() {
      try {
        chunks.walk(walker);
      } finally {
        synchronized (lock) {
          walked = true;
          lock.notifyAll();
        }
      }
      if (chunks.failedAt == Integer.MAX_VALUE) {
        try {
          compiler.spare.compareAndSet(null, compiler.lazyTranslation(validator));
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
          // the first translation makes its own, and meets the error there
        }
      }
    }

    /** Waits for the walk to end (not for the translator made after it). */
    void await() {
      boolean interrupted = false;
      synchronized (lock) {
        while (!walked) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            interrupted = true; // the compilation finishes all the same; the flag is kept
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private BodyWalker walker(Validator validator) {
    return checked ? validator.functionValidator() : validator.uncheckedWalker();
  }

  private void handle(int definedIndex, byte[] bytes, FunctionBody body) {
    if (translate) {
      if (body.declares(bytes, ValType.V128)) { // what ModuleCode.declaresV128 cannot read later
        v128Locals.set(definedIndex);
      }
      if (translator == null) {
        translator = translator(countLoops, fuel);
      }
      compact[definedIndex] = CompactCode.of(Instrumenter.instrument(
          translator.translate(walker, definedIndex, bytes, body), interrupts, fuel));
    } else {
      walker.walk(definedIndex, bytes, body, null);
    }
  }
}
