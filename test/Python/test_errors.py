"""Bad input: a Python exception with the kernel's own message, never a crash
or output on stderr; bad libraries and manifests: tconv errors that name the
file."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy
import torch

import tconv
from support import kernels_path, load_kernels, operands


class KernelErrorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mod = load_kernels()
        cls.k = cls.mod.ups_0
        cls.ops = operands(cls.k, 1, 16)

    def raises(self, message, *ops):
        with self.assertRaises(tconv.KernelError) as caught:
            self.k(*ops)
        e = caught.exception
        self.assertEqual(e.kernel, "ups_0")
        self.assertNotEqual(e.code, 0)
        self.assertIn(message, str(e))
        self.assertTrue(str(e).startswith("ups_0: "))
        return e

    def test_wrong_channels(self):
        x, w, b = self.ops
        self.raises("Input buffer input is accessed at 63, which is beyond the max (61) in dimension 1",
                    x[:, :62].contiguous(), w, b)

    def test_wrong_weight_shape(self):
        x, w, b = self.ops
        self.raises("weight", x, w[:, :, :15].contiguous(), b)

    def test_wrong_dtype(self):
        x, w, b = self.ops
        self.raises("Input buffer input has type float32 but type of the buffer "
                    "passed in is float64", x.double(), w, b)
        self.raises("has type float32 but type of the buffer passed in is int32",
                    x, w, b.to(torch.int32))
        self.raises("type of the buffer passed in is float64",
                    x.numpy().astype(numpy.float64), w.numpy(), b.numpy())

    def test_wrong_rank(self):
        x, w, b = self.ops
        self.raises("Input buffer input requires a buffer of exactly 3 dimensions, "
                    "but the buffer passed in has 2 dimensions", x[0], w, b)

    def test_the_next_call_has_no_stale_message(self):
        x, w, b = self.ops
        self.raises("has type float32", x.double(), w, b)
        self.assertEqual(tuple(self.k(x, w, b).shape), (1, 32, 128))
        e = self.raises("requires a buffer of exactly 3 dimensions", x[0], w, b)
        self.assertNotIn("float64", str(e))

    def test_not_arrays(self):
        x, w, b = self.ops
        with self.assertRaisesRegex(TypeError, "ups_0 takes 3 operands "
                                    r"\(input, weight, bias\), got 2"):
            self.k(x, w)
        with self.assertRaisesRegex(TypeError, "operand 'weight' must be a numpy "
                                    "array or a CPU torch tensor, not list"):
            self.k(x, [[1.0]], b)
        with self.assertRaisesRegex(TypeError, "operand 'bias' has dtype torch.complex64"):
            self.k(x, w, b.to(torch.complex64))
        with self.assertRaisesRegex(TypeError, "operand 'input' has dtype object"):
            self.k(numpy.array([None]), w, b)

    def test_unknown_kernel(self):
        with self.assertRaisesRegex(AttributeError, "has no kernel 'nope' "
                                    r"\(kernels: conv2d_f64, conv3d_f16"):
            self.mod.nope

    def test_nothing_on_stderr(self):
        # Halide's default handler would print "Error: ..." to stderr; the
        # library's own handler keeps the message for the exception instead.
        code = ("import sys, torch, tconv\n"
                "m = tconv.load(sys.argv[1])\n"
                "try:\n"
                "    m.ups_0(torch.zeros(1, 64, 4, dtype=torch.float64), "
                "torch.zeros(64, 32, 16), torch.zeros(32))\n"
                "except tconv.KernelError as e:\n"
                "    print('raised:', e)\n")
        run = subprocess.run([sys.executable, "-c", code, kernels_path()],
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("raised: ups_0: Input buffer input has type float32", run.stdout)
        self.assertEqual(run.stderr, "")


class LoadErrorTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        src = kernels_path()
        self.so = os.path.join(self.dir, "k.so")
        shutil.copy(src, self.so)
        with open(os.path.splitext(src)[0] + ".json") as f:
            self.manifest = json.load(f)
        self.manifest["library"] = "k.so"

    def write(self, manifest):
        with open(os.path.join(self.dir, "k.json"), "w") as f:
            f.write(manifest if isinstance(manifest, str) else json.dumps(manifest))

    def test_no_manifest(self):
        with self.assertRaisesRegex(tconv.ManifestError, "no manifest '.*k.json' "
                                    "beside the library"):
            tconv.load(self.so)

    def test_not_json(self):
        self.write("{")
        with self.assertRaisesRegex(tconv.ManifestError, "cannot read the manifest"):
            tconv.load(self.so)

    def test_wrong_format_and_version(self):
        self.write({"format": "other"})
        with self.assertRaisesRegex(tconv.ManifestError, "not a tconv kernel manifest"):
            tconv.load(self.so)
        self.write(dict(self.manifest, version=99))
        with self.assertRaisesRegex(tconv.ManifestError, "has version 99; this "
                                    "package reads version 1"):
            tconv.load(self.so)

    def test_malformed(self):
        del self.manifest["kernels"][0]["operands"]
        self.write(self.manifest)
        with self.assertRaisesRegex(tconv.ManifestError, "malformed: missing 'operands'"):
            tconv.load(self.so)

    def test_missing_symbol(self):
        self.manifest["kernels"][0]["argv_symbol"] = "nope_argv"
        self.write(self.manifest)
        with self.assertRaisesRegex(tconv.Error, "has no symbol 'nope_argv'"):
            tconv.load(self.so)

    def test_not_a_library(self):
        self.write(self.manifest)
        with open(self.so, "w") as f:
            f.write("not an ELF file")
        with self.assertRaisesRegex(tconv.Error, "cannot load '.*k.so'"):
            tconv.load(self.so)

    def test_wrong_suffix(self):
        with self.assertRaisesRegex(tconv.Error, "give the library <stem>.so"):
            tconv.load(os.path.join(self.dir, "k.mlir"))


if __name__ == "__main__":
    unittest.main()
