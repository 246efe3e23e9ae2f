#!/usr/bin/env bash
# Fetches binaryen.js (npm `binaryen`, version 132) into ~/.cache/wasmj/binaryen-js-132, where
# V8DifferentialTest looks for it: its --denan clears NaNs out of v128 lanes too, which Debian's
# binaryen 108 does not, so with it the V8 oracle's modules use SIMD. Without it they do not (and
# the test says so). About 100 MB; nothing is fetched when it is there already.
set -euo pipefail
version=132.0.0
cache="${XDG_CACHE_HOME:-$HOME/.cache}/wasmj/binaryen-js-132"
if [ -f "$cache/node_modules/binaryen/index.js" ]; then
  exit 0
fi
mkdir -p "$cache"
npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error \
  "binaryen@$version" >/dev/null
test -f "$cache/node_modules/binaryen/index.js"
