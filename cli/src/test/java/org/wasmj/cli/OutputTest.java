package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Output is never lost silently: a guest's {@code fd_write} to a full disk or a closed pipe gets
 * the host's errno, and wasmj exits non-zero when its own output cannot be written. Real
 * processes, since {@code >/dev/full} and a closed pipe are what users meet.
 */
class OutputTest {
  /** Exits with the errno of its write to stdout; see write.wat. */
  private static final String WRITE = "src/test/resources/guests/write.wasm";
  private static final File FULL = new File("/dev/full");

  private static Process start(ProcessBuilder.Redirect out, ProcessBuilder.Redirect err,
      String... args) throws IOException {
    List<String> command = WasiTestsuiteCliTest.wasmjCommand();
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
  }

  private static String text(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int exit(Process p) throws InterruptedException {
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue();
  }

  @Test
  void aGuestWritingToAFullDiskGetsEnospc() throws Exception {
    Assumptions.assumeTrue(FULL.exists(), "no /dev/full here");
    Process p = start(ProcessBuilder.Redirect.to(FULL), ProcessBuilder.Redirect.PIPE,
        "run", WRITE);
    String err = text(p.getErrorStream());
    assertEquals(51, exit(p), "ENOSPC; " + err);
    assertEquals("", err);
  }

  @Test
  void aGuestWritingToAClosedPipeGetsEpipe() throws Exception {
    Process p = start(ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE, "run", WRITE);
    p.getInputStream().close(); // the reader is gone before the JVM has even started the guest
    String err = text(p.getErrorStream());
    assertEquals(64, exit(p), "EPIPE; " + err);
  }

  @Test
  void aGuestWritingToAFullStderrGetsEnospcAndGoesOn() throws Exception {
    Assumptions.assumeTrue(FULL.exists(), "no /dev/full here");
    Process p = start(ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.to(FULL),
        "run", "--invoke", "to_stderr", WRITE);
    String out = text(p.getInputStream());
    assertEquals(0, exit(p));
    assertEquals("51\n", out);
  }

  @Test
  void wasmjExitsNonZeroWhenItsOwnOutputFails() throws Exception {
    Assumptions.assumeTrue(FULL.exists(), "no /dev/full here");
    Process p = start(ProcessBuilder.Redirect.to(FULL), ProcessBuilder.Redirect.PIPE,
        "run", "--invoke", "answer", WRITE);
    String err = text(p.getErrorStream());
    assertEquals(Main.OUTPUT_FAILED, exit(p), err);
    assertEquals("wasmj: cannot write the output: No space left on device\n", err);
  }

  /** A stream that fails as a full disk does. */
  private static final class Full extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @Test
  void inProcessAPrintStreamsSwallowedFailureIsEioForTheGuestAndAFailureForWasmj() {
    PrintStream full = new PrintStream(new Full(), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    assertEquals(29, Main.run(new String[] {"run", WRITE}, full, err), "EIO: no errno to tell");
    assertEquals(Main.OUTPUT_FAILED,
        Main.run(new String[] {"run", "--invoke", "answer", WRITE},
            new PrintStream(new Full(), true, StandardCharsets.UTF_8), err));
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).endsWith(
        "wasmj: cannot write the output\n"), errBytes.toString(StandardCharsets.UTF_8));
  }
}
