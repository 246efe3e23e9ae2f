// The V8 side of V8DifferentialTest: runs Wasm modules in Node's V8 and writes down what they do
// in the same words as Transcript.forV8 does for wasmj, so that the two can be compared line by
// line.
//
// One long-lived process (Node starts in ~70 ms, a module runs in a few): each line on stdin is
// one JSON request, each line on stdout the JSON answer to it, in order.
//
//   request: {"wasm": "/path/m.wasm",
//             "imports": [{"module": "fuzzing-support", "name": "log-i32",
//                          "params": ["i32"], "results": []}],
//             "exports": [{"name": "func", "kind": "func", "params": ["i64"], "results": ["f32"]},
//                         {"name": "memory", "kind": "memory"}]}
//   answer:  {"lines": ["instantiate: ok", "  host fuzzing-support.log-i32(i32:2a )",
//                       "call func: f32:3f800000 ", ...]}
//
// The types come from the request because V8 in Node 20 reflects no function types without an
// experimental flag, and they decide how a JS number is read back into bits (an i32 and an f32
// both arrive as a number). Run with `node --experimental-wasm-extended-const v8-oracle.cjs`.
'use strict';
const fs = require('fs');
const readline = require('readline');

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** A value in Transcript's words: the type, then the bits in hex; a NaN is only "nan". */
function show(type, v) {
  switch (type) {
    case 'i32': return 'i32:' + (v >>> 0).toString(16);
    case 'i64': return 'i64:' + BigInt.asUintN(64, v).toString(16);
    case 'f32':
      if (Number.isNaN(v)) return 'f32:nan';
      f32[0] = v;
      return 'f32:' + u32[0].toString(16);
    case 'f64':
      if (Number.isNaN(v)) return 'f64:nan';
      f64[0] = v;
      return 'f64:' + u64[0].toString(16);
    case 'funcref': return v === null ? 'funcref:null' : 'funcref';
    case 'externref': return 'externref:' + v;
    default: throw new Error('no value type ' + type);
  }
}

function zero(type) {
  switch (type) {
    case 'i64': return 0n;
    case 'funcref': case 'externref': return null;
    default: return 0;
  }
}

/** What a JS-visible value returned for a list of result types is, one shown value each. */
function showResults(types, result) {
  if (types.length === 0) return [];
  if (types.length === 1) return [show(types[0], result)];
  return types.map((t, i) => show(t, result[i]));
}

/** V8's trap messages (message-template.h) to the TrapKinds they can mean, '|' between several. */
const TRAPS = [
  ['unreachable', 'UNREACHABLE'],
  ['memory access out of bounds', 'MEMORY_OUT_OF_BOUNDS'],
  ['data segment out of bounds', 'MEMORY_OUT_OF_BOUNDS'],
  ['divide by zero', 'INTEGER_DIVIDE_BY_ZERO'],
  ['remainder by zero', 'INTEGER_DIVIDE_BY_ZERO'],
  ['divide result unrepresentable', 'INTEGER_OVERFLOW'],
  ['float unrepresentable in integer range', 'INTEGER_OVERFLOW|BAD_CONVERSION_TO_INTEGER'],
  ['table index is out of bounds', 'UNDEFINED_ELEMENT|TABLE_OUT_OF_BOUNDS'],
  ['element segment out of bounds', 'TABLE_OUT_OF_BOUNDS'],
  ['table access out of bounds', 'TABLE_OUT_OF_BOUNDS'],
  ['null function or function signature mismatch', 'INDIRECT_CALL_TO_NULL|BAD_SIGNATURE'],
  ['function signature mismatch', 'BAD_SIGNATURE'],
  ['dereferencing a null pointer', 'NULL_REFERENCE'],
];

function describe(e) {
  if (e instanceof RangeError && /call stack size/.test(e.message)) return 'exhausted';
  // Wasm calling a JS function with a v128 in its type: wasmj's stub fails the same way.
  if (e instanceof TypeError && /type incompatibility when transforming/.test(e.message)) {
    return 'trap HOST';
  }
  if (e instanceof WebAssembly.RuntimeError) {
    for (const [message, kinds] of TRAPS) {
      if (e.message === message) return 'trap ' + kinds;
    }
    return 'trap ?' + e.message;
  }
  return 'error ' + e;
}

// CRC-32 (IEEE), as java.util.zip.CRC32.
const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}
function crc32(bytes) {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function transcript(request) {
  const lines = [];
  let module;
  try {
    module = new WebAssembly.Module(fs.readFileSync(request.wasm));
  } catch (e) {
    return ['compile: error'];
  }
  const imports = {};
  for (const i of request.imports) {
    (imports[i.module] ??= {})[i.name] = (...args) => {
      let s = '  host ' + i.module + '.' + i.name + '(';
      i.params.forEach((t, k) => { s += show(t, args[k]) + ' '; });
      lines.push(s + ')');
      const results = i.results.map(zero);
      return results.length === 0 ? undefined : results.length === 1 ? results[0] : results;
    };
  }
  let instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
    lines.push('instantiate: ok');
  } catch (e) {
    lines.push('instantiate: ' + (e instanceof WebAssembly.LinkError ? 'link error'
        : e instanceof WebAssembly.RuntimeError ? 'trap' : describe(e)));
    return lines;
  }
  const hangLimit = instance.exports.hangLimitInitializer;
  for (const e of request.exports) {
    if (e.kind !== 'func' || e.name === 'hangLimitInitializer') continue;
    if (hangLimit) hangLimit();
    try {
      const result = instance.exports[e.name](...e.params.map(zero));
      const shown = showResults(e.results, result).map(s => s + ' ').join('');
      lines.push('call ' + e.name + ': ' + shown);
    } catch (x) {
      lines.push('call ' + e.name + ': ' + describe(x));
    }
  }
  for (const e of request.exports) {
    if (e.kind !== 'memory') continue;
    const buffer = instance.exports[e.name].buffer;
    lines.push('memory ' + e.name + ': ' + buffer.byteLength / 65536 + ' pages, crc '
        + crc32(new Uint8Array(buffer)).toString(16));
  }
  return lines;
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', line => {
  let lines;
  try {
    lines = transcript(JSON.parse(line));
  } catch (e) {
    lines = ['harness error: ' + (e && e.stack || e)];
  }
  process.stdout.write(JSON.stringify({ lines }) + '\n');
});
