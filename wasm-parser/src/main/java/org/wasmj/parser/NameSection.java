package org.wasmj.parser;

import java.util.Map;

/**
 * The decoded {@code name} custom section: debug names for the module, functions and locals.
 * A malformed name section is ignored (as the spec allows for custom sections), giving
 * {@link #EMPTY}.
 *
 * @param moduleName the module's name, or {@code null}
 * @param functionNames function index to name
 * @param localNames function index to (local index to name)
 */
public record NameSection(
    String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {

  /** No names. */
  public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());

  /** The name of function {@code index}, or {@code null}. */
  public String functionName(int index) {
    return functionNames.get(index);
  }
}
