package org.wasmj.exec.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.wasmj.Feature;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.spi.GuestModule;
import org.wasmj.ir.CompactCode;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Instrumenter;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.Validator;

/**
 * A compiled module's code: the decoded module and each defined function's register IR,
 * translated when the module is compiled ({@code eager}) or on first use ({@code lazy}: validated
 * and translated then; {@code lazy-translation}: validated at compile time, translated then).
 * Compiled from a stream, a module's bodies are validated and translated as they arrive.
 *
 * <p>To keep little memory, eager translation stores each function as {@link CompactCode} and
 * drops the bytes of the function bodies from the module ({@link WasmModule#withoutFunctionBodies});
 * a function's {@code int[]} IR is expanded on its first use and kept from then on.
 *
 * @implNote Thread-safe: any number of stores and threads may share it. A function is translated
 *     at most once, under a lock striped by function index, and published through an
 *     {@link AtomicReferenceArray}.
 */
public final class ModuleCode implements GuestModule {
  private static final int LOCK_STRIPES = 64;

  private final WasmModule module;
  private final Set<Feature> features;
  /** Validates and translates bodies on demand; null once every body was translated (eager). */
  private final Validator validator;
  /** Eagerly translated functions, compact until expanded into {@link #code}; else null. */
  private final CompactCode[] compact;
  /** With {@link #compact}: the functions whose dropped bodies declared a {@code v128} local. */
  private final BitSet v128Locals;
  private final boolean countLoops;
  /** Instrumentation the engine asks for: interruption checks, fuel charges ({@link Instrumenter}). */
  private final boolean interrupts;
  private final boolean fuel;
  /**
   * Lazy translation walks bodies without validating them: under {@code Module.compileUnchecked},
   * or when every body was validated ahead ({@code LAZY_TRANSLATION}).
   */
  private final boolean unchecked;
  private final AtomicReferenceArray<CompiledFunction> code;
  /**
   * The walker and translator of the last lazy translation, kept for the next one; taken (null)
   * while one runs. Made per function, they cost more than translating a small function while
   * HotSpot still interprets them: an unchecked walker tabulates the module's types and globals.
   * The first may come from the compilation ({@code BodyCompiler.Compiled#spare}).
   */
  private final AtomicReference<BodyCompiler.Translation> spare;
  private final Object[] locks = new Object[LOCK_STRIPES];
  /** Each defined function's; read by {@link InstanceState#instantiate} (package-private). */
  final FunctionCode[] functions;
  /** Module type index → the engine-wide id of that type. */
  public final int[] typeIds;
  /** Whatever an executor keeps per module (e.g. generated classes); set by the executor. */
  public volatile Object executorData;
  /**
   * Told by the interpreter when a function's {@link FunctionCode#countdown} runs out (a tiering
   * executor compiles it then); {@code null} when no executor asks.
   */
  public volatile Tiering tiering;

  /**
   * Compiles {@code bytes}: decodes and validates the module and handles the bodies as
   * {@code mode} says, while the code section is decoded where it can (see {@link BodyCompiler});
   * {@code checked}: bodies are validated as they are translated, else walked without checks
   * ({@link org.wasmj.validator.UncheckedWalker}) and in {@code LAZY_TRANSLATION} mode not
   * validated ahead; {@code countLoops} asks for {@code COUNT_LOOP} ops, {@code interrupts} and
   * {@code fuel} for the checks and charges of {@link Instrumenter}.
   */
  public static ModuleCode compile(byte[] bytes, Set<Feature> features, TypeRegistry types,
      CompilationMode mode, boolean checked, boolean countLoops, boolean interrupts,
      boolean fuel) {
    BodyCompiler bodies =
        bodyCompiler(features, mode, checked, countLoops, interrupts, fuel, BodyCompiler.SPLIT_BYTES);
    return new ModuleCode(bodies.finish(WasmParser.parse(bytes, features, bodies)), features,
        types, countLoops, interrupts, fuel);
  }

  /**
   * As {@link #compile(byte[], Set, TypeRegistry, CompilationMode, boolean, boolean, boolean,
   * boolean)}, reading
   * the module from {@code in} (to its end, not closed): sections are decoded and bodies
   * validated and translated as their bytes arrive.
   */
  public static ModuleCode compile(InputStream in, Set<Feature> features, TypeRegistry types,
      CompilationMode mode, boolean checked, boolean countLoops, boolean interrupts, boolean fuel)
      throws IOException {
    BodyCompiler bodies =
        bodyCompiler(features, mode, checked, countLoops, interrupts, fuel, -1);
    return new ModuleCode(bodies.finish(WasmParser.parse(in, features, bodies)), features, types,
        countLoops, interrupts, fuel);
  }

  /** {@code splitBytes}: -1 for a stream, else when bodies are validated on two threads ({@link BodyCompiler}). */
  private static BodyCompiler bodyCompiler(Set<Feature> features, CompilationMode mode,
      boolean checked, boolean countLoops, boolean interrupts, boolean fuel, long splitBytes) {
    return new BodyCompiler(features, mode == CompilationMode.EAGER,
        checked && mode == CompilationMode.LAZY_TRANSLATION, checked, countLoops, interrupts,
        fuel, splitBytes);
  }

  /**
   * Compiles the decoded {@code module}: validates the module, and then every body now
   * ({@code eager}, translating it in the same pass), or ahead of translation
   * ({@code validateBodiesNow}), or not until each body is first translated; {@code countLoops}
   * asks for {@code COUNT_LOOP} ops; no instrumentation.
   */
  public ModuleCode(WasmModule module, Set<Feature> features, TypeRegistry types, boolean eager,
      boolean validateBodiesNow, boolean countLoops) {
    this(new BodyCompiler(features, eager, validateBodiesNow, true, countLoops, false, false)
        .finish(module), features, types, countLoops, false, false);
  }

  ModuleCode(BodyCompiler.Compiled compiled, Set<Feature> features, TypeRegistry types,
      boolean countLoops, boolean interrupts, boolean fuel) {
    this.countLoops = countLoops;
    this.interrupts = interrupts;
    this.fuel = fuel;
    this.features = Set.copyOf(features);
    this.module = compiled.module();
    this.validator = compiled.validator();
    this.compact = compiled.compact();
    this.v128Locals = compiled.v128Locals();
    this.unchecked = compiled.unchecked();
    this.spare = compiled.spare();
    int n = module.bodies().size();
    this.code = new AtomicReferenceArray<>(n);
    this.functions = new FunctionCode[n];
    int countdown = countLoops ? FunctionCode.FIRST_CALL : Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      functions[i] = new FunctionCode(this, i, countdown);
    }
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
    this.typeIds = new int[module.types().size()];
    for (int i = 0; i < typeIds.length; i++) {
      typeIds[i] = types.id(module.types().get(i));
    }
  }

  /** The decoded module. */
  public WasmModule module() {
    return module;
  }

  /** The features the module was compiled with. */
  public Set<Feature> features() {
    return features;
  }

  /** Defined function {@code definedIndex}'s shared code. */
  public FunctionCode function(int definedIndex) {
    return functions[definedIndex];
  }

  /** Number of defined functions. */
  @Override
  public int functionCount() {
    return functions.length;
  }

  @Override
  public int importedFunctionCount() {
    return module.importedFunctionCount();
  }

  @Override
  public CompiledFunction ir(int definedIndex) {
    return compiled(definedIndex);
  }

  @Override
  public FuncType functionType(int definedIndex) {
    return module.functionType(module.importedFunctionCount() + definedIndex);
  }

  @Override
  public String functionName(int definedIndex) {
    return functions[definedIndex].name();
  }

  @Override
  public Object executorData() {
    return executorData;
  }

  @Override
  public void setExecutorData(Object data) {
    executorData = data;
  }

  /**
   * True if no function of this module can run anything but the interpreter's code: no executor
   * keeps data for it ({@code asm} attaches native code through {@link #executorData}) and none
   * tiers it up ({@link #tiering}). Both are set when the module is prepared, before any call.
   */
  public boolean interpretedOnly() {
    return executorData == null && tiering == null;
  }

  /** True if the code has interruption checks ({@code check_interrupt} ops, {@link Instrumenter}). */
  public boolean interrupts() {
    return interrupts;
  }

  /** True if the code has fuel charges ({@code fuel} ops and their kin, {@link Instrumenter}). */
  public boolean fuel() {
    return fuel;
  }

  /**
   * True if defined function {@code definedIndex}'s body declares a {@code v128} local (read
   * from its local declarations alone, which an eager compilation kept aside when it dropped the
   * bodies): a function computing with vectors across a loop has one.
   */
  public boolean declaresV128(int definedIndex) {
    return compact != null ? v128Locals.get(definedIndex)
        : module.bodies().get(definedIndex).declares(module.bytes(), ValType.V128);
  }

  /** True once defined function {@code definedIndex} has been translated. */
  public boolean isTranslated(int definedIndex) {
    return compact != null || code.get(definedIndex) != null;
  }

  /**
   * The register IR of defined function {@code definedIndex}, translating it first if needed. In
   * the {@code lazy} mode this validates the body and may throw {@code InvalidModuleException}.
   */
  public CompiledFunction compiled(int definedIndex) {
    CompiledFunction c = code.get(definedIndex);
    if (c != null) {
      return c;
    }
    synchronized (locks[definedIndex % LOCK_STRIPES]) {
      c = code.get(definedIndex);
      if (c == null) {
        c = translate(definedIndex);
        code.set(definedIndex, c);
      }
      return c;
    }
  }

  /**
   * The register IR of defined function {@code definedIndex} for one-off use (e.g. to generate
   * code from it), without keeping an expanded copy if there was none.
   */
  public CompiledFunction transientIr(int definedIndex) {
    CompiledFunction c = code.get(definedIndex);
    return c != null ? c : compact != null ? compact[definedIndex].expand() : compiled(definedIndex);
  }

  private CompiledFunction translate(int definedIndex) {
    if (compact != null) {
      return compact[definedIndex].expand();
    }
    // A translation on another thread makes its own.
    BodyCompiler.Translation t = spare.getAndSet(null);
    if (t == null) {
      t = BodyCompiler.translation(validator, unchecked, countLoops, fuel);
    }
    CompiledFunction c = Instrumenter.instrument(t.translator().translate(t.walker(),
        definedIndex, module.bytes(), module.bodies().get(definedIndex)), interrupts, fuel);
    spare.set(t); // not after an error (lazy mode): a walk cut short is not reused
    return c;
  }
}
