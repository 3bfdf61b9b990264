func.func @chain(%x: tensor<1x2x16xf32>, %w: tensor<2x2x4xf32>, %v: tensor<2x1x3xf32>) -> tensor<1x1x64xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x2x16xf32>, tensor<2x2x4xf32>) -> tensor<1x2x32xf32>
  %1 = tconv.ms_conv_transpose %0, %v {stride = array<i64: 2>} : (tensor<1x2x32xf32>, tensor<2x1x3xf32>) -> tensor<1x1x64xf32>
  return %1 : tensor<1x1x64xf32>
}
