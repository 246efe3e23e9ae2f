package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.Validator;

class TranslatorTest {
  /**
   * Translates a one-function module of type {@code (i32, i32) -> results} whose body is
   * {@code code} (with {@code extraLocals} more i32 locals), and prints the IR.
   */
  private static String translate(int results, int extraLocals, int... code) {
    byte[] type = results == 0
        ? new byte[] {1, 0x60, 2, 0x7F, 0x7F, 0}
        : new byte[] {1, 0x60, 2, 0x7F, 0x7F, 1, 0x7F};
    return withBody(oneFunction(type), extraLocals, code);
  }

  /**
   * The bytes of a module up to its code section: the header, the type section {@code types}
   * (its contents) and a function section declaring one function of type 0.
   */
  private static ByteArrayOutputStream oneFunction(byte[] types) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(b, 1, types);
    section(b, 3, new byte[] {1, 0});
    return b;
  }

  /**
   * Appends the code section of one function ({@code extraLocals} more i32 locals, then
   * {@code code}) to module bytes {@code b}, and prints the function's IR.
   */
  private static String withBody(ByteArrayOutputStream b, int extraLocals, int... code) {
    return withBody(new Translator(), b, extraLocals, code);
  }

  /** {@link #withBody(ByteArrayOutputStream, int, int...)} translated by {@code translator}. */
  private static String withBody(Translator translator, ByteArrayOutputStream b, int extraLocals,
      int... code) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (extraLocals == 0) {
      body.write(0);
    } else {
      body.writeBytes(new byte[] {1, (byte) extraLocals, 0x7F});
    }
    for (int c : code) {
      body.write(c);
    }
    body.write(0x0B);
    ByteArrayOutputStream codeSection = new ByteArrayOutputStream();
    codeSection.write(1);
    codeSection.write(body.size());
    codeSection.writeBytes(body.toByteArray());
    section(b, 10, codeSection.toByteArray());
    WasmModule m = WasmParser.parse(b.toByteArray());
    return translator
        .translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0)
        .toString();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    out.write(content.length);
    out.writeBytes(content);
  }

  @Test
  void aV128TakesTwoRegistersWhereverItLives() {
    // (func (param v128 i32) (result v128) (local v128)
    //   (local.set 2 (i32x4.replace_lane 1 (local.get 0) (local.get 1)))
    //   (i32x4.add (local.get 2) (local.get 0)))
    ByteArrayOutputStream b = oneFunction(new byte[] {1, 0x60, 2, 0x7B, 0x7F, 1, 0x7B});
    byte[] body = {1, 1, 0x7B, 0x20, 0, 0x20, 1, (byte) 0xFD, 0x1C, 1, 0x21, 2,
        0x20, 2, 0x20, 0, (byte) 0xFD, (byte) 0xAE, 1, 0x0B};
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.write(1);
    code.write(body.length);
    code.writeBytes(body);
    section(b, 10, code.toByteArray());
    WasmModule m = WasmParser.parse(b.toByteArray());
    CompiledFunction f = new Translator().translate(new Validator(m, Feature.WASM_2_0).functionValidator(), 0);
    assertEquals("@0: v3 <- i32x4.replace_lane v0 r2 #1\n" // the v128 local 2 is r3, r4
        + "@5: v5 <- i32x4.add v3 v0\n" // its temporary: r5, r6
        + "@9: return r5 #2\n", Disassembler.print(f));
    assertEquals(3, f.paramCount()); // registers: v128 + i32
    assertEquals(5, f.localCount());
    assertEquals(9, f.registerCount()); // two v128 stack slots at most: r5..r8
  }

  @Test
  void theSeedExampleIsOneInstruction() {
    // local.get 0; local.get 1; i32.add; local.set 0
    assertEquals(
        "@0: r0 <- i32.add r0 r1\n@4: return\n",
        translate(0, 0, 0x20, 0, 0x20, 1, 0x6A, 0x21, 0));
  }

  @Test
  void aConstantOperandBecomesAnImmediate() {
    // local.get 0; i32.const 5; i32.add
    assertEquals(
        "@0: r0 <- i32.add r0 #5\n@4: return r0\n",
        translate(1, 0, 0x20, 0, 0x41, 5, 0x6A));
  }

  @Test
  void aConstantWithoutAnImmediateFormIsMaterialized() {
    // i32.const 7; local.get 0; i32.sub  (constant on the left)
    assertEquals(
        "@0: r2 <- const32 #7\n@3: r0 <- i32.sub r2 r0\n@7: return r0\n",
        translate(1, 0, 0x41, 7, 0x20, 0, 0x6B));
  }

  @Test
  void aLocalStillOnTheStackIsPreservedBeforeItIsOverwritten() {
    // local.get 0; i32.const 1; local.set 0; ... return the old local 0
    assertEquals(
        "@0: r2 <- copy r0\n@3: r0 <- const32 #1\n@6: return r2\n",
        translate(1, 0, 0x20, 0, 0x41, 1, 0x21, 0));
  }

  @Test
  void teeKeepsTheLocalOnTheStack() {
    // local.get 0; local.get 1; i32.mul; local.tee 2; local.get 2; i32.add
    assertEquals(
        "@0: r2 <- i32.mul r0 r1\n@4: r0 <- i32.add r2 r2\n@8: return r0\n",
        translate(1, 1, 0x20, 0, 0x20, 1, 0x6C, 0x22, 2, 0x20, 2, 0x6A));
  }

  @Test
  void eqzOfACompareNegatesTheCompare() {
    // local.get 0; local.get 1; i32.eq; i32.eqz
    assertEquals(
        "@0: r0 <- i32.ne r0 r1\n@4: return r0\n",
        translate(1, 0, 0x20, 0, 0x20, 1, 0x46, 0x45));
    // local.get 0; i32.const 3; i32.lt_u; i32.eqz; if; end (the negation fuses into the if)
    assertEquals(
        "@0: i32.lt_u r0 #3 @4\n@4: return\n",
        translate(0, 0, 0x20, 0, 0x41, 3, 0x49, 0x45, 0x04, 0x40, 0x0B));
  }

  @Test
  void aBitTestFusesIntoTheBranch() {
    // local.get 0; i32.const 8; i32.and; if; end: branch past the arm when no bit is set
    assertEquals("@0: br_and_eqz r0 #8 @4\n@4: return\n",
        translate(0, 0, 0x20, 0, 0x41, 8, 0x71, 0x04, 0x40, 0x0B));
    // block; local.get 0; i32.const 8; i32.and; br_if 0; end
    assertEquals("@0: br_and_nez r0 #8 @4\n@4: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 0, 0x41, 8, 0x71, 0x0D, 0, 0x0B));
    // block; local.get 0; i32.const 8; i32.and; i32.eqz; br_if 0; end: the eqz goes too
    assertEquals("@0: br_and_eqz r0 #8 @4\n@4: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 0, 0x41, 8, 0x71, 0x45, 0x0D, 0, 0x0B));
    // local.get 0; i32.const 8; i32.and; i32.eqz; if; end
    assertEquals("@0: br_and_nez r0 #8 @4\n@4: return\n",
        translate(0, 0, 0x20, 0, 0x41, 8, 0x71, 0x45, 0x04, 0x40, 0x0B));
  }

  @Test
  void aBitTestWhoseResultIsReadAgainOrCrossesALabelIsNotFused() {
    // local.get 0; i32.const 8; i32.and; local.tee 1; if; end: the and writes a local
    assertEquals("@0: r1 <- i32.and r0 #8\n@4: br_eqz r1 @7\n@7: return\n",
        translate(0, 0, 0x20, 0, 0x41, 8, 0x71, 0x22, 1, 0x04, 0x40, 0x0B));
    // local.get 0; i32.const 8; i32.and; block; end; if; end: a label between the and and the if
    assertEquals("@0: r2 <- i32.and r0 #8\n@4: br_eqz r2 @7\n@7: return\n",
        translate(0, 0, 0x20, 0, 0x41, 8, 0x71, 0x02, 0x40, 0x0B, 0x04, 0x40, 0x0B));
    // local.get 0; i32.const 8; i32.and; i32.eqz; local.tee 1; if; end: the eqz's result is read
    assertEquals("@0: r2 <- i32.and r0 #8\n@4: r1 <- i32.eqz r2\n@7: br_eqz r1 @10\n@10: return\n",
        translate(0, 0, 0x20, 0, 0x41, 8, 0x71, 0x45, 0x22, 1, 0x04, 0x40, 0x0B));
    // local.get 0; local.get 1; i32.and; if; end: a mask in a register is an and and a branch
    assertEquals("@0: r2 <- i32.and r0 r1\n@4: br_eqz r2 @7\n@7: return\n",
        translate(0, 0, 0x20, 0, 0x20, 1, 0x71, 0x04, 0x40, 0x0B));
  }

  @Test
  void anAddIntoALocalFusesWithTheBranchOnIt() {
    // loop; local.get 0; i32.const -1; i32.add; local.tee 0; br_if 0; end
    assertEquals("@0: r0 <- add_br_nez r0 #-1 @0\n@5: return\n",
        translate(0, 0, 0x03, 0x40, 0x20, 0, 0x41, 0x7F, 0x6A, 0x22, 0, 0x0D, 0, 0x0B));
    // loop; local.get 0; i32.const 1; i32.add; local.tee 0; local.get 1; i32.ne; br_if 0; end
    assertEquals("@0: r0 <- add_br_ne r0 #1 r1 @0\n@6: return\n",
        translate(0, 0, 0x03, 0x40, 0x20, 0, 0x41, 1, 0x6A, 0x22, 0, 0x20, 1, 0x47, 0x0D, 0, 0x0B));
    // loop; local.get 1; local.get 0; i32.const 1; i32.add; local.tee 0; i32.eq; i32.eqz; br_if 0;
    // end: the sum second in the compare
    assertEquals("@0: r0 <- add_br_ne r0 #1 r1 @0\n@6: return\n",
        translate(0, 0, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x41, 1, 0x6A, 0x22, 0, 0x46, 0x45, 0x0D, 0, 0x0B));
    // block; local.get 0; i32.const 1; i32.add; local.set 0; local.get 0; br_if 0; end
    assertEquals("@0: r0 <- add_br_nez r0 #1 @5\n@5: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 0, 0x41, 1, 0x6A, 0x21, 0, 0x20, 0, 0x0D, 0, 0x0B));
  }

  @Test
  void anAddIsNotFusedAcrossALabelNorWithABranchOnZero() {
    // local.get 0; i32.const 1; i32.add; local.set 0; loop; local.get 0; br_if 0; end
    assertEquals("@0: r0 <- i32.add r0 #1\n@4: br_nez r0 @4\n@7: return\n",
        translate(0, 0, 0x20, 0, 0x41, 1, 0x6A, 0x21, 0, 0x03, 0x40, 0x20, 0, 0x0D, 0, 0x0B));
    // local.get 0; i32.const 1; i32.add; local.tee 0; if; end: the if branches when it is zero
    assertEquals("@0: r0 <- i32.add r0 #1\n@4: br_eqz r0 @7\n@7: return\n",
        translate(0, 0, 0x20, 0, 0x41, 1, 0x6A, 0x22, 0, 0x04, 0x40, 0x0B));
    // block; local.get 0; i32.const 1; i32.add; local.set 0; local.get 1; br_if 0; end: another local
    assertEquals("@0: r0 <- i32.add r0 #1\n@4: br_nez r1 @7\n@7: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 0, 0x41, 1, 0x6A, 0x21, 0, 0x20, 1, 0x0D, 0, 0x0B));
  }

  @Test
  void aBitTestAtAPositionInARegisterFusesIntoTheBranch() {
    // local.get 0; local.get 1; i32.shr_u; i32.const 1; i32.and; if; end
    assertEquals("@0: br_shr_and_eqz r0 r1 #1 @5\n@5: return\n",
        translate(0, 0, 0x20, 0, 0x20, 1, 0x76, 0x41, 1, 0x71, 0x04, 0x40, 0x0B));
    // block; local.get 0; local.get 1; i32.shr_u; i32.const 1; i32.and; i32.eqz; br_if 0; end
    assertEquals("@0: br_shr_and_eqz r0 r1 #1 @5\n@5: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 0, 0x20, 1, 0x76, 0x41, 1, 0x71, 0x45, 0x0D, 0, 0x0B));
    // block; local.get 0; local.get 1; i32.shr_u; i32.const 1; i32.and; br_if 0; end
    assertEquals("@0: br_shr_and_nez r0 r1 #1 @5\n@5: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 0, 0x20, 1, 0x76, 0x41, 1, 0x71, 0x0D, 0, 0x0B));
    // local.get 0; local.get 1; i32.shr_u; local.tee 1; i32.const 1; i32.and; if; end: the
    // shift writes a local, the bit test alone fuses
    assertEquals("@0: r1 <- i32.shr_u r0 r1\n@4: br_and_eqz r1 #1 @8\n@8: return\n",
        translate(0, 0, 0x20, 0, 0x20, 1, 0x76, 0x22, 1, 0x41, 1, 0x71, 0x04, 0x40, 0x0B));
    // local.get 0; local.get 1; i32.shr_u; block; end; i32.const 1; i32.and; if; end: a label
    assertEquals("@0: r2 <- i32.shr_u r0 r1\n@4: br_and_eqz r2 #1 @8\n@8: return\n",
        translate(0, 0, 0x20, 0, 0x20, 1, 0x76, 0x02, 0x40, 0x0B, 0x41, 1, 0x71, 0x04, 0x40, 0x0B));
  }

  @Test
  void aCopyIntoALocalFusesWithTheBranchAfterIt() {
    // loop; local.get 1; local.set 0; local.get 0; br_if 0; end
    assertEquals("@0: r0 <- copy_br_nez r1 r0 @0\n@5: return\n",
        translate(0, 0, 0x03, 0x40, 0x20, 1, 0x21, 0, 0x20, 0, 0x0D, 0, 0x0B));
    // block; local.get 1; local.set 0; local.get 0; i32.eqz; br_if 0; end
    assertEquals("@0: r0 <- copy_br_eqz r1 r0 @5\n@5: return\n",
        translate(0, 0, 0x02, 0x40, 0x20, 1, 0x21, 0, 0x20, 0, 0x45, 0x0D, 0, 0x0B));
    // local.get 1; local.set 0; local.get 1; if; end: a branch on another register
    assertEquals("@0: r0 <- copy_br_eqz r1 r1 @5\n@5: return\n",
        translate(0, 0, 0x20, 1, 0x21, 0, 0x20, 1, 0x04, 0x40, 0x0B));
    // local.get 1; local.set 0; loop; local.get 0; br_if 0; end: a label between
    assertEquals("@0: r0 <- copy r1\n@3: br_nez r0 @3\n@6: return\n",
        translate(0, 0, 0x20, 1, 0x21, 0, 0x03, 0x40, 0x20, 0, 0x0D, 0, 0x0B));
  }

  @Test
  void aShiftThenAMaskIsOneOp() {
    // local.get 0; i32.const 3; i32.shr_u; i32.const 7; i32.and
    assertEquals("@0: r0 <- shr_u_and r0 #3 #7\n@5: return r0\n",
        translate(1, 0, 0x20, 0, 0x41, 3, 0x76, 0x41, 7, 0x71));
    // i32.const 7; local.get 0; i32.const 3; i32.shr_u; i32.and: the mask first
    assertEquals("@0: r0 <- shr_u_and r0 #3 #7\n@5: return r0\n",
        translate(1, 0, 0x41, 7, 0x20, 0, 0x41, 3, 0x76, 0x71));
  }

  @Test
  void aShiftWhoseResultIsReadAgainOrCrossesALabelIsNotFusedWithTheMask() {
    // local.get 0; i32.const 3; i32.shr_u; local.tee 1; i32.const 7; i32.and: the shift writes a local
    assertEquals("@0: r1 <- i32.shr_u r0 #3\n@4: r0 <- i32.and r1 #7\n@8: return r0\n",
        translate(1, 0, 0x20, 0, 0x41, 3, 0x76, 0x22, 1, 0x41, 7, 0x71));
    // local.get 0; i32.const 3; i32.shr_u; block; end; i32.const 7; i32.and: a label between
    assertEquals("@0: r2 <- i32.shr_u r0 #3\n@4: r0 <- i32.and r2 #7\n@8: return r0\n",
        translate(1, 0, 0x20, 0, 0x41, 3, 0x76, 0x02, 0x40, 0x0B, 0x41, 7, 0x71));
  }

  @Test
  void aMultiplyThenAnAddIsOneOp() {
    // local.get 0; local.get 1; i32.mul; local.get 1; i32.add; local.set 2: a sum, set
    assertEquals("@0: r2 <- mul_add r0 r1 r1\n@5: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x6C, 0x20, 1, 0x6A, 0x21, 2));
    // local.get 1; local.get 0; local.get 1; i32.mul; i32.add; local.set 2: the product second
    assertEquals("@0: r2 <- mul_add r0 r1 r1\n@5: return\n",
        translate(0, 1, 0x20, 1, 0x20, 0, 0x20, 1, 0x6C, 0x6A, 0x21, 2));
  }

  @Test
  void aProductReadAgainOrAcrossALabelIsNotFusedWithTheAdd() {
    // local.get 0; local.get 1; i32.mul; local.tee 2; local.get 1; i32.add; local.set 2
    assertEquals("@0: r2 <- i32.mul r0 r1\n@4: r2 <- i32.add r2 r1\n@8: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x6C, 0x22, 2, 0x20, 1, 0x6A, 0x21, 2));
    // local.get 0; local.get 1; i32.mul; block; end; local.get 1; i32.add; local.set 2
    assertEquals("@0: r3 <- i32.mul r0 r1\n@4: r2 <- i32.add r3 r1\n@8: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x6C, 0x02, 0x40, 0x0B, 0x20, 1, 0x6A, 0x21, 2));
  }

  @Test
  void aShiftLeftByAConstantThenAnAddIsOneOp() {
    // local.get 0; local.get 1; i32.const 2; i32.shl; i32.add; local.set 2: base + (i << 2)
    assertEquals("@0: r2 <- shl_add r1 #2 r0\n@5: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x41, 2, 0x74, 0x6A, 0x21, 2));
    // local.get 1; i32.const 3; i32.shl; local.get 0; i32.add; local.set 2: the shift first (a sum)
    assertEquals("@0: r2 <- shl_add r1 #3 r0\n@5: return\n",
        translate(0, 1, 0x20, 1, 0x41, 3, 0x74, 0x20, 0, 0x6A, 0x21, 2));
    // local.get 0; local.get 1; i32.const 2; i32.shl; i32.add; i32.const 4; i32.add: into a sum
    assertEquals("@0: r2 <- shl_add r1 #2 r0\n@5: r0 <- i32.add r2 #4\n@9: return r0\n",
        translate(1, 0, 0x20, 0, 0x20, 1, 0x41, 2, 0x74, 0x6A, 0x41, 4, 0x6A));
  }

  @Test
  void aShiftReadAgainOrAcrossALabelOrByARegisterIsNotFusedWithTheAdd() {
    // local.get 0; local.get 1; i32.const 2; i32.shl; local.tee 2; i32.add; local.set 2
    assertEquals("@0: r2 <- i32.shl r1 #2\n@4: r2 <- i32.add r0 r2\n@8: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x41, 2, 0x74, 0x22, 2, 0x6A, 0x21, 2));
    // local.get 0; local.get 1; i32.const 2; i32.shl; block; end; i32.add; local.set 2
    assertEquals("@0: r4 <- i32.shl r1 #2\n@4: r3 <- copy r0\n@7: r2 <- i32.add r3 r4\n@11: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x41, 2, 0x74, 0x02, 0x40, 0x0B, 0x6A, 0x21, 2));
    // local.get 0; local.get 1; local.get 1; i32.shl; i32.add; local.set 2: a count in a register
    assertEquals("@0: r4 <- i32.shl r1 r1\n@4: r2 <- i32.add r0 r4\n@8: return\n",
        translate(0, 1, 0x20, 0, 0x20, 1, 0x20, 1, 0x74, 0x6A, 0x21, 2));
  }

  @Test
  void aTopTestedLoopIsRotated() {
    // block; loop; local.get 0; i32.eqz; br_if 1; local.get 0; i32.const 1; i32.sub; local.set 0;
    // br 0; end; end: the jump back runs the negated test, the exit jumps where the test does
    assertEquals(
        "@0: br_eqz r0 @12\n@3: r0 <- i32.sub r0 #1\n@7: br_nez r0 @3\n@10: br @12\n@12: return\n",
        translate(0, 0, 0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x45, 0x0D, 1,
            0x20, 0, 0x41, 1, 0x6B, 0x21, 0, 0x0C, 0, 0x0B, 0x0B));
  }

  @Test
  void anAddressSumGoesIntoTheLoadOrStore() {
    // memcpy's body: local.get 0; local.get 2; i32.add; local.get 1; local.get 2; i32.add;
    // i32.load8_u; i32.store8
    assertEquals(
        "@0: r4 <- i32.load8_u r1 r2 #0\n@5: i32.store8 r0 r2 r4 #0\n@10: return\n",
        translateWithMemory(0, 0x20, 0, 0x20, 2, 0x6A, 0x20, 1, 0x20, 2, 0x6A,
            0x2D, 0, 0, 0x3A, 0, 0));
    // local.get 0; i32.const 8; i32.add; i32.load offset=4: the add wraps before the offset
    assertEquals(
        "@0: r0 <- i32.load r0 #8 #4\n@5: return r0\n",
        translateWithMemory(1, 0x20, 0, 0x41, 8, 0x6A, 0x28, 2, 4));
    // an operand computed into the next slot: the add is emitted, then taken into the load
    // local.get 0; local.get 1; i32.const 2; i32.shl; i32.add; i32.load
    assertEquals(
        "@0: r4 <- i32.shl r1 #2\n@4: r0 <- i32.load r0 r4 #0\n@9: return r0\n",
        translateWithMemory(1, 0x20, 0, 0x20, 1, 0x41, 2, 0x74, 0x6A, 0x28, 2, 0));
    // a sum that a local.set would change is computed first; one that is dropped never is
    // local.get 0; local.get 1; i32.add; i32.const 5; local.set 0; local.get 1; local.get 1;
    // i32.add; drop; i32.load
    assertEquals(
        "@0: r3 <- i32.add r0 r1\n@4: r0 <- const32 #5\n@7: r0 <- i32.load r3 #0\n@11: return r0\n",
        translateWithMemory(1, 0x20, 0, 0x20, 1, 0x6A, 0x41, 5, 0x21, 0, 0x20, 1, 0x20, 1, 0x6A,
            0x1A, 0x28, 2, 0));
  }

  @Test
  void aLoadFromAConstantAddressHasTheAddressAsItsImmediate() {
    // i32.const 16; i32.load offset=4
    assertEquals("@0: r0 <- i32.load #20\n@3: return r0\n",
        translateWithMemory(1, 0x41, 16, 0x28, 2, 4));
    // i32.const 100; i32.load8_u
    assertEquals("@0: r0 <- i32.load8_u #100\n@3: return r0\n",
        translateWithMemory(1, 0x41, 0xE4, 0, 0x2D, 0, 0));
    // i32.const -4; i32.load offset=8: past 4 GiB, so it stays a load that traps
    assertEquals("@0: r3 <- const32 #-4\n@3: r0 <- i32.load r3 #8\n@7: return r0\n",
        translateWithMemory(1, 0x41, 0x7C, 0x28, 2, 8));
  }

  /** As {@link #translate}, in a module with a memory, for type {@code (i32, i32, i32) -> results}. */
  private static String translateWithMemory(int results, int... code) {
    ByteArrayOutputStream b = oneFunction(results == 0
        ? new byte[] {1, 0x60, 3, 0x7F, 0x7F, 0x7F, 0}
        : new byte[] {1, 0x60, 3, 0x7F, 0x7F, 0x7F, 1, 0x7F});
    section(b, 5, new byte[] {1, 0, 1});
    return withBody(b, 0, code);
  }

  @Test
  void aConstantReadInALoopGetsARegisterSetOnEntry() {
    // loop; i32.const 7; local.get 0; i32.sub; local.set 1; end: the constant is in r2, set
    // once before the code; the temporaries move up by one (r3)
    assertEquals(
        "@0: r2 <- const32 #7\n@3: r1 <- i32.sub r2 r0\n@7: return\n",
        translate(0, 0, 0x03, 0x40, 0x41, 7, 0x20, 0, 0x6B, 0x21, 1, 0x0B));
    // the same with the loop's jump back and a branch target that moves with the code
    // loop; i32.const 7; local.get 0; i32.sub; local.tee 1; br_if 0; end
    assertEquals(
        "@0: r2 <- const32 #7\n@3: r1 <- i32.sub r2 r0\n@7: br_nez r1 @3\n@10: return\n",
        translate(0, 0, 0x03, 0x40, 0x41, 7, 0x20, 0, 0x6B, 0x22, 1, 0x0D, 0, 0x0B));
  }

  @Test
  void aJumpToTheReturnIsTheReturn() {
    // local.get 0; i32.const 2; i32.lt_u; if (result i32) local.get 0 else local.get 1 end:
    // the then-arm returns at once instead of jumping over the else-arm to the return; each
    // arm's copy into the result's register then returns its source (fib's leaf: two ops, not
    // three), the jumps' returns left where they were, never run
    assertEquals(
        "@0: i32.ge_u r0 #2 @9\n@4: return r0\n@6: unreachable\n@7: return r2\n"
            + "@9: return r1\n@11: unreachable\n@12: return r2\n",
        translate(1, 0, 0x20, 0, 0x41, 2, 0x49, 0x04, 0x7F, 0x20, 0, 0x05, 0x20, 1, 0x0B));
    // without a result: the br becomes return (and a never-run unreachable fills its second slot)
    // local.get 0; if; local.get 1; local.set 0; else; local.get 0; local.set 1; end
    assertEquals(
        "@0: br_eqz r0 @8\n@3: r0 <- copy r1\n@6: return\n@7: unreachable\n@8: r1 <- copy r0\n@11: return\n",
        translate(0, 0, 0x20, 0, 0x04, 0x40, 0x20, 1, 0x21, 0, 0x05, 0x20, 0, 0x21, 1, 0x0B));
  }

  @Test
  void aCopyFollowedByAReturnOfItsDestinationReturnsItsSource() {
    // local.get 1; local.set 0; local.get 0: no label between the copy and the return, so the
    // copy goes
    assertEquals("@0: return r1\n", translate(1, 0, 0x20, 1, 0x21, 0, 0x20, 0));
    // block (result i32) local.get 0; local.get 1; i32.mul; local.get 1; br_if 0; drop;
    // local.get 0; end: the br_if jumps to the return, past the copy, so the return stays
    assertEquals("@0: r2 <- i32.mul r0 r1\n@4: br_nez r1 @10\n@7: return r0\n@9: unreachable\n"
            + "@10: return r2\n",
        translate(1, 0, 0x02, 0x7F, 0x20, 0, 0x20, 1, 0x6C, 0x20, 1, 0x0D, 0, 0x1A, 0x20, 0,
            0x0B));
    // local.get 0; if; local.get 1; local.set 0; else; local.get 0; local.set 1; end;
    // local.get 1: the then-arm's copy is into another register than the one returned, and stays
    assertEquals("@0: br_eqz r0 @8\n@3: r0 <- copy r1\n@6: return r1\n@8: return r0\n"
            + "@10: unreachable\n@11: return r1\n",
        translate(1, 0, 0x20, 0, 0x04, 0x40, 0x20, 1, 0x21, 0, 0x05, 0x20, 0, 0x21, 1, 0x0B,
            0x20, 1));
  }

  @Test
  void aResultComputedRightBeforeTheReturnGoesToRegisterZero() {
    // local.get 0; local.get 1; i32.sub: the return has nothing to copy
    assertEquals("@0: r0 <- i32.sub r0 r1\n@4: return r0\n",
        translate(1, 0, 0x20, 0, 0x20, 1, 0x6B));
    // fib's shape: local.get 0; i32.const 2; i32.lt_u; if (result i32) local.get 0 else
    // local.get 0; local.get 1; i32.add end: the end is reached from the else-arm and by the
    // then-arm's br, which becomes a return of its own, so the add writes register 0
    assertEquals(
        "@0: i32.ge_u r0 #2 @9\n@4: return r0\n@6: unreachable\n@7: return r2\n"
            + "@9: r0 <- i32.add r0 r1\n@13: return r0\n",
        translate(1, 0, 0x20, 0, 0x41, 2, 0x49, 0x04, 0x7F, 0x20, 0, 0x05, 0x20, 0, 0x20, 1,
            0x6A, 0x0B));
    // block (result i32) local.get 0; local.get 1; i32.mul; local.get 1; br_if 0; drop;
    // local.get 0; local.get 1; i32.add end: the br_if reaches the return with the product in
    // the block's register, so the add writes that register and the return returns it
    assertEquals("@0: r2 <- i32.mul r0 r1\n@4: br_nez r1 @11\n@7: r2 <- i32.add r0 r1\n"
            + "@11: return r2\n",
        translate(1, 0, 0x02, 0x7F, 0x20, 0, 0x20, 1, 0x6C, 0x20, 1, 0x0D, 0, 0x1A, 0x20, 0,
            0x20, 1, 0x6A, 0x0B));
    // local.get 1; if (result i32) i32.const -4 else i32.const -126 end; local.set 1;
    // local.get 1: the copy into the local comes after the end and goes again (the return
    // returns its source), but the then-arm's br was not made a return there: it still jumps
    // to the return, so the else-arm's constant stays in the if's register (seen in
    // V8DifferentialTest's seed 8116680858531666848)
    assertEquals("@0: br_eqz r1 @8\n@3: r2 <- const32 #-4\n@6: br @11\n@8: r2 <- const32 #-126\n"
            + "@11: return r2\n",
        translate(1, 0, 0x20, 1, 0x04, 0x7F, 0x41, 0x7C, 0x05, 0x41, 0x82, 0x7F, 0x0B, 0x21, 1,
            0x20, 1));
  }

  @Test
  void aResultOfAnotherTypeThanLocalZeroStaysOutOfRegisterZero() {
    // (i32, i32) -> i64: local.get 0; i64.extend_i32_u: register 0 stays an i32 (asm keeps it
    // an int local, a loop counter's)
    ByteArrayOutputStream b = oneFunction(new byte[] {1, 0x60, 2, 0x7F, 0x7F, 1, 0x7E});
    assertEquals("@0: r2 <- i64.extend_i32_u r0\n@3: return r2\n", withBody(b, 0, 0x20, 0, 0xAD));
    // () -> i32 without locals: register 0 is a temporary, here the stack's bottom value's
    // i32.const 1; i32.const 2; i32.const 3; i32.mul; return
    ByteArrayOutputStream c = oneFunction(new byte[] {1, 0x60, 0, 1, 0x7F});
    assertEquals("@0: r1 <- const32 #2\n@3: r1 <- i32.mul r1 #3\n@7: return r1\n",
        withBody(c, 0, 0x41, 1, 0x41, 2, 0x41, 3, 0x6C, 0x0F));
  }

  @Test
  void copiesIntoAMultiValueReturnStay() {
    // (func (param i32 i32) (result i32 i32) local.get 1; local.get 0): two copies, one return
    ByteArrayOutputStream b = oneFunction(new byte[] {1, 0x60, 2, 0x7F, 0x7F, 2, 0x7F, 0x7F});
    assertEquals("@0: r2 <- copy r1\n@3: r3 <- copy r0\n@6: return r2 #2\n",
        withBody(b, 0, 0x20, 1, 0x20, 0));
  }

  /** A one-function module of type {@code (i32, i32) -> ()} with body {@code code}, translated by {@code t}. */
  private static String translateWith(Translator t, int... code) {
    ByteArrayOutputStream b = oneFunction(new byte[] {1, 0x60, 2, 0x7F, 0x7F, 0});
    return withBody(t, b, 0, code);
  }

  @Test
  void aTopTestedLoopIsRotatedAroundItsCountLoop() {
    // block; loop; local.get 0; i32.eqz; br_if 1; local.get 0; i32.const 1; i32.sub;
    // local.set 0; br 0; end; end: the jump back runs the test, negated
    int[] loop = {0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x45, 0x0D, 1, 0x20, 0, 0x41, 1, 0x6B,
        0x21, 0, 0x0C, 0, 0x0B, 0x0B};
    assertEquals("@0: br_eqz r0 @12\n@3: r0 <- i32.sub r0 #1\n@7: br_nez r0 @3\n@10: br @12\n"
        + "@12: return\n", translateWith(new Translator(), loop));
    // with count_loop (as when fuel is metered): the same code, its count_loop after the test
    assertEquals("@0: br_eqz r0 @13\n@3: count_loop\n@4: r0 <- i32.sub r0 #1\n"
        + "@8: br_nez r0 @3\n@11: br @13\n@13: return\n",
        translateWith(new Translator(true, true), loop));
    assertEquals("@0: count_loop\n@1: br_eqz r0 @10\n@4: r0 <- i32.sub r0 #1\n@8: br @0\n"
        + "@10: return\n", translateWith(new Translator(true), loop));
    // block; loop; block; (that loop, leaving the block); end; local.get 1; i32.eqz; br_if 1;
    // local.get 1; i32.const 1; i32.sub; local.set 1; br 0; end; end: the outer loop's head
    // is the inner loop's test, so where code with count_loops must be alike (fuel) only the
    // inner loop is rotated
    int[] nested = {0x02, 0x40, 0x03, 0x40, 0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x45, 0x0D, 1,
        0x20, 0, 0x41, 1, 0x6B, 0x21, 0, 0x0C, 0, 0x0B, 0x0B,
        0x20, 1, 0x45, 0x0D, 1, 0x20, 1, 0x41, 1, 0x6B, 0x21, 1, 0x0C, 0, 0x0B, 0x0B};
    assertEquals("@0: br_eqz r0 @12\n@3: r0 <- i32.sub r0 #1\n@7: br_nez r0 @3\n@10: br @12\n"
        + "@12: br_eqz r1 @21\n@15: r1 <- i32.sub r1 #1\n@19: br @0\n@21: return\n",
        translateWith(new Translator(false, true, true), nested));
    assertEquals("@0: count_loop\n@1: br_eqz r0 @14\n@4: count_loop\n@5: r0 <- i32.sub r0 #1\n"
        + "@9: br_nez r0 @4\n@12: br @14\n@14: br_eqz r1 @23\n@17: r1 <- i32.sub r1 #1\n"
        + "@21: br @0\n@23: return\n", translateWith(new Translator(true, true), nested));
    // without fuel, code that does not count loops rotates the outer loop too, as before
    assertNotEquals(translateWith(new Translator(false, true, true), nested),
        translateWith(new Translator(), nested));
  }

  @Test
  void everyNumericOpcodeHasARegisterForm() {
    for (org.wasmj.parser.Opcode op : org.wasmj.parser.Opcode.values()) {
      boolean scalarNumeric = op.immediates() == org.wasmj.parser.Opcode.Imm.NONE
          && op.hasSignature()
          && op.results().length == 1
          && op.prefix() != 0xFD
          && !op.text().startsWith("v128");
      if (scalarNumeric) {
        String name = op.name() + (op.params().length == 1 ? "_RR" : "_RRR");
        assertEquals(name, Op.valueOf(name).name(), op.text());
      }
    }
  }
}
