package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String ECHO = "src/test/resources/guests/echo.wasm";
  private static final String TRAP = "src/test/resources/guests/trap.wasm";

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
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, run("run", "../examples/fib.wasm", "--invoke", "fib", "x"));
    assertTrue(err().contains("'x' is not a valid i32"));
    assertEquals(2, run("run", "--executor", "nope", "../examples/fib.wasm"));
    assertTrue(err().contains("available: asm, tiered, switch"));
    assertEquals(2, run("run", "--compilation-mode", "fast", "../examples/fib.wasm"));
    assertTrue(err().contains("unknown compilation mode 'fast'"), err());
    assertEquals(2, run("run", "--bogus", "../examples/fib.wasm"));
    assertTrue(err().contains("Unknown option: '--bogus'"), err());
  }
}
