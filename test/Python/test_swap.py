"""tconv.torch.swap_conv_transposes: the user guide's upsampler and a model
with 1-, 2- and 3-D layers of every kind swapped, outputs against the
original PyTorch model at other batches and lengths than the example's;
layers it cannot swap left alone; inference only."""

import os
import sys
import unittest

import torch
from torch import nn

import tconv
import tconv.torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "examples", "python"))
import upsampler  # noqa: E402


class OverridesForward(nn.ConvTranspose1d):
    def forward(self, x):
        return super().forward(x) * 2


class Mixed(nn.Module):
    """Every kind of layer: grouped/dilated/output_padding, no bias, 2-D, 3-D
    float64, one never called, one that cannot be swapped."""

    def __init__(self):
        super().__init__()
        self.a = nn.ConvTranspose1d(4, 6, 3, stride=2, padding=1, output_padding=1,
                                    dilation=2, groups=2)
        self.b = nn.ConvTranspose1d(6, 5, 4, stride=3, bias=False)
        self.c = nn.ConvTranspose2d(5, 3, (3, 2), stride=(2, 1), padding=(1, 0))
        self.d = nn.ConvTranspose3d(3, 2, 2, stride=2).double()
        self.unused = nn.ConvTranspose1d(4, 4, 2)
        self.custom = OverridesForward(5, 5, 1)

    def forward(self, x):
        y = self.custom(self.b(self.a(x)))                 # (N, 5, L')
        y = self.c(y.unsqueeze(2).expand(-1, -1, 3, -1))   # (N, 3, 5, L'')
        return self.d(y[:, :, :2, :4].unsqueeze(2).double())


class SwapTest(unittest.TestCase):
    """Compiles into tconv.cache_dir() ($TCONV_CACHE_DIR from ctest):
    test_compile checks the cache itself."""

    def compare(self, model, swapped, shape, tol):
        x = torch.randn(shape, generator=torch.Generator().manual_seed(sum(shape)))
        with torch.no_grad():
            want, got = model(x), swapped(x)
        self.assertEqual(got.shape, want.shape)
        self.assertEqual(got.dtype, want.dtype)
        err = (got - want).abs().max().item()
        self.assertLessEqual(err, tol * max(1.0, want.abs().max().item()),
                             "input %s" % (shape,))

    def test_user_guide_upsampler(self):
        model = upsampler.build()
        swapped = tconv.torch.swap_conv_transposes(model, torch.randn(1, 80, 32),
                                                   verbose=False)
        self.assertEqual(swapped.tconv_swapped, ["ups.0", "ups.1"])
        self.assertEqual(swapped.tconv_skipped, {})
        for layer in swapped.ups:
            self.assertIsInstance(layer, tconv.torch.TconvConvTranspose)
        for layer in model.ups:  # the original is untouched
            self.assertIs(type(layer), nn.ConvTranspose1d)
        # Dynamic batch and length: others than the example's.
        for shape in ((1, 80, 32), (3, 80, 7), (2, 80, 100), (1, 80, 1)):
            self.compare(model, swapped, shape, 1e-5)

    def test_every_kind_of_layer(self):
        torch.manual_seed(1)
        model = Mixed().eval()
        swapped = tconv.torch.swap_conv_transposes(model, torch.randn(1, 4, 6),
                                                   verbose=False)
        self.assertEqual(swapped.tconv_swapped, ["a", "b", "c", "d"])
        self.assertEqual(swapped.tconv_skipped, {
            "unused": "not called on the example input",
            "custom": "OverridesForward overrides forward"})
        self.assertIs(type(swapped.custom), OverridesForward)
        for shape in ((1, 4, 6), (2, 4, 9)):
            self.compare(model, swapped, shape, 1e-5)

    def test_inference_only_and_unbatched(self):
        model = nn.Sequential(nn.ConvTranspose1d(2, 3, 4, stride=2)).eval()
        swapped = tconv.torch.swap_conv_transposes(model, torch.randn(1, 2, 5),
                                                   verbose=False)
        x = torch.randn(2, 7, requires_grad=True)  # unbatched (C, L)
        with self.assertRaisesRegex(RuntimeError, "computes no gradients; call the "
                                    "model under torch.no_grad"):
            swapped(x)
        with torch.no_grad():
            self.assertLess((swapped(x) - model(x)).abs().max().item(), 1e-5)
            with self.assertRaisesRegex(NotImplementedError, "output_size"):
                swapped[0](x, output_size=[15])
        with self.assertRaisesRegex(tconv.KernelError, r"input.extent.1 \(3\) == 2"):
            with torch.no_grad():
                swapped(torch.randn(1, 3, 5))  # 3 channels for 2

    def test_says_how_many(self):
        model = nn.Sequential(nn.ConvTranspose1d(2, 3, 4, stride=2),
                              nn.ConvTranspose1d(3, 3, 1)).eval()
        from contextlib import redirect_stderr
        from io import StringIO
        err = StringIO()
        with redirect_stderr(err):
            tconv.torch.swap_conv_transposes(model, torch.randn(1, 2, 5))
        self.assertEqual(err.getvalue(), "tconv: swapped 2 of 2 ConvTranspose layers\n")
        with self.assertRaisesRegex(TypeError, "model must be a torch.nn.Module"):
            tconv.torch.swap_conv_transposes(None, torch.randn(1))


if __name__ == "__main__":
    unittest.main()
