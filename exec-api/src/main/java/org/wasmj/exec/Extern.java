package org.wasmj.exec;

/**
 * Something an instance exports and a module imports: a {@link Func}, {@link Memory},
 * {@link Table} or {@link Global}.
 *
 * <pre>{@code
 * Extern e = instance.getExport("memory").orElseThrow();
 * if (e instanceof Memory) System.out.println(((Memory) e).size() + " pages");
 * }</pre>
 */
public sealed interface Extern permits Func, Memory, Table, Global {}
