package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmj.exec.Module;

class StreamingCompileBenchmarkTest {
  @Test
  void theThrottledStreamDeliversEveryByteNoFasterThanItsRate() throws IOException {
    byte[] bytes = new byte[5 * ThrottledInputStream.PACKET + 123];
    new Random(1).nextBytes(bytes);
    long start = System.nanoTime();
    byte[] read = new ThrottledInputStream(bytes, 2_000_000).readAllBytes(); // 5 packets: >= 40 ms
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertArrayEquals(bytes, read);
    assertTrue(millis >= 40, millis + " ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eager", "lazy-translation", "lazy"})
  void everyWayCompilesTheSameModule(String mode) throws IOException {
    Corpus.assumePresent();
    StreamingCompileBenchmark bench = new StreamingCompileBenchmark();
    bench.module = "pulldown-cmark";
    bench.mode = mode;
    bench.executor = "switch";
    bench.rate = 200;
    bench.setUp();
    Module array = bench.array();
    for (Module m : new Module[] {bench.streaming(), bench.readAllThenCompile(), bench.unthrottledStream()}) {
      assertEquals(array.exports(), m.exports());
      assertEquals(array.disassemble("_start"), m.disassemble("_start"));
    }
  }

  @Test
  void compilePairsTimesTwoWays() {
    Corpus.assumePresent();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    System.setOut(new java.io.PrintStream(out, true));
    try {
      CompilePairs.main(new String[] {"pulldown-cmark", "lazy", "switch", "checked", "unchecked", "2"});
    } finally {
      System.setOut(saved);
    }
    assertTrue(out.toString().startsWith("pulldown-cmark lazy switch, 2 rounds: checked median "),
        out.toString());
  }
}
