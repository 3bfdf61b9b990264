#!/usr/bin/env bash
# Installs a built tconv into a scratch prefix and builds
# examples/standalone-project out of tree against it, as a user would
# (docs/install.md), then runs it. The ctest test install-standalone runs this.
#
#   scripts/check-install.sh <tconv-build-dir> [<scratch-dir>]
#
# <scratch-dir> (default <tconv-build-dir>/install-check) is emptied first; it
# receives prefix/ (the installed tconv) and standalone/ (the example's build).
# Also checks that the installed tconv-opt runs, that the installed Python
# package imports and finds the installed tconv-compile, that the installed C++ API
# links and works from another project (test/install/codegen-api), and that
# find_package(tconv) fails with a clear message when the package's
# tconv-compile is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: scripts/check-install.sh <tconv-build-dir> [<scratch-dir>]" >&2
  exit 64
fi
build=$(cd "$1" && pwd)
scratch=${2:-$build/install-check}
prefix=$scratch/prefix

# A sanitizer build installs an instrumented tconv-compile; it runs during the
# example's build with the options of scripts/test.sh --sanitize.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

case "$scratch" in
  / | "$root" | "$build") echo "refusing to empty $scratch" >&2; exit 64 ;;
esac
rm -rf "$scratch"
mkdir -p "$scratch"

echo "== cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$scratch/install.log"
for f in bin/tconv-compile bin/tconv-opt lib/cmake/tconv/tconvConfig.cmake \
         lib/cmake/tconv/tconvConfigVersion.cmake \
         lib/cmake/tconv/TconvKernelLibrary.cmake \
         include/tconv/Codegen/KernelCompiler.h; do
  [[ -e $prefix/$f ]] || { echo "FAIL: $prefix/$f not installed" >&2; exit 1; }
done

echo "== installed tconv-opt normalizes the example's layers"
normalized=$("$prefix/bin/tconv-opt" "$root/examples/standalone-project/layers.mlir" \
  --tconv-normalize)
count=$(grep -c 'tconv.conv_transpose' <<<"$normalized" || true)
if [[ $count -ne 2 ]]; then
  echo "FAIL: expected 2 tconv.conv_transpose ops, got $count:" >&2
  echo "$normalized" >&2
  exit 1
fi

echo "== the installed Python package imports and runs the installed tconv-compile"
found=$(env -u TCONV_COMPILE PYTHONPATH="$prefix/lib/python3/dist-packages" /usr/bin/python3 -c \
  'import tconv, tconv._compile as c; print(c.find_tconv_compile())')
if [[ $found != "$prefix/bin/tconv-compile" ]]; then
  echo "FAIL: the installed package finds '$found', not $prefix/bin/tconv-compile" >&2
  exit 1
fi

echo "== configure, build and run examples/standalone-project against the prefix"
cmake -G Ninja -S "$root/examples/standalone-project" -B "$scratch/standalone" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/configure.log"
# The example must have used the installed tconv-compile, nothing else.
grep -q "$prefix/bin/tconv-compile" "$scratch/standalone/build.ninja" || {
  echo "FAIL: the example's build does not run $prefix/bin/tconv-compile" >&2
  exit 1
}
cmake --build "$scratch/standalone"
"$scratch/standalone/standalone"

echo "== the installed C++ API (tconv::TconvCodegen) from another project"
cmake -G Ninja -S "$root/test/install/codegen-api" -B "$scratch/codegen-api" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/codegen-api.log"
cmake --build "$scratch/codegen-api"
mkdir -p "$scratch/codegen-api/out"
"$scratch/codegen-api/codegen-api" "$scratch/codegen-api/out"

echo "== find_package(tconv) without the package's tconv-compile fails clearly"
broken=$scratch/broken-prefix
cp -a "$prefix" "$broken"
rm "$broken/bin/tconv-compile"
if cmake -G Ninja -S "$root/examples/standalone-project" -B "$scratch/broken" \
     -DCMAKE_PREFIX_PATH="$broken" >"$scratch/broken.log" 2>&1; then
  echo "FAIL: configuring against $broken succeeded" >&2
  exit 1
fi
grep -q "tconv-compile" "$scratch/broken.log" || {
  echo "FAIL: the configure error does not name tconv-compile:" >&2
  cat "$scratch/broken.log" >&2
  exit 1
}
grep -A3 'CMake Error' "$scratch/broken.log" | head -n 8

echo "install check passed"
