func.func @stride_length(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 1, 1>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32>
  return %0 : tensor<1x4x5x5x5xf32>
}
