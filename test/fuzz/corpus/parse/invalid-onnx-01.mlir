func.func @kernel_shape_mismatch(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x2xf32>) -> tensor<1x4x7x6xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {kernel_shape = array<i64: 3, 3>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x2xf32>) -> tensor<1x4x7x6xf32>
  return %0 : tensor<1x4x7x6xf32>
}
