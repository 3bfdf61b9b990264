func.func @padding_with_valid(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "valid", padding = array<i64: 0, 0, 1, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}
