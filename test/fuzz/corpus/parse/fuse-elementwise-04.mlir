func.func @bare(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  return %y : tensor<1x3x7xf32>
}
