package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String ECHO = "src/test/resources/guests/echo.wasm";
  private static final String TRAP = "src/test/resources/guests/trap.wasm";
  private static final String NAMES = "src/test/resources/guests/names.wasm";
  private static final String EXIT = "src/test/resources/guests/exit.wasm";
  private static final String GUESTS = "src/test/resources/guests/";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  @Test
  void inspectPrintsSectionsExportsAndValidity() {
    assertEquals(0, run("inspect", "../examples/fib.wasm"));
    assertTrue(out().contains("code "), out());
    assertTrue(out().contains("fib: func (i32) -> (i32)"), out());
    assertTrue(out().contains("valid: yes"), out());
  }

  @Test
  void inspectIrPrintsOneFunctionsRegisterIr() {
    assertEquals(0, run("inspect", "--ir", "fib", "../examples/fib.wasm"));
    assertTrue(out().startsWith("func 0 (i32) -> (i32)"), out());
    assertTrue(out().contains("call $0"), out());
    assertEquals(2, run("inspect", "--ir", "nope", "../examples/fib.wasm"));
    assertEquals("wasmj: no function 'nope' defined in the module\n", err());
  }

  @Test
  void inspectIrShowsFuelChargesAndInterruptionChecksWhenAsked() {
    assertEquals(0, run("inspect", "--ir", "sum", "../examples/loop.wasm"));
    assertTrue(!out().contains("fuel") && !out().contains("check_interrupt"), out());
    out.reset();
    assertEquals(0, run("inspect", "--fuel", "--ir", "sum", "../examples/loop.wasm"));
    assertTrue(out().contains("fuel ") && !out().contains("check_interrupt"), out());
    out.reset();
    assertEquals(0, run("inspect", "--interruptible", "--ir", "sum", "../examples/loop.wasm"));
    assertTrue(out().contains("check_interrupt") && !out().contains("fuel"), out());
  }

  @Test
  void aMalformedFileIsOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.wasm");
    Files.write(bad, new byte[] {0, 'a', 's', 'm', 9, 0, 0, 0});
    assertEquals(1, run("inspect", bad.toString()));
    assertEquals("wasmj: malformed module: unknown binary version\n", err());
    err.reset();
    assertEquals(1, run("run", bad.toString()));
    assertEquals("wasmj: malformed module: unknown binary version\n", err());
  }

  @Test
  void verboseAddsTheJavaStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.wasm");
    Files.write(bad, new byte[] {0, 'a', 's', 'm', 9, 0, 0, 0});
    assertEquals(1, run("run", "--verbose", bad.toString()));
    assertTrue(err().startsWith("wasmj: malformed module: unknown binary version\n"), err());
    assertTrue(err().contains("\tat org.wasmj."), err());
  }

  @Test
  void anInvalidModuleIsOneLine(@TempDir Path dir) throws Exception {
    // (module (func (result i32) i64.const 0)): a type mismatch
    Path wasm = dir.resolve("invalid.wasm");
    Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7F, 3, 2, 1,
        0, 10, 6, 1, 4, 0, 0x42, 0, 0x0B});
    assertEquals(1, run("run", wasm.toString()));
    assertTrue(err().startsWith("wasmj: invalid module: type mismatch"), err());
    assertEquals(1, err().split("\n").length, err());
  }

  @Test
  void inspectPrintsAnInvalidModuleWhoseIndicesNameNothing(@TempDir Path dir) throws Exception {
    // an import of type 2^32 - 1; a function of type 9; exports of function 5, function 1 and
    // memory 0, which the module lacks: an internal error (an index out of bounds) until session 23
    Path wasm = dir.resolve("indices.wasm");
    Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0,
        2, 11, 1, 1, 'm', 1, 'f', 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F,
        3, 2, 1, 9, 7, 13, 3, 1, 'a', 0, 5, 1, 'b', 0, 1, 1, 'c', 2, 0,
        10, 4, 1, 2, 0, 0x0B});
    assertEquals(0, run("inspect", wasm.toString()));
    assertTrue(out().contains("  m.f: func (unknown index 4294967295)\n"), out());
    assertTrue(out().contains("  a: func (unknown index 5)\n"), out());
    assertTrue(out().contains("  b: func (unknown index 9)\n"), out());
    assertTrue(out().contains("  c: (unknown index 0)\n"), out());
    assertTrue(out().contains("valid: no (unknown type)"), out());
  }

  @Test
  void anUnlinkableModuleNamesTheMissingImportAndItsType() {
    assertEquals(1, run("run", TRAP));
    assertEquals("wasmj: unlinkable: unknown import: env::missing has not been defined"
        + " (expected func (i32) -> (i32))\n", err());
  }

  @Test
  void unknownImportsCanTrapOrReturnZeros() {
    assertEquals(0, run("run", "--default-values-unknown-imports", "--invoke", "call_missing",
        TRAP));
    assertEquals("0\n", out());
    assertEquals(134, run("run", "--trap-unknown-imports", "--invoke", "call_missing", TRAP));
    assertTrue(err().startsWith("wasmj: trap: unknown import env::missing was called\n"), err());
  }

  /**
   * A trap with no Wasm frame (the export is an imported host function) says what was running:
   * described when the trap asks, not before the guest starts.
   */
  @Test
  void aTrapWithoutWasmFramesNamesTheExportRunning(@TempDir Path dir) throws Exception {
    Path wasm = dir.resolve("host-start.wasm");
    Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
        1, 4, 1, 0x60, 0, 0, // type 0: [] -> []
        2, 15, 1, 3, 'e', 'n', 'v', 7, 'm', 'i', 's', 's', 'i', 'n', 'g', 0, 0, // import env::missing
        7, 10, 1, 6, '_', 's', 't', 'a', 'r', 't', 0, 0}); // export it as _start
    assertEquals(134, run("run", "--trap-unknown-imports", wasm.toString()));
    assertEquals("wasmj: trap: unknown import env::missing was called\n"
        + "while running host func () -> () (export \"_start\")\n", err());
  }

  @Test
  void unknownCommandsAndMissingFilesFail() {
    assertEquals(2, run("frobnicate"));
    assertEquals(1, run("inspect", "no/such/file.wasm"));
    assertTrue(err().contains("no such file"));
  }

  @Test
  void helpPrintsUsage() {
    assertEquals(0, run("--help"));
    assertTrue(out().contains("run") && out().contains("inspect") && out().contains("executors"));
    out.reset();
    assertEquals(0, run("run", "--help"));
    assertTrue(out().contains("--dir=HOST[::GUEST]"), out());
    assertTrue(out().contains("--invoke=NAME"), out());
    assertEquals(2, run());
  }

  @Test
  void helpAndVersionAtEveryLevel() {
    assertEquals(0, run("help", "run"));
    assertTrue(out().startsWith("Usage: wasmj run [OPTIONS] <file.wasm> [ARGS...]\n"), out());
    out.reset();
    assertEquals(0, run("inspect", "-h"));
    assertTrue(out().startsWith("Usage: wasmj inspect [OPTIONS] <file.wasm>\n"), out());
    out.reset();
    assertEquals(0, run("-V"));
    assertEquals(Main.VERSION + "\n", out());
    out.reset();
    assertEquals(0, run("run", "../examples/fib.wasm", "--help"), "an option right after the module");
    assertTrue(out().startsWith("Usage: wasmj run"), out());
    assertEquals(2, run("help", "nope"));
    assertEquals("wasmj: no command 'nope'\ntry 'wasmj help --help'\n", err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "run --help", "inspect --help", "compare --help",
      "executors --help", "help help"})
  void everyHelpIsPlainTextThatFitsEightyColumns(String command) {
    assertEquals(0, run(command.split(" ")));
    assertTrue(out().startsWith("Usage: wasmj"), out());
    assertFalse(out().contains("\u001b"), "no terminal escapes, on a terminal or not");
    for (String line : out().split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
  }

  @Test
  void noCommandPrintsTheHelpToStderrAndIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err().startsWith("Usage: wasmj [OPTIONS] COMMAND [ARGS...]\n"), err());
    assertEquals("", out());
  }

  @Test
  void aModuleFileInPlaceOfTheCommandIsRunAsWasmtimeDoes() {
    assertEquals(0, run("../examples/fib.wasm", "--invoke", "fib", "20"));
    assertEquals("6765\n", out());
    out.reset();
    assertEquals(0, run("--invoke", "fib", "../examples/fib.wasm", "10"), "run's options first");
    assertEquals("55\n", out());
    assertEquals(3, run(ECHO, "--env", "K=V", "arg", "--help"));
  }

  @Test
  void aWordThatIsNeitherCommandNorFileIsAUsageErrorThatSaysSo() {
    assertEquals(2, run("frobnicate", "x"));
    assertEquals("wasmj: 'frobnicate' is neither a command (run, inspect, compare, executors,"
        + " help) nor a file\ntry 'wasmj --help'\n", err());
  }

  @Test
  void compilerThreadsChoosesWhereTieredGeneratesCode() {
    assertEquals(0, run("run", "--executor", "tiered", "--compiler-threads", "0",
        "../examples/fib.wasm", "--invoke", "fib", "25"));
    assertEquals("75025\n", out());
    assertEquals(2, run("run", "--compiler-threads", "65", "../examples/fib.wasm", "--invoke",
        "fib", "1"));
    assertEquals("wasmj: --compiler-threads takes 0 to 64, got 65\n", err());
  }

  @Test
  void anArgumentCountMismatchIsGrammatical() {
    assertEquals(2, run("run", "../examples/fib.wasm", "--invoke", "fib"));
    assertEquals("wasmj: fib (func (i32) -> (i32)) takes 1 argument, got 0\n", err());
    err.reset();
    assertEquals(2, run("run", "--invoke", "add", ECHO, "1"));
    assertTrue(err().endsWith(" takes 2 arguments, got 1\n"), err());
  }

  @Test
  void executorsListsWhatIsFound() {
    assertEquals(0, run("executors"));
    assertTrue(out().contains("switch\n"), out());
  }

  @Test
  void runInvokesAnExportAndPrintsItsResult() {
    assertEquals(0, run("run", "../examples/fib.wasm", "--invoke", "fib", "20"));
    assertEquals("6765\n", out());
  }

  @Test
  void runTakesOptionsBeforeTheModuleToo() {
    assertEquals(0, run("run", "--compilation-mode", "lazy", "--invoke", "sum",
        "../examples/loop.wasm", "1000"));
    assertEquals("2001\n", out());
  }

  @Test
  void invokeTakesAndPrintsV128AsOneHexNumber() {
    assertEquals(0, run("run", "--invoke", "add", "src/test/resources/guests/simd.wasm",
        "0x00000004000000030000000200000001", "0xffffffff"));
    assertEquals("0x00000004000000030000000200000000\n", out()); // lane 0: 1 + -1
  }

  @Test
  void invokeParsesValuesByTheSignatureNegativeOnesToo() {
    assertEquals(0, run("run", "--invoke", "add", ECHO, "-5", "0x10"));
    assertEquals("11\n", out());
  }

  @Test
  void aWasiCommandSeesItsArgsEnvAndDirsAndItsExitCodeIsTheProcesses(@TempDir Path dir) {
    int code = run("run", "--dir", dir + "::/data", "--env", "A=1", "--env", "B=x=y", ECHO,
        "first", "--not-an-option", "--env", "C=2");
    assertEquals(3, code, err());
    assertEquals(ECHO + "\nfirst\n--not-an-option\n--env\nC=2\nA=1\nB=x=y\n/data\n", out());
  }

  @Test
  void optionsRightAfterTheModuleAreWasmjs() {
    assertEquals(3, run("run", ECHO, "--env", "K=V", "--argv0", "echo", "arg"));
    assertEquals("echo\narg\nK=V\n", out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void aTrapPrintsItsMessageAndAWasmBacktraceAndFails(String executor) {
    assertEquals(134, run("run", "--executor", executor, "--default-values-unknown-imports", TRAP));
    assertEquals("wasmj: trap: integer divide by zero\nwasm backtrace:\n  0: inner\n  1: start\n",
        err(), "names from the name section, innermost first; no Java stack trace");
  }

  @Test
  void aMissingPreopenIsAUsageError() {
    assertEquals(2, run("run", "--dir", "/no/such/dir", ECHO));
    assertTrue(err().startsWith("wasmj: cannot preopen /no/such/dir"), err());
    err.reset();
    assertEquals(2, run("run", "--dir", "/no/such/dir", "../examples/fib.wasm", "--invoke", "fib",
        "1"), "a module that imports no WASI function gets none linked, but the same checks");
    assertTrue(err().startsWith("wasmj: cannot preopen /no/such/dir"), err());
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, run("run", "../examples/fib.wasm", "--invoke", "fib", "x"));
    assertTrue(err().contains("'x' is not a valid i32"));
    assertEquals(2, run("run", "--executor", "nope", "../examples/fib.wasm"));
    assertTrue(err().contains("available: tiered, asm, switch"), err());
    assertEquals(2, run("run", "--compilation-mode", "fast", "../examples/fib.wasm"));
    assertTrue(err().contains("unknown compilation mode 'fast'"), err());
    err.reset();
    assertEquals(2, run("run", "--bogus", "../examples/fib.wasm"));
    assertTrue(err().startsWith("wasmj: unknown option '--bogus'\n"), err());
    assertTrue(err().contains("try 'wasmj run --help'"), err());
  }

  @Test
  void namesFromTheModuleReachTheTerminalEscaped() {
    assertEquals(0, run("inspect", NAMES));
    assertTrue(out().contains("  \\x1b[31mboom: func () -> ()"), out());
    assertEquals(134, run("run", "--invoke", "\u001b[31mboom", NAMES));
    assertEquals("wasmj: trap: unreachable\nwasm backtrace:\n  0: \\x1b]0;pwned\\x07\n", err());
    err.reset();
    assertEquals(2, run("run", "--invoke", "\u001b[2Jnope", NAMES));
    assertTrue(err().contains("\\x1b[2Jnope"), err());
    assertFalse(out().contains("\u001b") || err().contains("\u001b"), "no raw escape printed");
  }

  @Test
  void anIntegerArgumentOutOfRangeIsAUsageErrorNotWrapped() {
    assertEquals(2, run("run", "--invoke", "add", ECHO, "-18446744073709551615", "0"));
    assertTrue(err().contains("'-18446744073709551615' is not a valid i64 (out of range"), err());
    assertEquals("", out());
    assertEquals(0, run("run", "--invoke", "add", ECHO, "18446744073709551615", "0"));
    assertEquals("-1\n", out());
  }

  @Test
  void aDirectoryIsNotAModule(@TempDir Path dir) {
    assertEquals(1, run("run", dir.toString()));
    assertEquals("wasmj: cannot read: " + dir + " is a directory\n", err());
  }

  @Test
  void anEndlessFileIsRefusedWithoutExhaustingTheHeap() throws Exception {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
    // a small heap: the read must stop at the limit or fail cleanly, never with a JVM error
    List<String> command = WasiTestsuiteCliTest.wasmjCommand();
    command.add(1, "-Xmx96m");
    command.addAll(List.of("run", zero.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), output);
    assertTrue(output.startsWith("wasmj: cannot read: /dev/zero "), output);
    assertFalse(output.contains("Exception") || output.contains("Error"), output);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 42, 125})
  void anExitCodeBelow126IsTheProcessStatus(int code) {
    assertEquals(code, run("run", "--invoke", "exit", EXIT, Integer.toString(code)));
    assertEquals("", err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"126", "134", "255", "256", "257", "-1", "4294967295"})
  void anExitCodeThatDoesNotFitIsAnErrorNeverSuccess(String code) {
    assertEquals(1, run("run", "--invoke", "exit", EXIT, code));
    assertEquals("wasmj: exit with invalid exit status "
        + Integer.toUnsignedString((int) Values.parseInteger(code, 32))
        + ", outside of [0..126)\n", err());
  }

  @Test
  void aStartExitingWith256IsAnErrorToo() {
    assertEquals(1, run("run", EXIT));
    assertEquals("wasmj: exit with invalid exit status 256, outside of [0..126)\n", err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void aTrappingStartFunctionExits134LikeAnyTrap(String executor) {
    assertEquals(134, run("run", "--executor", executor, GUESTS + "start-trap.wasm"));
    assertEquals("wasmj: trap: unreachable\nwasm backtrace:\n  0: init\n", err());
  }

  @Test
  void aModuleWithoutStartIsInstantiatedAndSucceeds() {
    assertEquals(0, run("run", GUESTS + "no-start.wasm"));
    assertEquals("", out() + err());
    assertEquals(0, run("run", GUESTS + "no-start.wasm", "--invoke", "helper"));
    assertEquals("7\n", out());
  }

  @Test
  void aStartWithParametersIsNotACommandButNoUsageError() {
    assertEquals(1, run("run", GUESTS + "start-params.wasm"));
    assertTrue(err().startsWith("wasmj: the module's _start takes parameters (func (i32) -> ())"),
        err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::/x", "::", ".::", "--mapdir=::.", "--mapdir=/x::"})
  void aPreopenWithoutHostDirectoryOrGuestNameIsRefused(String dir) {
    String option = dir.startsWith("--") ? dir : "--dir=" + dir;
    assertEquals(2, run("run", option, ECHO));
    assertTrue(err().contains("needs a host directory and a guest name"), err());
    assertEquals("", out(), "the guest never ran");
  }

  @Test
  void aGuestOpeningFilesWithoutEndGetsEmfileAtItsLimit(@TempDir Path dir) {
    String openMany = GUESTS + "open-many.wasm";
    assertEquals(33, run("run", "--dir", dir + "::.", "--max-open-files", "10", openMany));
    assertEquals(33, run("run", "--dir", dir + "::.", openMany), "the default limit, 1024");
    assertEquals(2, run("run", "--dir", dir + "::.", "--max-open-files", "0", openMany));
    assertTrue(err().contains("max open files must be at least 1"), err());
  }

  private static final String SPIN = "src/test/resources/guests/spin.wasm";

  private void reset() {
    out.reset();
    err.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void timeoutAndFuelStopAGuestThatLoopsForever(String executor) {
    long start = System.nanoTime();
    assertEquals(134, run("run", "--executor", executor, "--timeout", "200ms", SPIN));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(err().startsWith("wasmj: trap: interrupt\n"), err());
    assertTrue(ms >= 200 && ms < 10_000, "stopped after " + ms + " ms");
    reset();
    assertEquals(134, run("run", "--executor", executor, "--fuel", "10000", SPIN));
    assertTrue(err().startsWith("wasmj: trap: all fuel consumed by WebAssembly\n"), err());
    reset();
    assertEquals(0, run("run", "--executor", executor, "--fuel", "10000", "--timeout", "1h",
        "--invoke", "grow", SPIN, "0"));
    assertEquals("1\n", out(), "enough fuel and time");
  }

  /**
   * A guest waiting in a host call (poll_oneoff on a clock that never comes) reaches no epoch
   * check: --timeout interrupts its thread too, which ends the wait (session 23: it waited on).
   */
  @ParameterizedTest
  @ValueSource(strings = {"switch", "asm", "tiered"})
  void timeoutStopsAGuestSleepingInPollOneoff(String executor) {
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertEquals(134, run("run", "--executor", executor, "--timeout", "200ms",
          "src/test/resources/guests/sleep-forever.wasm"));
      assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is not left behind");
    });
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(err().startsWith("wasmj: trap: interrupt\n"), err());
    assertTrue(ms >= 200 && ms < 10_000, "stopped after " + ms + " ms");
    // A guest whose wait was its last act meets no check after it: still stopped, not exit 0.
    reset();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(134, run("run",
        "--executor", executor, "--timeout", "200ms", "src/test/resources/guests/sleep-once.wasm")));
    assertTrue(err().startsWith("wasmj: trap: interrupt"), err());
  }

  @Test
  void theLongestTimeoutSleepsInsteadOfThrowing() throws Exception {
    // 10^12 - 1 hours has more nanoseconds than a long holds: the timer thread threw (session 23)
    Duration longest = RunCommand.duration(RunCommand.TIMEOUT, "999999999999h");
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread timer = new Thread(() -> {
      try {
        RunCommand.sleep(longest);
      } catch (Throwable e) {
        ended.set(e);
      }
    });
    timer.start();
    Thread.sleep(50);
    timer.interrupt();
    timer.join(10_000);
    assertTrue(ended.get() instanceof InterruptedException, String.valueOf(ended.get()));
    assertEquals(0, run("run", "--timeout", "999999999999h", "--invoke", "grow", SPIN, "0"));
    assertEquals("1\n", out());
  }

  @Test
  void memoryAndTableLimitsFailGrowthAndInstantiation() {
    assertEquals(0, run("run", "--max-memory-size", "128K", "--invoke", "grow", SPIN, "1"));
    assertEquals("1\n", out());
    reset();
    assertEquals(0, run("run", "--max-memory-size", "128K", "--invoke", "grow", SPIN, "2"));
    assertEquals("-1\n", out(), "3 pages are more than 128 KiB");
    reset();
    assertEquals(0, run("run", "--max-table-elements", "5", "--invoke", "growTable", SPIN, "5"));
    assertEquals("0\n", out());
    reset();
    assertEquals(0, run("run", "--max-table-elements", "5", "--invoke", "growTable", SPIN, "6"));
    assertEquals("-1\n", out());
    reset();
    assertEquals(1, run("run", "--max-memory-size", "32K", SPIN));
    assertTrue(err().startsWith("wasmj: uninstantiable: "), err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--timeout=5x", "--timeout=-1s", "--max-memory-size=lots",
      "--max-memory-size=99999999999999G", "--fuel=-1", "--max-table-elements=-1"})
  void badLimitsAreUsageErrors(String option) {
    assertEquals(2, run("run", option, SPIN));
    assertTrue(err().startsWith("wasmj: "), err());
  }
}
