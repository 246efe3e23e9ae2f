package org.wasmj.parser;

/**
 * A custom section: its name and the byte range of its payload (after the name) in
 * {@link WasmModule#bytes()}.
 */
public record CustomSection(String name, int offset, int length) {}
