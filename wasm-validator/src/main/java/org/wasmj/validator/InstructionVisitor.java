package org.wasmj.validator;

import org.wasmj.parser.FuncType;
import org.wasmj.parser.Opcode;
import org.wasmj.parser.ValType;

/**
 * Receives a function body's instructions, one call per instruction, from a {@link BodyWalker}:
 * a {@link FunctionValidator} calls it <em>after</em> the instruction has been validated (so the
 * operand types a visitor is handed are known to be right); an {@link UncheckedWalker} validates
 * nothing, and hands {@code i32} as the type of {@code drop} and of an untyped {@code select}.
 * Calls come for every instruction, reachable or not;
 * a visitor that cares tracks reachability itself (after {@code unreachable}, {@code br},
 * {@code br_table}, {@code return} and the {@code return_call}s, up to the next {@code else} or
 * {@code end}).
 *
 * <p>Methods are grouped by immediate shape, not one per opcode: the {@link Opcode} tells which
 * instruction it is. The IR translator is the main implementation.
 *
 * <pre>{@code
 * validator.validateFunction(i, new InstructionVisitor.Adapter() {
 *   public void op(Opcode op) { counts[op.ordinal()]++; }
 * });
 * }</pre>
 */
public interface InstructionVisitor {

  /**
   * Starts a body.
   *
   * @param funcIndex index in the module's function index space
   * @param type the function's type
   * @param locals the declared locals after the parameters (local {@code type.paramCount() + i})
   */
  void beginFunction(int funcIndex, FuncType type, ValType[] locals);

  /** Ends a body, after the {@code end} that closes the function (which is also passed to {@link #end()}). */
  void endFunction();

  /**
   * An instruction without immediates: {@code unreachable}, {@code nop}, {@code return}, every
   * numeric, comparison and conversion operator, {@code ref.is_null}, and SIMD ops without
   * immediates.
   */
  void op(Opcode op);

  /** {@code drop} of a value of {@code type}. */
  void drop(ValType type);

  /** {@code select} or {@code select t}; {@code type} is the type of the selected operands. */
  void select(ValType type);

  /** {@code block}, {@code loop} or {@code if}, with its resolved block type. */
  void block(Opcode op, FuncType blockType);

  /** {@code else}. */
  void elseBranch();

  /** {@code end} of a block, loop, if, or of the function itself. */
  void end();

  /** {@code br} or {@code br_if} to the label {@code depth} levels out (0 is the innermost). */
  void br(Opcode op, int depth);

  /** {@code br_table}; {@code depths} does not include the default. */
  void brTable(int[] depths, int defaultDepth);

  /** {@code call} or {@code return_call} of {@code funcIndex}, whose type is {@code type}. */
  void call(Opcode op, int funcIndex, FuncType type);

  /** {@code call_indirect} or {@code return_call_indirect} through {@code tableIndex}. */
  void callIndirect(Opcode op, int typeIndex, FuncType type, int tableIndex);

  /** {@code local.get}, {@code local.set} or {@code local.tee} of local {@code index}. */
  void local(Opcode op, int index, ValType type);

  /** {@code global.get} or {@code global.set} of global {@code index}. */
  void global(Opcode op, int index, ValType type);

  /** {@code i32.const}. */
  void i32Const(int value);

  /** {@code i64.const}. */
  void i64Const(long value);

  /** {@code f32.const}, as raw bits. */
  void f32Const(int bits);

  /** {@code f64.const}, as raw bits. */
  void f64Const(long bits);

  /** {@code v128.const}: low and high 64 bits, little-endian lane order. */
  void v128Const(long low, long high);

  /**
   * A load or store (scalar or SIMD, incl. {@code v128.load32_zero} etc.).
   *
   * @param align the alignment exponent
   * @param offset the static offset, an unsigned 32-bit value
   */
  void memory(Opcode op, int memIndex, int align, long offset);

  /** {@code v128.loadN_lane} / {@code v128.storeN_lane}. */
  void memoryLane(Opcode op, int memIndex, int align, long offset, int lane);

  /** {@code memory.size}, {@code memory.grow} or {@code memory.fill} on {@code memIndex}. */
  void memoryIndex(Opcode op, int memIndex);

  /** {@code memory.copy} from {@code srcMem} to {@code dstMem}. */
  void memoryCopy(int dstMem, int srcMem);

  /** {@code memory.init} of data segment {@code dataIndex} into {@code memIndex}. */
  void memoryInit(int dataIndex, int memIndex);

  /** {@code data.drop}. */
  void dataDrop(int dataIndex);

  /** {@code table.get}, {@code table.set}, {@code table.size}, {@code table.grow} or {@code table.fill}. */
  void table(Opcode op, int tableIndex);

  /** {@code table.copy} from {@code srcTable} to {@code dstTable}. */
  void tableCopy(int dstTable, int srcTable);

  /** {@code table.init} of element segment {@code elemIndex} into {@code tableIndex}. */
  void tableInit(int elemIndex, int tableIndex);

  /** {@code elem.drop}. */
  void elemDrop(int elemIndex);

  /** {@code ref.null} of {@code type}. */
  void refNull(ValType type);

  /** {@code ref.func}. */
  void refFunc(int funcIndex);

  /** A SIMD lane operation ({@code extract_lane}, {@code replace_lane}). */
  void lane(Opcode op, int lane);

  /** {@code i8x16.shuffle} with its 16 lane indices. */
  void shuffle(byte[] lanes);

  /**
   * A visitor that ignores everything; extend it to observe a subset.
   */
  class Adapter implements InstructionVisitor {
    @Override public void beginFunction(int funcIndex, FuncType type, ValType[] locals) {}
    @Override public void endFunction() {}
    @Override public void op(Opcode op) {}
    @Override public void drop(ValType type) {}
    @Override public void select(ValType type) {}
    @Override public void block(Opcode op, FuncType blockType) {}
    @Override public void elseBranch() {}
    @Override public void end() {}
    @Override public void br(Opcode op, int depth) {}
    @Override public void brTable(int[] depths, int defaultDepth) {}
    @Override public void call(Opcode op, int funcIndex, FuncType type) {}
    @Override public void callIndirect(Opcode op, int typeIndex, FuncType type, int tableIndex) {}
    @Override public void local(Opcode op, int index, ValType type) {}
    @Override public void global(Opcode op, int index, ValType type) {}
    @Override public void i32Const(int value) {}
    @Override public void i64Const(long value) {}
    @Override public void f32Const(int bits) {}
    @Override public void f64Const(long bits) {}
    @Override public void v128Const(long low, long high) {}
    @Override public void memory(Opcode op, int memIndex, int align, long offset) {}
    @Override public void memoryLane(Opcode op, int memIndex, int align, long offset, int lane) {}
    @Override public void memoryIndex(Opcode op, int memIndex) {}
    @Override public void memoryCopy(int dstMem, int srcMem) {}
    @Override public void memoryInit(int dataIndex, int memIndex) {}
    @Override public void dataDrop(int dataIndex) {}
    @Override public void table(Opcode op, int tableIndex) {}
    @Override public void tableCopy(int dstTable, int srcTable) {}
    @Override public void tableInit(int elemIndex, int tableIndex) {}
    @Override public void elemDrop(int elemIndex) {}
    @Override public void refNull(ValType type) {}
    @Override public void refFunc(int funcIndex) {}
    @Override public void lane(Opcode op, int lane) {}
    @Override public void shuffle(byte[] lanes) {}
  }
}
