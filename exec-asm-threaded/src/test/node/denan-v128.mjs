// NaNs out of v128 lanes, for the V8 oracle's SIMD modules: binaryen 108's --denan (Debian's)
// leaves v128 values alone, and a NaN lane's bits are the engine's choice (V8 keeps payloads,
// wasmj makes them canonical), so every SIMD module would differ somewhere. binaryen.js (npm
// `binaryen`, version 132; fetch-binaryen.sh puts it in a cache) has a --denan that also wraps
// v128 values. One long-lived process, as v8-oracle.cjs:
//
//   node denan-v128.mjs /path/to/binaryen/index.js
//   request: {"in": "/path/a.wasm", "out": "/path/b.wasm"}
//   answer:  {"ok": true} or {"error": "..."}
import fs from 'fs';
import readline from 'readline';

const binaryen = (await import(process.argv[2])).default;
// The generator's features, no more: with all of binaryen's, it writes newer encodings (imports
// among them) that Node 20's V8 and wasmj do not read.
const F = binaryen.Features;
const FEATURES = F.MutableGlobals | F.NontrappingFPToInt | F.SignExt | F.BulkMemory | F.Multivalue
    | F.TailCall | F.ExtendedConst | F.SIMD128;
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of input) {
  let answer;
  try {
    const request = JSON.parse(line);
    const module = binaryen.readBinary(fs.readFileSync(request.in));
    try {
      module.setFeatures(FEATURES);
      module.runPasses(['denan']);
      fs.writeFileSync(request.out, module.emitBinary());
    } finally {
      module.dispose();
    }
    answer = { ok: true };
  } catch (e) {
    answer = { error: String(e && e.message || e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
