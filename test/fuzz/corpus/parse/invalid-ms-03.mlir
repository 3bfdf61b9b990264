func.func @weight_rank_ms_1d_layout(%x: tensor<1x3x5xf32>, %w: tensor<3x4x1x3xf32>) -> tensor<1x4x15xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x5xf32>, tensor<3x4x1x3xf32>) -> tensor<1x4x15xf32>
  return %0 : tensor<1x4x15xf32>
}
