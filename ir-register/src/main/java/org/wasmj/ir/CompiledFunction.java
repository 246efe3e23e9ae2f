package org.wasmj.ir;

/**
 * A function translated to the register IR.
 *
 * @param code the instructions: an {@link Op} ordinal followed by its operands, back to back
 * @param registerCount registers the frame needs: parameters, then locals, then temporaries
 * @param paramCount registers holding the parameters on entry (0 .. paramCount-1)
 */
public record CompiledFunction(int[] code, int registerCount, int paramCount) {

  /** The IR printed one instruction per line (see {@link Disassembler}). */
  @Override
  public String toString() {
    return Disassembler.print(this);
  }
}
