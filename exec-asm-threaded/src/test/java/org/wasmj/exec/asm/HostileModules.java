package org.wasmj.exec.asm;

import static org.wasmj.exec.asm.ModuleBuilder.I32;
import static org.wasmj.exec.asm.ModuleBuilder.I64;
import static org.wasmj.exec.asm.ModuleBuilder.s32;
import static org.wasmj.exec.asm.ModuleBuilder.u32;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Valid modules built to hit the limits of JVM class files and of class generation (issue 10):
 * huge {@code br_table}s, deep operand stacks, deep nesting, many parameters, locals and
 * constants, long names. Each says what its exported functions compute, so tests can check every
 * executor gets it right.
 */
final class HostileModules {
  private HostileModules() {}

  /**
   * {@code pick(x) = min(x, n - 1)} (x unsigned): a {@code br_table} of {@code n} distinct targets
   * out of {@code n} nested blocks.
   */
  static byte[] brTable(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x02, 0x40});
    }
    b.writeBytes(new byte[] {0x20, 0, 0x0E});
    u32(b, n - 1);
    for (int i = 0; i < n; i++) {
      u32(b, i); // targets 0 .. n-2, then the default n-1
    }
    for (int i = 0; i < n; i++) {
      b.write(0x0B);
      b.write(0x41);
      s32(b, i);
      b.write(0x0F);
    }
    b.writeBytes(new byte[] {0x41, 0});
    return new ModuleBuilder().funcBytes("pick", 1, 1, 0, b.toByteArray()).build();
  }

  /** {@code pick(x) = x}: a {@code br_table} of {@code n} targets, all the same block (1 byte each). */
  static byte[] brTableSameTarget(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x02, 0x40, 0x20, 0, 0x0E});
    u32(b, n - 1);
    b.writeBytes(new byte[n]);
    b.writeBytes(new byte[] {0x0B, 0x20, 0});
    return new ModuleBuilder().funcBytes("pick", 1, 1, 0, b.toByteArray()).build();
  }

  /** {@code sum() = n}: {@code n} times {@code i32.const 1}, then {@code n - 1} additions. */
  static byte[] deepStack(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x41, 1});
    }
    for (int i = 1; i < n; i++) {
      b.write(0x6A);
    }
    return new ModuleBuilder().funcBytes("sum", 0, 1, 0, b.toByteArray()).build();
  }

  /**
   * {@code f(x) = n * x + n}: {@code n} copies of x on the stack while a second local counts to
   * n, then x is overwritten and the copies are summed with the count. Past 1,024 such entries the
   * translator copies them all out at a local write (it looks at only so many each time).
   */
  static byte[] stackedLocalsAcrossWrites(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x20, 0});
    }
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x20, 1, 0x41, 1, 0x6A, 0x21, 1});
    }
    b.writeBytes(new byte[] {0x41, 0, 0x21, 0});
    for (int i = 1; i < n; i++) {
      b.write(0x6A);
    }
    b.writeBytes(new byte[] {0x20, 1, 0x6A});
    return new ModuleBuilder().funcBytes("f", 1, 1, 1, b.toByteArray()).build();
  }

  /**
   * {@code f(x, y) = n * (x + y) + n * (x + 5) + y + n}: {@code n} sums {@code x + y} and {@code n}
   * sums {@code x + 5} on the stack (the translator keeps them as deferred adds) while y counts
   * on to y + n, then the sums are added up with y.
   */
  static byte[] stackedSumsAcrossWrites(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x20, 0, 0x20, 1, 0x6A, 0x20, 0, 0x41, 5, 0x6A});
    }
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x20, 1, 0x41, 1, 0x6A, 0x21, 1});
    }
    for (int i = 1; i < 2 * n; i++) {
      b.write(0x6A);
    }
    b.writeBytes(new byte[] {0x20, 1, 0x6A});
    return new ModuleBuilder().funcBytes("f", 2, 1, 0, b.toByteArray()).build();
  }

  /**
   * {@code f(x) = x + n}: {@code n} nested loops around {@code x += 1}, each but the innermost
   * once around, the innermost n times (its own counter, local 1, from n down).
   */
  static byte[] nestedLoops(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x41);
    s32(b, n);
    b.writeBytes(new byte[] {0x21, 1});
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x03, 0x40});
    }
    // x += 1; local1 -= 1; br_if 0 (local1 != 0)
    b.writeBytes(new byte[] {0x20, 0, 0x41, 1, 0x6A, 0x21, 0, 0x20, 1, 0x41, 1, 0x6B, 0x22, 1,
        0x0D, 0});
    for (int i = 0; i < n; i++) {
      b.write(0x0B);
    }
    b.writeBytes(new byte[] {0x20, 0});
    return new ModuleBuilder().funcBytes("f", 1, 1, 1, b.toByteArray()).build();
  }

  /** {@code f(x) = x == 0 ? 0 : x + 1}: the increment inside {@code n} nested {@code if}s on x. */
  static byte[] nestedIfs(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      b.writeBytes(new byte[] {0x20, 0, 0x04, 0x40});
    }
    b.writeBytes(new byte[] {0x20, 0, 0x41, 1, 0x6A, 0x21, 0});
    for (int i = 0; i < n; i++) {
      b.write(0x0B);
    }
    b.writeBytes(new byte[] {0x20, 0});
    return new ModuleBuilder().funcBytes("f", 1, 1, 0, b.toByteArray()).build();
  }

  /**
   * Function {@code sum} takes {@code n} parameters of {@code type} (i32 or i64) and returns their
   * sum as i64; {@code caller()} calls it directly with 1 .. n, {@code indirect()} through a table,
   * {@code relay} (same parameters) passes its own on: all return {@code n (n + 1) / 2}.
   */
  static byte[] manyParams(int n, byte type) {
    byte[] params = new byte[n];
    Arrays.fill(params, type);
    ByteArrayOutputStream sum = new ByteArrayOutputStream();
    sum.writeBytes(new byte[] {0x42, 0});
    for (int i = 0; i < n; i++) {
      sum.write(0x20);
      u32(sum, i);
      if (type == I32) {
        sum.write(0xAD); // i64.extend_i32_u
      }
      sum.write(0x7C); // i64.add
    }
    ByteArrayOutputStream args = new ByteArrayOutputStream();
    for (int i = 1; i <= n; i++) {
      args.write(type == I32 ? 0x41 : 0x42);
      s32(args, i);
    }
    ByteArrayOutputStream caller = new ByteArrayOutputStream();
    caller.writeBytes(args.toByteArray());
    caller.writeBytes(new byte[] {0x10, 0}); // call sum
    ByteArrayOutputStream indirect = new ByteArrayOutputStream();
    indirect.writeBytes(args.toByteArray());
    indirect.writeBytes(new byte[] {0x41, 0, 0x11, 0, 0}); // call_indirect (type 0) table 0, elem 0
    ByteArrayOutputStream relay = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      relay.write(0x20);
      u32(relay, i);
    }
    relay.writeBytes(new byte[] {0x10, 0});
    byte[] i64 = {I64};
    return new ModuleBuilder().withTable()
        .funcTyped("sum", params, i64, 0, sum.toByteArray())
        .funcTyped("caller", new byte[0], i64, 0, caller.toByteArray())
        .funcTyped("indirect", new byte[0], i64, 0, indirect.toByteArray())
        .funcTyped("relay", params, i64, 0, relay.toByteArray())
        .build();
  }

  /** {@code trap()} traps ({@code unreachable}) and is named {@code name}; {@code one() = 1}. */
  static byte[] named(String name) {
    return new ModuleBuilder()
        .func("trap", 0, 0, 0x00).name(name)
        .func("one", 0, 1, 0x41, 1)
        .build();
  }

  /** {@code f(x) = x + 1}, with {@code n} locals: x goes into the last one and back. */
  static byte[] manyLocals(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x20, 0, 0x21});
    u32(b, n);
    b.write(0x20);
    u32(b, n);
    b.writeBytes(new byte[] {0x41, 1, 0x6A});
    return new ModuleBuilder().funcBytes("f", 1, 1, n, b.toByteArray()).build();
  }

  /**
   * {@code sum()}: the i64 sum of {@code n} distinct constants {@code i * 0x100000001}, one at a
   * time (so each is a distinct {@code long} for a class's constant pool).
   */
  static byte[] manyConstants(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x42, 0});
    for (int i = 1; i <= n; i++) {
      b.write(0x42);
      s64(b, i * 0x100000001L);
      b.write(0x7C);
    }
    return new ModuleBuilder().funcTyped("sum", new byte[0], new byte[] {I64}, 0, b.toByteArray())
        .build();
  }

  /** The result of {@link #manyConstants}. */
  static long manyConstantsSum(int n) {
    return (long) n * (n + 1) / 2 * 0x100000001L;
  }

  private static void s64(ByteArrayOutputStream out, long v) {
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
        out.write(b);
        return;
      }
      out.write(b | 0x80);
    }
  }
}
