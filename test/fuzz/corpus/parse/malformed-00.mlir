func.func @generic_four_operands(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x7xf32> {
  %0 = "tconv.ms_conv_transpose"(%x, %w, %b, %b) : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
