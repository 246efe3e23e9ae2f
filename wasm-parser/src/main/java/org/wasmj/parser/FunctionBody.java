package org.wasmj.parser;

/**
 * A function body kept as a byte range of {@link WasmModule#bytes()}, decoded lazily: the local
 * declarations followed by the instructions, ending with {@code end}.
 *
 * @param offset first byte after the body's size prefix
 * @param length the body's size in bytes
 */
public record FunctionBody(int offset, int length) {}
