package org.wasmj.exec.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.InvalidModuleException;
import org.wasmj.WasmException;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.BodyWalker;
import org.wasmj.validator.Validator;

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
    assertDoesNotThrow(() -> compile(module(-1, -1), 0, 1));
    assertDoesNotThrow(() -> compile(module(-1, -1), 0, BodyCompiler.CHUNK_BYTES));
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
          for (int chunkBytes : new int[] {1, 7, 20, BodyCompiler.CHUNK_BYTES}) {
            WasmException e = assertThrows(InvalidModuleException.class,
                () -> compile(module, splitBytes, chunkBytes));
            assertEquals(expected, e.getMessage(), "bodies " + mismatch + ", " + noLocal
                + ", split from " + splitBytes + " bytes, chunks of " + chunkBytes);
          }
        }
      }
    }
  }

  @Test
  void chunksCoverEveryBodyOnceInOrder() {
    WasmModule m = WasmParser.parse(module(-1, -1), FEATURES);
    // bodies of 2 bytes (VALID), 3 with their size: a chunk closes with the first body that ends
    // chunkBytes or more past the chunk's start (7: the third, ending 8 bytes past it)
    assertEquals(BODIES - 3, new BodyCompiler.Chunks(m, 3, 1).count());
    assertEquals((BODIES - 3 + 2) / 3, new BodyCompiler.Chunks(m, 3, 7).count());
    assertEquals((BODIES - 3 + 1) / 2, new BodyCompiler.Chunks(m, 3, 5).count());
    assertEquals(1, new BodyCompiler.Chunks(m, 0, BodyCompiler.CHUNK_BYTES).count());
  }

  /**
   * Two invalid bodies in different chunks, the later one met first: the thread that took the
   * first chunk is held at its first body until the other thread has failed at body 20 of a later
   * chunk; body 2's error still wins.
   */
  @Test
  void anEarlierChunksErrorFoundLaterWins() throws Exception {
    WasmModule m = WasmParser.parse(module(2, 20), FEATURES);
    Validator validator = new Validator(m, FEATURES);
    BodyCompiler.Chunks chunks = new BodyCompiler.Chunks(m, 0, 8); // body 2 in the first chunk
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch laterFailed = new CountDownLatch(1);
    BodyWalker held = (i, bytes, body, v) -> {
      firstTaken.countDown();
      try {
        laterFailed.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      validator.functionValidator().walk(i, bytes, body, v);
    };
    Thread first = new Thread(() -> chunks.walk(held));
    first.start();
    firstTaken.await();
    chunks.walk((i, bytes, body, v) -> {
      try {
        validator.functionValidator().walk(i, bytes, body, v);
      } catch (RuntimeException e) {
        assertEquals(20, i);
        laterFailed.countDown();
        throw e;
      }
    });
    first.join();
    WasmException e = assertThrows(InvalidModuleException.class, chunks::rethrow);
    assertEquals("type mismatch", e.getMessage()); // body 2's, not body 20's "unknown local 99"
  }

  /**
   * Split, the second thread makes the walker and translator of the first lazy translation once
   * its chunks are walked (the compiling thread does not wait for it); the module's functions
   * translate with it, on several threads at once, as with their own; one thread alone makes
   * none.
   */
  @Test
  void theSecondThreadMakesTheFirstLazyTranslationsTranslator() throws Exception {
    BodyCompiler.Compiled split = compile(module(-1, -1), 0, 1);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (split.spare().get() == null && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    BodyCompiler.Translation t = split.spare().get();
    assertNotNull(t, "made by wasmj-validate");
    assertTrue(split.unchecked(), "its walker is an unchecked one, as the translations' are");
    assertNull(compile(module(-1, -1), -1, 1).spare().get(), "one thread: none made");
    assertNull(compile(module(-1, -1), BODIES * 10L, 1).spare().get(), "too few bytes to split");

    ModuleCode code = new ModuleCode(split, FEATURES, new TypeRegistry(), false, false, false);
    ModuleCode alone = new ModuleCode(WasmParser.parse(module(-1, -1), FEATURES), FEATURES,
        new TypeRegistry(), false, true, false);
    Thread[] threads = new Thread[4];
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int k = 0; k < threads.length; k++) {
      threads[k] = new Thread(() -> {
        try {
          for (int i = 0; i < BODIES; i++) {
            assertArrayEquals(alone.compiled(i).code(), code.compiled(i).code(), "body " + i);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads[k].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void noTranslatorIsMadeForAModuleWithAnInvalidBody() throws Exception {
    BodyCompiler bodies = new BodyCompiler(FEATURES, false, true, true, false, false, false, 0, 1);
    assertThrows(InvalidModuleException.class,
        () -> bodies.finish(WasmParser.parse(module(-1, 5), FEATURES, bodies)));
    Thread.sleep(50); // time for a second thread that would (wrongly) make one
    assertNull(bodies.spare.get());
  }

  private static BodyCompiler.Compiled compile(byte[] module, long splitBytes, int chunkBytes) {
    BodyCompiler bodies = new BodyCompiler(FEATURES, false, true, true, false, false, false,
        splitBytes, chunkBytes);
    return bodies.finish(WasmParser.parse(module, FEATURES, bodies));
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
