func.func @onnx_row26_valid_output_padding(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x12xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "VALID", output_padding = array<i64: 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x12xf32>
  return %0 : tensor<1x3x12xf32>
}
