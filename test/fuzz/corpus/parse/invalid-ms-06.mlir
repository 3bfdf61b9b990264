func.func @output_length_pad_3d(%x: tensor<1x3x2x2x2xf32>, %w: tensor<3x4x1x1x1xf32>) -> tensor<1x4x2x2x1xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 0, 0, 0, 0, 1, 2>} : (tensor<1x3x2x2x2xf32>, tensor<3x4x1x1x1xf32>) -> tensor<1x4x2x2x1xf32>
  return %0 : tensor<1x4x2x2x1xf32>
}
