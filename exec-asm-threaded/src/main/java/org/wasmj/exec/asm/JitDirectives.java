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
 * run (MATMUL's loop chunk: one of two codes per compile without it, docs/RATIONALE.md).
 *
 * <p>The directives go through the JVM's {@code DiagnosticCommand} MBean ({@code
 * compilerDirectivesAdd}), whose platform MBean server costs 150-450 ms of CPU the first time:
 * this is done once, on a daemon thread of its own, the first time an {@code asm} class with
 * chunk methods is generated, and never in a JVM that generates none. It does nothing, silently,
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
   * Not {@code tiered}'s ({@code C<k>}): its MATMUL level stayed chance with them blocking (with
   * every compile blocking, too), so they keep background compilation, as do a wide module's {@code
   * W<k>}/{@code L<k>} (benchmarks/README.md, "Session 16 (branch jitdir16)"). The launcher's
   * {@code BackgroundCompilation} commands name the same.
   */
  static final List<String> BLOCKING =
      List.of(ModuleClassLoader.pattern(ModuleClassLoader.ENTRY) + "." + FunctionCompiler.CHUNK + "*");

  private static final AtomicBoolean requested = new AtomicBoolean();

  private JitDirectives() {}

  /** The directives, in HotSpot's directives-file format. */
  static String text() {
    return "[{ match: [\"" + String.join("\", \"", BLOCKING) + "\"], BackgroundCompilation: false }]";
  }

  /** Starts giving the directives to HotSpot, the first time only in this JVM; returns at once. */
  static void request() {
    if (!requested.get() && !requested.getAndSet(true)) {
      start(System.getProperty(PROPERTY), System.getProperty("java.vm.name"));
    }
  }

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
