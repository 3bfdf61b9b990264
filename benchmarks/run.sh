#!/usr/bin/env bash
# Builds tconv-bench and runs it at 1 thread and at all cores (one process per
# thread count), writes one JSON per run, and prints the Markdown tables.
#
#   benchmarks/run.sh [extra tconv-bench / Google Benchmark flags]
#
# Environment: TCONV_BUILD_DIR (default build/), TCONV_BENCH_OUT (JSON folder,
# default $TCONV_BUILD_DIR/benchmarks/results), TCONV_BENCH_MIN_TIME (seconds
# per repetition of a benchmark, default 0.2), TCONV_BENCH_REPETITIONS (default
# 5, randomly interleaved across benchmarks; the tables show the best
# repetition, `report.py --median <json>...` the median), TCONV_BENCH_THREADS
# (thread counts, default "1 $(nproc)"), TCONV_BENCH_AUTOSCHEDULERS (the
# Halide autoscheduler baselines to build and time, default
# "adams2019;li2018;mullapudi2016"; "" for none), TCONV_BENCH_PEAK (the FMA
# peak per thread count for the tables' "% of peak", e.g. "1=108.3,2=219.2";
# default: measured with tconv-fma-peak before the runs). About 8 minutes on 2 cores
# with the defaults, plus a few minutes to build the autoscheduled kernels once.
# Afterwards: python3 benchmarks/plot.py <json>... draws docs/performance.png.
#
# The numbers are only meaningful on an otherwise idle machine: a busy core
# stalls oneDNN's OpenMP barriers and the tconv kernels' parallel loops alike.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_BUILD_DIR:-$root/build}
out=${TCONV_BENCH_OUT:-$build/benchmarks/results}
min_time=${TCONV_BENCH_MIN_TIME:-0.2}
repetitions=${TCONV_BENCH_REPETITIONS:-5}
all=$(nproc)
threads=${TCONV_BENCH_THREADS:-1 $all}

autoschedulers=${TCONV_BENCH_AUTOSCHEDULERS-adams2019;li2018;mullapudi2016}

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake "$build" -DTCONV_BENCH_AUTOSCHEDULERS="$autoschedulers" >/dev/null
ninja -C "$build" tconv-bench tconv-fma-peak >&2

read -r load1 _ < /proc/loadavg
if awk -v l="$load1" 'BEGIN { exit !(l > 0.5) }'; then
  echo "run.sh: warning: load average $load1; other processes will skew the timings" >&2
fi

# The FMA peak at each thread count: the best of tconv-fma-peak's widths
# (ymm, zmm), "T=GFLOPS" joined by commas.
peak=${TCONV_BENCH_PEAK:-}
if [ -z "$peak" ]; then
  # (Printed through a variable: tee /dev/stderr would reopen, and so
  # truncate, a stderr redirected to a file.)
  peaks=$("$build/bin/tconv-fma-peak" "$all")
  echo "$peaks" >&2
  peak=$(echo "$peaks" |
    awk '/thread\(s\):/ { for (i = 1; i <= NF; ++i) if ($i == "thread(s):") {
           t = $(i - 1); g = $(i + 1); if (g > best[t]) best[t] = g } }
         END { for (t in best) printf "%s%s=%s", (n++ ? "," : ""), t, best[t] }')
fi

mkdir -p "$out"
jsons=()
seen=" "
for t in $threads; do
  case "$seen" in *" $t "*) continue ;; esac
  seen="$seen$t "
  json="$out/tconv-bench-t$t.json"
  echo "== tconv-bench --threads=$t" >&2
  status=0
  "$build/bin/tconv-bench" --threads="$t" --benchmark_min_time="$min_time" \
    --benchmark_repetitions="$repetitions" \
    --benchmark_enable_random_interleaving=true \
    --benchmark_display_aggregates_only=true \
    --benchmark_out="$json" --benchmark_out_format=json "$@" >&2 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "run.sh: tconv-bench --threads=$t exited with ${status} (see errors above)" >&2
  fi
  jsons+=("$json")
done

python3 "$root/benchmarks/report.py" --peak "$peak" "${jsons[@]}"
