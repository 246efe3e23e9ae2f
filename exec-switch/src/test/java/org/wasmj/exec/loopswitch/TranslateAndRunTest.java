package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import org.wasmj.exec.internal.GlobalInstance;
import org.wasmj.exec.internal.InstanceState;
import org.wasmj.exec.internal.MemoryInstance;
import org.wasmj.ir.CompiledFunction;
import org.wasmj.ir.Translator;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.Validator;

/** Straight-line functions translated by the register translator, then run by the interpreter. */
class TranslateAndRunTest {
  /** A function {@code (i32, i32) -> i32} with one extra i32 local and body {@code code}. */
  private static CompiledFunction compile(int... code) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 7, 1, 0x60, 2, 0x7F, 0x7F, 1, 0x7F, 3, 2, 1, 0});
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {1, 1, 0x7F});
    for (int c : code) {
      body.write(c);
    }
    body.write(0x0B);
    b.write(10);
    b.write(body.size() + 2);
    b.write(1);
    b.write(body.size());
    b.writeBytes(body.toByteArray());
    WasmModule m = WasmParser.parse(b.toByteArray());
    return new Translator().translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0);
  }

  @Test
  void arithmeticWithLocalsAndTees() {
    // local2 = a * b; return local2 + local2 - 3
    CompiledFunction f = compile(0x20, 0, 0x20, 1, 0x6C, 0x22, 2, 0x20, 2, 0x6A, 0x41, 3, 0x6B);
    assertEquals(2 * 6 * 7 - 3, Interpreter.run(f, 6, 7)[0]);
  }

  @Test
  void preservedLocalKeepsItsOldValue() {
    // local.get 0; i32.const 100; local.set 0; local.get 0; i32.sub   -> old a - 100
    CompiledFunction f = compile(0x20, 0, 0x41, 0xE4, 0x00, 0x21, 0, 0x20, 0, 0x6B);
    assertEquals(5 - 100, Interpreter.run(f, 5, 0)[0]);
  }

  @Test
  void ifElseWithAResult() {
    // a > b ? a : b
    CompiledFunction max = compile(0x20, 0, 0x20, 1, 0x4A, 0x04, 0x7F, 0x20, 0, 0x05, 0x20, 1, 0x0B);
    assertEquals(9L, Interpreter.run(max, 9, 4)[0]);
    assertEquals(5L, Interpreter.run(max, -3, 5)[0]);
  }

  @Test
  void brIfCarriesAValueOutOfABlock() {
    // block (result i32) i32.const 7; local.get 0; br_if 0; drop; i32.const 9 end
    CompiledFunction f = compile(0x02, 0x7F, 0x41, 7, 0x20, 0, 0x0D, 0, 0x1A, 0x41, 9, 0x0B);
    assertEquals(7L, Interpreter.run(f, 1, 0)[0]);
    assertEquals(9L, Interpreter.run(f, 0, 0)[0]);
  }

  @Test
  void brIfToTheFunctionReturns() {
    // local.get 0; local.get 1; br_if 0; drop; i32.const 42
    CompiledFunction f = compile(0x20, 0, 0x20, 1, 0x0D, 0, 0x1A, 0x41, 42);
    assertEquals(5L, Interpreter.run(f, 5, 1)[0]);
    assertEquals(42L, Interpreter.run(f, 5, 0)[0]);
  }

  @Test
  void loopsComputeAFactorial() {
    // local2 = 1; block loop (br_if 1 (i32.eqz n)) local2 *= n; n -= 1; br 0 end end; local2
    CompiledFunction f = compile(
        0x41, 1, 0x21, 2,
        0x02, 0x40, 0x03, 0x40,
        0x20, 0, 0x45, 0x0D, 1,
        0x20, 2, 0x20, 0, 0x6C, 0x21, 2,
        0x20, 0, 0x41, 1, 0x6B, 0x21, 0,
        0x0C, 0, 0x0B, 0x0B,
        0x20, 2);
    assertEquals(3628800L, Interpreter.run(f, 10, 0)[0]);
    assertEquals(1L, Interpreter.run(f, 0, 0)[0]);
  }

  @Test
  void theLoopExampleRuns() throws Exception {
    WasmModule m = WasmParser.parse(
        java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../examples/loop.wasm")));
    CompiledFunction sum =
        new Translator().translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0);
    assertEquals(2001L, Interpreter.run(sum, 1000)[0]);
    assertEquals(0L, Interpreter.run(sum, 0)[0]);
  }

  @Test
  void selectPicksByTheCondition() {
    // select(a, b, a < b) -> min(a, b)
    CompiledFunction min = compile(0x20, 0, 0x20, 1, 0x20, 0, 0x20, 1, 0x48, 0x1B);
    assertEquals(-4L, Interpreter.run(min, 9, -4)[0]);
    assertEquals(2L, Interpreter.run(min, 2, 3)[0]);
  }

  @Test
  void theSieveExampleRunsOverLinearMemory() throws Exception {
    WasmModule m = WasmParser.parse(
        java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../examples/sieve.wasm")));
    CompiledFunction countPrimes =
        new Translator().translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0);
    InstanceState state = new InstanceState(
        new MemoryInstance[] {new MemoryInstance(m.memories().get(0), MemoryInstance.MAX_PAGES)},
        new GlobalInstance[0]);
    assertEquals(9592L, Interpreter.run(countPrimes, state, 100000)[0]);
    assertEquals(25L, Interpreter.run(countPrimes, state, 100)[0]);
    assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS,
        assertThrows(TrapException.class, () -> Interpreter.run(countPrimes, state, 2_000_000)).kind());
  }

  @Test
  void globalsAndMemoryGrowth() {
    // global.get 0; local.get 0; i32.add; global.set 0; local.get 1; memory.grow; drop; memory.size
    // (a module with one mutable i32 global and a memory of 1..3 pages)
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 7, 1, 0x60, 2, 0x7F, 0x7F, 1, 0x7F,
        3, 2, 1, 0, 5, 4, 1, 1, 1, 3, 6, 6, 1, 0x7F, 1, 0x41, 0, 0x0B});
    byte[] body = {0, 0x23, 0, 0x20, 0, 0x6A, 0x24, 0, 0x20, 1, 0x40, 0, 0x1A, 0x3F, 0, 0x0B};
    b.writeBytes(new byte[] {10, (byte) (body.length + 2), 1, (byte) body.length});
    b.writeBytes(body);
    WasmModule m = WasmParser.parse(b.toByteArray());
    CompiledFunction f =
        new Translator().translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0);
    GlobalInstance counter = new GlobalInstance(m.globalTypes().get(0), 10);
    InstanceState state = new InstanceState(
        new MemoryInstance[] {new MemoryInstance(m.memories().get(0), MemoryInstance.MAX_PAGES)},
        new GlobalInstance[] {counter});
    assertEquals(2L, Interpreter.run(f, state, 5, 1)[0]);
    assertEquals(15L, counter.value);
    assertEquals(3L, Interpreter.run(f, state, 5, 1)[0]);
    assertEquals(3L, Interpreter.run(f, state, 5, 1)[0], "grow past the max gives -1, size stays");
  }

  @Test
  void trapsSurfaceWithTheirKind() {
    CompiledFunction f = compile(0x20, 0, 0x20, 1, 0x6D); // i32.div_s
    assertEquals(-3L, Interpreter.run(f, 7, -2)[0]);
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO,
        assertThrows(TrapException.class, () -> Interpreter.run(f, 1, 0)).kind());
  }
}
