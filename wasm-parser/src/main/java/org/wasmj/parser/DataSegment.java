package org.wasmj.parser;

/**
 * A data segment; its bytes are {@code length} bytes at {@code dataOffset} in
 * {@link WasmModule#bytes()}.
 *
 * @param mode active or passive
 * @param memoryIndex the memory an active segment initializes (0 otherwise)
 * @param offset the offset expression of an active segment, else {@code null}
 * @param dataOffset where the segment's bytes start in the module bytes
 * @param length number of bytes
 */
public record DataSegment(
    SegmentMode mode, int memoryIndex, ConstExpr offset, int dataOffset, int length) {}
