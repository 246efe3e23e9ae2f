package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.FunctionValidator;
import org.wasmj.validator.Validator;

/** Translates every function of every valid module in the spec suite, SIMD included. */
class TranslatorCorpusTest {
  @Test
  void everyFunctionTranslatesOrIsOutOfScope() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve(".git"))) {
      root = root.getParent();
    }
    Path suite = root == null ? null : root.resolveSibling("shared").resolve("wasm-testsuite/json");
    Assumptions.assumeTrue(suite != null && Files.isDirectory(suite), "no spec testsuite next to the repo");
    List<Path> wasm;
    try (Stream<Path> walk = Files.walk(suite)) {
      wasm = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
    }
    int translated = 0;
    Translator translator = new Translator();
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
          translator.translate(validator, i);
          translated++;
        } catch (WasmException invalidBody) {
          // assert_invalid modules: rejected while translating, as they should be
        } catch (RuntimeException e) {
          throw new AssertionError(file + " function " + i + ": " + e, e);
        }
      }
    }
    System.out.printf("translated %d functions%n", translated);
    assertTrue(translated > 5000, translated + " functions translated");
  }
}
