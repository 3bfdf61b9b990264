"""A HiFi-GAN-style generator (Kong et al. 2020, V1 layout, shrunk) for the
PyTorch importer test, and a second model covering 2-D transposed convolution
with groups, dilation, output_padding and bias=False.

Generator: conv_pre Conv1d(80 -> 128, 7); four upsampling stages, each a
weight-normed ConvTranspose1d (rates 8, 8, 2, 2, kernels 16, 16, 4, 4, padding
(k - s) // 2, channels halving 128 -> 8) followed by a simplified multi-
receptive-field block (residual Conv1d with dilations 1, 3, 5, leaky_relu 0.1);
conv_post Conv1d(8 -> 1, 7); tanh. A mel input (1, 80, L) gives audio
(1, 1, 256 * L).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import weight_norm

LRELU_SLOPE = 0.1


def seeded(seed, factory, *args, **kwargs):
    """factory(*args, **kwargs) with torch's generator seeded first, so that
    tconv-import-torch (--module 'seeded(0, Generator)') and the test build
    the same weights in their own processes."""
    torch.manual_seed(seed)
    return factory(*args, **kwargs)


class ResBlock(nn.Module):
    def __init__(self, channels, kernel_size=3, dilations=(1, 3, 5)):
        super().__init__()
        self.slope = LRELU_SLOPE  # an attribute, so that the model scripts
        self.convs = nn.ModuleList(
            nn.Conv1d(channels, channels, kernel_size, dilation=d,
                      padding=d * (kernel_size - 1) // 2)
            for d in dilations)

    def forward(self, x):
        for conv in self.convs:
            x = x + conv(F.leaky_relu(x, self.slope))
        return x


class Generator(nn.Module):
    def __init__(self, mels=80, channels=128, rates=(8, 8, 2, 2),
                 kernels=(16, 16, 4, 4)):
        super().__init__()
        self.slope = LRELU_SLOPE
        self.conv_pre = nn.Conv1d(mels, channels, 7, padding=3)
        self.ups = nn.ModuleList()
        self.resblocks = nn.ModuleList()
        ch = channels
        for s, k in zip(rates, kernels):
            self.ups.append(weight_norm(nn.ConvTranspose1d(
                ch, ch // 2, k, stride=s, padding=(k - s) // 2)))
            ch //= 2
            self.resblocks.append(ResBlock(ch))
        self.conv_post = nn.Conv1d(ch, 1, 7, padding=3)

    def forward(self, mel):
        x = self.conv_pre(mel)
        for up, block in zip(self.ups, self.resblocks):
            x = block(up(F.leaky_relu(x, self.slope)))
        return torch.tanh(self.conv_post(F.leaky_relu(x)))


class Mixed2d(nn.Module):
    """2-D decoder-style model: a grouped, dilated ConvTranspose2d with
    output_padding and no bias, a plain one, and the plain one called a
    second time on a larger input (two funcs for one layer)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 4, 3, padding=1)
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0),
                               output_padding=(1, 2), groups=2, dilation=(2, 1),
                               bias=False),
            nn.ReLU())
        self.head = nn.ConvTranspose2d(6, 2, 3, stride=2, padding=1)

    def forward(self, x):
        y = self.head(self.decoder(self.stem(x)))
        z = self.head(torch.ones(1, 6, 3, 5, dtype=x.dtype))
        return y, z


class NoTransposed(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(80, 4, 3)

    def forward(self, x):
        return self.conv(x)


class ReflectPadded(nn.Module):
    """PyTorch refuses padding_mode='reflect' for ConvTranspose in the
    constructor; a checkpoint-loading or hand-edited model can still carry it."""

    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose1d(80, 4, 4, stride=2)
        self.up.padding_mode = "reflect"

    def forward(self, x):
        return self.up(x)


class OutputSize(nn.Module):
    """forward(output_size=...): the length depends on the input at run time."""

    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose1d(80, 4, 3, stride=2, padding=1)

    def forward(self, x):
        return self.up(x, output_size=[2 * x.shape[-1]])
