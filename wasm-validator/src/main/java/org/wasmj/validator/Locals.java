package org.wasmj.validator;

import static org.wasmj.validator.Validator.invalid;

import java.util.Arrays;
import org.wasmj.MalformedModuleException;
import org.wasmj.parser.CodeReader;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.ValType;

/**
 * The locals of the body being walked, parameters first; reused from body to body by a
 * {@link FunctionValidator} or an {@link UncheckedWalker}.
 */
final class Locals {
  /** Most locals a function may declare (as wasmtime and the spec tests' implementations). */
  static final int MAX_LOCALS = 50_000;

  /** The locals' types, parameters first; {@code count} of them are this body's. */
  ValType[] types = new ValType[16];
  /** How many locals the body has, parameters included. */
  int count;

  /** Reads a body's local declarations; returns the declared locals (after the parameters). */
  ValType[] read(CodeReader r, FuncType type) {
    int params = type.paramCount();
    long total = params;
    int groups = r.readCount();
    int start = r.position();
    for (int g = 0; g < groups; g++) {
      total += r.readU32() & 0xFFFFFFFFL;
      if (total > MAX_LOCALS + params) {
        throw new MalformedModuleException("too many locals", r.position());
      }
      r.readValType();
    }
    count = (int) total;
    if (types.length < count) {
      types = new ValType[Math.max(count, types.length * 2)];
    }
    for (int i = 0; i < params; i++) {
      types[i] = type.param(i);
    }
    r.position(start);
    int at = params;
    for (int g = 0; g < groups; g++) {
      int n = r.readU32();
      ValType t = r.readValType();
      Arrays.fill(types, at, at + n, t);
      at += n;
    }
    return Arrays.copyOfRange(types, params, count);
  }

  /** The type of local {@code index}; {@code unknown local} if there is none. */
  ValType type(int index) {
    if (index < 0 || index >= count) {
      throw invalid("unknown local " + Integer.toUnsignedString(index));
    }
    return types[index];
  }
}
