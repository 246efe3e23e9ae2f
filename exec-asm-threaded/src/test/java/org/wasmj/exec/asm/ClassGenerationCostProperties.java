package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;

/**
 * Compiling a module on {@code asm} (every class generated: eager mode) costs at most a fixed
 * factor more than on {@code switch} (decoding, validation, translation), in bytes allocated and
 * in CPU time, however large its functions, {@code br_table}s, operand stacks, nesting, locals,
 * constants or parameter lists: class generation is linear in the function's size, and a
 * function over the budget is interpreted ({@link JvmLimits}). Measured per thread (allocation
 * and CPU time), so a loaded machine does not make it flaky; few tries, as each compiles up to a
 * few hundred KB of code.
 */
class ClassGenerationCostProperties {
  /** Allowed: asm's allocation within this factor of switch's, plus {@link #SLACK_BYTES}. */
  private static final int BYTES_FACTOR = 10;
  private static final long SLACK_BYTES = 8 << 20;
  /** Allowed: asm's CPU time within this factor of switch's, plus {@link #SLACK_NANOS}. */
  private static final int TIME_FACTOR = 20;
  private static final long SLACK_NANOS = 1_000_000_000L;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @BeforeContainer
  static void warmUp() { // the code both executors run, past the JVM's bytecode interpreter
    byte[] wasm = HostileModules.nestedIfs(2000);
    for (int i = 0; i < 5; i++) {
      cost("switch", wasm);
      cost("asm", wasm);
    }
  }

  @Property(tries = 12)
  void asmCompilesWithinAFixedFactorOfSwitch(@ForAll("hostileModules") byte[] wasm) {
    long[] interpreter = cost("switch", wasm);
    long[] compiler = cost("asm", wasm);
    String what = String.format("%d-byte module: switch %d KB %d ms, asm %d KB %d ms", wasm.length,
        interpreter[0] >> 10, interpreter[1] / 1_000_000, compiler[0] >> 10, compiler[1] / 1_000_000);
    System.out.println(what);
    assertTrue(compiler[0] <= BYTES_FACTOR * interpreter[0] + SLACK_BYTES, what);
    assertTrue(compiler[1] <= TIME_FACTOR * interpreter[1] + SLACK_NANOS, what);
  }

  /** Bytes allocated and CPU nanoseconds of compiling {@code wasm} eagerly on {@code executor}. */
  private static long[] cost(String executor, byte[] wasm) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor));
    long bytes = THREADS.getCurrentThreadAllocatedBytes();
    long nanos = THREADS.getCurrentThreadCpuTime();
    Module.compile(engine, wasm);
    return new long[] {THREADS.getCurrentThreadAllocatedBytes() - bytes,
        THREADS.getCurrentThreadCpuTime() - nanos};
  }

  @Provide
  Arbitrary<byte[]> hostileModules() {
    Arbitrary<Integer> shape = Arbitraries.integers().between(0, 7);
    Arbitrary<Double> scale = Arbitraries.doubles().between(0, 1);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(shape, scale, seed).as(ClassGenerationCostProperties::module);
  }

  /** A module of {@code shape}, {@code scale} (0 to 1) of the way to its largest size. */
  static byte[] module(int shape, double scale, long seed) {
    switch (shape) {
      case 0: return HostileModules.brTable(1 + (int) (scale * 30_000));
      case 1: return HostileModules.brTableSameTarget(1 + (int) (scale * 300_000));
      case 2: return HostileModules.deepStack(1 + (int) (scale * 100_000));
      case 3: return HostileModules.nestedIfs(1 + (int) (scale * 60_000));
      case 4: return HostileModules.manyParams(1 + (int) (scale * 999),
          seed % 2 == 0 ? ModuleBuilder.I32 : ModuleBuilder.I64);
      case 5: return HostileModules.manyLocals(1 + (int) (scale * 49_999));
      case 6: return HostileModules.manyConstants(1 + (int) (scale * 40_000));
      default: return randomCode(new Random(seed), 1 + (int) (scale * 150_000));
    }
  }

  /**
   * A function {@code (i32, i32) -> i32} of about {@code size} bytes of random structured code
   * over 2 parameters and up to 300 locals: assignments of expressions, blocks, loops, ifs and
   * branches (br_if, br_table) to enclosing labels. Valid, and mostly reachable (the translator
   * drops unreachable code); not meant to be run (loops may not end).
   */
  static byte[] randomCode(Random random, int size) {
    int locals = 1 + random.nextInt(300);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int depth = 0;
    while (b.size() < size) {
      int kind = random.nextInt(10);
      if (kind < 4) { // local.set (expression)
        expression(random, b, 2 + locals, 3);
        b.write(0x21);
        ModuleBuilder.u32(b, random.nextInt(2 + locals));
      } else if (kind < 6 && depth < 500) { // block, loop, if
        int k = random.nextInt(3);
        if (k == 2) {
          expression(random, b, 2 + locals, 2);
        }
        b.writeBytes(new byte[] {(byte) (k == 0 ? 0x02 : k == 1 ? 0x03 : 0x04), 0x40});
        depth++;
      } else if (kind < 8 && depth > 0) { // end
        b.write(0x0B);
        depth--;
      } else if (kind == 8 && depth > 0) { // br_if
        expression(random, b, 2 + locals, 2);
        b.write(0x0D);
        ModuleBuilder.u32(b, random.nextInt(depth));
      } else { // a block around a br_table whose default leaves it: what follows stays reachable
        b.writeBytes(new byte[] {0x02, 0x40});
        expression(random, b, 2 + locals, 2);
        b.write(0x0E);
        int n = random.nextInt(1 + Math.min(depth, 64) * 4);
        ModuleBuilder.u32(b, n);
        for (int i = 0; i < n; i++) {
          ModuleBuilder.u32(b, random.nextInt(depth + 1));
        }
        b.writeBytes(new byte[] {0, 0x0B});
      }
    }
    for (; depth > 0; depth--) {
      b.write(0x0B);
    }
    b.writeBytes(new byte[] {0x20, 0});
    return new ModuleBuilder().funcBytes("f", 2, 1, locals, b.toByteArray()).build();
  }

  /** An i32 expression over {@code locals} locals, at most {@code depth} operators deep. */
  private static void expression(Random random, ByteArrayOutputStream b, int locals, int depth) {
    int kind = depth == 0 ? random.nextInt(2) : random.nextInt(4);
    if (kind == 0) {
      b.write(0x41);
      ModuleBuilder.s32(b, random.nextInt());
    } else if (kind == 1) {
      b.write(0x20);
      ModuleBuilder.u32(b, random.nextInt(locals));
    } else {
      expression(random, b, locals, depth - 1);
      expression(random, b, locals, depth - 1);
      int[] ops = {0x6A, 0x6B, 0x6C, 0x71, 0x72, 0x73, 0x46, 0x48, 0x4B};
      b.write(ops[random.nextInt(ops.length)]);
    }
  }
}
