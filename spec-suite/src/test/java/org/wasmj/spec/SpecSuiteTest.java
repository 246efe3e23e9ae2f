package org.wasmj.spec;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.Feature;
import org.wasmj.InvalidModuleException;
import org.wasmj.MalformedModuleException;
import org.wasmj.WasmException;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.Validator;

/**
 * Runs the official spec tests ({@code ../shared/wasm-testsuite/json}), one dynamic test per file,
 * and writes {@code target/spec-report.tsv}. At this stage there is no executor: modules must
 * decode and validate, {@code assert_malformed} (binary) and {@code assert_invalid} must be
 * rejected with the right exception; commands that need execution are skipped with a reason.
 */
class SpecSuiteTest {
  private static final String EXECUTOR = "none";
  private static final String MODE = "none";

  @TestFactory
  Stream<DynamicTest> specSuite() {
    Path json = TestSuite.locate().resolve("json");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(json)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Report report = new Report();
    Stream<DynamicTest> perFile =
        files.stream()
            .map(
                f -> {
                  String rel = json.relativize(f.getParent()).toString().replace('\\', '/');
                  return DynamicTest.dynamicTest(rel, () -> runFile(f, rel, report));
                });
    DynamicTest summary =
        DynamicTest.dynamicTest("report", () -> report.write(Path.of("target"), System.out));
    return Stream.concat(perFile, Stream.of(summary));
  }

  private static void runFile(Path file, String rel, Report report) throws IOException {
    Profile profile = Profile.of(rel);
    Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file));
    List<String> failures = new ArrayList<>();
    for (Object o : (List<?>) root.get("commands")) {
      Map<?, ?> command = (Map<?, ?>) o;
      String kind = (String) command.get("type");
      int line = ((Double) command.get("line")).intValue();
      String failure = run(file, command, kind, profile.features, rel, line, report);
      if (failure != null) {
        failures.add(rel + ":" + line + " " + kind + ": " + failure);
        report.fail(EXECUTOR, MODE, profile.name, rel, line, kind,
            String.valueOf(command.get("text")), failure);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " failures:\n" + String.join("\n", failures));
    }
  }

  /** Runs one command; returns null when it passed or was skipped, else why it failed. */
  private static String run(
      Path file, Map<?, ?> command, String kind, Set<Feature> features, String rel, int line,
      Report report) {
    String profile = Profile.of(rel).name;
    switch (kind) {
      case "module":
      case "assert_malformed":
      case "assert_invalid": {
        if ("text".equals(command.get("module_type"))) {
          report.skip(EXECUTOR, MODE, profile, rel, line, kind, "text format");
          return null;
        }
        Throwable error = decodeAndValidate(file.resolveSibling((String) command.get("filename")), features);
        Class<?> expected =
            kind.equals("module") ? null
                : kind.equals("assert_malformed") ? MalformedModuleException.class
                : InvalidModuleException.class;
        if (expected == null ? error == null : expected.isInstance(error)) {
          report.pass(EXECUTOR, MODE, profile, rel, kind);
          String text = (String) command.get("text");
          if (error != null && text != null && !error.getMessage().contains(text)) {
            report.messageMismatch(rel, line, kind, text, error.getMessage());
          }
          return null;
        }
        return "expected " + (expected == null ? "success" : expected.getSimpleName())
            + ", got " + (error == null ? "success" : error.toString());
      }
      default:
        report.skip(EXECUTOR, MODE, profile, rel, line, kind, "needs executor");
        return null;
    }
  }

  private static Throwable decodeAndValidate(Path wasm, Set<Feature> features) {
    try {
      WasmModule module = WasmParser.parse(Files.readAllBytes(wasm), features);
      Validator.validate(module, features);
      return null;
    } catch (WasmException e) {
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return e; // never allowed: reported as a failure with its class
    }
  }

  /** The feature set a folder of the suite runs with. */
  enum Profile {
    WASM_2_0("wasm-2.0", Feature.WASM_2_0),
    TAIL_CALL("tail-call", Feature.with(Feature.WASM_2_0, Feature.TAIL_CALL)),
    MULTI_MEMORY("multi-memory", Feature.with(Feature.WASM_2_0, Feature.MULTI_MEMORY)),
    EXTENDED_CONST("extended-const", Feature.with(Feature.WASM_2_0, Feature.EXTENDED_CONST));

    final String name;
    final Set<Feature> features;

    Profile(String name, Set<Feature> features) {
      this.name = name;
      this.features = Set.copyOf(features);
    }

    static Profile of(String rel) {
      for (Profile p : values()) {
        if (rel.startsWith("proposals/" + p.name + "/")) {
          return p;
        }
      }
      return WASM_2_0;
    }
  }

  /** Finds the testsuite folder, or skips the tests saying where it looked and how to get it. */
  static final class TestSuite {
    static Path locate() {
      String property = System.getProperty("wasmj.testsuite");
      Path searched;
      if (property != null) {
        searched = Path.of(property);
      } else {
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.isDirectory(repo.resolve(".git"))) {
          repo = repo.getParent();
        }
        searched = (repo == null ? Path.of("").toAbsolutePath() : repo)
            .resolveSibling("shared").resolve("wasm-testsuite");
      }
      String message =
          "spec tests skipped: no testsuite at " + searched + "/json. Put the prepared suite at"
              + " ../shared/wasm-testsuite next to the repository, or pass -Dwasmj.testsuite=<dir>;"
              + " to regenerate it, clone https://github.com/WebAssembly/testsuite at commit"
              + " 88e97b0f742f4c3ee01fea683da130f344dd7b02 and convert each .wast with wabt's"
              + " wast2json (see that folder's README.md and regen.sh).";
      if (!Files.isDirectory(searched.resolve("json"))) {
        System.out.println(message);
      }
      Assumptions.assumeTrue(Files.isDirectory(searched.resolve("json")), message);
      return searched;
    }
  }
}
