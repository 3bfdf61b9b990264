func.func @stride_array_attr(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x13xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = [2]} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x13xf32>
  return %0 : tensor<1x4x13xf32>
}
