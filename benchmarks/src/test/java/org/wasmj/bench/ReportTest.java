package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void eachChicoryMachineIsComparedWithItsWasmjCounterpart() {
    String interpreter = "chicory machine=interpreter";
    String compiler = "chicory machine=compiler";
    assertTrue(Report.paired(interpreter, "wasmj executor=switch"));
    assertFalse(Report.paired(interpreter, "wasmj executor=asm"));
    assertFalse(Report.paired(interpreter, "wasmj executor=tiered"));
    assertTrue(Report.paired(compiler, "wasmj executor=asm"));
    assertTrue(Report.paired(compiler, "wasmj executor=tiered"));
    assertFalse(Report.paired(compiler, "wasmj executor=switch"));
  }

  @Test
  void aRatioWithAZeroSideIsADash() {
    assertEquals("2.5×", Report.ratio(2.5));
    assertEquals("–", Report.ratio(1.0 / 0)); // a rejected CoreMark run of the baseline: score 0
    assertEquals("–", Report.ratio(0.0 / 0));
    assertEquals("–", Report.ratio(0));
  }

  @Test
  void aChicoryRunnerWithoutMachineIsComparedWithEveryWasmjRunner() {
    assertTrue(Report.paired("chicory", "wasmj mode=lazy executor=switch"));
    assertTrue(Report.paired("chicoryUnvalidated", "wasmj mode=eager executor=asm"));
  }
}
