// Kernels of the Python package's tests (test/Python/README.md), built with
// tconv_add_kernel_library(... SHARED) into kernels.so and kernels.json.

// The user guide's ups.0, ConvTranspose1d(64, 32, 16, stride=8, padding=4),
// with a dynamic batch and length.
func.func @ups_0(%x: tensor<?x64x?xf32>, %w: tensor<64x32x16xf32>, %b: tensor<32xf32>) -> tensor<?x32x?xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 8>, padding = array<i64: 4>} : (tensor<?x64x?xf32>, tensor<64x32x16xf32>, tensor<32xf32>) -> tensor<?x32x?xf32>
  return %0 : tensor<?x32x?xf32>
}

// Grouped, dilated, output_padding; static.
func.func @grouped(%x: tensor<2x4x9xf32>, %w: tensor<4x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x20xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 1>, dilation = array<i64: 2>, groups = 2 : i64} : (tensor<2x4x9xf32>, tensor<4x3x3xf32>, tensor<6xf32>) -> tensor<2x6x20xf32>
  return %0 : tensor<2x6x20xf32>
}

// 2-D, float64, no bias.
func.func @conv2d_f64(%x: tensor<1x3x5x6xf64>, %w: tensor<3x2x3x2xf64>) -> tensor<1x2x9x7xf64> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2, 1>, padding = array<i64: 1, 0>} : (tensor<1x3x5x6xf64>, tensor<3x2x3x2xf64>) -> tensor<1x2x9x7xf64>
  return %0 : tensor<1x2x9x7xf64>
}

// 3-D, float16, dynamic batch.
func.func @conv3d_f16(%x: tensor<?x2x3x4x5xf16>, %w: tensor<2x2x2x2x2xf16>, %b: tensor<2xf16>) -> tensor<?x2x6x8x10xf16> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2, 2, 2>} : (tensor<?x2x3x4x5xf16>, tensor<2x2x2x2x2xf16>, tensor<2xf16>) -> tensor<?x2x6x8x10xf16>
  return %0 : tensor<?x2x6x8x10xf16>
}

// The smallest: the call overhead (benchmarks/python_overhead.py).
func.func @tiny(%x: tensor<1x1x8xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x9xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x1x8xf32>, tensor<1x1x2xf32>) -> tensor<1x1x9xf32>
  return %0 : tensor<1x1x9xf32>
}

// Fused (tconv-compile runs --tconv-fuse-elementwise): a snake activation
// before, a residual and tanh after; two extra operands after the weight,
// alpha (per input channel) and the residual (the output's shape).
func.func @snake_residual(%x: tensor<1x4x8xf32>, %w: tensor<4x2x4xf32>, %alpha: tensor<4xf32>, %res: tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
  %a = tconv.channel_broadcast %alpha : tensor<4xf32> to tensor<1x4x8xf32>
  %ax = arith.mulf %a, %x : tensor<1x4x8xf32>
  %s = math.sin %ax : tensor<1x4x8xf32>
  %s2 = arith.mulf %s, %s : tensor<1x4x8xf32>
  %q = arith.divf %s2, %a : tensor<1x4x8xf32>
  %sn = arith.addf %x, %q : tensor<1x4x8xf32>
  %y = tconv.conv_transpose %sn, %w {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x4x8xf32>, tensor<4x2x4xf32>) -> tensor<1x2x16xf32>
  %r = arith.addf %y, %res : tensor<1x2x16xf32>
  %t = math.tanh %r : tensor<1x2x16xf32>
  return %t : tensor<1x2x16xf32>
}
