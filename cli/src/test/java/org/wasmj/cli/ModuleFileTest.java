package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module file is read whole, whatever its size, and a directory is refused. */
class ModuleFileTest {
  @TempDir Path dir;

  @Test
  void aRegularFileIsReadWhole() throws IOException {
    for (int size : new int[] {0, 1, (1 << 20) - 1, 1 << 20, (5 << 19) + 3}) {
      byte[] contents = new byte[size];
      new Random(size).nextBytes(contents);
      Path file = Files.write(dir.resolve("m" + size + ".wasm"), contents);
      assertArrayEquals(contents, ModuleFile.read(file), "a file of " + size + " bytes");
    }
  }

  @Test
  void aDirectoryIsRefused() {
    IOException e = assertThrows(IOException.class, () -> ModuleFile.read(dir));
    assertEquals(dir + " is a directory", e.getMessage());
  }
  /** Read ahead on its own thread, a file gives the same bytes, and a failure the same error. */
  @Test
  void aReadAheadGivesWhatAReadGives() throws IOException {
    byte[] contents = new byte[(3 << 16) + 5];
    new Random(7).nextBytes(contents);
    Path file = Files.write(dir.resolve("ahead.wasm"), contents);
    assertArrayEquals(contents, ModuleFile.readAhead(file).bytes());
    IOException e = assertThrows(IOException.class, () -> ModuleFile.readAhead(dir).bytes());
    assertEquals(dir + " is a directory", e.getMessage());
    Path missing = dir.resolve("missing.wasm");
    assertEquals(assertThrows(IOException.class, () -> ModuleFile.read(missing)).toString(),
        assertThrows(IOException.class, () -> ModuleFile.readAhead(missing).bytes()).toString());
  }
}
