package org.wasmj.parser;

/**
 * A constant expression (global initializer, segment offset or element), kept as its byte range
 * in {@link WasmModule#bytes()}: the instructions and the terminating {@code end}. The validator
 * checks it; the runtime evaluates it with a {@link CodeReader}.
 *
 * @param offset first byte of the first instruction
 * @param length bytes up to and including the {@code end} opcode
 */
public record ConstExpr(int offset, int length) {}
