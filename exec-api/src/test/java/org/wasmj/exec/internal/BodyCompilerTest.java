package org.wasmj.exec.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.InvalidModuleException;
import org.wasmj.WasmException;
import org.wasmj.parser.WasmParser;

/** Bodies validated ahead on two threads ({@code splitBytes}) fail as on one: first in module order. */
class BodyCompilerTest {
  private static final Set<Feature> FEATURES = Feature.WASM_2_0;
  private static final int BODIES = 24;
  /** An empty body (no locals, {@code end}). */
  private static final byte[] VALID = {0x00, 0x0B};
  /** {@code i32.add} on an empty stack: "type mismatch". */
  private static final byte[] MISMATCH = {0x00, 0x6A, 0x0B};
  /** {@code local.get 99; drop}: "unknown local 99". */
  private static final byte[] NO_LOCAL = {0x00, 0x20, 99, 0x1A, 0x0B};

  @Test
  void validBodiesPassOnTwoThreads() {
    assertDoesNotThrow(() -> compile(module(-1, -1), 0));
  }

  @Test
  void theFirstInvalidBodyInModuleOrderIsReported() {
    for (int mismatch = -1; mismatch < BODIES; mismatch++) {
      for (int noLocal = -1; noLocal < BODIES; noLocal++) {
        if (mismatch == noLocal || mismatch < 0 && noLocal < 0) {
          continue;
        }
        byte[] module = module(mismatch, noLocal);
        int first = mismatch < 0 ? noLocal : noLocal < 0 ? mismatch : Math.min(mismatch, noLocal);
        String expected = first == mismatch ? "type mismatch" : "unknown local 99";
        for (long splitBytes : new long[] {-1, 0, 1, BODIES * 10L}) {
          WasmException e = assertThrows(InvalidModuleException.class,
              () -> compile(module, splitBytes));
          assertEquals(expected, e.getMessage(),
              "bodies " + mismatch + ", " + noLocal + ", split from " + splitBytes + " bytes");
        }
      }
    }
  }

  private static void compile(byte[] module, long splitBytes) {
    BodyCompiler bodies =
        new BodyCompiler(FEATURES, false, true, true, false, false, false, splitBytes);
    bodies.finish(WasmParser.parse(module, FEATURES, bodies));
  }

  /** {@value #BODIES} functions of type {@code [] -> []}; bodies {@code mismatch} and {@code noLocal} invalid (-1: none). */
  private static byte[] module(int mismatch, int noLocal) {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.write(BODIES);
    for (int i = 0; i < BODIES; i++) {
      byte[] body = i == mismatch ? MISMATCH : i == noLocal ? NO_LOCAL : VALID;
      code.write(body.length);
      code.writeBytes(body);
    }
    ByteArrayOutputStream functions = new ByteArrayOutputStream();
    functions.write(BODIES);
    for (int i = 0; i < BODIES; i++) {
      functions.write(0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    section(out, 1, new byte[] {0x01, 0x60, 0x00, 0x00});
    section(out, 3, functions.toByteArray());
    section(out, 10, code.toByteArray());
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    out.write(content.length); // every section here is under 128 bytes
    out.writeBytes(content);
  }
}
