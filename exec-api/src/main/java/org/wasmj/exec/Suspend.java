package org.wasmj.exec;

/**
 * Thrown by a host function to suspend the resumable call it runs in ({@link
 * Func#callResumable}): the call returns to its host as a suspended {@link ResumableCall}, and
 * when the host resumes it with values, those are the host function's results and the guest goes
 * on. The payload tells the host what the guest is waiting for (e.g. a request to carry out).
 *
 * <pre>{@code
 * linker.funcWrap("env", "read", I32, (caller) -> { throw new Suspend("read"); });
 * ResumableCall call = instance.getFunc("main").callResumable();
 * while (call.isSuspended()) {
 *   call.resume(Val.i32(readFromNetwork()));   // read's result
 * }
 * }</pre>
 *
 * <p>Thrown in a call that is not resumable ({@link Func#call}, {@link TypedFunc}, an
 * instantiation's start function), it is a failed host call like any other exception: a trap of
 * kind {@link org.wasmj.TrapKind#HOST} with it as the cause. It has no stack trace.
 */
public final class Suspend extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Object payload;

  /** A suspension telling the host {@code payload} (may be {@code null}). */
  public Suspend(Object payload) {
    super("host function suspended the call" + (payload == null ? "" : ": " + payload), null,
        false, false);
    this.payload = payload;
  }

  /** A suspension without a payload. */
  public Suspend() {
    this(null);
  }

  /** What the host function told its host: the payload it was thrown with, or {@code null}. */
  public Object payload() {
    return payload;
  }
}
