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
              ? "func " + type(module, ((FuncType.Ref) i.type()).typeIndex())
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

  /**
   * What export {@code e} is. Indices are checked here: the module is printed before it is
   * validated, and an invalid one may name a function, table, memory, global or type it lacks.
   */
  private static String describe(WasmModule module, Export e) {
    int i = e.index();
    switch (e.kind()) {
      case FUNC:
        return "func " + (known(i, module.functionCount())
            ? type(module, module.functionTypeIndex(i)) : unknown(i));
      case TABLE:
        return known(i, module.tables().size()) ? module.tables().get(i).toString() : unknown(i);
      case MEMORY:
        return known(i, module.memories().size()) ? module.memories().get(i).toString() : unknown(i);
      case GLOBAL:
        return known(i, module.globalTypes().size())
            ? module.globalTypes().get(i).toString() : unknown(i);
      default:
        throw new AssertionError(e.kind());
    }
  }

  /** Type {@code index} of {@code module}, or a note that it has none such. */
  private static String type(WasmModule module, int index) {
    return known(index, module.types().size()) ? module.types().get(index).toString() : unknown(index);
  }

  private static boolean known(int index, int count) {
    return index >= 0 && index < count;
  }

  private static String unknown(int index) {
    return "(unknown index " + Integer.toUnsignedString(index) + ")";
  }
}
