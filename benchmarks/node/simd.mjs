// SimdBenchmark's kernels on Node's V8, for context: examples/simd's programs, each build
// (simd: -msimd128, scalar: without), one run(1) call per operation, checked after every call.
// As run.mjs: each iteration calls for --time seconds and reports the mean time of a call, only
// the call being timed; the report is the median over the measured iterations (min–max).
//
//   node benchmarks/node/simd.mjs                 5 warm-up + 10 iterations of 2 s per kernel and build
//   node benchmarks/node/simd.mjs --short         1 warm-up + 3 iterations of 1 s
//   ... --cpu                                      the process's CPU time per call instead of the
//                                                  call's wall time: on a loaded machine, beside
//                                                  the JVM drivers' thread CPU (SimdPairs)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '..', '..', 'examples', 'simd');
const short = process.argv.includes('--short');
const options = short ? { warmup: 1, iterations: 3, time: 1 } : { warmup: 5, iterations: 10, time: 2 };
const cpu = process.argv.includes('--cpu');
// The hash run(1) returns, the same for both builds (SimdBenchmark.Kernel).
const KERNELS = { BLUR: ['blur', 0x63cf80ff], MATMUL: ['matmul', 0x3e5e4b25], HISTOGRAM: ['histogram', 0xd8f0206c] };

function iteration(run, expected, seconds) {
  let timed = 0;
  let calls = 0;
  const end = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  do {
    const t0 = performance.now();
    const r = run(1);
    timed += performance.now() - t0;
    calls++;
    if ((r >>> 0) !== expected) throw new Error(`run(1) = ${(r >>> 0).toString(16)}, expected ${expected.toString(16)}`);
  } while (performance.now() < end);
  if (cpu) {
    const used = process.cpuUsage(cpu0); // microseconds, the whole loop's (its checks are a few ns)
    return (used.user + used.system) / 1000 / calls;
  }
  return timed / calls;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

console.log(`| kernel | build | Node ms/op${cpu ? ' (process CPU)' : ''} |`);
console.log('|---|---|---:|');
for (const [name, [program, expected]] of Object.entries(KERNELS)) {
  for (const build of ['simd', 'scalar']) {
    const module = new WebAssembly.Module(readFileSync(path.join(dir, `${program}.${build}.wasm`)));
    const imports = {};
    for (const i of WebAssembly.Module.imports(module)) { // stubs returning 0, as the JVM runs use
      (imports[i.module] ??= {})[i.name] = () => 0;
    }
    const run = new WebAssembly.Instance(module, imports).exports.run;
    for (let i = 0; i < options.warmup; i++) iteration(run, expected, options.time);
    const ms = [];
    for (let i = 0; i < options.iterations; i++) ms.push(iteration(run, expected, options.time));
    console.log(`| ${name} | ${build} | ${median(ms).toFixed(3)} (${Math.min(...ms).toFixed(3)}–${Math.max(...ms).toFixed(3)}) |`);
  }
}
