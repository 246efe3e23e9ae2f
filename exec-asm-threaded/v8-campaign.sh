#!/usr/bin/env bash
# A long V8 differential campaign, outside Maven so that it holds no build slot for hours:
#   exec-asm-threaded/v8-campaign.sh COUNT SEED [FAILURE_DIR [MAX_FAILURES]]
# Compiles the tests, runs V8DifferentialTest.main on a copy of the classes (so that rebuilding
# the work tree meanwhile changes nothing) under `nice -n 15`, and keeps each disagreeing module in
# FAILURE_DIR (default target/v8-campaign). Needs node and binaryen's wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile -pl exec-asm-threaded -am
snapshot=$(mktemp -d -t wasmj-v8-campaign.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp=""
for m in wasm-parser wasm-validator ir-register exec-api exec-switch exec-asm-threaded; do
  cp -r "$m/target/classes" "$snapshot/$m"
  cp="$cp:$snapshot/$m"
done
cp -r exec-asm-threaded/target/test-classes "$snapshot/tests"
version=$(sed -n 's:.*<asm.version>\(.*\)</asm.version>.*:\1:p' pom.xml)
asm=""
for a in asm asm-tree asm-analysis asm-util; do
  asm="$asm:$HOME/.m2/repository/org/ow2/asm/$a/$version/$a-$version.jar"
done
nice -n 15 java -cp "$snapshot/tests$cp$asm" org.wasmj.exec.asm.V8DifferentialTest "$@"
