package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes and methods of ours that the launcher ({@code wasmj} at the repository's root) names
 * in its HotSpot compile commands exist: a renamed class or method would leave its option matching
 * nothing, silently; and the launcher's choice of JIT threads for a wide module.
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

  /** The launcher's case of run's options that take the next argument as their value. */
  private static final Pattern TAKES_VALUE = Pattern.compile("\\n\\s*(--[a-z0-9-]+(?:[\\s|\\\\]+--[a-z0-9-]+)*)\\)"
      + " takes_value=1");

  @Test
  void theLauncherSkipsTheValuesOfExactlyRunsOptionsThatTakeOne() throws Exception {
    Matcher m = TAKES_VALUE.matcher(Files.readString(LAUNCHER));
    assertTrue(m.find(), "the launcher's case of options that take a value");
    Set<String> launcher = new TreeSet<>(Arrays.asList(m.group(1).split("[\\s|\\\\]+")));
    Set<String> run = new TreeSet<>();
    for (Field f : RunCommand.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Option.class) {
        f.setAccessible(true);
        Option<?> o = (Option<?>) f.get(null);
        if (o.takesValue()) {
          run.add(o.name());
        }
      }
    }
    assertTrue(run.contains("--invoke") && run.contains("--dir"), () -> "found " + run);
    assertEquals(run, launcher);
  }

  /**
   * A module of more than 8,192 defined functions gets a second C2 thread on a machine of 2 or 3
   * CPUs (the launcher reads the count from the file's function section, past a custom, a type and
   * an import section whose bytes include NULs); a module of 8,192 does not, nor a wide one under
   * {@code --executor switch} or on 1 CPU. The launcher runs from a copy of the repository's
   * layout with a {@code java} on the PATH that prints its arguments; taskset sets the CPUs.
   */
  @Test
  void aWideModuleGetsASecondC2ThreadOnTwoOrThreeCpus(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "fewer than 2 CPUs");
    Assumptions.assumeTrue(Stream.of("/usr/bin/taskset", "/bin/taskset").anyMatch(t -> new File(t).canExecute()),
        "no taskset here");
    Files.copy(LAUNCHER, dir.resolve("wasmj"));
    Files.createDirectories(dir.resolve("cli/target/lib"));
    Files.write(dir.resolve("cli/target/wasmj-cli.jar"), new byte[0]);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    assertTrue(bin.resolve("java").toFile().setExecutable(true));
    Path wide = dir.resolve("wide.wasm");
    Files.write(wide, module(8193));
    Path narrow = dir.resolve("narrow.wasm");
    Files.write(narrow, module(8192));

    String w = wide.toString();
    assertTrue(secondC2Thread(dir, "0,1", "run", w));
    assertTrue(secondC2Thread(dir, "0,1", w, "--flag"));
    assertTrue(secondC2Thread(dir, "0,1", "run", "--dir", narrow.toString(), "--invoke=f", "-v", "--", w));
    assertTrue(secondC2Thread(dir, "0,1", "run", "--executor", "tiered", w));
    assertFalse(secondC2Thread(dir, "0,1", "run", "--executor", "switch", w));
    assertFalse(secondC2Thread(dir, "0,1", "run", narrow.toString()));
    assertFalse(secondC2Thread(dir, "0,1", "run", "--dir", w, narrow.toString()));
    assertFalse(secondC2Thread(dir, "0,1", "inspect", w));
    assertFalse(secondC2Thread(dir, "0", "run", w));
    if (Runtime.getRuntime().availableProcessors() >= 4) {
      assertFalse(secondC2Thread(dir, "0-3", "run", w));
    }
  }

  /** Whether the launcher copy in {@code dir}, on {@code cpus}, gives java -XX:CICompilerCount=3. */
  private static boolean secondC2Thread(Path dir, String cpus, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus, "bash", dir.resolve("wasmj").toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PATH", dir.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("WASMJ_NO_CDS", "1");
    pb.environment().remove("WASMJ_JAVA_OPTS");
    pb.environment().remove("WASMJ_CLASSPATH");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    List<String> javaArgs = out.lines().toList();
    assertTrue(javaArgs.contains("org.wasmj.cli.Main"), out);
    return javaArgs.contains("-XX:CICompilerCount=3");
  }

  /** A module with a custom, a type, an import and a function section of {@code functions}. */
  private static byte[] module(int functions) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(out, 0, new byte[] {1, 'x', 0, 0, 7, 0});
    section(out, 1, new byte[] {1, 0x60, 0, 0});
    section(out, 2, new byte[] {1, 1, 'a', 1, 'b', 0, 0});
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    leb(f, functions);
    f.write(new byte[functions]); // each of type 0
    section(out, 3, f.toByteArray());
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    leb(out, content.length);
    out.writeBytes(content);
  }

  private static void leb(ByteArrayOutputStream out, int v) {
    while (v >= 0x80) {
      out.write(v & 0x7f | 0x80);
      v >>>= 7;
    }
    out.write(v);
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
