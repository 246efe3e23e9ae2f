package org.wasmj.cli;

import java.io.PrintStream;
import java.util.List;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Func;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;

/**
 * {@code wasmj run}: instantiates a module and calls an export with arguments parsed by its
 * signature ({@code --invoke}), printing each result on its own line; without {@code --invoke}
 * it calls {@code _start}.
 */
final class Runner {
  private Runner() {}

  static void run(Engine engine, byte[] bytes, String invoke, List<String> args, PrintStream out) {
    Module module = Module.compile(engine, bytes);
    Store<Void> store = new Store<>(engine, null);
    Instance instance = new Linker<Void>(engine).instantiate(store, module);
    String name = invoke != null ? invoke : "_start";
    Func f = instance.getFunc(name);
    FuncType type = f.type();
    if (args.size() != type.paramCount()) {
      throw new UsageException(name + " takes " + type.paramCount() + " arguments " + type
          + ", got " + args.size());
    }
    Val[] values = new Val[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = parse(type.param(i), args.get(i));
    }
    for (Val v : f.call(values)) {
      out.println(format(v));
    }
  }

  /** A command-line value of {@code type}: decimal (or 0x hex) integers, decimal floats. */
  static Val parse(ValType type, String text) {
    try {
      switch (type) {
        case I32: return Val.i32((int) parseInteger(text, 32));
        case I64: return Val.i64(parseInteger(text, 64));
        case F32: return Val.f32(Float.parseFloat(text));
        case F64: return Val.f64(Double.parseDouble(text));
        default: throw new UsageException("cannot pass a " + type + " on the command line");
      }
    } catch (NumberFormatException e) {
      throw new UsageException("'" + text + "' is not a valid " + type);
    }
  }

  private static long parseInteger(String text, int bits) {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    long v = digits.startsWith("0x") || digits.startsWith("0X")
        ? Long.parseUnsignedLong(digits.substring(2), 16)
        : Long.parseUnsignedLong(digits);
    if (bits == 32 && (negative ? v > 0x80000000L : v > 0xFFFFFFFFL)) {
      throw new NumberFormatException(text);
    }
    return negative ? -v : v;
  }

  /** How a result prints: integers signed, floats as Java prints them, references by name. */
  static String format(Val v) {
    switch (v.type()) {
      case I32: return Integer.toString(v.i32());
      case I64: return Long.toString(v.i64());
      case F32: return Float.toString(v.f32());
      case F64: return Double.toString(v.f64());
      case FUNCREF: return v.funcref() == null ? "null" : v.funcref().toString();
      default: return v.externref() == null ? "null" : String.valueOf(v.externref());
    }
  }

  /** A mistake on the command line: printed with the usage, exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
