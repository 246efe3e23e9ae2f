package org.wasmj.exec.asm;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/**
 * Gives HotSpot wasmj's compiler directives once per JVM, at run time, so that a JVM started
 * without the {@code wasmj} launcher's options (an embedder's, JMH's forks) gets them too: the
 * compiles of the {@code asm} executor's loop chunks block the thread that asked for them, so
 * that C2 compiles a chunk with the profile it has at the compile threshold, the same in every
 * run (MATMUL's loop chunk: one of two codes per compile without it, docs/RATIONALE.md); and C1
 * does not inline {@code VarHandle} guards into them ({@link #C1_NOT_INLINED}). The same for
 * {@code tiered}'s chunks ({@link #TIERED_CHUNKS}; a {@code tiered} class asks for the directives
 * only if its chunks are that heavy, {@link #wantedFor}).
 *
 * <p>The directives go through the JVM's {@code DiagnosticCommand} MBean ({@code
 * compilerDirectivesAdd}), whose platform MBean server costs 150-450 ms of CPU the first time:
 * this is done once, on a daemon thread of its own, the first time an {@code asm} class with
 * chunk methods (or a {@code tiered} one with heavy chunks) is generated, and never in a JVM that
 * generates none. It does nothing, silently,
 * on a JVM that is not HotSpot or has no {@code jdk.management}, and under {@code
 * -Dwasmj.jitDirectives=off}, which the launcher sets (it gives the same options as {@code
 * -XX:CompileCommand}s, free at start-up).
 * A matched directive's option takes precedence over a {@code CompileCommand} for the same option;
 * the command's other options still apply (docs/RATIONALE.md, "Compiler directives at run time").
 */
final class JitDirectives {
  /** The system property turning the directives off: {@code -Dwasmj.jitDirectives=off}. */
  static final String PROPERTY = "wasmj.jitDirectives";

  /**
   * The methods whose compiles block, in HotSpot's {@code class.method} pattern form: the chunk
   * methods ({@link FunctionCompiler#CHUNK}) of the {@code asm} executor's classes ({@code F<k>}).
   * {@code tiered}'s ({@code C<k>}) block through the second directive ({@link #TIERED_CHUNKS});
   * a wide module's {@code W<k>}/{@code L<k>} keep background compilation. The launcher's
   * {@code BackgroundCompilation} commands name these and {@link #TIERED_CHUNKS}.
   */
  static final List<String> BLOCKING =
      List.of(ModuleClassLoader.pattern(ModuleClassLoader.ENTRY) + "." + FunctionCompiler.CHUNK + "*");

  /**
   * What C1 does not inline into those chunks: the guard of every {@code VarHandle} access (a call
   * at C1's tiers instead). Inline, each access costs C1 about 90 of its 10,000 virtual registers
   * at its profiling tier with HotSpot's default type profiling ({@link Chunks#VARHANDLE_VALUES});
   * MATMUL's inner loop chunk holds 65 of them and 128 live floats, and C1's OSR compile of it gave
   * up ("out of virtual registers") in some JVMs, after which HotSpot left the chunk in C1's
   * non-profiling code for good (three times slower). C2's inlining is not affected; the launcher
   * needs no such rule, as it sets {@code -XX:TypeProfileLevel=0}.
   */
  static final String C1_NOT_INLINED = "java/lang/invoke/VarHandleGuards.*";

  /**
   * The chunks of {@code tiered}'s classes ({@code C<k>}): C1's rule ({@link #C1_NOT_INLINED}) is
   * for them too, and their compiles block as well in a JVM given the directives (a {@code tiered}
   * class asks only if its chunks are heavy, {@link #wantedFor}: the SIMD kernels'). Blocking did
   * not fix MATMUL's level on {@code tiered} by itself (session 16): an interpreter frame entering
   * the loop's chunk mid-loop shifted the chunk's counts; since the loop entries decline heavy
   * chunks ({@code FunctionCompiler.declinedTable}) those are called whole, and blocking makes C2
   * read {@code asm}'s profile (benchmarks/README.md, "Session 18"). The launcher, which sets no
   * directives, blocks them for every program by a {@code CompileCommand} (session 19).
   */
  static final String TIERED_CHUNKS =
      ModuleClassLoader.pattern(ModuleClassLoader.COMPILED) + "." + FunctionCompiler.CHUNK + "*";

  /**
   * Whether a {@code tiered} class whose largest method C1 needs about {@code c1Values} virtual
   * registers for ({@link Chunks#c1Values}) asks for the directives: over half of a chunk's
   * budget, which only inline {@code VarHandle} accesses reach (SIMD kernels' chunks; a big
   * scalar function's are under a quarter), so that other programs never pay for the MBean.
   */
  static boolean wantedFor(int c1Values) {
    return c1Values > Chunks.C1_BUDGET / 2;
  }

  private static final AtomicBoolean requested = new AtomicBoolean();

  private JitDirectives() {}

  /** The directives, in HotSpot's directives-file format. */
  static String text() {
    String c1 = "c1: { inline: \"-" + C1_NOT_INLINED + "\" }";
    return "[{ match: [\"" + String.join("\", \"", BLOCKING) + "\"], BackgroundCompilation: false, "
        + c1 + " }, { match: [\"" + TIERED_CHUNKS + "\"], BackgroundCompilation: false, " + c1 + " }]";
  }

  /** The thread giving the directives ({@link #request}), or null if none was started. */
  private static volatile Thread installing;

  /** Starts giving the directives to HotSpot, the first time only in this JVM; returns at once. */
  static void request() {
    if (!requested.get() && !requested.getAndSet(true)) {
      installing = start(System.getProperty(PROPERTY), System.getProperty("java.vm.name"));
    }
  }

  /**
   * Waits, at most {@link #MOST_WAIT_MS}, until the directives {@link #request}ed are given: a
   * {@code tiered} class with heavy chunks is published to the guest only then, as its loop's
   * chunk gets hot within milliseconds, and a compile before the directive would not block (the
   * first time, the MBean server takes 150-450 ms). Called where the class is generated: on the
   * guest's thread for a function compiled at its first call ({@code AsmModule.firstCall}, which
   * has not run in the interpreter), else on a compiler thread of ours while the guest runs on in
   * the interpreter. Returns at once if none were requested.
   */
  static void awaitRequested() {
    Thread t = installing;
    if (t != null) {
      try {
        t.join(MOST_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The longest {@link #awaitRequested} waits. */
  static final long MOST_WAIT_MS = 2_000;

  /**
   * The daemon thread now giving the directives to HotSpot, or null when they are not {@linkplain
   * #wanted wanted} under these property and VM names.
   */
  static Thread start(String property, String vmName) {
    if (!wanted(property, vmName)) {
      return null;
    }
    Thread t = new Thread(JitDirectives::install, "wasmj-jit-directives");
    t.setDaemon(true);
    try {
      t.start();
    } catch (RuntimeException | OutOfMemoryError e) {
      return null; // no thread to spare ("unable to create native thread"): run without them
    }
    return t;
  }

  /** Whether to install: not turned {@code off}, and the JVM is HotSpot (OpenJ9 has no directives). */
  static boolean wanted(String property, String vmName) {
    return !"off".equals(property) && vmName != null
        && (vmName.contains("HotSpot") || vmName.startsWith("OpenJDK"));
  }

  /**
   * Adds the directives through the {@code DiagnosticCommand} MBean now; silently nothing when the
   * JVM has no such MBean (its answer, "1 compiler directives added" or why not, is not printed).
   */
  static void install() {
    Path file = null;
    try {
      file = Files.createTempFile("wasmj-jit", ".json");
      Files.writeString(file, text());
      ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
    } catch (Exception | LinkageError e) {
      // not HotSpot's MBean, no jdk.management, no temporary file: run without them
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (Exception e) {
          // a leftover temporary file of 100 bytes
        }
      }
    }
  }
}
