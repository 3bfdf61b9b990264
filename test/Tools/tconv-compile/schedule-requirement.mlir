// A forced --schedule that does not support the kernel names what the
// variant needs, and writes no file.
// RUN: rm -rf %t
// RUN: not tconv-compile %s -o %t --schedule=cpu-tap-gemm 2>&1 | FileCheck %s --check-prefix=TAPS
// RUN: not tconv-compile %s -o %t --schedule=cpu-phase-lanes 2>&1 | FileCheck %s --check-prefix=LANES
// RUN: not tconv-compile %s -o %t --schedule=cpu-channel-lanes 2>&1 | FileCheck %s --check-prefix=CHANNELS
// RUN: not tconv-compile %s -o %t --schedule=cpu-phases-in-slices 2>&1 | FileCheck %s --check-prefix=SLICES
// RUN: ls %t | count 0

// TAPS: error: compiling 'two_d': --schedule=cpu-tap-gemm does not support this kernel: it needs 1-D
// LANES: error: compiling 'two_d': --schedule=cpu-phase-lanes does not support this kernel: it needs 1-D, dilation 1, and a kernel size that is a multiple of the stride (>= 2)
// CHANNELS: error: compiling 'two_d': --schedule=cpu-channel-lanes does not support this kernel: it needs 1-D, with output channels per group a multiple of the target's vector width
// SLICES: error: compiling 'two_d': --schedule=cpu-phases-in-slices does not support this kernel: it needs 1-D, stride >= 2, and the same number of taps in every stride phase

func.func @two_d(%x: tensor<1x2x4x4xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x9x9xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x9x9xf32>
  return %0 : tensor<1x3x9x9xf32>
}
