"""Models for the importers' fusion test (fusion_importer_test.py): the
elementwise neighbours of each ConvTranspose1d, which tconv-import-torch and
tconv-import-onnx take into the layer's func (docs/importers.md, "Fusion").

Each upsampling layer sits in a Stage, pre -> up -> post [+ skip], so that a
forward hook on the Stage sees the kernel's input (the value before the
prologue) and the fused kernel's output (after the epilogue).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def seeded(factory):
    """factory() with torch's generator seeded first, so that the importer
    (--module 'seeded(FusionNet)') and the test build the same weights."""
    torch.manual_seed(1234)
    return factory().eval()


class Fn(nn.Module):
    """A functional call as a module, so that the model calls F.* itself."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


class Stage(nn.Module):
    def __init__(self, up, pre, post):
        super().__init__()
        self.pre = pre
        self.up = up
        self.post = post

    def forward(self, x, skip=None):
        y = self.post(self.up(self.pre(x)))
        return y if skip is None else y + skip


class FusionNet(nn.Module):
    """conv_pre, then four stages: each leaky ReLU (or ReLU) before the
    layer is its prologue; after it tanh; ELU * 0.5 + 0.25; exact GELU plus
    a residual (a run-time input of the kernel); tanh GELU then sigmoid."""

    def __init__(self):
        super().__init__()
        self.conv_pre = nn.Conv1d(6, 16, 3, padding=1)
        self.s0 = Stage(nn.ConvTranspose1d(16, 12, 4, stride=2, padding=1),
                        Fn(lambda x: F.leaky_relu(x, 0.1)), nn.Tanh())
        self.s1 = Stage(nn.ConvTranspose1d(12, 12, 4, stride=2, padding=1),
                        nn.LeakyReLU(0.2),
                        Fn(lambda x: F.elu(x, alpha=0.7) * 0.5 + 0.25))
        self.skip = nn.Conv1d(12, 8, 1)
        self.s2 = Stage(nn.ConvTranspose1d(12, 8, 3, stride=1, padding=1),
                        Fn(lambda x: F.leaky_relu(x, 0.1)), nn.GELU())
        self.s3 = Stage(nn.ConvTranspose1d(8, 4, 4, stride=2, padding=1),
                        nn.ReLU(),
                        Fn(lambda x: torch.sigmoid(F.gelu(x, approximate="tanh"))))

    def forward(self, mel):
        h = self.s1(self.s0(self.conv_pre(mel)))
        h = self.s2(h, self.skip(h))
        return self.s3(h)


class SiluNet(nn.Module):
    """SiLU before and after the layer, the one before it after three other
    ops (torch.onnx exports SiLU as x * Sigmoid(x), two nodes reading x)."""

    def __init__(self):
        super().__init__()
        self.s0 = Stage(nn.ConvTranspose1d(6, 4, 4, stride=2, padding=1),
                        Fn(lambda x: F.silu(F.leaky_relu(x, 0.1) * 2.0 - 1.0)),
                        nn.SiLU())

    def forward(self, x):
        return self.s0(x)


class SharedActivation(nn.Module):
    """Nothing may be fused: the leaky ReLU's result is used by the layer and
    by the output, and the layer's result by the tanh and the output."""

    def __init__(self):
        super().__init__()
        self.conv_pre = nn.Conv1d(6, 8, 3, padding=1)
        self.up = nn.ConvTranspose1d(8, 4, 4, stride=2, padding=1)

    def forward(self, mel):
        a = F.leaky_relu(self.conv_pre(mel), 0.1)
        y = self.up(a)
        return torch.tanh(y), y, a.mean()


# Expected stages per func, as the importers' manifests / comments name them.
FUSION_NET = {
    "s0_up": (["leaky_relu"], ["tanh"]),
    "s1_up": (["leaky_relu"], ["elu", "mul", "add"]),
    "s2_up": (["leaky_relu"], ["gelu", "residual"]),
    "s3_up": (["relu"], ["gelu", "sigmoid"]),
}

# What tconv-import-onnx takes instead, where torch.onnx's export differs:
# opset 13 writes the tanh GELU as Pow/Mul/Add/Tanh ops reading the layer's
# result several times, which the ONNX importer does not match.
FUSION_NET_ONNX = {
    "s3_up": (["relu"], []),
}
