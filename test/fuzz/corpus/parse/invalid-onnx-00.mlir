func.func @auto_pad_empty(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = ""} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
