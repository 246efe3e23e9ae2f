package org.wasmj.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.wasmj.WasmException;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.GlobalType;
import org.wasmj.parser.MemoryType;
import org.wasmj.parser.TableType;
import org.wasmj.parser.ValType;
import org.wasmj.testsupport.Choices;
import org.wasmj.testsupport.Mutations;
import org.wasmj.testsupport.Shared;

/**
 * Bad input never breaks the host, through the embedding API: the spec suite's modules
 * ({@code ../shared/wasm-testsuite/json/**}{@code /*.wasm}, or {@code examples/} without it),
 * mutated at random in the manner of spec-suite's {@code MutationProperties}, go through
 * {@link Module#compile} and {@link Linker#instantiate} (every import stubbed by a definition of
 * its type) and only ever throw {@link WasmException}s. A start function may loop forever: each
 * try runs on a daemon thread and is given up after {@link #TIMEOUT_SECONDS} ("not judged"; the
 * thread cannot be stopped and spins until the JVM exits).
 */
class MutatedModuleProperties {
  private static final int TIMEOUT_SECONDS = 5;
  /** Small enough that a mutated memory size costs no time: larger memories are uninstantiable. */
  private static final int MAX_PAGES = 64;
  /** Tables larger than this are left unstubbed (so unlinkable) instead of allocated. */
  private static final long MAX_STUB_TABLE = 100_000;
  private static final List<Path> CORPUS = corpus();
  private static final AtomicInteger NOT_JUDGED = new AtomicInteger();
  private static final AtomicInteger COMPILED = new AtomicInteger();
  private static final AtomicInteger INSTANTIATED = new AtomicInteger();
  private static ExecutorService worker = newWorker();

  @Property
  void mutatedModulesCompileAndInstantiateOrFailWithWasmExceptions(
      @ForAll("mutations") Choices choices) throws Exception {
    CompilationMode mode = CompilationMode.values()[choices.nextInt(CompilationMode.values().length)];
    byte[] original = read(CORPUS.get(choices.nextInt(CORPUS.size())));
    byte[] mutated = Mutations.mutate(original, choices);
    Future<?> run = worker.submit(() -> {
      compileAndInstantiate(mutated, mode);
      return null;
    });
    try {
      run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException stuck) {
      NOT_JUDGED.incrementAndGet();
      System.out.println("MutatedModuleProperties: " + choices + " not judged: still running after "
          + TIMEOUT_SECONDS + " s (" + mode.cliName() + ")");
      worker.shutdownNow();
      worker = newWorker();
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      throw new AssertionError(choices + " (" + mode.cliName() + "): " + t
          + " for mutated module " + Arrays.toString(mutated), t);
    }
  }

  @Provide
  Arbitrary<Choices> mutations() {
    return Choices.upTo(64); // the mode, the module, then at most 4 mutations of up to 11 choices
  }

  @AfterContainer
  static void report() {
    System.out.println("MutatedModuleProperties: " + COMPILED.get() + " mutated modules compiled, "
        + INSTANTIATED.get() + " instantiated, " + NOT_JUDGED.get() + " not judged (timeout)");
  }

  /** Compiles and instantiates; a WasmException is a fine outcome, anything else is thrown. */
  private static void compileAndInstantiate(byte[] bytes, CompilationMode mode) {
    Engine engine = new Engine(Config.defaults().withCompilationMode(mode).withMaxMemoryPages(MAX_PAGES));
    Module module;
    try {
      module = Module.compile(engine, bytes);
    } catch (WasmException expected) {
      return;
    }
    COMPILED.incrementAndGet();
    Store<Void> store = Store.of(engine);
    Linker<Void> linker = stubs(engine, store, module);
    try {
      linker.instantiate(store, module);
      INSTANTIATED.incrementAndGet();
    } catch (WasmException expected) {
      // unlinkable, uninstantiable, a trap or exhaustion in the start function
    }
  }

  /** A linker defining each import with something of its type, where the store allows it. */
  private static Linker<Void> stubs(Engine engine, Store<Void> store, Module module) {
    Linker<Void> linker = new Linker<Void>(engine).allowShadowing(true);
    for (ImportType i : module.imports()) {
      switch (i.kind()) {
        case FUNC:
          FuncType t = (FuncType) i.type();
          linker.func(i.module(), i.name(), t, (caller, args) -> zeros(t));
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

  private static Val[] zeros(FuncType t) {
    Val[] out = new Val[t.resultCount()];
    for (int k = 0; k < out.length; k++) {
      out[k] = zero(t.result(k));
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

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mutation-worker");
      t.setDaemon(true);
      return t;
    });
  }

  private static boolean compiles(Engine engine, Path p) {
    try {
      Module.compile(engine, read(p));
      return true;
    } catch (WasmException e) {
      return false;
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The suite's .wasm files that compile as they are (the suite also holds malformed and invalid
   * modules, and modules of features wasmj does not enable), sorted; without the suite, the
   * repository's examples.
   */
  private static List<Path> corpus() {
    Path suite = Shared.folder("wasm-testsuite", "wasmj.testsuite").resolve("json");
    Path json = Files.isDirectory(suite) ? suite : null;
    if (json == null) {
      Shared.missing("MutatedModuleProperties: no spec testsuite at " + suite
          + "; mutating the modules of examples/ instead");
    }
    Path dir = json != null ? json : Shared.repository().resolve("examples");
    Engine engine = new Engine();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(p -> p.toString().endsWith(".wasm")).sorted()
          .filter(p -> compiles(engine, p)).collect(Collectors.toList());
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
