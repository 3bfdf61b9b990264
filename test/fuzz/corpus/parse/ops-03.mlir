func.func @torch_3d_dynamic(%x: tensor<?x2x4x?x?xbf16>, %w: tensor<2x3x2x2x2xbf16>, %b: tensor<3xbf16>) -> tensor<?x3x8x?x?xbf16> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2, 2, 2>} : (tensor<?x2x4x?x?xbf16>, tensor<2x3x2x2x2xbf16>, tensor<3xbf16>) -> tensor<?x3x8x?x?xbf16>
  return %0 : tensor<?x3x8x?x?xbf16>
}
