#!/usr/bin/env bash
# Time to result (issue 9): the whole-process time of `wasmj run` on real programs, beside Node 20
# running the same module with the same arguments (node-run.mjs), measured with hyperfine.
# Before timing, each program runs once in every column and its exit code, stdout, stderr and the
# files it leaves must equal Node's (so a failing run is never timed); the Markdown table at the
# end (median, min–max, ratio to Node) goes into benchmarks/README.md.
#
# usage: benchmarks/whole-process/run.sh [options]
#   --programs LIST      comma-separated, from: fib bz2 pulldown-cmark spidermonkey yosys (default: all)
#   --variant NAME=SPEC  a wasmj column; repeatable, replaces the default columns. SPEC is `wasmj run`
#                        options, optionally preceded by VAR=value settings of the environment
#                        (WASMJ_JAVA_OPTS: extra JVM options), quoted as in bash, e.g.
#                          --variant asm='--executor asm'
#                          --variant "c1=WASMJ_JAVA_OPTS='-XX:TieredStopAtLevel=1 -Xss4m' --executor asm"
#                        a setting WASMJ=PATH runs another checkout's launcher in that column:
#                          --variant before=WASMJ=../base/wasmj --variant after=''
#                        default: default='' (what `wasmj run` does by itself)
#                                 tiered-lazy='--executor tiered --compilation-mode lazy'
#                                 switch-lazy='--executor switch --compilation-mode lazy'
#   --runs N             runs per cell (default: as many as fit in 3 s, at least 3, at most 10)
#   --no-node            no Node column (and no check against Node)
#   --check              no timing: run each program once per column and compare with Node;
#                        exit status 1 if any differs
#   --no-check           time without the checking run first
#   --no-fetch           skip yosys if it is not in benchmarks/.cache (default: fetch.sh fetches it)
#   --out FILE           also write the table to FILE
# Environment: WASMJ     the wasmj command, split at spaces (default: the `wasmj` launcher at the root,
#                        which is built here first if needed, so no build is timed)
#              BENCH_WASM the corpus (default: ../shared/bench-wasm next to the repository)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=programs.sh
. "$here/programs.sh"

programs=("${all_programs[@]}")
variant_names=()
variant_specs=()
runs=""
node_column=1
mode=time
check=1
fetch=1
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --programs) IFS=, read -r -a programs <<< "$2"; shift 2 ;;
    --variant) variant_names+=("${2%%=*}"); variant_specs+=("${2#*=}"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-node) node_column=0; shift ;;
    --check) mode=check; shift ;;
    --no-check) check=0; shift ;;
    --no-fetch) fetch=0; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ${#variant_names[@]} -eq 0 ]; then
  variant_names=(default tiered-lazy switch-lazy)
  variant_specs=("" "--executor tiered --compilation-mode lazy" "--executor switch --compilation-mode lazy")
fi
if [ "$mode" = check ] && [ "$node_column" = 0 ]; then
  echo "run.sh: --check compares with Node: it cannot go with --no-node" >&2; exit 2
fi

# --- tools ---------------------------------------------------------------------------------
if [ "$node_column" = 1 ] && ! command -v node >/dev/null; then
  echo "run.sh: node not found (Node 20 runs the programs beside wasmj; or use --no-node)" >&2; exit 1
fi
if [ "$mode" = time ] && ! command -v hyperfine >/dev/null; then
  echo "== installing hyperfine (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get install -y -q hyperfine >/dev/null 2>&1 \
    || ($sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q hyperfine >/dev/null 2>&1) \
    || { echo "run.sh: could not install hyperfine" >&2; exit 1; }
fi
if [ -n "${WASMJ:-}" ]; then
  read -r -a wasmj <<< "$WASMJ"
else
  wasmj=("$root/wasmj")
  "$root/wasmj" executors >/dev/null   # builds the launcher's jar now if it is missing or stale
  if "$root/wasmj" executors 2>&1 >/dev/null | grep -q building; then
    echo "run.sh: the wasmj launcher rebuilds on every run; its build would be timed" >&2; exit 1
  fi
fi

# --- the programs: programs.sh (program, wasmj_command, workdir) -------------------------

# command_for RUNNER sets cmd (an array) to run the current program in column RUNNER (a variant's
# index, or "node").
command_for() {
  if [ "$1" = node ]; then
    cmd=(node --no-warnings "$here/node-run.mjs" "${flags[@]}" "$wasm" "${args[@]}")
    return
  fi
  wasmj_command "${variant_specs[$1]}" "${wasmj[@]}"
}

# One command line for hyperfine (-N: no shell), each word in single quotes.
quoted() {
  local w q=""
  for w in "$@"; do q+="'${w//\'/\'\\\'\'}' "; done
  printf '%s' "${q% }"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
runners=()
[ "$node_column" = 1 ] && runners=(node)
for ((v = 0; v < ${#variant_names[@]}; v++)); do runners+=("$v"); done
label() { if [ "$1" = node ]; then echo node; else echo "${variant_names[$1]}"; fi; }

# check PROGRAM: runs it once per runner; returns 1 if a wasmj column differs from Node.
check_program() {
  local p="$1" r ok=0 start end
  for r in "${runners[@]}"; do
    local d="$tmp/check/$p/$(label "$r")"
    workdir "$d/work"
    command_for "$r"
    start=$(date +%s%N)
    (cd "$d/work" || exit 1; set +e; "${cmd[@]}" < /dev/null > "$d/stdout" 2> "$d/stderr"; echo $? > "$d/exit")
    end=$(date +%s%N)
    printf '== %s, %s: exit %s, %s bytes stdout, %s bytes stderr, %d ms\n' "$p" "$(label "$r")" \
      "$(cat "$d/exit")" "$(wc -c < "$d/stdout")" "$(wc -c < "$d/stderr")" $(((end - start) / 1000000)) >&2
  done
  [ "$node_column" = 1 ] || return 0
  local n="$tmp/check/$p/node" f
  for r in "${runners[@]}"; do
    [ "$r" = node ] && continue
    local d="$tmp/check/$p/$(label "$r")"
    for f in exit stdout stderr; do
      if ! cmp -s "$n/$f" "$d/$f"; then
        echo "FAILED: $p, $(label "$r"): $f differs from Node's" >&2
        diff "$n/$f" "$d/$f" | head -20 >&2 || true
        ok=1
      fi
    done
    if ! diff -r "$n/work" "$d/work" > "$d/files.diff" 2>&1; then
      echo "FAILED: $p, $(label "$r"): the files left differ from Node's" >&2
      head -20 "$d/files.diff" >&2
      ok=1
    fi
  done
  return $ok
}

failed=0
checked=()
timed=()
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for p in "${programs[@]}"; do
  program "$p" || continue
  if [ "$mode" = check ] || [ "$check" = 1 ]; then
    if check_program "$p"; then
      checked+=("$p")
      [ "$node_column" = 1 ] && echo "== $p: every column gives Node's exit code, output and files" >&2
    else
      failed=1
      continue
    fi
  fi
  [ "$mode" = time ] || continue
  hyperfine_args=(-N --export-json "$tmp/$p.json")
  if [ -n "$runs" ]; then hyperfine_args+=(--runs "$runs"); else hyperfine_args+=(--min-runs 3 --max-runs 10); fi
  for r in "${runners[@]}"; do
    command_for "$r"
    hyperfine_args+=(-n "$(label "$r")" "$(quoted "${cmd[@]}")")
  done
  workdir "$tmp/time/$p"
  echo "== $p: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  (cd "$tmp/time/$p" && hyperfine "${hyperfine_args[@]}" < /dev/null >&2)
  timed+=("$p")
done

if [ "$mode" = check ]; then
  if [ "$failed" = 0 ]; then
    echo "== check: ${#checked[@]} programs (${checked[*]}) give the same result on wasmj as on Node" >&2
  fi
  exit $failed
fi
if [ ${#timed[@]} -gt 0 ]; then
  java_version="$(java -version 2>&1 | head -1 | sed 's/.*version "\(.*\)".*/\1/')"
  # the commit of the wasmj that ran: WASMJ's checkout when it names a launcher in one
  wasmj_dir="$root"
  if [ -n "${WASMJ:-}" ] && [ -e "${wasmj[0]}" ]; then
    wasmj_dir="$(dirname "$(readlink -f "${wasmj[0]}")")"
  fi
  commit="$(git -C "$wasmj_dir" describe --always --dirty 2>/dev/null || echo "(not a git checkout)")"
  table="$(node "$here/table.mjs" "$tmp" "${timed[@]}")

wasmj $commit (${WASMJ:-./wasmj}, JDK $java_version), Node $(node --version), \
$(hyperfine --version); load average at the start ${load_before}, at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "$table"
  [ -n "$out" ] && echo "$table" > "$out"
fi
exit $failed
