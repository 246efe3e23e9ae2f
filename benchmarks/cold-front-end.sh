#!/usr/bin/env bash
# Runs org.wasmj.bench.ColdFrontEnd (a big module's compile, or its lazy translation's walk, once
# in a fresh JVM) with a launcher's exact JVM command: its class path (the probe's class appended,
# which its class-data archive allows), JVM options and archive, as `wasmj run` would start.
#   benchmarks/cold-front-end.sh LAUNCHER compile|walk FILE
# e.g. benchmarks/cold-front-end.sh /work/wt-base19/wasmj compile benchmarks/.cache/yosys-0.55.944/yosys.wasm
# The launcher's command is read from its own trace (bash -x of `LAUNCHER --version`); the probe's
# class comes from this worktree's benchmarks/target/classes (mvn -B -o -q package -DskipTests).
set -euo pipefail
launcher="$1"
shift
here="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
mkdir -p "$probe/org/wasmj/bench"
cp "$here"/target/classes/org/wasmj/bench/ColdFrontEnd*.class "$probe/org/wasmj/bench/"
line="$(bash -x "$launcher" --version 2>&1 >/dev/null | grep '^+ exec ' | tail -1)"
line="${line#+ exec }"
eval "command=($line)"
n=${#command[@]}
# ... -cp CLASSPATH org.wasmj.cli.Main --version: the last four words
command[n-3]="${command[n-3]}:$probe"
command[n-2]=org.wasmj.bench.ColdFrontEnd
unset 'command[n-1]'
"${command[@]}" "$@"
