func.func @ms_generic(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> (tensor<1x64x53xf32>, tensor<1x64x53xf32>) {
  %0 = "tconv.ms_conv_transpose"(%x, %w) <{pad_mode = "pad", padding = array<i64: 0>, group = 1 : i64}> : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  %1 = "tconv.ms_conv_transpose"(%x, %w) {pad_mode = "pad", padding = array<i64: 0>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0, %1 : tensor<1x64x53xf32>, tensor<1x64x53xf32>
}
