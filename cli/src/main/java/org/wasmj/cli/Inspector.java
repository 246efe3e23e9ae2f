package org.wasmj.cli;

import java.io.PrintStream;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.parser.Export;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.Import;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.parser.WasmReader;
import org.wasmj.validator.Validator;

/** Prints what a module holds: sections with offsets and sizes, imports, exports, validity. */
final class Inspector {
  private static final String[] SECTION_NAMES = {
    "custom", "type", "import", "function", "table", "memory", "global", "export", "start",
    "element", "code", "data", "data count"
  };

  private Inspector() {}

  static void print(String file, byte[] bytes, PrintStream out) {
    WasmModule module = WasmParser.parse(bytes, Feature.ALL);
    out.printf("module %s: %,d bytes%n", Text.escape(file), bytes.length);
    printSections(bytes, out);

    out.printf("imports (%d):%n", module.imports().size());
    for (Import i : module.imports()) {
      String type =
          i.type() instanceof FuncType.Ref
              ? "func " + module.types().get(((FuncType.Ref) i.type()).typeIndex())
              : i.type().toString();
      out.printf("  %s.%s: %s%n", Text.escape(i.module()), Text.escape(i.name()), type);
    }
    out.printf("exports (%d):%n", module.exports().size());
    for (Export e : module.exports()) {
      out.printf("  %s: %s%n", Text.escape(e.name()), describe(module, e));
    }
    long code = 0;
    for (FunctionBody body : module.bodies()) {
      code += body.length();
    }
    out.printf(
        "functions: %d imported, %d defined, %,d bytes of code%n",
        module.importedFunctionCount(), module.bodies().size(), code);
    out.printf(
        "memories: %d, tables: %d, globals: %d, data segments: %d, element segments: %d%n",
        module.memories().size(), module.tables().size(), module.globalTypes().size(),
        module.data().size(), module.elements().size());
    if (module.names().moduleName() != null) {
      out.printf("name: %s%n", Text.escape(module.names().moduleName()));
    }
    try {
      Validator.validate(module, Feature.ALL);
      out.println("valid: yes");
    } catch (WasmException e) {
      out.println("valid: no (" + Text.escape(e.getMessage()) + ")");
    }
  }

  private static void printSections(byte[] bytes, PrintStream out) {
    out.println("sections:");
    WasmReader reader = new WasmReader(bytes, 8, bytes.length);
    while (reader.hasMore()) {
      int id = reader.readByte();
      int size = reader.readU32();
      int start = reader.position();
      String name = id < SECTION_NAMES.length ? SECTION_NAMES[id] : "id " + id;
      if (id == 0) {
        name += " \"" + Text.escape(new WasmReader(bytes, start, start + size).readName()) + "\"";
      }
      out.printf("  %-24s offset 0x%06x  size %,d%n", name, start, size);
      reader.skip(size);
    }
  }

  private static String describe(WasmModule module, Export e) {
    switch (e.kind()) {
      case FUNC:
        return "func " + module.functionType(e.index());
      case TABLE:
        return module.tables().get(e.index()).toString();
      case MEMORY:
        return module.memories().get(e.index()).toString();
      case GLOBAL:
        return module.globalTypes().get(e.index()).toString();
      default:
        throw new AssertionError(e.kind());
    }
  }
}
