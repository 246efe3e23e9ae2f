package org.wasmj.exec.asm;

import org.wasmj.ExhaustionException;
import org.wasmj.exec.Config;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.NativeCode;
import org.wasmj.exec.internal.WasmFunction;
import org.wasmj.exec.loopswitch.Interpreter;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.ExecutorProvider;

/**
 * Executor {@code asm}: each Wasm function becomes a JVM class generated with ASM. Functions it
 * cannot compile well (see {@link FunctionCompiler.Fallback}) run in the {@code switch}
 * interpreter. Pick it with {@code Config.withExecutor("asm")}; it is the default when present.
 */
public final class AsmProvider implements ExecutorProvider {
  /** The name users select it by. */
  public static final String NAME = "asm";

  /** Made by {@link java.util.ServiceLoader}. */
  public AsmProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 20;
  }

  @Override
  public Executor create(Config config) {
    return AsmExecutor.INSTANCE;
  }

  /** Compiles eagerly or on first call, then calls generated code. */
  enum AsmExecutor implements Executor {
    INSTANCE;

    @Override
    public void prepare(ModuleCode module, boolean eager) {
      AsmModule m = AsmModule.of(module);
      if (eager) {
        m.generateAll();
      }
    }

    @Override
    public java.util.Map<String, Integer> statistics(ModuleCode module) {
      return AsmModule.of(module).statistics();
    }

    @Override
    public void invoke(WasmFunction f, long[] args, long[] results) {
      try {
        NativeCode code = AsmModule.nativeCode(f.code);
        if (code == null) {
          Interpreter.invoke(f, args, results);
          return;
        }
        long[] r = code.call(f.instance, args, 0);
        System.arraycopy(r, 0, results, 0, results.length);
      } catch (StackOverflowError e) { // the JVM stack ran out before maxCallDepth
        throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
      }
    }
  }
}
