func.func @ms_k4_s1_pad(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad"} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}
func.func @ms_k5_s3_same(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}
func.func @ms_k5_s3_valid(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x152xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "valid"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  return %0 : tensor<1x64x152xf32>
}
