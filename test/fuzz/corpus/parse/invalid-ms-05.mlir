func.func @result_element_type(%x: tensor<1x3x5xf16>, %w: tensor<3x4x3xf16>) -> tensor<1x4x5xbf16> {
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xf16>, tensor<3x4x3xf16>) -> tensor<1x4x5xbf16>
  return %0 : tensor<1x4x5xbf16>
}
