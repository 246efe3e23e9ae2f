# Sourced by run.sh and threads.sh: the programs they run and how a column's command line is
# made. The sourcing script sets here (this directory), root (the repository) and fetch (0: skip
# Yosys when it is not in benchmarks/.cache, 1: fetch it).
resources="$root/cli/src/test/resources/real-programs"
corpus="${BENCH_WASM:-$root/../shared/bench-wasm}/wasmi-benchmarks/wasm"
all_programs=(fib bz2 pulldown-cmark spidermonkey yosys)

# program NAME sets: flags (wasmj run options shared with node-run.mjs), wasm, args (the guest's),
# inputs (SOURCE:NAME files copied into the working directory); returns 1 (with a message) when
# the program is not available here.
program() {
  flags=(); args=(); inputs=()
  case "$1" in
    fib)
      wasm="$root/examples/fib.wasm"; flags=(--invoke fib); args=(30) ;;
    bz2|pulldown-cmark|spidermonkey)
      # as cli's RealProgramsTest runs them: WASI commands in a directory with their input
      wasm="$corpus/$1.wasm"; flags=(--dir . --default-values-unknown-imports)
      [ "$1" = pulldown-cmark ] && inputs=("$resources/pulldown-cmark.input.md:default.input.md")
      [ "$1" = spidermonkey ] && inputs=("$resources/spidermonkey.input.js:default.input")
      if [ ! -f "$wasm" ]; then
        echo "== $1: skipped, $wasm not found (the corpus ../shared/bench-wasm, or set BENCH_WASM)" >&2
        return 1
      fi ;;
    yosys)
      # Yosys synthesizes a small ALU (yosys/alu.v) into gates: parse, elaborate, optimize,
      # techmap, ABC; the cell statistics go to stat.txt (Yosys' own log goes to ABC's scratch
      # file once ABC has run, on every runtime: its dup() of stdout fails under WASI).
      local cache
      if ! cache="$("$here/fetch.sh" --cached)"; then
        if [ "$fetch" = 0 ]; then
          echo "== yosys: skipped, not in benchmarks/.cache (fetch it with benchmarks/whole-process/fetch.sh, 9 MB from npm)" >&2
          return 1
        fi
        cache="$("$here/fetch.sh")"
      fi
      wasm="$cache/yosys.wasm"
      flags=(--dir . --dir "$cache/share::share" --env TMPDIR=.)
      args=(-q -p "read_verilog alu.v; synth -top top; tee -q -o stat.txt stat")
      inputs=("$here/yosys/alu.v:alu.v") ;;
    *) echo "${0##*/}: unknown program $1 (known: ${all_programs[*]})" >&2; exit 2 ;;
  esac
}

# wasmj_command SPEC LAUNCHER... sets cmd (an array) to run the current program with `wasmj run`:
# SPEC is `wasmj run` options, optionally preceded by VAR=value settings of the environment, quoted
# as in bash; a setting WASMJ=PATH runs that launcher (another checkout's) instead of LAUNCHER.
wasmj_command() {
  local words=() envs=() options=() launcher=("${@:2}")
  eval "words=($1)"
  local w seen_option=0
  for w in "${words[@]}"; do
    if [ "$seen_option" = 0 ] && [[ "$w" =~ ^WASMJ= ]]; then
      read -r -a launcher <<< "${w#WASMJ=}"
    elif [ "$seen_option" = 0 ] && [[ "$w" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then
      envs+=("$w")
    else
      seen_option=1; options+=("$w")
    fi
  done
  cmd=()
  [ ${#envs[@]} -gt 0 ] && cmd=(env "${envs[@]}")
  cmd+=("${launcher[@]}" run "${options[@]}" "${flags[@]}" "$wasm" "${args[@]}")
}

# A fresh working directory with the program's inputs.
workdir() {
  rm -rf "$1"; mkdir -p "$1"
  local i
  for i in "${inputs[@]}"; do cp "${i%%:*}" "$1/${i#*:}"; done
}
