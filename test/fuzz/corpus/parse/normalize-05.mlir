func.func @torch_row10(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x12xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, output_padding = array<i64: 1>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x12xf32>
  return %0 : tensor<1x1x12xf32>
}
