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
}
