"""The user guide's upsampler (docs/user-guide.md, section 1): a 1-D
convolution, two transposed convolutions that upsample 8x and 2x, and an
output convolution. build() stands for loading a checkpoint."""

import torch
from torch import nn


class Upsampler(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_pre = nn.Conv1d(80, 64, 7, padding=3)
        self.ups = nn.ModuleList([
            nn.ConvTranspose1d(64, 32, 16, stride=8, padding=4),
            nn.ConvTranspose1d(32, 16, 4, stride=2, padding=1),
        ])
        self.conv_post = nn.Conv1d(16, 1, 7, padding=3)

    def forward(self, mel):
        x = self.conv_pre(mel)
        for up in self.ups:
            x = up(nn.functional.leaky_relu(x, 0.1))
        return torch.tanh(self.conv_post(x))


def build():
    torch.manual_seed(0)  # stands for loading a checkpoint
    return Upsampler().eval()
