package org.wasmj.exec.internal;

/**
 * What an executing function of one instance reaches besides its registers: the instance's
 * memories and globals (imports first). Grows with the runtime (tables, functions, segments).
 *
 * @param memories the memory index space
 * @param globals the global index space
 */
public record InstanceState(MemoryInstance[] memories, GlobalInstance[] globals) {
  /** An instance with no memories and no globals. */
  public static final InstanceState EMPTY =
      new InstanceState(new MemoryInstance[0], new GlobalInstance[0]);
}
