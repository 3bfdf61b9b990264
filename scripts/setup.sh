#!/usr/bin/env bash
# Installs every Debian package that tconv's build, tests and benchmarks need.
# Idempotent: apt-get runs only when a package is missing, and prints nothing
# when everything is already there.
set -euo pipefail

packages=(
  # Build toolchain.
  cmake ninja-build g++ ccache
  # LLVM/MLIR 22 (shared libraries, TableGen, lit, FileCheck).
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools
  # What LLVM 22's CMake config looks for.
  libedit-dev libzstd-dev libcurl4-openssl-dev libxml2-dev libffi-dev
  zlib1g-dev libncurses-dev
  # Halide 14 (brings its own LLVM 14).
  libhalide14-0-dev
  # Tests: GoogleTest (and its matchers, gmock), OpenCL on the CPU, PyTorch as
  # a semantics reference.
  libgtest-dev libgmock-dev pocl-opencl-icd ocl-icd-opencl-dev python3-torch python3-numpy
  # ONNX importer (tconv-import-onnx) and its conformance test.
  libonnx-dev libprotobuf-dev protobuf-compiler python3-onnx libonnx-testdata
  # Fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes.
  clang-22 libclang-rt-22-dev
  # Benchmarks: Google Benchmark and oneDNN; matplotlib for benchmarks/plot.py.
  libbenchmark-dev libdnnl-dev python3-matplotlib
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
