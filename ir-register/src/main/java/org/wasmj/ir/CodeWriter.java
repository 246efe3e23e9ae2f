package org.wasmj.ir;

import java.util.Arrays;

/**
 * Appends instructions to a growing {@code int[]}; one per translation, reused across functions.
 * It checks each instruction against its op's {@linkplain Op#shape() shape} as it is written:
 * as many operands as the shape has letters (a {@code br_table} as many targets as its count
 * says), 64-bit immediates ({@code l}) through {@link #emit64} and nothing else, registers and
 * indices never negative. A mismatch is a translator bug: {@link IllegalStateException}.
 */
final class CodeWriter {
  private int[] code = new int[64];
  private int size;
  /** The instruction being written, or null between instructions. */
  private Op current;
  /** Operands of {@code current} written so far (a 64-bit immediate counts once). */
  private int operand;
  /** Operands {@code current} takes: its shape's letters, plus a {@code br_table}'s targets. */
  private int expected;

  void reset() {
    size = 0;
    current = null;
  }

  /** Index of the next slot. */
  int position() {
    return size;
  }

  /** Starts an instruction; returns its index. */
  int op(Op op) {
    if (current != null) {
      throw mismatch("missing operands");
    }
    // Calls inlined here and in emit: HotSpot interprets them for much of a short run, where
    // each call costs more than the check it makes.
    if (size == code.length) {
      code = Arrays.copyOf(code, size * 2);
    }
    code[size] = op.ordinal();
    int n = op.kinds.length;
    current = n == 0 ? null : op;
    operand = 0;
    expected = n;
    return size++;
  }

  /** Appends one operand slot; returns its index. */
  int emit(int value) {
    Op op = current;
    int i = operand;
    if (op == null || i == expected) {
      next(); // throws
    }
    char[] kinds = op.kinds;
    char kind = i < kinds.length ? kinds[i] : 't';
    operand = ++i;
    if (kind == 'l') {
      throw mismatch("a 64-bit immediate written as one slot");
    }
    if (value < 0 && "drvVx".indexOf(kind) >= 0) {
      throw mismatch("negative " + kind + " operand " + value);
    }
    if (op == Op.BR_TABLE_RI && i == 2) { // the count: that many targets follow
      if (value < 0) {
        throw mismatch("negative target count " + value);
      }
      expected += value;
    }
    if (size == code.length) {
      code = Arrays.copyOf(code, size * 2);
    }
    code[size] = value;
    if (i == expected) {
      current = null;
    }
    return size++;
  }

  /** Appends a 64-bit operand as two slots, low half first. */
  void emit64(long value) {
    if (next() != 'l') {
      throw mismatch("a 64-bit immediate where the shape has none");
    }
    append((int) value);
    append((int) (value >>> 32));
    finishIfComplete();
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
    checkComplete();
    size = index;
  }

  int[] toArray() {
    checkComplete();
    return Arrays.copyOf(code, size);
  }

  private int append(int value) {
    if (size == code.length) {
      code = Arrays.copyOf(code, size * 2);
    }
    code[size] = value;
    return size++;
  }

  /** The kind of the next operand (a br_table's targets are {@code t}). */
  private char next() {
    if (current == null) {
      throw new IllegalStateException("an operand with no instruction to take it, at " + size);
    }
    if (operand == expected) {
      throw mismatch("more operands than the shape has");
    }
    char[] kinds = current.kinds;
    char kind = operand < kinds.length ? kinds[operand] : 't';
    operand++;
    return kind;
  }

  private void finishIfComplete() {
    if (operand == expected) {
      current = null;
    }
  }

  private void checkComplete() {
    if (current != null) {
      throw mismatch("missing operands");
    }
  }

  private IllegalStateException mismatch(String what) {
    IllegalStateException e = new IllegalStateException(current + " (shape \"" + current.shape()
        + "\"), operand " + operand + ": " + what);
    current = null; // the writer is reset before the next function anyway
    return e;
  }
}
