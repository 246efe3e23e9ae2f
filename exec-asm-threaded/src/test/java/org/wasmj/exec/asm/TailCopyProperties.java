package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.parser.WasmParser;

/**
 * A split function whose loop head is a tail block (a few plain instructions ending in a
 * {@code br_table}) that its chunks run copies of ({@code FunctionCompiler.tailCopy}):
 * {@code dispatch.wat}'s bytecode interpreter runs random programs on {@code asm} and
 * {@code tiered} split at several chunk budgets (so a copy's target is sometimes in its own
 * chunk, sometimes not; op 0 gives the {@code br_table} index -1, ops above 8 one past its end)
 * with {@code switch}'s results; {@code epilogue}'s shared epilogue (a tail block ending in a
 * return) restores its global as {@code switch} does; and the split classes do have the copies.
 */
class TailCopyProperties {
  private static final byte[] DISPATCH = InterruptionTest.resource("dispatch.wasm");

  /** Chunk budgets: one instruction or so per chunk, a few handlers per chunk, most of the loop. */
  private static final int[] BUDGETS = {10, 60, 200};

  private static final Instance SWITCH = instantiate("switch", 0);
  private static final List<Instance> SPLIT = new ArrayList<>();

  static {
    for (int budget : BUDGETS) {
      SPLIT.add(instantiate("asm", budget));
      SPLIT.add(instantiate("tiered", budget));
    }
  }

  private static Instance instantiate(String executor, int budget) {
    Config config = Config.defaults().withExecutor(executor).withTieringThreshold(1)
        .withCompilerThreads(0);
    Engine engine = new Engine(executor.equals("tiered") ? config
        : config.withCompilationMode(CompilationMode.EAGER));
    FunctionCompiler.forcedChunkBudget = budget;
    try {
      Instance instance = new Linker<Void>(engine).instantiate(new Store<>(engine, null),
          Module.compile(engine, DISPATCH));
      for (int warm = 0; warm < 3; warm++) { // tiered: interpreted, then compiled split
        run(instance, List.of(5, 3, 2, 4, 2), 1);
      }
      return instance;
    } finally {
      FunctionCompiler.forcedChunkBudget = 0;
    }
  }

  private static int run(Instance instance, List<Integer> program, int acc) {
    for (int at = 0; at < 64; at++) {
      instance.getFunc("poke").call(Val.i32(at), Val.i32(at < program.size() ? program.get(at) : 0));
    }
    return instance.getFunc("run").call(Val.i32(acc))[0].i32();
  }

  @Property(tries = 300)
  void splitRunsTheProgramsAsTheInterpreterDoes(@ForAll("programs") List<Integer> program,
      @ForAll int acc) {
    int expected = run(SWITCH, program, acc);
    for (Instance split : SPLIT) {
      assertEquals(expected, run(split, program, acc), program.toString());
    }
  }

  /** Bytes 0-10 (ops 0 and 9-10 end the program through the br_table's default) and some larger. */
  @Provide
  Arbitrary<List<Integer>> programs() {
    Arbitrary<Integer> bytes = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(1, 8)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255)));
    return bytes.list().ofMinSize(1).ofMaxSize(48);
  }

  /** {@code epilogue}'s branches to its shared epilogue, copied into their chunks, restore {@code $sp}. */
  @Property(tries = 200)
  void epilogueCopiesReturnAsTheInterpreterDoes(
      @ForAll @net.jqwik.api.constraints.IntRange(min = -5, max = 70_000) int x) {
    String first = outcome(SWITCH, x);
    String second = outcome(SWITCH, x); // $sp as the first call left it (a trap leaves it lower)
    for (Instance split : SPLIT) {
      assertEquals(first, outcome(split, x));
      assertEquals(second, outcome(split, x));
    }
  }

  private static String outcome(Instance instance, int x) {
    try {
      return Integer.toString(instance.getFunc("epilogue").call(Val.i32(x))[0].i32());
    } catch (org.wasmj.TrapException trap) {
      return trap.getMessage();
    }
  }

  @Example
  void aLoopingProgramCountsDownAsTheInterpreterDoes() {
    // count = 50; loop at 2: acc += 3, acc *= 3, acc ^= acc >>> 5, rotl 7, (count--) jump to 2
    List<Integer> program = List.of(5, 50, 1, 3, 2, 3, 7, 7, 8, 9, 4, 2, 6, 0);
    int expected = run(SWITCH, program, 12345);
    for (Instance split : SPLIT) {
      assertEquals(expected, run(split, program, 12345));
    }
  }

  @Example
  void splitClassesHaveTheDispatchCopies() throws Exception {
    var module = WasmParser.parse(DISPATCH, Config.DEFAULT_FEATURES);
    for (boolean tiered : new boolean[] {false, true}) {
      ModuleCode code = new ModuleCode(module, Config.DEFAULT_FEATURES, new TypeRegistry(), false,
          true, tiered);
      FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F3", 3, code.compiled(3),
          tiered); // run
      FunctionCompiler.forcedChunkBudget = 10;
      byte[] split;
      try {
        split = c.compile(tiered).bytes();
      } finally {
        FunctionCompiler.forcedChunkBudget = 0;
      }
      List<String> tables = new ArrayList<>();
      new ClassReader(split).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public FieldVisitor visitField(int access, String name, String desc, String sig, Object v) {
          if (name.startsWith(FunctionCompiler.CHUNK + "D")) {
            tables.add(name);
          }
          return null;
        }
      }, 0);
      assertEquals(1, tables.size(), "the entry table of the loop head's br_table: " + tables);
    }
  }
}
