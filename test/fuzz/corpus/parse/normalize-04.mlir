func.func @page_ex3_valid_vs_torch(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> (tensor<1x64x152xf32>, tensor<1x64x152xf32>) {
  %ms = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "valid"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  %pt = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  return %ms, %pt : tensor<1x64x152xf32>, tensor<1x64x152xf32>
}
