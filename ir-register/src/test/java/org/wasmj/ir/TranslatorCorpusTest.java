package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.testsupport.Shared;
import org.wasmj.validator.FunctionValidator;
import org.wasmj.validator.Validator;

/**
 * Translates every function of every valid module in the spec suite, SIMD included. Every result
 * is well formed: instructions tile the code, and every branch target is the start of an
 * instruction (or the end); and the code for tiering executors, whose loops have {@code
 * count_loop}s, is the same but for those (loops rotated alike, so fuel is metered alike).
 */
class TranslatorCorpusTest {
  @Test
  void everyFunctionTranslatesOrIsOutOfScope() throws Exception {
    Path suite = Shared.locate("wasm-testsuite", "wasmj.testsuite", "json",
        "Put the prepared spec testsuite at ../shared/wasm-testsuite (see spec-suite/README.md)")
        .resolve("json");
    List<Path> wasm;
    try (Stream<Path> walk = Files.walk(suite)) {
      wasm = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
    }
    int translated = 0;
    Translator translator = new Translator();
    Translator alike = new Translator(false, true, true);
    Translator counting = new Translator(true, true);
    Translator unrotated = new Translator(true, false);
    int rotatedWithCounts = 0;
    for (Path file : wasm) {
      WasmModule module;
      FunctionValidator validator;
      try {
        module = WasmParser.parse(Files.readAllBytes(file), Feature.ALL);
        validator = new Validator(module, Feature.ALL).functionValidator();
      } catch (WasmException notAValidModule) {
        continue;
      }
      for (int i = 0; i < module.bodies().size(); i++) {
        try {
          CompiledFunction f = translator.translate(validator, i);
          assertWellFormed(f, file + " function " + i);
          CompiledFunction c = counting.translate(validator, i);
          assertWellFormed(c, file + " function " + i + " with count_loop");
          assertArrayEquals(alike.translate(validator, i).code(), withoutCountLoops(c.code()),
              file + " function " + i + ": rotated loops differ with count_loop");
          if (!Arrays.equals(c.code(), unrotated.translate(validator, i).code())) {
            rotatedWithCounts++;
          }
          translated++;
        } catch (WasmException invalidBody) {
          // assert_invalid modules: rejected while translating, as they should be
        } catch (RuntimeException e) {
          throw new AssertionError(file + " function " + i + ": " + e, e);
        }
      }
    }
    System.out.printf("translated %d functions, %d with loops rotated around count_loop%n",
        translated, rotatedWithCounts);
    assertTrue(translated > 5000, translated + " functions translated");
    assertTrue(rotatedWithCounts > 20, rotatedWithCounts + " with rotated counting loops");
  }

  /**
   * {@code code} without its {@code count_loop}s, branch targets moved with the code (a target
   * at a {@code count_loop} to the instruction after it): code that counts loops must be the
   * same as code that does not but for them, so that both meter the same fuel.
   */
  private static int[] withoutCountLoops(int[] code) {
    int[] moved = new int[code.length + 1];
    int size = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      moved[pc] = size;
      if (code[pc] != OpCodes.COUNT_LOOP) {
        size += Op.size(code, pc);
      }
    }
    moved[code.length] = size;
    int[] out = new int[size];
    int at = 0;
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      if (code[pc] == OpCodes.COUNT_LOOP) {
        continue;
      }
      Op op = Op.of(code[pc]);
      int n = Op.size(code, pc);
      System.arraycopy(code, pc, out, at, n);
      int t = op.shape().indexOf('t');
      if (t >= 0) {
        out[at + 1 + t] = moved[code[pc + 1 + t]];
      }
      if (op == Op.BR_TABLE_RI) {
        for (int i = 0; i < code[pc + 2]; i++) {
          out[at + 3 + i] = moved[code[pc + 3 + i]];
        }
      }
      at += n;
    }
    return out;
  }

  private static void assertWellFormed(CompiledFunction f, String where) {
    int[] code = f.code();
    boolean[] start = new boolean[code.length + 1];
    int pc = 0;
    while (pc < code.length) {
      start[pc] = true;
      pc += Op.size(code, pc);
    }
    assertTrue(pc == code.length, where + ": the last instruction overruns the code");
    start[code.length] = true;
    for (pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      Op op = Op.of(code[pc]);
      int t = op.shape().indexOf('t');
      if (t >= 0) {
        int target = code[pc + 1 + t];
        assertTrue(target >= 0 && target <= code.length && start[target],
            where + ": @" + pc + " branches to @" + target);
      }
      if (op == Op.BR_TABLE_RI) {
        for (int i = 0; i < code[pc + 2]; i++) {
          int target = code[pc + 3 + i];
          assertTrue(target >= 0 && target <= code.length && start[target],
              where + ": @" + pc + " br_table to @" + target);
        }
      }
    }
  }
}
