package org.wasmj;

/**
 * A guest trapped ({@code assert_trap}); {@link #kind()} says why. Created without a Java stack
 * trace: traps are guest events, and filling in a trace would cost more than the trap itself.
 */
public final class TrapException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Most frames a backtrace keeps (deep recursion would otherwise make it huge). */
  private static final int MAX_FRAMES = 100;

  private final TrapKind kind;
  private java.util.List<String> frames;
  private int omittedFrames;

  /** Creates a trap of the given kind with the kind's spec message. */
  public TrapException(TrapKind kind) {
    super(kind.message(), null, false);
    this.kind = kind;
  }

  /** Creates a trap of the given kind with a more specific message (e.g. a host error). */
  public TrapException(TrapKind kind, String message, Throwable cause) {
    super(message, cause, false);
    this.kind = kind;
  }

  /** Why the guest trapped. */
  public TrapKind kind() {
    return kind;
  }

  /**
   * The Wasm functions the trap unwound, innermost first, each named from the name section or as
   * {@code func[index]} (at most 100; see {@link #omittedFrames()}). Empty when the trap came
   * from the host.
   */
  public java.util.List<String> backtrace() {
    return frames == null ? java.util.List.of() : java.util.Collections.unmodifiableList(frames);
  }

  /** Frames left out of {@link #backtrace()} beyond its first 100. */
  public int omittedFrames() {
    return omittedFrames;
  }

  /** Executors call this as the trap leaves each Wasm frame, innermost first. */
  public void appendFrame(String function) {
    if (frames == null) {
      frames = new java.util.ArrayList<>();
    }
    if (frames.size() < MAX_FRAMES) {
      frames.add(function);
    } else {
      omittedFrames++;
    }
  }
}
