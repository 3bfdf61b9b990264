func.func @page_ex2(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> (tensor<1x64x150xf32>, tensor<1x64x150xf32>) {
  %ms = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %pt = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %ms, %pt : tensor<1x64x150xf32>, tensor<1x64x150xf32>
}
func.func @ms_output_padding_2d(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x10x10xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 1>, output_padding = array<i64: 1, 1>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x10x10xf32>
  return %0 : tensor<1x1x10x10xf32>
}
