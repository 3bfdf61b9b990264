func.func @padding_2d_three(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 1, 1, 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}
