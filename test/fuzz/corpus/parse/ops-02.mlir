func.func @canonical_2d_groups(%x: tensor<?x4x5x5xf16>, %w: tensor<4x1x3x3xf16>) -> tensor<?x2x5x9xf16> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 2, 1>, dilation = array<i64: 1, 2>, pad_lo = array<i64: 3, 0>, pad_hi = array<i64: 3, 0>, groups = 2} : (tensor<?x4x5x5xf16>, tensor<4x1x3x3xf16>) -> tensor<?x2x5x9xf16>
  return %0 : tensor<?x2x5x9xf16>
}
