package org.wasmj.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wasmj.exec.Config;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Module;
import org.wasmj.ir.Translator;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.UncheckedWalker;
import org.wasmj.validator.Validator;

/**
 * A big module's front end in a fresh JVM, once: for runs with the launcher's class path and JVM
 * options (this class appended to its class path, as {@code benchmarks/README.md} shows), one JVM
 * per figure, alternating launchers. Not JMH: what it measures is the first time, in the code
 * HotSpot has by then.
 *
 * <ul>
 *   <li>{@code compile FILE}: {@code Module.compile} with the default configuration (the default
 *       mode validates every body, on two threads from 1 MB of code); prints its wall time, the
 *       process's CPU time over it and the calling thread's.
 *   <li>{@code walk FILE}: decodes and validates the module, then walks every body with the
 *       unchecked walker (the walk of lazy translation), without a visitor, then with the
 *       translator, each on this thread, then both again; prints each pass's thread CPU time.
 * </ul>
 */
public final class ColdFrontEnd {
  private ColdFrontEnd() {}

  public static void main(String[] args) throws IOException {
    boolean sample = args.length == 3 && args[0].equals("compile") && args[2].equals("helper");
    if (args.length != 2 && !sample || !args[0].equals("compile") && !args[0].equals("walk")) {
      System.err.println("usage: ColdFrontEnd compile FILE [helper] | walk FILE");
      System.exit(2);
    }
    byte[] bytes = Files.readAllBytes(Path.of(args[1]));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    if (args[0].equals("compile")) {
      Engine engine = new Engine(Config.defaults());
      HelperSampler sampler = new HelperSampler();
      if (sample) {
        sampler.start();
      }
      long cpu = os.getProcessCpuTime();
      long thread = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      Module.compile(engine, bytes);
      wall = System.nanoTime() - wall;
      thread = threads.getCurrentThreadCpuTime() - thread;
      cpu = os.getProcessCpuTime() - cpu;
      sampler.interrupt();
      System.out.printf(Locale.ROOT,
          "compile wall %.1f ms, process CPU %.1f ms, caller CPU %.1f ms, wasmj-validate CPU %d ms%n",
          wall / 1e6, cpu / 1e6, thread / 1e6, sampler.helperMillis);
      return;
    }
    WasmModule module = WasmParser.parse(bytes, Config.DEFAULT_FEATURES);
    Validator validator = new Validator(module, Config.DEFAULT_FEATURES);
    validator.validateModule();
    UncheckedWalker walker = validator.uncheckedWalker();
    Translator translator = new Translator(true, false, false); // BodyCompiler.translator(true, false)
    StringBuilder out = new StringBuilder("walk");
    for (int round = 0; round < 2; round++) {
      for (boolean translate : new boolean[] {false, true}) {
        long t = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < module.bodies().size(); i++) {
          if (translate) {
            translator.translate(walker, i, module.bytes(), module.bodies().get(i));
          } else {
            walker.walk(i, module.bytes(), module.bodies().get(i), null);
          }
        }
        t = threads.getCurrentThreadCpuTime() - t;
        out.append(String.format(Locale.ROOT, " %s %.1f ms", translate ? "translated" : "alone",
            t / 1e6));
      }
    }
    System.out.println(out);
  }

  /**
   * Reads the CPU time of the thread named {@code wasmj-validate} from {@code /proc/self/task}
   * every 3 ms while it lives (the kernel counts in ticks of 10 ms), and keeps the last
   * reading; -1 if it never saw one.
   */
  private static final class HelperSampler extends Thread {
    volatile long helperMillis = -1;

    HelperSampler() {
      setDaemon(true);
    }

    @Override
    public void run() {
      long tick = 10; // USER_HZ 100
      while (!isInterrupted()) {
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
          for (Path task : tasks) {
            try {
              if (Files.readString(task.resolve("comm")).trim().equals("wasmj-validate")) {
                String stat = Files.readString(task.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                helperMillis = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
              }
            } catch (IOException e) {
              // the thread ended
            }
          }
          Thread.sleep(3);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    }
  }
}
