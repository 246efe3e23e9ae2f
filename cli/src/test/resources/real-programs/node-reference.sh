#!/usr/bin/env bash
# Regenerates the Node 20 reference outputs the real-program tests compare wasmj with:
# for each program, <name>.stdout, <name>.stderr and <name>.exit from node:wasi on the same input
# (pulldown-cmark reads ./default.input.md; bz2 reads nothing; spidermonkey.wasm, as built in
# the corpus, reads no input file: it opens only dev/urandom and prints nothing).
# usage: cli/src/test/resources/real-programs/node-reference.sh [../shared/bench-wasm]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${1:-$here/../../../../../../shared/bench-wasm}/wasmi-benchmarks/wasm"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for name in bz2 pulldown-cmark spidermonkey; do
  rm -f "$work"/*
  [ "$name" = pulldown-cmark ] && cp "$here/pulldown-cmark.input.md" "$work/default.input.md"
  [ "$name" = spidermonkey ] && cp "$here/spidermonkey.input.js" "$work/default.input"
  set +e
  (cd "$work" && node --no-warnings "$here/node-wasi.mjs" "$corpus/$name.wasm" \
      > "$here/$name.stdout" 2> "$here/$name.stderr")
  echo $? > "$here/$name.exit"
  set -e
  echo "$name: exit $(cat "$here/$name.exit"), $(wc -c < "$here/$name.stdout") bytes stdout, $(wc -c < "$here/$name.stderr") bytes stderr"
done
