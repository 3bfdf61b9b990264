"""tconv.compile: MLIR text or a path to a loaded module, cached by the
source's hash; compile errors carry tconv-compile's diagnostics."""

import os
import shutil
import tempfile
import threading
import unittest
from unittest import mock

import torch
import torch.nn.functional as F

import tconv
from tconv import _compile

TINY = """
func.func @t(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x9xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x9xf32>
  return %0 : tensor<1x3x9xf32>
}
"""


def entries(cache):
    return sorted(e for e in os.listdir(cache) if not e.startswith("."))


class CompileTest(unittest.TestCase):
    def setUp(self):
        self.cache = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.cache)

    def check_t(self, mod):
        x, w = torch.randn(1, 2, 5), torch.randn(2, 3, 3)
        want = F.conv_transpose1d(x.double(), w.double(), stride=2, padding=1)
        self.assertLess((mod.t(x, w).double() - want).abs().max().item(), 1e-5)

    def test_compiles_once_per_source_and_target(self):
        mod = tconv.compile(TINY, cache=self.cache)
        self.check_t(mod)
        self.assertEqual(len(entries(self.cache)), 1)
        entry = os.path.join(self.cache, entries(self.cache)[0])
        self.assertEqual(sorted(os.listdir(entry)), [
            "halide_runtime.o", "kernels.json", "kernels.mlir", "kernels.so",
            "t.h", "t.o"])
        # The same source again, as text or from a file: no tconv-compile run.
        path = os.path.join(tempfile.mkdtemp(), "tiny.mlir")
        self.addCleanup(shutil.rmtree, os.path.dirname(path))
        with open(path, "w") as f:
            f.write(TINY)
        with mock.patch.object(_compile.subprocess, "run",
                               side_effect=AssertionError("compiled again")):
            self.check_t(tconv.compile(TINY, cache=self.cache))
            self.check_t(tconv.compile(path, cache=self.cache))
        # Another source, or another target: another entry.
        tconv.compile(TINY.replace("@t", "@t2"), cache=self.cache)
        tconv.compile(TINY, target="x86-64-linux", cache=self.cache)
        self.assertEqual(len(entries(self.cache)), 3)

    def test_cache_dir_from_environment(self):
        with mock.patch.dict(os.environ, {"TCONV_CACHE_DIR": self.cache}):
            self.assertEqual(tconv.cache_dir(), self.cache)
            self.check_t(tconv.compile(TINY))
        self.assertEqual(len(entries(self.cache)), 1)
        with mock.patch.dict(os.environ, {"XDG_CACHE_HOME": "/x"}):
            os.environ.pop("TCONV_CACHE_DIR", None)
            self.assertEqual(tconv.cache_dir(), "/x/tconv")

    def test_concurrent_compiles_of_one_source(self):
        mods, failures = [], []

        def run():
            try:
                mods.append(tconv.compile(TINY, cache=self.cache))
            except BaseException as e:
                failures.append(e)

        threads = [threading.Thread(target=run) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])
        for mod in mods:
            self.check_t(mod)
        self.assertEqual(os.listdir(self.cache), entries(self.cache))  # no staging left
        self.assertEqual(len(entries(self.cache)), 1)

    def test_compile_error_has_the_diagnostic(self):
        bad = TINY.replace("1x3x9xf32", "1x3x8xf32")
        with self.assertRaisesRegex(tconv.CompileError, "tconv-compile failed "
                                    r"\(exit status 1\):\n.*expects result dim 2 "
                                    r"\(output length of spatial dim 0\) to be 9, got 8"):
            tconv.compile(bad, cache=self.cache)
        self.assertEqual(os.listdir(self.cache), [])  # nothing cached
        with self.assertRaisesRegex(tconv.CompileError, "invalid Halide target"):
            tconv.compile(TINY, target="nonsense", cache=self.cache)

    def test_missing_file_and_compiler(self):
        with self.assertRaisesRegex(tconv.CompileError, "cannot read the MLIR file "
                                    "'no/such.mlir'"):
            tconv.compile("no/such.mlir", cache=self.cache)
        with mock.patch.dict(os.environ, {"TCONV_COMPILE": "/no/tconv-compile"}):
            with self.assertRaisesRegex(tconv.CompileError, r"\$TCONV_COMPILE names "
                                        "'/no/tconv-compile', which is not an "
                                        "executable file"):
                tconv.compile(TINY, cache=self.cache)


if __name__ == "__main__":
    unittest.main()
