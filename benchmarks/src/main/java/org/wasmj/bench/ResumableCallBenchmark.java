package org.wasmj.bench;

import static org.wasmj.exec.HostType.I32;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Func;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.ResumableCall;
import org.wasmj.exec.Store;
import org.wasmj.exec.Suspend;
import org.wasmj.exec.Val;

/**
 * What a resumable call costs ({@code Func.callResumable}): one suspend/resume cycle of a guest
 * that calls a suspending host function in a loop ({@code suspendResume}, per cycle), beside the
 * same loop calling a host function that returns at once ({@code hostCall}, per call), and a
 * resumable call that never suspends ({@code startAndFinish}: the thread start and two handoffs).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ResumableCall
 * java -jar benchmarks/target/benchmarks.jar ResumableCall -jvmArgsAppend -Dwasmj.resumable.platformThreads=true
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class ResumableCallBenchmark {
  /** Host calls per guest call. */
  static final int CALLS = 1000;

  /**
   * <pre>
   * (module
   *   (import "host" "next" (func $next (param i32) (result i32)))
   *   (func (export "loop") (param $n i32) (result i32)   ;; next(n) + next(n - 1) + ... + next(1)
   *     (local $s i32)
   *     (block $done
   *       (loop $again
   *         (br_if $done (i32.eqz (local.get $n)))
   *         (local.set $s (i32.add (local.get $s) (call $next (local.get $n))))
   *         (local.set $n (i32.sub (local.get $n) (i32.const 1)))
   *         (br $again)))
   *     (local.get $s)))
   * </pre>
   */
  private static final byte[] LOOP = {
    0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 2, 13, 1, 4, 104, 111, 115, 116, 4,
    110, 101, 120, 116, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 108, 111, 111, 112, 0, 1, 10, 37, 1, 35, 1,
    1, 127, 2, 64, 3, 64, 32, 0, 69, 13, 1, 32, 1, 32, 0, 16, 0, 106, 33, 1, 32, 0, 65, 1, 107,
    33, 0, 12, 0, 11, 11, 32, 1, 11
  };

  @Param({"switch", "asm"})
  public String executor;

  private Func suspending;
  private Func returning;
  private final Val one = Val.i32(1);
  private final Val calls = Val.i32(CALLS);
  private final Val none = Val.i32(0);

  @Setup
  public void setup() {
    Engine engine = new Engine(Config.defaults().withExecutor(executor));
    Module module = Module.compile(engine, LOOP);
    suspending = new Linker<Void>(engine)
        .funcWrap("host", "next", I32, I32, (caller, n) -> {
          throw new Suspend();
        })
        .instantiate(Store.of(engine), module).getFunc("loop");
    returning = new Linker<Void>(engine)
        .funcWrap("host", "next", I32, I32, (caller, n) -> 1)
        .instantiate(Store.of(engine), module).getFunc("loop");
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int suspendResume() {
    ResumableCall call = suspending.callResumable(calls);
    while (call.isSuspended()) {
      call.resume(one);
    }
    return call.results()[0].i32();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int hostCall() {
    return returning.call(calls)[0].i32();
  }

  @Benchmark
  public int startAndFinish() {
    return suspending.callResumable(none).results()[0].i32();
  }
}
