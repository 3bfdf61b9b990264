func.func @ms_row16_same_2d(%x: tensor<1x4x16x16xf16>, %w: tensor<4x2x3x3xf16>) -> tensor<1x2x32x32xf16> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>} : (tensor<1x4x16x16xf16>, tensor<4x2x3x3xf16>) -> tensor<1x2x32x32xf16>
  return %0 : tensor<1x2x32x32xf16>
}
