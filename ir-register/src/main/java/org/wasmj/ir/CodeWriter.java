package org.wasmj.ir;

import java.util.Arrays;

/** Appends instructions to a growing {@code int[]}; one per translation, reused across functions. */
final class CodeWriter {
  private int[] code = new int[64];
  private int size;

  void reset() {
    size = 0;
  }

  /** Index of the next slot. */
  int position() {
    return size;
  }

  /** Starts an instruction; returns its index. */
  int op(Op op) {
    return emit(op.ordinal());
  }

  /** Appends one operand slot; returns its index. */
  int emit(int value) {
    if (size == code.length) {
      code = Arrays.copyOf(code, size * 2);
    }
    code[size] = value;
    return size++;
  }

  /** Appends a 64-bit operand as two slots, low half first. */
  void emit64(long value) {
    emit((int) value);
    emit((int) (value >>> 32));
  }

  /** The slot at {@code index}. */
  int get(int index) {
    return code[index];
  }

  /** Overwrites the slot at {@code index}. */
  void patch(int index, int value) {
    code[index] = value;
  }

  /** Drops everything from {@code index} on (an instruction that a later one subsumes). */
  void truncate(int index) {
    size = index;
  }

  int[] toArray() {
    return Arrays.copyOf(code, size);
  }
}
