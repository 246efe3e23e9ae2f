package org.wasmj.examples.tracing;

import java.util.Map;
import org.wasmj.ExhaustionException;
import org.wasmj.exec.spi.Executor;
import org.wasmj.exec.spi.GuestFunction;
import org.wasmj.exec.spi.GuestModule;
import org.wasmj.exec.spi.GuestStore;

/**
 * Runs functions in {@link TracingInterpreter} and keeps its counts per module
 * ({@link GuestModule#executorData()}) and store ({@link GuestStore#executorState()}).
 *
 * @implNote Thread-safe and stateless: all state is the modules' and stores'.
 */
final class TracingExecutor implements Executor {
  @Override
  public void prepare(GuestModule module, boolean eager) {
    module.setExecutorData(new Counts.PerModule(module));
  }

  @Override
  public Map<String, Long> statistics(GuestModule module) {
    return ((Counts.PerModule) module.executorData()).statistics();
  }

  @Override
  public void invoke(GuestFunction f, long[] args, long[] results) {
    GuestStore store = f.instance().store();
    try {
      long[] r = TracingInterpreter.run(f, args, store.hostCallDepth(), Counts.PerStore.of(store));
      System.arraycopy(r, 0, results, 0, results.length);
    } catch (StackOverflowError e) { // guest calls nest on the Java stack here
      throw new ExhaustionException(ExhaustionException.CALL_STACK_EXHAUSTED);
    }
  }
}
