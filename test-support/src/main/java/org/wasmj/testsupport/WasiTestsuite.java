package org.wasmj.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The official WASI testsuite ({@code ../shared/wasi-testsuite}), read as its README's contract
 * says: every {@code tests/<lang>/testsuite/wasm32-wasip1/<name>.wasm} is a test, its optional
 * {@code <name>.json} gives args, env, root, exit code and the expected start of stdout/stderr.
 * Used by the in-process runner here and by the CLI's out-of-process runner.
 */
public final class WasiTestsuite {
  private WasiTestsuite() {}

  /** One test of the suite. */
  public record Case(String lang, String name, Path wasm, List<String> args,
      Map<String, String> env, Path root, int exitCode, String stdout, String stderr) {
    /** {@code lang/name}. */
    public String id() {
      return lang + "/" + name;
    }

    /**
     * A fresh copy of the test's root directory in {@code scratch} (symlinks copied as links),
     * or {@code null} if the test has none.
     */
    public Path copyRoot(Path scratch) throws IOException {
      if (root == null) {
        return null;
      }
      Path copy = scratch.resolve("root");
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path target = copy.resolve(root.relativize(p).toString());
          if (Files.isSymbolicLink(p)) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(p));
          } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      return copy;
    }

    /** Why the run does not meet the expectation, or {@code null} if it does. */
    public String check(int actualExit, String actualStdout, String actualStderr) {
      if (actualExit != exitCode) {
        return "exit code " + actualExit + ", expected " + exitCode + tail(actualStderr);
      }
      if (stdout != null && !actualStdout.startsWith(stdout)) {
        return "stdout " + quote(actualStdout) + " does not start with " + quote(stdout);
      }
      if (stderr != null && !actualStderr.startsWith(stderr)) {
        return "stderr " + quote(actualStderr) + " does not start with " + quote(stderr);
      }
      return null;
    }

    private static String tail(String stderr) {
      String s = stderr.strip();
      if (s.isEmpty()) {
        return "";
      }
      return "; stderr: " + (s.length() > 600 ? "..." + s.substring(s.length() - 600) : s);
    }

    private static String quote(String s) {
      return '"' + (s.length() > 200 ? s.substring(0, 200) + "..." : s).replace("\n", "\\n") + '"';
    }

    @Override
    public String toString() {
      return id();
    }
  }

  /**
   * The suite's folder: {@code -Dwasmj.wasi.testsuite=<dir>} or {@code ../shared/wasi-testsuite}
   * next to the repository; if absent, the calling test is skipped with a message saying how to
   * get it (and the message is printed).
   */
  public static Path locate() {
    return Shared.locate("wasi-testsuite", "wasmj.wasi.testsuite", "tests",
        "Put the suite at ../shared/wasi-testsuite next to the repository: clone"
            + " https://github.com/WebAssembly/wasi-testsuite, branch prod/testsuite-base, which"
            + " holds the prebuilt tests/<lang>/testsuite/wasm32-wasip1 folders");
  }

  /** Every test of the suite at {@code suite}, in a stable order. */
  public static List<Case> cases(Path suite) {
    List<Case> out = new ArrayList<>();
    try (Stream<Path> langs = Files.list(suite.resolve("tests"))) {
      for (Path lang : langs.sorted().toList()) {
        Path dir = lang.resolve("testsuite").resolve("wasm32-wasip1");
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path wasm : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
            out.add(read(lang.getFileName().toString(), wasm));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Case read(String lang, Path wasm) throws IOException {
    String file = wasm.getFileName().toString();
    String name = file.substring(0, file.length() - ".wasm".length());
    Path json = wasm.resolveSibling(name + ".json");
    Map<String, Object> spec = Files.exists(json)
        ? (Map<String, Object>) Json.parse(Files.readString(json, StandardCharsets.UTF_8))
        : Map.of();
    List<String> args = new ArrayList<>();
    for (Object a : (List<Object>) spec.getOrDefault("args", List.of())) {
      args.add((String) a);
    }
    Map<String, String> env = new LinkedHashMap<>();
    ((Map<String, Object>) spec.getOrDefault("env", Map.of()))
        .forEach((k, v) -> env.put(k, (String) v));
    Object root = spec.get("root");
    Object exit = spec.getOrDefault("exit_code", 0L);
    return new Case(lang, name, wasm, List.copyOf(args), env,
        root == null ? null : wasm.resolveSibling((String) root),
        ((Number) exit).intValue(), (String) spec.get("stdout"), (String) spec.get("stderr"));
  }

  /** Deletes {@code dir} and everything under it, symlinks as links. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
