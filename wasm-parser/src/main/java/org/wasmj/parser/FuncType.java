package org.wasmj.parser;

import java.util.Arrays;

/** A function type: parameter and result types. Immutable; compares by value. */
public final class FuncType {
  /**
   * A function type referred to by its index in the module's type section, as function imports
   * declare it.
   *
   * @param typeIndex index into {@link WasmModule#types()}
   */
  public record Ref(int typeIndex) implements ExternType {
    @Override
    public ExternKind kind() {
      return ExternKind.FUNC;
    }
  }

  private static final ValType[] NONE = new ValType[0];

  /** {@code [] -> []}. */
  public static final FuncType EMPTY = new FuncType(NONE, NONE);

  private final ValType[] params;
  private final ValType[] results;
  private final int hash;
  /**
   * {@link #paramSlotCount()} and {@link #resultSlotCount()}, counted once: the interpreter asks
   * at every call between it and compiled or host code (Yosys: millions of times).
   */
  private final int paramSlots;
  private final int resultSlots;

  private FuncType(ValType[] params, ValType[] results) {
    this.params = params;
    this.results = results;
    this.hash = 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
    this.paramSlots = slots(params);
    this.resultSlots = slots(results);
  }

  /** Creates a function type; the arrays are copied. */
  public static FuncType of(ValType[] params, ValType[] results) {
    if (params.length == 0 && results.length == 0) {
      return EMPTY;
    }
    return new FuncType(params.clone(), results.clone());
  }

  /** Creates a function type taking {@code params} and returning {@code results}. */
  public static FuncType of(java.util.List<ValType> params, java.util.List<ValType> results) {
    return of(params.toArray(NONE), results.toArray(NONE));
  }

  /** Number of parameters. */
  public int paramCount() {
    return params.length;
  }

  /** Number of results. */
  public int resultCount() {
    return results.length;
  }

  /** 64-bit slots the parameters take at run time: one per value, two for a v128. */
  public int paramSlotCount() {
    return paramSlots;
  }

  /** 64-bit slots the results take at run time: one per value, two for a v128. */
  public int resultSlotCount() {
    return resultSlots;
  }

  private static int slots(ValType[] types) {
    int n = types.length;
    for (ValType t : types) {
      n += t == ValType.V128 ? 1 : 0;
    }
    return n;
  }

  /** The {@code i}-th parameter type. */
  public ValType param(int i) {
    return params[i];
  }

  /** The {@code i}-th result type. */
  public ValType result(int i) {
    return results[i];
  }

  /** A copy of the parameter types. */
  public ValType[] params() {
    return params.clone();
  }

  /** A copy of the result types. */
  public ValType[] results() {
    return results.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FuncType
        && ((FuncType) o).hash == hash
        && Arrays.equals(((FuncType) o).params, params)
        && Arrays.equals(((FuncType) o).results, results);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Prints as {@code (i32, i64) -> (f32)}. */
  @Override
  public String toString() {
    return list(params) + " -> " + list(results);
  }

  private static String list(ValType[] types) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < types.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(types[i]);
    }
    return sb.append(')').toString();
  }
}
