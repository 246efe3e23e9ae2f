package org.wasmj.parser;

/**
 * An export: a name for the entity of {@code kind} at {@code index} in that kind's index space
 * (imports first, then definitions).
 */
public record Export(String name, ExternKind kind, int index) {}
