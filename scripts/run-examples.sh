#!/usr/bin/env bash
# The main job: sets up the machine, builds tconv, compiles the example models
# in examples/ to kernels with tconv-compile and runs them against the
# reference implementation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TCONV_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
"$root/scripts/build.sh"
"$build/bin/run-examples"
