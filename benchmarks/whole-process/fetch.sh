#!/usr/bin/env bash
# Fetches the large real program of the time-to-result benchmark into benchmarks/.cache/ (ignored
# by git): Yosys 0.55, the Verilog synthesis suite, a 30 MB wasm32-wasi preview1 command (34,004
# functions, 27.8 MB of code), from the npm package @yowasp/yosys, pinned by version and checksum.
# The package's gen/yosys.core.wasm is the plain WASI command (its other modules are the
# component-model glue of YoWASP's JS runtime, not used here); Yosys' data files (techmap
# libraries) go to share/, which run.sh preopens as /share.
# Needs npm and node (Node also runs the programs beside wasmj). Prints the cache folder.
# usage: benchmarks/whole-process/fetch.sh [--cached]
#   --cached   fetch nothing: print the folder if it is complete, else fail (exit status 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package=@yowasp/yosys
version=0.55.944
tarball_sha1=e75b79d96299f04581001098e2f31d86b5fa272b        # npm's dist.shasum
wasm_sha256=88e18d7bc8e6134614d57927a37757a021b46d1ba8c0bc4c0b6f385f391f5a67
cache="$(cd "$here/.." && pwd)/.cache/yosys-$version"

if [ -f "$cache/.complete" ]; then
  echo "$cache"
  exit 0
fi
[ "${1:-}" = --cached ] && exit 1
for tool in npm node; do
  command -v "$tool" >/dev/null || { echo "fetch.sh: $tool not found (needed to fetch $package)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch.sh: npm pack $package@$version (9 MB) into $cache" >&2
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tgz="$(ls "$work"/*.tgz)"
echo "$tarball_sha1  $tgz" | sha1sum -c --quiet -
tar -xzf "$tgz" -C "$work"
echo "$wasm_sha256  $work/package/gen/yosys.core.wasm" | sha256sum -c --quiet -
rm -rf "$cache"
mkdir -p "$cache"
cp "$work/package/gen/yosys.core.wasm" "$cache/yosys.wasm"
# The data files: gen/resources-yosys.js exports them as a tree of strings (small files) and
# file URLs (the large ones, shipped under gen/share).
node --input-type=module - "$work/package/gen/resources-yosys.js" "$cache" <<'JS'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const [resources, out] = process.argv.slice(2);
const { filesystem } = await import(pathToFileURL(resources));
function write(dir, tree) {
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(tree)) {
    const path = join(dir, name);
    if (typeof value === 'string' || value instanceof Uint8Array) writeFileSync(path, value);
    else if (value instanceof URL) copyFileSync(fileURLToPath(value), path);
    else write(path, value);
  }
}
write(out, filesystem);
JS
[ -f "$cache/share/techmap.v" ] || { echo "fetch.sh: share/techmap.v missing after unpacking" >&2; exit 1; }
cp "$work/package/README.md" "$cache/README-yowasp.md"   # the package's readme, for its license
touch "$cache/.complete"
echo "$cache"
