package org.wasmj.examples.tracing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.spi.GuestInstance;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;
import org.wasmj.ir.SimdForm;
import org.wasmj.ir.SimdSemantics;
import org.wasmj.parser.Opcode;

/**
 * Every IR op that has a Wasm instruction's semantics ({@link Op#wasm()}), run generically from
 * the {@link Op} table: numeric ops and fused compare-and-branches call the {@link Semantics}
 * method named after their instruction, SIMD ops the {@link SimdSemantics} one as their
 * {@link SimdForm} says, and loads and stores take their width and sign from the instruction and
 * their addressing from the op's shape. Nothing here is written per op, so a new op with Wasm
 * semantics needs no code here.
 *
 * @implNote Each method is a {@link MethodHandle} adapted to take and return {@code long}s
 *     (narrowing to {@code int} where the method takes one, sign-extending an {@code int} result,
 *     as registers hold i32s); invoking a non-constant handle costs a few nanoseconds.
 */
final class SemanticOps {
  private SemanticOps() {}

  private static final Op[] OPS = Op.values();

  // What an op is, by ordinal: one of these kinds, and its method for the kinds that call one.
  private static final int NONE = 0;
  private static final int UNARY = 1; // d <- f(r)
  private static final int BINARY = 2; // d <- f(r, r)
  private static final int BINARY_I = 3; // d <- f(r, #i)
  private static final int BINARY_L = 4; // d <- f(r, #l)
  private static final int BRANCH = 5; // jump to t if f(r, r) != 0
  private static final int BRANCH_I = 6; // jump to t if f(r, #i) != 0
  private static final int LOAD = 7;
  private static final int STORE = 8;
  private static final int SIMD = 9;

  private static final int[] KIND = new int[OPS.length];
  private static final MethodHandle[] METHOD = new MethodHandle[OPS.length];
  /** Loads and stores: bytes accessed; negative if a load sign-extends. */
  private static final int[] WIDTH = new int[OPS.length];

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    Map<String, Method> scalar = methods(Semantics.class);
    Map<String, Method> simd = methods(SimdSemantics.class);
    for (Op op : OPS) {
      Opcode w = op.wasm();
      if (w == null) {
        continue; // control, moves, calls, tables...: TracingInterpreter's
      }
      int i = op.ordinal();
      String text = w.text();
      String name = Semantics.methodName(w);
      if (op.simd() != null) {
        KIND[i] = SIMD;
        if (simd.containsKey(name)) {
          METHOD[i] = adapt(simd.get(name));
        }
      } else if (text.contains(".load") || text.contains(".store")) {
        boolean load = text.contains(".load");
        KIND[i] = load ? LOAD : STORE;
        int bytes = accessBytes(text);
        WIDTH[i] = load && !text.endsWith("_u") ? -bytes : bytes;
      } else {
        METHOD[i] = adapt(require(scalar, name, op));
        switch (op.shape()) {
          case "dr": KIND[i] = UNARY; break;
          case "drr": KIND[i] = BINARY; break;
          case "dri": KIND[i] = BINARY_I; break;
          case "drl": KIND[i] = BINARY_L; break;
          case "rrt": KIND[i] = BRANCH; break;
          case "rit": KIND[i] = BRANCH_I; break;
          default: throw new IllegalStateException(op + ": unknown shape " + op.shape());
        }
      }
    }
  }

  /** Bytes a scalar load or store accesses: {@code i64.load16_s} 2, {@code f32.store} 4. */
  private static int accessBytes(String text) {
    String bits = text.substring(text.indexOf('.')).replaceAll("\\D", "");
    return bits.isEmpty() ? (text.startsWith("i32") || text.startsWith("f32") ? 4 : 8)
        : Integer.parseInt(bits) / 8;
  }

  /** The public static methods of {@code c} by name. */
  private static Map<String, Method> methods(Class<?> c) {
    Map<String, Method> byName = new HashMap<>();
    for (Method m : c.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        byName.put(m.getName(), m);
      }
    }
    return byName;
  }

  private static Method require(Map<String, Method> methods, String name, Op op) {
    Method m = methods.get(name);
    if (m == null) {
      throw new IllegalStateException(op + ": no method " + name);
    }
    return m;
  }

  /** {@code m} as a handle of {@code long}s only. */
  private static MethodHandle adapt(Method m) {
    try {
      MethodHandle h = MethodHandles.publicLookup().unreflect(m);
      MethodType longs = MethodType.methodType(long.class,
          Collections.nCopies(h.type().parameterCount(), long.class));
      return MethodHandles.explicitCastArguments(h, longs);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A 64-bit immediate at {@code at}: low half, then high half. */
  static long imm64(int[] code, int at) {
    return (code[at] & 0xFFFFFFFFL) | ((long) code[at + 1] << 32);
  }

  /** Runs the op at {@code pc} with registers {@code r}; returns the next pc. */
  static int run(int[] code, int pc, long[] r, GuestInstance inst) {
    int op = code[pc];
    MethodHandle f = METHOD[op];
    try {
      switch (KIND[op]) {
        case UNARY:
          r[code[pc + 1]] = (long) f.invokeExact(r[code[pc + 2]]);
          return pc + 3;
        case BINARY:
          r[code[pc + 1]] = (long) f.invokeExact(r[code[pc + 2]], r[code[pc + 3]]);
          return pc + 4;
        case BINARY_I:
          r[code[pc + 1]] = (long) f.invokeExact(r[code[pc + 2]], (long) code[pc + 3]);
          return pc + 4;
        case BINARY_L:
          r[code[pc + 1]] = (long) f.invokeExact(r[code[pc + 2]], imm64(code, pc + 3));
          return pc + 5;
        case BRANCH:
          return (long) f.invokeExact(r[code[pc + 1]], r[code[pc + 2]]) != 0 ? code[pc + 3] : pc + 4;
        case BRANCH_I:
          return (long) f.invokeExact(r[code[pc + 1]], (long) code[pc + 2]) != 0 ? code[pc + 3] : pc + 4;
        case LOAD:
          return load(OPS[op], code, pc, r, inst);
        case STORE:
          return store(OPS[op], code, pc, r, inst);
        case SIMD:
          return simd(OPS[op], f, code, pc, r, inst);
        default:
          throw new IllegalStateException("not an op with Wasm semantics: " + OPS[op]);
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) { // the methods throw nothing checked
      throw new IllegalStateException(e);
    }
  }

  /** {@code d <- mem[base + offset]}, the address as the op's shape says. */
  private static int load(Op op, int[] code, int pc, long[] r, GuestInstance inst) {
    int base = op.shape().equals("di") ? 0 : (int) r[code[pc + 2]];
    int offset;
    int mem = 0;
    switch (op.shape()) {
      case "di": offset = code[pc + 2]; break; // a constant address
      case "dri": offset = code[pc + 3]; break;
      case "drri": base += (int) r[code[pc + 3]]; offset = code[pc + 4]; break;
      case "drii": base += code[pc + 3]; offset = code[pc + 4]; break;
      default: offset = code[pc + 3]; mem = code[pc + 4]; break; // drix
    }
    int width = WIDTH[op.ordinal()];
    r[code[pc + 1]] = read(inst.memory(mem).bytes(), base, offset, Math.abs(width), width < 0);
    return pc + op.size();
  }

  /** {@code mem[base + offset] <- value}, the address and value as the op's shape says. */
  private static int store(Op op, int[] code, int pc, long[] r, GuestInstance inst) {
    int base = (int) r[code[pc + 1]];
    long value;
    int offset;
    int mem = 0;
    switch (op.shape()) {
      case "rri": value = r[code[pc + 2]]; offset = code[pc + 3]; break;
      case "rrri": base += (int) r[code[pc + 2]]; value = r[code[pc + 3]]; offset = code[pc + 4]; break;
      case "riri": base += code[pc + 2]; value = r[code[pc + 3]]; offset = code[pc + 4]; break;
      default: value = r[code[pc + 2]]; offset = code[pc + 3]; mem = code[pc + 4]; break; // rrix
    }
    write(inst.memory(mem).bytes(), base, offset, WIDTH[op.ordinal()], value);
    return pc + op.size();
  }

  /** The in-bounds index of {@code bytes} bytes at {@code base + offset} (both unsigned), or a trap. */
  private static int address(byte[] m, int base, int offset, int bytes) {
    long ea = (base & 0xFFFFFFFFL) + (offset & 0xFFFFFFFFL);
    if (ea > m.length - bytes) {
      throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }
    return (int) ea;
  }

  /** Reads {@code bytes} (1, 2, 4 or 8) little-endian, sign- or zero-extended. */
  private static long read(byte[] m, int base, int offset, int bytes, boolean signed) {
    int at = address(m, base, offset, bytes);
    switch (bytes) {
      case 1: return signed ? m[at] : m[at] & 0xFF;
      case 2: return signed ? (short) SHORT.get(m, at) : (short) SHORT.get(m, at) & 0xFFFF;
      case 4: return signed ? (int) INT.get(m, at) : (int) INT.get(m, at) & 0xFFFFFFFFL;
      default: return (long) LONG.get(m, at);
    }
  }

  /** Writes the low {@code bytes} (1, 2, 4 or 8) of {@code value} little-endian. */
  private static void write(byte[] m, int base, int offset, int bytes, long value) {
    int at = address(m, base, offset, bytes);
    switch (bytes) {
      case 1: m[at] = (byte) value; break;
      case 2: SHORT.set(m, at, (short) value); break;
      case 4: INT.set(m, at, (int) value); break;
      default: LONG.set(m, at, value); break;
    }
  }

  /** Writes a v128 result's halves, computed before either is written (they may overlap operands). */
  private static int put(long[] r, int reg, long lo, long hi, int next) {
    r[reg] = lo;
    r[reg + 1] = hi;
    return next;
  }

  /**
   * A SIMD op: its halves computed as its {@link SimdForm} says (operands as in the
   * {@code ir-register} README: {@code V} a v128 result, {@code v} a v128 source, two registers each).
   */
  private static int simd(Op op, MethodHandle f, int[] code, int pc, long[] r, GuestInstance inst)
      throws Throwable {
    Opcode w = op.wasm();
    int next = pc + op.size();
    int d = code[pc + 1];
    SimdForm form = op.simd();
    int half = form == SimdForm.EXTRACT || form == SimdForm.REPLACE || form == SimdForm.LOAD_LANE
        || form == SimdForm.STORE_LANE ? SimdForm.laneCount(w) / 2 : 0;
    int mem = op.shape().endsWith("x") ? code[pc + op.size() - 1] : 0;
    switch (form) {
      case CONST:
        return put(r, d, imm64(code, pc + 2), imm64(code, pc + 4), next);
      case SHUFFLE: {
        int a = code[pc + 2];
        int b = code[pc + 3];
        return put(r, d,
            (long) f.invokeExact(r[a], r[a + 1], r[b], r[b + 1], imm64(code, pc + 4)),
            (long) f.invokeExact(r[a], r[a + 1], r[b], r[b + 1], imm64(code, pc + 6)), next);
      }
      case SWIZZLE: {
        int a = code[pc + 2];
        int s = code[pc + 3];
        return put(r, d, (long) f.invokeExact(r[a], r[a + 1], r[s]),
            (long) f.invokeExact(r[a], r[a + 1], r[s + 1]), next);
      }
      case EXTRACT: {
        int lane = code[pc + 3];
        int v = code[pc + 2] + (lane < half ? 0 : 1);
        r[d] = (long) f.invokeExact(r[v], (long) (lane & (half - 1)));
        return next;
      }
      case REPLACE: {
        int v = code[pc + 2];
        long x = r[code[pc + 3]];
        int lane = code[pc + 4];
        long in = (long) (lane & (half - 1));
        return lane < half ? put(r, d, (long) f.invokeExact(r[v], x, in), r[v + 1], next)
            : put(r, d, r[v], (long) f.invokeExact(r[v + 1], x, in), next);
      }
      case SPLAT: {
        long x = (long) f.invokeExact(r[code[pc + 2]]);
        return put(r, d, x, x, next);
      }
      case UNARY: {
        int a = code[pc + 2];
        return put(r, d, (long) f.invokeExact(r[a]), (long) f.invokeExact(r[a + 1]), next);
      }
      case BINARY: {
        int a = code[pc + 2];
        int b = code[pc + 3];
        return put(r, d, (long) f.invokeExact(r[a], r[b]), (long) f.invokeExact(r[a + 1], r[b + 1]),
            next);
      }
      case TERNARY: {
        int a = code[pc + 2];
        int b = code[pc + 3];
        int c = code[pc + 4];
        return put(r, d, (long) f.invokeExact(r[a], r[b], r[c]),
            (long) f.invokeExact(r[a + 1], r[b + 1], r[c + 1]), next);
      }
      case SHIFT: {
        int a = code[pc + 2];
        long count = r[code[pc + 3]];
        return put(r, d, (long) f.invokeExact(r[a], count), (long) f.invokeExact(r[a + 1], count),
            next);
      }
      case REDUCE: {
        int a = code[pc + 2];
        r[d] = (long) f.invokeExact(r[a], r[a + 1]);
        return next;
      }
      case EXTEND_LOW:
      case EXTEND_HIGH: {
        long h = r[code[pc + 2] + (form == SimdForm.EXTEND_LOW ? 0 : 1)];
        return put(r, d, (long) f.invokeExact(h, 0L), (long) f.invokeExact(h, 1L), next);
      }
      case EXTMUL_LOW:
      case EXTMUL_HIGH: {
        int k = form == SimdForm.EXTMUL_LOW ? 0 : 1;
        long a = r[code[pc + 2] + k];
        long b = r[code[pc + 3] + k];
        return put(r, d, (long) f.invokeExact(a, b, 0L), (long) f.invokeExact(a, b, 1L), next);
      }
      case NARROW: {
        int a = code[pc + 2];
        int b = code[pc + 3];
        return put(r, d, (long) f.invokeExact(r[a], r[a + 1]), (long) f.invokeExact(r[b], r[b + 1]),
            next);
      }
      case ZERO: {
        int a = code[pc + 2];
        return put(r, d, (long) f.invokeExact(r[a], r[a + 1]), 0, next);
      }
      case LOAD: {
        byte[] m = inst.memory(mem).bytes();
        int at = address(m, (int) r[code[pc + 2]], code[pc + 3], 16);
        return put(r, d, (long) LONG.get(m, at), (long) LONG.get(m, at + 8), next);
      }
      case LOAD_EXTEND: {
        long x = read(inst.memory(mem).bytes(), (int) r[code[pc + 2]], code[pc + 3], 8, true);
        return put(r, d, (long) f.invokeExact(x, 0L), (long) f.invokeExact(x, 1L), next);
      }
      case LOAD_SPLAT: {
        int bytes = SimdForm.accessBits(w) / 8;
        long x = (long) f.invokeExact(
            read(inst.memory(mem).bytes(), (int) r[code[pc + 2]], code[pc + 3], bytes, true));
        return put(r, d, x, x, next);
      }
      case LOAD_ZERO: {
        int bytes = SimdForm.accessBits(w) / 8;
        return put(r, d,
            read(inst.memory(mem).bytes(), (int) r[code[pc + 2]], code[pc + 3], bytes, false), 0,
            next);
      }
      case LOAD_LANE: {
        int bytes = SimdForm.accessBits(w) / 8;
        long x = read(inst.memory(mem).bytes(), (int) r[code[pc + 2]], code[pc + 4], bytes, true);
        int v = code[pc + 3];
        int lane = code[pc + 5];
        long in = (long) (lane & (half - 1));
        return lane < half ? put(r, d, (long) f.invokeExact(r[v], x, in), r[v + 1], next)
            : put(r, d, r[v], (long) f.invokeExact(r[v + 1], x, in), next);
      }
      case STORE: {
        byte[] m = inst.memory(mem).bytes();
        int at = address(m, (int) r[code[pc + 1]], code[pc + 3], 16);
        LONG.set(m, at, r[code[pc + 2]]);
        LONG.set(m, at + 8, r[code[pc + 2] + 1]);
        return next;
      }
      default: { // STORE_LANE
        int bytes = SimdForm.accessBits(w) / 8;
        int v = code[pc + 2];
        int lane = code[pc + 4];
        long x = (long) f.invokeExact(r[v + (lane < half ? 0 : 1)], (long) (lane & (half - 1)));
        write(inst.memory(mem).bytes(), (int) r[code[pc + 1]], code[pc + 3], bytes, x);
        return next;
      }
    }
  }
}
