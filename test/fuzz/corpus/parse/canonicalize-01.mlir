func.func @canonical_fixed_point(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x8xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 2>, dilation = array<i64: 1>, pad_lo = array<i64: 1>, pad_hi = array<i64: 2>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}
