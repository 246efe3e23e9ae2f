package org.wasmj.exec.asm;

import java.util.Arrays;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.LoopRegion;

/**
 * The compiled loop nests of one function that tiering does not compile whole (see {@link
 * AsmModule}): each nest's range of IR indices and its class's {@link LoopRegion}, which the
 * interpreter runs at a loop header in the range. Immutable: a new nest makes a new one.
 */
final class Regions implements LoopRegion {
  /** Per nest: its first IR index and the one after it. */
  private final int[] from;
  private final int[] to;
  private final LoopRegion[] nests;

  private Regions(int[] from, int[] to, LoopRegion[] nests) {
    this.from = from;
    this.to = to;
    this.nests = nests;
  }

  /** No nests. */
  static final Regions NONE = new Regions(new int[0], new int[0], new LoopRegion[0]);

  /** These nests and {@code nest}, which runs {@code [start, end)}. */
  Regions with(int start, int end, LoopRegion nest) {
    int n = nests.length;
    Regions r = new Regions(Arrays.copyOf(from, n + 1), Arrays.copyOf(to, n + 1),
        Arrays.copyOf(nests, n + 1));
    r.from[n] = start;
    r.to[n] = end;
    r.nests[n] = nest;
    return r;
  }

  /** True if a nest holds IR index {@code pc}. */
  boolean holds(int pc) {
    for (int i = 0; i < nests.length; i++) {
      if (from[i] <= pc && pc < to[i]) {
        return true;
      }
    }
    return false;
  }

  /** The nests. */
  int size() {
    return nests.length;
  }

  @Override
  public int run(long[] frame, int fp, InstanceState instance, int budget, int pc) {
    for (int i = 0; i < nests.length; i++) {
      if (from[i] <= pc && pc < to[i]) {
        return nests[i].run(frame, fp, instance, budget, pc);
      }
    }
    return -1;
  }
}
