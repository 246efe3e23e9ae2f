package org.wasmj.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The writer checks every instruction against its op's shape. */
class CodeWriterTest {
  @Test
  void instructionsOfTheirShapePass() {
    CodeWriter w = new CodeWriter();
    w.op(Op.CONST64_RL);
    w.emit(3);
    w.emit64(0x1_0000_0002L);
    w.op(Op.BR_TABLE_RI);
    w.emit(3);
    w.emit(2);
    w.emit(-1); // a target to be patched
    w.emit(7);
    w.op(Op.RETURN);
    assertArrayEquals(new int[] {Op.CONST64_RL.ordinal(), 3, 2, 1, Op.BR_TABLE_RI.ordinal(), 3, 2,
        -1, 7, Op.RETURN.ordinal()}, w.toArray());
  }

  @Test
  void aMissingOperandFailsAtTheNextInstruction() {
    CodeWriter w = new CodeWriter();
    w.op(Op.COPY_RR);
    w.emit(1);
    assertThrows(IllegalStateException.class, () -> w.op(Op.RETURN));
  }

  @Test
  void anOperandTooManyFails() {
    CodeWriter w = new CodeWriter();
    w.op(Op.RETURN_R);
    w.emit(1);
    assertThrows(IllegalStateException.class, () -> w.emit(2));
  }

  @Test
  void aBrTableTakesAsManyTargetsAsItsCountSays() {
    CodeWriter w = new CodeWriter();
    w.op(Op.BR_TABLE_RI);
    w.emit(0);
    w.emit(2);
    w.emit(5);
    assertThrows(IllegalStateException.class, w::toArray);
  }

  @Test
  void immediatesOfTheWrongWidthFail() {
    CodeWriter w = new CodeWriter();
    w.op(Op.CONST64_RL);
    w.emit(1);
    assertThrows(IllegalStateException.class, () -> w.emit(5));
    CodeWriter v = new CodeWriter();
    v.op(Op.CONST32_RI);
    v.emit(1);
    assertThrows(IllegalStateException.class, () -> v.emit64(5));
  }

  @Test
  void negativeRegistersFail() {
    CodeWriter w = new CodeWriter();
    w.op(Op.COPY_RR);
    assertThrows(IllegalStateException.class, () -> w.emit(-1));
  }
}
