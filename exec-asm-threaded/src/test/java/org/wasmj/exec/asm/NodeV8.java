package org.wasmj.exec.asm;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wasmj.exec.ExportType;
import org.wasmj.exec.ImportType;
import org.wasmj.exec.Module;
import org.wasmj.parser.ExternKind;
import org.wasmj.parser.FuncType;

/**
 * Node's V8 as a second engine: one long-lived {@code node} process running
 * {@code src/test/node/v8-oracle.cjs}, asked one module per line, answering with the module's
 * transcript in {@link Transcript#forV8}'s words. Node starts in about 70 ms and a fuzzed module
 * runs in a few, so the process is kept; it is restarted after a timeout.
 *
 * <p>The V8 flags: tail calls are on by default in Node 20 (V8 11.3), extended constant
 * expressions need {@code --experimental-wasm-extended-const}, SIMD needs nothing. V8 11.3 has no
 * multiple memories at all.
 *
 * <p>{@link #denan} is a second such process, running {@code src/test/node/denan-v128.mjs}.
 */
final class NodeV8 implements AutoCloseable {
  /** The flags that Node 20's V8 needs for the features the oracle's modules use. */
  static final List<String> V8_FLAGS = List.of("--experimental-wasm-extended-const");

  private static final long TIMEOUT_SECONDS = 60;

  /** The command that starts the process. */
  private final List<String> command;
  private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "node-v8-reader");
    t.setDaemon(true);
    return t;
  });
  private Process process;
  private BufferedWriter in;
  private BufferedReader out;

  private NodeV8(List<String> command) {
    this.command = List.copyOf(command);
  }

  /** The oracle: a process that runs modules in V8 ({@link #transcript}). */
  static NodeV8 oracle() {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(V8_FLAGS);
    command.add(script("v8-oracle.cjs").toString());
    return new NodeV8(command);
  }

  /**
   * A process that takes the NaNs out of v128 lanes with binaryen.js at {@code binaryenJs} (its
   * {@code index.js}), which binaryen 108's {@code --denan} does not ({@link #denan(Path, Path)}).
   */
  static NodeV8 denan(Path binaryenJs) {
    return new NodeV8(List.of("node", script("denan-v128.mjs").toString(),
        binaryenJs.toAbsolutePath().toString()));
  }

  private static Path script(String name) {
    return DifferentialTest.repository().resolve("exec-asm-threaded/src/test/node").resolve(name);
  }

  /** Writes {@code in} with no NaN left in any float or v128 value to {@code out}. */
  void denan(Path in, Path out) throws IOException, InterruptedException {
    send("{\"in\":" + Json.string(in.toAbsolutePath().toString()) + ",\"out\":"
        + Json.string(out.toAbsolutePath().toString()) + "}");
    String answer = receiveLine();
    if (!answer.equals("{\"ok\":true}")) {
      throw new IOException("denan-v128.mjs: " + answer);
    }
  }

  /** Whether {@code node} runs here; null if it does, else why not. */
  static String unavailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "node --version failed: " + version;
      }
      return null;
    } catch (IOException | InterruptedException e) {
      return "node is not installed (" + e.getMessage() + ")";
    }
  }

  /**
   * V8's transcript of the module in {@code wasm}; {@code module} is wasmj's compilation of it
   * (for the types of its imports and exports), null if wasmj rejected it.
   */
  String transcript(Path wasm, Module module) throws IOException, InterruptedException {
    send(wasm, module);
    return receive();
  }

  /** Asks V8 for the transcript of {@code wasm}, which {@link #receive} then returns. */
  void send(Path wasm, Module module) throws IOException {
    send(request(wasm, module));
  }

  private void send(String request) throws IOException {
    if (process == null || !process.isAlive()) {
      start();
    }
    in.write(request);
    in.write('\n');
    in.flush();
  }

  /** The answer to the last {@link #send}. */
  String receive() throws IOException, InterruptedException {
    String line = receiveLine();
    return line.startsWith("node timed out") ? line
        : String.join("\n", Json.stringArray(line, "lines"));
  }

  private String receiveLine() throws IOException, InterruptedException {
    Future<String> answer = reader.submit(out::readLine);
    String line;
    try {
      line = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      stop();
      return "node timed out after " + TIMEOUT_SECONDS + " s";
    } catch (java.util.concurrent.ExecutionException e) {
      stop();
      throw new IOException("reading from node", e.getCause());
    }
    if (line == null) {
      stop();
      throw new IOException("node exited (status " + process.waitFor() + ")");
    }
    return line;
  }

  private void start() throws IOException {
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    in = new BufferedWriter(
        new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      try {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          stop();
        }
      } catch (IOException | InterruptedException e) {
        stop();
      }
    }
    reader.shutdownNow();
  }

  /** The request line: the file, and the types of the module's function imports and exports. */
  static String request(Path wasm, Module module) {
    StringBuilder sb = new StringBuilder("{\"wasm\":")
        .append(Json.string(wasm.toAbsolutePath().toString()));
    sb.append(",\"imports\":[");
    if (module != null) {
      String sep = "";
      for (ImportType i : module.imports()) {
        if (i.kind() == ExternKind.FUNC) {
          sb.append(sep).append("{\"module\":").append(Json.string(i.module()))
              .append(",\"name\":").append(Json.string(i.name()));
          types(sb, (FuncType) i.type());
          sb.append('}');
          sep = ",";
        }
      }
    }
    sb.append("],\"exports\":[");
    if (module != null) {
      String sep = "";
      for (ExportType e : module.exports()) {
        if (e.kind() == ExternKind.FUNC && Transcript.jsCanCall((FuncType) e.type())) {
          sb.append(sep).append("{\"name\":").append(Json.string(e.name()))
              .append(",\"kind\":\"func\"");
          types(sb, (FuncType) e.type());
          sb.append('}');
          sep = ",";
        } else if (e.kind() == ExternKind.MEMORY) {
          sb.append(sep).append("{\"name\":").append(Json.string(e.name()))
              .append(",\"kind\":\"memory\"}");
          sep = ",";
        }
      }
    }
    return sb.append("]}").toString();
  }

  private static void types(StringBuilder sb, FuncType t) {
    sb.append(",\"params\":[");
    for (int i = 0; i < t.paramCount(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(t.param(i)).append('"');
    }
    sb.append("],\"results\":[");
    for (int i = 0; i < t.resultCount(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(t.result(i)).append('"');
    }
    sb.append(']');
  }

  /** Just the JSON the protocol needs: strings written, one array of strings read. */
  static final class Json {
    private Json() {}

    static String string(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.append('"').toString();
    }

    /** The strings of the array under {@code key} in a one-line JSON object. */
    static List<String> stringArray(String json, String key) throws IOException {
      int i = json.indexOf("\"" + key + "\":[");
      if (i < 0) {
        throw new IOException("no " + key + " in " + json);
      }
      i += key.length() + 4;
      List<String> strings = new ArrayList<>();
      while (json.charAt(i) != ']') {
        if (json.charAt(i) == ',') {
          i++;
        }
        if (json.charAt(i) != '"') {
          throw new IOException("not a string at " + i + " in " + json);
        }
        StringBuilder sb = new StringBuilder();
        for (i++; json.charAt(i) != '"'; i++) {
          char c = json.charAt(i);
          if (c == '\\') {
            char e = json.charAt(++i);
            switch (e) {
              case 'n': sb.append('\n'); break;
              case 't': sb.append('\t'); break;
              case 'r': sb.append('\r'); break;
              case 'b': sb.append('\b'); break;
              case 'f': sb.append('\f'); break;
              case 'u':
                sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                i += 4;
                break;
              default: sb.append(e);
            }
          } else {
            sb.append(c);
          }
        }
        strings.add(sb.toString());
        i++;
      }
      return strings;
    }
  }
}
