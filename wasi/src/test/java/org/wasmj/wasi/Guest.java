package org.wasmj.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.wasmj.exec.Engine;
import org.wasmj.exec.Func;
import org.wasmj.exec.Instance;
import org.wasmj.exec.Linker;
import org.wasmj.exec.Memory;
import org.wasmj.exec.Module;
import org.wasmj.exec.Store;
import org.wasmj.exec.Val;
import org.wasmj.parser.ValType;

/**
 * A guest that calls WASI functions as a test tells it: {@code wasi-proxy.wasm} exports each
 * {@code wasi_snapshot_preview1} function under its own name, so a test writes arguments into
 * the guest's memory and calls them as the guest would.
 */
final class Guest implements AutoCloseable {
  /** Where {@link #string} puts strings; results go below this. */
  static final int STRINGS = 4096;

  final Wasi wasi;
  final Instance instance;
  final Memory memory;
  private int nextString = STRINGS;

  Guest(WasiConfig config) {
    Engine engine = new Engine();
    Module module;
    try (InputStream in = Guest.class.getResourceAsStream("/guests/wasi-proxy.wasm")) {
      module = Module.compile(engine, in.readAllBytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Linker<Void> linker = new Linker<>(engine);
    wasi = Wasi.create(config).addToLinker(linker);
    instance = linker.instantiate(Store.of(engine), module);
    memory = instance.getMemory("memory");
  }

  /** Calls WASI function {@code name}: ints for i32 parameters, longs for i64 ones. */
  int call(String name, Object... args) {
    Func f = instance.getFunc(name);
    Val[] vals = new Val[args.length];
    for (int i = 0; i < args.length; i++) {
      vals[i] = f.type().param(i) == ValType.I64
          ? Val.i64(((Number) args[i]).longValue()) : Val.i32(((Number) args[i]).intValue());
    }
    Val[] out = f.call(vals);
    return out.length == 0 ? 0 : out[0].i32();
  }

  /** Lets {@link #string} reuse the memory of the strings written so far. */
  void resetStrings() {
    nextString = STRINGS;
  }

  /** Writes {@code s} (UTF-8) into memory; returns {ptr, len}. */
  int[] string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int at = nextString;
    memory.write(at, b);
    nextString += b.length + 8;
    return new int[] {at, b.length};
  }

  /** {@code path_open} from {@code dirFd}; the new fd is at address 0 on success. */
  int open(int dirFd, int lookup, String path, int oflags, long rights, int fdflags) {
    int[] p = string(path);
    return call("path_open", dirFd, lookup, p[0], p[1], oflags, rights, rights, fdflags, 0);
  }

  /** Calls a path function of shape (fd, path, path_len). */
  int pathCall(String name, int fd, String path) {
    int[] p = string(path);
    return call(name, fd, p[0], p[1]);
  }

  int i32(int address) {
    return memory.readI32(address);
  }

  long i64(int address) {
    return memory.readI64(address);
  }

  @Override
  public void close() {
    wasi.close();
  }
}
