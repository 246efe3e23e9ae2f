package org.wasmj.exec.loopswitch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wasmj.TrapException;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.TypedFunc;
import org.wasmj.exec.WasmBuilder;
import org.wasmj.exec.WasmBuilder.Code;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;
import org.wasmj.testsupport.Choices;

/**
 * The translator and interpreter against a reference evaluation: random functions over i32 and
 * i64 locals (nested expressions, {@code local.tee} inside operands, blocks and ifs with results,
 * {@code br_if} with a value, {@code select}, bounded loops) run on the interpreter and are
 * evaluated in Java with {@link org.wasmj.ir.Semantics}; results and traps must agree. These are
 * the shapes the register translator rewrites most: locals still on the stack when they are
 * overwritten, results retargeted into locals, constants turned into immediates, compares fused
 * into branches, block results placed in temporaries.
 */
class RandomProgramProperties {
  private static final ValType I32 = ValType.I32;
  private static final ValType I64 = ValType.I64;
  /** Parameters, then declared locals; the last {@link #LOOP_COUNTERS} locals count loop trips. */
  private static final ValType[] LOCALS = {I32, I32, I64, I32, I32, I64, I64, I32, I32, I32};
  private static final int PARAMS = 3;
  private static final int LOOP_COUNTERS = 3;
  private static final int FIRST_COUNTER = LOCALS.length - LOOP_COUNTERS;
  private static final Engine ENGINE = new Engine();

  private static final Opcode[] I32_BINARY = {Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_AND,
      Opcode.I32_OR, Opcode.I32_XOR, Opcode.I32_SHL, Opcode.I32_SHR_S, Opcode.I32_SHR_U, Opcode.I32_ROTL,
      Opcode.I32_ROTR, Opcode.I32_DIV_S, Opcode.I32_DIV_U, Opcode.I32_REM_S, Opcode.I32_REM_U,
      Opcode.I32_EQ, Opcode.I32_NE, Opcode.I32_LT_S, Opcode.I32_LT_U, Opcode.I32_GT_S, Opcode.I32_GT_U,
      Opcode.I32_LE_S, Opcode.I32_LE_U, Opcode.I32_GE_S, Opcode.I32_GE_U};
  private static final Opcode[] I64_BINARY = {Opcode.I64_ADD, Opcode.I64_SUB, Opcode.I64_MUL, Opcode.I64_AND,
      Opcode.I64_OR, Opcode.I64_XOR, Opcode.I64_SHL, Opcode.I64_SHR_S, Opcode.I64_SHR_U, Opcode.I64_ROTL,
      Opcode.I64_ROTR, Opcode.I64_DIV_S, Opcode.I64_REM_U};
  private static final Opcode[] I64_COMPARE = {Opcode.I64_EQ, Opcode.I64_NE, Opcode.I64_LT_S, Opcode.I64_LT_U,
      Opcode.I64_GT_S, Opcode.I64_GE_U, Opcode.I64_LE_S};
  private static final Opcode[] I32_UNARY = {Opcode.I32_EQZ, Opcode.I32_CLZ, Opcode.I32_CTZ, Opcode.I32_POPCNT,
      Opcode.I32_EXTEND8_S, Opcode.I32_WRAP_I64, Opcode.I64_EQZ};
  private static final Opcode[] I64_UNARY = {Opcode.I64_CLZ, Opcode.I64_POPCNT, Opcode.I64_EXTEND_I32_S,
      Opcode.I64_EXTEND_I32_U, Opcode.I64_EXTEND16_S};
  private static final long[] CONSTANTS = {0, 1, -1, 2, 3, 7, 31, 32, 63, 64, 255, 0x7FFFFFFF, 0x80000000L,
      0xFFFFFFFFL, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 33, -5};

  // ---- the program ----

  /** An expression of type {@code type}. */
  interface Expr {
    ValType type();
  }

  record Const(ValType type, long value) implements Expr {}

  record Get(ValType type, int local) implements Expr {}

  record Tee(ValType type, int local, Expr value) implements Expr {}

  record Op(ValType type, Opcode op, Expr a, Expr b) implements Expr {} // b null for unary ops

  record Select(ValType type, Expr a, Expr b, Expr cond) implements Expr {}

  /** {@code if (result t) cond then {thenS; thenE} else {elseS; elseE}}. */
  record If(ValType type, Expr cond, List<Stmt> thenS, Expr thenE, List<Stmt> elseS, Expr elseE) implements Expr {}

  /** {@code block (result t) {body; brValue; brCond; br_if 0; drop; value}}. */
  record Block(ValType type, List<Stmt> body, Expr brValue, Expr brCond, Expr value) implements Expr {}

  /** {@code h(a, b, c)} directly, or through the table at {@code index} if it is not null. */
  record Call(ValType type, Expr a, Expr b, Expr c, Expr index) implements Expr {}

  /** A statement. */
  interface Stmt {}

  /** {@code h2(a, b)}: its two results go to {@code i64Local} and {@code i32Local}. */
  record Call2(Expr a, Expr b, int i64Local, int i32Local) implements Stmt {}

  record Set(int local, Expr value) implements Stmt {}

  record IfStmt(Expr cond, List<Stmt> thenS, List<Stmt> elseS) implements Stmt {}

  /** {@code counter = trips; loop {body; counter -= 1; br_if 0 (counter != 0)}}: at least one trip. */
  record Loop(int counter, int trips, List<Stmt> body) implements Stmt {}

  /** {@code block {before; cond; br_if 0; after}}. */
  record Skip(List<Stmt> before, Expr cond, List<Stmt> after) implements Stmt {}

  /**
   * Generates random programs of bounded size from jqwik's shrinkable {@link Choices}; choice 0
   * is always the simplest option (a constant, no statement), so shrinking simplifies programs.
   */
  static final class Generator {
    private final Choices random;
    private int counters;

    Generator(Choices random) {
      this.random = random;
    }

    /** A parameter or local of type {@code t}, not a loop counter. */
    private int local(ValType t) {
      int[] candidates = IntStream.range(0, FIRST_COUNTER).filter(l -> LOCALS[l] == t).toArray();
      return candidates[random.nextInt(candidates.length)];
    }

    Expr expr(ValType t, int depth) {
      int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(t == I32 ? 11 : 10);
      switch (choice) {
        case 0: {
          long c = CONSTANTS[random.nextInt(CONSTANTS.length)];
          return new Const(t, t == I32 ? (int) c : c);
        }
        case 1:
          return new Get(t, local(t));
        case 2:
          return new Tee(t, local(t), expr(t, depth - 1));
        case 3:
        case 4:
        case 5: {
          if (t == I32 && random.nextInt(4) == 3) {
            Opcode op = I64_COMPARE[random.nextInt(I64_COMPARE.length)];
            return new Op(t, op, expr(I64, depth - 1), expr(I64, depth - 1));
          }
          Opcode[] ops = t == I32 ? I32_BINARY : I64_BINARY;
          Opcode op = ops[random.nextInt(ops.length)];
          return new Op(t, op, expr(t, depth - 1), expr(t, depth - 1));
        }
        case 6: {
          Opcode[] ops = t == I32 ? I32_UNARY : I64_UNARY;
          Opcode op = ops[random.nextInt(ops.length)];
          return new Op(t, op, expr(op.params()[0], depth - 1), null);
        }
        case 7:
          return new Select(t, expr(t, depth - 1), expr(t, depth - 1), expr(I32, depth - 1));
        case 10:
          return new Call(t, expr(I32, depth - 1), expr(I64, depth - 1), expr(I32, depth - 1),
              !random.nextBoolean() ? null : random.nextInt(8) == 7 ? new Const(I32, 1) : new Const(I32, 0));
        case 8:
          return new If(t, expr(I32, depth - 1), stmts(depth - 1), expr(t, depth - 1), stmts(depth - 1),
              expr(t, depth - 1));
        default:
          return new Block(t, stmts(depth - 1), expr(t, depth - 1), expr(I32, depth - 1), expr(t, depth - 1));
      }
    }

    List<Stmt> stmts(int depth) {
      List<Stmt> out = new ArrayList<>();
      for (int n = random.nextInt(depth <= 0 ? 2 : 4); n > 0; n--) {
        out.add(stmt(depth));
      }
      return out;
    }

    Stmt stmt(int depth) {
      int choice = depth <= 0 ? 0 : random.nextInt(7);
      switch (choice) {
        case 0:
        case 1:
        case 2: {
          ValType t = random.nextBoolean() ? I32 : I64;
          return new Set(local(t), expr(t, depth - 1));
        }
        case 3:
          return new IfStmt(expr(I32, depth - 1), stmts(depth - 1), stmts(depth - 1));
        case 4:
          if (counters < LOOP_COUNTERS) {
            int counter = FIRST_COUNTER + counters++;
            Loop loop = new Loop(counter, 1 + random.nextInt(3), stmts(depth - 1));
            counters--;
            return loop;
          }
          return new Set(local(I32), expr(I32, depth - 1));
        case 6:
          return new Call2(expr(I32, depth - 1), expr(I64, depth - 1), local(I64), local(I32));
        default:
          return new Skip(stmts(depth - 1), expr(I32, depth - 1), stmts(depth - 1));
      }
    }
  }

  // ---- Wasm ----

  static void emit(Code c, Expr e) {
    if (e instanceof Const) {
      c.constant(e.type(), ((Const) e).value());
    } else if (e instanceof Get) {
      c.localGet(((Get) e).local());
    } else if (e instanceof Tee) {
      emit(c, ((Tee) e).value());
      c.localTee(((Tee) e).local());
    } else if (e instanceof Op) {
      Op o = (Op) e;
      emit(c, o.a());
      if (o.b() != null) {
        emit(c, o.b());
      }
      c.op(o.op());
    } else if (e instanceof Select) {
      Select s = (Select) e;
      emit(c, s.a());
      emit(c, s.b());
      emit(c, s.cond());
      c.op(Opcode.SELECT);
    } else if (e instanceof Call) {
      Call k = (Call) e;
      emit(c, k.a());
      emit(c, k.b());
      emit(c, k.c());
      if (k.index() == null) {
        c.call(H);
      } else {
        emit(c, k.index());
        c.callIndirect(H_TYPE, 0);
      }
    } else if (e instanceof If) {
      If i = (If) e;
      emit(c, i.cond());
      c.ifThen(i.type());
      emit(c, i.thenS());
      emit(c, i.thenE());
      c.elseThen();
      emit(c, i.elseS());
      emit(c, i.elseE());
      c.end();
    } else {
      Block b = (Block) e;
      c.block(b.type());
      emit(c, b.body());
      emit(c, b.brValue());
      emit(c, b.brCond());
      c.brIf(0).drop();
      emit(c, b.value());
      c.end();
    }
  }

  static void emit(Code c, List<Stmt> stmts) {
    for (Stmt s : stmts) {
      if (s instanceof Set) {
        emit(c, ((Set) s).value());
        c.localSet(((Set) s).local());
      } else if (s instanceof Call2) {
        Call2 k = (Call2) s;
        emit(c, k.a());
        emit(c, k.b());
        c.call(H2).localSet(k.i32Local()).localSet(k.i64Local());
      } else if (s instanceof IfStmt) {
        IfStmt i = (IfStmt) s;
        emit(c, i.cond());
        c.ifThen(null);
        emit(c, i.thenS());
        c.elseThen();
        emit(c, i.elseS());
        c.end();
      } else if (s instanceof Loop) {
        Loop l = (Loop) s;
        c.i32Const(l.trips()).localSet(l.counter()).loop(null);
        emit(c, l.body());
        c.localGet(l.counter()).i32Const(1).op(Opcode.I32_SUB).localTee(l.counter()).brIf(0).end();
      } else {
        Skip k = (Skip) s;
        c.block(null);
        emit(c, k.before());
        emit(c, k.cond());
        c.brIf(0);
        emit(c, k.after());
        c.end();
      }
    }
  }

  /** Function indices: the helpers first, the random function last. */
  private static final int H = 0;
  private static final int H2 = 1;
  /** The type index of {@code h}: the first type the module declares. */
  private static final int H_TYPE = 0;

  /** {@code h(a, b, c) = ((a * 31) ^ wrap(b >>> 3)) - c}. */
  static long h(int a, long b, int c) {
    return ((a * 31) ^ (int) (b >>> 3)) - c;
  }

  /** Adds {@code h} and {@code h2(a, b) = (b + a, a ^ 0x5A5A)}, and a table holding {@code h}. */
  private static void helpers(WasmBuilder b) {
    FuncType hType = FuncType.of(new ValType[] {I32, I64, I32}, new ValType[] {I32});
    if (b.typeIndex(hType) != H_TYPE) {
      throw new AssertionError("h's type must come first");
    }
    b.func(hType, new Code().localGet(0).i32Const(31).op(Opcode.I32_MUL)
        .localGet(1).i64Const(3).op(Opcode.I64_SHR_U).op(Opcode.I32_WRAP_I64).op(Opcode.I32_XOR)
        .localGet(2).op(Opcode.I32_SUB));
    b.func(FuncType.of(new ValType[] {I32, I64}, new ValType[] {I64, I32}),
        new Code().localGet(1).localGet(0).op(Opcode.I64_EXTEND_I32_S).op(Opcode.I64_ADD)
            .localGet(0).i32Const(0x5A5A).op(Opcode.I32_XOR));
    b.table(ValType.FUNCREF, 1, 1);
    b.elem(0, H);
  }

  // ---- the reference ----

  /** Thrown to leave a block early in the evaluation. */
  private static final class Branch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Branch() {
      super(null, null, false, false);
    }
  }

  static final class Evaluator {
    final long[] locals = new long[LOCALS.length];

    long eval(Expr e) {
      if (e instanceof Const) {
        return ((Const) e).value();
      } else if (e instanceof Get) {
        return locals[((Get) e).local()];
      } else if (e instanceof Tee) {
        long v = eval(((Tee) e).value());
        locals[((Tee) e).local()] = v;
        return v;
      } else if (e instanceof Op) {
        Op o = (Op) e;
        long a = eval(o.a());
        long[] args = o.b() == null ? new long[] {a} : new long[] {a, eval(o.b())};
        Object r = InterpreterNumericTest.expected(InterpreterNumericTest.semantics(o.op()), o.op(), args);
        if (r instanceof TrapException) {
          throw (TrapException) r;
        }
        return (Long) r;
      } else if (e instanceof Select) {
        Select s = (Select) e;
        long a = eval(s.a());
        long b = eval(s.b());
        return (int) eval(s.cond()) != 0 ? a : b;
      } else if (e instanceof Call) {
        Call k = (Call) e;
        int a = (int) eval(k.a());
        long b = eval(k.b());
        int c = (int) eval(k.c());
        if (k.index() != null && (int) eval(k.index()) != 0) {
          throw new TrapException(org.wasmj.TrapKind.UNDEFINED_ELEMENT);
        }
        return h(a, b, c);
      } else if (e instanceof If) {
        If i = (If) e;
        if ((int) eval(i.cond()) != 0) {
          run(i.thenS());
          return eval(i.thenE());
        }
        run(i.elseS());
        return eval(i.elseE());
      } else {
        Block b = (Block) e;
        run(b.body());
        long value = eval(b.brValue());
        if ((int) eval(b.brCond()) != 0) {
          return value;
        }
        return eval(b.value());
      }
    }

    void run(List<Stmt> stmts) {
      for (Stmt s : stmts) {
        if (s instanceof Set) {
          locals[((Set) s).local()] = eval(((Set) s).value());
        } else if (s instanceof Call2) {
          Call2 k = (Call2) s;
          int a = (int) eval(k.a());
          long b = eval(k.b());
          locals[k.i64Local()] = b + a;
          locals[k.i32Local()] = a ^ 0x5A5A;
        } else if (s instanceof IfStmt) {
          IfStmt i = (IfStmt) s;
          run((int) eval(i.cond()) != 0 ? i.thenS() : i.elseS());
        } else if (s instanceof Loop) {
          Loop l = (Loop) s;
          locals[l.counter()] = l.trips();
          do {
            run(l.body());
            locals[l.counter()] = (int) locals[l.counter()] - 1;
          } while ((int) locals[l.counter()] != 0);
        } else {
          Skip k = (Skip) s;
          try {
            run(k.before());
            if ((int) eval(k.cond()) != 0) {
              throw new Branch();
            }
            run(k.after());
          } catch (Branch taken) {
            // the block ends
          }
        }
      }
    }
  }

  // ---- the property ----

  private static final long[][] ARGUMENTS = {{0, 0, 0}, {1, -1, 5}, {-7, 3, Long.MIN_VALUE},
      {Integer.MIN_VALUE, -1, -1}, {12345, 31, 0x123456789L}, {Integer.MAX_VALUE, 64, 63}};

  @Provide
  Arbitrary<Choices> programs() {
    return Choices.upTo(4096); // about what a program of depth 4 uses at most
  }

  @Property
  void randomProgramsComputeWhatTheReferenceComputes(@ForAll("programs") Choices choices) {
    Generator g = new Generator(choices);
    List<Stmt> body = g.stmts(4);
    Expr result = g.expr(I32, 4);
    // the result also depends on every local, so that a wrong local shows
    Expr all = result;
    for (int l = 0; l < FIRST_COUNTER; l++) {
      Expr local = new Get(LOCALS[l], l);
      Expr asI32 = LOCALS[l] == I32 ? local : new Op(I32, Opcode.I32_WRAP_I64, local, null);
      all = new Op(I32, Opcode.I32_ADD, new Op(I32, Opcode.I32_ROTL, all, new Const(I32, 5)), asI32);
    }
    Code code = new Code();
    emit(code, body);
    emit(code, all);
    WasmBuilder b = new WasmBuilder();
    helpers(b);
    FuncType type = FuncType.of(Arrays.copyOf(LOCALS, PARAMS), new ValType[] {I32});
    b.exportFunc("f", b.func(type, Arrays.copyOfRange(LOCALS, PARAMS, LOCALS.length), code));
    byte[] wasm = b.build();
    Instance instance = new Linker<Void>(ENGINE).instantiate(Store.of(ENGINE), Module.compile(ENGINE, wasm));
    TypedFunc f = instance.getTypedFunc("f", List.of(type.params()), List.of(I32));
    for (long[] args : ARGUMENTS) {
      long[] typed = {(int) args[0], (int) args[1], args[2]};
      Evaluator reference = new Evaluator();
      System.arraycopy(typed, 0, reference.locals, 0, PARAMS);
      Object expected;
      try {
        reference.run(body);
        expected = (long) (int) reference.eval(all);
      } catch (TrapException t) {
        expected = t.kind();
      }
      Object actual;
      try {
        actual = (long) f.callI32(typed);
      } catch (TrapException t) {
        actual = t.kind();
      }
      if (!expected.equals(actual)) {
        throw new AssertionError(choices + ", arguments " + Arrays.toString(typed) + ": expected "
            + expected + ", got " + actual + "\nprogram: " + body + "\nresult: " + result + "\n"
            + Module.compile(ENGINE, wasm).disassemble("f") + "\nmodule: " + Arrays.toString(wasm));
      }
    }
  }
}
