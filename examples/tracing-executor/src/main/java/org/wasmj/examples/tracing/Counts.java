package org.wasmj.examples.tracing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmj.exec.spi.GuestModule;
import org.wasmj.exec.spi.GuestStore;
import org.wasmj.ir.Op;

/**
 * What one store ran of one module's code: IR ops per op, per defined function and per adjacent
 * pair of ops. A store is used by one thread at a time, so the counters are plain {@code long}s,
 * updated without synchronization; a module sums the counters of every store that ran it ({@link #of(GuestModule)}).
 */
final class Counts {
  private static final Op[] OPS = Op.values();
  private static final int OP_COUNT = OPS.length;

  /** Per IR op (by ordinal): how many times it ran. */
  final long[] ops = new long[OP_COUNT];
  /** Per defined function: how many IR ops it ran. */
  final long[] functions;
  /**
   * Per pair of ops one frame ran one after the other ({@code [first][next]}, by ordinal): how
   * many times. The candidates for superinstructions; a call's op pairs with the op its frame
   * runs after the call returns. A row is made when its first op first runs (all of them would be
   * 2.6 MB per store, and a test suite makes thousands of stores).
   */
  private final long[][] pairs = new long[OP_COUNT][];

  private Counts(int functionCount) {
    this.functions = new long[functionCount];
  }

  /** Counts one run of op {@code next} right after op {@code first} in one frame. */
  void pair(int first, int next) {
    pairsAfter(first)[next]++;
  }

  /** The row of {@link #pairs} for {@code first}, made on first use. */
  private long[] pairsAfter(int first) {
    long[] row = pairs[first];
    if (row == null) {
      row = new long[OP_COUNT];
      pairs[first] = row;
    }
    return row;
  }

  /** Adds {@code other}'s counts to these. */
  private void add(Counts other) {
    for (int op = 0; op < OP_COUNT; op++) {
      ops[op] += other.ops[op];
      long[] row = other.pairs[op];
      if (row != null) {
        long[] sum = pairsAfter(op);
        for (int next = 0; next < OP_COUNT; next++) {
          sum[next] += row[next];
        }
      }
    }
    for (int i = 0; i < functions.length; i++) {
      functions[i] += other.functions[i];
    }
  }

  /** The counters of every store that ran a module's code: the module's executor data. */
  static final class PerModule {
    private final List<Counts> stores = new ArrayList<>();
    private final int functionCount;
    private final int imported;

    PerModule(GuestModule module) {
      this.functionCount = module.functionCount();
      this.imported = module.importedFunctionCount();
    }

    synchronized Counts newStore() {
      Counts c = new Counts(functionCount);
      stores.add(c);
      return c;
    }

    /**
     * {@code ops.<OP_NAME>}: how many times each IR op ran, then {@code functions.<index>} (the
     * index in the module's function index space): how many IR ops each function ran, then
     * {@code pairs.<OP_NAME>+<OP_NAME>}: how many times a frame ran the second op right after the
     * first; ops, functions and pairs that never ran are left out.
     */
    synchronized Map<String, Long> statistics() {
      Counts sum = new Counts(functionCount);
      for (Counts c : stores) {
        sum.add(c);
      }
      Map<String, Long> s = new LinkedHashMap<>();
      for (int op = 0; op < OP_COUNT; op++) {
        if (sum.ops[op] != 0) {
          s.put("ops." + OPS[op].name(), sum.ops[op]);
        }
      }
      for (int i = 0; i < functionCount; i++) {
        if (sum.functions[i] != 0) {
          s.put("functions." + (imported + i), sum.functions[i]);
        }
      }
      for (int first = 0; first < OP_COUNT; first++) {
        long[] row = sum.pairs[first];
        for (int next = 0; row != null && next < OP_COUNT; next++) {
          if (row[next] != 0) {
            s.put("pairs." + OPS[first].name() + "+" + OPS[next].name(), row[next]);
          }
        }
      }
      return s;
    }
  }

  /** A store's counters, per module it ran code of: the store's executor state. */
  static final class PerStore {
    private final Map<GuestModule, Counts> byModule = new IdentityHashMap<>();

    /** The store's counters for {@code module}'s code. */
    Counts of(GuestModule module) {
      Counts c = byModule.get(module);
      if (c == null) {
        c = ((PerModule) module.executorData()).newStore();
        byModule.put(module, c);
      }
      return c;
    }

    /** {@code store}'s counters, made on its first call. */
    static PerStore of(GuestStore store) {
      Object s = store.executorState();
      if (s == null) {
        s = new PerStore();
        store.setExecutorState(s);
      }
      return (PerStore) s;
    }
  }
}
