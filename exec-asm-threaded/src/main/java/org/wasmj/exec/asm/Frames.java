package org.wasmj.exec.asm;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the stack map frames of a generated method while it is emitted, in place of ASM's
 * {@code COMPUTE_FRAMES}, whose work is every basic block times every local (and in a method with
 * an exception handler every store starts a block): quadratic in a method's size.
 *
 * <p>Generated code keeps to three rules that make its frames obvious. A local, once assigned,
 * keeps its type. Locals are assigned in straight-line code before any label that is reached with
 * them. Every label is reached with an empty operand stack, except an exception handler's (the
 * exception). So the frame at a label is the locals assigned so far and an empty stack (or the
 * exception), and code after an unconditional jump that no label starts gets the same frame.
 * Frames are written compressed: a full frame when the locals changed, else "same locals". A
 * broken rule shows as a {@code VerifyError} when the class is defined, which the tests that
 * define every generated class would catch.
 *
 * @implNote Not thread-safe; one per method.
 */
final class Frames extends MethodVisitor {
  /** Per local slot: its frame type ({@code Opcodes.INTEGER}, {@code LONG}, a class name), or TOP. */
  private Object[] locals;
  private int slots;
  /** Locals changed since the last frame written. */
  private boolean changed;
  /** A frame is due before the next instruction (a label was visited, or a jump preceded). */
  private boolean due;
  private boolean afterJump;
  /** The exception type of the handler label(s) at the current offset, or null. */
  private String caught;
  private final Map<Label, String> handlers = new IdentityHashMap<>();
  /** The invoke instructions written so far (see {@link #invokes()}). */
  private int invokes;
  /** The inline {@code VarHandle} accesses written so far (see {@link #varHandleAccesses()}). */
  private int varHandleAccesses;
  /** The type of the object the next {@code ASTORE} stores. */
  private String nextObject;

  /** A method visitor writing frames for a method of {@code descriptor}, static if so. */
  /** A new method of {@code cw} whose frames a {@code Frames} writes (see FunctionCompiler#method). */
  static MethodVisitor method(ClassWriter cw, int access, String name, String descriptor) {
    return new Frames(cw.visitMethod(access, name, descriptor, null, null), descriptor,
        (access & Opcodes.ACC_STATIC) != 0);
  }
  /**
   * The method's invoke instructions so far (calls, memory accesses wider than a byte): what C1
   * inlines most of, so what decided whether it runs out of virtual registers (see
   * {@code FunctionCompiler.WHOLE_METHOD_INVOKES}).
   */
  int invokes() {
    return invokes;
  }

  /** The method's inline {@code VarHandle} accesses so far (see {@code Chunks.c1Values}). */
  int varHandleAccesses() {
    return varHandleAccesses;
  }


  Frames(MethodVisitor mv, String descriptor, boolean isStatic) {
    super(Opcodes.ASM9, mv);
    locals = new Object[16];
    if (!isStatic) {
      set(0, Opcodes.TOP); // never needed: our instance methods have no labels
    }
    int slot = isStatic ? 0 : 1;
    for (Type t : Type.getArgumentTypes(descriptor)) {
      set(slot, type(t));
      slot += t.getSize();
    }
    changed = false;
  }

  private static Object type(Type t) {
    switch (t.getSort()) {
      case Type.INT:
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
        return Opcodes.INTEGER;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      default:
        return t.getInternalName();
    }
  }

  /** The next {@code ASTORE} stores an object of {@code internalName} (e.g. {@code "[B"}). */
  void nextObject(String internalName) {
    nextObject = internalName;
  }

  private void set(int slot, Object type) {
    if (slot + 2 > locals.length) {
      locals = Arrays.copyOf(locals, Math.max(slot + 2, 2 * locals.length));
    }
    if (slot >= slots) {
      Arrays.fill(locals, slots, slot, Opcodes.TOP);
      slots = slot + 1;
    }
    if (!type.equals(locals[slot])) {
      locals[slot] = type;
      changed = true;
    }
    if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
      if (slot + 1 >= slots) {
        slots = slot + 2;
      }
      locals[slot + 1] = Opcodes.TOP;
    }
  }

  /** Writes the frame due, if one is, before an instruction. */
  private void beforeInstruction() {
    if (afterJump && !due) { // code no label starts: dead, but it needs a frame all the same
      super.visitLabel(new Label());
      due = true;
    }
    afterJump = false;
    if (!due) {
      return;
    }
    due = false;
    Object[] stack = caught == null ? new Object[0] : new Object[] {caught};
    caught = null;
    if (changed) {
      Object[] full = new Object[slots];
      int n = 0;
      for (int i = 0; i < slots; i++) {
        full[n++] = locals[i];
        if (locals[i] == Opcodes.LONG || locals[i] == Opcodes.DOUBLE) {
          i++; // one entry for both slots
        }
      }
      while (n > 0 && full[n - 1] == Opcodes.TOP) {
        n--;
      }
      super.visitFrame(Opcodes.F_FULL, n, full, stack.length, stack);
      changed = false;
    } else if (stack.length == 0) {
      super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    } else {
      super.visitFrame(Opcodes.F_SAME1, 0, null, 1, stack);
    }
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    handlers.put(handler, type);
    super.visitTryCatchBlock(start, end, handler, type);
  }

  @Override
  public void visitLabel(Label label) {
    super.visitLabel(label);
    due = true;
    String type = handlers.get(label);
    if (type != null) {
      caught = type;
    }
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    throw new UnsupportedOperationException("frames are written by " + Frames.class.getName());
  }

  @Override
  public void visitInsn(int opcode) {
    beforeInstruction();
    super.visitInsn(opcode);
    if ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW) {
      afterJump = true;
    }
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    beforeInstruction();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    beforeInstruction();
    super.visitVarInsn(opcode, var);
    switch (opcode) {
      case Opcodes.ISTORE:
        set(var, Opcodes.INTEGER);
        break;
      case Opcodes.LSTORE:
        set(var, Opcodes.LONG);
        break;
      case Opcodes.FSTORE:
        set(var, Opcodes.FLOAT);
        break;
      case Opcodes.DSTORE:
        set(var, Opcodes.DOUBLE);
        break;
      case Opcodes.ASTORE:
        if (nextObject == null) {
          throw new IllegalStateException("ASTORE " + var + " of an unknown type: call nextObject first");
        }
        set(var, nextObject);
        nextObject = null;
        break;
      default:
    }
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    beforeInstruction();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    beforeInstruction();
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    beforeInstruction();
    invokes++;
    if (owner.equals(FunctionCompiler.VAR_HANDLE)) {
      varHandleAccesses++;
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    beforeInstruction();
    invokes++;
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    beforeInstruction();
    super.visitJumpInsn(opcode, label);
    if (opcode == Opcodes.GOTO) {
      afterJump = true;
    }
  }

  @Override
  public void visitLdcInsn(Object value) {
    beforeInstruction();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    beforeInstruction();
    super.visitIincInsn(var, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    beforeInstruction();
    super.visitTableSwitchInsn(min, max, dflt, labels);
    afterJump = true;
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    beforeInstruction();
    super.visitLookupSwitchInsn(dflt, keys, labels);
    afterJump = true;
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    beforeInstruction();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }
}
