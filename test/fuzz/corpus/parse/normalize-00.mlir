func.func @torch_dynamic(%x: tensor<?x2x?xbf16>, %w: tensor<2x3x3xbf16>, %b: tensor<3xbf16>) -> tensor<?x3x?xbf16> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 1>} : (tensor<?x2x?xbf16>, tensor<2x3x3xbf16>, tensor<3xbf16>) -> tensor<?x3x?xbf16>
  return %0 : tensor<?x3x?xbf16>
}
