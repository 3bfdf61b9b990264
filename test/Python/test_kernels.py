"""tconv.load and calling kernels: numpy and torch, each element type and
rank, dynamic batch and length, zero-copy, non-contiguous operands; every
result against PyTorch."""

import subprocess
import sys
import unittest

import numpy
import torch

import tconv
from tconv import _arrays
from support import assert_close, load_kernels, operands, reference


class LoadTest(unittest.TestCase):
    def test_manifest(self):
        mod = load_kernels()
        self.assertEqual(sorted(mod.kernels),
                         ["conv2d_f64", "conv3d_f16", "grouped", "snake_residual", "tiny",
                          "ups_0"])
        ups = mod.ups_0.info
        self.assertEqual([(o.role, o.name, o.element_type, o.extents)
                          for o in ups.operands],
                         [("input", "input", "f32", [None, 64, None]),
                          ("weight", "weight", "f32", [64, 32, 16]),
                          ("bias", "bias", "f32", [32]),
                          ("output", "output", "f32", [None, 32, None])])
        self.assertEqual([o.role for o in mod.conv2d_f64.info.operands],
                         ["input", "weight", "output"])
        self.assertIn("ups_0", dir(mod))
        self.assertIn("ups_0(input f32[?x64x?]", repr(mod.ups_0))

    def test_load_by_manifest_path(self):
        mod = load_kernels()
        again = tconv.load(mod.manifest_path)
        self.assertEqual(sorted(again.kernels), sorted(mod.kernels))


class ImportTest(unittest.TestCase):
    def test_import_needs_no_torch(self):
        code = ("import sys, tconv\n"
                "assert 'torch' not in sys.modules, 'import tconv imported torch'\n"
                "tconv.torch.swap_conv_transposes  # imported on first use\n"
                "assert 'torch' in sys.modules\n")
        run = subprocess.run([sys.executable, "-c", code], capture_output=True,
                             text=True)
        self.assertEqual(run.returncode, 0, run.stderr)


class CallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mod = load_kernels()

    def check(self, name, batch=None, length=None, dtype=torch.float32,
              numpy_too=True):
        k = self.mod.kernels[name]
        ops = operands(k, batch, length, dtype=dtype)
        want = reference(name, *ops)
        got = k(*ops)
        self.assertIsInstance(got, torch.Tensor)
        self.assertEqual(got.dtype, dtype)
        assert_close(self, got, want, dtype)
        if numpy_too:
            got = k(*[o.numpy() for o in ops])
            self.assertIsInstance(got, numpy.ndarray)
            self.assertEqual(got.dtype, ops[0].numpy().dtype)
            assert_close(self, got, want, dtype)

    def test_dynamic_batch_and_length(self):
        for batch, length in ((1, 32), (3, 1), (2, 77), (1, 300)):
            with self.subTest(batch=batch, length=length):
                self.check("ups_0", batch, length)

    def test_grouped_dilated_output_padding(self):
        self.check("grouped")

    def test_2d_float64(self):
        self.check("conv2d_f64", dtype=torch.float64)

    def test_3d_float16(self):
        for batch in (1, 2):
            self.check("conv3d_f16", batch, dtype=torch.float16)

    def test_fused_extra_operands(self):
        # alpha > 0: the snake divides by it.
        self.assertEqual([(o.role, o.name, o.extents)
                          for o in self.mod.snake_residual.info.operands],
                         [("input", "input", [1, 4, 8]), ("weight", "weight", [4, 2, 4]),
                          ("extra", "extra0", [4]), ("extra", "extra1", [1, 2, 16]),
                          ("output", "output", [1, 2, 16])])
        x, w, alpha, res = operands(self.mod.snake_residual)
        alpha = alpha.abs() + 0.5
        want = reference("snake_residual", x, w, alpha, res)
        assert_close(self, self.mod.snake_residual(x, w, alpha, res), want, torch.float32)

    def test_non_contiguous_operands_are_copied(self):
        k = self.mod.ups_0
        x, w, b = operands(k, 2, 40)
        x_t = x.transpose(0, 2).contiguous().transpose(0, 2)  # same values, strided
        self.assertFalse(x_t.is_contiguous())
        assert_close(self, k(x_t, w, b), reference("ups_0", x, w, b), torch.float32)
        x_n = numpy.asfortranarray(x.numpy())
        self.assertFalse(x_n.flags.c_contiguous)
        assert_close(self, k(x_n, w.numpy(), b.numpy()), reference("ups_0", x, w, b),
                     torch.float32)
        big_endian = x.numpy().astype(">f4")
        assert_close(self, k(big_endian, w.numpy(), b.numpy()),
                     reference("ups_0", x, w, b), torch.float32)

    def test_contiguous_operands_are_not_copied(self):
        x = torch.randn(1, 64, 8)
        self.assertEqual(_arrays.to_buffer(x, "k", "input").pointer, x.data_ptr())
        n = numpy.zeros((1, 64, 8), numpy.float32)
        self.assertEqual(_arrays.to_buffer(n, "k", "input").pointer, n.ctypes.data)

    def test_set_num_threads(self):
        self.mod.set_num_threads(1)
        try:
            self.check("ups_0", 1, 50, numpy_too=False)
        finally:
            self.mod.set_num_threads(torch.get_num_threads())
        with self.assertRaisesRegex(ValueError, "at least 1"):
            self.mod.set_num_threads(0)


if __name__ == "__main__":
    unittest.main()
