func.func @cin_not_divisible_by_groups(%x: tensor<1x6x5xf32>, %w: tensor<6x4x3xf32>) -> tensor<1x16x7xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, groups = 4} : (tensor<1x6x5xf32>, tensor<6x4x3xf32>) -> tensor<1x16x7xf32>
  return %0 : tensor<1x16x7xf32>
}
