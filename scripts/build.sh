#!/usr/bin/env bash
# Configures and builds tconv in ${TCONV_BUILD_DIR:-build} (Release, Ninja,
# ccache when available). Extra arguments go to the CMake configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_BUILD_DIR:-$root/build}

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  "${launcher[@]}" "$@" >/dev/null
ninja -C "$build"
