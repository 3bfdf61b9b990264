func.func @weight_dim0_not_cin(%x: tensor<1x2x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x2x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
