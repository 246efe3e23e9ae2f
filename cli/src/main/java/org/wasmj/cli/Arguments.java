package org.wasmj.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed command line: the options' values and the parameters, as {@link CommandSpec} read them. */
final class Arguments {
  private final Map<Option<?>, Object> values = new HashMap<>();
  private final List<String> parameters = new ArrayList<>();
  private final List<String> rest = new ArrayList<>();

  /** The value of {@code option}: {@code null} if not given, the last one if repeatable. */
  @SuppressWarnings("unchecked")
  <T> T get(Option<T> option) {
    Object v = values.get(option);
    if (v instanceof List) {
      List<?> all = (List<?>) v;
      return (T) all.get(all.size() - 1);
    }
    return (T) v;
  }

  /** Whether {@code option} was given (for a flag: whether it is set). */
  boolean has(Option<?> option) {
    return values.containsKey(option);
  }

  /** Every value of a repeatable {@code option}, in the order given. */
  @SuppressWarnings("unchecked")
  <T> List<T> all(Option<T> option) {
    Object v = values.get(option);
    if (v == null) {
      return Collections.emptyList();
    }
    return v instanceof List ? (List<T>) v : Collections.singletonList((T) v);
  }

  /** The {@code i}th parameter, or {@code null} if an optional one was not given. */
  String parameter(int i) {
    return i < parameters.size() ? parameters.get(i) : null;
  }

  /** The arguments after the parameters, when the command takes any (the guest's). */
  List<String> rest() {
    return rest;
  }

  void set(Option<?> option, Object value) {
    if (!option.isRepeatable()) {
      values.put(option, value);
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object> all = (List<Object>) values.get(option);
    if (all == null) {
      all = new ArrayList<>();
      values.put(option, all);
    }
    all.add(value);
  }

  void addParameter(String value) {
    parameters.add(value);
  }

  int parameterCount() {
    return parameters.size();
  }

  void addRest(String value) {
    rest.add(value);
  }
}
