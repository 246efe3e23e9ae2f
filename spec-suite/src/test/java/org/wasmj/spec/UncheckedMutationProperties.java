package org.wasmj.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.ExportType;
import org.wasmj.exec.Func;
import org.wasmj.exec.Global;
import org.wasmj.exec.ImportType;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Memory;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Table;
import org.wasmj.exec.Val;
import org.wasmj.parser.CodeReader;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.testsupport.Json;
import org.wasmj.testsupport.Mutations;

/**
 * Code compiled without validation never breaks the host: the spec suite's valid modules,
 * damaged at random ({@link Mutations}) or retyped ({@link #retype}: bodies that still decode
 * and keep their stack shape, but no longer type-check), go
 * through {@link Module#compileUnchecked} on a random executor and compilation mode, are
 * instantiated with every import stubbed, and every exported function is called with zeros,
 * exported tables read and globals got: all of it gives results or {@link WasmException}s, never
 * another exception. Modules with a {@code loop} or a tail call are compiled but not run (nothing
 * would bound their running time); what runs has only forward branches and calls whose depth is
 * bounded, so it ends, and a try that does not end in {@link #TIMEOUT_SECONDS} fails.
 */
class UncheckedMutationProperties {
  private static final int TIMEOUT_SECONDS = 20;
  private static final int MAX_PAGES = 64;
  private static final long MAX_STUB_TABLE = 100_000;
  private static final Set<Feature> FEATURES = Config.DEFAULT_FEATURES;
  private static final List<String> EXECUTORS = Engine.executors();
  private static final List<byte[]> CORPUS = corpus();
  /** The modules of {@link #CORPUS} with instructions that {@link #retype} can change. */
  private static final List<byte[]> RETYPABLE =
      CORPUS.stream().filter(b -> !sites(b).isEmpty()).collect(Collectors.toList());
  private static final AtomicInteger COMPILED = new AtomicInteger();
  private static final AtomicInteger RUN = new AtomicInteger();
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "unchecked-mutation-worker");
    t.setDaemon(true);
    return t;
  });

  @Property
  void uncheckedCodeGivesResultsOrWasmExceptions(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    byte[] mutated = random.nextBoolean()
        ? retype(RETYPABLE.get(random.nextInt(RETYPABLE.size())), random)
        : Mutations.mutate(CORPUS.get(random.nextInt(CORPUS.size())), random);
    String executor = EXECUTORS.get(random.nextInt(EXECUTORS.size()));
    CompilationMode mode = CompilationMode.values()[random.nextInt(CompilationMode.values().length)];
    Future<?> run = WORKER.submit(() -> {
      compileAndRun(mutated, executor, mode);
      return null;
    });
    String what = "seed " + seed + " (" + executor + ", " + mode.cliName() + ")";
    try {
      run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException stuck) {
      throw new AssertionError(what + ": still running after " + TIMEOUT_SECONDS + " s: "
          + Arrays.toString(mutated));
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      throw new AssertionError(what + ": " + t + " for mutated module " + Arrays.toString(mutated), t);
    }
  }

  @AfterContainer
  static void report() {
    System.out.println("UncheckedMutationProperties: " + COMPILED.get() + " mutated modules "
        + "compiled unchecked, " + RUN.get() + " instantiated and run, " + CALLS.get()
        + " exports called");
  }

  private static void compileAndRun(byte[] bytes, String executor, CompilationMode mode) {
    Engine engine = new Engine(Config.defaults().withExecutor(executor).withCompilationMode(mode)
        .withFeatures(FEATURES).withMaxMemoryPages(MAX_PAGES));
    Module module;
    try {
      module = Module.compileUnchecked(engine, bytes);
    } catch (WasmException expected) {
      return;
    }
    COMPILED.incrementAndGet();
    if (mayRunForever(bytes)) {
      return;
    }
    Store<Void> store = Store.of(engine);
    Instance instance;
    try {
      instance = stubs(engine, store, module).instantiate(store, module);
    } catch (WasmException expected) {
      return;
    }
    RUN.incrementAndGet();
    for (ExportType e : module.exports()) {
      try {
        switch (e.kind()) {
          case FUNC: {
            Func f = instance.getFunc(e.name());
            CALLS.incrementAndGet();
            f.call(zeros(((FuncType) e.type()).params()));
            break;
          }
          case TABLE: {
            Table t = instance.getTable(e.name());
            for (int i = 0; i < Math.min(t.size(), 16); i++) {
              t.get(i);
            }
            break;
          }
          case GLOBAL:
            instance.getGlobal(e.name()).get();
            break;
          default:
            break;
        }
      } catch (WasmException expected) {
        // a trap, exhaustion, or a lazy translation's error
      }
    }
  }

  /**
   * {@code bytes} with one to three instructions replaced by ones of another type: an operator
   * by another with as many operands and results ({@code f64.add} for {@code i32.add}), or
   * {@code ref.null t} and {@code ref.func f} by an {@code i32.const} (a number where a reference
   * belongs). Such bodies pass the unchecked walker's checks and compute garbage.
   */
  static byte[] retype(byte[] bytes, Random random) {
    List<Integer> sites = sites(bytes);
    byte[] out = bytes.clone();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int at = sites.get(random.nextInt(sites.size()));
      Opcode op = Opcode.fromByte(out[at] & 0xFF);
      if (op == Opcode.REF_NULL || op == Opcode.REF_FUNC) {
        out[at] = (byte) Opcode.I32_CONST.code(); // the immediate byte(s) read as an s32
        continue;
      }
      if (op == null || op.immediates() != Opcode.Imm.NONE) {
        continue; // retyped already
      }
      List<Opcode> same = new ArrayList<>();
      for (Opcode o : Opcode.values()) {
        if (o.prefix() == 0 && o.immediates() == Opcode.Imm.NONE && o.hasSignature()
            && o.params().length == op.params().length && o.results().length == op.results().length) {
          same.add(o);
        }
      }
      out[at] = (byte) same.get(random.nextInt(same.size())).code();
    }
    return out;
  }

  /** Where {@link #retype} may change an instruction. */
  private static List<Integer> sites(byte[] bytes) {
    WasmModule m = WasmParser.parse(bytes, FEATURES);
    List<Integer> sites = new ArrayList<>();
    for (FunctionBody b : m.bodies()) {
      CodeReader r = new CodeReader(bytes, b.offset(), b.offset() + b.length(), FEATURES);
      for (int groups = r.readCount(); groups > 0; groups--) {
        r.readU32();
        r.readValType();
      }
      while (r.hasMore()) {
        int at = r.position();
        Opcode op = r.readOpcode();
        if (op == Opcode.REF_NULL || op == Opcode.REF_FUNC
            || (op.prefix() == 0 && op.immediates() == Opcode.Imm.NONE && op.hasSignature())) {
          sites.add(at);
        }
        r.skipImmediates(op);
      }
    }
    return sites;
  }

  /** True unless every body decodes and none has a loop or a tail call. */
  private static boolean mayRunForever(byte[] bytes) {
    try {
      WasmModule m = WasmParser.parse(bytes, FEATURES);
      for (FunctionBody b : m.bodies()) {
        CodeReader r = new CodeReader(m.bytes(), b.offset(), b.offset() + b.length(), FEATURES);
        for (int groups = r.readCount(); groups > 0; groups--) {
          r.readU32();
          r.readValType();
        }
        while (r.hasMore()) {
          Opcode op = r.readOpcode();
          if (op == Opcode.LOOP || op == Opcode.RETURN_CALL || op == Opcode.RETURN_CALL_INDIRECT) {
            return true;
          }
          r.skipImmediates(op);
        }
      }
      return false;
    } catch (WasmException e) {
      return true;
    }
  }

  private static Linker<Void> stubs(Engine engine, Store<Void> store, Module module) {
    Linker<Void> linker = new Linker<Void>(engine).allowShadowing(true);
    for (ImportType i : module.imports()) {
      switch (i.kind()) {
        case FUNC:
          FuncType t = (FuncType) i.type();
          linker.func(i.module(), i.name(), t, (caller, args) -> zeros(t.results()));
          break;
        case MEMORY:
          MemoryType m = (MemoryType) i.type();
          if (m.limits().min() <= MAX_PAGES) {
            linker.define(i.module(), i.name(), Memory.create(store, m));
          }
          break;
        case TABLE:
          TableType tt = (TableType) i.type();
          if (tt.limits().min() <= MAX_STUB_TABLE) {
            linker.define(i.module(), i.name(), Table.create(store, tt, zero(tt.elementType())));
          }
          break;
        default:
          GlobalType g = (GlobalType) i.type();
          linker.define(i.module(), i.name(), Global.create(store, g, zero(g.valueType())));
      }
    }
    return linker;
  }

  private static Val[] zeros(ValType[] types) {
    Val[] out = new Val[types.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = zero(types[k]);
    }
    return out;
  }

  private static Val zero(ValType t) {
    switch (t) {
      case FUNCREF: return Val.funcref(null);
      case EXTERNREF: return Val.externref(null);
      case V128: return Val.v128(0, 0);
      default: return Val.fromBits(t, 0);
    }
  }

  /** The suite's {@code module} files that compile as they are and have code. */
  private static List<byte[]> corpus() {
    Path json = SpecSuiteTest.TestSuite.locate().resolve("json");
    Engine engine = new Engine(Config.defaults().withExecutor("switch").withFeatures(FEATURES));
    List<byte[]> corpus = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(json)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList())) {
        Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(f));
        for (Object o : (List<?>) root.get("commands")) {
          Map<?, ?> c = (Map<?, ?>) o;
          if ("module".equals(c.get("type")) && c.get("filename") != null) {
            byte[] bytes = Files.readAllBytes(f.resolveSibling((String) c.get("filename")));
            try {
              Module.compile(engine, bytes);
              if (!WasmParser.parse(bytes, FEATURES).bodies().isEmpty()) {
                corpus.add(bytes);
              }
            } catch (WasmException notRunnable) {
              // a module of a profile that differs from the default
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corpus;
  }
}
