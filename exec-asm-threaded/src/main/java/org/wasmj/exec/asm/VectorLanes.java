package org.wasmj.exec.asm;

import static org.objectweb.asm.Opcodes.DUP_X2;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.POP;

import org.objectweb.asm.MethodVisitor;

/**
 * The bytecode of the optional vector path ({@link VectorPath}, {@link Registers#isVectorPair}):
 * JDK Vector API calls written straight into generated code, not through helpers of ours, because
 * the API's methods are {@code @ForceInline}: C2 inlines them even in a chunk past its inlining
 * node budget, where a helper of ours would stay a call and make C2 allocate each vector (in a
 * loop, every iteration). Only methods with the same descriptors in JDK 17's and JDK 25's
 * incubator API. A vector here is always a {@code FloatVector} of 128 bits (four f32 lanes); the
 * halves of a v128 are its two 64-bit lanes as a {@code LongVector}.
 */
final class VectorLanes {
  private VectorLanes() {}

  private static final String PACKAGE = "jdk/incubator/vector/";
  /** Internal name of {@code FloatVector}. */
  static final String FLOAT_VECTOR = PACKAGE + "FloatVector";
  private static final String LONG_VECTOR = PACKAGE + "LongVector";
  private static final String BYTE_VECTOR = PACKAGE + "ByteVector";
  private static final String F = "L" + FLOAT_VECTOR + ";";
  private static final String L = "L" + LONG_VECTOR + ";";
  private static final String SPECIES = "L" + PACKAGE + "VectorSpecies;";
  private static final String VECTORS = "org/wasmj/exec/asm/rt/Vectors";

  /** Pushes a vector of four 0.0f lanes (all bits 0). */
  static void zero(MethodVisitor mv) {
    mv.visitFieldInsn(GETSTATIC, VECTORS, "ZERO", F);
  }

  /** Pushes the vector of v128 register {@code v}'s bits (its two halves' {@code long}s). */
  static void of(FunctionCompiler c, int v) {
    MethodVisitor mv = c.mv();
    mv.visitFieldInsn(GETSTATIC, LONG_VECTOR, "SPECIES_128", SPECIES);
    mv.visitMethodInsn(INVOKESTATIC, LONG_VECTOR, "zero", "(" + SPECIES + ")" + L, false);
    for (int half = 0; half < 2; half++) {
      c.pushInt(half);
      c.loadL(v + half);
      mv.visitMethodInsn(INVOKEVIRTUAL, LONG_VECTOR, "withLane", "(IJ)" + L, false);
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, LONG_VECTOR, "reinterpretAsFloats", "()" + F, false);
  }

  /** A {@code long} then a vector on the stack → the vector with half {@code half} (0 low, 1 high) set to the {@code long}. */
  static void withHalf(FunctionCompiler c, int half) {
    MethodVisitor mv = c.mv();
    mv.visitMethodInsn(INVOKEVIRTUAL, FLOAT_VECTOR, "reinterpretAsLongs", "()" + L, false);
    // bits, v → v, bits (a one-slot value over a two-slot one), then v, half, bits
    mv.visitInsn(DUP_X2);
    mv.visitInsn(POP);
    c.pushInt(half);
    mv.visitInsn(DUP_X2);
    mv.visitInsn(POP);
    mv.visitMethodInsn(INVOKEVIRTUAL, LONG_VECTOR, "withLane", "(IJ)" + L, false);
    mv.visitMethodInsn(INVOKEVIRTUAL, LONG_VECTOR, "reinterpretAsFloats", "()" + F, false);
  }

  /** A vector on the stack → the bits of its half {@code half}, each NaN lane canonicalised. */
  static void half(FunctionCompiler c, int half) {
    MethodVisitor mv = c.mv();
    mv.visitMethodInsn(INVOKEVIRTUAL, FLOAT_VECTOR, "reinterpretAsLongs", "()" + L, false);
    c.pushInt(half);
    mv.visitMethodInsn(INVOKEVIRTUAL, LONG_VECTOR, "lane", "(I)J", false);
    mv.visitMethodInsn(INVOKESTATIC, VECTORS, "canonical", "(J)J", false);
  }

  /** A vector on the stack → its lane {@code lane} (0..3) as a {@code float}. */
  static void lane(FunctionCompiler c, int lane) {
    c.pushInt(lane);
    c.mv().visitMethodInsn(INVOKEVIRTUAL, FLOAT_VECTOR, "lane", "(I)F", false);
  }

  /** Two vectors on the stack → their lane-wise {@code name} ({@code add}, {@code sub}, {@code mul}, {@code div}). */
  static void arithmetic(MethodVisitor mv, String name) {
    mv.visitMethodInsn(INVOKEVIRTUAL, FLOAT_VECTOR, name, "(L" + PACKAGE + "Vector;)" + F, false);
  }

  /** A {@code byte[]} and an index on the stack → the vector of the 16 bytes there (IndexOutOfBoundsException past the end). */
  static void load(MethodVisitor mv) {
    mv.visitFieldInsn(GETSTATIC, BYTE_VECTOR, "SPECIES_128", SPECIES);
    mv.visitInsn(DUP_X2);
    mv.visitInsn(POP);
    mv.visitMethodInsn(INVOKESTATIC, BYTE_VECTOR, "fromArray", "(" + SPECIES + "[BI)L" + BYTE_VECTOR + ";", false);
    mv.visitMethodInsn(INVOKEVIRTUAL, BYTE_VECTOR, "reinterpretAsFloats", "()" + F, false);
  }
}
