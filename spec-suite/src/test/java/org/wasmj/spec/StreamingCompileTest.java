package org.wasmj.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmj.WasmException;
import org.wasmj.exec.CompilationMode;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.spec.SpecSuiteTest.Profile;
import org.wasmj.testsupport.Json;
import org.wasmj.testsupport.Mutations;

/**
 * Compiling from a stream ({@link Module#compile(Engine, InputStream)}, which decodes, validates
 * and translates as bytes arrive) gives exactly what compiling the same bytes as an array gives:
 * the same exception (class and message, offset included) or the same IR for every function. For
 * every binary module of the spec suite ({@code module}, {@code assert_malformed},
 * {@code assert_invalid}, ...) in each compilation mode, delivered in chunks of random sizes
 * (one byte at a time, too); and, in the eager mode, for copies of each cut short at random
 * points (a stream that ends early) and randomly damaged ({@link Mutations}).
 */
class StreamingCompileTest {
  private static final int CUTS_PER_MODULE = 16;
  private static final int MUTANTS_PER_MODULE = 4;

  @TestFactory
  Stream<DynamicTest> streamsCompileAsArrays() {
    Path json = SpecSuiteTest.TestSuite.locate().resolve("json");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(json)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files.stream().map(f -> {
      String rel = json.relativize(f).toString().replace('\\', '/');
      return DynamicTest.dynamicTest(rel, () -> compareFile(f, rel));
    });
  }

  private static void compareFile(Path file, String rel) throws IOException {
    Profile profile = Profile.of(rel);
    Map<CompilationMode, Engine> engines = new java.util.EnumMap<>(CompilationMode.class);
    for (CompilationMode mode : CompilationMode.values()) {
      engines.put(mode, new Engine(Config.defaults().withExecutor("switch")
          .withCompilationMode(mode).withFeatures(profile.executable)));
    }
    Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file));
    Random random = new Random(rel.hashCode());
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (Object o : (List<?>) root.get("commands")) {
      Map<?, ?> c = (Map<?, ?>) o;
      String name = (String) c.get("filename");
      if (name == null || !name.endsWith(".wasm")) {
        continue; // text modules, actions
      }
      byte[] bytes = Files.readAllBytes(file.resolveSibling(name));
      String what = name + " (" + c.get("type") + ", line " + c.get("line") + ")";
      for (CompilationMode mode : CompilationMode.values()) {
        compared += compare(engines.get(mode), bytes, random, what + " " + mode.cliName(),
            mismatches);
      }
      Engine eager = engines.get(CompilationMode.EAGER);
      for (int k = 0; k < CUTS_PER_MODULE && bytes.length > 1; k++) {
        int cut = k == 0 ? bytes.length - 1 : random.nextInt(bytes.length);
        compared += compare(eager, Arrays.copyOf(bytes, cut), random, what + " cut at " + cut,
            mismatches);
      }
      for (int k = 0; k < MUTANTS_PER_MODULE; k++) {
        long seed = random.nextLong();
        compared += compare(eager, Mutations.mutate(bytes, new Random(seed)), random,
            what + " mutated with seed " + seed, mismatches);
      }
    }
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + " of " + compared + " differ:\n" + String.join("\n",
          mismatches.subList(0, Math.min(20, mismatches.size()))));
    }
  }

  /** Compiles {@code bytes} from an array and from two streams; records a mismatch; returns 3. */
  private static int compare(Engine engine, byte[] bytes, Random random, String what,
      List<String> mismatches) {
    String array = outcome(engine, bytes, null);
    String chunked = outcome(engine, bytes, new Chunked(bytes, random, 64));
    String byteByByte = outcome(engine, bytes, new Chunked(bytes, random, 1));
    if (!array.equals(chunked) || !array.equals(byteByByte)) {
      mismatches.add(what + ":\n  array:  " + array + "\n  stream: " + chunked
          + "\n  1 byte: " + byteByByte);
    }
    return 3;
  }

  /**
   * The error compiling gives, or every defined function's IR (translated now in the lazy modes,
   * which also validates the bodies there).
   */
  private static String outcome(Engine engine, byte[] bytes, InputStream stream) {
    try {
      Module m = stream == null ? Module.compile(engine, bytes) : Module.compile(engine, stream);
      WasmModule decoded = WasmParser.parse(bytes, engine.config().features());
      StringBuilder ir = new StringBuilder("compiled");
      for (int i = decoded.importedFunctionCount(); i < decoded.functionCount(); i++) {
        ir.append('\n').append(m.disassemble(Integer.toString(i)));
      }
      return ir.toString();
    } catch (WasmException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes, delivered in chunks of 1 to {@code maxChunk} bytes; {@code available()} is 0. */
  private static final class Chunked extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private final int maxChunk;
    private int pos;

    Chunked(byte[] bytes, Random random, int maxChunk) {
      this.bytes = bytes;
      this.random = random;
      this.maxChunk = maxChunk;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(maxChunk)), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  @org.junit.jupiter.api.Test
  void chunkedStreamsDeliverEveryByte() throws IOException {
    byte[] bytes = new byte[1000];
    new Random(1).nextBytes(bytes);
    assertEquals(Arrays.toString(bytes),
        Arrays.toString(new Chunked(bytes, new Random(2), 7).readAllBytes()));
  }
}
