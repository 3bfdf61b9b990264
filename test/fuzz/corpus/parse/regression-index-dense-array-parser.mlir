func.func @non_elementwise_after(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %y = tconv.conv_transpose %x, %w {dilation = array< index
  %v = arith.constant 1.0 : f32
  %p = tensor.insert %v into %t[%c0, %c0, %c0] : tensor<1x3x7xf32>
  return %p : tensor<1x3x7xf32>
}
