package org.wasmj.ir;

/**
 * Adds to translated IR the ops that keep a host in control of a guest, as a pass after
 * translation (the translator knows nothing of them), and only when a config asks:
 *
 * <ul>
 *   <li><b>Interruption</b>: {@link Op#CHECK_INTERRUPT} at the function's entry and at every loop
 *       header (the target of a backward branch), so that every call and every loop iteration
 *       passes one.
 *   <li><b>Fuel</b>: {@link Op#FUEL_I} at the start of every straight-line run with the run's
 *       cost, and before bulk memory and table ops and grows, an op charging for their size
 *       ({@link Op#FUEL_SCALED_RI}, {@link Op#FUEL_MEMORY_GROW_RX}, {@link Op#FUEL_TABLE_GROW_RX}).
 * </ul>
 *
 * <p>The cost model: every IR instruction costs 1 ({@link #cost}), except those that only count
 * or check ({@code count_loop} and the ops added here), which cost nothing; {@code memory.fill},
 * {@code memory.copy} and {@code memory.init} cost one more per 64 bytes, their table
 * counterparts one more per 8 elements, {@code memory.grow} 1,024 per page it can add (nothing
 * when it will return -1 for passing the memory's maximum) and {@code table.grow} one per 8
 * elements likewise. A run ends at every unconditional branch ({@code br}, {@code br_table}),
 * return, trap and branch target, but not at a call nor at a conditional branch (as in Wasmi,
 * where a {@code br_if} adds to its block's charge): a run is charged whole, calls, conditional
 * exits and what follows them included, before its first instruction runs; a conditional branch
 * that is taken leaves the rest of its run paid for and not run. So the fuel consumed at any
 * moment is the cost of every run entered so far:
 * when a call starts, the rest of the caller's run is paid for already; when a callee or any
 * instruction traps, the fuel left is what the runs entered up to the trap left, none of it given
 * back; when a charge finds too little fuel, it traps before its run starts and leaves the fuel as
 * it was. Every executor runs this same IR (a tiering executor's has {@code count_loop}s too,
 * which cost nothing: when fuel is metered, {@link Translator} rotates its loops as the others',
 * moving a loop's {@code count_loop} after its test), so fuel is consumed identically on each.
 * The IR is wasmj's own, so costs may change between versions as the translator improves, as
 * Wasmi's do.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Instrumenter {
  private Instrumenter() {}

  /** {@code f} with interruption checks ({@code interrupts}) and fuel charges ({@code fuel}); {@code f} itself if neither. */
  public static CompiledFunction instrument(CompiledFunction f, boolean interrupts, boolean fuel) {
    if (!interrupts && !fuel) {
      return f;
    }
    int[] code = f.code();
    int n = code.length;
    boolean[] loopHeader = new boolean[n + 1];
    boolean[] leader = new boolean[n + 1];
    leader[0] = true;
    for (int pc = 0; pc < n; pc += Op.size(code, pc)) {
      for (int t : Op.targets(code, pc)) {
        leader[t] = true;
        if (t <= pc) {
          loopHeader[t] = true;
        }
      }
      // A run ends where control cannot go on: not at a call, nor at a conditional branch (see
      // the class comment), so a run through a loop's exits and bounds checks is charged once
      // per iteration, and call-heavy code is cheap to meter.
      if (!Op.of(code[pc]).fallsThrough()) {
        leader[pc + Op.size(code, pc)] = true;
      }
    }
    // where each instruction lands (its added ops first), and the cost of each run
    int[] moved = new int[n + 1];
    int[] runCost = new int[n + 1];
    int size = 0;
    int run = 0;
    for (int pc = 0; pc < n; pc += Op.size(code, pc)) {
      Op op = Op.of(code[pc]);
      moved[pc] = size;
      if (interrupts && (pc == 0 || loopHeader[pc])) {
        size += Op.CHECK_INTERRUPT.size();
      }
      if (fuel && leader[pc]) {
        run = pc;
        size += Op.FUEL_I.size();
      }
      if (fuel && dynamic(op) != null) {
        size += dynamic(op).size();
      }
      runCost[run] += cost(op);
      size += Op.size(code, pc);
    }
    moved[n] = size;
    CodeWriter out = new CodeWriter(); // checks each instruction against its op's shape
    for (int pc = 0; pc < n; pc += Op.size(code, pc)) {
      Op op = Op.of(code[pc]);
      if (interrupts && (pc == 0 || loopHeader[pc])) {
        out.op(Op.CHECK_INTERRUPT);
      }
      if (fuel && leader[pc]) {
        out.op(Op.FUEL_I);
        out.emit(runCost[pc]);
      }
      Op charge = fuel ? dynamic(op) : null;
      if (charge != null) {
        out.op(charge);
        switch (op) {
          case MEMORY_GROW_RRX: // d r x
            out.emit(code[pc + 2]);
            out.emit(code[pc + 3]);
            break;
          case TABLE_GROW_RRRX: // d init n x
            out.emit(code[pc + 3]);
            out.emit(code[pc + 4]);
            break;
          default: // dst src len ...: the length is the third register
            out.emit(code[pc + 3]);
            out.emit(op.name().startsWith("MEMORY") ? 6 : 3);
        }
      }
      copy(code, pc, out, moved);
    }
    int[] instrumented = out.toArray();
    if (instrumented.length != size) {
      throw new IllegalStateException("instrumented " + instrumented.length + " slots, planned "
          + size);
    }
    return new CompiledFunction(instrumented, f.registerCount(), f.paramCount(), f.localCount());
  }

  /**
   * The fuel an instruction of {@code op} costs: 1, or 0 for those that only count or check
   * ({@code count_loop} and the ops the instrumenter adds).
   */
  public static int cost(Op op) {
    switch (op) {
      case COUNT_LOOP:
      case CHECK_INTERRUPT:
      case FUEL_I:
      case FUEL_SCALED_RI:
      case FUEL_MEMORY_GROW_RX:
      case FUEL_TABLE_GROW_RX:
        return 0;
      default:
        return 1;
    }
  }

  /** The op charging for the size of {@code op}'s work, or {@code null} if its cost is fixed. */
  private static Op dynamic(Op op) {
    switch (op) {
      case MEMORY_FILL_RRRX:
      case MEMORY_COPY_RRRXX:
      case MEMORY_INIT_RRRXX:
      case TABLE_FILL_RRRX:
      case TABLE_COPY_RRRXX:
      case TABLE_INIT_RRRXX:
        return Op.FUEL_SCALED_RI;
      case MEMORY_GROW_RRX:
        return Op.FUEL_MEMORY_GROW_RX;
      case TABLE_GROW_RRRX:
        return Op.FUEL_TABLE_GROW_RX;
      default:
        return null;
    }
  }

  /** Writes the instruction at {@code pc} to {@code out}, its branch targets where they moved. */
  private static void copy(int[] code, int pc, CodeWriter out, int[] moved) {
    Op op = Op.of(code[pc]);
    String shape = op.shape();
    out.op(op);
    for (int at = pc + 1, end = pc + Op.size(code, pc), operand = 0; at < end; operand++) {
      char kind = operand < shape.length() ? shape.charAt(operand) : 't'; // a br_table's targets
      if (kind == 'l') {
        out.emit64((code[at] & 0xFFFFFFFFL) | (long) code[at + 1] << 32);
        at += 2;
      } else {
        out.emit(kind == 't' ? moved[code[at]] : code[at]);
        at++;
      }
    }
  }
}
