func.func @ms_tuple_3d_output_padding(%x: tensor<1x2x4x4x4xbf16>, %w: tensor<2x2x3x3x3xbf16>, %b: tensor<2xbf16>) -> tensor<1x2x10x12x11xbf16> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 3, 3, 3>, pad_mode = "pad", padding = array<i64: 1, 2, 0, 1, 3, 0>, output_padding = array<i64: 1, 1, 2>} : (tensor<1x2x4x4x4xbf16>, tensor<2x2x3x3x3xbf16>, tensor<2xbf16>) -> tensor<1x2x10x12x11xbf16>
  return %0 : tensor<1x2x10x12x11xbf16>
}
