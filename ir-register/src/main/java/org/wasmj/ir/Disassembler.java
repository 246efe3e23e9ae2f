package org.wasmj.ir;

/**
 * Prints register IR, one instruction per line: {@code @3: r0 <- i32.add r0 r1}; immediates as
 * {@code #5}, targets as {@code @12}, indices as {@code $2}, a v128 in registers 4 and 5 as
 * {@code v4}.
 *
 * <pre>{@code
 * System.out.print(Disassembler.print(compiledFunction));
 * }</pre>
 */
public final class Disassembler {
  private Disassembler() {}

  /** The whole function. */
  public static String print(CompiledFunction f) {
    StringBuilder sb = new StringBuilder();
    int[] code = f.code();
    for (int pc = 0; pc < code.length; pc += Op.size(code, pc)) {
      sb.append('@').append(pc).append(": ");
      instruction(code, pc, sb);
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Appends the instruction at {@code pc} to {@code sb}. */
  public static void instruction(int[] code, int pc, StringBuilder sb) {
    Op op = Op.of(code[pc]);
    String kinds = op.shape();
    int at = pc + 1;
    int k = 0;
    if (op.hasResult()) {
      sb.append(kinds.charAt(0) == 'V' ? 'v' : 'r').append(code[at++]).append(" <- ");
      k = 1;
    }
    sb.append(op.mnemonic());
    for (; k < kinds.length(); k++) {
      sb.append(' ');
      switch (kinds.charAt(k)) {
        case 'r': sb.append('r').append(code[at++]); break;
        case 'v': sb.append('v').append(code[at++]); break; // a v128: registers v, v+1
        case 'i': sb.append('#').append(code[at++]); break;
        case 'l': sb.append('#').append((code[at] & 0xFFFFFFFFL) | (long) code[at + 1] << 32); at += 2; break;
        case 't': sb.append('@').append(code[at++]); break;
        case 'x': sb.append('$').append(code[at++]); break;
        default: throw new AssertionError(kinds);
      }
    }
    if (op == Op.BR_TABLE_RI) {
      for (int i = 0; i < code[pc + 2]; i++) {
        sb.append(i == 0 ? " [" : " ").append('@').append(code[at++]);
      }
      sb.append(']');
    }
  }
}
