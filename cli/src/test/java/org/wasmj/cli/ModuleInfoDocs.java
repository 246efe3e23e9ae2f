package org.wasmj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code module-info-docs/modules.md} from the repository's {@code module-info.java}
 * files: a Mermaid graph of the modules and tables of their exports and services.
 * {@code ModuleInfoDocsTest} fails when the committed page differs from what this writes.
 */
final class ModuleInfoDocs {
  private ModuleInfoDocs() {}

  /** The generated page, relative to the repository root. */
  static final Path PAGE = Path.of("module-info-docs/modules.md");

  /**
   * One {@code requires}: the module read, whether its readers read it too, and whether it is
   * needed at compile time only ({@code static}: optional at run time).
   */
  record Requires(String module, boolean transitive, boolean optional) {}

  /** One {@code module-info.java}, read from its text. */
  record ModuleInfo(
      String folder,
      String artifactId,
      String name,
      String summary,
      List<Requires> requires,
      Map<String, List<String>> exports, // package -> target modules, empty if to all
      Map<String, List<String>> opens,
      List<String> uses,
      Map<String, List<String>> provides) {} // service -> implementations

  /** Every {@code <folder>/src/main/java/module-info.java} under {@code root}, by folder name. */
  static List<ModuleInfo> read(Path root) throws IOException {
    List<ModuleInfo> modules = new ArrayList<>();
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.sorted().collect(Collectors.toList())) {
        Path file = folder.resolve("src/main/java/module-info.java");
        if (Files.isRegularFile(file)) {
          modules.add(parse(folder.getFileName().toString(), artifactId(folder.resolve("pom.xml")),
              Files.readString(file)));
        }
      }
    }
    return modules;
  }

  private static String artifactId(Path pom) throws IOException {
    String text = Files.readString(pom);
    int afterParent = Math.max(0, text.indexOf("</parent>"));
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
    if (!m.find(afterParent)) {
      throw new IllegalStateException("no artifactId in " + pom);
    }
    return m.group(1);
  }

  private static final Pattern DOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{(.*)\\}", Pattern.DOTALL);
  private static final Pattern LIST = Pattern.compile("\\s*,\\s*");

  /** Reads the directives of one module declaration (annotations and {@code open} modules aside). */
  static ModuleInfo parse(String folder, String artifactId, String source) {
    Matcher doc = DOC.matcher(source);
    String summary = doc.find() ? summary(doc.group(1)) : "";
    Matcher module = MODULE.matcher(COMMENTS.matcher(source).replaceAll(" "));
    if (!module.find()) {
      throw new IllegalArgumentException("no module declaration in " + folder);
    }
    List<Requires> requires = new ArrayList<>();
    Map<String, List<String>> exports = new LinkedHashMap<>();
    Map<String, List<String>> opens = new LinkedHashMap<>();
    List<String> uses = new ArrayList<>();
    Map<String, List<String>> provides = new LinkedHashMap<>();
    for (String directive : module.group(2).split(";")) {
      String[] words = directive.trim().split("\\s+", 2);
      if (words[0].isEmpty()) {
        continue;
      }
      String rest = words.length > 1 ? words[1].trim() : "";
      switch (words[0]) {
        case "requires":
          List<String> parts = List.of(rest.split("\\s+"));
          requires.add(new Requires(parts.get(parts.size() - 1), parts.contains("transitive"),
              parts.contains("static")));
          break;
        case "exports":
        case "opens":
          String[] to = rest.split("\\s+to\\s+", 2);
          (words[0].equals("exports") ? exports : opens).put(to[0].trim(),
              to.length > 1 ? List.of(LIST.split(to[1].trim())) : List.of());
          break;
        case "uses":
          uses.add(rest);
          break;
        case "provides":
          String[] with = rest.split("\\s+with\\s+", 2);
          provides.put(with[0].trim(), List.of(LIST.split(with[1].trim())));
          break;
        default:
          throw new IllegalArgumentException("unknown directive in " + folder + ": " + directive);
      }
    }
    return new ModuleInfo(folder, artifactId, module.group(1), summary, requires, exports, opens,
        uses, provides);
  }

  /** The first sentence of a doc comment, as Markdown. */
  private static String summary(String comment) {
    String text = comment.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").trim();
    text = text.replaceAll("\\{@code ([^}]*)}", "`$1`")
        .replaceAll("\\{@link (?:[\\w.]+\\.)?(\\w+)}", "`$1`");
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** The whole page. */
  static String page(List<ModuleInfo> modules) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the module-info.java files by ModuleInfoDocs (cli's tests); do not edit.\n")
        .append("     ModuleInfoDocsTest fails when this is stale: rerun it with -Dwasmj.regenerate=true. -->\n")
        .append("# The modules\n\n")
        .append("wasmj's JPMS modules as their `module-info.java` files declare them. In the graph, an\n")
        .append("arrow is `requires` (thick: `requires transitive`, so the reader's readers read the\n")
        .append("target too; labelled `static`: needed to compile only, optional at run time) and a dotted\n")
        .append("arrow goes from a service's provider to the module that uses it.\n")
        .append("Modules outside wasmj are grey; `java.base` is left out.\n\n");
    graph(out, modules);
    out.append("\n## Modules\n\n| module | folder (artifactId) | requires | what it is |\n|---|---|---|---|\n");
    for (ModuleInfo m : modules) {
      String requires = m.requires().stream()
          .map(r -> "`" + r.module() + "`" + (r.transitive() ? " (transitive)" : "")
              + (r.optional() ? " (static: optional at run time)" : ""))
          .collect(Collectors.joining(", "));
      out.append("| `").append(m.name()).append("` | `").append(m.folder()).append("`")
          .append(m.folder().equals(m.artifactId()) ? "" : " (`" + m.artifactId() + "`)")
          .append(" | ").append(requires.isEmpty() ? "—" : requires)
          .append(" | ").append(m.summary()).append(" |\n");
    }
    out.append("\n## Packages\n\n")
        .append("Exported to all: the API any module may use. Exported or opened to named modules\n")
        .append("only (qualified): visible to those and no others, so they are not API.\n\n")
        .append("| module | exported to all | exported to named modules only | opened to |\n|---|---|---|---|\n");
    for (ModuleInfo m : modules) {
      out.append("| `").append(m.name()).append("` | ")
          .append(cell(m.exports().entrySet().stream().filter(e -> e.getValue().isEmpty())
              .map(e -> "`" + e.getKey() + "`").collect(Collectors.toList())))
          .append(" | ")
          .append(cell(m.exports().entrySet().stream().filter(e -> !e.getValue().isEmpty())
              .map(e -> "`" + e.getKey() + "` to " + code(e.getValue())).collect(Collectors.toList())))
          .append(" | ")
          .append(cell(m.opens().entrySet().stream()
              .map(e -> "`" + e.getKey() + "`" + (e.getValue().isEmpty() ? "" : " to " + code(e.getValue())))
              .collect(Collectors.toList())))
          .append(" |\n");
    }
    out.append("\n## Services\n\n| service | used by | provided by |\n|---|---|---|\n");
    Map<String, TreeSet<String>> users = new TreeMap<>();
    Map<String, List<String>> providers = new TreeMap<>();
    for (ModuleInfo m : modules) {
      m.uses().forEach(s -> users.computeIfAbsent(s, k -> new TreeSet<>()).add(m.name()));
      m.provides().forEach((s, impls) -> {
        users.computeIfAbsent(s, k -> new TreeSet<>());
        impls.forEach(i -> providers.computeIfAbsent(s, k -> new ArrayList<>())
            .add("`" + i + "` (`" + m.name() + "`)"));
      });
    }
    users.forEach((service, by) -> out.append("| `").append(service).append("` | ")
        .append(cell(by.stream().map(u -> "`" + u + "`").collect(Collectors.toList()))).append(" | ")
        .append(cell(providers.getOrDefault(service, List.of()))).append(" |\n"));
    return out.toString();
  }

  private static void graph(StringBuilder out, List<ModuleInfo> modules) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (ModuleInfo m : modules) {
      ids.put(m.name(), m.folder().replace('-', '_'));
    }
    TreeSet<String> outside = new TreeSet<>();
    for (ModuleInfo m : modules) {
      for (Requires r : m.requires()) {
        if (!ids.containsKey(r.module())) {
          outside.add(r.module());
        }
      }
    }
    for (String o : outside) {
      ids.put(o, o.replace('.', '_'));
    }
    out.append("```mermaid\nflowchart BT\n");
    for (ModuleInfo m : modules) {
      out.append("  ").append(ids.get(m.name())).append("[\"").append(m.name())
          .append("<br/><i>").append(m.folder()).append("</i>\"]\n");
    }
    for (String o : outside) {
      out.append("  ").append(ids.get(o)).append("[\"").append(o).append("\"]:::outside\n");
    }
    for (ModuleInfo m : modules) {
      for (Requires r : m.requires()) {
        out.append("  ").append(ids.get(m.name()))
            .append(r.optional() ? " -- static --> " : r.transitive() ? " ==> " : " --> ")
            .append(ids.get(r.module())).append('\n');
      }
    }
    for (ModuleInfo provider : modules) {
      for (String service : provider.provides().keySet()) {
        for (ModuleInfo user : modules) {
          if (user.uses().contains(service)) {
            out.append("  ").append(ids.get(provider.name())).append(" -. ")
                .append(service.substring(service.lastIndexOf('.') + 1)).append(" .-> ")
                .append(ids.get(user.name())).append('\n');
          }
        }
      }
    }
    out.append("  classDef outside fill:#eee,stroke:#999,color:#555\n```\n");
  }

  private static String code(List<String> names) {
    return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

  private static String cell(List<String> items) {
    return items.isEmpty() ? "—" : String.join("<br>", items);
  }

  /** Rewrites the page under {@code root}. */
  static void write(Path root) {
    try {
      Files.writeString(root.resolve(PAGE), page(read(root)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
