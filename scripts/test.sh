#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test (ctest runs lit and gtest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
"$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
