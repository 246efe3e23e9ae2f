package org.wasmj.exec.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.wasmj.parser.FuncType;

/**
 * Gives each distinct function type an engine-wide int id, so that {@code call_indirect}'s
 * signature check and import matching compare ints.
 *
 * @implNote Thread-safe.
 */
public final class TypeRegistry {
  private final ConcurrentHashMap<FuncType, Integer> ids = new ConcurrentHashMap<>();

  /** The id of {@code type}, the same for every equal type. */
  public int id(FuncType type) {
    Integer id = ids.get(type);
    if (id != null) {
      return id;
    }
    synchronized (ids) {
      return ids.computeIfAbsent(type, t -> ids.size());
    }
  }
}
