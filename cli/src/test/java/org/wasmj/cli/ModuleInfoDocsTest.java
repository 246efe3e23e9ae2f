package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmj.cli.ModuleInfoDocs.ModuleInfo;

/**
 * {@code module-info-docs/} agrees with the {@code module-info.java} files: the generated page is
 * fresh, the hand-written pages quote module declarations as they are and name only modules,
 * packages and types that exist. Rerun with {@code -Dwasmj.regenerate=true} to rewrite the
 * generated page.
 */
class ModuleInfoDocsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOCS = ROOT.resolve("module-info-docs");

  @Test
  void generatedPageIsFresh() throws IOException {
    Path page = ROOT.resolve(ModuleInfoDocs.PAGE);
    if (Boolean.getBoolean("wasmj.regenerate")) {
      ModuleInfoDocs.write(ROOT);
    }
    assertEquals(ModuleInfoDocs.page(ModuleInfoDocs.read(ROOT)), Files.readString(page),
        ModuleInfoDocs.PAGE + " is stale: rerun ModuleInfoDocsTest with -Dwasmj.regenerate=true");
  }

  /** The page reads the source text; the compiled descriptors on the class path must say the same. */
  @Test
  void readingTheSourcesAgreesWithTheCompiledDescriptors() throws IOException {
    Map<String, ModuleDescriptor> compiled = new TreeMap<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources("module-info.class"))) {
      try (InputStream in = url.openStream()) {
        ModuleDescriptor d = ModuleDescriptor.read(in);
        if (d.name().startsWith("org.wasmj.")) {
          compiled.put(d.name(), d);
        }
      }
    }
    List<ModuleInfo> modules = ModuleInfoDocs.read(ROOT);
    assertEquals(modules.stream().map(ModuleInfo::name).collect(Collectors.toCollection(TreeSet::new)),
        compiled.keySet(), "the modules of the repository and those on cli's test class path");
    for (ModuleInfo m : modules) {
      assertEquals(directives(compiled.get(m.name())), directives(m), m.name());
    }
  }

  /** A compiled descriptor's directives, one per line, sorted ({@code java.base} left out). */
  private static String directives(ModuleDescriptor d) {
    TreeSet<String> lines = new TreeSet<>();
    d.requires().stream().filter(r -> !r.name().equals("java.base"))
        .forEach(r -> lines.add("requires " + r.name()
            + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) ? " transitive" : "")
            + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? " static" : "")));
    d.exports().forEach(e -> lines.add("exports " + e.source() + " to " + new TreeSet<>(e.targets())));
    d.opens().forEach(o -> lines.add("opens " + o.source() + " to " + new TreeSet<>(o.targets())));
    d.uses().forEach(u -> lines.add("uses " + u));
    d.provides().forEach(p -> lines.add("provides " + p.service() + " with " + p.providers()));
    return String.join("\n", lines);
  }

  /** The same lines from the source text as {@link ModuleInfoDocs} read it. */
  private static String directives(ModuleInfo m) {
    TreeSet<String> lines = new TreeSet<>();
    m.requires().forEach(r -> lines.add("requires " + r.module() + (r.transitive() ? " transitive" : "")
        + (r.optional() ? " static" : "")));
    m.exports().forEach((p, to) -> lines.add("exports " + p + " to " + new TreeSet<>(to)));
    m.opens().forEach((p, to) -> lines.add("opens " + p + " to " + new TreeSet<>(to)));
    m.uses().forEach(u -> lines.add("uses " + u));
    m.provides().forEach((service, with) -> lines.add("provides " + service + " with " + with));
    return String.join("\n", lines);
  }

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern DECLARATION = Pattern.compile("^module\\s+([\\w.]+)\\s*\\{");

  /** A page that shows a module declaration shows it as its file has it (comments aside). */
  @Test
  void quotedModuleDeclarationsAreCurrent() throws IOException {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(ROOT, 6)) {
      all.filter(p -> p.endsWith("src/main/java/module-info.java") && !p.toString().contains("/target/"))
          .forEach(p -> files.put(declared(p), p));
    }
    int quoted = 0;
    for (Path page : pages()) {
      Matcher block = JAVA_BLOCK.matcher(Files.readString(page));
      while (block.find()) {
        String code = withoutComments(block.group(1));
        Matcher declaration = DECLARATION.matcher(code);
        if (declaration.find()) {
          String module = declaration.group(1);
          assertTrue(files.containsKey(module), page.getFileName() + " quotes an unknown module " + module);
          assertEquals(withoutComments(Files.readString(files.get(module))), code,
              page.getFileName() + " quotes " + module + "'s declaration; "
                  + ROOT.relativize(files.get(module)) + " now says otherwise");
          quoted++;
        }
      }
    }
    assertTrue(quoted >= 2, "the walk-through and the executor page quote module declarations");
  }

  private static final Pattern NAME = Pattern.compile("\\borg\\.wasmj(?:\\.[A-Za-z_]\\w*)*");

  /** Every {@code org.wasmj...} name on a hand-written page is a module, package or type of ours. */
  @Test
  void namesOnThePagesExist() throws IOException {
    Set<String> modules = ModuleInfoDocs.read(ROOT).stream().map(ModuleInfo::name)
        .collect(Collectors.toSet());
    List<Path> sourceRoots = new ArrayList<>();
    try (Stream<Path> folders = Stream.concat(Files.list(ROOT), Files.list(ROOT.resolve("examples")))) {
      folders.map(f -> f.resolve("src/main/java")).filter(Files::isDirectory).forEach(sourceRoots::add);
    }
    List<String> unknown = new ArrayList<>();
    for (Path page : pages()) {
      Matcher m = NAME.matcher(Files.readString(page));
      while (m.find()) {
        if (!modules.contains(m.group()) && !exists(m.group(), sourceRoots)) {
          unknown.add(page.getFileName() + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), unknown, "names of no module, package or type");
  }

  /** A package (a folder) or a type, possibly followed by a member: {@code a.b.C.member}. */
  private static boolean exists(String name, List<Path> sourceRoots) {
    String[] parts = name.split("\\.");
    for (Path root : sourceRoots) {
      if (Files.isDirectory(root.resolve(String.join("/", parts)))) {
        return true;
      }
      for (int n = parts.length; n > 1; n--) {
        String path = String.join("/", List.of(parts).subList(0, n)) + ".java";
        if (Files.isRegularFile(root.resolve(path))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.list(DOCS)) {
      List<Path> pages = files.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.endsWith(ModuleInfoDocs.PAGE.getFileName())).sorted()
          .collect(Collectors.toList());
      assertFalse(pages.isEmpty(), "no pages in " + DOCS);
      return pages;
    }
  }

  private static String declared(Path moduleInfo) {
    try {
      Matcher m = DECLARATION.matcher(withoutComments(Files.readString(moduleInfo)));
      assertTrue(m.find(), "no module declaration in " + moduleInfo);
      return m.group(1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The code without comments or blank lines, trimmed: the form two declarations are compared in. */
  private static String withoutComments(String code) {
    return Stream.of(code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "").split("\n"))
        .map(String::stripTrailing).filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
  }
}
