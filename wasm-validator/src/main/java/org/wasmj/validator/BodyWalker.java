package org.wasmj.validator;

import org.wasmj.parser.FunctionBody;

/**
 * Walks one function body, calling an {@link InstructionVisitor} per instruction: a
 * {@link FunctionValidator} (which validates each instruction first) or an
 * {@link UncheckedWalker} (which does not).
 *
 * <pre>{@code
 * BodyWalker walker = validator.functionValidator();
 * walker.walk(0, module.bytes(), module.bodies().get(0), new InstructionVisitor.Adapter());
 * }</pre>
 */
public interface BodyWalker {
  /**
   * Walks the body of defined function {@code definedIndex} (function index
   * {@code importedFunctionCount() + definedIndex}), which is {@code bytes[body.offset(),
   * body.offset() + body.length())}, calling {@code visitor} (if not null) per instruction.
   */
  void walk(int definedIndex, byte[] bytes, FunctionBody body, InstructionVisitor visitor);
}
