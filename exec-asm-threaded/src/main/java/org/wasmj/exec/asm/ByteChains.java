package org.wasmj.exec.asm;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;
import org.wasmj.parser.Opcode;

/**
 * Byte lanes that clang widens to i16 or i32 lanes, computes on and narrows back to bytes, done
 * as one computation on the bytes in a narrower form. clang vectorizes a byte loop such as
 * blur.c's sharpen, {@code out[x] = clamp(2 * a[x] - b[x], 0, 255)}, into four groups of i32x4
 * ops (each on four bytes zero-extended by a shuffle with a zero vector) whose results two
 * {@code i16x8.narrow_i32x4_u} and one {@code i8x16.narrow_i16x8_u} pack back into 16 bytes. On
 * two {@code long}s per v128 each i32x4 op is a SWAR formula on two lanes per {@code long}; but
 * the 16 output bytes are the same function of the input bytes at the same positions, so they
 * can be computed on four {@code long}s of four 16-bit lanes each: the even and the odd bytes of
 * each input half ({@code h & 0x00FF00FF00FF00FF}, {@code h >>> 8 & ...}), put back together
 * with one shift and one or.
 *
 * <p>A chain is found at an {@code i8x16.narrow_i16x8_u} (its root): each operand is an
 * {@code i16x8.narrow_i32x4_u} of two i32x4 expressions, or an i16x8 expression; an expression
 * is {@code add}, {@code sub}, {@code min_s}/{@code max_s} or {@code v128.and} with a constant
 * splat, {@code shl} by a known count, the i16 lanes' unsigned division by a constant that clang
 * writes out lane by lane ({@code extract_lane_u}, {@code and}, {@code div_u}, {@code splat}/
 * {@code replace_lane}; its scalar temporaries dead after it), of expressions, constant splats,
 * or shuffles that zero-extend bytes of one register (each lane's low byte from it, its other
 * bytes from known-zero bytes). It is used only
 * if all groups are the same expression over the same registers, each lane of each group reading
 * the source bytes at the position of the output byte it becomes; every value's lanes lie in an
 * interval ({@link LaneRanges}' arithmetic, from bytes in {@code [0, 255]}) inside its lane width
 * and at most {@code 0x7FFF} wide; each intermediate value is read only by the op it feeds and
 * never after (liveness); the source registers are not written before the root; and nothing
 * enters the code between its first op and the root (same chunk, no label). The narrows are
 * clamps (a value read as a signed i16 must stay below {@code 0x8000}).
 *
 * <p>Each value is held as its offset from its interval's low end, {@code u = v - lo}, in
 * {@code [0, hi - lo]}: then no lane's arithmetic crosses into the next: {@code add} is one
 * {@code ladd}, {@code sub} is {@code u_a + (W_b - u_b)} ({@code W_b} the width of b's interval,
 * so no lane borrows), {@code shl} one {@code lshl}, and a {@code min}/{@code max} with a
 * constant a compare (bit 15 of {@code u + 0x7FFF - K}) and a select, a division a multiply and
 * shift in 32-bit slots (as {@code SimdEmitters}' lane division). The ops of a chain emit nothing
 * (the division's scalar {@code and}/{@code div_u} still run, on dead temporaries); the root
 * emits the whole computation and writes its result.
 *
 * @implNote Made once per function compilation on first use ({@link FunctionCompiler#byteChains}).
 */
final class ByteChains {
  private static final int LEAF = 0;
  private static final int CONST = 1;
  private static final int ADD = 2;
  private static final int SUB = 3;
  private static final int SHL = 4;
  private static final int MIN = 5;
  private static final int MAX = 6;
  private static final int AND = 7;
  private static final int DIV = 8;

  /** The even bytes of a {@code long}, each in a 16-bit lane. */
  private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;

  /** A value of a chain: what one op computes, lane by lane. */
  private static final class Node {
    final int kind;
    final Node a;
    final Node b;
    /** CONST: the lanes' value; SHL: the count; MIN/MAX: the constant bound. */
    final long k;
    /** LEAF: the register (low half) whose bytes it widens, the source byte of each lane, its pc. */
    final int source;
    final int[] bytes;
    int pc = -1;
    /** DIV: the mask of the lanes before the division, or -1 for none. */
    long mask = -1;
    /** The interval of the lanes (set by {@link #bound}). */
    long lo;
    long hi;
    /** DIV: the multiplier and shift that divide each lane by {@link #k} (set by {@link #bound}). */
    long mul;
    int shift;

    Node(int kind, Node a, Node b, long k, int source, int[] bytes) {
      this.kind = kind;
      this.a = a;
      this.b = b;
      this.k = k;
      this.source = source;
      this.bytes = bytes;
    }

    /** Same ops, constants, masks and source registers (the source bytes may differ). */
    boolean sameAs(Node o) {
      return o != null && kind == o.kind && k == o.k && source == o.source && mask == o.mask
          && (a == null ? o.a == null : a.sameAs(o.a)) && (b == null ? o.b == null : b.sameAs(o.b));
    }
  }

  /** A chain: its root's pc, its first op's pc, its ops' pcs, its expression (with the narrows' clamps). */
  private static final class Chain {
    int root;
    int first;
    final List<Integer> ops = new ArrayList<>();
    Node value;
  }

  /** Each chain by the pc of its root and of each of its ops. */
  private final Map<Integer, Chain> chains = new HashMap<>();

  private final FunctionCompiler c;
  private final int[] code;
  /** The instructions' pcs, in order; the index of the first instruction of each one's straight-line run. */
  private int[] pcs;
  private int[] runStart;
  private int[] index;

  private ByteChains(FunctionCompiler c) {
    this.c = c;
    this.code = c.code();
  }

  /** The analysis of {@code c}'s function (see the class comment). */
  static ByteChains of(FunctionCompiler c) {
    ByteChains a = new ByteChains(c);
    int[] code = c.code();
    boolean any = false;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      any |= Op.of(code[pc]) == Op.I8X16_NARROW_I16X8_U_VVV;
    }
    if (!any) {
      return a;
    }
    a.index();
    for (int i = 0; i < a.pcs.length; i++) {
      if (Op.of(code[a.pcs[i]]) == Op.I8X16_NARROW_I16X8_U_VVV) {
        Chain ch = a.match(i);
        if (ch != null) {
          a.chains.put(ch.root, ch);
          for (int op : ch.ops) {
            a.chains.put(op, ch);
          }
        }
      }
    }
    return a;
  }

  /**
   * Emits the instruction at {@code pc} if it belongs to a chain that can be used here (the whole
   * chain in the chunk being emitted, nothing entering it): nothing for its ops, the whole
   * computation for its root; returns false (nothing emitted) otherwise.
   */
  boolean emit(FunctionCompiler c, int pc) {
    Chain ch = chains.get(pc);
    if (ch == null || !c.chunkHolds(ch.first)) {
      return false;
    }
    for (int at = ch.first + Op.size(code, ch.first); at <= ch.root; at += Op.size(code, at)) {
      if (!c.fusible(at)) {
        return false;
      }
    }
    if (pc == ch.root) {
      for (int k = 0; k < 2; k++) {
        for (int odd = 0; odd < 2; odd++) {
          push(c, ch.value, k, odd);
          if (ch.value.lo != 0) {
            c.pushLong(ch.value.lo * 0x0001000100010001L);
            c.mv().visitInsn(LADD);
          }
          if (odd == 1) {
            c.pushInt(8);
            c.mv().visitInsn(LSHL);
            c.mv().visitInsn(LOR);
          }
        }
      }
      c.storeL(code[pc + 1] + 1);
      c.storeL(code[pc + 1]);
    }
    return true;
  }

  /** True if the instruction at {@code pc} is an op or the root of a chain found (emitted as one where it can be). */
  boolean planned(int pc) {
    return chains.containsKey(pc);
  }

  /** True if {@code pc} is the root of a chain (for tests). */
  boolean isRoot(int pc) {
    Chain ch = chains.get(pc);
    return ch != null && ch.root == pc;
  }

  private void index() {
    int n = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      n++;
    }
    pcs = new int[n];
    runStart = new int[n];
    index = new int[code.length + 1];
    java.util.Arrays.fill(index, -1);
    boolean[] target = new boolean[code.length + 1];
    for (int[] branch : c.branches()) {
      for (int i = 1; i < branch.length; i++) {
        target[branch[i]] = true;
      }
    }
    int start = 0;
    for (int pc = 0, i = 0; pc < code.length; pc += Op.size(code, pc), i++) {
      pcs[i] = pc;
      index[pc] = i;
      if (target[pc] || code[pc] == OpCodes.COUNT_LOOP
          || (i > 0 && (c.targets(pcs[i - 1]).length > 0 || !Op.of(code[pcs[i - 1]]).fallsThrough()))) {
        start = i;
      }
      runStart[i] = start;
    }
    index[code.length] = n;
  }

  /** The chain rooted at instruction {@code i}, or null. */
  private Chain match(int i) {
    int pc = pcs[i];
    Chain ch = new Chain();
    ch.root = pc;
    ch.first = pc;
    List<Node> groups = new ArrayList<>();
    List<int[]> outputs = new ArrayList<>(); // the output byte of each lane of each group
    boolean[] wide = new boolean[2];
    for (int side = 0; side < 2; side++) {
      int r = code[pc + 2 + side];
      int w = writer(r, i);
      if (w < 0) {
        return null;
      }
      if (Op.of(code[pcs[w]]) == Op.I16X8_NARROW_I32X4_U_VVV) {
        if (!feeds(w, r, i, i)) {
          return null;
        }
        wide[side] = true;
        ch.ops.add(pcs[w]);
        for (int g = 0; g < 2; g++) {
          Node e = build(ch, code[pcs[w] + 2 + g], w, g, 32);
          if (e == null) {
            return null;
          }
          groups.add(e);
          int[] out = new int[4];
          for (int l = 0; l < 4; l++) {
            out[l] = 8 * side + 4 * g + l;
          }
          outputs.add(out);
        }
      } else {
        Node e = build(ch, r, i, side, 16);
        if (e == null) {
          return null;
        }
        groups.add(e);
        int[] out = new int[8];
        for (int l = 0; l < 8; l++) {
          out[l] = 8 * side + l;
        }
        outputs.add(out);
      }
    }
    if (wide[0] != wide[1]) {
      return null;
    }
    for (int g = 0; g < groups.size(); g++) {
      if (!groups.get(g).sameAs(groups.get(0)) || !bytesAt(groups.get(g), outputs.get(g))) {
        return null;
      }
    }
    for (int op : ch.ops) {
      ch.first = Math.min(ch.first, op);
    }
    for (Node g : groups) {
      if (!sourcesKept(g, i)) {
        return null;
      }
    }
    int width = wide[0] ? 32 : 16;
    Node v = groups.get(0);
    if (!bound(v, width)) {
      return null;
    }
    if (wide[0]) { // i16x8.narrow_i32x4_u, then read as signed i16 lanes
      v = clamp(v, 0xFFFF, 32);
      if (v == null || v.hi > 0x7FFF) {
        return null;
      }
    }
    v = clamp(v, 0xFF, 16); // i8x16.narrow_i16x8_u
    if (v == null) {
      return null;
    }
    ch.value = v;
    return ch;
  }

  /** {@code v} clamped to {@code [0, max]} by a saturating narrow, or null. */
  private static Node clamp(Node v, long max, int width) {
    Node n = new Node(MAX, v, null, 0, -1, null);
    if (!bound(n, width)) {
      return null;
    }
    Node m = new Node(MIN, n, null, max, -1, null);
    return bound(m, width) ? m : null;
  }

  /** True if each lane of each leaf of {@code n} reads the source byte at position {@code out[lane]}. */
  private static boolean bytesAt(Node n, int[] out) {
    if (n == null) {
      return true;
    }
    if (n.kind == LEAF) {
      return java.util.Arrays.equals(n.bytes, out);
    }
    return bytesAt(n.a, out) && bytesAt(n.b, out);
  }

  /** True if no source register of {@code n} is written after its leaf and before instruction {@code to}. */
  private boolean sourcesKept(Node n, int to) {
    if (n == null) {
      return true;
    }
    if (n.kind == LEAF) {
      for (int j = index[n.pc] + 1; j < to; j++) {
        boolean[] written = new boolean[1];
        Chunks.operands(c, pcs[j], (r, w) -> written[0] |= w && (r == n.source || r == n.source + 1));
        if (written[0]) {
          return false;
        }
      }
      return true;
    }
    return sourcesKept(n.a, to) && sourcesKept(n.b, to);
  }

  /**
   * The expression of v128 register {@code r} as operand {@code operand} of instruction {@code i}
   * (lanes of {@code width} bits), adding its ops to {@code ch}; null if it is not one.
   */
  private Node build(Chain ch, int r, int i, int operand, int width) {
    return build(ch, r, i, i, operand, width);
  }

  /** As {@link #build(Chain, int, int, int, int)}, read by instructions {@code i} to {@code last}. */
  private Node build(Chain ch, int r, int i, int last, int operand, int width) {
    Node constant = constant(i, operand, width);
    if (constant != null) {
      return constant;
    }
    int w = writer(r, i);
    if (w < 0 || !feeds(w, r, i, last)) {
      return null;
    }
    int pc = pcs[w];
    Opcode op = Op.of(code[pc]).wasm();
    if (op == null) {
      return null;
    }
    Node n;
    switch (op) {
      case I8X16_SHUFFLE:
        n = leaf(w, width);
        break;
      case I32X4_ADD: case I16X8_ADD: case I32X4_SUB: case I16X8_SUB:
        if (laneWidth(op) != width) {
          return null;
        }
        Node a = build(ch, code[pc + 2], w, 0, width);
        Node b = build(ch, code[pc + 3], w, 1, width);
        n = a == null || b == null ? null : new Node(op.name().endsWith("_ADD") ? ADD : SUB, a, b, 0, -1, null);
        break;
      case I32X4_MIN_S: case I16X8_MIN_S: case I32X4_MAX_S: case I16X8_MAX_S: {
        if (laneWidth(op) != width) {
          return null;
        }
        Node x = build(ch, code[pc + 2], w, 0, width);
        Node y = build(ch, code[pc + 3], w, 1, width);
        if (x == null || y == null || (x.kind == CONST) == (y.kind == CONST)) {
          return null; // one operand must be a constant splat
        }
        Node e = x.kind == CONST ? y : x;
        long bound = (x.kind == CONST ? x : y).k;
        n = new Node(op.name().endsWith("_MIN_S") ? MIN : MAX, e, null, bound, -1, null);
        break;
      }
      case V128_AND: {
        Node x = build(ch, code[pc + 2], w, 0, width);
        Node y = build(ch, code[pc + 3], w, 1, width);
        if (x == null || y == null || (x.kind == CONST) == (y.kind == CONST)) {
          return null; // one operand must be a constant splat
        }
        n = new Node(AND, x.kind == CONST ? y : x, null, (x.kind == CONST ? x : y).k, -1, null);
        break;
      }
      case I16X8_REPLACE_LANE:
        return width == 16 ? divide(ch, w) : null;
      case I32X4_SHL: case I16X8_SHL: {
        int count = c.laneRanges().shiftCount(pc);
        if (laneWidth(op) != width || count < 0) {
          return null;
        }
        Node x = build(ch, code[pc + 2], w, 0, width);
        n = x == null ? null : new Node(SHL, x, null, count, -1, null);
        break;
      }
      default:
        return null;
    }
    if (n != null) {
      ch.ops.add(pc);
    }
    return n;
  }

  /** Operand {@code operand} of instruction {@code i} as a constant splat of {@code width}-bit lanes, or null. */
  private Node constant(int i, int operand, int width) {
    long[] k = operand < 0 ? null : c.laneRanges().constant(pcs[i], operand);
    if (k == null || k[0] != k[1]) {
      return null;
    }
    long lane = width == 32 ? (int) k[0] : (short) k[0];
    long mask = width == 32 ? 0xFFFFFFFFL : 0xFFFFL;
    for (int shift = width; shift < 64; shift += width) {
      if ((k[0] >>> shift & mask) != (lane & mask)) {
        return null;
      }
    }
    Node n = new Node(CONST, null, null, lane, -1, null);
    n.lo = lane;
    n.hi = lane;
    return n;
  }

  /** The shuffle at instruction {@code w} as a zero extension of one register's bytes to {@code width}-bit lanes, or null. */
  private Node leaf(int w, int width) {
    int pc = pcs[w];
    int zero = c.laneRanges().zeroBytes(pc, 0) | c.laneRanges().zeroBytes(pc, 1) << 16;
    int perLane = width / 8;
    int[] bytes = new int[16 / perLane];
    int operand = -1;
    for (int l = 0; l < bytes.length; l++) {
      for (int b = 0; b < perLane; b++) {
        int k = l * perLane + b;
        int from = (int) (c.imm64(pc + 4 + 2 * (k / 8)) >>> (8 * (k & 7))) & 31;
        if (b == 0) {
          if ((zero >>> from & 1) != 0 || (operand >= 0 && operand != from >>> 4)) {
            return null;
          }
          operand = from >>> 4;
          bytes[l] = from & 15;
        } else if ((zero >>> from & 1) == 0) {
          return null;
        }
      }
    }
    int source = code[pc + 2 + operand];
    if (c.hasLaneLocals(source) || c.hasLaneLocals(source + 1)) {
      return null;
    }
    Node n = new Node(LEAF, null, null, 0, source, bytes);
    n.pc = pc;
    return n;
  }

  /**
   * The i16x8 lane-wise unsigned division by a constant that clang writes out lane by lane, ending
   * at instruction {@code w} (see {@code SimdEmitters.Inline#laneDivide}): for each lane {@code k}
   * of {@code v}, {@code t = extract_lane_u v k; [t = t & M;] t = t / C}, then {@code d = splat t}
   * for lane 0 and {@code d = replace_lane d t k} for the others. Null if the code differs, the
   * scalar registers it uses are read after it, or it aliases.
   */
  private Node divide(Chain ch, int w) {
    int d = code[pcs[w] + 1];
    int v = -1;
    int divisor = -1;
    long mask = -2; // not yet seen
    List<Integer> temps = new ArrayList<>();
    int j = w;
    for (int k = 7; k >= 0; k--) {
      if (j < runStart[w]) {
        return null;
      }
      int pc = pcs[j];
      int t;
      if (k > 0) {
        if (Op.of(code[pc]) != Op.I16X8_REPLACE_LANE_VVRI || code[pc + 1] != d || code[pc + 2] != d
            || code[pc + 4] != k) {
          return null;
        }
        t = code[pc + 3];
      } else {
        if (Op.of(code[pc]) != Op.I16X8_SPLAT_VR || code[pc + 1] != d) {
          return null;
        }
        t = code[pc + 2];
      }
      temps.add(t);
      pc = pcs[--j];
      if (j < runStart[w] || Op.of(code[pc]) != Op.I32_DIV_U_RRR || code[pc + 1] != t || code[pc + 2] != t
          || (divisor >= 0 && code[pc + 3] != divisor)) {
        return null;
      }
      divisor = code[pc + 3];
      pc = pcs[--j];
      long m = -1;
      if (j >= runStart[w] && Op.of(code[pc]) == Op.I32_AND_RRI && code[pc + 1] == t && code[pc + 2] == t) {
        m = code[pc + 3] & 0xFFFFFFFFL;
        pc = pcs[--j];
      }
      if (mask != -2 && m != mask) {
        return null;
      }
      mask = m;
      if (j < runStart[w] || Op.of(code[pc]) != Op.I16X8_EXTRACT_LANE_U_RVI || code[pc + 1] != t
          || code[pc + 3] != k || (v >= 0 && code[pc + 2] != v)) {
        return null;
      }
      v = code[pc + 2];
      j--;
    }
    int start = j + 1;
    if (!c.isConstant(divisor) || d == v || d == v + 1 || d + 1 == v) {
      return null;
    }
    long by = c.constant(divisor) & 0xFFFFFFFFL;
    BitSet after = liveAfter(w);
    for (int k = 0; k < 8; k++) { // temps.get(7 - k): lane k's (lane 0's may be d's low half: splat overwrites it)
      int t = temps.get(7 - k);
      if (k == 0 && t == d) {
        continue;
      }
      if (t == v || t == v + 1 || t == d || t == d + 1 || t == divisor || after.get(t)) {
        return null;
      }
    }
    if (by == 0) {
      return null; // a trap: left as it is
    }
    Node a = build(ch, v, start, w, -1, 16);
    if (a == null) {
      return null;
    }
    for (int at = start; at <= w; at++) {
      ch.ops.add(pcs[at]);
    }
    Node n = new Node(DIV, a, null, by, -1, null);
    n.mask = mask;
    return n;
  }

  /**
   * The index of the instruction before instruction {@code i}, in its straight-line run, that
   * last wrote v128 register {@code r}, or -1 if none does or one writes only a half of it.
   */
  private int writer(int r, int i) {
    for (int j = i - 1; j >= runStart[i]; j--) {
      int[] halves = new int[1];
      Chunks.operands(c, pcs[j], (x, written) -> {
        if (written && (x == r || x == r + 1)) {
          halves[0] |= 1 << (x - r);
        }
      });
      if (halves[0] == 3 && Op.of(code[pcs[j]]).shape().charAt(0) == 'V' && code[pcs[j] + 1] == r) {
        return j;
      }
      if (halves[0] != 0) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * True if the value that instruction {@code w} writes to v128 register {@code r} is read only
   * by instructions {@code from} to {@code i}: by nothing before, and not after {@code i}
   * (overwritten there, or dead).
   */
  private boolean feeds(int w, int r, int from, int i) {
    if (c.hasLaneLocals(r) || c.hasLaneLocals(r + 1)) {
      return false;
    }
    for (int j = w + 1; j < from; j++) {
      boolean[] read = new boolean[1];
      Chunks.operands(c, pcs[j], (x, written) -> read[0] |= !written && (x == r || x == r + 1));
      if (read[0]) {
        return false;
      }
    }
    int[] halves = new int[1];
    Chunks.operands(c, pcs[i], (x, written) -> {
      if (written && (x == r || x == r + 1)) {
        halves[0] |= 1 << (x - r);
      }
    });
    if (halves[0] == 3) {
      return true;
    }
    BitSet live = liveAfter(i);
    return !live.get(r) && !live.get(r + 1);
  }

  /**
   * The registers that some path reads after instruction {@code i} (not a branch) before writing
   * them: those live at the next instruction ({@link FunctionCompiler#liveAt}, every register past
   * the end or in a function too large for {@link Liveness}).
   */
  private BitSet liveAfter(int i) {
    return c.liveAt(java.util.List.of(i + 1 < pcs.length ? pcs[i + 1] : code.length));
  }

  /**
   * Sets the interval of {@code n}'s lanes (of {@code width} bits) from its operands'; false if a
   * lane may leave the signed lane or the interval is wider than {@code 0x7FFF}.
   */
  private static boolean bound(Node n, int width) {
    if (n.kind != LEAF && n.kind != CONST) {
      if (!bound(n.a, width) || (n.b != null && !bound(n.b, width))) {
        return false;
      }
    }
    switch (n.kind) {
      case LEAF: n.lo = 0; n.hi = 0xFF; break;
      case CONST: break;
      case ADD: n.lo = n.a.lo + n.b.lo; n.hi = n.a.hi + n.b.hi; break;
      case SUB: n.lo = n.a.lo - n.b.hi; n.hi = n.a.hi - n.b.lo; break;
      case SHL:
        if (n.k >= 16) {
          return false;
        }
        n.lo = n.a.lo << n.k;
        n.hi = n.a.hi << n.k;
        break;
      case MIN: n.lo = Math.min(n.a.lo, n.k); n.hi = Math.min(n.a.hi, n.k); break;
      case AND: // of lanes in [0, 2^15): at most either
        if (n.a.lo < 0) {
          return false;
        }
        n.lo = 0;
        n.hi = Math.min(n.a.hi, n.k & 0x7FFF);
        break;
      case DIV: { // of the unsigned 16-bit lanes, masked first: lanes in [0, 2^15) whose mask keeps all
        long ones = Long.highestOneBit(n.a.hi) * 2 - 1;
        if (n.a.lo != 0 || (n.mask != -1 && (ones & ~n.mask) != 0)) {
          return false;
        }
        n.lo = 0;
        n.hi = n.a.hi / n.k;
        n.shift = -1;
        for (int s = 0; s <= 16 && n.shift < 0; s++) { // floor(x * m / 2^s) == floor(x / C) for x <= hi
          long m = ((1L << s) + n.k - 1) / n.k;
          if ((m * n.k - (1L << s)) * n.a.hi < (1L << s) && m * n.a.hi < (1L << 32)) {
            n.shift = s;
            n.mul = m;
          }
        }
        if (n.shift < 0) {
          return false;
        }
        break;
      }
      default: n.lo = Math.max(n.a.lo, n.k); n.hi = Math.max(n.a.hi, n.k); break;
    }
    return n.lo >= -(1L << (width - 1)) && n.hi < (1L << (width - 1)) && n.hi - n.lo <= 0x7FFF;
  }

  private static int laneWidth(Opcode w) {
    return 128 / org.wasmj.ir.SimdForm.laneCount(w);
  }

  /**
   * Pushes {@code n}'s value, as offsets from its low end, for the even ({@code odd} 0) or odd
   * bytes of half {@code k}: four 16-bit lanes in a {@code long}.
   */
  private static void push(FunctionCompiler c, Node n, int k, int odd) {
    MethodVisitor mv = c.mv();
    switch (n.kind) {
      case LEAF:
        c.loadL(n.source + k);
        if (odd == 1) {
          c.pushInt(8);
          mv.visitInsn(LUSHR);
        }
        c.pushLong(EVEN_BYTES);
        mv.visitInsn(LAND);
        return;
      case CONST:
        c.pushLong(0);
        return;
      case ADD: // lo = lo_a + lo_b: the offsets add
        push(c, n.a, k, odd);
        push(c, n.b, k, odd);
        mv.visitInsn(LADD);
        return;
      case SUB: // v_a - v_b - (lo_a - hi_b) = u_a + (hi_b - lo_b - u_b)
        push(c, n.a, k, odd);
        c.pushLong((n.b.hi - n.b.lo) * 0x0001000100010001L);
        push(c, n.b, k, odd);
        mv.visitInsn(LSUB);
        mv.visitInsn(LADD);
        return;
      case SHL:
        push(c, n.a, k, odd);
        c.pushInt((int) n.k);
        mv.visitInsn(LSHL);
        return;
      case AND: // v & K (the value itself, not its offset)
        push(c, n.a, k, odd);
        if (n.a.lo != 0) {
          c.pushLong(n.a.lo * 0x0001000100010001L);
          mv.visitInsn(LADD);
        }
        if (((Long.highestOneBit(n.a.hi) * 2 - 1) & ~n.k) != 0) { // else it keeps every bit
          c.pushLong((n.k & 0xFFFF) * 0x0001000100010001L);
          mv.visitInsn(LAND);
        }
        return;
      case DIV: // lanes 0, 2 and 1, 3 apart in 32-bit slots, each multiplied and shifted
        for (int high = 0; high < 2; high++) {
          push(c, n.a, k, odd);
          if (high == 1) {
            c.pushInt(16);
            mv.visitInsn(LUSHR);
          }
          c.pushLong(0x0000FFFF0000FFFFL);
          mv.visitInsn(LAND);
          c.pushLong(n.mul);
          mv.visitInsn(LMUL);
          if (n.shift > 0) {
            c.pushInt(n.shift);
            mv.visitInsn(LUSHR);
          }
          c.pushLong(0x0000FFFF0000FFFFL);
          mv.visitInsn(LAND);
          if (high == 1) {
            c.pushInt(16);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
          }
        }
        return;
      default:
        minMax(c, n, k, odd);
    }
  }

  /** A {@code min} or {@code max} with a constant: a select on the lanes above {@code K = C - lo_a}. */
  private static void minMax(FunctionCompiler c, Node n, int k, int odd) {
    MethodVisitor mv = c.mv();
    Node a = n.a;
    long bound = n.k - a.lo; // K, in a's offsets
    if (n.kind == MIN ? n.k >= a.hi : n.k <= a.lo) {
      push(c, a, k, odd); // the bound is never reached
      return;
    }
    if (n.kind == MIN ? n.k <= a.lo : n.k >= a.hi) {
      c.pushLong(0); // every lane is the bound
      return;
    }
    long ks = bound * 0x0001000100010001L;
    push(c, a, k, odd); // u
    mv.visitInsn(DUP2); // u u
    c.pushLong((0x7FFF - bound) * 0x0001000100010001L);
    mv.visitInsn(LADD);
    c.pushInt(15);
    mv.visitInsn(LUSHR);
    c.pushLong(0x0001000100010001L);
    mv.visitInsn(LAND);
    c.pushLong(0xFFFF);
    mv.visitInsn(LMUL); // u m (all ones in the lanes where u > K)
    if (n.kind == MIN) { // u ^ ((u ^ K) & m); lo stays lo_a
      mv.visitInsn(DUP2_X2); // m u m
      mv.visitInsn(POP2); // m u
      mv.visitInsn(DUP2_X2); // u m u
      c.pushLong(ks);
      mv.visitInsn(LXOR);
      mv.visitInsn(LAND);
      mv.visitInsn(LXOR);
    } else { // (u & m) - (K & m); lo becomes C
      mv.visitInsn(DUP2_X2); // m u m
      mv.visitInsn(LAND); // m (u & m)
      mv.visitInsn(DUP2_X2); // (u & m) m (u & m)
      mv.visitInsn(POP2); // (u & m) m
      c.pushLong(ks);
      mv.visitInsn(LAND);
      mv.visitInsn(LSUB);
    }
  }
}
