#!/usr/bin/env bash
# A long V8 differential campaign, outside Maven so that it holds no build slot for hours:
#   exec-asm-threaded/v8-campaign.sh COUNT SEED [FAILURE_DIR [MAX_FAILURES]]
#   exec-asm-threaded/v8-campaign.sh --check FILE...   (exit status 1 if wasmj and V8 disagree)
# Compiles the tests, runs V8DifferentialTest.main on a copy of the classes (so that rebuilding
# the work tree meanwhile changes nothing) under `nice -n ${NICE:-15}`, and keeps each disagreeing module in
# FAILURE_DIR (default target/v8-campaign). Needs node and binaryen's wasm-opt. The class path of
# the copy is left in exec-asm-threaded/target/v8-campaign.classpath, for wasm-reduce's test
# command (`java -cp "$(cat ...)" org.wasmj.exec.asm.V8DifferentialTest --check t.wasm`).
# JAVA_OPTS goes to java, e.g. JAVA_OPTS='-Dwasmj.v8.keepNaNs=true -Dwasmj.v8.passes=-O3'.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile -pl exec-asm-threaded -am
# A copy of its own for each run, so that a second run (a --check while a campaign goes on) does
# not take classes away from the first; `mvn clean` removes them.
snapshot=exec-asm-threaded/target/v8-campaign-classes-$$
mkdir -p "$snapshot"
cp=""
for m in wasm-parser wasm-validator ir-register exec-api exec-switch exec-asm-threaded; do
  cp -r "$m/target/classes" "$snapshot/$m"
  cp="$cp:$PWD/$snapshot/$m"
done
cp -r exec-asm-threaded/target/test-classes "$snapshot/tests"
version=$(sed -n 's:.*<asm.version>\(.*\)</asm.version>.*:\1:p' pom.xml)
for a in asm asm-tree asm-analysis asm-util; do
  cp="$cp:$HOME/.m2/repository/org/ow2/asm/$a/$version/$a-$version.jar"
done
echo "$PWD/$snapshot/tests$cp" > exec-asm-threaded/target/v8-campaign.classpath
exec nice -n ${NICE:-15} java ${JAVA_OPTS:-} -cp "$PWD/$snapshot/tests$cp" org.wasmj.exec.asm.V8DifferentialTest "$@"
