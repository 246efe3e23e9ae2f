package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wasmj.ir.Op;
import org.wasmj.ir.OpCodes;

/**
 * The interpreter's dispatch loops stay what C2 compiles well, read from the compiled class file:
 * <ul>
 *   <li>HotSpot never JIT-compiles a method over 8,000 bytes of bytecode (HugeMethodLimit), so
 *       every method stays below it.
 *   <li>{@code runInFrame} calls nothing C2 might leave a call: once a compilation has created
 *       18,000 nodes (NodeCountInliningCutoff) C2 inlines no further callee over 6 bytes, except
 *       methods annotated to be force-inlined (the {@code VarHandle} machinery) and intrinsics,
 *       and in a loop of some 200 cases the cutoff is reached: memory helpers stayed calls, with
 *       the spills around them, for every load and store (seen with {@code -XX:+PrintInlining}).
 * </ul>
 */
class DispatchSizeTest {
  private static final int HUGE_METHOD_LIMIT = 8000;

  /**
   * What {@code runInFrame} may call that needs no priming: intrinsics (the float/bits moves;
   * {@code Math.min} of {@code int}s, br_table's branch-free clamp) and, for the interruption
   * check, the store's stop word (a 5-byte getter, trivial), which C2 inlines whatever their call
   * counts (the getter past the cutoff), and the traps it throws, which are rare. Float arithmetic
   * is written out: C2 does not inline a call its profile never saw run, however hot it is later.
   */
  private static final Set<String> INLINED_UNPRIMED = Set.of(
      "java/lang/Float.intBitsToFloat", "java/lang/Float.floatToRawIntBits",
      "java/lang/Double.longBitsToDouble", "java/lang/Double.doubleToRawLongBits",
      "java/lang/Math.min",
      "org/wasmj/exec/loopswitch/Interpreter.outOfBounds",
      "org/wasmj/exec/loopswitch/Interpreter.integerOverflow",
      "org/wasmj/exec/internal/StoreState.stopWord");

  /**
   * What {@code runInFrame} may call: {@link #INLINED_UNPRIMED}, and {@code VarHandle} accesses
   * (force-inlined but for the end of their chain) and the rotations (9-byte methods), which
   * {@code DispatchPriming} calls often enough to be inlined.
   */
  private static final Set<String> RUN_IN_FRAME_MAY_CALL = union(INLINED_UNPRIMED, Set.of(
      "java/lang/invoke/VarHandle.get", "java/lang/invoke/VarHandle.set",
      "java/lang/Integer.rotateLeft", "java/lang/Integer.rotateRight",
      "java/lang/Long.rotateLeft", "java/lang/Long.rotateRight"));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new TreeSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  @Test
  void everyInterpreterMethodIsSmallEnoughToCompile() throws IOException {
    ClassFile c = ClassFile.read("Interpreter.class");
    assertTrue(c.code.containsKey("run") && c.code.containsKey("runInFrame"), c.code.keySet().toString());
    c.code.forEach((method, code) ->
        assertTrue(code.length < HUGE_METHOD_LIMIT, method + " has " + code.length + " bytes of bytecode"));
  }

  @Test
  void theInnerLoopCallsOnlyWhatC2AlwaysInlines() throws IOException {
    ClassFile c = ClassFile.read("Interpreter.class");
    Set<String> called = c.calls("runInFrame");
    assertTrue(called.contains("java/lang/invoke/VarHandle.get"), called.toString());
    Set<String> unexpected = new TreeSet<>(called);
    unexpected.removeAll(RUN_IN_FRAME_MAY_CALL);
    assertEquals(Set.of(), unexpected, "runInFrame calls methods that C2 may leave as calls");
  }

  /**
   * Every method {@code runInFrame} calls that C2 inlines only once it has been called often on
   * its own is called by {@code DispatchPriming} (all but {@link #INLINED_UNPRIMED}).
   */
  @Test
  void everyCalleeOfTheInnerLoopIsPrimed() throws IOException {
    Set<String> unprimed = new TreeSet<>(ClassFile.read("Interpreter.class").calls("runInFrame"));
    unprimed.removeAll(INLINED_UNPRIMED);
    unprimed.removeAll(ClassFile.read("DispatchPriming.class").calls("prime"));
    assertEquals(Set.of(), unprimed, "runInFrame calls methods that DispatchPriming does not");
  }

  /**
   * The warm-up that gives C2 a profile of every case (see {@code Interpreter.warmUp}) has every
   * op that {@code runInFrame}'s {@code switch} has a case for, but the five that need the
   * running function, and runs through to its end.
   */
  @Test
  void theWarmUpRunsEveryCaseOfTheInnerLoop() throws IOException {
    Set<Integer> cases = ClassFile.read("Interpreter.class").firstSwitchCases("runInFrame");
    assertTrue(cases.size() > 100, cases.toString());
    cases.removeAll(Set.of(OpCodes.COUNT_LOOP, OpCodes.CHECK_INTERRUPT, OpCodes.FUEL_I,
        OpCodes.GLOBAL_GET_RX, OpCodes.GLOBAL_SET_XR));
    int[] code = Interpreter.warmUpCode();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      cases.remove(code[pc]);
    }
    assertEquals(Set.of(), cases, "cases of runInFrame the warm-up does not run");
    assertTrue(Interpreter.warmUp(), "the warm-up stopped at an exception");
  }

  /** The parts of a class file this test reads: the constant pool and each method's code. */
  private static final class ClassFile {
    private final Object[] pool; // Utf8: String; classes and refs: int[] of indices
    /** Per method name, its longest Code attribute. */
    final Map<String, byte[]> code = new HashMap<>();

    private ClassFile(DataInputStream in) throws IOException {
      in.readInt(); // magic
      in.readInt(); // versions
      int count = in.readUnsignedShort();
      pool = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1: pool[i] = in.readUTF(); break;
          case 5: case 6: in.skipBytes(8); i++; break; // long, double take two entries
          case 7: case 8: case 16: case 19: case 20: pool[i] = new int[] {in.readUnsignedShort()}; break;
          case 15: in.skipBytes(3); break;
          case 3: case 4: in.skipBytes(4); break;
          default: pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()}; // refs, name-and-type
        }
      }
      in.skipBytes(6); // access, this, super
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      for (int fields = in.readUnsignedShort(); fields > 0; fields--) {
        in.skipBytes(6);
        for (int n = in.readUnsignedShort(); n > 0; n--) {
          in.skipBytes(2);
          in.skipBytes(in.readInt());
        }
      }
      for (int methods = in.readUnsignedShort(); methods > 0; methods--) {
        in.skipBytes(2);
        String name = (String) pool[in.readUnsignedShort()];
        in.skipBytes(2);
        for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
          String attribute = (String) pool[in.readUnsignedShort()];
          int length = in.readInt();
          if (attribute.equals("Code")) {
            in.skipBytes(4); // max stack, max locals
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            code.merge(name, bytes, (a, b) -> a.length >= b.length ? a : b);
            in.skipBytes(length - 8 - bytes.length);
          } else {
            in.skipBytes(length);
          }
        }
      }
    }

    static ClassFile read(String resource) throws IOException {
      try (InputStream raw = Interpreter.class.getResourceAsStream(resource);
          DataInputStream in = new DataInputStream(raw)) {
        return new ClassFile(in);
      }
    }

    /** {@code owner.name} of every method that method {@code name}'s code invokes. */
    Set<String> calls(String name) {
      byte[] b = code.get(name);
      Set<String> called = new TreeSet<>();
      for (int pc = 0; pc < b.length; pc += length(b, pc)) {
        int op = b[pc] & 0xFF;
        if (op >= 0xB6 && op <= 0xB9) { // invokevirtual, invokespecial, invokestatic, invokeinterface
          int[] ref = (int[]) pool[u2(b, pc + 1)];
          String owner = (String) pool[((int[]) pool[ref[0]])[0]];
          called.add(owner + "." + pool[((int[]) pool[ref[1]])[0]]);
        }
      }
      return called;
    }

    /** The keys that the first {@code tableswitch} in method {@code name} sends past its default. */
    Set<Integer> firstSwitchCases(String name) {
      byte[] b = code.get(name);
      int pc = 0;
      while ((b[pc] & 0xFF) != 0xAA) {
        pc += length(b, pc);
      }
      int at = (pc + 4) & ~3;
      int low = s4(b, at + 4);
      Set<Integer> keys = new TreeSet<>();
      for (int k = low; k <= s4(b, at + 8); k++) {
        if (s4(b, at + 12 + 4 * (k - low)) != s4(b, at)) {
          keys.add(k);
        }
      }
      return keys;
    }

    private static int u2(byte[] b, int at) {
      return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static int s4(byte[] b, int at) {
      return u2(b, at) << 16 | u2(b, at + 2);
    }

    /** The length of the instruction at {@code pc}. */
    private static int length(byte[] b, int pc) {
      int op = b[pc] & 0xFF;
      if (op == 0xAA || op == 0xAB) { // tableswitch, lookupswitch: padded to a multiple of 4
        int at = (pc + 4) & ~3;
        return op == 0xAA
            ? at - pc + 12 + 4 * (s4(b, at + 8) - s4(b, at + 4) + 1)
            : at - pc + 8 + 8 * s4(b, at + 4);
      }
      if (op == 0xC4) { // wide
        return (b[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
      }
      if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3A)
          || op == 0xA9 || op == 0xBC) {
        return 2;
      }
      if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xA8)
          || (op >= 0xB2 && op <= 0xB8) || op == 0xBB || op == 0xBD || op == 0xC0 || op == 0xC1
          || op == 0xC6 || op == 0xC7) {
        return 3;
      }
      if (op == 0xC5) {
        return 4;
      }
      if (op == 0xB9 || op == 0xBA || op == 0xC8 || op == 0xC9) {
        return 5;
      }
      return 1;
    }
  }
}
