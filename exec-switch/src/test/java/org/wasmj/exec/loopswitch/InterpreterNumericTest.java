package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.TrapException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.exec.WasmBuilder;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.ir.Semantics;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * The interpreter's numeric ops against the one source of truth, {@link Semantics}: every Wasm
 * scalar numeric instruction with a fixed signature runs on interesting values (zero, ±1,
 * MIN/MAX, NaNs with payloads, infinities, ±0.0, values next to conversion limits) in every
 * operand form the translator knows (registers; a constant right operand, which gives the
 * immediate forms; a constant left operand; constants only), and every comparison also as the
 * condition of {@code br_if} and {@code if} (fused compare-and-branch ops). Results must equal
 * Semantics' bit for bit, traps included; for NaN results see {@link #nanAllowed}.
 */
class InterpreterNumericTest {
  private static final ValType I32 = ValType.I32;
  private static final ValType I64 = ValType.I64;
  private static final ValType F32 = ValType.F32;
  private static final ValType F64 = ValType.F64;
  private static final int MAX_REPORTED = 20;

  private static final Engine ENGINE = new Engine(Config.defaults().withExecutor(SwitchProvider.NAME));

  /** Every scalar numeric instruction with a fixed signature: no memory, no SIMD, no immediates. */
  static final List<Opcode> OPS = Arrays.stream(Opcode.values())
      .filter(Opcode::hasSignature)
      .filter(op -> op.prefix() != 0xFD && op.immediates() == Opcode.Imm.NONE)
      .filter(op -> op.results().length == 1 && op.params().length >= 1)
      .filter(op -> Stream.concat(Arrays.stream(op.params()), Arrays.stream(op.results()))
          .allMatch(ValType::isNumber))
      .collect(Collectors.toList());

  /** Ops whose NaN results are exact bit operations, never a free choice. */
  private static final Set<Opcode> BIT_OPS = EnumSet.of(Opcode.F32_ABS, Opcode.F32_NEG, Opcode.F32_COPYSIGN,
      Opcode.F64_ABS, Opcode.F64_NEG, Opcode.F64_COPYSIGN, Opcode.F32_REINTERPRET_I32,
      Opcode.F64_REINTERPRET_I64, Opcode.I32_REINTERPRET_F32, Opcode.I64_REINTERPRET_F64);

  // ---- values: raw slots (i32 and f32 sign-extended, as the API passes them) ----

  private static final long[] I32_VALUES = ints(0, 1, -1, 2, -2, 3, 7, 31, 32, 33, 63, 64, 0x7F, 0x80,
      0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
      Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 0x12345678, 0x87654321, 0x55555555, 0xAAAAAAAA,
      16777217, -16777217, 0xFFFFFF80);

  private static final long[] I64_VALUES = {0, 1, -1, 2, -2, 3, 63, 64, 65, 127, 128, 0xFF,
      0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0x100000000L, -0x80000000L, -0x80000001L,
      Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1,
      0x123456789ABCDEF0L, (1L << 53) + 1, (1L << 24) + 1, 0x8000000000000001L,
      0xFFFFFFFFFFFFF800L, 0x7FFFFFFFFFFFFC00L, 0x7FFFFF8000000000L, 0x0020000000000001L,
      0x8000008000000001L};

  private static final long[] F32_VALUES = ints(
      0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x3F000000, 0xBF000000, 0x3FC00000,
      0xBFC00000, 0x40200000, 0xC0200000, 0x40600000, 0xBE800000, 0x3DCCCCCD,
      0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000, 0x80800000, 0x7F7FFFFF, 0xFF7FFFFF,
      0x7F800000, 0xFF800000,
      0x7FC00000, 0xFFC00000, 0x7FC12345, 0xFFD54321, 0x7FA00001, 0xFF800001, 0x7FFFFFFF,
      0x4EFFFFFF, 0x4F000000, 0xCF000000, 0xCF000001, 0x4F7FFFFF, 0x4F800000,
      0x5EFFFFFF, 0x5F000000, 0xDF000000, 0xDF000001, 0x5F7FFFFF, 0x5F800000,
      0xBF7FFFFF, 0x3F7FFFFF, 0x4B000001, 0x4B7FFFFF, 0x501502F9, 0xD01502F9);

  private static final long[] F64_VALUES = {
      0x0000000000000000L, 0x8000000000000000L, 0x3FF0000000000000L, 0xBFF0000000000000L,
      0x3FE0000000000000L, 0xBFE0000000000000L, 0x4004000000000000L, 0xC004000000000000L,
      0x400C000000000000L, 0x3FB999999999999AL,
      0x0000000000000001L, 0x8000000000000001L, 0x000FFFFFFFFFFFFFL, 0x0010000000000000L,
      0x7FEFFFFFFFFFFFFFL, 0xFFEFFFFFFFFFFFFFL, 0x7FF0000000000000L, 0xFFF0000000000000L,
      0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF8000000012345L, 0xFFFC000000000001L,
      0x7FF0000000000001L, 0x7FF4000000000000L, 0xFFF0000000000001L, 0x7FFFFFFFFFFFFFFFL,
      0x41DFFFFFFFC00000L, 0x41DFFFFFFFFFFFFFL, 0x41E0000000000000L, 0xC1E0000000000000L,
      0xC1E0000000200000L, 0xC1E00000001FFFFFL, 0x41EFFFFFFFE00000L, 0x41EFFFFFFFFFFFFFL,
      0x41F0000000000000L, 0x43DFFFFFFFFFFFFFL, 0x43E0000000000000L, 0xC3E0000000000000L,
      0xC3E0000000000001L, 0x43EFFFFFFFFFFFFFL, 0x43F0000000000000L, 0xBFEFFFFFFFFFFFFFL,
      0x3FEFFFFFFFFFFFFFL, 0x4330000000000001L, 0x4340000000000001L,
      0x47EFFFFFE0000000L, 0x47EFFFFFE0000001L, 0x47EFFFFFF0000000L, 0x36A0000000000000L,
      0x3690000000000000L, 0x3FF0000010000000L, 0x3FF0000030000000L, 0x3FF0000008000000L,
      0x380FFFFFC0000000L};

  /** Fewer values for the both-constants form, which makes one function per pair. */
  private static final int FEW = 12;

  private static long[] ints(int... values) {
    long[] out = new long[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = values[k];
    }
    return out;
  }

  private static long[] values(ValType t) {
    switch (t) {
      case I32: return I32_VALUES;
      case I64: return I64_VALUES;
      case F32: return F32_VALUES;
      default: return F64_VALUES;
    }
  }

  private static long[] few(ValType t) {
    long[] all = values(t);
    long[] out = new long[FEW];
    for (int k = 0; k < FEW; k++) {
      out[k] = all[(int) ((long) k * all.length / FEW)];
    }
    return out;
  }

  // ---- Semantics, by reflection ----



  private static Class<?> javaType(ValType t) {
    return t == I32 || t == F32 ? int.class : long.class;
  }

  private static final java.util.Map<Opcode, Method> METHODS = new java.util.concurrent.ConcurrentHashMap<>();

  static Method semantics(Opcode op) {
    return METHODS.computeIfAbsent(op, InterpreterNumericTest::findSemantics);
  }

  private static Method findSemantics(Opcode op) {
    Class<?>[] params = Arrays.stream(op.params()).map(InterpreterNumericTest::javaType).toArray(Class<?>[]::new);
    try {
      Method m = Semantics.class.getMethod(Semantics.methodName(op), params);
      assertEquals(javaType(op.results()[0]), m.getReturnType(), op.text());
      return m;
    } catch (NoSuchMethodException e) {
      throw new AssertionError("Semantics has no " + Semantics.methodName(op) + " for " + op.text(), e);
    }
  }

  /** Semantics' result as a raw slot (a {@code Long}), or the {@link TrapException} it threw. */
  static Object expected(Method m, Opcode op, long[] args) {
    Object[] boxed = new Object[args.length];
    for (int k = 0; k < args.length; k++) {
      boxed[k] = javaType(op.params()[k]) == int.class ? (Object) (int) args[k] : (Object) args[k];
    }
    try {
      Object r = m.invoke(null, boxed);
      return r instanceof Integer ? (long) (Integer) r : (Long) r;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof TrapException) {
        return e.getCause();
      }
      throw new AssertionError(op.text() + Arrays.toString(args), e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** The interpreter's result slot (a {@code Long}), or the {@link Throwable} it threw. */
  private static Object actual(TypedFunc f, long... args) {
    try {
      return f.call(args)[0];
    } catch (Throwable t) {
      return t;
    }
  }

  // ---- NaNs ----

  private static boolean isNaN(ValType t, long bits) {
    return t == F32 ? Float.isNaN(Float.intBitsToFloat((int) bits)) : Double.isNaN(Double.longBitsToDouble(bits));
  }

  /** Payload exactly the quiet bit; either sign. */
  private static boolean isCanonical(ValType t, long bits) {
    return t == F32 ? ((int) bits & 0x7FFFFFFF) == 0x7FC00000 : (bits & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L;
  }

  /** The quiet bit set; any other payload, either sign. */
  private static boolean isArithmetic(ValType t, long bits) {
    return isNaN(t, bits) && (t == F32 ? ((int) bits & 0x00400000) != 0 : (bits & 0x0008000000000000L) != 0);
  }

  /**
   * Whether a NaN result {@code bits} is one the spec allows for {@code op} on {@code args}. For
   * the arithmetic float operations the spec does not fix one NaN: the result is any canonical
   * NaN (of either sign) when every NaN operand is canonical, else any arithmetic (quiet) NaN.
   * Java leaves the same choice to the hardware and the JIT (which operand's payload an x86
   * {@code addss} propagates depends on the operand order C2 picks), so two runs of one
   * {@code Semantics} method may legitimately differ. So where Semantics' result is a NaN, any NaN
   * of the same allowed kind is accepted. {@code abs}, {@code neg}, {@code copysign} and the
   * reinterpretations are exact bit operations: their NaNs must match bit for bit.
   */
  static boolean nanAllowed(Opcode op, long[] args, long bits) {
    ValType t = op.results()[0];
    if (BIT_OPS.contains(op) || !isNaN(t, bits)) {
      return false;
    }
    boolean allCanonical = true;
    for (int k = 0; k < args.length; k++) {
      ValType p = op.params()[k];
      if ((p == F32 || p == F64) && isNaN(p, args[k]) && !isCanonical(p, args[k])) {
        allCanonical = false;
      }
    }
    return allCanonical ? isCanonical(t, bits) : isArithmetic(t, bits);
  }

  private static String hex(ValType t, long bits) {
    return t == I32 || t == F32 ? "0x" + Integer.toHexString((int) bits) : "0x" + Long.toHexString(bits);
  }

  /** Null if {@code actual} matches {@code expected} for {@code op(args)}, else why not. */
  static String compare(Opcode op, long[] args, Object expected, Object actual) {
    ValType t = op.results()[0];
    String call = op.text() + Arrays.stream(args).mapToObj(Long::toHexString).collect(Collectors.joining(", ", "(", ")"));
    if (expected instanceof TrapException) {
      TrapException e = (TrapException) expected;
      if (actual instanceof TrapException && ((TrapException) actual).kind() == e.kind()
          && e.getMessage().equals(((TrapException) actual).getMessage())) {
        return null;
      }
      return call + ": expected trap " + e.kind() + ", got " + describe(t, actual);
    }
    if (!(actual instanceof Long)) {
      return call + ": expected " + hex(t, (Long) expected) + ", got " + describe(t, actual);
    }
    long e = (Long) expected;
    long a = (Long) actual;
    boolean narrow = t == I32 || t == F32;
    if (narrow ? (int) e == (int) a : e == a) {
      return null;
    }
    if ((t == F32 || t == F64) && isNaN(t, e)) {
      if (!nanAllowed(op, args, e)) {
        return call + ": Semantics gives " + hex(t, e) + ", a NaN the spec does not allow";
      }
      if (nanAllowed(op, args, a)) {
        return null;
      }
    }
    return call + ": expected " + hex(t, e) + ", got " + hex(t, a);
  }

  private static String describe(ValType t, Object actual) {
    if (actual instanceof Long) {
      return hex(t, (Long) actual);
    }
    return actual instanceof TrapException ? "trap " + ((TrapException) actual).kind() : actual.toString();
  }

  // ---- modules ----

  private static Instance instantiate(WasmBuilder b) {
    Module m = Module.compile(ENGINE, b.build());
    return new Linker<Void>(ENGINE).instantiate(Store.of(ENGINE), m);
  }

  private static TypedFunc typed(Instance i, String name, FuncType t) {
    return i.getTypedFunc(name, List.of(t.params()), List.of(t.results()));
  }

  private static FuncType type(ValType[] params, ValType result) {
    return FuncType.of(params, new ValType[] {result});
  }

  /** Every combination of {@code values(param k)}, for an op's parameters. */
  private static List<long[]> argumentTuples(ValType[] params) {
    List<long[]> out = new ArrayList<>();
    if (params.length == 1) {
      for (long a : values(params[0])) {
        out.add(new long[] {a});
      }
    } else {
      for (long a : values(params[0])) {
        for (long b : values(params[1])) {
          out.add(new long[] {a, b});
        }
      }
    }
    return out;
  }

  private static void report(Opcode op, String form, List<String> failures, int checked) {
    assertTrue(checked > 0, op.text() + " " + form + ": nothing checked");
    if (!failures.isEmpty()) {
      fail(op.text() + " (" + form + "): " + failures.size() + " of " + checked + " differ:\n  "
          + String.join("\n  ", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
    }
  }

  private static void check(Opcode op, List<String> failures, long[] args, Object actual) {
    String problem = compare(op, args, expected(semantics(op), op, args), actual);
    if (problem != null) {
      failures.add(problem);
    }
  }

  /** {@code op(p0, p1)} with both operands in registers (parameters). */
  private static void registers(Opcode op) {
    WasmBuilder b = new WasmBuilder();
    FuncType t = type(op.params(), op.results()[0]);
    Code c = new Code();
    for (int k = 0; k < op.params().length; k++) {
      c.localGet(k);
    }
    b.exportFunc("f", b.func(t, c.op(op)));
    TypedFunc f = typed(instantiate(b), "f", t);
    List<String> failures = new ArrayList<>();
    List<long[]> tuples = argumentTuples(op.params());
    for (long[] args : tuples) {
      check(op, failures, args, actual(f, args));
    }
    report(op, "registers", failures, tuples.size());
  }

  /** {@code op(p0, #c)}: one function per constant right operand. */
  private static void constantRight(Opcode op) {
    ValType[] p = op.params();
    WasmBuilder b = new WasmBuilder();
    FuncType t = type(new ValType[] {p[0]}, op.results()[0]);
    long[] constants = values(p[1]);
    for (int k = 0; k < constants.length; k++) {
      b.exportFunc("c" + k, b.func(t, new Code().localGet(0).constant(p[1], constants[k]).op(op)));
    }
    Instance i = instantiate(b);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int k = 0; k < constants.length; k++) {
      TypedFunc f = typed(i, "c" + k, t);
      for (long a : values(p[0])) {
        check(op, failures, new long[] {a, constants[k]}, actual(f, a));
        checked++;
      }
    }
    report(op, "constant right operand", failures, checked);
  }

  /** {@code op(#c, p0)}: one function per constant left operand. */
  private static void constantLeft(Opcode op) {
    ValType[] p = op.params();
    WasmBuilder b = new WasmBuilder();
    FuncType t = type(new ValType[] {p[1]}, op.results()[0]);
    long[] constants = values(p[0]);
    for (int k = 0; k < constants.length; k++) {
      b.exportFunc("c" + k, b.func(t, new Code().constant(p[0], constants[k]).localGet(0).op(op)));
    }
    Instance i = instantiate(b);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int k = 0; k < constants.length; k++) {
      TypedFunc f = typed(i, "c" + k, t);
      for (long a : values(p[1])) {
        check(op, failures, new long[] {constants[k], a}, actual(f, a));
        checked++;
      }
    }
    report(op, "constant left operand", failures, checked);
  }

  /** {@code op(#a)} or {@code op(#a, #b)}: constants only (what constant folding would see). */
  private static void constantsOnly(Opcode op) {
    ValType[] p = op.params();
    WasmBuilder b = new WasmBuilder();
    FuncType t = type(new ValType[0], op.results()[0]);
    List<long[]> tuples = new ArrayList<>();
    if (p.length == 1) {
      for (long a : values(p[0])) {
        tuples.add(new long[] {a});
      }
    } else {
      for (long a : few(p[0])) {
        for (long c : few(p[1])) {
          tuples.add(new long[] {a, c});
        }
      }
    }
    for (int k = 0; k < tuples.size(); k++) {
      Code c = new Code();
      for (int n = 0; n < p.length; n++) {
        c.constant(p[n], tuples.get(k)[n]);
      }
      b.exportFunc("c" + k, b.func(t, c.op(op)));
    }
    Instance i = instantiate(b);
    List<String> failures = new ArrayList<>();
    for (int k = 0; k < tuples.size(); k++) {
      check(op, failures, tuples.get(k), actual(typed(i, "c" + k, t)));
    }
    report(op, "constant operands", failures, tuples.size());
  }

  @TestFactory
  Stream<DynamicTest> everyOpWithRegisterOperands() {
    return OPS.stream().map(op -> DynamicTest.dynamicTest(op.text(), () -> registers(op)));
  }

  @TestFactory
  Stream<DynamicTest> everyBinaryOpWithAConstantRightOperand() {
    return OPS.stream().filter(op -> op.params().length == 2)
        .map(op -> DynamicTest.dynamicTest(op.text(), () -> constantRight(op)));
  }

  @TestFactory
  Stream<DynamicTest> everyBinaryOpWithAConstantLeftOperand() {
    return OPS.stream().filter(op -> op.params().length == 2)
        .map(op -> DynamicTest.dynamicTest(op.text(), () -> constantLeft(op)));
  }

  @TestFactory
  Stream<DynamicTest> everyOpWithConstantOperandsOnly() {
    return OPS.stream().map(op -> DynamicTest.dynamicTest(op.text(), () -> constantsOnly(op)));
  }

  // ---- comparisons as branch conditions ----

  /** The comparisons: every op with an i32 result and operands of one type (eqz included). */
  static final List<Opcode> COMPARES = OPS.stream()
      .filter(op -> op.text().matches("[if](32|64)\\.(eqz|eq|ne|lt|gt|le|ge)(_[su])?"))
      .collect(Collectors.toList());

  /** How the condition's operands are given. */
  enum Operands { REGISTERS, CONSTANT_RIGHT, CONSTANT_LEFT }

  /** How the condition is used; each function returns 1 if the condition held, else 0. */
  enum Shape {
    /** {@code block (result i32) i32.const 1; cond; br_if 0; drop; i32.const 0 end}: moves on the taken path. */
    BR_IF_MOVING,
    /** As {@link #BR_IF_MOVING} with the block's value computed in place: a plain fused branch. */
    BR_IF_IN_PLACE,
    /** {@code cond; if (result i32) 1 else 0 end}: the negated compare jumps to the else arm. */
    IF_ELSE,
    /** {@code cond; if; r = 1; end}: an if without else. */
    IF,
    /** {@code loop; cond; br_if}: a backward branch taken at most once (a local counts). */
    LOOP_BR_IF
  }

  /** Emits the condition: {@code op} on the operands as {@code form} says ({@code c} the constant). */
  private static void condition(Code code, Opcode op, Operands form, long c) {
    ValType p = op.params()[0];
    if (op.params().length == 1) {
      if (form == Operands.REGISTERS) {
        code.localGet(0);
      } else {
        code.constant(p, c);
      }
    } else if (form == Operands.REGISTERS) {
      code.localGet(0).localGet(1);
    } else if (form == Operands.CONSTANT_RIGHT) {
      code.localGet(0).constant(p, c);
    } else {
      code.constant(p, c).localGet(0);
    }
    code.op(op);
  }

  private static Code shaped(Opcode op, Shape shape, Operands form, long c, int scratch) {
    Code code = new Code();
    switch (shape) {
      case BR_IF_MOVING:
        code.block(I32).i32Const(1);
        condition(code, op, form, c);
        return code.brIf(0).drop().i32Const(0).end();
      case BR_IF_IN_PLACE:
        code.block(I32).i32Const(0).op(Opcode.I32_EQZ);
        condition(code, op, form, c);
        return code.brIf(0).drop().i32Const(0).end();
      case IF_ELSE:
        condition(code, op, form, c);
        return code.ifThen(I32).i32Const(1).elseThen().i32Const(0).end();
      case IF:
        code.i32Const(0).localSet(scratch);
        condition(code, op, form, c);
        return code.ifThen(null).i32Const(1).localSet(scratch).end().localGet(scratch);
      default: // LOOP_BR_IF: count loop entries; the branch back is taken once if the condition holds
        code.loop(null)
            .localGet(scratch).i32Const(1).op(Opcode.I32_ADD).localSet(scratch)
            .localGet(scratch).i32Const(1).op(Opcode.I32_EQ).ifThen(null);
        condition(code, op, form, c);
        return code.brIf(1).end().end().localGet(scratch).i32Const(1).op(Opcode.I32_SUB);
    }
  }

  private static void asCondition(Opcode op, Shape shape, Operands form) {
    ValType p = op.params()[0];
    boolean unary = op.params().length == 1;
    ValType[] params = form == Operands.REGISTERS ? op.params() : unary ? new ValType[0] : new ValType[] {p};
    FuncType t = type(params, I32);
    int scratch = params.length;
    long[] constants = form == Operands.REGISTERS ? new long[] {0} : values(p);
    WasmBuilder b = new WasmBuilder();
    for (int k = 0; k < constants.length; k++) {
      b.exportFunc("c" + k, b.func(t, new ValType[] {I32}, shaped(op, shape, form, constants[k], scratch)));
    }
    Instance i = instantiate(b);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int k = 0; k < constants.length; k++) {
      TypedFunc f = typed(i, "c" + k, t);
      List<long[]> tuples = form == Operands.REGISTERS ? argumentTuples(op.params())
          : unary ? List.of(new long[0]) : Arrays.stream(values(p)).mapToObj(a -> new long[] {a}).collect(Collectors.toList());
      for (long[] given : tuples) {
        long[] args = form == Operands.REGISTERS ? given
            : unary ? new long[] {constants[k]}
            : form == Operands.CONSTANT_RIGHT ? new long[] {given[0], constants[k]} : new long[] {constants[k], given[0]};
        check(op, failures, args, actual(f, given));
        checked++;
      }
    }
    report(op, shape + ", " + form, failures, checked);
  }

  @TestFactory
  Stream<DynamicTest> everyComparisonAsABranchCondition() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Opcode op : COMPARES) {
      for (Shape shape : Shape.values()) {
        for (Operands form : Operands.values()) {
          if (form == Operands.CONSTANT_LEFT && op.params().length == 1) {
            continue;
          }
          tests.add(DynamicTest.dynamicTest(op.text() + " " + shape + " " + form, () -> asCondition(op, shape, form)));
        }
      }
    }
    return tests.stream();
  }

  // ---- the harness itself ----

  @Test
  void theOpListIsComplete() {
    assertEquals(136, OPS.size(), OPS.toString());
    assertEquals(34, COMPARES.size(), COMPARES.toString());
    for (Opcode op : OPS) {
      semantics(op); // every op has its method, of the right shape
    }
    assertEquals("i32DivS", Semantics.methodName(Opcode.I32_DIV_S));
    assertEquals("f32ConvertI64U", Semantics.methodName(Opcode.F32_CONVERT_I64_U));
    assertEquals("i64TruncSatF64U", Semantics.methodName(Opcode.I64_TRUNC_SAT_F64_U));
  }

  @Test
  void theNaNRuleAcceptsOnlyWhatTheSpecAllows() {
    long canonical = 0x7FC00000;
    long negativeCanonical = 0xFFFFFFFFFFC00000L;
    long payload = 0x7FC12345;
    long signalling = 0x7FA00001;
    long[] canonicalIn = {canonical, 0x3F800000};
    long[] payloadIn = {payload, 0x3F800000};
    assertTrue(nanAllowed(Opcode.F32_ADD, canonicalIn, negativeCanonical));
    assertTrue(!nanAllowed(Opcode.F32_ADD, canonicalIn, payload), "canonical in, canonical out");
    assertTrue(nanAllowed(Opcode.F32_ADD, payloadIn, payload));
    assertTrue(nanAllowed(Opcode.F32_ADD, payloadIn, canonical));
    assertTrue(!nanAllowed(Opcode.F32_ADD, payloadIn, signalling), "never a signalling NaN");
    assertTrue(!nanAllowed(Opcode.F32_NEG, canonicalIn, negativeCanonical), "bit ops are exact");
    assertTrue(!nanAllowed(Opcode.F32_ADD, canonicalIn, 0x3F800000L), "not a NaN");
    assertEquals(null, compare(Opcode.F32_ADD, payloadIn, payload, canonical));
    assertTrue(compare(Opcode.F32_NEG, new long[] {payload}, 0xFFC12345L, canonical) != null);
  }
}
