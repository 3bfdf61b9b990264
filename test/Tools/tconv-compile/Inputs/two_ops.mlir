func.func @twice(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>, %w2: tensor<64x2x1xf32>) -> tensor<1x2x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  %1 = tconv.torch_conv_transpose %0, %w2 : (tensor<1x64x53xf32>, tensor<64x2x1xf32>) -> tensor<1x2x53xf32>
  return %1 : tensor<1x2x53xf32>
}
