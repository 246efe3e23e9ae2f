package org.wasmj.exec.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.wasmj.ExhaustionException;
import org.wasmj.TrapException;
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
 * there is one, is called before each export so that fuzzer-generated loops end.
 */
final class Transcript {
  private Transcript() {}

  static String of(byte[] wasm, Config config) {
    List<String> lines = new ArrayList<>();
    Engine engine = new Engine(config);
    Module module;
    try {
      module = Module.compile(engine, wasm);
    } catch (WasmException e) {
      return "compile: " + describe(e);
    }
    Store<Void> store = new Store<>(engine, null);
    Linker<Void> linker = new Linker<>(engine);
    for (ImportType i : module.imports()) {
      if (i.kind() == ExternKind.FUNC) {
        FuncType t = (FuncType) i.type();
        String name = i.module() + "." + i.name();
        linker.func(i.module(), i.name(), t, (caller, args) -> {
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
      lines.add("instantiate: " + describe(e));
      return String.join("\n", lines);
    }
    boolean hangLimit = instance.getExport("hangLimitInitializer").isPresent();
    for (ExportType e : module.exports()) {
      if (e.kind() != ExternKind.FUNC || e.name().equals("hangLimitInitializer")) {
        continue;
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
    }
    for (ExportType e : module.exports()) {
      if (e.kind() == ExternKind.MEMORY) {
        Memory m = instance.getMemory(e.name());
        CRC32 crc = new CRC32();
        crc.update(m.read(0, (int) m.dataSize()));
        lines.add("memory " + e.name() + ": " + m.size() + " pages, crc " + Long.toHexString(crc.getValue()));
      }
    }
    return String.join("\n", lines);
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

  private static String value(Val v) {
    switch (v.type()) {
      case FUNCREF: return v.funcref() == null ? "funcref:null" : "funcref";
      case EXTERNREF: return "externref:" + v.externref();
      case V128: return "v128:" + Long.toHexString(v.high()) + ":" + Long.toHexString(v.bits());
      default: return v.type() + ":" + Long.toHexString(v.bits());
    }
  }
}
