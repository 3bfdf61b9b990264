#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-22, ASan + UBSan, build-fuzz/) and runs
# each one for SECONDS (default 600) from its seed corpus in test/fuzz/corpus/.
#
#   scripts/fuzz.sh [SECONDS] [--seed=N] [--jobs=N]
#
# scripts/test.sh runs it with 30 seconds per target. The corpus grown by a
# run stays in build-fuzz/corpus/<target>/ (the committed seeds are never
# written); a crash is saved as build-fuzz/artifacts/<target>/crash-* and
# makes the script fail. Reproduce one with
#   build-fuzz/bin/tconv-<target>-fuzzer build-fuzz/artifacts/<target>/crash-...
# and add it to test/fuzz/corpus/<target>/ once fixed (docs/reliability.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=600
seed=1
for arg in "$@"; do
  case "$arg" in
    --seed=*) seed=${arg#--seed=} ;;
    [0-9]*) seconds=$arg ;;
    *) echo "usage: scripts/fuzz.sh [SECONDS] [--seed=N]" >&2; exit 64 ;;
  esac
done

"$root/scripts/setup.sh"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# -O1 -g without NDEBUG: tconv's own asserts stay on.
cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DTCONV_ENABLE_FUZZERS=ON "${launcher[@]}" >/dev/null
ninja -C "$build" tconv-parse-fuzzer tconv-op-builder-fuzzer

# MLIR and LLVM are uninstrumented shared libraries; leak checking stays on.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
for target in parse op-builder; do
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  extra=()
  if [ "$target" = parse ]; then extra=(-dict="$root/fuzz/tconv.dict"); fi
  log=$build/artifacts/$target.log
  echo "fuzz: tconv-$target-fuzzer for ${seconds}s (seed $seed)"
  if "$build/bin/tconv-$target-fuzzer" "$corpus" "$root/test/fuzz/corpus/$target" \
      -max_total_time="$seconds" -seed="$seed" -max_len=4096 -timeout=20 \
      -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "${extra[@]}" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: tconv-$target-fuzzer: ${runs:-?} executions, no crash"
  else
    echo "fuzz: tconv-$target-fuzzer FAILED; log: $log" >&2
    grep -E "ERROR|SUMMARY|invariant|runtime error|Test unit written" "$log" >&2 || tail -40 "$log" >&2
    status=1
  fi
done
exit $status
