func.func @result_same(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x152xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  return %0 : tensor<1x64x152xf32>
}
