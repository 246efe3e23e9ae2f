package org.wasmj.ir;

/**
 * A function translated to the register IR.
 *
 * <p>The frame layout: registers {@code 0 .. paramCount-1} hold the parameters on entry,
 * {@code paramCount .. localCount-1} the declared locals (zero on entry), and the rest the
 * function's pooled constants (set by {@code const} instructions at the start of the code) and
 * the temporaries of the value stack. Results are returned in registers {@code 0 ..}.
 *
 * @param code the instructions: an {@link Op} ordinal followed by its operands, back to back
 * @param registerCount registers the frame needs: parameters, locals, then temporaries
 * @param paramCount registers holding the parameters on entry
 * @param localCount parameters plus declared locals; registers {@code paramCount .. localCount-1}
 *     must be zeroed on entry
 */
public record CompiledFunction(int[] code, int registerCount, int paramCount, int localCount) {

  /** The IR printed one instruction per line (see {@link Disassembler}). */
  @Override
  public String toString() {
    return Disassembler.print(this);
  }
}
