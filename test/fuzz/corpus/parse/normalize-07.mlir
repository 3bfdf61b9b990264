func.func @ms_valid_dilation(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x13xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2>, dilation = array<i64: 2>, pad_mode = "valid"} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x13xf32>
  return %0 : tensor<1x1x13xf32>
}
