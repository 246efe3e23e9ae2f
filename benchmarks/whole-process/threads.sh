#!/usr/bin/env bash
# Where a whole `wasmj run` spends its CPU, per thread (issue 9): the guest's thread (the one
# that runs Java's `main`, named `java`), HotSpot's C2 and C1 compiler threads, our class
# generator (`wasmj-compiler`), GC and VM threads, the rest. Each run's threads are sampled from
# /proc/PID/task/*/stat every 0.2 s (a thread's last 0.2 s before the process ends are missed);
# variants alternate, their order rotating each round, so that a busy machine's load falls on
# all of them alike. On a shared 2-core machine wall time is mostly waiting for a core: compare
# CPU, and the guest thread's.
# Each run must exit 0 (Yosys: and leave a stat.txt); `run.sh --check` compares outputs with Node.
#
# usage: benchmarks/whole-process/threads.sh [options] NAME=SPEC...
#   NAME=SPEC       a variant, as run.sh's --variant: `wasmj run` options, optionally preceded by
#                   VAR=value settings (WASMJ_JAVA_OPTS, or WASMJ=PATH for another checkout's
#                   launcher), e.g.  before=WASMJ=../base/wasmj  after=''
#                   "c2x2=WASMJ_JAVA_OPTS='-XX:CICompilerCount=3'"
#   --programs LIST  comma-separated, from: fib bz2 pulldown-cmark spidermonkey yosys (default: yosys)
#   --rounds N       rounds (default 3)
# Output: one line per run, then per program and variant the medians over the rounds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fetch=1
# shellcheck source=programs.sh
. "$here/programs.sh"

programs=(yosys)
rounds=3
variant_names=()
variant_specs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --programs) IFS=, read -r -a programs <<< "$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "threads.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *=*) variant_names+=("${1%%=*}"); variant_specs+=("${1#*=}"); shift ;;
    *) echo "threads.sh: a variant is NAME=SPEC, got $1" >&2; exit 2 ;;
  esac
done
if [ ${#variant_names[@]} -eq 0 ]; then
  variant_names=(default); variant_specs=("")
fi
groups=(guest C2 C1 generator gc_vm other)

# measure DIR: runs cmd in DIR; prints "exit wall process guest C2 C1 generator gc_vm other" (s).
measure() {
  local -A ticks=() names=()
  local start end pid rc t s tid rest n
  start=$(date +%s%N)
  (cd "$1" && exec "${cmd[@]}" < /dev/null > stdout 2> stderr) &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for t in /proc/"$pid"/task/*; do
      read -r s 2>/dev/null < "$t/stat" || continue
      tid=${t##*/}; n=${s#*(}; n=${n%)*}; rest=${s##*) }
      read -r -a f <<< "$rest"
      ticks[$tid]=$((f[11] + f[12])); names[$tid]=$n # utime + stime
    done
    sleep 0.2
  done
  rc=0; wait "$pid" || rc=$?
  end=$(date +%s%N)
  local -A sum=()
  local g total=0
  for tid in "${!ticks[@]}"; do
    case "${names[$tid]}" in
      java|main) g=guest ;; "C2 CompilerThre") g=C2 ;; "C1 CompilerThre") g=C1 ;;
      wasmj-compiler) g=generator ;; G1*|GC*|"VM Thread") g=gc_vm ;; *) g=other ;;
    esac
    sum[$g]=$(( ${sum[$g]:-0} + ticks[$tid] )); total=$((total + ticks[$tid]))
  done
  local hz; hz=$(getconf CLK_TCK)
  printf '%s %s' "$rc" "$(awk -v n=$((end - start)) 'BEGIN { printf "%.2f", n / 1e9 }')"
  for g in process "${groups[@]}"; do
    local v=${sum[$g]:-0}; [ "$g" = process ] && v=$total
    printf ' %s' "$(awk -v t="$v" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')"
  done
  echo
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
n=${#variant_names[@]}
for p in "${programs[@]}"; do
  program "$p" || continue
  echo "== $p: per run, seconds: wall, process CPU = guest + C2 + C1 + generator + gc_vm + other"
  for ((r = 0; r < rounds; r++)); do
    for ((i = 0; i < n; i++)); do
      v=$(( (i + r) % n ))
      wasmj_command "${variant_specs[$v]}" "$root/wasmj"
      workdir "$tmp/work"
      load=$(cut -d' ' -f1 /proc/loadavg)
      read -r rc wall cpu guest c2 c1 gen gc other <<< "$(measure "$tmp/work")"
      if [ "$rc" != 0 ] || { [ "$p" = yosys ] && [ ! -s "$tmp/work/stat.txt" ]; }; then
        echo "FAILED: $p, ${variant_names[$v]}: exit $rc (stderr: $(head -c 300 "$tmp/work/stderr"))" >&2
        failed=1
      fi
      echo "$p ${variant_names[$v]} round $((r + 1)) load $load: wall $wall process $cpu guest $guest C2 $c2 C1 $c1 generator $gen gc_vm $gc other $other"
      echo "$p ${variant_names[$v]} $wall $cpu $guest $c2 $c1 $gen $gc $other" >> "$tmp/runs"
    done
  done
done
if [ -s "$tmp/runs" ]; then
  echo "== medians over $rounds rounds (load at the end $(cut -d' ' -f1-3 /proc/loadavg)):"
  awk '
    { k = $1 " " $2; if (!(k in count)) order[++keys] = k; count[k]++
      for (c = 3; c <= NF; c++) v[k, c, count[k]] = $c; width = NF }
    function median(k, c,   n, i, j, a, t) {
      n = count[k]; for (i = 1; i <= n; i++) a[i] = v[k, c, i]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END { for (i = 1; i <= keys; i++) { k = order[i]
      printf "%s: wall %.2f process %.2f guest %.2f C2 %.2f C1 %.2f generator %.2f gc_vm %.2f other %.2f\n", k,
        median(k, 3), median(k, 4), median(k, 5), median(k, 6), median(k, 7), median(k, 8), median(k, 9), median(k, 10) } }
  ' "$tmp/runs"
fi
exit $failed
