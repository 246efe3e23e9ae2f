package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmj.InvalidModuleException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;

/**
 * In the {@code lazy} compilation mode a function's body is validated at its first call: an
 * invalid one is an {@link InvalidModuleException} at every call, also when compiled code calls
 * it. {@code tiered}'s compiled callers link their calls on first use, and generating the
 * callee's entry there threw out of the JVM's linkage: a {@code BootstrapMethodError} reached the
 * embedder, and the call site kept throwing it (session 23).
 */
class LazyInvalidBodyTest {
  static Stream<String> configNames() {
    return configs().keySet().stream();
  }

  private static Map<String, Config> configs() {
    return ExecutorConfigs.everyExecutor(
        Config.defaults().withCompilationMode(CompilationMode.LAZY));
  }

  /**
   * {@code f(x) = bad(x) + 1}, {@code g(x) = loopy(x) + 1}, {@code ok(x) = x + 7}; {@code bad}'s
   * {@code i32.add} and {@code loopy}'s (in a loop) lack an operand.
   */
  private static final byte[] WASM = new ModuleBuilder()
      .func("f", 1, 1, 0x20, 0, 0x10, 1, 0x41, 1, 0x6A)
      .func("bad", 1, 1, 0x20, 0, 0x6A)
      .func("g", 1, 1, 0x20, 0, 0x10, 3, 0x41, 1, 0x6A)
      .func("loopy", 1, 1, 0x03, 0x7F, 0x20, 0, 0x6A, 0x0B)
      .func("ok", 1, 1, 0x20, 0, 0x41, 7, 0x6A)
      .build();

  @ParameterizedTest
  @MethodSource("configNames")
  void anInvalidBodyIsInvalidAtEveryCallFromAnyCaller(String name) {
    Engine engine = new Engine(configs().get(name));
    Instance i = new Linker<Void>(engine).instantiate(new Store<>(engine, null),
        Module.compile(engine, WASM));
    for (String export : new String[] {"f", "g", "bad", "f", "g"}) {
      for (int k = 0; k < 4; k++) { // past the tiering threshold: f and g compiled
        InvalidModuleException e = assertThrows(InvalidModuleException.class,
            () -> i.getFunc(export).call(Val.i32(5)), name + " " + export);
        assertEquals("type mismatch", e.getMessage());
      }
    }
    assertEquals(12, i.getFunc("ok").call(Val.i32(5))[0].i32(), "the store goes on");
  }
}
