package org.wasmj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The execution workloads: what module to instantiate, how to call it, and how to check the
 * answer. The Rust workloads follow wasmi-benchmarks' pattern ({@code ../shared/bench-wasm/README.md}):
 * {@code data = setup(n)} once, time {@code run(data)}, verify with the accessor export,
 * {@code teardown(data)}. Sizes are chosen so one run takes roughly 10 ms – 1 s on wasmj's
 * interpreter; every runtime does the identical work.
 */
enum Workload {
  /** Recursive {@code fib(30)} (examples/fib.wasm): call-heavy, ~2.7 M calls. */
  FIB("examples/fib.wasm") {
    @Override
    Run start(Guest guest) {
      Guest.Fn fib = guest.fn("fib");
      return new Simple(() -> fib.call(30), "fib(30)", 832_040);
    }
  },

  /**
   * A xorshift32 ring buffer with a rotating checksum over 2 M steps (examples/xorshift.wasm):
   * one call-free loop of arithmetic, a load and a store per step. Checked against the same
   * algorithm in Java.
   */
  LOOP("examples/xorshift.wasm") {
    @Override
    Run start(Guest guest) {
      Guest.Fn run = guest.fn("run");
      int n = 2_000_000;
      return new Simple(() -> (int) run.call(n), "xorshift(" + n + ")", xorshiftChecksum(n));
    }
  },

  /** wasmi's prime-sieve ("primes"), n = 1,000,000: 78,498 primes, the largest 999,983. */
  PRIME_SIEVE("wasmi-benchmarks/rust/prime-sieve.wasm") {
    @Override
    Run start(Guest guest) {
      int data = (int) guest.fn("setup").call(1_000_000L);
      Guest.Fn lenPrimes = guest.fn("len_primes");
      Guest.Fn largestPrime = guest.fn("largest_prime");
      return new RustRun(guest, data, () -> {
        check("len_primes", lenPrimes.call(data), 78_498);
        check("largest_prime", largestPrime.call(data), 999_983);
      });
    }
  },

  /** wasmi's matrix-mul, n = 200 (8 M multiply-adds on f32); {@code output} = 2087990.25. */
  MATRIX_MUL("wasmi-benchmarks/rust/matrix-mul.wasm") {
    @Override
    Run start(Guest guest) {
      int data = (int) guest.fn("setup").call(200);
      Guest.Fn output = guest.fn("output");
      return new RustRun(guest, data, () -> {
        float f = Float.intBitsToFloat((int) output.call(data));
        if (f != 2087990.25f) {
          throw new IllegalStateException("matrix-mul output = " + f + ", expected 2087990.25");
        }
      });
    }
  },

  /** wasmi's argon2 with {@code setup(3000)}; {@code output} = 0x76318FB48BBA1258. */
  ARGON2("wasmi-benchmarks/rust/argon2.wasm") {
    @Override
    Run start(Guest guest) {
      int data = (int) guest.fn("setup").call(3_000);
      Guest.Fn output = guest.fn("output");
      return new RustRun(guest, data,
          () -> check("argon2 output", output.call(data), 0x76318FB48BBA1258L));
    }
  };

  private final String path;

  Workload(String path) {
    this.path = path;
  }

  /** The module's bytes: examples/ are packed into the benchmarks jar, the rest is bench-wasm. */
  byte[] bytes() {
    if (path.startsWith("examples/")) {
      try (InputStream in = Workload.class.getResourceAsStream("/" + path)) {
        if (in == null) {
          throw new IllegalStateException(path + " is not on the class path (benchmarks/pom.xml packs examples/)");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return BenchWasm.load(path);
  }

  /** Prepares the workload in {@code guest} (the untimed setup). */
  abstract Run start(Guest guest);

  /** A prepared workload. */
  interface Run {
    /** The timed part; returns a value for the blackhole. */
    long run();

    /** Checks the answer of the last {@link #run}; throws {@link IllegalStateException} if wrong. */
    void verify();

    /** Frees the guest's data (the untimed teardown). */
    void close();
  }

  /** A single call whose result is the answer. */
  private static final class Simple implements Run {
    private final java.util.function.LongSupplier call;
    private final String what;
    private final long expected;
    private long last;

    Simple(java.util.function.LongSupplier call, String what, long expected) {
      this.call = call;
      this.what = what;
      this.expected = expected;
    }

    @Override
    public long run() {
      return last = call.getAsLong();
    }

    @Override
    public void verify() {
      check(what, last, expected);
    }

    @Override
    public void close() {}
  }

  /** wasmi-benchmarks' Rust pattern: {@code run(data)}, an accessor check, {@code teardown(data)}. */
  private static final class RustRun implements Run {
    private final Guest.Fn run;
    private final Guest.Fn teardown;
    private final int data;
    private final Runnable verify;

    RustRun(Guest guest, int data, Runnable verify) {
      this.run = guest.fn("run");
      this.teardown = guest.fn("teardown");
      this.data = data;
      this.verify = verify;
    }

    @Override
    public long run() {
      return run.call(data);
    }

    @Override
    public void verify() {
      verify.run();
    }

    @Override
    public void close() {
      teardown.call(data);
    }
  }

  static void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(what + " = " + actual + ", expected " + expected);
    }
  }

  /** examples/xorshift.wat's {@code run(n)}, in Java. */
  static int xorshiftChecksum(int n) {
    int[] ring = new int[1024];
    int x = 0x92d68ca2;
    int acc = 0;
    for (int i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      ring[i & 1023] = x;
      acc = (Integer.rotateLeft(acc, 5) ^ ring[(i * 7) & 1023]) + x;
    }
    return acc;
  }
}
