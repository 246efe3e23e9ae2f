package org.wasmj.exec.asm;

import org.wasmj.exec.asm.FunctionCompiler.Fallback;
import org.wasmj.parser.FuncType;

/**
 * The limits of JVM class files and method handles that class generation could run into, and the
 * size budget of a compiled function, checked <em>before</em> a class is generated: a function
 * beyond them runs in the interpreter ({@link Fallback}), never fails to load.
 *
 * <ul>
 *   <li><b>Descriptor slots</b> (255, a {@code long} taking two): {@code invoke} takes the Wasm
 *       parameters plus the instance and the depth budget, and a method handle invoking it
 *       ({@code tiered}'s call sites) two slots more. A function whose parameters need more has
 *       no typed entry: it is interpreted ({@link Fallback#TOO_MANY_PARAMS}) and its callers
 *       reach it with boxed arguments, as they reach imports.
 *   <li><b>Method size</b> (65,535 bytes; 8,000 for HotSpot to compile it): a function is split
 *       into chunks of estimated size; one instruction too large for a chunk on its own (a
 *       {@code br_table} of thousands of targets: a {@code tableswitch} takes 4 bytes per
 *       target) makes it {@link Fallback#TOO_LARGE}.
 *   <li><b>Size budget</b>: at most {@link #MAX_CHUNKS} chunks, so that the method dispatching
 *       between them stays within HotSpot's 8,000 bytes too. Planning the chunks is one linear
 *       pass; so is generating them, each chunk at a cost bounded by its size.
 *   <li><b>Locals</b> (65,535 slots): a whole-function method holds two per register, and is
 *       made only when they fit; a chunk holds only the registers it uses, bounded by its size.
 *   <li><b>Operand stack</b> (65,535 slots): generated code never holds more than the arguments
 *       of a typed call (at most 253 slots) and a few values, so it cannot be reached.
 *   <li><b>Constant-pool strings</b> (65,535 bytes each): names from the module never go into a
 *       class (a trap looks its function's name up when it passes), only ours.
 *   <li><b>Constant-pool entries</b> (65,535 per class): a split function with tens of thousands
 *       of distinct constants could exceed them; ASM reports it once the class is written, and
 *       the function falls back ({@link Fallback#TOO_LARGE}) without a second attempt.
 * </ul>
 */
final class JvmLimits {
  private JvmLimits() {}

  /** Parameter slots of a method descriptor (JVMS 4.3.3). */
  static final int DESCRIPTOR_SLOTS = 255;
  /**
   * Parameter slots of a method that a method handle can call through an invoker, as
   * {@code tiered}'s mutable call sites do: the handle and the invoker take two of the 255.
   */
  static final int INVOKER_SLOTS = DESCRIPTOR_SLOTS - 2;
  /** Local variable slots of a method ({@code max_locals} is 16 bits). */
  static final int LOCALS = 65535;
  /** Most chunks a split function may have: its driver method then stays under 8,000 bytes. */
  static final int MAX_CHUNKS = 400;

  /**
   * JVM parameter slots of Wasm type {@code t}'s parameters: an {@code int} (1) or a {@code long}
   * (2) each, two {@code long}s for a v128.
   */
  static int paramSlots(FuncType t) {
    int n = 0;
    for (char k : FunctionCompiler.slotKinds(t.params()).toCharArray()) {
      n += k == 'I' ? 1 : 2;
    }
    return n;
  }

  /**
   * Whether functions of type {@code t} get a typed {@code invoke} (parameters, instance, depth
   * budget) that generated code and method handles can call; if not, they are interpreted.
   */
  static boolean hasTypedEntry(FuncType t) {
    return paramSlots(t) + 2 <= INVOKER_SLOTS;
  }

  /**
   * Why function {@code c} cannot be compiled, or {@code null} if it may be: one pass over its
   * code. (Whether one instruction is too large for a chunk is known when chunks are planned.)
   */
  static Fallback check(FunctionCompiler c) {
    if (!hasTypedEntry(c.type)) {
      return Fallback.TOO_MANY_PARAMS;
    }
    if (Chunks.estimate(c) > (long) MAX_CHUNKS * Chunks.BUDGET) {
      return Fallback.TOO_LARGE;
    }
    return null;
  }
}
