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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.Feature;
import org.wasmj.exec.CompilationMode;
import org.wasmj.testsupport.Json;
import org.wasmj.testsupport.Shared;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;

/**
 * Runs the official spec tests ({@code ../shared/wasm-testsuite/json}) on every executor found
 * and in every compilation mode: one dynamic test per file, executor and mode, then a report
 * written to {@code target/spec-report.tsv} (see {@link Report}) and printed per executor and mode.
 * {@link SpecFile} runs the commands of one file.
 */
class SpecSuiteTest {
  /**
   * The {@code tiered} executor compiles a function on its second call (or loop iteration), so
   * that the suite runs every function in both tiers and across the swap (the default, 1,000,
   * would leave the suite's short runs in the interpreter).
   */
  static final int TIERING_THRESHOLD = 2;
  /** {@code -Dwasmj.spec.controls}: {@code true} (fuel and epochs), {@code fuel}, {@code epoch}, else none. */
  private static final String CONTROLS = System.getProperty("wasmj.spec.controls", "false");

  @TestFactory
  Stream<DynamicNode> specSuite() {
    Path json = TestSuite.locate().resolve("json");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(json)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Report report = new Report();
    List<DynamicNode> nodes = new ArrayList<>();
    String only = System.getProperty("wasmj.spec.executors"); // e.g. "switch,asm"; all by default
    for (String executor : Engine.executors()) {
      if (only != null && !List.of(only.split(",")).contains(executor)) {
        continue;
      }
      for (CompilationMode mode : CompilationMode.values()) {
        List<DynamicTest> perFile = new ArrayList<>();
        for (Path f : files) {
          String rel = json.relativize(f.getParent()).toString().replace('\\', '/');
          perFile.add(DynamicTest.dynamicTest(rel, () -> runFile(f, rel, executor, mode, report)));
        }
        nodes.add(DynamicContainer.dynamicContainer(executor + " " + mode.cliName(), perFile));
      }
    }
    nodes.add(DynamicTest.dynamicTest("report", () -> report.write(Path.of("target"), System.out)));
    return nodes.stream();
  }

  private static void runFile(Path file, String rel, String executor, CompilationMode mode,
      Report report) throws IOException {
    Profile profile = Profile.of(rel);
    Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file));
    Engine engine = new Engine(Config.defaults()
        .withExecutor(executor)
        .withCompilationMode(mode)
        .withFeatures(profile.executable)
        .withTieringThreshold(TIERING_THRESHOLD)
        .withCompilerThreads(0) // every function runs in both tiers, deterministically
        // -Dwasmj.spec.controls=true: with fuel and interruption checks (SpecFile gives fuel);
        // =fuel or =epoch: with one of them (code generated for epochs alone differs)
        .withFuel(CONTROLS.equals("true") || CONTROLS.equals("fuel"))
        .withEpochInterruption(CONTROLS.equals("true") || CONTROLS.equals("epoch")));
    SpecFile spec = new SpecFile(file, rel, profile, engine, report);
    List<String> failures = new ArrayList<>();
    for (Object o : (List<?>) root.get("commands")) {
      String failure = spec.run((Map<?, ?>) o);
      if (failure != null) {
        failures.add(failure);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " failures:\n" + String.join("\n", failures));
    }
  }

  /** The feature set a folder of the suite runs with. */
  enum Profile {
    WASM_2_0("wasm-2.0", Feature.WASM_2_0),
    TAIL_CALL("tail-call", Feature.with(Feature.WASM_2_0, Feature.TAIL_CALL)),
    MULTI_MEMORY("multi-memory", Feature.with(Feature.WASM_2_0, Feature.MULTI_MEMORY)),
    EXTENDED_CONST("extended-const", Feature.with(Feature.WASM_2_0, Feature.EXTENDED_CONST));

    final String name;
    /** What engines run the folder's modules with (SIMD included, as in Wasm 2.0). */
    final Set<Feature> executable;

    Profile(String name, Set<Feature> features) {
      this.name = name;
      this.executable = Set.copyOf(features);
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
      return Shared.locate("wasm-testsuite", "wasmj.testsuite", "json",
          "Put the prepared suite at ../shared/wasm-testsuite next to the repository; to"
              + " regenerate it, clone https://github.com/WebAssembly/testsuite at commit"
              + " 88e97b0f742f4c3ee01fea683da130f344dd7b02 and convert each .wast with wabt's"
              + " wast2json (see that folder's README.md and regen.sh)");
    }
  }
}
