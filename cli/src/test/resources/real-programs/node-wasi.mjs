// Runs a WASI preview1 command under Node 20's node:wasi, as `wasmj run --dir .
// --default-values-unknown-imports` does: the current directory preopened as ".", an empty
// environment, argv = [file, args...], and every non-WASI function import returning 0.
// usage: node --no-warnings node-wasi.mjs <file.wasm> [args...]
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, preopens: { '.': '.' }, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(file));
const imports = { ...wasi.getImportObject() };
for (const imp of WebAssembly.Module.imports(module)) {
  if (imp.module !== 'wasi_snapshot_preview1' && imp.kind === 'function') {
    imports[imp.module] ??= {};
    imports[imp.module][imp.name] = () => 0;
  }
}
const instance = await WebAssembly.instantiate(module, imports);
process.exitCode = wasi.start(instance);
