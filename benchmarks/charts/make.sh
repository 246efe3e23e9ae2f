#!/usr/bin/env bash
# Makes the charts in this folder, which benchmarks/README.md shows: a short ExecuteBenchmark run
# (switch, asm, tiered, Chicory's interpreter and compiler on FIB, LOOP and PRIME_SIEVE; about
# 10 min), whose JMH JSON is kept here as execute.json, then one SVG per pairing of Report's
# (interpreters; compilers), drawn from that JSON by org.wasmj.bench.Charts. No figure is drawn
# by hand.
#
#   benchmarks/charts/make.sh            # run JMH, then draw
#   benchmarks/charts/make.sh --redraw   # only draw again, from the committed execute.json
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="$repo/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$repo" && mvn -B -q -DskipTests package -pl benchmarks -am)
fi
if [ "${1:-}" != "--redraw" ]; then
  # from the repository, so that ../shared/bench-wasm is found
  (cd "$repo" && java -jar "$jar" ExecuteBenchmark -p workload=FIB,LOOP,PRIME_SIEVE \
    -f 1 -wi 3 -i 5 -w 1s -r 1s -rf json -rff "$here/execute.json")
fi
charts=(java -cp "$jar" org.wasmj.bench.Charts)
"${charts[@]}" --title "ExecuteBenchmark, short run: switch beside Chicory's interpreter" \
  --runners " (switch|interpreter)$" "$here/execute.json" "$here/execute-interpreters.svg"
"${charts[@]}" --title "ExecuteBenchmark, short run: asm and tiered beside Chicory's compiler" \
  --runners " (asm|tiered|compiler)$" "$here/execute.json" "$here/execute-compilers.svg"
echo "wrote $here/execute-interpreters.svg and $here/execute-compilers.svg"
