package org.wasmj.exec.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small Wasm binaries for tests: functions of i32 params and results, each exported under
 * its name, with bodies given as raw instruction bytes (the final {@code end} is added).
 *
 * <pre>{@code
 * byte[] wasm = new ModuleBuilder().func("add", 2, 1, 0x20, 0, 0x20, 1, 0x6A).build();
 * }</pre>
 */
final class ModuleBuilder {
  private final List<int[]> signatures = new ArrayList<>(); // {params, results, locals}
  private final List<String> exportNames = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<String[]> imports = new ArrayList<>(); // {module, name}
  private final List<int[]> importSignatures = new ArrayList<>();
  private boolean nameSection;

  /** Also writes a name section naming each defined function by its export name. */
  ModuleBuilder withNames() {
    nameSection = true;
    return this;
  }

  /** Imports function {@code module::name} (i32s in and out); imports take the first indices. */
  ModuleBuilder importFunc(String module, String name, int params, int results) {
    imports.add(new String[] {module, name});
    importSignatures.add(new int[] {params, results, 0});
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
    signatures.add(new int[] {params, results, locals});
    exportNames.add(name);
    bodies.add(code);
    return this;
  }

  byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    List<int[]> all = new ArrayList<>(importSignatures);
    all.addAll(signatures);
    ByteArrayOutputStream types = new ByteArrayOutputStream();
    u32(types, all.size());
    for (int[] s : all) {
      types.write(0x60);
      u32(types, s[0]);
      for (int i = 0; i < s[0]; i++) {
        types.write(0x7F);
      }
      u32(types, s[1]);
      for (int i = 0; i < s[1]; i++) {
        types.write(0x7F);
      }
    }
    section(out, 1, types);
    if (!imports.isEmpty()) {
      ByteArrayOutputStream imp = new ByteArrayOutputStream();
      u32(imp, imports.size());
      for (int i = 0; i < imports.size(); i++) {
        for (String part : imports.get(i)) {
          byte[] n = part.getBytes(StandardCharsets.UTF_8);
          u32(imp, n.length);
          imp.writeBytes(n);
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
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    u32(exports, exportNames.size());
    for (int i = 0; i < exportNames.size(); i++) {
      byte[] n = exportNames.get(i).getBytes(StandardCharsets.UTF_8);
      u32(exports, n.length);
      exports.writeBytes(n);
      exports.write(0);
      u32(exports, imports.size() + i);
    }
    section(out, 7, exports);
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    u32(code, bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int locals = signatures.get(i)[2];
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
      u32(functionNames, exportNames.size());
      for (int i = 0; i < exportNames.size(); i++) {
        byte[] n = exportNames.get(i).getBytes(StandardCharsets.UTF_8);
        u32(functionNames, imports.size() + i);
        u32(functionNames, n.length);
        functionNames.writeBytes(n);
      }
      ByteArrayOutputStream custom = new ByteArrayOutputStream();
      u32(custom, 4);
      custom.writeBytes("name".getBytes(StandardCharsets.UTF_8));
      custom.write(1); // function names
      u32(custom, functionNames.size());
      custom.writeBytes(functionNames.toByteArray());
      section(out, 0, custom);
    }
    return out.toByteArray();
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
}
