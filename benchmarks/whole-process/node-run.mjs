// `wasmj run` for Node 20: runs a module the way `wasmj run` does, with the same options, so
// run.sh can give both runtimes one argument list. A WASI preview1 command runs `_start` under
// node:wasi; with --invoke, the export NAME is called with the (integer) arguments and each result
// printed on its own line. The guest gets argv = [file, args...], only the --env variables and
// only the --dir preopens, as with wasmj.
// usage: node --no-warnings node-run.mjs [--dir HOST[::GUEST]]... [--env KEY=VALUE]...
//            [--default-values-unknown-imports] [--invoke NAME] <file.wasm> [args...]
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
const preopens = {};
const env = {};
let invoke = null;
let defaultValues = false;
while (argv.length > 0 && argv[0].startsWith('--')) {
  const option = argv.shift();
  if (option === '--default-values-unknown-imports') {
    defaultValues = true;
    continue;
  }
  const value = argv.shift();
  if (value === undefined) throw new Error(`${option} needs a value`);
  if (option === '--dir') {
    const sep = value.indexOf('::');
    preopens[sep < 0 ? value : value.slice(sep + 2)] = sep < 0 ? value : value.slice(0, sep);
  } else if (option === '--env') {
    const eq = value.indexOf('=');
    if (eq < 0) throw new Error(`--env takes KEY=VALUE here, got '${value}'`);
    env[value.slice(0, eq)] = value.slice(eq + 1);
  } else if (option === '--invoke') {
    invoke = value;
  } else {
    throw new Error(`unknown option ${option}`);
  }
}
const [file, ...args] = argv;
if (file === undefined) throw new Error('no module given');

const wasi = new WASI({ version: 'preview1', args: invoke === null ? [file, ...args] : [file],
  env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(file));
const imports = { ...wasi.getImportObject() };
if (defaultValues) {
  // as `wasmj run --default-values-unknown-imports`: every function import nothing defines
  // returns zeros (the corpus' imports that WASI does not define return nothing or an i32)
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module !== 'wasi_snapshot_preview1' && imp.kind === 'function') {
      imports[imp.module] ??= {};
      imports[imp.module][imp.name] = () => 0;
    }
  }
}
const instance = await WebAssembly.instantiate(module, imports);
if (invoke === null) {
  process.exitCode = wasi.start(instance);
} else {
  if (instance.exports._initialize) wasi.initialize(instance);
  const f = instance.exports[invoke];
  if (typeof f !== 'function') throw new Error(`no exported function '${invoke}'`);
  let results;
  try {
    results = f(...args.map(Number));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    results = f(...args.map(BigInt)); // an i64 parameter
  }
  for (const r of Array.isArray(results) ? results : results === undefined ? [] : [results]) {
    console.log(String(r));
  }
}
