package org.wasmj.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmj.ExhaustionException;
import org.wasmj.InvalidModuleException;
import org.wasmj.MalformedModuleException;
import org.wasmj.TrapException;
import org.wasmj.UninstantiableException;
import org.wasmj.UnlinkableException;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Func;
import org.wasmj.exec.Global;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Memory;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Table;
import org.wasmj.exec.Val;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.Limits;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.spec.SpecSuiteTest.Profile;

/**
 * The commands of one spec test file, run in order on one engine: modules are instantiated in
 * one store, with the {@code spectest} host module and registered modules in one linker.
 * {@link #run} returns null when a command passed or was skipped (with a reason), else why it
 * failed; both are recorded in the {@link Report}.
 */
final class SpecFile {
  private final Path file;
  private final String rel;
  private final Profile profile;
  private final Engine engine;
  private final Report report;
  private final String executor;
  private final String mode;
  private final Store<Void> store;
  private final Linker<Void> linker;
  private final Map<String, Instance> named = new HashMap<>();
  private final Map<Long, HostRef> externs = new HashMap<>();
  private Instance current;

  /** An {@code externref} value made up by the test: equal ids are the same reference. */
  record HostRef(long id) {}

  SpecFile(Path file, String rel, Profile profile, Engine engine, Report report) {
    this.file = file;
    this.rel = rel;
    this.profile = profile;
    this.engine = engine;
    this.report = report;
    this.executor = engine.executorName();
    this.mode = engine.config().compilationMode().cliName();
    this.store = new Store<>(engine, null);
    this.linker = new Linker<Void>(engine).allowShadowing(true);
    defineSpectest();
  }

  /** The host module the spec tests import from: {@code print*} no-ops, globals, a table, a memory. */
  private void defineSpectest() {
    String[][] prints = {{"print"}, {"print_i32", "i32"}, {"print_i64", "i64"}, {"print_f32", "f32"},
        {"print_f64", "f64"}, {"print_i32_f32", "i32", "f32"}, {"print_f64_f64", "f64", "f64"}};
    for (String[] p : prints) {
      ValType[] params = new ValType[p.length - 1];
      for (int i = 1; i < p.length; i++) {
        params[i - 1] = valType(p[i]);
      }
      linker.func("spectest", p[0], FuncType.of(params, new ValType[0]), (caller, args) -> new Val[0]);
    }
    linker.define("spectest", "global_i32",
        Global.create(store, new GlobalType(ValType.I32, false), Val.i32(666)));
    linker.define("spectest", "global_i64",
        Global.create(store, new GlobalType(ValType.I64, false), Val.i64(666)));
    linker.define("spectest", "global_f32",
        Global.create(store, new GlobalType(ValType.F32, false), Val.f32(666.6f)));
    linker.define("spectest", "global_f64",
        Global.create(store, new GlobalType(ValType.F64, false), Val.f64(666.6)));
    linker.define("spectest", "table",
        Table.create(store, new TableType(ValType.FUNCREF, new Limits(10, 20)), Val.funcref(null)));
    linker.define("spectest", "memory", Memory.create(store, new MemoryType(new Limits(1, 2))));
  }

  /** Runs one command; returns null when it passed or was skipped, else why it failed. */
  String run(Map<?, ?> command) {
    String kind = (String) command.get("type");
    int line = ((Number) command.get("line")).intValue();
    String failure;
    try {
      failure = dispatch(kind, command, line);
    } catch (WasmException | IllegalArgumentException | IllegalStateException e) {
      failure = "unexpected " + e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      failure = "JVM exception reached the caller: " + e; // never allowed
    }
    if (failure == null) {
      return null;
    }
    report.fail(executor, mode, profile.name, rel, line, kind, String.valueOf(command.get("text")),
        failure);
    return rel + ":" + line + " " + kind + ": " + failure;
  }

  private String dispatch(String kind, Map<?, ?> command, int line) {
    switch (kind) {
      case "module":
        return module(command, line);
      case "assert_malformed":
      case "assert_invalid":
        return rejected(command, kind, line);
      case "assert_unlinkable":
      case "assert_uninstantiable":
        return notInstantiated(command, kind, line);
      case "register": {
        String name = (String) command.get("name");
        linker.instance((String) command.get("as"), name != null ? named.get(name) : current);
        return pass(kind);
      }
      case "action":
      case "assert_return":
      case "assert_trap":
      case "assert_exhaustion":
        return action(command, kind, line);
      default:
        return "unknown command type " + kind;
    }
  }

  private String module(Map<?, ?> command, int line) {
    String name = (String) command.get("name");
    byte[] bytes = read(command);
    current = null;
    current = linker.instantiate(store, Module.compile(engine, bytes));
    if (name != null) {
      named.put(name, current);
    }
    return pass("module");
  }

  /** assert_malformed / assert_invalid: the engine must reject the module as such. */
  private String rejected(Map<?, ?> command, String kind, int line) {
    if ("text".equals(command.get("module_type"))) {
      return skip(line, kind, "text format");
    }
    Class<? extends WasmException> expected =
        kind.equals("assert_malformed") ? MalformedModuleException.class : InvalidModuleException.class;
    byte[] bytes = read(command);
    Throwable error = compileFully(bytes);
    if (!expected.isInstance(error)) {
      return "expected " + expected.getSimpleName() + ", got " + (error == null ? "success" : error);
    }
    checkMessage(command, kind, line, error);
    return pass(kind);
  }

  /** assert_unlinkable / assert_uninstantiable. */
  private String notInstantiated(Map<?, ?> command, String kind, int line) {
    byte[] bytes = read(command);
    Class<? extends WasmException> expected =
        kind.equals("assert_unlinkable") ? UnlinkableException.class : UninstantiableException.class;
    Throwable error = null;
    try {
      Module m = Module.compile(engine, bytes);
      linker.instantiate(store, m);
    } catch (WasmException e) {
      error = e;
    }
    if (!expected.isInstance(error)) {
      return "expected " + expected.getSimpleName() + ", got " + (error == null ? "success" : error);
    }
    checkMessage(command, kind, line, error);
    return pass(kind);
  }

  private String action(Map<?, ?> command, String kind, int line) {
    Map<?, ?> action = (Map<?, ?>) command.get("action");
    String moduleName = (String) action.get("module");
    Instance target = moduleName != null ? named.get(moduleName) : current;
    if (target == null) {
      return "no module to run the action on";
    }
    Val[] results;
    try {
      results = perform(target, action);
    } catch (TrapException e) {
      if (kind.equals("assert_trap")) {
        checkMessage(command, kind, line, e);
        return pass(kind);
      }
      return "unexpected trap: " + e.getMessage();
    } catch (ExhaustionException e) {
      if (kind.equals("assert_exhaustion")) {
        checkMessage(command, kind, line, e);
        return pass(kind);
      }
      return "unexpected exhaustion: " + e.getMessage();
    }
    if (kind.equals("assert_trap") || kind.equals("assert_exhaustion")) {
      return "expected " + command.get("text") + ", got results " + List.of(results);
    }
    if (kind.equals("assert_return")) {
      List<?> expected = (List<?>) command.get("expected");
      if (expected.size() != results.length || !matchAll(expected, results)) {
        return "expected " + expected + ", got " + List.of(results);
      }
    }
    return pass(kind);
  }

  private Val[] perform(Instance target, Map<?, ?> action) {
    String field = (String) action.get("field");
    if ("get".equals(action.get("type"))) {
      return new Val[] {target.getGlobal(field).get()};
    }
    Func f = target.getFunc(field);
    List<?> args = (List<?>) action.get("args");
    Val[] values = new Val[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value((Map<?, ?>) args.get(i));
    }
    return f.call(values);
  }

  private boolean matchAll(List<?> expected, Val[] actual) {
    for (int i = 0; i < actual.length; i++) {
      if (!matches((Map<?, ?>) expected.get(i), actual[i])) {
        return false;
      }
    }
    return true;
  }

  private boolean matches(Map<?, ?> expected, Val actual) {
    ValType type = valType((String) expected.get("type"));
    if (actual.type() != type) {
      return false;
    }
    if (type == ValType.V128) {
      return matchesV128(expected, actual);
    }
    String v = (String) expected.get("value");
    switch (type) {
      case F32: {
        int bits = (int) actual.bits();
        if (v.equals("nan:canonical")) {
          return (bits & 0x7FFFFFFF) == 0x7FC00000;
        } else if (v.equals("nan:arithmetic")) {
          return (bits & 0x7FC00000) == 0x7FC00000;
        }
        return bits == Integer.parseUnsignedInt(v);
      }
      case F64: {
        long bits = actual.bits();
        if (v.equals("nan:canonical")) {
          return (bits & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L;
        } else if (v.equals("nan:arithmetic")) {
          return (bits & 0x7FF8000000000000L) == 0x7FF8000000000000L;
        }
        return bits == Long.parseUnsignedLong(v);
      }
      case FUNCREF:
        return v.equals("null") ? actual.funcref() == null : actual.funcref() != null;
      case EXTERNREF:
        return v.equals("null") ? actual.externref() == null : actual.externref() == extern(v);
      default:
        return actual.equals(value(expected));
    }
  }

  /** A v128 lane by lane: {@code nan:canonical} / {@code nan:arithmetic} per float lane. */
  private static boolean matchesV128(Map<?, ?> expected, Val actual) {
    String laneType = (String) expected.get("lane_type");
    List<?> lanes = (List<?>) expected.get("value");
    int bits = 128 / lanes.size();
    for (int i = 0; i < lanes.size(); i++) {
      String v = (String) lanes.get(i);
      long lane = lane(actual, i, bits);
      if (v.startsWith("nan:")) {
        boolean canonical = v.equals("nan:canonical");
        if (laneType.equals("f32")) {
          int mask = canonical ? 0x7FFFFFFF : 0x7FC00000;
          if (((int) lane & mask) != 0x7FC00000) {
            return false;
          }
        } else {
          long mask = canonical ? 0x7FFFFFFFFFFFFFFFL : 0x7FF8000000000000L;
          if ((lane & mask) != 0x7FF8000000000000L) {
            return false;
          }
        }
      } else if (lane != (Long.parseUnsignedLong(v) & laneMask(bits))) {
        return false;
      }
    }
    return true;
  }

  /** Lane {@code i} of {@code bits} bits of a v128, zero-extended. */
  private static long lane(Val v, int i, int bits) {
    int bit = i * bits;
    long half = bit < 64 ? v.bits() : v.high();
    return (half >>> (bit & 63)) & laneMask(bits);
  }

  private static long laneMask(int bits) {
    return bits == 64 ? -1L : (1L << bits) - 1;
  }

  private static Val v128(Map<?, ?> json) {
    List<?> lanes = (List<?>) json.get("value");
    int bits = 128 / lanes.size();
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < lanes.size(); i++) {
      long lane = Long.parseUnsignedLong((String) lanes.get(i)) & laneMask(bits);
      int bit = i * bits;
      if (bit < 64) {
        lo |= lane << bit;
      } else {
        hi |= lane << (bit - 64);
      }
    }
    return Val.v128(lo, hi);
  }

  private Val value(Map<?, ?> json) {
    if ("v128".equals(json.get("type"))) {
      return v128(json);
    }
    String v = (String) json.get("value");
    switch (valType((String) json.get("type"))) {
      case I32: return Val.i32((int) Long.parseUnsignedLong(v));
      case I64: return Val.i64(Long.parseUnsignedLong(v));
      case F32: return Val.fromBits(ValType.F32, Integer.parseUnsignedInt(v));
      case F64: return Val.fromBits(ValType.F64, Long.parseUnsignedLong(v));
      case FUNCREF: return Val.funcref(null); // the suite passes only null funcrefs
      case EXTERNREF: return Val.externref(v.equals("null") ? null : extern(v));
      default: throw new IllegalArgumentException("value of type " + json.get("type"));
    }
  }

  private HostRef extern(String id) {
    return externs.computeIfAbsent(Long.parseLong(id), HostRef::new);
  }

  private static ValType valType(String name) {
    for (ValType t : ValType.values()) {
      if (t.toString().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown value type " + name);
  }

  /**
   * Compiles and, in the {@code lazy} mode, translates every function (which is when that mode
   * validates bodies); returns the error, or null.
   */
  private Throwable compileFully(byte[] bytes) {
    try {
      Module m = Module.compile(engine, bytes);
      if (engine.config().compilationMode() == CompilationMode.LAZY) {
        WasmModule decoded = WasmParser.parse(bytes, profile.executable);
        for (int i = decoded.importedFunctionCount(); i < decoded.functionCount(); i++) {
          m.disassemble(Integer.toString(i));
        }
      }
      return null;
    } catch (WasmException e) {
      return e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return e; // never allowed: reported as a failure with its class
    }
  }

  private byte[] read(Map<?, ?> command) {
    try {
      return Files.readAllBytes(file.resolveSibling((String) command.get("filename")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkMessage(Map<?, ?> command, String kind, int line, Throwable error) {
    String text = (String) command.get("text");
    if (text != null && (error.getMessage() == null || !error.getMessage().contains(text))) {
      report.messageMismatch(rel, line, kind, text, String.valueOf(error.getMessage()));
    }
  }

  private String pass(String kind) {
    report.pass(executor, mode, profile.name, rel, kind);
    return null;
  }

  private String skip(int line, String kind, String reason) {
    report.skip(executor, mode, profile.name, rel, line, kind, reason);
    return null;
  }
}
