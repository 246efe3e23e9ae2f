#!/bin/sh
# Builds the SIMD example programs twice with Debian's clang for wasm32-wasi: NAME.simd.wasm at
# -O3 -msimd128 (clang vectorizes the loops into 128-bit SIMD) and NAME.scalar.wasm at -O3
# without SIMD. Installs the compiler, linker, WASI libc and wasm32 runtime if missing (Debian).
# The .wasm files are committed beside their sources, with what Node prints running them
# (NAME.stdout, the same for both builds); rerun this after changing a source.
set -eu
cd "$(dirname "$0")"
if ! command -v clang >/dev/null || ! command -v wasm-ld >/dev/null \
    || [ ! -f /usr/lib/wasm32-wasi/libc.a ] \
    || ! ls /usr/lib/llvm-14/lib/clang/14*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang lld wasi-libc libclang-rt-14-dev-wasm32
fi
for c in *.c; do
  name="${c%.c}"
  clang --target=wasm32-wasi -O3 -msimd128 -Wall -o "$name.simd.wasm" "$c"
  clang --target=wasm32-wasi -O3 -Wall -o "$name.scalar.wasm" "$c"
  echo "$name: $(wc -c < "$name.simd.wasm") bytes with SIMD, $(wc -c < "$name.scalar.wasm") without"
  node --no-warnings node-wasi.mjs "$name.simd.wasm" > "$name.stdout"
  node --no-warnings node-wasi.mjs "$name.scalar.wasm" | cmp - "$name.stdout"
done
