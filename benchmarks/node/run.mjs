// The execution workloads of ExecuteBenchmark and CoreMarkBenchmark on Node's V8, for context:
// the same modules, invocations and checks, with plain WebAssembly.instantiate.
//
//   node benchmarks/node/run.mjs                         all workloads, then CoreMark
//   node benchmarks/node/run.mjs FIB MATRIX_MUL          some workloads
//   node benchmarks/node/run.mjs --short                 1 warm-up + 3 iterations of 1 s, 1 CoreMark call
//   node benchmarks/node/run.mjs --no-coremark --bench-wasm ../shared/bench-wasm
//
// Like JMH's AverageTime mode: each iteration calls the workload until --time seconds have
// passed and reports the mean time of a call, only the call being timed; the answer is checked
// after every call (untimed), and a wrong one stops the script. Setup (instantiate, setup(n)) is
// untimed. The report is the median over the measured iterations, with their min and max, as
// benchmarks' Report prints for the JVM runtimes. CoreMark: env.clock_ms is milliseconds since its
// first call (performance.now()); one warm-up call, then --coremark-calls calls, the score of each.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

const options = {
  benchWasm: process.env.WASMJ_BENCHWASM ?? path.resolve(repo, '..', 'shared', 'bench-wasm'),
  warmup: 5,
  iterations: 10,
  time: 2,
  coremark: true,
  coremarkCalls: 3,
  workloads: [],
};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--bench-wasm') options.benchWasm = args[++i];
  else if (a === '--warmup') options.warmup = Number(args[++i]);
  else if (a === '--iterations') options.iterations = Number(args[++i]);
  else if (a === '--time') options.time = Number(args[++i]);
  else if (a === '--coremark-calls') options.coremarkCalls = Number(args[++i]);
  else if (a === '--no-coremark') options.coremark = false;
  else if (a === '--coremark-only') options.workloads = ['none'];
  else if (a === '--short') Object.assign(options, { warmup: 1, iterations: 3, time: 1, coremarkCalls: 1 });
  else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
  else options.workloads.push(a);
}

function load(file) {
  const full = file.startsWith('examples/')
    ? path.join(repo, file)
    : path.join(options.benchWasm, file);
  return readFileSync(full);
}

function check(what, actual, expected) {
  if (actual !== expected) throw new Error(`${what} = ${actual}, expected ${expected}`);
}

// examples/xorshift.wat's run(n), in JS (Workload.xorshiftChecksum in Java).
function xorshiftChecksum(n) {
  const ring = new Int32Array(1024);
  let x = 0x92d68ca2 | 0;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    ring[i & 1023] = x;
    acc = (((acc << 5) | (acc >>> 27)) ^ ring[(i * 7) & 1023]) + x | 0;
  }
  return acc;
}

// Each workload: its module, and start(exports) -> { run(), verify(), close() }.
function rust(exports, data, verify) {
  return {
    run: () => exports.run(data),
    verify,
    close: () => exports.teardown(data),
  };
}

const WORKLOADS = {
  FIB: {
    file: 'examples/fib.wasm',
    start: (e) => {
      let last;
      return { run: () => (last = e.fib(30)), verify: () => check('fib(30)', last, 832040), close() {} };
    },
  },
  LOOP: {
    file: 'examples/xorshift.wasm',
    start: (e) => {
      const n = 2_000_000;
      const expected = xorshiftChecksum(n);
      let last;
      return { run: () => (last = e.run(n)), verify: () => check(`xorshift(${n})`, last, expected), close() {} };
    },
  },
  PRIME_SIEVE: {
    file: 'wasmi-benchmarks/rust/prime-sieve.wasm',
    start: (e) => {
      const data = e.setup(1_000_000n);
      return rust(e, data, () => {
        check('len_primes', e.len_primes(data), 78_498n);
        check('largest_prime', e.largest_prime(data), 999_983n);
      });
    },
  },
  MATRIX_MUL: {
    file: 'wasmi-benchmarks/rust/matrix-mul.wasm',
    start: (e) => {
      const data = e.setup(200);
      return rust(e, data, () => check('matrix-mul output', e.output(data), 2087990.25));
    },
  },
  ARGON2: {
    file: 'wasmi-benchmarks/rust/argon2.wasm',
    start: (e) => {
      const data = e.setup(3000);
      return rust(e, data, () => check('argon2 output', BigInt.asUintN(64, e.output(data)), 0x76318FB48BBA1258n));
    },
  },
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(v) {
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  return v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

// One iteration: calls until `seconds` have passed; the mean time of a call in ms.
function iteration(w, seconds) {
  let timed = 0;
  let calls = 0;
  const end = performance.now() + seconds * 1000;
  do {
    const t0 = performance.now();
    w.run();
    timed += performance.now() - t0;
    calls++;
    w.verify();
  } while (performance.now() < end);
  return timed / calls;
}

async function execute(name) {
  const spec = WORKLOADS[name];
  if (!spec) throw new Error(`unknown workload ${name} (expected ${Object.keys(WORKLOADS).join(', ')})`);
  const { instance } = await WebAssembly.instantiate(load(spec.file), {});
  const w = spec.start(instance.exports);
  w.run(); // a wrong answer fails here, before anything is timed
  w.verify();
  for (let i = 0; i < options.warmup; i++) {
    const ms = iteration(w, options.time);
    console.error(`# ${name} warm-up ${i + 1}: ${ms.toFixed(3)} ms/op`);
  }
  const ms = [];
  for (let i = 0; i < options.iterations; i++) {
    ms.push(iteration(w, options.time));
    console.error(`# ${name} iteration ${i + 1}: ${ms[i].toFixed(3)} ms/op`);
  }
  w.close();
  return { what: name, unit: 'ms/op', values: ms };
}

async function coremark() {
  let origin = -1;
  const clock_ms = () => {
    const now = performance.now();
    if (origin < 0) origin = now;
    return Math.floor(now - origin) | 0;
  };
  const { instance } = await WebAssembly.instantiate(load('wasmi-benchmarks/wasm/coremark.wasm'),
    { env: { clock_ms } });
  const call = () => {
    const score = instance.exports.run();
    if (!(score > 0) || !Number.isFinite(score)) {
      throw new Error(`CoreMark score = ${score}, expected a positive number`);
    }
    return score;
  };
  console.error(`# CoreMark warm-up: ${call().toFixed(1)}`);
  const scores = [];
  for (let i = 0; i < options.coremarkCalls; i++) {
    scores.push(call());
    console.error(`# CoreMark call ${i + 1}: ${scores[i].toFixed(1)}`);
  }
  return { what: 'COREMARK', unit: 'score', values: scores };
}

const names = options.workloads.length ? options.workloads.filter((n) => n !== 'none') : Object.keys(WORKLOADS);
const results = [];
for (const name of names) results.push(await execute(name));
if (options.coremark) results.push(await coremark());

console.log(`Node ${process.version} (V8 ${process.versions.v8}); ${options.warmup} warm-up + `
  + `${options.iterations} iterations of ${options.time} s; CoreMark 1 + ${options.coremarkCalls} calls`);
console.log('');
console.log('| what | node median (min–max) | unit | n |');
console.log('|---|---:|---|---:|');
for (const r of results) {
  console.log(`| ${r.what} | ${fmt(median(r.values))} (${fmt(Math.min(...r.values))}–${fmt(Math.max(...r.values))}) | ${r.unit} | ${r.values.length} |`);
}
console.log('');
console.log(JSON.stringify({ node: process.version, results }));
