package org.wasmj.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasmj.Feature;
import org.wasmj.InvalidModuleException;
import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;

class ValidatorTest {
  private static final int I32 = 0x7F;
  private static final int I64 = 0x7E;

  /**
   * A module with one function {@code (i32, i32) -> (i32)} whose body (without locals and final
   * end) is {@code code}; {@code extra} sections are appended after the code section.
   */
  private static byte[] module(int[] code, byte[]... extraBeforeCode) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(out, 1, bytes(1, 0x60, 2, I32, I32, 1, I32)); // type
    section(out, 3, bytes(1, 0)); // function
    for (byte[] s : extraBeforeCode) {
      out.writeBytes(s);
    }
    int[] body = new int[code.length + 2];
    body[0] = 0; // no local declarations
    System.arraycopy(code, 0, body, 1, code.length);
    body[body.length - 1] = 0x0B;
    ByteArrayOutputStream codeSection = new ByteArrayOutputStream();
    codeSection.write(1);
    codeSection.write(body.length);
    codeSection.writeBytes(bytes(body));
    section(out, 10, codeSection.toByteArray());
    return out.toByteArray();
  }

  private static byte[] sectionBytes(int id, int... content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    section(out, id, bytes(content));
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    out.write(content.length);
    out.writeBytes(content);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static void validate(byte[] bytes, Set<Feature> features) {
    Validator.validate(WasmParser.parse(bytes, features), features);
  }

  private static String invalid(byte[] bytes, Set<Feature> features) {
    return assertThrows(InvalidModuleException.class, () -> validate(bytes, features)).getMessage();
  }

  @Test
  void indicesOfTwoToThe31AndMoreAreUnknown() {
    // start 2^32 - 1 passed as "no start function" until session 23
    for (int top : new int[] {0x0F, 0x08}) {
      assertEquals("unknown function", invalid(module(new int[] {0x41, 0},
          sectionBytes(8, 0xFF, 0xFF, 0xFF, 0xFF, top)), Feature.WASM_2_0));
    }
    // an active element segment's table index (flags 2), printed unsigned as elsewhere
    byte[] table = sectionBytes(4, 1, 0x70, 0, 1);
    byte[] elem = sectionBytes(9, 1, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x41, 0, 0x0B, 0, 0);
    assertEquals("unknown table 4294967295",
        invalid(module(new int[] {0x41, 0}, table, elem), Feature.WASM_2_0));
  }

  @Test
  void addOfTwoParametersIsValid() {
    validate(module(new int[] {0x20, 0, 0x20, 1, 0x6A}), Feature.WASM_2_0);
  }

  @Test
  void operandsOfTheWrongTypeAreATypeMismatch() {
    // i32.const 0; i64.const 0; i32.add
    assertEquals("type mismatch", invalid(module(new int[] {0x41, 0, 0x42, 0, 0x6A}), Feature.WASM_2_0));
  }

  @Test
  void missingResultIsATypeMismatch() {
    assertEquals("type mismatch", invalid(module(new int[] {}), Feature.WASM_2_0));
  }

  @Test
  void afterUnreachableTheStackIsPolymorphic() {
    // unreachable; i32.add  (operands come from the polymorphic stack)
    validate(module(new int[] {0x00, 0x6A}), Feature.WASM_2_0);
  }

  @Test
  void brTableTargetsMustAgreeOnArity() {
    // block (result i32) ; block ; i32.const 0; i32.const 0; br_table 0 1 ; end ; end
    int[] code = {0x02, I32, 0x02, 0x40, 0x41, 0, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x0B};
    assertEquals("type mismatch", invalid(module(code), Feature.WASM_2_0));
  }

  @Test
  void unknownLocalAndLabelAreReported() {
    assertEquals("unknown local 5", invalid(module(new int[] {0x20, 5}), Feature.WASM_2_0));
    assertEquals("unknown label", invalid(module(new int[] {0x0C, 3}), Feature.WASM_2_0));
  }

  @Test
  void refFuncNeedsADeclaration() {
    int[] code = {0xD2, 0, 0x1A, 0x20, 0}; // ref.func 0; drop; local.get 0
    assertEquals("undeclared function reference", invalid(module(code), Feature.WASM_2_0));
    byte[] exported = module(code, sectionBytes(7, 1, 1, 'f', 0, 0)); // export "f" func 0
    validate(exported, Feature.WASM_2_0);
  }

  @Test
  void aSecondMemoryNeedsMultiMemory() {
    byte[] twoMemories = module(new int[] {0x20, 0}, sectionBytes(5, 2, 0, 1, 0, 1));
    assertEquals("multiple memories", invalid(twoMemories, Feature.WASM_2_0));
    validate(twoMemories, Feature.with(Feature.WASM_2_0, Feature.MULTI_MEMORY));
  }

  @Test
  void simdNeedsItsFeature() {
    // v128.const 0...; i32x4.extract_lane 0
    int[] code = new int[3 + 16 + 3];
    code[0] = 0xFD;
    code[1] = 12;
    code[2 + 16] = 0xFD;
    code[3 + 16] = 27;
    code[4 + 16] = 0;
    code[21] = 0x01; // nop after; result comes from extract_lane
    validate(module(code), Feature.WASM_2_0);
    invalid(module(code), Feature.WASM_1_0);
  }

  @Test
  void memoryAlignmentMustNotExceedNatural() {
    byte[] memory = sectionBytes(5, 1, 0, 1);
    validate(module(new int[] {0x41, 0, 0x28, 2, 0}, memory), Feature.WASM_2_0);
    assertEquals(
        "alignment must not be larger than natural",
        invalid(module(new int[] {0x41, 0, 0x28, 3, 0}, memory), Feature.WASM_2_0));
  }

  @Test
  void theVisitorSeesEachValidatedInstructionInOrder() {
    WasmModule m = WasmParser.parse(module(new int[] {0x20, 0, 0x20, 1, 0x6A}));
    Validator v = new Validator(m, Feature.WASM_2_0);
    List<String> seen = new ArrayList<>();
    v.functionValidator()
        .validate(
            0,
            new InstructionVisitor.Adapter() {
              @Override
              public void beginFunction(int funcIndex, FuncType type, ValType[] locals) {
                seen.add("begin " + funcIndex + " " + type);
              }

              @Override
              public void local(Opcode op, int index, ValType type) {
                seen.add(op + " " + index + " " + type);
              }

              @Override
              public void op(Opcode op) {
                seen.add(op.text());
              }

              @Override
              public void end() {
                seen.add("end");
              }

              @Override
              public void endFunction() {
                seen.add("endFunction");
              }
            });
    assertEquals(
        List.of(
            "begin 0 (i32, i32) -> (i32)",
            "local.get 0 i32",
            "local.get 1 i32",
            "i32.add",
            "end",
            "endFunction"),
        seen);
  }

  /** Every visitor call, as text; drop and select without their types (see {@link #sameWalk}). */
  private static final class Recorder extends InstructionVisitor.Adapter {
    final List<String> seen = new ArrayList<>();

    @Override public void op(Opcode op) { seen.add(op.text()); }
    @Override public void drop(ValType type) { seen.add("drop"); }
    @Override public void select(ValType type) { seen.add("select"); }
    @Override public void block(Opcode op, FuncType blockType) { seen.add(op.text() + " " + blockType); }
    @Override public void end() { seen.add("end"); }
    @Override public void br(Opcode op, int depth) { seen.add(op.text() + " " + depth); }
    @Override public void call(Opcode op, int funcIndex, FuncType type) {
      seen.add(op.text() + " " + funcIndex + " " + type);
    }
    @Override public void local(Opcode op, int index, ValType type) {
      seen.add(op.text() + " " + index + " " + type);
    }
    @Override public void i32Const(int value) { seen.add("i32.const " + value); }
    @Override public void memory(Opcode op, int memIndex, int align, long offset) {
      seen.add(op.text() + " " + memIndex + " " + align + " " + offset);
    }
  }

  /**
   * The visitor calls of the validator over function 0 of {@code bytes}, after checking that the
   * unchecked walker without its short path, which decodes every instruction through the reader,
   * makes the same ones, and the unchecked walker with its short path too.
   */
  private static List<String> sameWalk(byte[] bytes) {
    WasmModule m = WasmParser.parse(bytes, Feature.WASM_2_0);
    Validator v = new Validator(m, Feature.WASM_2_0);
    Recorder checked = new Recorder();
    v.functionValidator().validate(0, checked);
    Recorder longPath = new Recorder();
    new UncheckedWalker(v, false).walk(0, m.bytes(), m.bodies().get(0), longPath);
    assertEquals(longPath.seen, checked.seen, "validator");
    Recorder shortPath = new Recorder();
    v.uncheckedWalker().walk(0, m.bytes(), m.bodies().get(0), shortPath);
    assertEquals(longPath.seen, shortPath.seen, "unchecked walker's short path");
    return checked.seen;
  }

  @Test
  void immediatesOfEveryLengthReachTheVisitor() {
    // i32.const <n>; drop, for LEB128 encodings of one to five bytes; then local.get 0
    int[][] constants = {
      {0x3F}, {0xC0, 0x00}, {0x40}, {0xBF, 0x7F}, {0xFF, 0xFF, 0xFF, 0x3F}, {0x80, 0x80, 0x80, 0x40},
      {0x80, 0x80, 0x80, 0xC0, 0x00}, {0x80, 0x80, 0x80, 0x80, 0x78}, {0x80, 0x00}};
    List<Integer> code = new ArrayList<>();
    for (int[] c : constants) {
      code.add(0x41);
      for (int b : c) {
        code.add(b);
      }
      code.add(0x1A);
    }
    // i32.const 0; i32.load align=2 offset=<n>; drop, for offsets of one to five bytes
    int[][] offsets = {
      {0x7F}, {0x80, 0x01}, {0xFF, 0xFF, 0xFF, 0x7F}, {0x80, 0x80, 0x80, 0x80, 0x01},
      {0xFF, 0xFF, 0xFF, 0xFF, 0x0F}};
    for (int[] o : offsets) {
      code.add(0x41);
      code.add(0);
      code.add(0x28);
      code.add(2);
      for (int b : o) {
        code.add(b);
      }
      code.add(0x1A);
    }
    code.add(0x20);
    code.add(0);
    List<String> seen = sameWalk(module(code.stream().mapToInt(Integer::intValue).toArray(),
        sectionBytes(5, 1, 0, 1)));
    List<String> expected = new ArrayList<>();
    for (int n : new int[] {63, 64, -64, -65, (1 << 27) - 1, -(1 << 27), 1 << 27, Integer.MIN_VALUE, 0}) {
      expected.add("i32.const " + n);
      expected.add("drop");
    }
    for (long offset : new long[] {127, 128, (1 << 28) - 1, 1 << 28, 0xFFFF_FFFFL}) {
      expected.add("i32.const 0");
      expected.add("i32.load 0 2 " + offset);
      expected.add("drop");
    }
    expected.add("local.get 0 i32");
    expected.add("end");
    assertEquals(expected, seen);
  }

  @Test
  void blocksBranchesAndCallsReachTheVisitor() {
    // block; loop; local.get 0; br_if 1; local.get 0; local.get 1; call 0; local.tee 1;
    // i32.eqz; if; end; end; end; local.get 1; local.get 0; local.set 0
    int[] code = {0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x0D, 1, 0x20, 0, 0x20, 1, 0x10, 0, 0x22, 1,
        0x45, 0x04, 0x40, 0x0B, 0x0B, 0x0B, 0x20, 1, 0x20, 0, 0x21, 0};
    assertEquals(
        List.of("block () -> ()", "loop () -> ()", "local.get 0 i32", "br_if 1", "local.get 0 i32",
            "local.get 1 i32", "call 0 (i32, i32) -> (i32)", "local.tee 1 i32", "i32.eqz",
            "if () -> ()", "end", "end", "end", "local.get 1 i32", "local.get 0 i32",
            "local.set 0 i32", "end"),
        sameWalk(module(code)));
  }

  @Test
  void unreachableCodeAndLabelsWithValuesWalkAlike() {
    // block; unreachable; i32.add; local.set 0; end; block (result i32); i32.const 1; i32.const 0;
    // br_if 0; end; local.set 1; call 0 (two args short: a call after unreachable); unreachable...
    int[] code = {0x02, 0x40, 0x00, 0x6A, 0x21, 0, 0x0B, 0x02, 0x7F, 0x41, 1, 0x41, 0, 0x0D, 0,
        0x0B, 0x21, 1, 0x00, 0x10, 0, 0x1A};
    assertEquals(
        List.of("block () -> ()", "unreachable", "i32.add", "local.set 0 i32", "end",
            "block () -> (i32)", "i32.const 1", "i32.const 0", "br_if 0", "end", "local.set 1 i32",
            "unreachable", "call 0 (i32, i32) -> (i32)", "drop", "end"),
        sameWalk(module(code)));
  }

  @Test
  void errorsAreTheSameWhereTheShortPathDoesNotApply() {
    byte[] memory = sectionBytes(5, 1, 0, 1);
    // i64.const 0; local.set 0
    assertEquals("type mismatch", invalid(module(new int[] {0x42, 0, 0x21, 0}), Feature.WASM_2_0));
    // i32.const 0; i32.load offset=0, without a memory
    assertEquals("unknown memory 0", invalid(module(new int[] {0x41, 0, 0x28, 2, 0}), Feature.WASM_2_0));
    // i32.const 0; i32.store8 align=1 (natural: 0)
    assertEquals("alignment must not be larger than natural",
        invalid(module(new int[] {0x41, 0, 0x41, 0, 0x3A, 1, 0}, memory), Feature.WASM_2_0));
    // i64.const 0; i32.const 0; call 0
    assertEquals("type mismatch",
        invalid(module(new int[] {0x42, 0, 0x41, 0, 0x10, 0}), Feature.WASM_2_0));
    // call 1
    assertEquals("unknown function 1", invalid(module(new int[] {0x10, 1}), Feature.WASM_2_0));
    // local.get 0; local.get 0 (one value too many at the end)
    assertEquals("type mismatch", invalid(module(new int[] {0x20, 0, 0x20, 0}), Feature.WASM_2_0));
    // local.get 0; br_if 1 (no such label)
    assertEquals("unknown label", invalid(module(new int[] {0x20, 0, 0x0D, 1}), Feature.WASM_2_0));
    // i64.const 0; if; end
    assertEquals("type mismatch",
        invalid(module(new int[] {0x42, 0, 0x04, 0x40, 0x0B, 0x20, 0}), Feature.WASM_2_0));
    // block; local.get 0; end (a value left in an empty block)
    assertEquals("type mismatch",
        invalid(module(new int[] {0x02, 0x40, 0x20, 0, 0x0B, 0x20, 0}), Feature.WASM_2_0));
    // local.get 200
    assertEquals("unknown local 200", invalid(module(new int[] {0x20, 0xC8, 0x01}), Feature.WASM_2_0));
  }
}
