// The Markdown tables of run.sh: one row per program, one column per hyperfine command (the wasmj
// columns, then Node), each cell the median wall-clock time over the runs with the fastest and
// slowest run in brackets, and for wasmj the ratio of its median to Node's (× > 1: slower); then
// the CPU time (user + system, mean over the runs), which other processes on the machine disturb
// less than the wall-clock time, though it adds up every thread (JIT compilers, GC, V8's tiers).
// usage: node table.mjs <dir with PROGRAM.json files from hyperfine --export-json> PROGRAM...
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...programs] = process.argv.slice(2);
const rows = programs.map((p) => ({
  program: p,
  results: JSON.parse(readFileSync(join(dir, `${p}.json`), 'utf8')).results,
}));
const columns = [];
for (const row of rows) {
  for (const r of row.results) if (!columns.includes(r.command)) columns.push(r.command);
}
// Node last, whatever order it ran in
columns.sort((a, b) => (a === 'node') - (b === 'node'));

const sig = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
function time(r) {
  const [scale, unit] = r.median >= 1 ? [1, 's'] : [1000, 'ms'];
  return `${sig(r.median * scale)} ${unit} (${sig(r.min * scale)}–${sig(r.max * scale)})`;
}

function cpu(r) {
  const t = r.user + r.system;
  return t >= 1 ? `${sig(t)} s` : `${sig(t * 1000)} ms`;
}

const header = columns.map((c) => (c === 'node' ? 'Node 20' : `\`${c}\``));
function table(first, cell, ratio) {
  const lines = [`| ${first} | ${header.join(' | ')} | runs |`,
    `|---|${'---:|'.repeat(columns.length)}---:|`];
  for (const row of rows) {
    const node = row.results.find((r) => r.command === 'node');
    const cells = columns.map((c) => {
      const r = row.results.find((x) => x.command === c);
      if (!r) return '';
      if (c === 'node' || !node) return cell(r);
      return `${cell(r)} **${(ratio(r) / ratio(node)).toFixed(1)}×**`;
    });
    const runs = [...new Set(row.results.map((r) => r.times.length))].sort((a, b) => a - b);
    const n = runs.length > 1 ? `${runs[0]}–${runs.at(-1)}` : runs[0];
    lines.push(`| ${row.program} | ${cells.join(' | ')} | ${n} |`);
  }
  return lines.join('\n');
}
console.log(table('program', time, (r) => r.median));
console.log();
console.log(table('CPU time (user + system, mean)', cpu, (r) => r.user + r.system));
