/**
 * The executor SPI: what an executor module implements ({@link org.wasmj.exec.spi.ExecutorProvider},
 * {@link org.wasmj.exec.spi.Executor}) and what the runtime hands it, as interfaces that show an
 * executor what it needs and nothing of the runtime's bookkeeping: a function's register IR and
 * type ({@link org.wasmj.exec.spi.GuestFunction}), its instance's memories, tables, globals,
 * segments and callees ({@link org.wasmj.exec.spi.GuestInstance}), and its store's limits, checks
 * and per-store state ({@link org.wasmj.exec.spi.GuestStore}).
 *
 * <p>An executor in a module of its own requires {@code org.wasmj.exec} and {@code org.wasmj.ir}
 * (the IR: {@code org.wasmj.ir.Op}, {@code org.wasmj.ir.OpCodes},
 * {@code org.wasmj.ir.CompiledFunction}, and Wasm's numeric semantics, {@code org.wasmj.ir.Semantics}
 * and {@code org.wasmj.ir.SimdSemantics}), and declares its provider:
 *
 * <pre>{@code
 * module my.executor {
 *   requires org.wasmj.exec;
 *   requires org.wasmj.ir;
 *   provides org.wasmj.exec.spi.ExecutorProvider with my.executor.MyProvider;
 * }
 * }</pre>
 *
 * <p>Guest events are the exceptions of {@code org.wasmj}: a trap is a
 * {@link org.wasmj.TrapException} of the spec's {@link org.wasmj.TrapKind}; a call nested deeper
 * than {@link org.wasmj.exec.spi.GuestStore#maxCallDepth()} is an
 * {@link org.wasmj.ExhaustionException} ({@code ExhaustionException.CALL_STACK_EXHAUSTED}), never a
 * {@link StackOverflowError}. {@code module-info-docs/writing-an-executor.md} walks through an
 * example, {@code examples/tracing-executor}.
 *
 * <p>The types other than {@code ExecutorProvider} and {@code Executor} are implemented by the
 * runtime only.
 */
package org.wasmj.exec.spi;
