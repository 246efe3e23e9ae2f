package org.wasmj.exec.spi;

import org.wasmj.ir.CompiledFunction;

/**
 * A Wasm function of an instance, as an executor runs it: its register IR (described by
 * {@code org.wasmj.ir.Op}), its type and its instance.
 *
 * <pre>{@code
 * CompiledFunction c = f.ir();
 * long[] registers = new long[c.registerCount()];
 * System.arraycopy(args, 0, registers, 0, args.length); // parameters first, locals zeroed
 * }</pre>
 *
 * @implNote Implemented by the runtime only; belongs to one store. {@link #ir()} is thread-safe.
 */
@SuppressWarnings("exports") // executors require org.wasmj.ir themselves (module-info)
public interface GuestFunction extends Callee {
  /**
   * The function's register IR, translated now if it was not yet (in the lazy compilation
   * modes, which may then throw {@code InvalidModuleException} for an invalid body).
   */
  CompiledFunction ir();

  /** The instance the function belongs to: what its IR's indices refer to. */
  GuestInstance instance();

  /** The compiled module the function's code comes from, shared by its instances. */
  GuestModule module();

  /** The function's index in its module's function index space (imports first). */
  int index();

  /** A readable name: the name section's, else {@code func[index]}. */
  String name();
}
