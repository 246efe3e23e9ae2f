package org.wasmj.exec.spi;

/**
 * An instance at run time, as its functions' IR sees it: index spaces (imports first, then
 * definitions, as in the module) of functions, memories, tables and globals, its element and
 * data segments, and its store.
 *
 * <pre>{@code
 * // CALL_INDIRECT_XXRR: type x1, table x2, the element index in a register
 * Callee callee = instance.indirect(code[pc + 1], code[pc + 2], (int) regs[code[pc + 4]]);
 * }</pre>
 *
 * @implNote Implemented by the runtime only. Belongs to one store; not synchronized.
 */
public interface GuestInstance {
  /** The store the instance lives in. */
  GuestStore store();

  /** The compiled module it is an instance of. */
  GuestModule module();

  /** Function {@code index} of the function index space: a {@link GuestFunction} or a host function. */
  Callee function(int index);

  /** Function {@code index}'s reference id ({@code ref.func}), as {@code funcref} values hold it. */
  long functionRef(int index);

  /**
   * The function {@code call_indirect} of module type {@code typeIndex} reaches through table
   * {@code table} at {@code index}; traps {@code undefined element}, {@code uninitialized element}
   * or {@code indirect call type mismatch}.
   */
  Callee indirect(int typeIndex, int table, int index);

  /**
   * Calls host function {@code host} (a {@link Callee} that is no {@link GuestFunction}) from
   * guest code of this instance. A host exception arrives as a {@link org.wasmj.TrapException},
   * as the embedding API says.
   *
   * @param args one raw slot per parameter
   * @param depth the calling frame's call depth plus one: where guest calls that the host
   *     function makes meanwhile start ({@link GuestStore#hostCallDepth()} until it returns)
   * @return one raw slot per result
   */
  long[] callHost(Callee host, long[] args, int depth);

  /** Memory {@code index}. */
  GuestMemory memory(int index);

  /** Table {@code index}. */
  GuestTable table(int index);

  /** Global {@code index}. */
  GuestGlobal global(int index);

  /** {@code memory.init}: {@code n} bytes of data segment {@code data} from {@code from} into memory {@code mem} at {@code dst}. */
  void memoryInit(int mem, int data, int dst, int from, int n);

  /** {@code table.init}: {@code n} items of element segment {@code elem} from {@code from} into table {@code table} at {@code dst}. */
  void tableInit(int table, int elem, int dst, int from, int n);

  /** {@code elem.drop}. */
  void dropElements(int elem);

  /** {@code data.drop}. */
  void dropData(int data);
}
