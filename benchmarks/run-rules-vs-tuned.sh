#!/usr/bin/env bash
# Runs the suite twice on this machine: built with the rules, then tuned
# (tconv-tune benchmarks/shapes.mlir into a database the suite is rebuilt
# with), and leaves the build with the rules again. Only meaningful on an
# otherwise idle machine.
#
#   benchmarks/run-rules-vs-tuned.sh [OUT_DIR]     (default build/benchmarks/rules-vs-tuned)
#
# Environment: TCONV_BUILD_DIR (default build/), TCONV_TUNE_BUDGET (seconds
# per kernel, default 10), and run.sh's (TCONV_BENCH_REPETITIONS, default 3
# here; TCONV_BENCH_MIN_TIME, default 0.1 here). OUT_DIR receives cpu.txt,
# peak.txt, rules.md and rules/*.json, tune.log (with the tuning time),
# tuned.json, tuned.md and tuned/*.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_BUILD_DIR:-$root/build}
out=${1:-$build/benchmarks/rules-vs-tuned}
budget=${TCONV_TUNE_BUDGET:-10}
export TCONV_BUILD_DIR=$build TCONV_BENCH_AUTOSCHEDULERS=
export TCONV_BENCH_REPETITIONS=${TCONV_BENCH_REPETITIONS:-3}
export TCONV_BENCH_MIN_TIME=${TCONV_BENCH_MIN_TIME:-0.1}
mkdir -p "$out"

{ lscpu | grep -E "Model name|^CPU\(s\)|Flags" | cut -c1-400; uptime; } > "$out/cpu.txt"
cmake "$build" -DTCONV_BENCH_TUNING_DB= -DTCONV_BENCH_AUTOSCHEDULERS= >/dev/null
ninja -C "$build" tconv-bench tconv-fma-peak tconv-tune >&2
"$build/bin/tconv-fma-peak" "$(nproc)" > "$out/peak.txt"

TCONV_BENCH_OUT=$out/rules "$root/benchmarks/run.sh" > "$out/rules.md"

start=$(date +%s)
"$build/bin/tconv-tune" "$root/benchmarks/shapes.mlir" --budget="$budget" \
  -o "$out/tuned.json" > "$out/tune.log" 2>&1
echo "tconv-tune seconds: $(( $(date +%s) - start ))" >> "$out/tune.log"

cmake "$build" -DTCONV_BENCH_TUNING_DB="$out/tuned.json" >/dev/null
status=0
TCONV_BENCH_OUT=$out/tuned "$root/benchmarks/run.sh" > "$out/tuned.md" || status=$?
cmake "$build" -DTCONV_BENCH_TUNING_DB= >/dev/null
ninja -C "$build" tconv-bench >&2
grep -h "geometric mean" "$out/rules.md" "$out/tuned.md"
exit "$status"
