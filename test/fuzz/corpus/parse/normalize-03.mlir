func.func @ms_row15_same_odd(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x150xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}
