// Runs a WASI command module under Node's node:wasi, as `wasmj run` runs it (no args but the
// program name, no environment, no directories): node --no-warnings node-wasi.mjs prog.wasm
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const wasi = new WASI({ version: 'preview1', args: [process.argv[2]], env: {} });
const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]),
    { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
