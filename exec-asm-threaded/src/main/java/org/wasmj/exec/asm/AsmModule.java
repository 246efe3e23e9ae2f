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
import org.wasmj.exec.asm.FunctionCompiler.Fallback;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.InternalAccess;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.NativeCode;

/**
 * What the asm and tiered executors keep per compiled module: the class loader of its generated
 * classes, what was compiled and what left to the interpreter (and why), and for tiering one
 * {@link MutableCallSite} per function, through which compiled callers reach it: it points at an
 * interpreter stub until the function is compiled, then at the compiled code.
 *
 * <p>Classes: {@code F<k>} is function {@code k}'s entry; for {@code asm} it is the compiled code
 * (or an interpreter stub for a {@link Fallback}); for {@code tiered} it is always the stub, and
 * {@code C<k>} the compiled code made when {@code k} gets hot.
 *
 * @implNote Thread-safe: classes are generated under the loader's per-class lock.
 */
public final class AsmModule {
  private static final byte NOT_GENERATED = 0;
  private static final byte COMPILED = 1;
  private static final byte INTERPRETED = 2;

  final ModuleCode code;
  final boolean tiered;
  private final ModuleClassLoader loader;
  private final byte[] state;
  private final MutableCallSite[] callSites;
  private final AtomicInteger compiled = new AtomicInteger();
  private final AtomicInteger split = new AtomicInteger();
  private final Map<Fallback, AtomicInteger> fallbacks = new EnumMap<>(Fallback.class);

  private AsmModule(ModuleCode code, boolean tiered) {
    this.code = code;
    this.tiered = tiered;
    this.state = new byte[code.functionCount()];
    this.callSites = new MutableCallSite[tiered ? code.functionCount() : 0];
    for (Fallback f : Fallback.values()) {
      fallbacks.put(f, new AtomicInteger());
    }
    this.loader = new ModuleClassLoader(this, AsmModule.class.getClassLoader());
    Module generated = loader.getUnnamedModule();
    InternalAccess.exportTo(generated);
    AsmModule.class.getModule().addExports("org.wasmj.exec.asm.rt", generated);
  }

  /** The module's state, made on first use. */
  static AsmModule of(ModuleCode code, boolean tiered) {
    Object data = code.executorData;
    if (data instanceof AsmModule) {
      return (AsmModule) data;
    }
    synchronized (code) {
      if (!(code.executorData instanceof AsmModule)) {
        code.executorData = new AsmModule(code, tiered);
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
    if (m == null || m.tiered || m.state[f.definedIndex] == INTERPRETED) {
      return null;
    }
    m.loader.functionClass(ModuleClassLoader.ENTRY, f.definedIndex);
    return f.nativeCode;
  }

  /** Generates every function's class now ({@code asm}, eager mode). */
  void generateAll() {
    for (int k = 0; k < state.length; k++) {
      loader.functionClass(ModuleClassLoader.ENTRY, k);
    }
  }

  /** Compiles hot function {@code f} ({@code tiered}) and points its callers at the compiled code. */
  void tierUp(FunctionCode f) {
    int k = f.definedIndex;
    if (state[k] != NOT_GENERATED) {
      return;
    }
    Class<?> c = loader.functionClass(ModuleClassLoader.COMPILED, k);
    if (state[k] == COMPILED) {
      callSite(k).setTarget(entry(c, k));
    }
  }

  /** The class bytes of defined function {@code k} as entry ({@code F}) or compiled code ({@code C}). */
  byte[] generate(String kind, int k) {
    boolean stubOnly = tiered && kind.equals(ModuleClassLoader.ENTRY);
    FunctionCompiler compiler = new FunctionCompiler(code.module(),
        ModuleClassLoader.internalName(kind, k), k, code.transientIr(k), tiered);
    if (stubOnly) {
      return compiler.stub();
    }
    FunctionCompiler.Result r = compiler.compile();
    if (r.fallback() != null) {
      fallbacks.get(r.fallback()).incrementAndGet();
      state[k] = INTERPRETED;
    } else {
      compiled.incrementAndGet();
      if (r.chunks() > 1) {
        split.incrementAndGet();
      }
      state[k] = COMPILED;
    }
    return r.bytes();
  }

  /** Attaches the native code of a compiled function once its class is defined. */
  void defined(String kind, int k, Class<?> c) {
    boolean compiledClass = tiered ? kind.equals(ModuleClassLoader.COMPILED) : true;
    if (!compiledClass || state[k] != COMPILED) {
      return;
    }
    try {
      code.function(k).nativeCode = (NativeCode) c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate generated " + c.getName(), e);
    }
  }

  /** Links a tiered call site of generated code that calls function {@code k}. */
  public static CallSite callSite(Class<?> caller, int k) {
    return ((ModuleClassLoader) caller.getClassLoader()).module.callSite(k);
  }

  private synchronized MutableCallSite callSite(int k) {
    if (callSites[k] == null) {
      Class<?> c = state[k] == COMPILED
          ? loader.functionClass(ModuleClassLoader.COMPILED, k)
          : loader.functionClass(ModuleClassLoader.ENTRY, k);
      MethodHandle target = entry(c, k);
      callSites[k] = new MutableCallSite(target);
    }
    return callSites[k];
  }

  private MethodHandle entry(Class<?> c, int k) {
    MethodType type = MethodType.fromMethodDescriptorString(
        FunctionCompiler.descriptor(code.module().functionType(code.function(k).functionIndex())),
        loader);
    try {
      return MethodHandles.publicLookup().findStatic(c, "invoke", type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated " + c.getName() + " has no invoke" + type, e);
    }
  }

  /** Functions compiled to classes, and functions left to the interpreter by reason. */
  Map<String, Integer> statistics() {
    Map<String, Integer> s = new LinkedHashMap<>();
    s.put("compiled", compiled.get());
    s.put("compiled.split", split.get());
    fallbacks.forEach((reason, n) -> s.put("interpreted." + reason.name().toLowerCase(), n.get()));
    int notYet = 0;
    for (byte b : state) {
      if (b == NOT_GENERATED) {
        notYet++;
      }
    }
    s.put(tiered ? "interpreted.not_hot_yet" : "not_generated_yet", notYet);
    return s;
  }
}
