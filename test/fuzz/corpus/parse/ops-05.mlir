func.func @torch_1d(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}
