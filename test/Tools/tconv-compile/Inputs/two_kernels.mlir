func.func @first(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}
func.func @second(%x: tensor<1x4x?xf32>, %w: tensor<4x8x4xf32>, %b: tensor<8xf32>) -> tensor<1x8x?xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x4x?xf32>, tensor<4x8x4xf32>, tensor<8xf32>) -> tensor<1x8x?xf32>
  return %0 : tensor<1x8x?xf32>
}
