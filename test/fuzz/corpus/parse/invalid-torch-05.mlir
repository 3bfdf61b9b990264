func.func @padding_mode_circular(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {padding_mode = "circular"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
