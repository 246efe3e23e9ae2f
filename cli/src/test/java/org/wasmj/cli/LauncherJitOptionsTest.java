package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The classes and methods of ours that the launcher ({@code wasmj} at the repository's root) names
 * in its HotSpot compile commands exist: a renamed class or method would leave its option matching
 * nothing, silently.
 */
class LauncherJitOptionsTest {
  private static final Path LAUNCHER = Path.of("..", "wasmj").toAbsolutePath().normalize();

  /** {@code org/wasmj/...Class} or {@code org/wasmj/...Class.method}, without shell variables. */
  private static final Pattern NAMED = Pattern.compile("org/wasmj/[a-z/]+/([A-Z]\\w*)(?:\\.(\\w+))?");

  /** The loop naming classes of the asm executor by prefix: {@code for c in A B C; do}. */
  private static final Pattern ASM_PREFIXES =
      Pattern.compile("for c in ([A-Za-z ]+); do\\s+c1\\+=\\(\"org/wasmj/exec/asm/\\$c\\*\"\\)");

  @Test
  void everyClassAndMethodNamedExists() throws Exception {
    String script = Files.readString(LAUNCHER);
    List<String> named = new ArrayList<>();
    Matcher m = NAMED.matcher(script);
    while (m.find()) {
      String className = m.group().substring(0, m.end(1) - m.start()).replace('/', '.');
      Class<?> c = Class.forName(className, false, getClass().getClassLoader());
      if (m.group(2) != null) {
        String method = m.group(2);
        assertTrue(Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals),
            () -> className + " has no method " + method + ", which the launcher names");
      }
      named.add(m.group());
    }
    assertTrue(named.contains("org/wasmj/exec/loopswitch/Interpreter.cold"), () -> "found " + named);
  }

  @Test
  void everyAsmClassPrefixNamesAClass() throws Exception {
    Matcher m = ASM_PREFIXES.matcher(Files.readString(LAUNCHER));
    assertTrue(m.find(), "the launcher's loop over the asm executor's classes");
    List<String> classes =
        classesOf(Class.forName("org.wasmj.exec.asm.FunctionCompiler", false, getClass().getClassLoader()));
    assertFalse(classes.isEmpty());
    for (String prefix : m.group(1).trim().split(" +")) {
      assertTrue(classes.stream().anyMatch(c -> c.startsWith("org/wasmj/exec/asm/" + prefix)),
          () -> "no class of org.wasmj.exec.asm starts with " + prefix + ", which the launcher names");
    }
  }

  /** The class files (as {@code a/b/C.class} names) beside {@code c} in its directory or jar. */
  private static List<String> classesOf(Class<?> c) throws IOException, URISyntaxException {
    Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> files = Files.walk(where)) {
        files.map(p -> where.relativize(p).toString().replace('\\', '/')).forEach(out::add);
      }
    } else {
      try (JarFile jar = new JarFile(where.toFile())) {
        jar.stream().map(e -> e.getName()).forEach(out::add);
      }
    }
    return out;
  }
}
