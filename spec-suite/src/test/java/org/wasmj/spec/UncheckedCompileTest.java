package org.wasmj.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.spec.SpecSuiteTest.Profile;
import org.wasmj.testsupport.Json;

/**
 * On valid input, {@link Module#compileUnchecked} translates exactly as {@link Module#compile}:
 * for every module of the spec suite that compiles, every function's IR is the same (the
 * unchecked walker hands the translator what the validator does). On the suite's invalid modules
 * it gives a module or a {@link WasmException}, never another exception.
 */
class UncheckedCompileTest {
  @Test
  void validModulesTranslateAsWhenChecked() throws IOException {
    Path json = SpecSuiteTest.TestSuite.locate().resolve("json");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(json)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    List<String> mismatches = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (Path f : files) {
      String rel = json.relativize(f).toString().replace('\\', '/');
      Engine engine = new Engine(Config.defaults().withExecutor("switch")
          .withCompilationMode(CompilationMode.EAGER).withFeatures(Profile.of(rel).executable));
      Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(f));
      for (Object o : (List<?>) root.get("commands")) {
        Map<?, ?> c = (Map<?, ?>) o;
        String name = (String) c.get("filename");
        if (name == null || !name.endsWith(".wasm")) {
          continue;
        }
        byte[] bytes = read(f.resolveSibling(name));
        String checked = ir(engine, bytes, true);
        String unchecked = ir(engine, bytes, false);
        if (checked != null) {
          valid++;
          if (!checked.equals(unchecked)) {
            mismatches.add(rel + " " + name + ":\n" + checked + "\nunchecked:\n" + unchecked);
          }
        } else {
          invalid++; // a WasmException or a module from compileUnchecked: both fine
        }
      }
    }
    assertTrue(valid > 1000, valid + " valid modules");
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + " of " + valid + " valid modules (and " + invalid
          + " rejected) translate differently:\n" + mismatches.get(0));
    }
  }

  /** Every defined function's IR, or null if compiling throws a {@link WasmException}. */
  private static String ir(Engine engine, byte[] bytes, boolean checked) {
    try {
      Module m = checked ? Module.compile(engine, bytes) : Module.compileUnchecked(engine, bytes);
      WasmModule decoded = WasmParser.parse(bytes, engine.config().features());
      StringBuilder ir = new StringBuilder();
      for (int i = decoded.importedFunctionCount(); i < decoded.functionCount(); i++) {
        ir.append(m.disassemble(Integer.toString(i))).append('\n');
      }
      return ir.toString();
    } catch (WasmException e) {
      return null;
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
