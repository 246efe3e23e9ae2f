package org.wasmj.exec.asm;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.wasmj.exec.asm.FunctionCompiler.Fallback;
import org.wasmj.exec.internal.FunctionCode;
import org.wasmj.exec.internal.InternalAccess;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.NativeCode;

/**
 * What the asm executor keeps per compiled module: the class loader of its generated classes,
 * and counts of what was compiled and what was left to the interpreter, and why.
 *
 * @implNote Thread-safe.
 */
public final class AsmModule {
  final ModuleCode code;
  private final ModuleClassLoader loader;
  /** Per defined function: 0 not generated yet, 1 compiled, 2 left to the interpreter. */
  private final byte[] state;
  private final AtomicInteger compiled = new AtomicInteger();
  private final Map<Fallback, AtomicInteger> fallbacks = new EnumMap<>(Fallback.class);

  private AsmModule(ModuleCode code) {
    this.code = code;
    this.state = new byte[code.functionCount()];
    for (Fallback f : Fallback.values()) {
      fallbacks.put(f, new AtomicInteger());
    }
    this.loader = new ModuleClassLoader(this, AsmModule.class.getClassLoader());
    Module generated = loader.getUnnamedModule();
    InternalAccess.exportTo(generated);
    AsmModule.class.getModule().addExports("org.wasmj.exec.asm.rt", generated);
  }

  /** The module's asm state, made on first use. */
  static AsmModule of(ModuleCode code) {
    Object data = code.executorData;
    if (data instanceof AsmModule) {
      return (AsmModule) data;
    }
    synchronized (code) {
      if (!(code.executorData instanceof AsmModule)) {
        code.executorData = new AsmModule(code);
      }
      return (AsmModule) code.executorData;
    }
  }

  /**
   * The native code of {@code f}, generating its class first if needed; {@code null} if the
   * function is left to the interpreter.
   */
  public static NativeCode nativeCode(FunctionCode f) {
    NativeCode n = f.nativeCode;
    if (n != null) {
      return n;
    }
    AsmModule m = of(f.module);
    if (m.state[f.definedIndex] == 2) {
      return null;
    }
    m.loader.functionClass(f.definedIndex);
    return f.nativeCode;
  }

  /** Generates every function's class now. */
  void generateAll() {
    for (int k = 0; k < state.length; k++) {
      loader.functionClass(k);
    }
  }

  /** The class bytes of defined function {@code k} (a compiled function, or an interpreter stub). */
  byte[] generate(int k) {
    FunctionCompiler.Result r = new FunctionCompiler(code.module(),
        ModuleClassLoader.internalName(k), k, code.compiled(k)).compile();
    if (r.fallback() != null) {
      fallbacks.get(r.fallback()).incrementAndGet();
      state[k] = 2;
    } else {
      compiled.incrementAndGet();
      state[k] = 1;
    }
    return r.bytes();
  }

  /** Attaches the native code of a compiled function once its class is defined. */
  void defined(int k, Class<?> c) {
    if (state[k] != 1) {
      return;
    }
    try {
      code.function(k).nativeCode = (NativeCode) c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate generated " + c.getName(), e);
    }
  }

  /** Functions compiled to classes, and functions left to the interpreter by reason. */
  Map<String, Integer> statistics() {
    Map<String, Integer> s = new java.util.LinkedHashMap<>();
    s.put("compiled", compiled.get());
    fallbacks.forEach((reason, n) -> s.put("interpreted." + reason.name().toLowerCase(), n.get()));
    s.put("not yet generated", (int) countState(0));
    return s;
  }

  private long countState(int value) {
    long n = 0;
    for (byte b : state) {
      if (b == value) {
        n++;
      }
    }
    return n;
  }
}
