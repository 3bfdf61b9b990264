func.func @zero_input_channels(%x: tensor<1x0x5xf32>, %w: tensor<0x4x3xf32>) -> tensor<1x4x7xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x0x5xf32>, tensor<0x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}
