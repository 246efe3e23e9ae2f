package org.wasmj.exec.loopswitch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method over 8,000 bytes of bytecode (HugeMethodLimit), so the
 * interpreter's dispatch loop must stay below it. Reads the compiled class file's Code attributes.
 */
class DispatchSizeTest {
  private static final int HUGE_METHOD_LIMIT = 8000;

  @Test
  void everyInterpreterMethodIsSmallEnoughToCompile() throws IOException {
    Map<String, Integer> sizes = codeSizes("Interpreter.class");
    assertTrue(sizes.containsKey("run") && sizes.containsKey("runInFrame"), sizes.toString());
    sizes.forEach((method, size) ->
        assertTrue(size < HUGE_METHOD_LIMIT, method + " has " + size + " bytes of bytecode"));
  }

  /** The largest Code attribute length per method name in a class file. */
  private static Map<String, Integer> codeSizes(String resource) throws IOException {
    try (InputStream raw = Interpreter.class.getResourceAsStream(resource);
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readInt(); // versions
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1: utf8[i] = in.readUTF(); break;
          case 5: case 6: in.skipBytes(8); i++; break; // long, double take two entries
          case 7: case 8: case 16: case 19: case 20: in.skipBytes(2); break;
          case 15: in.skipBytes(3); break;
          default: in.skipBytes(4); // int, float, refs, name-and-type, dynamic
        }
      }
      in.skipBytes(6); // access, this, super
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      for (int fields = in.readUnsignedShort(); fields > 0; fields--) {
        in.skipBytes(6);
        skipAttributes(in);
      }
      Map<String, Integer> sizes = new HashMap<>();
      for (int methods = in.readUnsignedShort(); methods > 0; methods--) {
        in.skipBytes(2);
        String name = utf8[in.readUnsignedShort()];
        in.skipBytes(2);
        for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
          String attribute = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (attribute.equals("Code")) {
            in.skipBytes(4); // max stack, max locals
            int codeLength = in.readInt();
            sizes.merge(name, codeLength, Math::max);
            in.skipBytes(length - 8);
          } else {
            in.skipBytes(length);
          }
        }
      }
      return sizes;
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
