package org.wasmj.exec.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
import org.wasmj.UnlinkableException;
import org.wasmj.WasmException;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.ExportType;
import org.wasmj.exec.Func;
import org.wasmj.exec.ImportType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Memory;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;

/**
 * What running a module does, written down so that two executors can be compared line by line:
 * whether it instantiates, then for each exported function called with zero arguments its
 * results (exact bits) or its trap, every call it makes to an imported function with the
 * arguments, and a checksum of each exported memory at the end. Imported functions are stubs
 * that log their arguments and return zeros; binaryen's {@code hangLimitInitializer} export, if
 * there is one, is called before each export so that fuzzer-generated loops end. With fuel on,
 * each export gets {@link #FUEL} and the fuel left after it (trap or not) is written down too.
 * With epoch interruption and no fuel, the deadline is always due: every check (function entries,
 * loop headers) takes its slow path, whose callback lets the guest go on, so the transcript must be
 * the one without checks.
 *
 * <p>{@link #forV8} writes what V8 can be compared on, in the words of the Node script
 * {@code src/test/node/v8-oracle.cjs}: a NaN that crosses the JS boundary (a result, a host call's
 * argument) is only {@code nan}, since V8 turns an f32 into a JS number there, and failures to
 * compile or instantiate are only their kind, since the two engines' messages differ.
 */
final class Transcript {
  /** The fuel each call gets when the config meters fuel: enough for most, not for all. */
  static final long FUEL = 20_000;

  /** Whether this transcript is for V8: NaNs at the boundary erased, module errors by kind. */
  private final boolean forV8;

  private Transcript(boolean forV8) {
    this.forV8 = forV8;
  }

  /** The transcript of {@code wasm} run by {@code config}, exact to the bit. */
  static String of(byte[] wasm, Config config) {
    return new Transcript(false).run(wasm, config);
  }

  /** The transcript of {@code wasm} run by {@code config}, as V8's is written. */
  static String forV8(byte[] wasm, Config config) {
    return new Transcript(true).run(wasm, config);
  }

  private String run(byte[] wasm, Config config) {
    List<String> lines = new ArrayList<>();
    Engine engine = new Engine(config);
    Module module;
    try {
      module = Module.compile(engine, wasm);
    } catch (WasmException e) {
      return "compile: " + (forV8 ? "error" : describe(e));
    }
    Store<Void> store = new Store<>(engine, null);
    if (config.fuel()) {
      store.setFuel(FUEL); // for the start function
    } else if (config.epochInterruption()) {
      store.setEpochDeadlineCallback(s -> 0); // go on, due again at the next check
      store.setEpochDeadline(0);
    }
    Linker<Void> linker = new Linker<>(engine);
    for (ImportType i : module.imports()) {
      if (i.kind() == ExternKind.FUNC) {
        FuncType t = (FuncType) i.type();
        String name = i.module() + "." + i.name();
        linker.func(i.module(), i.name(), t, (caller, args) -> {
          if (forV8 && !jsCanCall(t)) {
            // V8 throws a TypeError when Wasm calls JS with a v128: a failed host call.
            throw new IllegalStateException("a v128 cannot cross into JS");
          }
          StringBuilder sb = new StringBuilder("  host " + name + "(");
          for (Val a : args) {
            sb.append(value(a)).append(' ');
          }
          lines.add(sb.append(')').toString());
          Val[] results = new Val[t.resultCount()];
          for (int r = 0; r < results.length; r++) {
            results[r] = zero(t.result(r));
          }
          return results;
        });
      }
    }
    Instance instance;
    try {
      instance = linker.instantiate(store, module);
      lines.add("instantiate: ok");
    } catch (WasmException e) {
      lines.add("instantiate: " + (forV8 ? instantiationFailure(e) : describe(e)));
      return String.join("\n", lines);
    }
    boolean hangLimit = instance.getExport("hangLimitInitializer").isPresent();
    for (ExportType e : module.exports()) {
      if (e.kind() != ExternKind.FUNC || e.name().equals("hangLimitInitializer")
          || forV8 && !jsCanCall((FuncType) e.type())) {
        continue;
      }
      if (config.fuel()) {
        store.setFuel(FUEL);
      }
      if (hangLimit) {
        instance.getFunc("hangLimitInitializer").call();
      }
      Func f = instance.getFunc(e.name());
      Val[] args = new Val[f.type().paramCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = zero(f.type().param(i));
      }
      try {
        StringBuilder sb = new StringBuilder("call " + e.name() + ": ");
        for (Val v : f.call(args)) {
          sb.append(value(v)).append(' ');
        }
        lines.add(sb.toString());
      } catch (WasmException x) {
        lines.add("call " + e.name() + ": " + describe(x));
      }
      if (config.fuel()) {
        lines.add("  fuel left " + store.fuel());
      }
    }
    for (ExportType e : module.exports()) {
      if (e.kind() == ExternKind.MEMORY) {
        Memory m = instance.getMemory(e.name());
        CRC32 crc = new CRC32();
        crc.update(m.read(0, (int) m.dataSize()));
        lines.add("memory " + e.name() + ": " + m.size() + " pages, crc "
            + Long.toHexString(crc.getValue()));
      }
    }
    return String.join("\n", lines);
  }

  /** Whether JS can call a function of this type: a {@code v128} cannot cross into JS. */
  static boolean jsCanCall(FuncType type) {
    for (int i = 0; i < type.paramCount(); i++) {
      if (type.param(i) == ValType.V128) {
        return false;
      }
    }
    for (int i = 0; i < type.resultCount(); i++) {
      if (type.result(i) == ValType.V128) {
        return false;
      }
    }
    return true;
  }

  /** A failed instantiation as V8 says it: a {@code LinkError}, a trap, or exhaustion. */
  private static String instantiationFailure(WasmException e) {
    if (e instanceof UnlinkableException) {
      return "link error";
    }
    return e instanceof ExhaustionException ? "exhausted" : "trap";
  }

  private static String describe(WasmException e) {
    if (e instanceof TrapException) {
      return "trap " + ((TrapException) e).kind();
    } else if (e instanceof ExhaustionException) {
      return "exhausted";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  static Val zero(ValType t) {
    switch (t) {
      case I32: return Val.i32(0);
      case I64: return Val.i64(0);
      case F32: return Val.f32(0);
      case F64: return Val.f64(0);
      case V128: return Val.v128(0, 0);
      case FUNCREF: return Val.funcref(null);
      case EXTERNREF: return Val.externref(null);
      default: throw new IllegalArgumentException(t.toString());
    }
  }

  private String value(Val v) {
    if (!forV8) {
      switch (v.type()) {
        case FUNCREF: return v.funcref() == null ? "funcref:null" : "funcref";
        case EXTERNREF: return "externref:" + v.externref();
        case V128: return "v128:" + Long.toHexString(v.high()) + ":" + Long.toHexString(v.bits());
        default: return v.type() + ":" + Long.toHexString(v.bits());
      }
    }
    switch (v.type()) {
      case I32: return "i32:" + Integer.toHexString(v.i32());
      case I64: return "i64:" + Long.toHexString(v.i64());
      case F32:
        return Float.isNaN(v.f32()) ? "f32:nan" : "f32:" + Integer.toHexString((int) v.bits());
      case F64: return Double.isNaN(v.f64()) ? "f64:nan" : "f64:" + Long.toHexString(v.bits());
      case FUNCREF: return v.funcref() == null ? "funcref:null" : "funcref";
      case EXTERNREF: return "externref:" + v.externref();
      default: throw new IllegalArgumentException(v.type().toString());
    }
  }
}
