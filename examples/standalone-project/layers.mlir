// Two layers of a model, one per framework flavor, compiled by the installed
// tconv-compile into kernels (see CMakeLists.txt).

// PyTorch: nn.ConvTranspose1d(4, 6, 3, stride=3, padding=2, output_padding=1,
// dilation=2, groups=2, bias=True) on x of shape (2, 4, 10).
// Full length (10-1)*3 + 2*(3-1) + 1 = 32; output 32 - 2*2 + 1 = 29.
func.func @torch_layer(%x: tensor<2x4x10xf32>, %w: tensor<4x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x29xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 1>, dilation = array<i64: 2>, groups = 2} : (tensor<2x4x10xf32>, tensor<4x3x3xf32>, tensor<6xf32>) -> tensor<2x6x29xf32>
  return %0 : tensor<2x6x29xf32>
}

// MindSpore: nn.Conv2dTranspose(3, 4, (3, 4), stride=2, pad_mode='same',
// has_bias=True) on x of shape (N, 3, 6, 5), any N. 'same' gives L*stride:
// output (N, 4, 12, 10).
func.func @ms_layer(%x: tensor<?x3x6x5xf32>, %w: tensor<3x4x3x4xf32>, %b: tensor<4xf32>) -> tensor<?x4x12x10xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 2, 2>, pad_mode = "same"} : (tensor<?x3x6x5xf32>, tensor<3x4x3x4xf32>, tensor<4xf32>) -> tensor<?x4x12x10xf32>
  return %0 : tensor<?x4x12x10xf32>
}
