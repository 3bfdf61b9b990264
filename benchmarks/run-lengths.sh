#!/usr/bin/env bash
# Builds tconv-bench-lengths (the length sweep: a dynamic-length kernel, one
# static kernel per length, oneDNN's nwc and preferred layouts and from NCL)
# and runs it at 1 thread and at all cores, one JSON per run, then prints the
# tables (benchmarks/sweep_report.py). About 10 minutes on 2 cores.
#
#   benchmarks/run-lengths.sh [extra Google Benchmark flags]
#
# Environment: TCONV_BUILD_DIR (default build/), TCONV_BENCH_OUT (default
# $TCONV_BUILD_DIR/benchmarks/results), TCONV_BENCH_MIN_TIME (default 0.1),
# TCONV_BENCH_REPETITIONS (default 3), TCONV_BENCH_THREADS (default
# "1 $(nproc)").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_BUILD_DIR:-$root/build}
out=${TCONV_BENCH_OUT:-$build/benchmarks/results}
min_time=${TCONV_BENCH_MIN_TIME:-0.1}
repetitions=${TCONV_BENCH_REPETITIONS:-3}
threads=${TCONV_BENCH_THREADS:-1 $(nproc)}

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake "$build" -DTCONV_BENCH_LENGTH_SWEEP=ON >/dev/null
ninja -C "$build" tconv-bench-lengths >&2

mkdir -p "$out"
jsons=()
for t in $threads; do
  json="$out/tconv-bench-lengths-t$t.json"
  echo "== tconv-bench-lengths --threads=$t" >&2
  "$build/bin/tconv-bench-lengths" --threads="$t" \
    --benchmark_min_time="$min_time" \
    --benchmark_repetitions="$repetitions" \
    --benchmark_enable_random_interleaving=true \
    --benchmark_display_aggregates_only=true \
    --benchmark_out="$json" --benchmark_out_format=json "$@" >&2
  jsons+=("$json")
done
python3 "$root/benchmarks/sweep_report.py" "${jsons[@]}"
