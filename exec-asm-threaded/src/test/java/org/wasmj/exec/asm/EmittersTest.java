package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.wasmj.ir.Op;
import org.wasmj.ir.Semantics;

class EmittersTest {
  @Test
  void everyOpHasAnEmitter() {
    for (Op op : Op.values()) {
      assertNotNull(Emitters.of(op), "no emitter for " + op);
    }
  }

  @Test
  void numericOpsAreIntrinsicOrCallTheSharedSemantics() throws Exception {
    int intrinsic = 0;
    int shared = 0;
    for (Op op : Op.values()) {
      if (op.wasm() == null || op.wasm().immediates() == org.wasmj.parser.Opcode.Imm.MEMARG
          || op.simd() != null) {
        continue;
      }
      Emitters.Kind kind = Emitters.kind(op);
      assertNotEquals(Emitters.Kind.OTHER, kind, op.toString());
      if (kind == Emitters.Kind.SHARED) {
        // the method the bytecode calls exists, with the descriptor the emitter uses
        String name = Semantics.methodName(op.wasm());
        String desc = Emitters.descriptor(op.wasm());
        boolean found = false;
        for (var m : Semantics.class.getMethods()) {
          if (m.getName().equals(name)
              && org.objectweb.asm.Type.getMethodDescriptor(m).equals(desc)) {
            found = true;
          }
        }
        assertEquals(true, found, "Semantics." + name + desc + " for " + op);
        shared++;
      } else {
        intrinsic++;
      }
    }
    System.out.printf("numeric ops: %d intrinsic, %d shared%n", intrinsic, shared);
  }

  @Test
  void simdOpsCallSimdSemanticsMethodsThatExist() {
    int checked = 0;
    for (Op op : Op.values()) {
      String desc = op.simd() == null ? null : SimdEmitters.descriptor(op.wasm());
      if (desc == null) {
        continue;
      }
      String name = Semantics.methodName(op.wasm());
      boolean found = false;
      for (var m : org.wasmj.ir.SimdSemantics.class.getMethods()) {
        found |= m.getName().equals(name)
            && org.objectweb.asm.Type.getMethodDescriptor(m).equals(desc);
      }
      assertEquals(true, found, "SimdSemantics." + name + desc + " for " + op);
      checked++;
    }
    assertEquals(true, checked > 200, checked + " SIMD ops checked");
  }
}
