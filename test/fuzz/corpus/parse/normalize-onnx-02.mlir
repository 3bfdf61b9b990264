func.func @onnx_row33_notset_output_shape(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 10>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}
