package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.wasmj.exec.Config;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

/**
 * {@link JitDirectives}: its patterns take the chunk methods of the {@code asm} executor's
 * classes and none of their other methods (a function's {@code call}/{@code callAt}, the chunks'
 * driver), nor the other kinds of class; the launcher names the same patterns and turns the
 * directives off; HotSpot takes them; they are not given under {@code -Dwasmj.jitDirectives=off}
 * or on another JVM.
 */
class JitDirectivesTest {
  @Test
  void patternsTakeTheChunksOfAsmClassesOnly() throws Exception {
    Set<String> methods = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(DifferentialTest.repository().resolve("examples"))) {
      files = list.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
    }
    TypeRegistry types = new TypeRegistry();
    for (Path file : files) {
      WasmModule m = WasmParser.parse(Files.readAllBytes(file), Config.DEFAULT_FEATURES);
      ModuleCode counted = new ModuleCode(m, Config.DEFAULT_FEATURES, types, false, true, true);
      for (int k = 0; k < counted.functionCount(); k++) {
        for (boolean tiered : new boolean[] {false, true}) {
          FunctionCompiler c = new FunctionCompiler(m, "wasmj/gen/F" + k, k, counted.compiled(k), tiered);
          c.outlinedCallee = j -> Op.loops(counted.compiled(j).code());
          FunctionCompiler.forcedChunkBudget = 30;
          try {
            methods.addAll(methodNames(c.compile(tiered).bytes()));
          } finally {
            FunctionCompiler.forcedChunkBudget = 0;
          }
        }
      }
    }
    assertTrue(methods.containsAll(List.of("chunk0", "chunk1", "call", "callAt", "drive", "invoke")),
        () -> "generated methods " + methods);
    for (String kind : List.of(ModuleClassLoader.ENTRY, ModuleClassLoader.COMPILED,
        ModuleClassLoader.WIDE, ModuleClassLoader.LATE)) {
      String className = ModuleClassLoader.internalName(kind, 17);
      boolean asm = kind.equals(ModuleClassLoader.ENTRY);
      for (String method : methods) {
        boolean chunk = method.matches(FunctionCompiler.CHUNK + "\\d+");
        assertEquals(asm && chunk, JitDirectives.BLOCKING.stream().anyMatch(p -> matches(p, className, method)),
            () -> className + "." + method);
      }
    }
  }

  @Test
  void launcherNamesTheSamePatterns() throws Exception {
    String launcher = Files.readString(DifferentialTest.repository().resolve("wasmj"));
    Matcher m = Pattern.compile("CompileCommand=BackgroundCompilation,([^,\\s]+),false").matcher(launcher);
    List<String> named = new ArrayList<>();
    while (m.find()) {
      named.add(m.group(1));
    }
    List<String> blocking = new ArrayList<>(JitDirectives.BLOCKING);
    blocking.add(JitDirectives.TIERED_CHUNKS); // blocking in the directives too (JitDirectives.text)
    assertEquals(blocking, named);
    assertTrue(launcher.lines().anyMatch(l -> !l.strip().startsWith("#")
        && l.contains(" -D" + JitDirectives.PROPERTY + "=off")), "the launcher turns the directives off");
  }

  @Test
  void notWantedWhenOffOrNotHotSpot() {
    assertNull(JitDirectives.start("off", "OpenJDK 64-Bit Server VM"));
    assertNull(JitDirectives.start(null, "Eclipse OpenJ9 VM"));
    assertNull(JitDirectives.start("", null));
    assertTrue(JitDirectives.wanted(null, "Java HotSpot(TM) 64-Bit Server VM"));
    assertTrue(JitDirectives.wanted("on", "OpenJDK 64-Bit Server VM"));
  }

  @Test
  void hotSpotTakesThem() throws Exception {
    String vm = System.getProperty("java.vm.name");
    if (!JitDirectives.wanted(null, vm)) {
      return; // another JVM: nothing to check
    }
    ObjectName dcmd = new ObjectName("com.sun.management:type=DiagnosticCommand");
    var server = ManagementFactory.getPlatformMBeanServer();
    Thread t = JitDirectives.start(null, vm);
    t.join(60_000);
    assertFalse(t.isAlive());
    try {
      String printed = (String) server.invoke(dcmd, "compilerDirectivesPrint", new Object[] {null},
          new String[] {String[].class.getName()});
      for (String p : JitDirectives.BLOCKING) {
        assertTrue(printed.contains(p), () -> p + " not in\n" + printed);
      }
      assertTrue(printed.contains("BackgroundCompilation:false"), printed);
      assertTrue(printed.contains(JitDirectives.C1_NOT_INLINED), printed); // (in c1's inline list)
    } finally {
      server.invoke(dcmd, "compilerDirectivesRemove", new Object[] {null}, new String[] {String[].class.getName()});
    }
  }

  /** Whether HotSpot's {@code class.method} pattern (a {@code *} at either end of a part) takes the method. */
  private static boolean matches(String pattern, String className, String method) {
    int dot = pattern.lastIndexOf('.');
    return part(pattern.substring(0, dot), className) && part(pattern.substring(dot + 1), method);
  }

  private static boolean part(String pattern, String name) {
    boolean prefix = pattern.endsWith("*");
    boolean suffix = pattern.startsWith("*");
    String core = pattern.substring(suffix ? 1 : 0, pattern.length() - (prefix ? 1 : 0));
    return prefix && suffix ? name.contains(core) : prefix ? name.startsWith(core)
        : suffix ? name.endsWith(core) : name.equals(core);
  }

  private static List<String> methodNames(byte[] bytes) {
    List<String> names = new ArrayList<>();
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String d, String s, String[] e) {
        names.add(name);
        return null;
      }
    }, ClassReader.SKIP_CODE);
    return names;
  }
}
