package org.wasmj.exec.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.wasmj.exec.Config;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Val;
import org.wasmj.exec.internal.ModuleCode;
import org.wasmj.exec.internal.TypeRegistry;
import org.wasmj.ir.Op;
import org.wasmj.parser.WasmParser;

/**
 * Byte lanes widened, computed on and narrowed back, which {@link ByteChains} lets {@code asm}
 * compute on the bytes in 16-bit lanes, give the interpreter's bits: {@code chains.wat}'s
 * sharpen and vertical-pass code as clang writes it (clamped, saturating, divided by 3, 7 and 1),
 * and the same shapes where a chain must not be used, on {@code asm} whole and split into chunks
 * at every cut, against {@code switch}, over random bytes and the bytes at the edges (0, 1, 0x7F,
 * 0x80, 0xFE, 0xFF); and the analysis finds a chain where the code allows one, and only there.
 */
class ByteChainsProperties {
  private static final byte[] CHAINS = InterruptionTest.resource("chains.wasm");

  private static final Instance SWITCH = ExecutorConfigs.eagerInstance("switch", CHAINS, false);
  private static final Instance ASM = ExecutorConfigs.eagerInstance("asm", CHAINS, false);
  private static final Instance SPLIT = ExecutorConfigs.eagerInstance("asm", CHAINS, true);

  /** The exported functions, in order (function k + 1). */
  private static final List<String> FUNCTIONS = List.of("sharpen", "loose", "wide", "steep", "mixed", "reused",
      "overwritten", "shifted", "vertical", "vertical7", "vertical1", "sums", "edges", "masks");

  @Property(tries = 1000)
  void chainsAreTheInterpreters(@ForAll @Size(48) List<@net.jqwik.api.From("bytes") Byte> memory) {
    List<Long> results = new ArrayList<>();
    for (Instance in : List.of(SWITCH, ASM, SPLIT)) {
      for (int k = 0; k < memory.size(); k++) {
        in.getMemory("mem").writeByte(k, memory.get(k));
      }
      for (String f : FUNCTIONS) {
        for (int half = 0; half < 2; half++) {
          results.add(in.getFunc(f).call(Val.i32(half))[0].i64());
        }
      }
    }
    int each = results.size() / 3;
    assertEquals(results.subList(0, each), results.subList(each, 2 * each), "asm");
    assertEquals(results.subList(0, each), results.subList(2 * each, 3 * each), "asm split");
  }

  @Example
  void chainsAreFoundWhereTheCodeAllowsAndOnlyThere() throws Exception {
    ModuleCode code = new ModuleCode(WasmParser.parse(CHAINS, Config.DEFAULT_FEATURES),
        Config.DEFAULT_FEATURES, new TypeRegistry(), true, true, false);
    List<String> found = new ArrayList<>();
    for (int k = 1; k <= FUNCTIONS.size(); k++) {
      FunctionCompiler c = new FunctionCompiler(code.module(), "wasmj/gen/F" + k, k, code.compiled(k), false);
      int[] ir = c.code();
      for (int pc = 0; pc < ir.length; pc += Op.size(ir, pc)) {
        if (Op.of(ir[pc]) == Op.I8X16_NARROW_I16X8_U_VVV && c.byteChains().isRoot(pc)) {
          found.add(FUNCTIONS.get(k - 1));
        }
      }
    }
    assertEquals(List.of("sharpen", "loose", "steep", "vertical", "vertical7", "vertical1", "sums", "edges"), found);
  }

  /** Bytes at the edges of the lanes' ranges, or random. */
  @Provide
  Arbitrary<Byte> bytes() {
    return Arbitraries.oneOf(Arbitraries.of((byte) 0, (byte) 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFE,
        (byte) 0xFF), Arbitraries.bytes());
  }
}
