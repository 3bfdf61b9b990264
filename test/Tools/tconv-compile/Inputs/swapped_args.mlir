func.func @swapped(%w: tensor<3x64x4xf32>, %x: tensor<1x3x50xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}
