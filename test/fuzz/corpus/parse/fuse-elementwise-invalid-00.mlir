func.func @non_splat_constant(%x: tensor<1x2x3xf32>, %w: tensor<2x1x1xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x3xf32>, tensor<2x1x1xf32>) -> tensor<1x1x3xf32>
  %c = arith.constant dense<[[[1.0, 2.0, 3.0]]]> : tensor<1x1x3xf32>
  %r = arith.mulf %y, %c : tensor<1x1x3xf32>
  return %r : tensor<1x1x3xf32>
}
