#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test (ctest runs lit and gtest).
#
#   scripts/test.sh              build/ (Release) and its ctest suite
#   scripts/test.sh --sanitize   build-asan/ (ASan + UBSan, -O1 -g, asserts on)
#                                and the same ctest suite
#   scripts/test.sh --fuzz[=S]   both libFuzzer targets, S seconds each
#                                (default 30), through scripts/fuzz.sh
#
# .ci/run runs all three; docs/reliability.md says what each part checks.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=normal
fuzz_seconds=30
for arg in "$@"; do
  case "$arg" in
    --sanitize) mode=sanitize ;;
    --fuzz) mode=fuzz ;;
    --fuzz=*) mode=fuzz; fuzz_seconds=${arg#--fuzz=} ;;
    *) echo "usage: scripts/test.sh [--sanitize | --fuzz[=SECONDS]]" >&2; exit 64 ;;
  esac
done

case "$mode" in
  normal)
    build=${TCONV_BUILD_DIR:-$root/build}
    "$root/scripts/setup.sh"
    "$root/scripts/build.sh"
    ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
    ;;
  sanitize)
    build=${TCONV_ASAN_BUILD_DIR:-$root/build-asan}
    "$root/scripts/setup.sh"
    # Leak checking is off: libHalide's LLVM 14 and the MLIR/LLVM 22 dylibs keep
    # global allocations alive to exit (docs/reliability.md has the evidence).
    # The tconv-compile runs of the build itself run instrumented too.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    # Fewer differential configurations than the normal suite's 200: the
    # instrumented tconv-compile is about 4x slower, and the point here is
    # the instrumented compiler, not more numerics.
    TCONV_BUILD_DIR=$build "$root/scripts/build.sh" -DTCONV_SANITIZE=ON \
      -DTCONV_DIFFERENTIAL_COUNT=60 -DTCONV_DIFFERENTIAL_INVALID_COUNT=60 \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g"
    ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
    ;;
  fuzz)
    exec "$root/scripts/fuzz.sh" "$fuzz_seconds"
    ;;
esac
