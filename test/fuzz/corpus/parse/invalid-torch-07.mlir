func.func @zero_input_size(%x: tensor<1x3x5x0x5xf32>, %w: tensor<3x4x1x1x1xf32>) -> tensor<1x4x5x0x5xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5x0x5xf32>, tensor<3x4x1x1x1xf32>) -> tensor<1x4x5x0x5xf32>
  return %0 : tensor<1x4x5x0x5xf32>
}
