package org.wasmj.exec.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes small Wasm binaries for tests: functions each exported under its name, with bodies given
 * as raw instruction bytes (the final {@code end} is added). {@link #func} takes i32 params and
 * results; {@link #funcTyped} any value types, by their binary codes ({@link #I32}, {@link #I64}...).
 *
 * <pre>{@code
 * byte[] wasm = new ModuleBuilder().func("add", 2, 1, 0x20, 0, 0x20, 1, 0x6A).build();
 * }</pre>
 */
final class ModuleBuilder {
  static final byte I32 = 0x7F;
  static final byte I64 = 0x7E;
  static final byte F32 = 0x7D;
  static final byte F64 = 0x7C;

  /** A function type and the i32 locals of a body: value type codes. */
  private record Signature(byte[] params, byte[] results, int locals) {}

  private final List<Signature> signatures = new ArrayList<>();
  private final List<String> exportNames = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<String[]> imports = new ArrayList<>(); // {module, name}
  private final List<Signature> importSignatures = new ArrayList<>();
  private boolean nameSection;
  private boolean table;
  private int memoryPages = -1;

  /** Also writes a name section naming each defined function by its export name (or {@link #name}). */
  ModuleBuilder withNames() {
    nameSection = true;
    return this;
  }

  /** Names the last defined function {@code name} in the name section (which this turns on). */
  ModuleBuilder name(String name) {
    names.set(names.size() - 1, name);
    return withNames();
  }

  /** A funcref table of every defined function, in order, for {@code call_indirect} (table 0). */
  ModuleBuilder withTable() {
    table = true;
    return this;
  }

  /** A memory (memory 0) of {@code pages} 64 KiB pages, zeroed. */
  ModuleBuilder withMemory(int pages) {
    memoryPages = pages;
    return this;
  }

  /** Imports function {@code module::name} (i32s in and out); imports take the first indices. */
  ModuleBuilder importFunc(String module, String name, int params, int results) {
    imports.add(new String[] {module, name});
    importSignatures.add(new Signature(i32s(params), i32s(results), 0));
    return this;
  }

  /** Imports function {@code module::name} of type {@code params -> results} (value type codes). */
  ModuleBuilder importTyped(String module, String name, byte[] params, byte[] results) {
    imports.add(new String[] {module, name});
    importSignatures.add(new Signature(params, results, 0));
    return this;
  }

  /** Adds function {@code name} with {@code params} i32 parameters and {@code results} i32 results. */
  ModuleBuilder func(String name, int params, int results, int... code) {
    return funcWithLocals(name, params, results, 0, code);
  }

  /** As {@link #func}, with {@code locals} extra i32 locals. */
  ModuleBuilder funcWithLocals(String name, int params, int results, int locals, int... code) {
    byte[] body = new byte[code.length];
    for (int i = 0; i < code.length; i++) {
      body[i] = (byte) code[i];
    }
    return funcBytes(name, params, results, locals, body);
  }

  /** As {@link #func}, with the body as bytes. */
  ModuleBuilder funcBytes(String name, int params, int results, int locals, byte[] code) {
    return funcTyped(name, i32s(params), i32s(results), locals, code);
  }

  /** Adds function {@code name} of type {@code params -> results} (value type codes). */
  ModuleBuilder funcTyped(String name, byte[] params, byte[] results, int locals, byte[] code) {
    signatures.add(new Signature(params, results, locals));
    exportNames.add(name);
    names.add(name);
    bodies.add(code);
    return this;
  }

  private static byte[] i32s(int n) {
    byte[] types = new byte[n];
    Arrays.fill(types, I32);
    return types;
  }

  byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    List<Signature> all = new ArrayList<>(importSignatures);
    all.addAll(signatures);
    ByteArrayOutputStream types = new ByteArrayOutputStream();
    u32(types, all.size());
    for (Signature s : all) {
      types.write(0x60);
      u32(types, s.params().length);
      types.writeBytes(s.params());
      u32(types, s.results().length);
      types.writeBytes(s.results());
    }
    section(out, 1, types);
    if (!imports.isEmpty()) {
      ByteArrayOutputStream imp = new ByteArrayOutputStream();
      u32(imp, imports.size());
      for (int i = 0; i < imports.size(); i++) {
        for (String part : imports.get(i)) {
          name(imp, part);
        }
        imp.write(0);
        u32(imp, i);
      }
      section(out, 2, imp);
    }
    ByteArrayOutputStream funcs = new ByteArrayOutputStream();
    u32(funcs, signatures.size());
    for (int i = 0; i < signatures.size(); i++) {
      u32(funcs, imports.size() + i);
    }
    section(out, 3, funcs);
    if (table) {
      ByteArrayOutputStream table = new ByteArrayOutputStream();
      u32(table, 1);
      table.write(0x70);
      table.write(0);
      u32(table, signatures.size());
      section(out, 4, table);
    }
    if (memoryPages >= 0) {
      ByteArrayOutputStream memory = new ByteArrayOutputStream();
      u32(memory, 1);
      memory.write(0); // no maximum
      u32(memory, memoryPages);
      section(out, 5, memory);
    }
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    u32(exports, exportNames.size());
    for (int i = 0; i < exportNames.size(); i++) {
      name(exports, exportNames.get(i));
      exports.write(0);
      u32(exports, imports.size() + i);
    }
    section(out, 7, exports);
    if (table) {
      ByteArrayOutputStream elements = new ByteArrayOutputStream();
      u32(elements, 1);
      u32(elements, 0);
      elements.writeBytes(new byte[] {0x41, 0, 0x0B}); // offset i32.const 0
      u32(elements, signatures.size());
      for (int i = 0; i < signatures.size(); i++) {
        u32(elements, imports.size() + i);
      }
      section(out, 9, elements);
    }
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    u32(code, bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int locals = signatures.get(i).locals();
      if (locals == 0) {
        u32(body, 0);
      } else {
        u32(body, 1);
        u32(body, locals);
        body.write(0x7F);
      }
      body.writeBytes(bodies.get(i));
      body.write(0x0B);
      u32(code, body.size());
      code.writeBytes(body.toByteArray());
    }
    section(out, 10, code);
    if (nameSection) {
      ByteArrayOutputStream functionNames = new ByteArrayOutputStream();
      u32(functionNames, names.size());
      for (int i = 0; i < names.size(); i++) {
        u32(functionNames, imports.size() + i);
        name(functionNames, names.get(i));
      }
      ByteArrayOutputStream custom = new ByteArrayOutputStream();
      name(custom, "name");
      custom.write(1); // function names
      u32(custom, functionNames.size());
      custom.writeBytes(functionNames.toByteArray());
      section(out, 0, custom);
    }
    return out.toByteArray();
  }

  private static void name(ByteArrayOutputStream out, String s) {
    byte[] n = s.getBytes(StandardCharsets.UTF_8);
    u32(out, n.length);
    out.writeBytes(n);
  }

  private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream content) {
    out.write(id);
    u32(out, content.size());
    out.writeBytes(content.toByteArray());
  }

  static void u32(ByteArrayOutputStream out, long v) {
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  static void s32(ByteArrayOutputStream out, int v) {
    s64(out, v);
  }

  /** A signed LEB128 ({@code i64.const}'s immediate; an {@code int}'s is the same bytes). */
  static void s64(ByteArrayOutputStream out, long v) {
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
        out.write(b);
        return;
      }
      out.write(b | 0x80);
    }
  }
}
