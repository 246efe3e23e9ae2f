package org.wasmj.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.testsupport.Choices;
import org.wasmj.testsupport.Json;
import org.wasmj.testsupport.Mutations;
import org.wasmj.validator.Validator;

/**
 * Bad input never breaks the host: random byte flips, truncations and insertions applied to the
 * spec suite's valid modules give either a module or a {@link WasmException}, never another
 * exception or error. Tries come from {@code -Djqwik.tries.default} (1,000 by default;
 * {@code -Pfuzz} runs 200,000).
 */
class MutationProperties {
  private static final List<byte[]> CORPUS = loadCorpus();

  @Property
  void mutatedModulesFailOnlyWithWasmExceptions(@ForAll("mutations") Choices choices) {
    byte[] original = CORPUS.get(choices.nextInt(CORPUS.size()));
    byte[] mutated = Mutations.mutate(original, choices);
    try {
      WasmModule module = WasmParser.parse(mutated, Feature.ALL);
      Validator.validate(module, Feature.ALL);
    } catch (WasmException expected) {
      // malformed or invalid: the only allowed failure
    } catch (Throwable t) {
      throw new AssertionError(
          choices + ": " + t + " for mutated module " + Arrays.toString(mutated), t);
    }
  }

  @Provide
  Arbitrary<Choices> mutations() {
    return Choices.upTo(64); // the module, then at most 4 mutations of up to 11 choices
  }

  /**
   * The files of every {@code module} command of the suite; without the suite, the repository's
   * own {@code examples/*.wasm}, so the property still runs.
   */
  private static List<byte[]> loadCorpus() {
    Path json;
    try {
      json = SpecSuiteTest.TestSuite.locate().resolve("json");
    } catch (RuntimeException skipped) { // assumption failed: no suite
      return examples();
    }
    List<byte[]> corpus = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(json)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList())) {
        Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(f));
        for (Object o : (List<?>) root.get("commands")) {
          Map<?, ?> c = (Map<?, ?>) o;
          if ("module".equals(c.get("type"))) {
            corpus.add(Files.readAllBytes(f.resolveSibling((String) c.get("filename"))));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corpus;
  }

  private static List<byte[]> examples() {
    List<byte[]> corpus = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".wasm")).sorted()
          .collect(Collectors.toList())) {
        corpus.add(Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("MutationProperties: no spec testsuite; mutating the " + corpus.size()
        + " modules of examples/ instead");
    return corpus;
  }
}
